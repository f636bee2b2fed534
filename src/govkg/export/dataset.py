"""The built graph as export input: read once, kept in one canonical order.

Canonical order is the byte order of each quad's N-Quads line, so every writer that
follows it gives byte-identical files for the same input, and exports diff cleanly.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from govkg.errors import ExportError

GRAPH_FILE = "graph.nq"
STORE_DIR = "store"

_FORMAT_BY_SUFFIX = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ttl": ox.RdfFormat.TURTLE,
}


@dataclass(frozen=True)
class Dataset:
    """Unique quads sorted by their N-Quads line; ``lines[i]`` is the line of ``quads[i]``."""

    quads: tuple[ox.Quad, ...]
    lines: tuple[bytes, ...]

    @classmethod
    def of(cls, quads: Iterable[ox.Quad]) -> Dataset:
        quads = list(quads)
        unique = dict(zip(_lines(quads, ox.RdfFormat.N_QUADS), quads, strict=True))
        order = sorted(unique)
        return cls(quads=tuple(unique[line] for line in order), lines=tuple(order))

    def __len__(self) -> int:
        return len(self.quads)

    @cached_property
    def named_graphs(self) -> dict[ox.NamedNode | ox.BlankNode, tuple[ox.Quad, ...]]:
        """Each named graph (one per source document) with its quads, graphs in canonical order."""
        groups: dict[str, list[ox.Quad]] = {}
        for quad in self.quads:
            if not isinstance(quad.graph_name, ox.DefaultGraph):
                groups.setdefault(str(quad.graph_name), []).append(quad)
        return {groups[key][0].graph_name: tuple(groups[key]) for key in sorted(groups)}

    @cached_property
    def default_graph_size(self) -> int:
        return sum(isinstance(quad.graph_name, ox.DefaultGraph) for quad in self.quads)

    @cached_property
    def triples(self) -> tuple[ox.Triple, ...]:
        """The union of all graphs without duplicates, sorted like :attr:`triple_lines`."""
        return tuple(self._triples_by_line[line] for line in self.triple_lines)

    @cached_property
    def triple_lines(self) -> tuple[bytes, ...]:
        """Canonical N-Triples lines of the union graph, sorted and unique."""
        return tuple(sorted(self._triples_by_line))

    @cached_property
    def _triples_by_line(self) -> dict[bytes, ox.Triple]:
        triples = [quad.triple for quad in self.quads]
        return dict(zip(_lines(triples, ox.RdfFormat.N_TRIPLES), triples, strict=True))


def triple_lines(quads: Iterable[ox.Quad]) -> list[bytes]:
    """Canonical N-Triples lines of some quads' triples, sorted and unique."""
    return sorted(set(_lines([quad.triple for quad in quads], ox.RdfFormat.N_TRIPLES)))


def _lines(terms: list, fmt: ox.RdfFormat) -> list[bytes]:
    if not terms:
        return []
    return ox.serialize(terms, format=fmt).splitlines(keepends=True)


def read_dataset(source: Path) -> Dataset:
    """Read a build directory (its graph.nq, else its store/), an RDF file, or a pyoxigraph store."""
    source = Path(source)
    if source.is_dir():
        if (source / GRAPH_FILE).is_file():
            return _read_file(source / GRAPH_FILE)
        if (source / STORE_DIR).is_dir():
            return _read_store(source / STORE_DIR)
        if (source / "CURRENT").is_file():  # the directory is a RocksDB store itself
            return _read_store(source)
        raise ExportError(
            f"{source}: no {GRAPH_FILE} or {STORE_DIR}/ here; run `govkg build PATH --out {source}` first"
        )
    if source.is_file():
        return _read_file(source)
    raise ExportError(f"{source}: no such file or directory")


def _read_file(path: Path) -> Dataset:
    suffix = "".join(path.suffixes[-2:-1]) if path.suffix == ".gz" else path.suffix
    fmt = _FORMAT_BY_SUFFIX.get(suffix.lower())
    if fmt is None:
        raise ExportError(f"{path}: cannot read this file type; give a .nq, .trig, .nt or .ttl file")
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as stream:
                return Dataset.of(ox.parse(stream, format=fmt))
        return Dataset.of(ox.parse(path=str(path), format=fmt))
    except SyntaxError as err:
        raise ExportError(f"{path}: not valid {fmt.name}: {err}") from err
    except (OSError, EOFError) as err:
        raise ExportError(f"{path}: cannot read: {err}") from err


def _read_store(path: Path) -> Dataset:
    try:
        store = ox.Store.read_only(str(path))
    except OSError as err:
        raise ExportError(f"{path}: cannot open the store: {err}") from err
    return Dataset.of(store.quads_for_pattern(None, None, None, None))
