"""Building a corpus: parallel and distributed builds give the same graph, incremental builds
redo only what changed, bad files are skipped one by one, and a failed build keeps the old output."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

import govkg
import govkg.pipeline
from govkg.cli import main
from govkg.errors import GovkgError
from govkg.model import Document
from govkg.pipeline import Extractor

GRAPH = "https://w3id.org/govkg/id/graph/"
PLACE = "https://w3id.org/govkg/id/place/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"

# Sentences of our own: two documents share a district and a program, a third is new.
PAGE_A = "浙江省杭州市西湖区今年实施“清洁家园”行动，全区新建口袋公园12个。\n"
PAGE_B = "杭州市西湖区启动“数字治理”工程，投入资金3亿元，覆盖居民5万余人。\n"
PAGE_C = "江苏省苏州市吴中区开展“暖心食堂”项目，已为老人提供午餐2万余份。\n"
PAGE_TRADITIONAL = "浙江省杭州市西湖區今年實施「清潔家園」行動，全區新建口袋公園12個。\n"


@dataclass
class CountingExtractor(Extractor):
    """The real extractor, recording which documents it was asked to extract."""

    seen: list[str] = field(default_factory=list)

    def facts(self, doc: Document):
        self.seen.append(doc.doc_id)
        return super().facts(doc)


@pytest.fixture
def counting(extractor) -> CountingExtractor:
    return CountingExtractor(resources=extractor.resources)


def _corpus(folder: Path, pages: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _graphs(nq: Path) -> set[str]:
    return {line.rsplit(" ", 2)[-2] for line in nq.read_text(encoding="utf-8").splitlines()}


@pytest.fixture(scope="module")
def paged_seed(tmp_path_factory, seed_path) -> Path:
    """The seed page cut into four files at blank lines: a small corpus of real text."""
    folder = tmp_path_factory.mktemp("paged")
    blocks = seed_path.read_text(encoding="utf-8").split("\n\n")
    size = len(blocks) // 4 + 1
    for k in range(4):
        (folder / f"part-{k}.txt").write_text("\n\n".join(blocks[k * size:(k + 1) * size]), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def serial_build(tmp_path_factory, paged_seed, extractor):
    return govkg.build([paged_seed], tmp_path_factory.mktemp("serial"), extractor=extractor, html=False, workers=1)


def test_worker_processes_give_the_same_bytes_as_one_process(tmp_path, paged_seed, serial_build):
    parallel = govkg.build([paged_seed], tmp_path, html=False, workers=2)
    assert parallel.extracted == 4
    assert (tmp_path / "graph.nq").read_bytes() == (serial_build.out / "graph.nq").read_bytes()
    assert (tmp_path / "graph.ttl").read_bytes() == (serial_build.out / "graph.ttl").read_bytes()
    assert parallel.summary.triples == serial_build.summary.triples
    assert isomorphic(rdflib.Graph().parse(tmp_path / "graph.ttl"),
                      rdflib.Graph().parse(serial_build.out / "graph.ttl"))


def test_dask_on_a_local_cluster_gives_the_same_bytes(tmp_path, paged_seed, serial_build):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp://",
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        result = govkg.build([paged_seed], tmp_path, html=False, engine="dask", scheduler=cluster.scheduler_address)
    assert result.extracted == 4
    assert (tmp_path / "graph.nq").read_bytes() == (serial_build.out / "graph.nq").read_bytes()


def test_an_unchanged_document_is_not_extracted_again(tmp_path, counting):
    corpus = _corpus(tmp_path / "in", {"a.txt": PAGE_A, "b.txt": PAGE_B})
    first = govkg.build([corpus], tmp_path / "out", extractor=counting, html=False)
    nq = (tmp_path / "out" / "graph.nq").read_bytes()
    assert sorted(counting.seen) == ["a.txt", "b.txt"] and first.extracted == 2
    counting.seen.clear()
    again = govkg.build([corpus], tmp_path / "out", extractor=counting, html=False)
    assert counting.seen == []
    assert (again.extracted, again.reused) == (0, 2)
    assert (tmp_path / "out" / "graph.nq").read_bytes() == nq
    assert again.summary.documents == 2 and again.summary.articles == first.summary.articles


def test_full_extracts_everything_again(tmp_path, counting):
    corpus = _corpus(tmp_path / "in", {"a.txt": PAGE_A, "b.txt": PAGE_B})
    govkg.build([corpus], tmp_path / "out", extractor=counting, html=False)
    counting.seen.clear()
    govkg.build([corpus], tmp_path / "out", extractor=counting, html=False, full=True)
    assert sorted(counting.seen) == ["a.txt", "b.txt"]


def test_a_changed_document_has_its_named_graph_replaced(tmp_path, counting):
    corpus = _corpus(tmp_path / "in", {"a.txt": PAGE_A, "b.txt": PAGE_B})
    govkg.build([corpus], tmp_path / "out", extractor=counting, html=False)
    counting.seen.clear()
    (corpus / "b.txt").write_text(PAGE_C, encoding="utf-8")
    result = govkg.build([corpus], tmp_path / "out", extractor=counting, html=False)
    assert counting.seen == ["b.txt"]
    fresh = govkg.build([corpus], tmp_path / "fresh", extractor=counting, html=False)
    assert (tmp_path / "out" / "graph.nq").read_bytes() == (tmp_path / "fresh" / "graph.nq").read_bytes()
    text = (tmp_path / "out" / "graph.nq").read_text(encoding="utf-8")
    assert "数字治理" not in text and "暖心食堂" in text
    assert result.summary.documents == fresh.summary.documents == 2


def test_a_removed_document_has_its_facts_removed(tmp_path, counting):
    corpus = _corpus(tmp_path / "in", {"a.txt": PAGE_A, "b.txt": PAGE_B, "c.txt": PAGE_C})
    govkg.build([corpus], tmp_path / "out", extractor=counting, html=False)
    assert f"<{GRAPH}c.txt>" in _graphs(tmp_path / "out" / "graph.nq")
    (corpus / "c.txt").unlink()
    counting.seen.clear()
    result = govkg.build([corpus], tmp_path / "out", extractor=counting, html=False, store_graphs=True)
    assert counting.seen == []
    assert _graphs(tmp_path / "out" / "graph.nq") == {f"<{GRAPH}a.txt>", f"<{GRAPH}b.txt>"}
    assert "暖心食堂" not in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert not result.store.query('ASK { ?s ?p "暖心食堂"@zh }')
    assert result.store.query(f"ASK {{ GRAPH <{GRAPH}a.txt> {{ ?s ?p ?o }} }}")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["documents"]) == ["a.txt", "b.txt"]
    assert len(list((tmp_path / "out" / "cache").iterdir())) == 2  # the removed document's cache is gone
    store = pyoxigraph.Store.read_only(str(tmp_path / "out" / "store"))
    assert not list(store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(GRAPH + "c.txt")))
    assert result.summary.documents == 2


def test_an_entity_of_several_documents_stays_one_node(tmp_path, counting):
    corpus = _corpus(tmp_path / "in", {"a.txt": PAGE_A, "b.txt": PAGE_B})
    govkg.build([corpus / "a.txt"], tmp_path / "out", extractor=counting, html=False)
    result = govkg.build([corpus], tmp_path / "out", extractor=counting, html=False,  # a.txt from the cache
                         store_graphs=True)
    assert result.reused == 1
    district = [t for t in result.store.quads_for_pattern(None, pyoxigraph.NamedNode(LABEL), pyoxigraph.Literal(
        "西湖区", language="zh"))]
    named = [q for q in district if isinstance(q.graph_name, pyoxigraph.NamedNode)]
    assert {q.graph_name.value for q in named} == {GRAPH + "a.txt", GRAPH + "b.txt"}
    assert len([q for q in district if isinstance(q.graph_name, pyoxigraph.DefaultGraph)]) == 1  # the merge
    assert len({q.subject for q in district}) == 1
    assert district[0].subject.value.startswith(PLACE)
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(set(g.subjects(rdflib.RDFS.label, rdflib.Literal("西湖区", lang="zh")))) == 1


def test_the_store_holds_the_merge_and_graph_nq_the_documents(tmp_path, extractor):
    corpus = _corpus(tmp_path / "in", {"a.txt": PAGE_A, "b.txt": PAGE_B})
    result = govkg.build([corpus], tmp_path / "out", extractor=extractor, html=False)
    store = result.store
    assert not store.query("ASK { GRAPH ?g { ?s ?p ?o } }")
    merged = {str(q.triple) for q in store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())}
    quads = list(pyoxigraph.parse(path=str(tmp_path / "out" / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS))
    assert merged == {str(q.triple) for q in quads}
    assert len(merged) == result.summary.triples < len(quads)  # the place both name is one triple
    assert {q.graph_name.value for q in quads} == {GRAPH + "a.txt", GRAPH + "b.txt"}
    assert {g.identifier for g in result.graph.graphs()} >= {rdflib.URIRef(GRAPH + "a.txt"), rdflib.URIRef(GRAPH + "b.txt")}


def test_a_traditional_page_is_read_in_simplified_and_keeps_its_characters(tmp_path, extractor):
    corpus = _corpus(tmp_path / "in", {"a.txt": PAGE_A})
    (corpus / "t.txt").write_bytes(PAGE_TRADITIONAL.encode("big5"))
    result = govkg.build([corpus], tmp_path / "out", extractor=extractor, html=False)
    assert result.summary.skipped == []
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    district = rdflib.URIRef(PLACE + "330106")
    assert set(g.objects(district, rdflib.RDFS.label)) == {rdflib.Literal("西湖区", lang="zh")}
    assert rdflib.Literal("西湖區", lang="zh") in set(g.objects(district, rdflib.SKOS.altLabel))
    gk = rdflib.Namespace("https://w3id.org/govkg/ontology#")
    source = PAGE_TRADITIONAL
    evidence = [ev for ev in g.subjects(rdflib.RDF.type, gk.Evidence) if "/t.txt/" in str(ev)]
    assert evidence
    for ev in evidence:
        start, end = int(g.value(ev, gk.start)), int(g.value(ev, gk.end))
        assert str(g.value(ev, gk.text)) == source[start:end]


def test_bad_files_are_skipped_one_line_each_and_the_rest_is_built(tmp_path, extractor):
    corpus = _corpus(tmp_path / "in", {"good.txt": PAGE_A, "page.html": f"<html><body><p>{PAGE_B}</p></body></html>"})
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.md").write_bytes(bytes(range(256)) * 4)
    (corpus / "cut.txt").write_bytes(PAGE_C.strip().encode("utf-8")[:-1])
    (corpus / "latin.txt").write_bytes("café résumé".encode("latin-1"))
    (corpus / "huge.txt").write_text("很长" * 3000, encoding="utf-8")
    result = govkg.build([corpus], tmp_path / "out", extractor=extractor, html=False, max_chars=5000)
    skipped = {Path(s.path).name: s.reason for s in result.summary.skipped}
    assert sorted(skipped) == ["binary.md", "cut.txt", "empty.txt", "huge.txt", "latin.txt"]
    assert "binary" in skipped["binary.md"] and "truncated" in skipped["cut.txt"]
    assert "too large" in skipped["huge.txt"] and "undecodable" in skipped["latin.txt"]
    assert result.summary.documents == 2
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert len(summary["skipped"]) == 5


def test_the_cli_names_each_skipped_file_on_one_line_and_exits_2(tmp_path):
    corpus = _corpus(tmp_path / "in", {"good.txt": PAGE_A})
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (corpus / "cut.md").write_bytes(PAGE_C.strip().encode("gbk")[:-1])
    run = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-html", "--workers",
                                    "1"])
    assert run.exit_code == 2, run.output
    lines = [line for line in run.stderr.splitlines() if line.startswith("skipped ")]
    assert len(lines) == 3
    for name, reason in (("binary.txt", "binary"), ("cut.md", "truncated"), ("empty.txt", "empty")):
        assert any(name in line and reason in line for line in lines), lines
    assert "skipped: 3 files" in run.stdout
    assert "progress: 4/4 documents" in run.stderr  # plain lines, not a bar, when not on a terminal


def test_the_cli_reports_reused_documents(tmp_path):
    corpus = _corpus(tmp_path / "in", {"a.txt": PAGE_A, "b.txt": PAGE_B})
    args = ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-html", "--workers", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0
    assert "extracted: 0 documents" in again.stdout and "reused: 2 unchanged" in again.stdout


def test_a_build_that_dies_half_way_leaves_the_previous_output_intact(tmp_path, extractor, monkeypatch):
    corpus = _corpus(tmp_path / "in", {"a.txt": PAGE_A})
    out = tmp_path / "out"
    govkg.build([corpus], out, extractor=extractor, html=False)
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken_writer():
        def render(ttl: Path, html_path: Path) -> None:
            html_path.write_text("<html>half", encoding="utf-8")
            raise RuntimeError("the HTML writer failed")
        return render

    monkeypatch.setattr(govkg.pipeline, "_html_writer", broken_writer)
    (corpus / "b.txt").write_text(PAGE_B, encoding="utf-8")
    with pytest.raises(RuntimeError, match="HTML writer failed"):
        govkg.build([corpus], out, extractor=extractor, html=True)
    after = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert {k: v for k, v in after.items() if not k.startswith("cache/")} == \
           {k: v for k, v in before.items() if not k.startswith("cache/")}
    assert all(after[k] == v for k, v in before.items())  # old cache files untouched (new ones may be added)
    store = pyoxigraph.Store.read_only(str(out / "store"))
    assert not list(store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(GRAPH + "b.txt")))
    monkeypatch.undo()
    result = govkg.build([corpus], out, extractor=extractor, html=False)
    assert result.reused == 1 and result.extracted == 1
    assert _graphs(out / "graph.nq") == {f"<{GRAPH}a.txt>", f"<{GRAPH}b.txt>"}


def test_two_files_with_the_same_id_are_not_merged(tmp_path, extractor):
    one = _corpus(tmp_path / "one", {"page.txt": PAGE_A})
    two = _corpus(tmp_path / "two", {"page.txt": PAGE_B})
    result = govkg.build([one / "page.txt", two / "page.txt"], None, extractor=extractor)
    assert result.summary.documents == 1
    assert [Path(s.path).parent.name for s in result.summary.skipped] == ["two"]
    assert "same document id" in result.summary.skipped[0].reason


@dataclass
class DyingExtractor(Extractor):
    """Kills its worker process on one document, as an out-of-memory kill would."""

    def facts(self, doc: Document):
        if doc.doc_id == "die.txt":
            import os

            os._exit(9)
        return super().facts(doc)


def test_a_worker_process_that_dies_costs_only_its_documents(tmp_path, extractor, monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1]))  # workers import this module by name
    corpus = _corpus(tmp_path / "in", {"a.txt": PAGE_A, "die.txt": PAGE_B, "c.txt": PAGE_C})
    result = govkg.build([corpus], tmp_path / "out", extractor=DyingExtractor(resources=extractor.resources),
                         html=False, workers=2)
    assert [(Path(s.path).name, s.reason) for s in result.summary.skipped] == [
        ("die.txt", "a worker process died while extracting it (out of memory?)")]
    assert result.summary.documents == 2


def test_a_base_that_cannot_start_an_iri_is_refused_before_anything_is_read(tmp_path, extractor):
    corpus = _corpus(tmp_path / "in", {"a.txt": PAGE_A})
    with pytest.raises(GovkgError, match="not an IRI"):
        govkg.build([corpus], tmp_path / "out", extractor=extractor, html=False, base="https://exa mple.org/")
    assert not (tmp_path / "out").exists()


def test_an_article_links_its_editor_apart_from_its_authors(tmp_path, extractor):
    page = "山乡巨变\n\n本报记者 周游\n\n杭州市西湖区新建口袋公园12个。\n\n（责任编辑：林 青）\n"
    result = govkg.build([_corpus(tmp_path / "in", {"a.txt": page})], tmp_path / "out", extractor=extractor, html=False)
    rows = result.store.query(
        "PREFIX schema: <https://schema.org/> PREFIX org: <http://www.w3.org/ns/org#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?p ?name ?title WHERE { ?a ?p ?person . ?person rdfs:label ?name . "
        "?m org:member ?person ; org:role/rdfs:label ?title . FILTER(?p IN (schema:author, schema:editor)) }")
    found = {(r["p"].value.rsplit("/", 1)[-1], r["name"].value, r["title"].value) for r in rows}
    assert found == {("author", "周游", "记者"), ("editor", "林青", "责任编辑")}
