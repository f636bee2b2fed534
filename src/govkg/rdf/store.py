"""Writing a build: the files and the persistent store, replaced all at once.

The store is for querying: its default graph is the merge of every document's triples, each
once (what ``govkg query`` and ``govkg serve`` read). Each document's named graph is in
graph.nq and the build cache (what exports and pushes read), and in the store only when asked
for: indexing the quads costs about four times the merge, in time and on disk.

Everything is written into a fresh folder beside the output first and moved into
place only when complete, so a build that dies half-way leaves the previous output
as it was.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import RdfFormat, Store, parse, serialize

from govkg.errors import GovkgError
from govkg.model import BuildSummary
from govkg.rdf.terms import PREFIXES

OUTPUT_FILES = ("graph.ttl", "graph.nq", "graph.html", "summary.json")
LOAD_BLOCK_BYTES = 8 << 20  # as fast as larger blocks, and less left to load after the last document


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

    Documents may arrive in any order (workers finish when they finish); each is written once
    the documents before it in ``order`` are, so every output is the same bytes for the same
    input. A released document's quads are appended to graph.nq, its triples not seen before
    are added to the union (graph.ttl and the store's default graph), and both go to the
    persistent store. The store is bulk-loaded and the Turtle written by background threads
    (pyoxigraph releases the GIL while loading, so the load runs on another core while the
    next documents are extracted), and nothing holds the corpus in memory. Used as a context
    manager: leaving it without :meth:`finish` throws the staged files away, and the previous
    output stays as it was.
    """

    def __init__(self, out: Path, order: Sequence[str], scoped: Sequence[str] = (),
                 named_graphs: bool = False) -> None:
        """``order``: the ids of the documents to write, in output order. ``scoped``: the IRI
        prefixes whose subjects belong to one document (articles, evidence): only the other
        triples can repeat across documents and need remembering for the union. ``named_graphs``:
        the store also keeps each document's named graph (loading it costs about 4x the merge)."""
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.staging = Path(tempfile.mkdtemp(prefix=".govkg-build-", dir=out))
        self.order = list(order)
        self.named_graphs = named_graphs
        self.next = 0  # index in ``order`` of the first document not yet written
        self.arrived: dict[str, bytes | Path | None] = {}
        self.union = _Union(scoped)
        self.files = _Background(self._write_files, 2 * LOAD_BLOCK_BYTES)
        self.store = _Background(self._load_store, 2 * LOAD_BLOCK_BYTES)
        self.turtle = _Background(self._write_turtle, 2 * LOAD_BLOCK_BYTES)

    def __enter__(self) -> BuildWriter:
        return self

    def __exit__(self, *exc) -> None:
        for thread in (self.files, self.store, self.turtle):
            thread.stop()
        shutil.rmtree(self.staging, ignore_errors=True)

    def add(self, doc_id: str, nquads: bytes | Path, copy: Path | None = None) -> None:
        """One document's quads (sorted, unique N-Quads), as bytes or the file holding them.

        ``copy``: a file to write the bytes to as well (the build cache), atomically and off this thread.
        """
        if copy is not None:
            self.files.put((copy, nquads))
        self.arrived[doc_id] = nquads
        self._release()

    def drop(self, doc_id: str) -> None:
        """A document of ``order`` that will not come (it could not be read or extracted)."""
        self.arrived[doc_id] = None
        self._release()

    def _release(self) -> None:
        while self.next < len(self.order) and self.order[self.next] in self.arrived:
            data = self.arrived.pop(self.order[self.next])
            self.next += 1
            if data is None:
                continue
            if isinstance(data, Path):
                data = data.read_bytes()
            self.files.put((None, data))
            triples = self.union.add(data)
            if self.named_graphs:
                self.store.put((data, RdfFormat.N_QUADS))
            if triples:
                self.store.put((triples, RdfFormat.N_TRIPLES))
                self.turtle.put(triples)

    def _write_files(self, items: Iterator[tuple[Path | None, bytes]]) -> None:
        """graph.nq (documents in order, ``None`` as the path) and the cache files, each atomically.

        A cache file's name is made from its content (document, bytes read, extraction code), so
        one already there is left as it is: replacing a file makes ext4 wait for the disk.
        """
        with (self.staging / "graph.nq").open("wb") as nquads:
            for path, data in items:
                if path is None:
                    nquads.write(data)
                    continue
                if path.exists():
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp")
                tmp.write_bytes(data)
                os.replace(tmp, path)

    def _load_store(self, items: Iterator[tuple[bytes, RdfFormat]]) -> None:
        """Bulk-load what arrives in blocks of one format: the documents' quads, the union's triples."""
        store = Store(str(self.staging / "store"))
        pending: dict[RdfFormat, list[bytes]] = {RdfFormat.N_QUADS: [], RdfFormat.N_TRIPLES: []}
        sizes = dict.fromkeys(pending, 0)
        for data, fmt in items:
            pending[fmt].append(data)
            sizes[fmt] += len(data)
            if sizes[fmt] >= LOAD_BLOCK_BYTES:
                store.bulk_load(b"".join(pending[fmt]), format=fmt)
                pending[fmt], sizes[fmt] = [], 0
        for fmt, blocks in pending.items():
            if blocks:
                store.bulk_load(b"".join(blocks), format=fmt)
        store.flush()
        store.optimize()
        del store

    def _write_turtle(self, chunks: Iterator[bytes]) -> None:
        reader = io.BufferedReader(_ChunkReader(chunks), 1 << 20)
        triples = parse(reader, format=RdfFormat.N_TRIPLES)
        serialize(triples, output=str(self.staging / "graph.ttl"), format=RdfFormat.TURTLE, prefixes=PREFIXES)

    def finish(self, summary: BuildSummary, counted: Mapping[str, str] | None = None,
               html: Callable[[Path, Path], None] | None = None) -> UnionCounts:
        """Close graph.nq and graph.ttl, write summary.json and graph.html, wait for the store, move all in place.

        Sets ``summary.triples``, and ``summary.entities`` for the ``counted`` classes (name →
        class IRI); returns the distinct triples and the subjects of each type.
        """
        if self.next < len(self.order):
            raise GovkgError(f"{self.order[self.next]}: the build ended before this document was written")
        counts = self.union.counts
        staging = self.staging
        try:
            self.files.join()
            self.turtle.join()
            summary.triples = counts.triples
            if counted is not None:
                summary.entities = {name: counts.types.get(cls, 0) for name, cls in counted.items()}
            _finish(staging, summary, html)
            self.store.join()
            _replace(staging, self.out)
        except OSError as exc:
            raise GovkgError(f"{self.out}: could not write the build: {exc.strerror or exc}") from exc
        return counts


class _Background:
    """A consumer thread fed through a queue bounded in bytes; its error is raised again in the producer.

    The bound lets the producer run ahead of one slow step (a block being bulk-loaded) without
    holding more than ``limit`` bytes.
    """

    def __init__(self, consume: Callable[[Iterator], None], limit: int) -> None:
        self.items: deque = deque()
        self.size = 0
        self.limit = limit
        self.closed = False
        self.error: BaseException | None = None
        self.ready = threading.Condition()
        self.thread = threading.Thread(target=self._run, args=(consume,), daemon=True)
        self.thread.start()

    def put(self, item) -> None:
        size = _size(item)
        with self.ready:
            while self.items and self.size + size > self.limit and self.error is None:
                self.ready.wait()
            if self.error is not None:
                raise self.error
            self.items.append(item)
            self.size += size
            self.ready.notify_all()

    def _take(self) -> Iterator:
        while True:
            with self.ready:
                while not self.items and not self.closed:
                    self.ready.wait()
                if not self.items:
                    return
                item = self.items.popleft()
                self.size -= _size(item)
                self.ready.notify_all()
            yield item

    def _run(self, consume: Callable[[Iterator], None]) -> None:
        try:
            consume(self._take())
        except BaseException as exc:
            with self.ready:
                self.error = exc
                self.items.clear()
                self.ready.notify_all()

    def stop(self) -> None:
        with self.ready:
            self.closed = True
            self.ready.notify_all()
        self.thread.join()

    def join(self) -> None:
        """Wait until everything put has been consumed; raise what went wrong in the thread."""
        self.stop()
        if self.error is not None:
            raise self.error


def _size(item: bytes | tuple) -> int:
    """The bytes an item of a queue holds: the data, alone or paired with its format or path."""
    if isinstance(item, tuple):
        return len(next(part for part in item if isinstance(part, bytes)))
    return len(item)


@dataclass
class UnionCounts:
    triples: int = 0
    types: Counter = field(default_factory=Counter)  # class IRI → distinct subjects typed with it


class _Union:
    """The union graph's N-Triples, each triple once: the graph term dropped from every quad.

    Works on whole documents with bytes and set operations rather than line by line in Python.
    A document's lines are sorted and share one graph term, so its triples come out sorted too.
    """

    def __init__(self, scoped: Sequence[str]) -> None:
        self.prefixes = tuple(b"<" + p.encode("utf-8") for p in scoped)
        self.seen: set[bytes] = set()  # the triples that can repeat across documents
        self.counts = UnionCounts()

    def add(self, nquads: bytes) -> bytes:
        """The triples of these quads that the union does not hold yet."""
        new = {line[:line.rfind(b" <")] for line in nquads.split(b"\n") if line}  # the graph term dropped
        new -= self.seen
        self.seen.update(t for t in new if not t.startswith(self.prefixes))
        chunk = b"".join([t + b" .\n" for t in sorted(new)])
        self.counts.triples += len(new)
        for t in new:
            if _TYPED in t:
                subject, predicate, obj = t.split(b" ", 2)
                if predicate == _RDF_TYPE:
                    self.counts.types[obj[1:-1].decode("utf-8")] += 1
        return chunk


_RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_TYPED = b" " + _RDF_TYPE + b" <"


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
