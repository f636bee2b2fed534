"""Invariants of the canonical lines, for any terms: text slicing agrees with pyoxigraph's own writer."""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from govkg.export.dataset import Dataset, graph_iri

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
iris = st.builds(
    lambda tail: ox.NamedNode(f"https://w3id.org/govkg/id/{tail}"),
    st.from_regex(r"[a-z0-9/é临河]{0,8}", fullmatch=True),
)
blanks = st.builds(ox.BlankNode, st.from_regex(r"b[a-z0-9]{1,5}", fullmatch=True))
literals = st.one_of(
    st.builds(ox.Literal, text),
    st.builds(lambda value: ox.Literal(value, language="zh"), text),
    st.builds(
        lambda n: ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        st.integers(),
    ),
)
graphs = st.one_of(st.just(ox.DefaultGraph()), iris, blanks)
quads = st.lists(
    st.builds(ox.Quad, st.one_of(iris, blanks), iris, st.one_of(iris, blanks, literals), graphs), max_size=25
)


def ntriples(triples) -> list[bytes]:
    return (
        ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).splitlines(keepends=True)
        if triples
        else []
    )


@settings(max_examples=150, deadline=None)
@given(quads)
def test_union_lines_are_the_writers_own_lines_sorted_and_unique(sample):
    dataset = Dataset.of(sample)
    assert list(dataset.triple_lines) == sorted(set(ntriples([q.triple for q in sample])))
    assert list(dataset.lines) == sorted(set(dataset.lines))


@settings(max_examples=150, deadline=None)
@given(quads)
def test_each_named_graph_holds_exactly_its_own_triples(sample):
    dataset = Dataset.of(sample)
    for term, lines in dataset.named_graphs.items():
        members = [q.triple for q in sample if str(q.graph_name).encode() == term]
        assert list(lines) == sorted(set(ntriples(members)))
        iri = graph_iri(term)
        assert iri is None or ox.NamedNode(iri) in {q.graph_name for q in sample}
    assert dataset.default_graph_size == len(
        {str(q) for q in sample if isinstance(q.graph_name, ox.DefaultGraph)}
    )


@settings(max_examples=100, deadline=None)
@given(quads)
def test_the_quads_parse_back_unchanged(sample):
    dataset = Dataset.of(sample)
    assert {str(q) for q in dataset.quads_by_graph()} == {str(q) for q in sample}
    assert {str(t) for t in dataset.triples()} == {str(q.triple) for q in sample}
