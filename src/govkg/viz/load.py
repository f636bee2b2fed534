"""Open a built graph for the view and the analytics: a pyoxigraph store or an RDF file.

Reading goes through pyoxigraph (about 10× faster than rdflib's parsers); the
terms are turned straight into the view's own :class:`~govkg.viz.graphdata.Term`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from govkg.errors import InputError
from govkg.viz.graphdata import EntityGraph, Triple, oxigraph_triples, read_entities

_FILES = ("graph.nq", "graph.ttl")


def load_entities(*, store: str | Path | None = None, graph: str | Path | None = None) -> EntityGraph:
    """Entities of the graph file ``graph``, or else of the build output or store at ``store``
    (``DIR/store``, a store directory itself, or ``DIR/graph.nq`` / ``DIR/graph.ttl``)."""
    if graph is not None:
        return read_entities(_file_triples(Path(graph)))
    root = Path(store if store is not None else "output")
    if (root / "store").is_dir():
        return read_entities(_store_triples(root / "store"))
    if (root / "CURRENT").is_file():  # a RocksDB directory: the store itself
        return read_entities(_store_triples(root))
    for name in _FILES:
        if (root / name).is_file():
            return read_entities(_file_triples(root / name))
    raise InputError(str(root), "no store/ directory, graph.nq or graph.ttl here; run `govkg build` first "
                                "or pass --graph FILE")


def _file_triples(path: Path) -> Iterator[Triple]:
    if not path.is_file():
        raise InputError(str(path), "no such file")
    try:
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
        if fmt is None:
            raise InputError(str(path), "unknown RDF format (use .ttl, .nt, .nq, .trig or .jsonld)")
        quads = list(ox.parse(path=str(path), format=fmt))
    except SyntaxError as err:
        raise InputError(str(path), f"not valid RDF: {err}") from err
    except OSError as err:
        raise InputError(str(path), f"cannot be read: {err}") from err
    return oxigraph_triples(quads)


def _store_triples(path: Path) -> Iterator[Triple]:
    try:
        opened = ox.Store.read_only(str(path))
    except OSError as err:
        raise InputError(str(path), f"cannot open the store: {err}") from err
    return oxigraph_triples(opened.quads_for_pattern(None, None, None, None))
