"""Organizations (stub until the organizations extractor lands)."""

from __future__ import annotations

from govkg.model import Article, Organization, Place
from govkg.resources import Resources


def extract_organizations(article: Article, places: tuple[Place, ...], res: Resources) -> tuple[Organization, ...]:
    return ()
