"""The union writer: the process of a build that merges the documents into one graph.

It reads each document's N-Quads (sorted, in document order) from standard input, keeps each
triple once (the union graph), writes the union as graph.ttl and bulk-loads it into the store's
default graph (with each document's named graph too when asked). It runs as a child process of
``govkg build``, started by :class:`govkg.rdf.store.BuildWriter`: merging and writing Turtle is
GIL-bound Python and Rust-through-Python work that would otherwise slow the extraction running in
the build's own process. At the end it prints the union's counts as JSON.

    python -m govkg.rdf.union STAGING [--scoped PREFIX]... [--named-graphs] < frames
"""

from __future__ import annotations

import argparse
import io
import json
import struct
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import RdfFormat, Store, parse, serialize

from govkg.rdf.background import Background, ChunkReader
from govkg.rdf.terms import PREFIXES

LOAD_BLOCK_BYTES = 8 << 20  # as fast as larger blocks, and less left to load after the last document
FRAME = struct.Struct(">Q")  # each document's bytes follow their length


@dataclass
class UnionCounts:
    triples: int = 0
    types: Counter = field(default_factory=Counter)  # class IRI → distinct subjects typed with it


class Union:
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


class UnionWriter:
    """graph.ttl and store/ in ``folder`` from documents' quads given in order."""

    def __init__(self, folder: Path, scoped: Sequence[str] = (), named_graphs: bool = False) -> None:
        self.folder = folder
        self.union = Union(scoped)
        self.named_graphs = named_graphs
        self.store = Background(self._load_store, 2 * LOAD_BLOCK_BYTES)
        self.turtle = Background(self._write_turtle, 2 * LOAD_BLOCK_BYTES)

    def add(self, nquads: bytes) -> None:
        triples = self.union.add(nquads)
        if self.named_graphs:
            self.store.put((nquads, RdfFormat.N_QUADS))
        if triples:
            self.store.put((triples, RdfFormat.N_TRIPLES))
            self.turtle.put(triples)

    def finish(self) -> UnionCounts:
        self.turtle.join()
        self.store.join()
        return self.union.counts

    def stop(self) -> None:
        self.turtle.stop()
        self.store.stop()

    def _load_store(self, items: Iterator[tuple[bytes, RdfFormat]]) -> None:
        """Bulk-load what arrives in blocks of one format: the documents' quads, the union's triples."""
        store = Store(str(self.folder / "store"))
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
        reader = io.BufferedReader(ChunkReader(chunks), 1 << 20)
        triples = parse(reader, format=RdfFormat.N_TRIPLES)
        serialize(triples, output=str(self.folder / "graph.ttl"), format=RdfFormat.TURTLE, prefixes=PREFIXES)


def frames(stream: BinaryIO) -> Iterator[bytes]:
    """The documents written by :func:`write_frame`, until the stream ends."""
    while head := stream.read(FRAME.size):
        (size,) = FRAME.unpack(head)
        yield stream.read(size)


def write_frame(stream: BinaryIO, data: bytes) -> None:
    stream.write(FRAME.pack(len(data)))
    stream.write(data)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m govkg.rdf.union", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--scoped", action="append", default=[])
    parser.add_argument("--named-graphs", action="store_true")
    args = parser.parse_args(argv)
    writer = UnionWriter(args.folder, args.scoped, args.named_graphs)
    try:
        for nquads in frames(sys.stdin.buffer):
            writer.add(nquads)
        counts = writer.finish()
    finally:
        writer.stop()
    json.dump({"triples": counts.triples, "types": dict(counts.types)}, sys.stdout)


if __name__ == "__main__":
    main()
