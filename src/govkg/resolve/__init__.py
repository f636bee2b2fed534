"""Merging mentions into entities: one node per place, body, person and program of a document.

Extractors work article by article; here the articles of one document are merged by
canonical name, and every entity gets the key its IRI is made from. Keys depend only
on the entity itself (its code or name), so the same entity in two documents, or in two
runs, gets the same IRI, and a build can treat each document on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from govkg.model import ArticleFacts, Evidence, Membership, Metric, Organization, Person, Place, Program


@dataclass
class Resolved:
    """The entities of one document, each under its key, plus name → key look-ups."""

    places: dict[str, Place] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    programs: dict[str, Program] = field(default_factory=dict)
    memberships: list[tuple[str, Membership]] = field(default_factory=list)  # (person key, membership)
    metrics: list[tuple[ArticleFacts, Metric]] = field(default_factory=list)
    place_keys: dict[str, str] = field(default_factory=dict)
    org_keys: dict[str, str] = field(default_factory=dict)
    program_keys: dict[str, str] = field(default_factory=dict)
    person_keys: dict[tuple[int, str], str] = field(default_factory=dict)  # (article, name) → key


def place_key(place: Place) -> str:
    if place.adcode:
        return place.adcode
    if place.parent and place.level in ("township", "village"):
        return f"{place.parent}/{place.name}"
    return place.name


def person_key(person: Person, doc_id: str, article: int) -> str:
    return f"{person.name}/{doc_id}/{article}" if person.ambiguous else person.name


def _union(a: tuple, b: tuple) -> tuple:
    return a + tuple(x for x in b if x not in a)


def _merge(old, new):
    """Same entity seen again: keep the first's fields, add aliases, links and evidence."""
    if old is None:
        return new
    updates = {"aliases": _union(old.aliases, new.aliases), "evidence": _union(old.evidence, new.evidence)}
    for name in ("places", "organizations", "people"):
        if hasattr(old, name):
            updates[name] = _union(getattr(old, name), getattr(new, name))
    for name in ("parent", "place", "adcode", "level"):
        if hasattr(old, name) and getattr(old, name) is None and getattr(new, name) is not None:
            updates[name] = getattr(new, name)
    return replace(old, **updates)


def resolve_document(doc_id: str, facts: Iterable[ArticleFacts]) -> Resolved:
    out = Resolved()
    facts = list(facts)
    for af in facts:
        for place in af.places:
            key = place_key(place)
            out.places[key] = _merge(out.places.get(key), place)
            for name in (place.name, *place.aliases):
                out.place_keys.setdefault(name, key)
        for org in af.organizations:
            out.organizations[org.name] = _merge(out.organizations.get(org.name), org)
            for name in (org.name, *org.aliases):
                out.org_keys.setdefault(name, org.name)
        for person in af.people:
            key = person_key(person, doc_id, af.article.index)
            out.people[key] = _merge(out.people.get(key), person)
            out.person_keys[(af.article.index, person.name)] = key
        for program in af.programs:
            out.programs[program.name] = _merge(out.programs.get(program.name), program)
            for name in (program.name, *program.aliases):
                out.program_keys.setdefault(name, program.name)
    for af in facts:
        for credit in af.article.credits:  # a byline names a person even when no extractor listed them
            if (af.article.index, credit.name) not in out.person_keys:
                person = Person(credit.name, (credit.alias,) if credit.alias else ())
                key = person_key(person, doc_id, af.article.index)
                out.people[key] = _merge(out.people.get(key), person)
                out.person_keys[(af.article.index, credit.name)] = key
        spans = {c.name: c.span for c in af.article.credits if c.span is not None}
        for m in af.memberships:
            if not m.evidence and m.person in spans:  # a byline title: the byline is its evidence
                m = replace(m, evidence=(Evidence.of(af.article, spans[m.person]),))
            key = out.person_keys.get((af.article.index, m.person))
            if key is None:  # a membership of a person the people extractor did not list
                person = Person(m.person, evidence=m.evidence)
                key = person_key(person, doc_id, af.article.index)
                out.people.setdefault(key, person)
                out.person_keys[(af.article.index, m.person)] = key
            out.memberships.append((key, m))
        out.metrics.extend((af, metric) for metric in af.metrics)
    return out
