"""Fixtures shared by the whole suite: the bundled seed page, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import govkg
from govkg.pipeline import BuildResult, Extractor
from govkg.resources import Resources

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "corpus" / "seed.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """Resources loaded once for the whole suite, as the pipeline does once per process."""
    return Extractor()


@pytest.fixture(scope="session")
def res(extractor: Extractor) -> Resources:
    return extractor.resources


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> BuildResult:
    """The seed page built into a temporary output folder (graph.ttl, graph.nq, store/, graph.html)."""
    out = tmp_path_factory.mktemp("seed-build")
    return govkg.build([SEED], out, extractor=extractor)
