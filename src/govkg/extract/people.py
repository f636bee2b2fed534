"""People and their titles (stub until the people extractor lands)."""

from __future__ import annotations

from govkg.model import Article, Membership, Organization, Person, Place
from govkg.resources import Resources


def extract_people(
    article: Article, places: tuple[Place, ...], organizations: tuple[Organization, ...], res: Resources
) -> tuple[tuple[Person, ...], tuple[Membership, ...]]:
    return (), ()
