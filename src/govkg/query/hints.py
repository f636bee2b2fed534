"""A plan hint for bound parameters: the same bindings, also given as a VALUES block in each WHERE clause.

pyoxigraph 0.5 applies ``substitutions`` after planning, so a bound name still makes Oxigraph
plan (and run) the query for every name and filter at the end: up to 20,000x slower at 1M triples
(benchmarks/README.md). Oxigraph plans from a VALUES block at the start of a group, so the
bindings are also written there. The block is made of terms written by pyoxigraph (``str(term)``:
N-Triples syntax with quotes, backslashes and line breaks escaped, IRIs validated when created),
never of the user's text; the substitutions stay, so the answer is the substituted query's.
A variable goes only into the WHERE clauses that project it (SELECT * or ?v): a subquery's other
variables are its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import pyoxigraph

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
    | (?P<pname>(?:[A-Za-z][\w.-]*)?:[^\s{}()<>"',;]*)
    | (?P<word>[A-Za-z][A-Za-z0-9_-]*)
    | (?P<punct>[{}()*])
    | (?P<other>\S)
    """,
    re.X | re.S,
)
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


def _tokens(query: str) -> list[tuple[str, str, int]]:
    return [(m.lastgroup, m.group(), m.end()) for m in _TOKEN.finditer(query) if m.lastgroup != "comment"]


def _projection(tokens: list[tuple[str, str, int]], start: int) -> tuple[set[str] | None, int]:
    """The variables a SELECT projects (None for ``*``) and the index where its clause ends."""
    names: set[str] = set()
    depth, i = 0, start
    while i < len(tokens):
        kind, text, _ = tokens[i]
        if depth == 0 and (text == "{" or (kind == "word" and text.upper() in {"WHERE", "FROM"})):
            return names, i
        if text == "*" and depth == 0:
            names = None if names == set() else names
        elif text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        elif kind == "var" and (depth == 0 or tokens[i - 1][1].upper() == "AS") and names is not None:
            names.add(text[1:])
        i += 1
    return names, i


@lru_cache(maxsize=256)
def _where_groups(query: str) -> tuple[tuple[int, frozenset[str] | None], ...]:
    """(offset just after the ``{`` that opens a WHERE clause, the variables it may bind)."""
    tokens = _tokens(query)
    groups, i = [], 0
    while i < len(tokens):
        kind, text, _ = tokens[i]
        form = text.upper() if kind == "word" else ""
        if form not in _FORMS:
            i += 1
            continue
        visible: set[str] | None = None
        if form == "SELECT":
            visible, i = _projection(tokens, i + 1)
        else:
            i += 1
        saw_where = False
        while i < len(tokens) and tokens[i][1] != "{":
            saw_where = saw_where or tokens[i][1].upper() == "WHERE"
            i += 1
        if form == "CONSTRUCT":
            if saw_where:  # CONSTRUCT WHERE { template }: no room for VALUES
                continue
            depth = 0  # skip the template; WHERE is optional before the pattern
            while i < len(tokens):
                depth += {"{": 1, "}": -1}.get(tokens[i][1], 0)
                i += 1
                if depth == 0:
                    break
            while i < len(tokens) and tokens[i][1] != "{":
                i += 1
        if i < len(tokens):
            groups.append((tokens[i][2], None if visible is None else frozenset(visible)))
        i += 1
    return tuple(groups)


def with_values(query: str, bindings: Mapping[pyoxigraph.Variable, object]) -> str:
    """``query`` with ``VALUES (?a ?b) { (<x> "y"@zh) }`` opening each WHERE clause that projects them."""
    if not bindings:
        return query
    return _hinted(query, tuple(sorted((variable.value, str(term)) for variable, term in bindings.items())))


@lru_cache(maxsize=1024)
def _hinted(query: str, values: tuple[tuple[str, str], ...]) -> str:
    """The hinted text for (name, term as N-Triples) pairs: a question asked again costs a lookup."""
    out, last = [], 0
    for offset, visible in _where_groups(query):
        row = [(name, term) for name, term in values if visible is None or name in visible]
        if not row:
            continue
        head = " ".join(f"?{name}" for name, _ in row)
        terms = " ".join(term for _, term in row)
        out += [query[last:offset], f" VALUES ({head}) {{ ({terms}) }} "]
        last = offset
    return "".join(out) + query[last:]
