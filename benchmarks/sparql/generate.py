"""A ≥1M-triple graph shaped like govkg's: the seed build, replicated with renamed entities.

Each copy is one more source document (its own named graph). Entities are renamed per copy, except
what real newspapers share across documents: places (a 4-level hierarchy where provinces, cities,
counties and local places are shared by 1/4, 1/40, 1/200 and 1/1000 of the copies), reporters
(25 bylines write every article) and role titles. Names inside evidence sentences are renamed
with their entities, so text filters still find them.

    .venv/bin/python benchmarks/sparql/generate.py --out /tmp/govkg-bench --triples 1000000
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

import pyoxigraph as ox

from govkg.pipeline import build
from govkg.query import write_query_store
from govkg.rdf.store import write_store

ID = "https://w3id.org/govkg/id/"
GK = "https://w3id.org/govkg/ontology#"
SCHEMA = "https://schema.org/"
LABELS = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel"}
CREDITS = {SCHEMA + "author", SCHEMA + "contributor", GK + "photographer"}
PLACE_GROUPS = {"province": 4, "prefecture": 40, "county": 200, "local": 1000}
REPORTER_GROUPS = 25
SEED = Path(__file__).resolve().parents[2] / "data" / "corpus" / "seed.txt"


def place_levels(quads: list[ox.Quad]) -> dict[str, str]:
    """Each place's level, from its GB/T 2260 code (province xx0000, prefecture xxxx00) or none."""
    places = {
        q.subject.value
        for q in quads
        if q.predicate.value.endswith("type") and q.object.value == SCHEMA + "Place"
    }
    codes = {q.subject.value: q.object.value for q in quads if q.predicate.value == GK + "adcode"}
    levels = {}
    for place in places:
        code = codes.get(place, "")
        if code.endswith("0000"):
            levels[place] = "province"
        elif code.endswith("00"):
            levels[place] = "prefecture"
        else:
            levels[place] = "county" if code else "local"
    return levels


class Renamer:
    """Maps the seed's terms to those of copy ``k``."""

    def __init__(self, quads: list[ox.Quad]):
        self.levels = place_levels(quads)
        self.reporters = {q.object.value for q in quads if q.predicate.value in CREDITS}
        self.names = {}  # entity IRI → its label, for renaming inside sentences
        for q in quads:
            if q.predicate.value in LABELS and isinstance(q.object, ox.Literal):
                self.names.setdefault(q.subject.value, set()).add(q.object.value)

    def group(self, iri: str, k: int) -> str | None:
        """The suffix that makes this entity distinct in copy ``k``; None when it is shared by all copies."""
        if not iri.startswith(ID) or iri.startswith(ID + "role/"):
            return None
        if iri in self.levels:
            level = self.levels[iri]
            return f"{level[0]}{k % PLACE_GROUPS[level]}"
        if iri in self.reporters:
            return f"r{k % REPORTER_GROUPS}"
        return f"d{k}"

    def term(self, term, k: int):
        if isinstance(term, ox.NamedNode):
            suffix = self.group(term.value, k)
            return term if suffix is None else ox.NamedNode(f"{term.value}~{suffix}")
        return term

    def copy(self, quad: ox.Quad, k: int, sentence_names: list[tuple[str, str]]) -> ox.Quad:
        subject, predicate, obj = quad.subject, quad.predicate.value, quad.object
        if isinstance(obj, ox.Literal) and isinstance(subject, ox.NamedNode):
            suffix = self.group(subject.value, k)
            if predicate in LABELS and suffix is not None:
                obj = ox.Literal(f"{obj.value}·{suffix}", language=obj.language)
            elif predicate == GK + "adcode" and suffix is not None:
                obj = ox.Literal(f"{obj.value}{suffix}")
            elif predicate == GK + "text":
                text = obj.value
                for name, renamed in sentence_names:
                    text = text.replace(name, renamed)
                obj = ox.Literal(text)
        return ox.Quad(
            self.term(subject, k), quad.predicate, self.term(obj, k), self.term(quad.graph_name, k)
        )

    def sentence_names(self, k: int) -> list[tuple[str, str]]:
        pairs = []
        for iri, names in self.names.items():
            suffix = self.group(iri, k)
            if suffix is not None:
                pairs += [(name, f"{name}·{suffix}") for name in names if len(name) > 1]
        return sorted(pairs, key=lambda pair: -len(pair[0]))  # longer names first: 满洲里市 before 满洲里


def seed_quads(work: Path) -> list[ox.Quad]:
    result = build([SEED], out=work / "seed", html=False)
    del result
    return list(ox.parse(path=str(work / "seed" / "graph.nq"), format=ox.RdfFormat.N_QUADS))


def expand(quads: list[ox.Quad], triples: int, out: Path) -> int:
    """Write ``out`` (N-Quads) with as many copies as reach ``triples``; returns the number of quads."""
    renamer = Renamer(quads)
    copies = -(-triples // len(quads))
    written = 0
    with out.open("wb") as stream:
        for k in range(copies):
            names = renamer.sentence_names(k)
            batch = {renamer.copy(q, k, names) for q in quads}
            ox.serialize(batch, stream, format=ox.RdfFormat.N_QUADS)
            written += len(batch)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/govkg-bench"))
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument(
        "--reuse", action="store_true", help="keep an existing graph.nq, only rewrite the store"
    )
    parser.add_argument(
        "--layout",
        choices=["build", "merged", "named"],
        default="build",
        help="build: the merge as default graph, as `govkg build` writes it; merged: named graphs + their "
        "merge (govkg.query.write_query_store, `govkg build --store-graphs`); named: named graphs only "
        "(govkg.rdf.store.write_store)",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    nquads = args.out / "graph.nq"
    if not args.reuse or not nquads.exists():
        quads = seed_quads(args.out)
        count = expand(quads, args.triples, nquads)
        print(f"{len(quads)} seed quads → {count} quads in {nquads} ({time.perf_counter() - started:.1f} s)")
    started = time.perf_counter()
    store = args.out / "store"
    if store.exists():
        shutil.rmtree(store)
    if args.layout == "named":
        write_store(nquads, store)
    else:
        write_query_store(nquads, store, named_graphs=args.layout == "merged")
    print(
        f"{args.layout} store written in "
        f"{time.perf_counter() - started:.1f} s: {store}"
    )


if __name__ == "__main__":
    main()
