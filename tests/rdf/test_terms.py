"""Terms written as N-Triples text must be what Oxigraph writes and reads back."""

from __future__ import annotations

import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govkg.rdf.terms import XSD, checked_base, literal, typed, zh

S, P = pyoxigraph.NamedNode("http://example.org/s"), pyoxigraph.NamedNode("http://example.org/p")


def oxigraph_writes(term: pyoxigraph.Literal) -> str:
    line = pyoxigraph.serialize([pyoxigraph.Triple(S, P, term)], format=pyoxigraph.RdfFormat.N_TRIPLES).decode()
    return line[len("<http://example.org/s> <http://example.org/p> "):-len(" .\n")]


TRICKY = ["", "引号\"与反斜杠\\", "换行\n回车\r制表\t", "\x00\x01\x1f\x7f", "\b\f", "\u0085\u2028\u2029",
          "\ufffe\uffff\ufeff", "𠀀𪚥", "<script>alert(1)</script>", "\\u0041 is not an escape here"]


@pytest.mark.parametrize("text", TRICKY)
def test_a_literal_is_written_as_oxigraph_writes_it(text):
    assert literal(text) == oxigraph_writes(pyoxigraph.Literal(text))
    assert zh(text) == oxigraph_writes(pyoxigraph.Literal(text, language="zh"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"])))
def test_any_text_round_trips_through_the_n_triples_parser(text):
    line = f"<http://example.org/s> <http://example.org/p> {literal(text)} .\n"
    (parsed,) = pyoxigraph.parse(line.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert parsed.object == pyoxigraph.Literal(text)
    assert literal(text) == oxigraph_writes(pyoxigraph.Literal(text))


def test_typed_literals_carry_their_xsd_datatype():
    assert typed(12, "integer") == oxigraph_writes(pyoxigraph.Literal("12", datatype=pyoxigraph.NamedNode(XSD + "integer")))
    assert typed("2024-05-06", "date") == '"2024-05-06"^^<http://www.w3.org/2001/XMLSchema#date>'


@pytest.mark.parametrize("base", ["https://example.org/kg", "https://example.org/kg/", "urn:x:kg#"])
def test_a_valid_base_ends_in_a_separator(base):
    assert checked_base(base).endswith(("/", "#"))


@pytest.mark.parametrize("base", ["not an iri", "https://exa mple.org/", "<https://example.org/>"])
def test_an_invalid_base_is_refused(base):
    with pytest.raises(ValueError, match="not an IRI"):
        checked_base(base)
