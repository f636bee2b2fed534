"""Places (stub until the places extractor lands)."""

from __future__ import annotations

from govkg.model import Article, Place
from govkg.resources import Resources


def extract_places(article: Article, res: Resources) -> tuple[Place, ...]:
    return ()
