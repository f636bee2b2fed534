from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from govkg.errors import InputError
from govkg.pipeline import BuildResult
from govkg.viz.graphdata import EntityGraph, rdflib_triples, read_entities
from govkg.viz.load import load_entities

TINY = Path(__file__).with_name("tiny.ttl")


def test_a_graph_over_the_oxigraph_store_reads_like_an_in_memory_one(tiny: EntityGraph) -> None:
    graph = Graph(store="Oxigraph")
    graph.parse(TINY, format="ox-turtle")
    assert read_entities(rdflib_triples(graph)) == tiny


def test_an_oxigraph_dataset_reads_every_named_graph(tiny: EntityGraph) -> None:
    dataset = Dataset(store="Oxigraph")
    for i, triple in enumerate(sorted(Graph().parse(TINY))):
        dataset.graph(URIRef(f"https://w3id.org/govkg/id/graph/doc{i % 3}")).add(triple)
    assert read_entities(rdflib_triples(dataset)) == tiny


def test_a_file_reads_like_the_rdflib_graph(tiny: EntityGraph) -> None:
    assert load_entities(graph=TINY) == tiny


def test_the_build_store_the_nquads_and_the_turtle_give_the_same_entities(seed_build: BuildResult,
                                                                         tmp_path: Path) -> None:
    out = seed_build.out
    from_store = load_entities(store=out)
    assert from_store == load_entities(graph=out / "graph.nq") == load_entities(graph=out / "graph.ttl")
    assert load_entities(store=out / "store") == from_store
    assert len(from_store.nodes) > 50


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [("bad.ttl", "<a> <b> .", "not valid RDF"), ("graph.xyz", "", "unknown RDF format")],
)
def test_bad_files_are_input_errors_naming_the_file(tmp_path: Path, name: str, content: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(InputError, match=reason) as caught:
        load_entities(graph=path)
    assert caught.value.path == str(path)
