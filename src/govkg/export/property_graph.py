"""The RDF graph seen as a property graph (nodes with attributes, typed edges), for Gephi and Neo4j.

Resources become nodes; ``rdf:type`` becomes the node's classes, literal values its
attributes, and links between resources its edges.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from govkg.export.dataset import Dataset
from govkg.export.prefixes import compact

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SCHEMA_HEADLINE = "https://schema.org/headline"


@dataclass(frozen=True)
class Node:
    key: str  # the IRI, or ``_:label`` for a blank node
    classes: tuple[str, ...]  # compact class names, sorted
    label: str  # the rdfs:label (Chinese preferred), else the headline, else the key
    attributes: tuple[tuple[str, tuple[ox.Literal, ...]], ...]  # compact predicate, values


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    predicate: str  # compact predicate name


@dataclass(frozen=True)
class PropertyGraph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def to_property_graph(dataset: Dataset, prefixes: dict[str, str]) -> PropertyGraph:
    """Nodes and edges in canonical order, so the files written from them are stable."""
    classes: dict[str, set[str]] = {}
    literals: dict[str, dict[str, list[ox.Literal]]] = {}
    labels: dict[str, list[ox.Literal]] = {}
    edges: list[Edge] = []
    for triple in dataset.triples():
        subject = _key(triple.subject)
        literals.setdefault(subject, {})
        predicate = triple.predicate.value
        if predicate == RDF_TYPE and isinstance(triple.object, ox.NamedNode):
            classes.setdefault(subject, set()).add(compact(triple.object.value, prefixes))
        elif isinstance(triple.object, ox.Literal):
            if predicate in (RDFS_LABEL, SCHEMA_HEADLINE):
                labels.setdefault(subject, []).append(triple.object)
            literals[subject].setdefault(compact(predicate, prefixes), []).append(triple.object)
        elif isinstance(triple.object, ox.NamedNode | ox.BlankNode):
            target = _key(triple.object)
            literals.setdefault(target, {})
            edges.append(Edge(subject, target, compact(predicate, prefixes)))
    nodes = tuple(
        Node(
            key=key,
            classes=tuple(sorted(classes.get(key, ()))),
            label=_best_label(labels.get(key, []), key),
            attributes=tuple(sorted((name, tuple(values)) for name, values in literals[key].items())),
        )
        for key in sorted(literals)
    )
    return PropertyGraph(nodes=nodes, edges=tuple(edges))


def _key(term: ox.NamedNode | ox.BlankNode) -> str:
    return term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"


def _best_label(labels: list[ox.Literal], fallback: str) -> str:
    """A Chinese rdfs:label first, any label next, then a headline (labels come before it in ``labels``)."""
    ranked = sorted(labels, key=lambda label: not (label.language or "").lower().startswith("zh"))
    return ranked[0].value if ranked else fallback
