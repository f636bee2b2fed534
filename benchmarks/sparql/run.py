"""Time every saved question through govkg, raw pyoxigraph (same store) and rdflib's in-memory engine.

    .venv/bin/python benchmarks/sparql/generate.py --out /tmp/govkg-bench      # once
    .venv/bin/python benchmarks/sparql/run.py --data /tmp/govkg-bench

govkg is ``govkg.query.run`` (parameters bound from strings, a time limit, rows read into tuples),
and the same without a time limit (the library's default: no worker thread);
raw is ``list(Store.query(...))`` on the same read-only store object with the very text and
bindings govkg sends (substitutions plus the VALUES hint). Both are run alternately, after one
warm-up each. "substitutions only" is raw pyoxigraph given the saved text and ``substitutions``
alone, to show what the hint is for. rdflib (``Dataset(default_union=True)`` parsed
from the same N-Quads) runs in a child process that is killed when a question exceeds ``--cap``
seconds. Parameters are chosen from the data by structure, never by name.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import statistics
import time
from pathlib import Path

import pyoxigraph as ox

from govkg.query import Query, open_store, run, saved_questions
from govkg.query.hints import with_values
from govkg.query.params import bind

PICKS = {
    "region": """SELECT ?pick (COUNT(DISTINCT ?child) AS ?n) WHERE {
        ?place schema:containedInPlace ?top ; rdfs:label ?pick . ?child schema:containedInPlace ?place .
        FILTER NOT EXISTS { ?top schema:containedInPlace ?above } } GROUP BY ?pick ORDER BY DESC(?n) ?pick LIMIT 1""",
    "reporter": """SELECT ?pick (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:author/rdfs:label ?pick }
        GROUP BY ?pick ORDER BY DESC(?n) ?pick LIMIT 1""",
    "program": """SELECT ?pick (COUNT(DISTINCT ?place) AS ?n) WHERE { ?p a gk:Program ; rdfs:label ?pick ;
        gk:implementedIn ?place } GROUP BY ?pick ORDER BY DESC(?n) ?pick LIMIT 1""",
    "led program": """SELECT ?pick (COUNT(DISTINCT ?who) AS ?n) WHERE { ?p a gk:Program ; rdfs:label ?pick ;
        gk:involves ?who } GROUP BY ?pick ORDER BY DESC(?n) ?pick LIMIT 1""",
    "person": """SELECT ?pick WHERE { ?p gk:involves/rdfs:label ?pick } ORDER BY ?pick LIMIT 1""",
    "entity": """SELECT ?pick WHERE { { ?e a gk:Program } UNION { ?e a schema:Organization }
        ?e rdfs:label ?pick } ORDER BY ?pick LIMIT 1""",
    "county": """SELECT ?pick (COUNT(?m) AS ?n) WHERE { ?m gk:about ?place . ?place rdfs:label ?pick ;
        schema:containedInPlace/schema:containedInPlace ?city } GROUP BY ?pick ORDER BY DESC(?n) ?pick LIMIT 1""",
}


def pick(dataset, what: str) -> str | None:
    values = run(dataset, Query(PICKS[what], f"pick {what}")).column("pick")
    return values[0] if values else None


def cases(dataset) -> list[tuple[str, dict[str, str], str]]:
    """(question, parameters, scope) for every saved question; scope "lookup" or "whole graph"."""
    region, reporter, program = pick(dataset, "region"), pick(dataset, "reporter"), pick(dataset, "program")
    person = pick(dataset, "person")
    entity = pick(dataset, "entity") or pick(dataset, "county")
    plan = [
        ("programs-in-region", {"region": region}, "lookup"),
        ("officials-by-program", {"program": pick(dataset, "led program")}, "lookup"),
        ("officials-by-program", {}, "whole graph"),
        ("metrics-by-region", {"region": region}, "lookup"),
        ("metrics-by-region", {}, "whole graph"),
        ("quoted-people", {"person": person}, "lookup"),
        ("quoted-people", {}, "whole graph"),
        ("articles-by-reporter", {"reporter": reporter}, "lookup"),
        ("programs-sharing-places", {"program": program}, "lookup"),
        # Over the whole graph this question lists every pair of programs of every shared city:
        # millions of rows at 1M triples, which measures row transfer, not the query.
        ("neighbourhood", {"entity": entity}, "lookup"),
        ("evidence", {"entity": entity}, "lookup"),
    ]
    return [
        (name, params, scope) for name, params, scope in plan if all(v is not None for v in params.values())
    ]


def timed(fn) -> tuple[float, int]:
    started = time.perf_counter()
    rows = fn()
    return (time.perf_counter() - started) * 1000, rows


def time_oxigraph(dataset, question, params: dict[str, str], repeat: int, repeat_fast: int = 31) -> dict:
    """govkg and raw pyoxigraph alternately; raw sends the very text and bindings govkg sends.

    A question that answers in under 50 ms is run ``repeat_fast`` times: a sub-millisecond median of
    7 runs on a shared VM moves by a third from one run of the script to the next.
    """
    query = Query(question.text, question.name, question)
    substitutions = bind(params, question.kinds)
    hinted = with_values(question.text, substitutions)
    store, union = dataset.store, dataset.union

    def through_govkg() -> int:
        return len(run(dataset, query, params, timeout=600).rows)

    def through_govkg_without_limit() -> int:
        return len(run(dataset, query, params).rows)

    def raw() -> int:
        return len(list(store.query(hinted, substitutions=substitutions, use_default_graph_as_union=union)))

    through_govkg(), through_govkg_without_limit()  # warm-up
    if timed(raw)[0] < 50:
        repeat = max(repeat, repeat_fast)
    govkg_ms, unlimited_ms, raw_ms = [], [], []
    runners = [(through_govkg, govkg_ms), (through_govkg_without_limit, unlimited_ms), (raw, raw_ms)]
    rows = {}
    for i in range(repeat):
        for fn, times in runners[i % 3:] + runners[: i % 3]:  # each goes first in turn: no place is favoured
            ms, rows[fn] = timed(fn)
            times.append(ms)
    govkg_rows, raw_rows = rows[through_govkg], rows[raw]
    row = {"govkg_ms": govkg_ms, "govkg_no_limit_ms": unlimited_ms, "raw_ms": raw_ms, "rows": raw_rows,
           "govkg_rows": govkg_rows}
    if params:
        row["substitutions_only_ms"] = substitutions_only(
            dataset.source, question.text, params, question.kinds, union
        )
    return row


def substitutions_only_worker(location, text, params, kinds, union, outbox) -> None:
    store = ox.Store.read_only(location)
    substitutions = bind(params, kinds)
    runs = []
    for _ in range(3):
        ms, _rows = timed(
            lambda: len(
                list(store.query(text, substitutions=substitutions, use_default_graph_as_union=union))
            )
        )
        runs.append(ms)
        outbox.put(list(runs))


def substitutions_only(location, text, params, kinds, union, cap: float = 30.0) -> list[float] | None:
    """Raw pyoxigraph with ``substitutions`` alone, in a child process stopped after ``cap`` seconds."""
    context = mp.get_context("spawn")
    outbox = context.Queue()
    child = context.Process(
        target=substitutions_only_worker, args=(location, text, params, kinds, union, outbox)
    )
    child.start()
    runs, deadline = None, time.monotonic() + cap
    while len(runs or ()) < 3 and time.monotonic() < deadline:
        try:
            runs = outbox.get(timeout=max(0.1, deadline - time.monotonic()))
        except Exception:  # queue.Empty: over the cap
            break
    child.kill()
    child.join()
    return runs or None


def rdflib_worker(nquads: str, inbox, outbox) -> None:
    """Load once, then answer (text, bindings-as-N-Triples, repeat) requests until told to stop."""
    import rdflib
    from rdflib.util import from_n3

    started = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    outbox.put(("loaded", time.perf_counter() - started, len(dataset)))
    while (request := inbox.get()) is not None:
        text, bindings, repeat = request
        init = {rdflib.Variable(k): from_n3(v) for k, v in bindings.items()}
        runs = []
        for _ in range(repeat):
            ms, rows = timed(lambda text=text, init=init: len(list(dataset.query(text, initBindings=init))))
            runs.append(ms)
            if ms > 5000:
                break
        outbox.put(("done", runs, rows))


class RdflibRunner:
    """rdflib in a child process, so that a question that runs for minutes can be stopped."""

    def __init__(self, nquads: Path, cap: float):
        self.nquads, self.cap, self.process = str(nquads), cap, None
        self.load_s = None

    def start(self) -> None:
        context = mp.get_context("spawn")
        self.inbox, self.outbox = context.Queue(), context.Queue()
        self.process = context.Process(
            target=rdflib_worker, args=(self.nquads, self.inbox, self.outbox), daemon=True
        )
        self.process.start()
        _, self.load_s, self.triples = self.outbox.get(timeout=1800)

    def time(self, text: str, bindings: dict[str, str], repeat: int = 3) -> dict:
        if self.process is None:
            self.start()
        self.inbox.put((text, bindings, repeat))
        try:
            _, runs, rows = self.outbox.get(timeout=self.cap * repeat)
        except Exception:  # queue.Empty: over the cap
            self.process.kill()
            self.process.join()
            self.process = None
            return {"rdflib_ms": None, "rdflib_rows": None}
        return {"rdflib_ms": runs, "rdflib_rows": rows}

    def stop(self) -> None:
        if self.process is not None:
            self.inbox.put(None)
            self.process.join(timeout=30)


def n3(value: str, kind: str) -> str:
    term = bind({"x": value}, {"x": kind})[ox.Variable("x")]
    return str(term)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/tmp/govkg-bench"))
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--repeat-fast", type=int, default=31, help="runs of a question under 50 ms")
    parser.add_argument(
        "--cap", type=float, default=60.0, help="rdflib: seconds allowed per run of a question"
    )
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--json", type=Path, default=Path(__file__).with_name("results.json"))
    args = parser.parse_args()

    dataset = open_store(args.data / "store")
    questions = saved_questions()
    rdflib_runner = None if args.no_rdflib else RdflibRunner(args.data / "graph.nq", args.cap)
    results = []
    for name, params, scope in cases(dataset):
        question = questions[name]
        row = {"question": name, "params": params, "scope": scope}
        row.update(time_oxigraph(dataset, question, params, args.repeat, args.repeat_fast))
        if rdflib_runner is not None:
            bindings = {k: n3(v, question.kinds[k]) for k, v in params.items()}
            row.update(rdflib_runner.time(question.text, bindings))
        results.append(row)
        print(summary_line(row), flush=True)
    if rdflib_runner is not None:
        rdflib_runner.stop()
    meta = {
        "triples": len(dataset.store),
        "repeat": args.repeat,
        "repeat_fast": args.repeat_fast,
        "cap_s": args.cap,
        "rdflib_load_s": getattr(rdflib_runner, "load_s", None),
    }
    args.json.write_text(
        json.dumps({"meta": meta, "results": results}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print(markdown(meta, results))


def median(values) -> float | None:
    return statistics.median(values) if values else None


def summary_line(row: dict) -> str:
    g, r, lib = median(row["govkg_ms"]), median(row["raw_ms"]), median(row.get("rdflib_ms"))
    lib_text = "–" if lib is None else f"{lib:.1f}"
    alone = median(row.get("substitutions_only_ms"))
    return (
        f"{row['question']:26} {row['scope']:11} rows={row['rows']:<6} govkg={g:8.2f} raw={r:8.2f} "
        f"({g / r:.2f}×) substitutions-only={alone} rdflib={lib_text}"
    )


def markdown(meta: dict, results: list[dict]) -> str:
    lines = [
        f"{meta['triples']:,} quads; medians of {meta['repeat']} runs, {meta.get('repeat_fast', meta['repeat'])} "
        f"for questions under 50 ms (rdflib: of up to 3, capped at {meta['cap_s']:g} s).",
        "",
        "| saved question | scope | rows | `govkg.query.run` ms | with a time limit (CLI) ms | raw pyoxigraph ms "
        "| run / raw | with limit / raw | substitutions only ms | rdflib ms | rdflib / raw |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in results:
        g, r, lib = median(row["govkg_ms"]), median(row["raw_ms"]), median(row.get("rdflib_ms"))
        if "rdflib_ms" not in row:
            lib_cell = ratio = "not run"
        elif lib is None:
            lib_cell, ratio = (
                f"> {meta['cap_s'] * 1000:,.0f} (stopped)",
                f"> {meta['cap_s'] * 1000 / r:,.0f}×",
            )
        else:
            lib_cell, ratio = f"{lib:,.1f}", f"{lib / r:,.0f}×"
        params = ", ".join(row["params"]) or "–"
        alone = median(row.get("substitutions_only_ms"))
        alone_cell = (
            "–"
            if "substitutions_only_ms" not in row
            else "> 30,000 (stopped)"
            if alone is None
            else f"{alone:,.1f}"
        )
        free = median(row.get("govkg_no_limit_ms"))
        free_cells = "– | –" if free is None else f"{free:,.2f} | {g:,.2f}"
        free_ratio = "–" if free is None else f"{free / r:.2f}×"
        lines.append(
            f"| {row['question']} ({params}) | {row['scope']} | {row['rows']} | {free_cells} | "
            f"{r:,.2f} | {free_ratio} | {g / r:.2f}× | {alone_cell} | {lib_cell} | {ratio} |"
        )
    return "\n".join(lines)


def report(path: Path) -> None:
    """Print the table of a results file again."""
    data = json.loads(path.read_text(encoding="utf-8"))
    print(markdown(data["meta"], data["results"]))


if __name__ == "__main__":
    main()
