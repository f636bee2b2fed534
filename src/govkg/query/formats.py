"""Output formats for query results: a readable table, or the standard SPARQL result formats.

The standard formats are written by Oxigraph's own serialisers; only the table is ours, because
a terminal needs column widths that count a Chinese character as two cells (wcwidth).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph
from wcwidth import wcswidth

from govkg.errors import QueryError
from govkg.query.engine import QueryResult, Results, materialize
from govkg.query.prefixes import PREFIXES, shorten

QRF = pyoxigraph.QueryResultsFormat
RDF = pyoxigraph.RdfFormat


@dataclass(frozen=True)
class Format:
    """How one ``--format`` writes SELECT/ASK answers and CONSTRUCT/DESCRIBE graphs (None: not at all)."""

    name: str
    media_type: str
    results: pyoxigraph.QueryResultsFormat | None
    graph: pyoxigraph.RdfFormat | None


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", "text/plain", None, None),
        Format("csv", "text/csv", QRF.CSV, None),
        Format("tsv", "text/tab-separated-values", QRF.TSV, None),
        Format("json", "application/sparql-results+json", QRF.JSON, RDF.JSON_LD),
        Format("xml", "application/sparql-results+xml", QRF.XML, RDF.RDF_XML),
        Format("turtle", "text/turtle", None, RDF.TURTLE),
        Format("ntriples", "application/n-triples", None, RDF.N_TRIPLES),
    )
}


def display(term: object) -> str:
    """A term as an analyst reads it: ``schema:Place``, a literal's text, ``_:b0``; unbound is empty."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        return shorten(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, pyoxigraph.Literal):
        return term.value
    return str(term)


def _width(text: str) -> int:
    width = wcswidth(text)
    return len(text) if width < 0 else width


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if limit <= 0 or _width(text) <= limit:
        return text
    out, used = [], 0
    for char in text:
        w = max(_width(char), 0)
        if used + w > limit - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def render_table(result: QueryResult, max_width: int = 60) -> str:
    """Columns padded by display width (a CJK character counts two), cells clipped to ``max_width``."""
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    rows = result.rows if result.kind == "select" else tuple(tuple(t) for t in result.triples)
    header = list(result.variables)
    cells = [[_clip(display(term), max_width) for term in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = [
        "  ".join(_pad(h, w) for h, w in zip(header, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.append(f"({len(rows)} {'row' if len(rows) == 1 else 'rows'})")
    return "\n".join(lines) + "\n"


def serializer(name: str, max_width: int = 60) -> Callable[[Results], bytes]:
    """The function that turns live results into the bytes of format ``name`` (run inside the time limit)."""
    if name not in FORMATS:
        raise QueryError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})")
    fmt = FORMATS[name]

    def write(results: Results) -> bytes:
        if fmt.name == "table":
            return render_table(materialize(results), max_width).encode("utf-8")
        if isinstance(results, pyoxigraph.QueryTriples):
            if fmt.graph is None:
                raise QueryError(
                    f"a CONSTRUCT or DESCRIBE answer is a graph: use --format {_graph_formats()}"
                )
            return pyoxigraph.serialize(results, format=fmt.graph, prefixes=PREFIXES)
        if fmt.results is None:
            raise QueryError(
                f"{fmt.name} is for graphs (CONSTRUCT/DESCRIBE); use table, csv, tsv, json or xml"
            )
        return results.serialize(format=fmt.results)

    return write


def _graph_formats() -> str:
    return ", ".join(f.name for f in FORMATS.values() if f.graph is not None or f.name == "table")
