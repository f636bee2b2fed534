"""Writing a build: the files and the persistent store, replaced all at once.

The store holds each document's quads in its named graph and, as its default graph, their
merge with each triple once (what ``govkg query`` and ``govkg serve`` read).

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
        self.queue: queue.Queue[tuple[bytes, RdfFormat] | None] = queue.Queue(maxsize=64)
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
        self.queue.put((nquads, RdfFormat.N_QUADS))

    def _load(self) -> None:
        """Bulk-load what arrives, in blocks of one format: documents' quads, then the merged triples."""
        try:
            store = Store(str(self.staging / "store"))
            pending: list[bytes] = []
            size, current = 0, RdfFormat.N_QUADS
            while (item := self.queue.get()) is not None:
                data, fmt = item
                if pending and (fmt != current or size >= LOAD_BLOCK_BYTES):
                    store.bulk_load(b"".join(pending), format=current)
                    pending, size = [], 0
                pending.append(data)
                size += len(data)
                current = fmt
            if pending:
                store.bulk_load(b"".join(pending), format=current)
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

    def _merged_into_store(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        """The union's triples also go to the store's default graph, each once.

        Queries then read the default graph, where a place named by many documents is one
        triple; Oxigraph's union of named graphs would return it once per document.
        """
        for chunk in chunks:
            if self.error is not None:
                raise self.error
            self.queue.put((chunk, RdfFormat.N_TRIPLES))
            yield chunk

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
            union = self._merged_into_store(_union_lines(parts, scoped, counts))
            reader = io.BufferedReader(_ChunkReader(union), 1 << 20)
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


def summary_dict(summary: BuildSummary) -> dict:
    return {
        "documents": summary.documents,
        "articles": summary.articles,
        "entities": summary.entities,
        "triples": summary.triples,
        "skipped": [{"path": s.path, "reason": s.reason} for s in summary.skipped],
    }
