"""GraphML and GEXF load in networkx with labels, classes and links."""

from __future__ import annotations

import networkx as nx
import pytest

from govkg.export import export

ID = "https://w3id.org/govkg/id/"
READERS = {"graph.graphml": nx.read_graphml, "graph.gexf": nx.read_gexf}


@pytest.fixture(params=sorted(READERS))
def network(request, build_dir, tmp_path) -> nx.Graph:
    out = tmp_path / request.param
    export(build_dir, out)
    return READERS[request.param](out)


def test_every_resource_is_a_node(network):
    # 16 described resources; classes are attributes, not nodes
    assert network.number_of_nodes() == 16
    assert f"{ID}place/990101" in network
    assert "https://schema.org/Place" not in network


@pytest.mark.parametrize(
    ("node", "label", "classes"),
    [
        ("place/990101", "临河镇", "schema:Place"),
        ("program/rice-fish", "稻渔共生示范工程", "gk:Program"),
        ("membership/lin-xiaoming/farm-bureau", f"{ID}membership/lin-xiaoming/farm-bureau", "org:Membership"),
        ("article/doc-b/0", "临河镇开展“银龄课堂”活动", "schema:NewsArticle"),
    ],
)
def test_nodes_carry_label_and_class(network, node, label, classes):
    data = network.nodes[f"{ID}{node}"]
    assert data["label"] == label
    assert data["class"] == classes


def test_literal_values_are_attributes_with_several_values_joined(network):
    program = network.nodes[f"{ID}program/rice-fish"]
    assert program["skos:altLabel"] == "稻渔共生 | 稻渔工程"
    assert network.nodes[f"{ID}metric/doc-b/0/0"]["gk:value"] == "1200"


@pytest.mark.parametrize(
    ("source", "target", "predicate"),
    [
        ("program/rice-fish", "place/990101", "gk:implementedIn"),
        ("program/silver-class", "place/990101", "gk:implementedIn"),
        ("membership/lin-xiaoming/farm-bureau", "person/lin-xiaoming", "org:member"),
        ("article/doc-a/0", "place/990101", "schema:mentions"),
    ],
)
def test_links_are_directed_edges_labelled_by_predicate(network, source, target, predicate):
    edges = network.get_edge_data(f"{ID}{source}", f"{ID}{target}")
    assert edges is not None
    parallel = edges.values() if network.is_multigraph() else [edges]
    labels = {data.get("label") for data in parallel}
    assert predicate in labels


def test_graphml_is_the_same_bytes_each_time(build_dir, tmp_path):
    export(build_dir, tmp_path / "a.graphml")
    export(build_dir, tmp_path / "b.graphml")
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()
