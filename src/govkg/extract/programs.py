"""Programs (stub until the programs extractor lands)."""

from __future__ import annotations

from govkg.model import Article, Membership, Organization, Person, Place, Program
from govkg.resources import Resources


def extract_programs(
    article: Article,
    places: tuple[Place, ...],
    organizations: tuple[Organization, ...],
    people: tuple[Person, ...],
    memberships: tuple[Membership, ...],
    res: Resources,
) -> tuple[Program, ...]:
    return ()
