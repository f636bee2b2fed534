from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from govkg.viz.graphdata import EntityGraph, rdflib_triples, read_entities
from govkg.viz.terms import GK, RDF, RDFS, SDO

ID = "https://w3id.org/govkg/id/"


def node(graph: EntityGraph, label: str):
    return next(n for n in graph.nodes if n.label == label)


@pytest.mark.parametrize(
    ("label", "cls"),
    [("云岭省", "place"), ("石桥县农业农村局", "org"), ("林远", "person"), ("稻香振兴计划", "program"),
     ("新增示范田 3200亩", "metric"), ("石桥县稻田里的新变化", "article")],
)
def test_each_contract_class_becomes_a_node_of_its_kind(tiny: EntityGraph, label: str, cls: str) -> None:
    assert node(tiny, label).cls == cls


def test_evidence_roles_and_memberships_are_not_drawn(tiny: EntityGraph) -> None:
    iris = {n.iri for n in tiny.nodes}
    assert not any("/evidence/" in i or "/role/" in i or "/membership/" in i for i in iris)
    assert len(tiny.nodes) == 14


def test_membership_becomes_a_link_named_by_the_title_with_its_evidence(tiny: EntityGraph) -> None:
    person = node(tiny, "林远")
    links = [e for e in tiny.edges if e.source == person.iri and e.kind == "membership"]
    assert [(e.target, e.label) for e in links] == [(ID + "org/shiqiao-nongye", "局长")]
    assert ("任职", "石桥县农业农村局 局长") in person.props
    assert person.evidence == ("石桥县农业农村局局长林远介绍，稻香振兴计划已覆盖全县。",)


def test_tooltip_properties_name_linked_entities_by_label(tiny: EntityGraph) -> None:
    program = node(tiny, "稻香振兴计划")
    assert {("实施地", "石桥县"), ("实施单位", "石桥县农业农村局"), ("相关人物", "林远")} <= set(program.props)
    assert program.alt_labels == ("稻香计划",)


@pytest.mark.parametrize(
    ("label", "regions"),
    [("石桥县", {"990102", "990100", "990000"}), ("稻香振兴计划", {"990102", "990100", "990000"}),
     ("新增示范田 3200亩", {"990102", "990100", "990000"}), ("林远", {"990102", "990100", "990000"}),
     ("山水文旅季", {"980100"}), ("何牧", set())],
)
def test_regions_follow_places_up_their_hierarchy(tiny: EntityGraph, label: str, regions: set[str]) -> None:
    assert {r.rsplit("/", 1)[-1] for r in node(tiny, label).regions} == regions


def test_a_dataset_is_read_across_all_named_graphs(tiny_graph: Graph) -> None:
    ds = Dataset()
    half = sorted(tiny_graph)
    for i, triple in enumerate(half):
        ds.graph(URIRef(f"{ID}graph/doc{i % 2}")).add(triple)
    assert read_entities(rdflib_triples(ds)) == read_entities(rdflib_triples(tiny_graph))


def test_an_entity_without_a_zh_label_falls_back_to_another_label() -> None:
    g = Graph()
    s = URIRef(ID + "org/x")
    g.add((s, RDF.type, SDO.Organization))
    g.add((s, RDFS.label, Literal("Example Bureau", lang="en")))
    g.add((URIRef(ID + "metric/m"), RDF.type, GK.Metric))
    g.add((URIRef(ID + "metric/m"), GK.value, Literal("12")))
    g.add((URIRef(ID + "metric/m"), GK.unit, Literal("个")))
    labels = sorted(n.label for n in read_entities(rdflib_triples(g)).nodes)
    assert labels == ["12个", "Example Bureau"]
