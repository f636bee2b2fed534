"""Time ``govkg.export.export`` per format against the floor: pyoxigraph parsing and writing the same file.

    .venv/bin/python benchmarks/export/run.py                       # synthetic 200k quads, 100 documents
    .venv/bin/python benchmarks/export/run.py --quads 1000000
    .venv/bin/python benchmarks/export/run.py --data output         # a real build directory

The floor is ``serialize(parse(graph.nq))`` (no sorting, no union, no prefixes) and, for Turtle,
``Store.load`` + ``Store.dump`` with the same prefixes. govkg adds canonical sorting, the union graph
and atomic writes. Each measure runs ``--repeat`` times alternately with the floor; min / median.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from govkg.export import export
from govkg.export.prefixes import contract_prefixes

ID = "https://w3id.org/govkg/id/"
GK = "https://w3id.org/govkg/ontology#"
XSD_DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")


def synthetic(path: Path, quads: int, documents: int) -> None:
    """Metrics and places spread over documents, five quads per metric, in shuffled order."""
    rng = random.Random(7)
    out = []
    for n in range(quads // 5):
        graph = ox.NamedNode(f"{ID}graph/doc{n % documents}")
        metric = ox.NamedNode(f"{ID}metric/doc{n % documents}/{n}")
        place = ox.NamedNode(f"{ID}place/{rng.randrange(quads // 50 + 1)}")
        out += [
            ox.Quad(
                metric,
                ox.NamedNode(f"{GK}value"),
                ox.Literal(str(rng.randrange(10_000)), datatype=XSD_DECIMAL),
                graph,
            ),
            ox.Quad(
                metric,
                ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                ox.Literal(f"指标{n}", language="zh"),
                graph,
            ),
            ox.Quad(metric, ox.NamedNode(f"{GK}about"), place, graph),
            ox.Quad(
                metric,
                ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                ox.NamedNode(f"{GK}Metric"),
                graph,
            ),
            ox.Quad(
                place,
                ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                ox.Literal(f"地{n % 997}", language="zh"),
                graph,
            ),
        ]
    rng.shuffle(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    ox.serialize(out, str(path), ox.RdfFormat.N_QUADS)


def floor_nquads(source: Path, out: Path) -> None:
    ox.serialize(ox.parse(path=str(source), format=ox.RdfFormat.N_QUADS), str(out), ox.RdfFormat.N_QUADS)


def floor_turtle(source: Path, out: Path) -> None:
    store = ox.Store()
    store.load(path=str(source), format=ox.RdfFormat.N_QUADS)
    union = (quad.triple for quad in store)
    ox.serialize(union, str(out), ox.RdfFormat.TURTLE, prefixes=contract_prefixes())


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="a build directory with graph.nq (default: synthetic)")
    parser.add_argument("--quads", type=int, default=200_000)
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats", default="nq,nt,ttl,trig,gexf")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        build = args.data or work / "build"
        if args.data is None:
            synthetic(build / "graph.nq", args.quads, args.documents)
        source = build / "graph.nq"
        size = sum(1 for _ in ox.parse(path=str(source), format=ox.RdfFormat.N_QUADS))
        print(f"{size:,} quads from {source}, n={args.repeat}, min / median seconds")
        floors = {"nq": floor_nquads, "ttl": floor_turtle}
        print("| format | govkg | floor | govkg / floor | quads/s |")
        print("|---|---|---|---|---|")
        for fmt in args.formats.split(","):
            floor = floors.get(fmt, floor_nquads)
            ours, base = [], []
            for _ in range(args.repeat):
                ours.append(timed(lambda fmt=fmt: export(build, work / f"out.{fmt}", fmt=fmt)))
                base.append(timed(lambda fmt=fmt, floor=floor: floor(source, work / f"floor.{fmt}")))
            ratio = statistics.median(ours) / statistics.median(base)
            print(
                f"| {fmt} | {min(ours):.2f} / {statistics.median(ours):.2f} | {min(base):.2f} / "
                f"{statistics.median(base):.2f} ({'Turtle' if fmt == 'ttl' else 'N-Quads'}) | {ratio:.1f}× | "
                f"{size / min(ours):,.0f} |"
            )


if __name__ == "__main__":
    main()
