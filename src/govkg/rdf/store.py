"""Writing a build: the files and the persistent store, replaced all at once.

Everything is written into a fresh folder beside the output first and moved into
place only when complete, so a build that dies half-way leaves the previous output
as it was.
"""

from __future__ import annotations

import io
import json
import os
import queue
import shutil
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import RdfFormat, Store, parse, serialize

from govkg.errors import GovkgError
from govkg.model import BuildSummary
from govkg.rdf.terms import PREFIXES

OUTPUT_FILES = ("graph.ttl", "graph.nq", "graph.html", "summary.json")
LOAD_BLOCK_BYTES = 32 << 20


_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"


def union_triples(store: Store) -> list:
    """Every triple of every named graph, once, in a stable order."""
    return sorted(store.query(_UNION), key=str)


def write_turtle(store: Store, path: Path) -> None:
    """The union graph in Turtle, grouped by subject; the store's own writer (33× rdflib's speed)."""
    serialize(store.query(_UNION), output=str(path), format=RdfFormat.TURTLE, prefixes=PREFIXES)


def write_nquads(store: Store, path: Path) -> None:
    """N-Quads in sorted order, so the same input gives a byte-identical file.

    The store writes all quads at once; lines are sorted as bytes, which for UTF-8 is
    code-point order (a literal's ``\\n`` is escaped, so one quad is one line).
    """
    lines = serialize(store, format=RdfFormat.N_QUADS).split(b"\n")
    lines.sort()
    with path.open("wb") as f:
        f.writelines(line + b"\n" for line in lines if line)


def concatenate(parts: Iterable[Path], path: Path) -> None:
    """graph.nq from each document's N-Quads (each sorted, unique), one document after another.

    A build passes its per-document files in document-id order, so the file is the same bytes
    for the same input, and is written without holding the corpus in memory.
    """
    with path.open("wb") as f:
        for part in parts:
            with part.open("rb") as src:
                shutil.copyfileobj(src, f)


def write_store(nquads: Path, location: Path) -> None:
    """The persistent store, bulk-loaded in blocks so that its memory stays bounded."""
    store = Store(str(location))
    with nquads.open("rb") as f:
        for block in _line_blocks(f):
            store.bulk_load(block, format=RdfFormat.N_QUADS)
    store.flush()
    store.optimize()
    del store


def _line_blocks(f: BinaryIO, size: int = LOAD_BLOCK_BYTES) -> Iterator[bytes]:
    rest = b""
    while block := f.read(size):
        block = rest + block
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            rest = block
            continue
        rest = block[cut:]
        yield block[:cut]
    if rest:
        yield rest


def write_outputs(store: Store, out: Path, summary: BuildSummary,
                  html: Callable[[Path, Path], None] | None = None) -> None:
    """Write graph.ttl, graph.nq, store/, summary.json and (when given) graph.html into ``out``."""

    def fill(staging: Path) -> None:
        write_nquads(store, staging / "graph.nq")
        loader = _Background(write_store, staging / "graph.nq", staging / "store")
        with loader:
            write_turtle(store, staging / "graph.ttl")
            _finish(staging, summary, html)

    _staged(out, fill)


class BuildWriter:
    """A build's outputs, written beside ``out`` while documents arrive, moved into place at the end.

    Each document's quads go to the persistent store as they come, bulk-loaded in blocks by a
    background thread (pyoxigraph releases the GIL, so it runs on another core while documents
    are extracted); graph.nq and Turtle are streamed at the end from each document's N-Quads
    file (sorted, unique; in document order), so the corpus is never held in memory. Used as a
    context manager: leaving it without :meth:`finish` throws the staged files away, and the
    previous output stays as it was.
    """

    def __init__(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.staging = Path(tempfile.mkdtemp(prefix=".govkg-build-", dir=out))
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=64)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._load, daemon=True)
        self.thread.start()

    def __enter__(self) -> BuildWriter:
        return self

    def __exit__(self, *exc) -> None:
        self._stop()
        shutil.rmtree(self.staging, ignore_errors=True)

    def add(self, nquads: bytes) -> None:
        """One document's quads for the store."""
        if self.error is not None:
            raise self.error
        self.queue.put(nquads)

    def _load(self) -> None:
        try:
            store = Store(str(self.staging / "store"))
            pending: list[bytes] = []
            size = 0
            while (item := self.queue.get()) is not None:
                pending.append(item)
                size += len(item)
                if size >= LOAD_BLOCK_BYTES:
                    store.bulk_load(b"".join(pending), format=RdfFormat.N_QUADS)
                    pending, size = [], 0
            if pending:
                store.bulk_load(b"".join(pending), format=RdfFormat.N_QUADS)
            store.flush()
            store.optimize()
            del store
        except BaseException as exc:  # raised again in the building thread
            self.error = exc
            while self.queue.get() is not None:  # keep taking, so that no producer blocks
                pass

    def _stop(self) -> None:
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()

    def finish(self, parts: Sequence[Path], summary: BuildSummary, scoped: Sequence[str] = (),
               counted: Mapping[str, str] | None = None,
               html: Callable[[Path, Path], None] | None = None) -> UnionCounts:
        """Write graph.nq, graph.ttl, summary.json and graph.html, wait for the store, move all in place.

        ``scoped`` are the IRI prefixes whose subjects belong to one document (articles,
        evidence): only the other triples can repeat across documents and need remembering.
        Sets ``summary.triples``, and ``summary.entities`` for the ``counted`` classes (name →
        class IRI); returns the distinct triples and the subjects of each type.
        """
        counts = UnionCounts()
        staging = self.staging
        try:
            concatenate(parts, staging / "graph.nq")
            reader = io.BufferedReader(_ChunkReader(_union_lines(parts, scoped, counts)), 1 << 20)
            triples = parse(reader, format=RdfFormat.N_TRIPLES)
            serialize(triples, output=str(staging / "graph.ttl"), format=RdfFormat.TURTLE, prefixes=PREFIXES)
            summary.triples = counts.triples
            if counted is not None:
                summary.entities = {name: counts.types.get(cls, 0) for name, cls in counted.items()}
            _finish(staging, summary, html)
            self._stop()
            if self.error is not None:
                raise self.error
            _replace(staging, self.out)
        except OSError as exc:
            raise GovkgError(f"{self.out}: could not write the build: {exc.strerror or exc}") from exc
        return counts


@dataclass
class UnionCounts:
    triples: int = 0
    types: Counter = field(default_factory=Counter)  # class IRI → distinct subjects typed with it


_RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def _union_lines(parts: Iterable[Path], scoped: Sequence[str], counts: UnionCounts) -> Iterator[bytes]:
    """The union's N-Triples, each triple once: the graph term dropped from every quad."""
    prefixes = tuple(b"<" + p.encode("utf-8") for p in scoped)
    seen: set[bytes] = set()
    for part in parts:
        chunk = []
        with part.open("rb") as f:
            for line in f:
                head = line.rstrip(b"\n")
                head = head[:head.rfind(b" ", 0, len(head) - 2)]  # drop " <graph> ."
                if not head.startswith(prefixes):
                    if head in seen:
                        continue
                    seen.add(head)
                counts.triples += 1
                subject, predicate, obj = head.split(b" ", 2)
                if predicate == _RDF_TYPE:
                    counts.types[obj[1:-1].decode("utf-8")] += 1
                chunk.append(head + b" .\n")
        yield b"".join(chunk)


class _ChunkReader(io.RawIOBase):
    """A readable stream over an iterator of byte chunks, for a streaming parser."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.pending:
            self.pending = next(self.chunks, b"")
            if not self.pending:
                return 0
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n


def _finish(staging: Path, summary: BuildSummary, html: Callable[[Path, Path], None] | None) -> None:
    (staging / "summary.json").write_text(json.dumps(summary_dict(summary), ensure_ascii=False, indent=2),
                                          encoding="utf-8")
    if html is not None:
        html(staging / "graph.ttl", staging / "graph.html")


def _staged(out: Path, fill: Callable[[Path], None]) -> None:
    """Run ``fill`` on a fresh folder beside the output, then move what it wrote into place."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".govkg-build-", dir=out))
    try:
        fill(staging)
        _replace(staging, out)
    except OSError as exc:
        raise GovkgError(f"{out}: could not write the build: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _replace(staging: Path, out: Path) -> None:
    for name in OUTPUT_FILES:
        if (staging / name).exists():
            os.replace(staging / name, out / name)
    old = out / ".store-old"
    if (out / "store").exists():
        shutil.rmtree(old, ignore_errors=True)
        os.replace(out / "store", old)
    os.replace(staging / "store", out / "store")
    shutil.rmtree(old, ignore_errors=True)


class _Background:
    """A function run in a thread while the ``with`` block runs; its error is raised at the end."""

    def __init__(self, fn: Callable[..., None], *args) -> None:
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(fn, *args), daemon=True)
        self.thread.start()

    def _run(self, fn: Callable[..., None], *args) -> None:
        try:
            fn(*args)
        except BaseException as exc:  # handed to the caller
            self.error = exc

    def __enter__(self) -> _Background:
        return self

    def __exit__(self, kind, exc, tb) -> None:
        self.thread.join()
        if exc is None and self.error is not None:
            raise self.error


def summary_dict(summary: BuildSummary) -> dict:
    return {
        "documents": summary.documents,
        "articles": summary.articles,
        "entities": summary.entities,
        "triples": summary.triples,
        "skipped": [{"path": s.path, "reason": s.reason} for s in summary.skipped],
    }
