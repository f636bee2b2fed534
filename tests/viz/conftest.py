"""Fixtures of the viz tests: a small hand-made graph and a real headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from govkg.viz.graphdata import EntityGraph, rdflib_triples, read_entities

TINY = Path(__file__).with_name("tiny.ttl")
ARTIFACTS = Path(__file__).resolve().parents[2] / "output" / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def tiny_graph() -> Graph:
    return Graph().parse(TINY)


@pytest.fixture(scope="session")
def tiny(tiny_graph: Graph) -> EntityGraph:
    return read_entities(rdflib_triples(tiny_graph))


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where the browser tests leave screenshots for a person to look at (output/ is not committed)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
