"""GraphML and GEXF for Gephi (through networkx): labels, classes and literal values as attributes."""

from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from govkg.export.dataset import Dataset
from govkg.export.property_graph import PropertyGraph, to_property_graph

VALUE_SEPARATOR = " | "


def to_networkx(graph: PropertyGraph) -> nx.MultiDiGraph:
    """One node per resource (keyed by IRI), one edge per link, keyed by its predicate.

    Attribute values are strings (several values joined by `` | ``), so that every
    attribute has one type across the file, as GraphML and GEXF require.
    """
    network = nx.MultiDiGraph()
    for node in graph.nodes:
        attributes = {name: VALUE_SEPARATOR.join(v.value for v in values) for name, values in node.attributes}
        network.add_node(
            node.key, **attributes, iri=node.key, label=node.label, **{"class": " ".join(node.classes)}
        )
    for edge in graph.edges:
        network.add_edge(edge.source, edge.target, key=edge.predicate, label=edge.predicate)
    return network


def write_graphml(dataset: Dataset, out: BinaryIO, prefixes: dict[str, str]) -> None:
    nx.write_graphml(to_networkx(to_property_graph(dataset, prefixes)), out, encoding="utf-8")


def write_gexf(dataset: Dataset, out: BinaryIO, prefixes: dict[str, str]) -> None:
    nx.write_gexf(to_networkx(to_property_graph(dataset, prefixes)), out, encoding="utf-8")
