"""The mapping to the contract: one document's articles and entities → quads in its named graph.

The terms are those of ``shared/design/ontology-contract.md`` (declared in
``ontology/govkg.ttl``). Every quad of a document goes into that document's named graph,
so a store can replace one document without touching the rest; an entity seen in two
documents has the same IRI in both, and the union graph merges it.
"""

from __future__ import annotations

from decimal import Decimal

from govkg.model import Article, ArticleFacts, Document, Evidence
from govkg.rdf.terms import (
    DEFAULT_BASE,
    GK_,
    ORG_,
    PROV_,
    RDFS_,
    SCHEMA_,
    SKOS_,
    A,
    literal,
    segment,
    typed,
    zh,
)
from govkg.resolve import Resolved, resolve_document

_CREDIT_PROPERTY = {"reporter": SCHEMA_.author, "correspondent": SCHEMA_.contributor,
                    "photographer": GK_.photographer, "editor": SCHEMA_.editor}


Node = str  # a term written in N-Triples: ``<iri>``, ``"text"@zh``


class Mapper:
    """Makes the IRIs under one base and writes the quads of one document, as N-Quads text.

    The base must be valid as the start of an IRI (``terms.checked_base``); every key in an IRI
    goes through ``terms.segment``, so the IRIs need no further check.
    """

    def __init__(self, base: str = DEFAULT_BASE):
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self._nodes: dict[tuple[str | int, ...], Node] = {}  # a document names each node many times

    def iri(self, kind: str, *keys: str | int) -> str:
        return self.base + kind + "/" + "/".join(segment(str(k)) for k in keys)

    def node(self, kind: str, *keys: str | int) -> Node:
        made = self._nodes.get((kind, *keys))
        if made is None:
            made = self._nodes[(kind, *keys)] = f"<{self.iri(kind, *keys)}>"
        return made

    def article(self, article: Article) -> Node:
        return self.node("article", article.doc_id, article.index)

    def document_nquads(self, doc: Document, facts: list[ArticleFacts]) -> str:
        """The document's quads in its named graph: N-Quads lines, each once, sorted (same input, same text).

        Sorted by code point, which is UTF-8 byte order.
        """
        tail = f" {self.node('graph', doc.doc_id)} .\n"
        resolved = resolve_document(doc.doc_id, facts)
        lines = {f"{s} {p} {o}{tail}" for s, p, o in self._triples(doc, facts, resolved)}
        return "".join(sorted(lines))

    def _triples(self, doc: Document, facts: list[ArticleFacts], r: Resolved):
        doc_node = self.node("document", doc.doc_id)
        yield doc_node, A, GK_.SourceDocument
        yield doc_node, SCHEMA_.name, literal(doc.path)
        yield doc_node, GK_.sha256, literal(doc.sha256)
        yield doc_node, GK_.encoding, literal(doc.encoding)
        place_nodes = {key: self.node("place", key) for key in r.places}
        org_nodes = {key: self.node("org", key) for key in r.organizations}
        person_nodes = {key: self.node("person", key) for key in r.people}
        program_nodes = {key: self.node("program", key) for key in r.programs}
        evidence: dict[Evidence, Node] = {}  # each sentence is described once, however many facts cite it
        yield from self._places(r, place_nodes, evidence)
        yield from self._organizations(r, org_nodes, evidence)
        yield from self._labelled(r.people, person_nodes, SCHEMA_.Person, evidence)
        yield from self._programs(r, program_nodes, evidence)
        for af in facts:
            yield from self._article(af, doc_node, r, place_nodes, org_nodes, person_nodes, program_nodes)
        for person_key, m in r.memberships:
            yield from self._membership(person_key, m, r, person_nodes, org_nodes, evidence)
        counters: dict[tuple[int, int], int] = {}
        for af, metric in r.metrics:
            ev = metric.evidence[0] if metric.evidence else None
            pos = (af.article.index, ev.start if ev else 0)
            counters[pos] = counters.get(pos, 0) + 1
            node = self.node("metric", af.article.doc_id, af.article.index, f"{pos[1]}-{counters[pos]}")
            yield node, A, GK_.Metric
            yield node, RDFS_.label, zh(metric.text)
            yield node, GK_.value, typed(_decimal(metric.value), "decimal")
            yield node, GK_.unit, literal(metric.unit)
            yield node, GK_.quantityText, literal(metric.text)
            if metric.qualifier:
                yield node, GK_.qualifier, literal(metric.qualifier)
            if metric.measure:
                yield node, GK_.measure, literal(metric.measure)
            if metric.period:
                yield node, GK_.period, literal(metric.period)
            about = self._subject(metric.about, r, place_nodes, org_nodes, program_nodes)
            if about is not None:
                yield node, GK_.about, about
            yield self.article(af.article), SCHEMA_.mentions, node
            yield from self._evidence(node, metric.evidence, evidence)
        yield from self._evidence_nodes(evidence)

    def _labelled(self, entities: dict, nodes: dict, cls: Node, evidence: dict):
        for key, entity in entities.items():
            node = nodes[key]
            yield node, A, cls
            yield node, RDFS_.label, zh(entity.name)
            for alias in entity.aliases:
                if alias != entity.name:
                    yield node, SKOS_.altLabel, zh(alias)
            if cls != GK_.Program:  # programs write theirs with their links
                yield from self._evidence(node, entity.evidence, evidence)

    def _places(self, r: Resolved, nodes: dict, evidence: dict):
        yield from self._labelled(r.places, nodes, SCHEMA_.Place, evidence)
        for key, place in r.places.items():
            if place.adcode:
                yield nodes[key], GK_.adcode, literal(place.adcode)
            if place.level:
                yield nodes[key], GK_.adminLevel, literal(place.level)
            parent = r.place_keys.get(place.parent) if place.parent else None
            if parent and parent != key:
                yield nodes[key], SCHEMA_.containedInPlace, nodes[parent]

    def _organizations(self, r: Resolved, nodes: dict, evidence: dict):
        yield from self._labelled(r.organizations, nodes, SCHEMA_.Organization, evidence)
        for key, org in r.organizations.items():
            place = r.place_keys.get(org.place) if org.place else None
            if place:
                yield nodes[key], SCHEMA_.location, self.node("place", place)

    def _programs(self, r: Resolved, nodes: dict, evidence: dict):
        yield from self._labelled(r.programs, nodes, GK_.Program, evidence)
        for key, program in r.programs.items():
            node = nodes[key]
            for name in program.places:
                if name in r.place_keys:
                    yield node, GK_.implementedIn, self.node("place", r.place_keys[name])
            for name in program.organizations:
                if name in r.org_keys:
                    yield node, GK_.runBy, self.node("org", r.org_keys[name])
            for name in program.people:
                keys = {k for (_, n), k in r.person_keys.items() if n == name}
                for k in sorted(keys):
                    yield node, GK_.involves, self.node("person", k)
            yield from self._evidence(node, program.evidence, evidence)

    def _article(self, af: ArticleFacts, doc_node, r: Resolved, place_nodes, org_nodes, person_nodes,
                 program_nodes):
        a = af.article
        node = self.article(a)
        yield node, A, SCHEMA_.NewsArticle
        yield node, SCHEMA_.headline, literal(a.headline)
        yield node, GK_.sourceDocument, doc_node
        yield node, GK_.articleKind, literal(a.kind)
        if a.section:
            yield node, SCHEMA_.articleSection, literal(a.section)
        if a.date:
            yield node, SCHEMA_.datePublished, typed(a.date, "date")
        for credit in a.credits:
            key = r.person_keys.get((a.index, credit.name), credit.name)
            yield node, _CREDIT_PROPERTY[credit.role], self.node("person", key)
        mentioned = [place_nodes[k] for k in {r.place_keys[p.name] for p in af.places}]
        mentioned += [org_nodes[o.name] for o in af.organizations]
        mentioned += [person_nodes[r.person_keys[(a.index, p.name)]] for p in af.people]
        mentioned += [program_nodes[p.name] for p in af.programs]
        for entity in mentioned:
            yield node, SCHEMA_.mentions, entity

    def _membership(self, person_key: str, m, r: Resolved, person_nodes, org_nodes, evidence: dict):
        org_key = r.org_keys.get(m.organization) if m.organization else None
        node = self.node("membership", person_key, m.title, org_key or "-")
        role = self.node("role", m.title)
        yield node, A, ORG_.Membership
        yield node, ORG_.member, person_nodes[person_key]
        yield node, ORG_.role, role
        yield role, A, ORG_.Role
        yield role, RDFS_.label, zh(m.title)
        if org_key:
            yield node, ORG_.organization, org_nodes[org_key]
        yield from self._evidence(node, m.evidence, evidence)

    def _subject(self, about, r: Resolved, place_nodes, org_nodes, program_nodes):
        if about is None:
            return None
        table = {"place": (r.place_keys, place_nodes), "organization": (r.org_keys, org_nodes),
                 "program": (r.program_keys, program_nodes)}.get(about.kind)
        if table is None or about.name not in table[0]:
            return None
        return table[1][table[0][about.name]]

    def _evidence(self, subject: Node, cited: tuple[Evidence, ...], evidence: dict[Evidence, Node]):
        """The links from ``subject`` to its sentences; the sentences are noted in ``evidence``."""
        for ev in cited:
            node = evidence.get(ev)
            if node is None:
                node = evidence[ev] = self.node("evidence", ev.doc_id, f"{ev.start}-{ev.end}")
            yield subject, PROV_.wasDerivedFrom, node

    def _evidence_nodes(self, evidence: dict[Evidence, Node]):
        for ev, node in evidence.items():
            yield node, A, GK_.Evidence
            yield node, GK_.text, literal(ev.text)
            yield node, GK_.start, typed(ev.start, "integer")
            yield node, GK_.end, typed(ev.end, "integer")
            yield node, SCHEMA_.isPartOf, self.node("article", ev.doc_id, ev.article)


def _decimal(value: Decimal) -> str:
    text = format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)
    return text if text not in ("-0",) else "0"
