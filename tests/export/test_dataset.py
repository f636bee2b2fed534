"""Reading the built graph: graph.nq, a store, or a file; bad input named in the error."""

from __future__ import annotations

import gzip

import pyoxigraph as ox
import pytest

from govkg.errors import ExportError
from govkg.export import export, read_dataset
from govkg.export.dataset import graph_iri


def test_graph_nq_gives_one_named_graph_per_document(build_dir, graphs, quads):
    dataset = read_dataset(build_dir)
    assert [graph_iri(term) for term in dataset.named_graphs] == list(graphs)
    assert dataset.graph_count == 2
    assert len(dataset) == len(quads)
    assert dataset.default_graph_size == 0


def test_a_store_directory_exports_the_same_as_graph_nq(build_dir, tmp_path):
    store_build = tmp_path / "from_store"
    (store_build / "store").mkdir(parents=True)
    store = ox.Store(str(store_build / "store"))
    store.bulk_load(path=str(build_dir / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    export(build_dir, tmp_path / "a.nq")
    export(store_build, tmp_path / "b.nq")
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes()


@pytest.mark.parametrize("name", ["graph.trig", "graph.nq.gz"])
def test_an_rdf_file_can_be_the_source(build_dir, tmp_path, name):
    export(build_dir, tmp_path / name)
    assert read_dataset(tmp_path / name).lines == read_dataset(build_dir).lines


def test_a_missing_source_is_named(tmp_path):
    with pytest.raises(ExportError, match="nowhere"):
        read_dataset(tmp_path / "nowhere")


def test_an_empty_directory_says_to_build_first(tmp_path):
    with pytest.raises(ExportError, match="govkg build"):
        read_dataset(tmp_path)


def test_a_broken_nquads_file_is_named_with_the_parser_message(tmp_path):
    (tmp_path / "graph.nq").write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    with pytest.raises(ExportError, match=r"graph\.nq: not valid"):
        read_dataset(tmp_path)


def test_a_truncated_gzip_file_is_named(tmp_path):
    path = tmp_path / "graph.nq.gz"
    path.write_bytes(gzip.compress(b'<urn:a> <urn:b> "x" <urn:g> .\n' * 50)[:30])
    with pytest.raises(ExportError, match=r"graph\.nq\.gz"):
        read_dataset(path)
