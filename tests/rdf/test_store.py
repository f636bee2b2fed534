"""The build writer: outputs in document order whatever the arrival order, and a failed union writer
that leaves the previous output as it was."""

from __future__ import annotations

import pytest
from pyoxigraph import RdfFormat, Store, parse

from govkg.errors import GovkgError
from govkg.model import BuildSummary
from govkg.rdf.store import BuildWriter

G = "https://example.org/graph/"


def document(name: str, *objects: str) -> bytes:
    lines = sorted(f'<https://example.org/s> <https://example.org/p> "{o}" <{G}{name}> .\n' for o in objects)
    return "".join(lines).encode("utf-8")


def test_documents_are_written_in_order_whatever_order_they_arrive_in(tmp_path):
    a, c = document("a", "一", "二"), document("c", "四")  # b could not be read
    with BuildWriter(tmp_path / "out", ["a", "b", "c"]) as writer:
        writer.add("c", c)
        writer.drop("b")
        writer.add("a", a)
        summary = BuildSummary()
        counts = writer.finish(summary)
    assert (tmp_path / "out" / "graph.nq").read_bytes() == a + c
    assert counts.triples == summary.triples == 3
    ttl = list(parse(path=str(tmp_path / "out" / "graph.ttl"), format=RdfFormat.TURTLE))
    assert [t.object.value for t in ttl] == ["一", "二", "四"]
    store = Store.read_only(str(tmp_path / "out" / "store"))
    assert len(store) == 3 and not store.query("ASK { GRAPH ?g { ?s ?p ?o } }")


def test_a_failed_union_writer_is_reported_and_the_previous_output_stays(tmp_path):
    out = tmp_path / "out"
    with BuildWriter(out, ["a"]) as writer:
        writer.add("a", document("a", "旧"))
        writer.finish(BuildSummary())
    before = (out / "graph.ttl").read_bytes()
    with pytest.raises(GovkgError, match="could not write the union graph"), BuildWriter(out, ["a"]) as writer:
        writer.add("a", b"<https://example.org/s> this is not N-Quads .\n")
        writer.finish(BuildSummary())
    assert (out / "graph.ttl").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.startswith(".govkg-build-")]
