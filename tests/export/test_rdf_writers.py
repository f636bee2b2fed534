"""Every RDF export parses back to the graph it was written from."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from govkg.export import export


@pytest.fixture
def original(two_documents) -> rdflib.Dataset:
    dataset = rdflib.Dataset()
    dataset.parse(two_documents, format="trig")
    return dataset


def union_graph(dataset: rdflib.Dataset) -> rdflib.Graph:
    union = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def named_graphs(dataset: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def ox_quads(path: Path, fmt: ox.RdfFormat) -> set[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as stream:
        return {str(quad) for quad in ox.parse(stream, format=fmt)}


@pytest.mark.parametrize(
    ("name", "rdflib_format"),
    [("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.rdf", "xml"), ("graph.nt.gz", "nt")],
)
def test_triple_formats_parse_back_isomorphic_to_the_union(
    build_dir, original, tmp_path, name, rdflib_format
):
    out = tmp_path / name
    export(build_dir, out)
    data = gzip.decompress(out.read_bytes()) if name.endswith(".gz") else out.read_bytes()
    parsed = rdflib.Graph().parse(data=data, format=rdflib_format)
    expected = union_graph(original)
    assert len(parsed) == len(expected)
    assert isomorphic(parsed, expected)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("graph.nq", ox.RdfFormat.N_QUADS),
        ("graph.trig", ox.RdfFormat.TRIG),
        ("graph.nq.gz", ox.RdfFormat.N_QUADS),
    ],
)
def test_quad_formats_keep_a_named_graph_per_document(build_dir, original, quads, tmp_path, name, fmt):
    out = tmp_path / name
    export(build_dir, out)
    assert ox_quads(out, fmt) == {str(quad) for quad in quads}
    parsed = rdflib.Dataset()
    parsed.parse(
        data=gzip.decompress(out.read_bytes()) if name.endswith(".gz") else out.read_bytes(),
        format="nquads" if fmt == ox.RdfFormat.N_QUADS else "trig",
    )
    for iri, graph in named_graphs(original).items():
        assert isomorphic(parsed.graph(rdflib.URIRef(iri)), graph), iri


def test_jsonld_is_compact_and_keeps_a_graph_per_document(build_dir, original, graphs, tmp_path):
    out = tmp_path / "graph.jsonld"
    export(build_dir, out)
    text = out.read_text(encoding="utf-8")
    assert '"gk:Metric"' in text and '"rdfs:label"' in text and "临河镇" in text
    parsed = rdflib.Dataset()
    parsed.parse(data=text, format="json-ld")
    expected = named_graphs(original)
    assert set(named_graphs(parsed)) == set(graphs)
    for iri, graph in expected.items():
        assert isomorphic(parsed.graph(rdflib.URIRef(iri)), graph), iri


def test_jsonld_context_holds_the_contract_prefixes(build_dir, tmp_path):
    import json

    out = tmp_path / "graph.jsonld"
    export(build_dir, out)
    context = json.loads(out.read_text(encoding="utf-8"))["@context"]
    assert context == {
        "gk": "https://w3id.org/govkg/ontology#",
        "org": "http://www.w3.org/ns/org#",
        "prov": "http://www.w3.org/ns/prov#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "schema": "https://schema.org/",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    }


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig", "graph.rdf"])
def test_prefixed_formats_use_the_contract_prefixes(build_dir, tmp_path, name):
    out = tmp_path / name
    export(build_dir, out)
    text = out.read_text(encoding="utf-8")
    assert "gk:Metric" in text
    assert "https://w3id.org/govkg/ontology#Metric" not in text


def test_ntriples_holds_a_triple_shared_by_two_documents_once(build_dir, tmp_path):
    out = tmp_path / "graph.nt"
    export(build_dir, out)
    label = (
        '<https://w3id.org/govkg/id/place/990101> <http://www.w3.org/2000/01/rdf-schema#label> "临河镇"@zh .'
    )
    assert out.read_text(encoding="utf-8").splitlines().count(label) == 1


@pytest.mark.parametrize("name", ["graph.nt", "graph.nq"])
def test_line_formats_are_sorted_and_unique(build_dir, tmp_path, name):
    out = tmp_path / name
    export(build_dir, out)
    lines = out.read_bytes().splitlines()
    assert lines == sorted(set(lines))


@pytest.mark.parametrize(
    "name", ["graph.nt", "graph.nq", "graph.nt.gz", "graph.nq.gz", "graph.ttl", "graph.trig"]
)
def test_the_same_graph_in_another_order_gives_the_same_bytes(build_dir, tmp_path, name):
    shuffled = tmp_path / "shuffled"
    shuffled.mkdir()
    lines = (build_dir / "graph.nq").read_bytes().splitlines(keepends=True)
    (shuffled / "graph.nq").write_bytes(
        b"".join(reversed(lines)) + b"".join(lines[:5])
    )  # reordered, with repeats
    export(build_dir, tmp_path / "first" / name)
    export(shuffled, tmp_path / "second" / name)
    assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes()


def test_gzip_output_is_the_plain_output_compressed(build_dir, tmp_path):
    export(build_dir, tmp_path / "graph.nq")
    export(build_dir, tmp_path / "graph.nq.gz")
    packed = (tmp_path / "graph.nq.gz").read_bytes()
    assert packed[:2] == b"\x1f\x8b"
    assert gzip.decompress(packed) == (tmp_path / "graph.nq").read_bytes()
    assert len(packed) < (tmp_path / "graph.nq").stat().st_size


def test_gzip_output_carries_no_time_or_name(build_dir, tmp_path, monkeypatch):
    export(build_dir, tmp_path / "a" / "graph.nq.gz")
    monkeypatch.setattr("time.time", lambda: 2_000_000_000.0)
    export(build_dir, tmp_path / "b" / "graph.nq.gz")
    first, second = (
        (tmp_path / "a" / "graph.nq.gz").read_bytes(),
        (tmp_path / "b" / "graph.nq.gz").read_bytes(),
    )
    assert first == second
    assert first[4:8] == b"\0\0\0\0"  # MTIME
    assert first[3] & 0x08 == 0  # no FNAME
