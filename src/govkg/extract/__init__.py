"""Extraction: one module per kind of entity, each a small pure function of an article.

Later stages see what earlier ones found (organizations know the article's places,
metrics know its programs), so the order below is the dependency order.
"""

from __future__ import annotations

from govkg.extract.metrics import extract_metrics
from govkg.extract.organizations import extract_organizations
from govkg.extract.people import extract_people
from govkg.extract.places import extract_places
from govkg.extract.programs import extract_programs
from govkg.model import Article, ArticleFacts
from govkg.resources import Resources


def extract_article(article: Article, res: Resources) -> ArticleFacts:
    places = extract_places(article, res)
    organizations = extract_organizations(article, places, res)
    people, memberships = extract_people(article, places, organizations, res)
    programs = extract_programs(article, places, organizations, people, memberships, res)
    metrics = extract_metrics(article, places, organizations, programs, res)
    return ArticleFacts(article, places, organizations, people, memberships, programs, metrics)
