"""``--param name=value`` → RDF terms bound to query variables, never pasted into the query text.

A saved question declares each parameter's kind; for other queries the value's own form decides:
``<iri>`` or ``gk:Term`` is an IRI, ``"text"@zh`` / ``"5"^^xsd:integer`` an N-Triples-like literal,
and anything else a plain string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pyoxigraph

from govkg.errors import QueryError
from govkg.query.prefixes import expand

Term = pyoxigraph.NamedNode | pyoxigraph.Literal

XSD = "http://www.w3.org/2001/XMLSchema#"
KINDS = ("name", "iri", "string", "integer", "decimal", "date", "term")

_QUOTED = re.compile(
    r'^"(?P<text>(?:[^"\\]|\\.)*)"(?:@(?P<lang>[A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?P<dt>\S+))?$', re.S
)
_ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r"}
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?(\d+\.\d*|\.\d+|\d+)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def split_assignments(assignments: Iterable[str]) -> dict[str, str]:
    """``["region=杭州市", ...]`` → ``{"region": "杭州市"}``; the value may itself contain ``=``."""
    values: dict[str, str] = {}
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _VARIABLE.match(name):
            raise QueryError(f"--param {assignment!r}: expected name=value with a SPARQL variable name")
        values[name] = value
    return values


def iri(value: str, name: str = "value") -> pyoxigraph.NamedNode:
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    full = expand(text) or text
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", full):
        raise QueryError(f"--param {name}: {value!r} is not an IRI")
    try:
        return pyoxigraph.NamedNode(full)
    except ValueError as error:
        raise QueryError(f"--param {name}: {value!r} is not an IRI: {error}") from error


def literal_of(value: str, name: str = "value") -> pyoxigraph.Literal:
    """An N-Triples-like literal: ``"text"``, ``"text"@zh``, ``"5"^^xsd:integer``."""
    match = _QUOTED.match(value.strip())
    if not match:
        raise QueryError(f"--param {name}: {value!r} is not a quoted literal")
    text = re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), match["text"])
    if match["lang"]:
        return pyoxigraph.Literal(text, language=match["lang"])
    if match["dt"]:
        return pyoxigraph.Literal(text, datatype=iri(match["dt"], name))
    return pyoxigraph.Literal(text)


def term_of(value: str, name: str = "value") -> Term:
    """Guess the term from the value's form (for queries that declare no parameters)."""
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        return iri(text, name)
    if _QUOTED.match(text):
        return literal_of(text, name)
    if expand(text):
        return iri(text, name)
    return pyoxigraph.Literal(value)


def typed(value: str, kind: str, name: str = "value") -> Term:
    """The term for a value of a declared kind; ``name`` means a label in Chinese (``"…"@zh``)."""
    text = value.strip()
    if kind == "name":
        return pyoxigraph.Literal(text, language="zh")
    if kind == "iri":
        return iri(text, name)
    if kind == "string":
        return pyoxigraph.Literal(value)
    if kind == "integer" and _INTEGER.match(text):
        return pyoxigraph.Literal(text, datatype=pyoxigraph.NamedNode(XSD + "integer"))
    if kind == "decimal" and _DECIMAL.match(text):
        return pyoxigraph.Literal(text, datatype=pyoxigraph.NamedNode(XSD + "decimal"))
    if kind == "date" and _DATE.match(text):
        return pyoxigraph.Literal(text, datatype=pyoxigraph.NamedNode(XSD + "date"))
    if kind == "term":
        return term_of(value, name)
    raise QueryError(f"--param {name}: {value!r} is not a valid {kind}")


def bind(
    values: Mapping[str, str], kinds: Mapping[str, str] | None = None
) -> dict[pyoxigraph.Variable, Term]:
    """Substitutions for ``Store.query``: each value as the term of its declared kind (or its own form)."""
    kinds = kinds or {}
    return {
        pyoxigraph.Variable(name): typed(value, kinds.get(name, "term"), name)
        for name, value in values.items()
    }
