"""Run one SPARQL query on a dataset: bound parameters, a time limit, errors that say where.

Oxigraph evaluates lazily and releases the GIL while it works, so the query and the reading of
its results run on a worker thread that the caller stops waiting for after ``timeout`` seconds.
pyoxigraph cannot cancel a running query: a query that timed out finishes (or is dropped with
the process) in the background, which is why the CLI exits right after reporting it.
"""

from __future__ import annotations

import re
import threading
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import pyoxigraph

from govkg.errors import QueryError
from govkg.query.hints import with_values
from govkg.query.prefixes import PREFIXES

T = TypeVar("T")
Results = pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples

_UNSELECTED = re.compile(r"variable \?(\w+) in its SELECT projection")
_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.S)


@dataclass(frozen=True)
class QueryResult:
    """A query's answer read into memory: rows for SELECT, a boolean for ASK, triples for CONSTRUCT."""

    kind: str  # "select" | "ask" | "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[pyoxigraph.Triple, ...] = ()

    def column(self, name: str) -> list[str | None]:
        """The values of one column as plain strings (IRIs whole, literals without tag or type)."""
        index = self.variables.index(name)
        return [None if row[index] is None else row[index].value for row in self.rows]


def materialize(results: Results) -> QueryResult:
    if isinstance(results, pyoxigraph.QuerySolutions):
        variables = tuple(v.value for v in results.variables)
        return QueryResult("select", variables, tuple(tuple(solution) for solution in results))
    if isinstance(results, pyoxigraph.QueryBoolean):
        return QueryResult("ask", boolean=bool(results))
    return QueryResult("graph", ("subject", "predicate", "object"), triples=tuple(results))


def syntax_error(error: SyntaxError, query: str, where: str) -> QueryError:
    """``error at 4:2: expected …`` → ``where: syntax error at line 4, column 2: expected … (in: <line>)``."""
    message = str(error)
    match = _POSITION.match(message)
    if not match:
        return QueryError(f"{where}: syntax error: {message}")
    line, column, reason = int(match[1]), int(match[2]), " ".join(match[3].split())
    lines = query.splitlines()
    near = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    context = f" (in: {near})" if near else ""
    return QueryError(f"{where}: syntax error at line {line}, column {column}: {reason}{context}")


def _evaluate(
    dataset_store: pyoxigraph.Store,
    query: str,
    substitutions: Mapping[pyoxigraph.Variable, object] | None,
    consume: Callable[[Results], T],
    where: str,
    union: bool,
) -> T:
    substitutions = dict(substitutions or {})

    def ask(text: str) -> Results:
        return dataset_store.query(
            text, prefixes=PREFIXES, use_default_graph_as_union=union, substitutions=substitutions
        )

    try:
        try:
            results = ask(with_values(query, substitutions))
        except SyntaxError:
            results = ask(query)  # the user's own error, at the user's own line and column
        return consume(results)
    except SyntaxError as error:
        raise syntax_error(error, query, where) from error
    except RuntimeError as error:
        unselected = _UNSELECTED.search(str(error))
        if unselected:
            raise QueryError(
                f"{where}: ?{unselected[1]} is not in the SELECT clause; select it (or SELECT *) to bind it"
            ) from error
        raise QueryError(f"{where}: {error}") from error
    except OSError as error:
        raise QueryError(f"{where}: the query failed: {error}") from error


def _release_results(error: BaseException | None) -> None:
    """Drop the locals of finished frames: pyoxigraph results must be freed on the thread that made them."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        traceback.clear_frames(error.__traceback__)
        error = error.__cause__ or error.__context__


class _Slot:
    """The handoff between a caller and the worker thread: two locks used as one-shot signals."""

    def __init__(self) -> None:
        self.start = threading.Lock()
        self.done = threading.Lock()
        self.start.acquire()
        self.done.acquire()
        self.work: Callable[[], object] | None = None
        self.value: object = None
        self.error: BaseException | None = None


class Worker:
    """One reusable thread that runs queries under a time limit (a new thread per query cost 0.1-0.3 ms).

    The handoff is a pair of plain locks, the cheapest wake-up Python has. A query that overruns its
    limit keeps the thread busy until Oxigraph finishes it, so that thread is let go (it exits after
    that query) and the next query gets a fresh one.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._slot: _Slot | None = None

    @staticmethod
    def _serve(slot: _Slot) -> None:
        while True:
            slot.start.acquire()
            work, slot.work = slot.work, None
            if work is None:
                return
            try:
                slot.value = work()
            except BaseException as error:  # handed to the caller's thread
                _release_results(error)
                slot.error = error
            del work
            slot.done.release()

    def run(self, work: Callable[[], T], timeout: float, where: str) -> T:
        with self._lock:
            slot = self._slot
            if slot is None:
                slot = self._slot = _Slot()
                threading.Thread(target=self._serve, args=(slot,), name="govkg-query", daemon=True).start()
            slot.work = work
            slot.start.release()
            if not slot.done.acquire(timeout=timeout):
                self._slot = None
                slot.start.release()  # with no work: the thread ends once the query does
                raise QueryError(f"{where}: no answer within the time limit of {timeout:g} s")
            value, error = slot.value, slot.error
            slot.value = slot.error = None
        if error is not None:
            raise error
        return value  # type: ignore[return-value]


def execute(
    store: pyoxigraph.Store,
    query: str,
    *,
    substitutions: Mapping[pyoxigraph.Variable, object] | None = None,
    consume: Callable[[Results], T] = materialize,
    timeout: float | None = None,
    where: str = "query",
    union: bool = False,
    worker: Worker | None = None,
) -> T:
    """Evaluate ``query`` and hand the results to ``consume``.

    The default graph is the store's own, or with ``union`` the union of its named graphs.
    ``consume`` runs inside the time limit, so reading or serialising the results counts towards it;
    with a limit, the query runs on ``worker`` (a fresh one when not given).
    """
    if timeout is None:
        return _evaluate(store, query, substitutions, consume, where, union)
    if timeout <= 0:
        raise QueryError(f"{where}: the time limit must be positive, not {timeout}")
    return (worker or Worker()).run(
        lambda: _evaluate(store, query, substitutions, consume, where, union), timeout, where
    )
