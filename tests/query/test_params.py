"""--param values become RDF terms bound to variables; no value can change the query."""

from __future__ import annotations

import pyoxigraph
import pytest

from govkg.errors import QueryError
from govkg.query import run
from govkg.query.params import split_assignments, term_of, typed

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<https://schema.org/Place>", pyoxigraph.NamedNode("https://schema.org/Place")),
        ("schema:Place", pyoxigraph.NamedNode("https://schema.org/Place")),
        ("id:person/林晓", pyoxigraph.NamedNode("https://w3id.org/govkg/id/person/林晓")),
        ('"林晓"@zh', pyoxigraph.Literal("林晓", language="zh")),
        ('"5"^^xsd:integer', pyoxigraph.Literal("5", datatype=pyoxigraph.NamedNode(XSD + "integer"))),
        ('"a \\"b\\""', pyoxigraph.Literal('a "b"')),
        ("林晓", pyoxigraph.Literal("林晓")),
        ("10:30", pyoxigraph.Literal("10:30")),
    ],
)
def test_values_take_the_term_their_form_says(value, expected):
    assert term_of(value) == expected


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("宁波市", "name", pyoxigraph.Literal("宁波市", language="zh")),
        ("330200", "string", pyoxigraph.Literal("330200")),
        ("42", "integer", pyoxigraph.Literal("42", datatype=pyoxigraph.NamedNode(XSD + "integer"))),
        ("3.5", "decimal", pyoxigraph.Literal("3.5", datatype=pyoxigraph.NamedNode(XSD + "decimal"))),
        ("2026-03-02", "date", pyoxigraph.Literal("2026-03-02", datatype=pyoxigraph.NamedNode(XSD + "date"))),
        ("gk:Program", "iri", pyoxigraph.NamedNode("https://w3id.org/govkg/ontology#Program")),
    ],
)
def test_declared_kinds(value, kind, expected):
    assert typed(value, kind) == expected


@pytest.mark.parametrize(
    ("value", "kind"), [("4x", "integer"), ("yesterday", "date"), ("not an iri", "iri"), ("<a b>", "iri")]
)
def test_values_that_do_not_fit_their_kind_are_refused(value, kind):
    with pytest.raises(QueryError, match="--param x"):
        typed(value, kind, "x")


def test_assignments_split_on_the_first_equals_sign():
    assert split_assignments(["a=x=y", "?b=", "c= 林晓 "]) == {"a": "x=y", "b": "", "c": " 林晓 "}


@pytest.mark.parametrize("assignment", ["novalue", "=x", "two words=x", "a-b=x"])
def test_bad_assignments_are_refused(assignment):
    with pytest.raises(QueryError, match="expected name=value"):
        split_assignments([assignment])


HOSTILE = [
    '林晓" } ?s ?p ?o . FILTER("1',
    "} DELETE WHERE { ?s ?p ?o } #",
    '"> <x> \\" \' ; . \n }}} ',
    "林晓\u0000\u202e",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_value_is_only_ever_a_literal(tiny, value):
    result = run(tiny, "SELECT ?x ?s WHERE { OPTIONAL { ?s rdfs:label ?x } }", {"x": value})
    assert result.column("x") == [value]
    assert result.column("s") == [None]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_value_finds_nothing_in_a_saved_question(tiny, value):
    assert run(tiny, "articles-by-reporter", {"reporter": value}).rows == ()


def test_the_same_name_as_a_plain_value_finds_the_reporter(tiny):
    assert len(run(tiny, "articles-by-reporter", {"reporter": "林晓"}).rows) == 3
