"""Read a built graph (the public contract) into the entities and links a viewer sees.

Evidence nodes, roles and memberships are not drawn: their sentences go into the tooltips of the
entities they support, and a membership becomes a person → organization link named by the title.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple

import pyoxigraph as ox
from rdflib import BNode, Literal
from rdflib.graph import ConjunctiveGraph, Graph

from govkg.viz.terms import (
    CLASS_BY_IRI,
    CLASSES,
    GK,
    HIDDEN_PREDICATES,
    MEMBERSHIP_LINK,
    ORG,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    link_label,
    property_name,
)

_RANK = {c.iri: i for i, c in enumerate(CLASSES)}
_TYPE, _LABEL, _ALT_LABEL = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
_TEXT = str(GK.text)
_IS_PART_OF = str(SDO.isPartOf)
_HEADLINE = str(SDO.headline)
_MEASURE = str(GK.measure)
_QUALIFIER = str(GK.qualifier)
_VALUE = str(GK.value)
_UNIT = str(GK.unit)
_DERIVED_FROM = str(PROV.wasDerivedFrom)
_EVIDENCE = str(GK.Evidence)
_MEMBERSHIP = str(ORG.Membership)
_MEMBER = str(ORG.member)
_ROLE = str(ORG.role)
_ORGANIZATION = str(ORG.organization)
_CONTAINED_IN = str(SDO.containedInPlace)


class Term(NamedTuple):
    """An RDF object as the view needs it: an IRI (or blank node id) or a literal with its language.
    A named tuple, not a dataclass: one is made per triple, and tuples are made several times faster."""

    value: str
    literal: bool = False
    lang: str | None = None


Triple = tuple[str, str, Term]


@dataclass(frozen=True)
class Node:
    """One drawn entity with everything its tooltip shows."""

    iri: str
    cls: str  # key of a ClassStyle
    label: str
    alt_labels: tuple[str, ...]
    props: tuple[tuple[str, str], ...]  # (property name in Chinese, value as text)
    evidence: tuple[str, ...]  # sentences, as written in the source
    regions: tuple[str, ...]  # IRIs of the places it lies in, itself included for a place


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str
    label: str


@dataclass(frozen=True)
class EntityGraph:
    """The entities and links of a built graph, in a stable order (by IRI)."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    article_evidence: Mapping[str, tuple[str, ...]]  # article IRI -> its evidence sentences

    def node_map(self) -> dict[str, Node]:
        return {n.iri: n for n in self.nodes}


def rdflib_triples(graph: Graph) -> Iterator[Triple]:
    """Triples of an rdflib Graph, or the union of all named graphs of a Dataset.

    A graph over oxrdflib's Oxigraph store (what ``govkg build`` hands over) is read from the
    pyoxigraph store underneath, skipping the conversion of every term to an rdflib object."""
    context = None if isinstance(graph, ConjunctiveGraph) else graph
    inner = getattr(graph.store, "_inner", None)
    if isinstance(inner, ox.Store):
        try:
            from oxrdflib._converter import to_ox_quad_pattern
        except ImportError:  # a future oxrdflib without it: the generic path below still works
            pass
        else:
            return oxigraph_triples(inner.quads_for_pattern(*to_ox_quad_pattern((None, None, None), context)))
    return _rdflib_terms(graph)


def _rdflib_terms(graph: Graph) -> Iterator[Triple]:
    source: Iterable[Any]
    if isinstance(graph, ConjunctiveGraph):  # Dataset is a ConjunctiveGraph: read every named graph
        source = ((s, p, o) for s, p, o, _ in graph.quads((None, None, None, None)))
    else:
        source = graph.triples((None, None, None))
    for s, p, o in source:
        if isinstance(o, Literal):
            obj = Term(str(o), True, o.language)
        elif isinstance(o, BNode):
            obj = Term(f"_:{o}")
        else:
            obj = Term(str(o))
        yield (f"_:{s}" if isinstance(s, BNode) else str(s)), str(p), obj


def oxigraph_triples(quads: Iterable[Any]) -> Iterator[Triple]:
    """Triples (or quads, graph dropped) from pyoxigraph, as the view's terms."""
    for q in quads:
        s, o = q.subject, q.object
        if isinstance(o, ox.Literal):
            obj = Term(o.value, True, o.language)
        elif isinstance(o, ox.BlankNode):
            obj = Term(f"_:{o.value}")
        else:
            obj = Term(o.value)
        yield (f"_:{s.value}" if isinstance(s, ox.BlankNode) else s.value), q.predicate.value, obj


def read_entities(triples: Iterable[Triple]) -> EntityGraph:
    """Group triples by subject and turn the contract's entities into nodes and links."""
    types: dict[str, set[str]] = defaultdict(set)
    out: dict[str, list[tuple[str, Term]]] = defaultdict(list)
    labels: dict[str, str] = {}
    any_labels: dict[str, str] = {}
    alts: dict[str, list[str]] = defaultdict(list)
    rdf_type, label, alt = _TYPE, _LABEL, _ALT_LABEL
    for s, p, o in triples:
        if p == rdf_type:
            types[s].add(o.value)
        elif p == label and o.literal:
            if o.lang == "zh" or (o.lang or "").startswith("zh"):
                labels[s] = min(labels.get(s, o.value), o.value)
            else:
                any_labels.setdefault(s, o.value)
        elif p == alt and o.literal:
            alts[s].append(o.value)
        else:
            out[s].append((p, o))

    entity_cls = {}
    for s, ts in types.items():
        known = sorted((t for t in ts if t in CLASS_BY_IRI), key=_RANK.__getitem__)
        if known:
            entity_cls[s] = CLASS_BY_IRI[known[0]].key

    def first(s: str, p: str) -> str | None:
        values = sorted(o.value for q, o in out.get(s, ()) if q == p)
        return values[0] if values else None

    evidence_text = {s: first(s, _TEXT) or "" for s, ts in types.items() if _EVIDENCE in ts}
    article_evidence: dict[str, list[str]] = defaultdict(list)
    for ev, text in evidence_text.items():
        article = first(ev, _IS_PART_OF)
        if article and text:
            article_evidence[article].append(text)

    def name_of(s: str) -> str:
        if s in labels:
            return labels[s]
        if s in any_labels:
            return any_labels[s]
        if entity_cls.get(s) == "article":
            return first(s, _HEADLINE) or s
        if entity_cls.get(s) == "metric":
            parts = [first(s, _MEASURE), first(s, _QUALIFIER), first(s, _VALUE),
                     first(s, _UNIT)]
            return "".join(x for x in parts if x) or s
        return s.rsplit("/", 1)[-1]

    def evidence_of(s: str) -> list[str]:
        return sorted({evidence_text[o.value] for p, o in out.get(s, ())
                       if p == _DERIVED_FROM and evidence_text.get(o.value)})

    props: dict[str, list[tuple[str, str]]] = defaultdict(list)
    evidence: dict[str, list[str]] = {s: evidence_of(s) for s in entity_cls}
    edges: dict[tuple[str, str, str], Edge] = {}
    for s in entity_cls:
        for p, o in out.get(s, ()):
            if o.literal:
                if p != _TEXT:
                    props[s].append((property_name(p), o.value))
                continue
            if o.value in entity_cls:
                kind, name = link_label(p)
                edges.setdefault((s, o.value, kind), Edge(s, o.value, kind, name))
                if p not in HIDDEN_PREDICATES:
                    props[s].append((name, name_of(o.value)))
            elif p not in HIDDEN_PREDICATES:
                props[s].append((property_name(p), name_of(o.value)))

    for m, ts in types.items():
        if _MEMBERSHIP not in ts:
            continue
        person, role, body = first(m, _MEMBER), first(m, _ROLE), first(m, _ORGANIZATION)
        if person not in entity_cls:
            continue
        title = name_of(role) if role else ""
        if body in entity_cls:
            edges.setdefault((person, body, MEMBERSHIP_LINK[0]),
                             Edge(person, body, MEMBERSHIP_LINK[0], title or MEMBERSHIP_LINK[1]))
        props[person].append((MEMBERSHIP_LINK[1], " ".join(x for x in (name_of(body) if body else "", title) if x)))
        evidence[person] = sorted(set(evidence[person]) | set(evidence_of(m)))

    for s, cls in entity_cls.items():
        if cls == "article":
            evidence[s] = sorted(set(article_evidence.get(s, ())))
    regions = _regions(entity_cls, out, edges.values())
    nodes = tuple(
        Node(
            iri=s,
            cls=cls,
            label=name_of(s),
            alt_labels=tuple(sorted(set(alts.get(s, ())) - {name_of(s)})),
            props=tuple(sorted(set(props.get(s, ())))),
            evidence=tuple(evidence[s]),
            regions=tuple(sorted(regions.get(s, ()))),
        )
        for s, cls in sorted(entity_cls.items())
    )
    return EntityGraph(
        nodes=nodes,
        edges=tuple(sorted(edges.values(), key=lambda e: (e.source, e.target, e.kind))),
        article_evidence=MappingProxyType({a: tuple(sorted(set(t))) for a, t in article_evidence.items()}),
    )


def _regions(entity_cls: Mapping[str, str], out: Mapping[str, list[tuple[str, Term]]],
             edges: Iterable[Edge]) -> dict[str, set[str]]:
    """The places each entity lies in: a place's ancestors, an organization's location, a program's
    places, a metric's subject, a person's organizations, an article's entities."""
    parents: dict[str, set[str]] = defaultdict(set)
    for s, cls in entity_cls.items():
        if cls == "place":
            parents[s] = {o.value for p, o in out.get(s, ()) if p == _CONTAINED_IN}

    memo: dict[str, frozenset[str]] = {}

    def lineage(place: str) -> frozenset[str]:
        seen, todo = set(), [place]
        while todo:
            p = todo.pop()
            if p in seen:
                continue
            if p in memo:
                seen |= memo[p]
                continue
            seen.add(p)
            todo.extend(parents.get(p, ()))
        memo[place] = frozenset(seen)
        return memo[place]

    regions: dict[str, set[str]] = defaultdict(set)
    direct = {"org": "location", "program": "implementedIn"}
    for s, cls in entity_cls.items():
        if cls == "place":
            regions[s] |= lineage(s)
    by_source: dict[str, list[Edge]] = defaultdict(list)
    for e in edges:
        by_source[e.source].append(e)
        if direct.get(entity_cls[e.source]) == e.kind and entity_cls[e.target] == "place":
            regions[e.source] |= lineage(e.target)
    for cls_kind in (("metric", "about"), ("person", "membership"), ("article", "mentions")):
        for s, cls in entity_cls.items():
            if cls == cls_kind[0]:
                for e in by_source.get(s, ()):
                    if e.kind == cls_kind[1]:
                        regions[s] |= regions.get(e.target, set())
    return regions
