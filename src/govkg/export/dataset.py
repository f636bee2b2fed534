"""The built graph as export input: read once, kept as canonical N-Quads lines.

Canonical order is the byte order of each quad's N-Quads line (as pyoxigraph writes it),
so every writer that follows it gives byte-identical files for the same input, and
exports diff cleanly. Keeping lines rather than a million term objects keeps exports
close to the speed of pyoxigraph itself (benchmarks/export).
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from govkg.errors import ExportError

GRAPH_FILE = "graph.nq"
STORE_DIR = "store"
DEFAULT_GRAPH = b""

_FORMAT_BY_SUFFIX = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ttl": ox.RdfFormat.TURTLE,
}


@dataclass(frozen=True)
class Dataset:
    """Unique N-Quads lines in canonical order, and the graph term of each (``b""`` for the default graph)."""

    lines: tuple[bytes, ...]
    graph_terms: tuple[bytes, ...]  # N-Triples form of each line's graph: b"<https://…/graph/doc>"

    @classmethod
    def of(cls, quads: Iterable[ox.Quad]) -> Dataset:
        quads = list(quads)
        if not quads:
            return cls(lines=(), graph_terms=())
        shared: dict[str, bytes] = {}
        terms = [
            DEFAULT_GRAPH
            if isinstance(graph, ox.DefaultGraph)
            else shared.setdefault(text := str(graph), text.encode("utf-8"))
            for graph in (quad.graph_name for quad in quads)
        ]
        lines = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)
        del quads
        graph_of = dict(zip(lines, terms, strict=True))
        order = sorted(graph_of)
        return cls(lines=tuple(order), graph_terms=tuple(graph_of[line] for line in order))

    def __len__(self) -> int:
        return len(self.lines)

    def _pairs(self) -> Iterator[tuple[bytes, bytes]]:
        return zip(self.lines, self.graph_terms, strict=True)

    @cached_property
    def named_graphs(self) -> dict[bytes, tuple[bytes, ...]]:
        """Each named graph's term with its N-Triples lines (sorted), graphs in canonical order."""
        groups: dict[bytes, list[bytes]] = {}
        for line, graph in self._pairs():
            if graph:
                groups.setdefault(graph, []).append(_triple_line(line, graph))
        return {graph: tuple(groups[graph]) for graph in sorted(groups)}

    @cached_property
    def graph_count(self) -> int:
        return len(set(self.graph_terms) - {DEFAULT_GRAPH})

    @cached_property
    def default_graph_size(self) -> int:
        return sum(1 for graph in self.graph_terms if not graph)

    @cached_property
    def triple_lines(self) -> tuple[bytes, ...]:
        """Canonical N-Triples lines of the union of all graphs, sorted, each triple once.

        Dropping the graph keeps the quads' order, so the sort only merges what is already
        in order, and a triple in several graphs comes out once.
        """
        return tuple(sorted(dict.fromkeys(_triple_line(line, graph) for line, graph in self._pairs())))

    def triples(self) -> Iterator[ox.Triple]:
        """The union graph's triples in canonical order, parsed as they are consumed."""
        return ox.parse(b"".join(self.triple_lines), format=ox.RdfFormat.N_TRIPLES)

    def quads_by_graph(self) -> Iterator[ox.Quad]:
        """The default graph's quads, then each named graph's, in canonical order (TriG's blocks)."""
        default = [line for line, graph in self._pairs() if not graph]
        ordered = default + [
            line for _, line in sorted((graph, line) for line, graph in self._pairs() if graph)
        ]
        return ox.parse(b"".join(ordered), format=ox.RdfFormat.N_QUADS)


def graph_iri(term: bytes) -> str | None:
    """The IRI of a graph term (``<…>``), or None for a blank node."""
    return term[1:-1].decode("utf-8") if term.startswith(b"<") else None


def has_blank_node(line: bytes) -> bool:
    """May this N-Triples line hold a blank node? (A literal holding " _:" only gives a false yes.)"""
    return line.startswith(b"_:") or b" _:" in line


def _triple_line(line: bytes, graph: bytes) -> bytes:
    return line[: -len(graph) - 3] + b".\n" if graph else line


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
