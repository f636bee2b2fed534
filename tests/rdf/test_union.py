"""The union of the documents' graphs: each triple once, in the documents' order, with the typed subjects counted."""

from __future__ import annotations

from pyoxigraph import RdfFormat, parse

from govkg.rdf.union import Union

EX = "https://example.org/"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def quads(graph: str, *triples: str) -> bytes:
    """A document as the mapping writes it: sorted, unique lines in one named graph."""
    return "".join(sorted(f"{t} <{EX}graph/{graph}> .\n" for t in triples)).encode("utf-8")


def test_a_triple_in_two_documents_is_kept_once_and_each_document_keeps_its_order():
    union = Union(scoped=[f"{EX}article/"])
    place = f'<{EX}place/1> <{EX}label> "某县"'
    first = union.add(quads("a", place, f'<{EX}article/a> <{EX}headline> "一"'))
    second = union.add(quads("b", place, f'<{EX}article/b> <{EX}headline> "二"'))
    assert first.decode() == f'<{EX}article/a> <{EX}headline> "一" .\n{place} .\n'
    assert second.decode() == f'<{EX}article/b> <{EX}headline> "二" .\n'
    assert union.counts.triples == 3
    assert union.seen == {place.encode()}  # an article's triples cannot come again: not remembered


def test_the_graph_term_is_dropped_only_at_the_end_of_a_line():
    union = Union(scoped=[])
    graph = f"<{EX}graph/a>"
    chunk = union.add(quads("a", f"<{EX}s> <{EX}p> {graph}", f'<{EX}s> <{EX}q> "{graph} ."'))
    triples = {(t.predicate.value, t.object.value) for t in parse(chunk, format=RdfFormat.N_TRIPLES)}
    assert triples == {(f"{EX}p", f"{EX}graph/a"), (f"{EX}q", f"{graph} .")}


def test_typed_subjects_are_counted_by_class_and_a_literal_that_reads_like_one_is_not():
    union = Union(scoped=[])
    union.add(quads("a", f"<{EX}x> {TYPE} <{EX}Place>", f"<{EX}y> {TYPE} <{EX}Place>",
                    f'<{EX}z> <{EX}note> "<{EX}w> {TYPE} <{EX}Person> ."'))
    union.add(quads("b", f"<{EX}x> {TYPE} <{EX}Place>", f"<{EX}z> {TYPE} <{EX}Person>"))
    assert dict(union.counts.types) == {f"{EX}Place": 2, f"{EX}Person": 1}


def test_an_empty_document_adds_nothing():
    union = Union(scoped=[])
    assert union.add(b"") == b"" and union.counts.triples == 0
