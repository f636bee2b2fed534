"""Datasets for the query tests: a hand-made graph (file and store) and a real build of the seed."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from govkg.pipeline import build
from govkg.query import Dataset, open_graph, open_store, write_query_store
from govkg.rdf.store import write_store

FIXTURES = Path(__file__).parent / "fixtures"
TINY = FIXTURES / "tiny.trig"
SEED = Path(__file__).resolve().parents[2] / "data" / "corpus" / "seed.txt"


@pytest.fixture(scope="session")
def tiny() -> Dataset:
    return open_graph(TINY)


@pytest.fixture(scope="session")
def tiny_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made graph written as ``govkg build`` writes its store (N-Quads, then the store)."""
    out = tmp_path_factory.mktemp("tiny-out")
    memory = pyoxigraph.Store()
    memory.load(path=str(TINY), format=pyoxigraph.RdfFormat.TRIG)
    memory.dump(output=str(out / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    write_store(out / "graph.nq", out / "store")
    return out / "store"


@pytest.fixture(scope="session")
def tiny_query_store(tiny_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same quads in the query layout: named graphs plus their merge as the default graph."""
    location = tmp_path_factory.mktemp("tiny-query") / "store"
    write_query_store(tiny_store.parent / "graph.nq", location)
    return location


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed-out")
    build([SEED], out=out, html=False)
    return out


@pytest.fixture(scope="session")
def seed(seed_out: Path) -> Dataset:
    return open_store(seed_out / "store")
