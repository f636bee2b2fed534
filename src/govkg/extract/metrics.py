"""Metrics (stub until the metrics extractor lands)."""

from __future__ import annotations

from govkg.model import Article, Metric, Organization, Place, Program
from govkg.resources import Resources


def extract_metrics(
    article: Article,
    places: tuple[Place, ...],
    organizations: tuple[Organization, ...],
    programs: tuple[Program, ...],
    res: Resources,
) -> tuple[Metric, ...]:
    return ()
