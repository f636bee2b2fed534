"""Ask the built graph questions in SPARQL: from Python, from ``govkg query`` and over HTTP (``govkg serve``).

    >>> from govkg.query import open_dataset, run
    >>> result = run(open_dataset("output/store"), "articles-by-reporter", {"reporter": "林晓"})

``run`` takes an inline query, a ``.rq`` file or the name of a saved question; parameters are bound
as RDF terms (Oxigraph's substitutions), never pasted into the text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from govkg.errors import QueryError
from govkg.query.dataset import (
    DEFAULT_STORE,
    Dataset,
    open_dataset,
    open_graph,
    open_store,
    write_query_store,
)
from govkg.query.engine import QueryResult, Results, execute, materialize
from govkg.query.formats import FORMATS, render_table, serializer
from govkg.query.params import bind
from govkg.query.saved import SavedQuestion, saved_question, saved_questions

__all__ = [
    "DEFAULT_STORE",
    "FORMATS",
    "Dataset",
    "Query",
    "QueryResult",
    "SavedQuestion",
    "answer",
    "load_query",
    "open_dataset",
    "open_graph",
    "open_store",
    "render_table",
    "run",
    "saved_question",
    "saved_questions",
    "write_query_store",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Query:
    """The text of a query and where it came from; ``question`` when it is a saved one."""

    text: str
    where: str
    question: SavedQuestion | None = None


def load_query(source: str, queries: Path | None = None) -> Query:
    """A saved question's name, a path to a ``.rq`` file, or the query itself."""
    stripped = source.strip()
    if stripped and not any(c.isspace() for c in stripped) and "{" not in stripped:
        if stripped in saved_questions(queries):
            question = saved_question(stripped, queries)
            return Query(question.text, f"{question.name}.rq", question)
        path = Path(stripped)
        if path.is_file():
            try:
                return Query(path.read_text(encoding="utf-8"), str(path))
            except (OSError, UnicodeDecodeError) as error:
                raise QueryError(f"{path}: cannot read: {error}") from error
        if path.suffix in {".rq", ".sparql"}:
            raise QueryError(f"{path}: no such file")
        raise QueryError(f"{stripped}: neither a saved question (see --list), a .rq file nor a query")
    return Query(source, "query")


def _evaluate(
    dataset: Dataset,
    source: str | Query,
    params: Mapping[str, str] | None,
    consume: Callable[[Results], T],
    timeout: float | None,
) -> T:
    query = source if isinstance(source, Query) else load_query(source)
    values = dict(params or {})
    if query.question is not None:
        query.question.check(values)
        kinds = query.question.kinds
    else:
        kinds = {}
    substitutions = bind(values, kinds)
    return execute(
        dataset.store,
        query.text,
        substitutions=substitutions,
        consume=consume,
        timeout=timeout,
        where=query.where,
        union=dataset.union,
        worker=dataset.worker,
    )


def run(
    dataset: Dataset,
    source: str | Query,
    params: Mapping[str, str] | None = None,
    *,
    timeout: float | None = None,
) -> QueryResult:
    """The answer read into memory (rows, a boolean or triples)."""
    return _evaluate(dataset, source, params, materialize, timeout)


def answer(
    dataset: Dataset,
    source: str | Query,
    params: Mapping[str, str] | None = None,
    *,
    fmt: str = "table",
    timeout: float | None = None,
    max_width: int = 60,
) -> bytes:
    """The answer written in ``fmt`` (table, csv, tsv, json, xml, turtle, ntriples)."""
    return _evaluate(dataset, source, params, serializer(fmt, max_width), timeout)
