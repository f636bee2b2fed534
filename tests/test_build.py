"""End to end on the bundled seed page: the graph keeps the contract."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import rdflib
from rdflib import RDF, Namespace

import govkg
from govkg.resources import ontology_dir

SCHEMA = Namespace("https://schema.org/")
GK = Namespace("https://w3id.org/govkg/ontology#")


def _union(build) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(build.out / "graph.ttl")
    return g


def test_outputs_are_written(seed_build):
    for name in ("graph.ttl", "graph.nq", "graph.html", "summary.json"):
        assert (seed_build.out / name).stat().st_size > 0, name
    assert (seed_build.out / "store").is_dir()


def test_the_graph_conforms_to_the_shapes(seed_build):
    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl")
    conforms, _, report = pyshacl.validate(_union(seed_build), shacl_graph=shapes, ont_graph=None)
    assert conforms, report


def test_every_evidence_slices_its_source(seed_build, seed_path):
    source = seed_path.read_text(encoding="utf-8")
    g = _union(seed_build)
    evidence = list(g.subjects(RDF.type, GK.Evidence))
    assert evidence
    for ev in evidence:
        start, end = int(g.value(ev, GK.start)), int(g.value(ev, GK.end))
        assert source[start:end] == str(g.value(ev, GK.text))


def test_one_named_graph_per_document(seed_build):
    ds = rdflib.Dataset()
    ds.parse(seed_build.out / "graph.nq", format="nquads")
    graphs = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert graphs == {"https://w3id.org/govkg/id/graph/seed.txt"}


def test_articles_and_bylines_of_the_seed(seed_build):
    g = _union(seed_build)
    articles = list(g.subjects(RDF.type, SCHEMA.NewsArticle))
    assert len(articles) == 8
    authors = {str(g.value(p, rdflib.RDFS.label)) for a in articles for p in g.objects(a, SCHEMA.author)}
    assert {"宋爽", "潘佳", "许敬"} <= authors


def test_the_same_input_gives_the_same_bytes(tmp_path, seed_build, seed_path, extractor):
    again = govkg.build([seed_path], tmp_path, extractor=extractor, html=False)
    assert (again.out / "graph.nq").read_bytes() == (seed_build.out / "graph.nq").read_bytes()


def test_the_api_returns_an_rdflib_dataset(seed_build):
    assert len(seed_build.graph) > 100
    assert seed_build.summary.documents == 1 and seed_build.summary.articles == 8


def test_a_bad_file_is_skipped_and_the_rest_built(tmp_path, seed_path, extractor):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "page.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="gb18030")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.md").write_bytes(bytes(range(256)) * 4)
    result = govkg.build([corpus], tmp_path / "out", extractor=extractor, html=False)
    assert result.summary.documents == 1
    assert sorted(Path(s.path).name for s in result.summary.skipped) == ["empty.txt", "image.md"]
