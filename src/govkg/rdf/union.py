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
import re
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

LOAD_BLOCK_BYTES = 8 << 20  # within 7 % of larger blocks' CPU, and less left to load after the last document
HANDOFF_BYTES = 1 << 20
FRAME = struct.Struct(">Q")  # each document's bytes follow their length


@dataclass
class UnionCounts:
    triples: int = 0
    types: Counter = field(default_factory=Counter)  # class IRI → distinct subjects typed with it


class Union:
    """The union graph's N-Triples, each triple once: the graph term dropped from every quad.

    Works on whole documents with bytes operations rather than term by term in Python. A
    document's lines are sorted and unique and share one graph term, so dropping that term
    keeps them sorted and unique: the new triples come out in the document's order.
    """

    def __init__(self, scoped: Sequence[str]) -> None:
        self.prefixes = tuple(b"<" + p.encode("utf-8") for p in scoped)
        self.seen: set[bytes] = set()  # the triples that can repeat across documents
        self.counts = UnionCounts()

    def add(self, nquads: bytes) -> bytes:
        """The triples of these quads that the union does not hold yet."""
        if not nquads:
            return b""
        first = nquads[:nquads.find(b"\n") + 1]
        graph = first[first.rfind(b" <"):]  # ' <graph> .\n' can only match at a line's end
        seen = self.seen
        new = [t for t in nquads.replace(graph, b"\n").split(b"\n") if t and t not in seen]
        if not new:
            return b""
        seen.update([t for t in new if not t.startswith(self.prefixes)])
        chunk = b" .\n".join(new) + b" .\n"
        self.counts.triples += len(new)
        self.counts.types.update(c.decode("utf-8") for c in _TYPED.findall(chunk))
        return chunk


_RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_TYPED = re.compile(b" " + re.escape(_RDF_TYPE) + rb" <([^>]*)> \.\n")  # the class of a typing triple


class UnionWriter:
    """graph.ttl and store/ in ``folder`` from documents' quads given in order."""

    def __init__(self, folder: Path, scoped: Sequence[str] = (), named_graphs: bool = False) -> None:
        self.folder = folder
        self.union = Union(scoped)
        self.named_graphs = named_graphs
        self.store = Background(self._load_store, 2 * LOAD_BLOCK_BYTES)
        self.turtle = Background(self._write_turtle, 2 * LOAD_BLOCK_BYTES)
        self.pending: list[bytes] = []  # new triples not yet handed to the threads
        self.pending_size = 0

    def add(self, nquads: bytes) -> None:
        triples = self.union.add(nquads)
        if self.named_graphs:
            self.store.put((nquads, RdfFormat.N_QUADS))
        self.pending.append(triples)
        self.pending_size += len(triples)
        if self.pending_size >= HANDOFF_BYTES:
            self._hand_off()

    def _hand_off(self) -> None:
        """The new triples to the store and Turtle threads: a megabyte at a time, not a document at a
        time, so that the threads wake a few hundred times per build instead of once per document."""
        triples = b"".join(self.pending)
        self.pending, self.pending_size = [], 0
        if triples:
            self.store.put((triples, RdfFormat.N_TRIPLES))
            self.turtle.put(triples)

    def finish(self) -> UnionCounts:
        self._hand_off()
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
                store.bulk_load(b"".join(pending[fmt]), format=fmt, lenient=True)
                pending[fmt], sizes[fmt] = [], 0
        for fmt, blocks in pending.items():
            if blocks:
                store.bulk_load(b"".join(blocks), format=fmt, lenient=True)
        store.flush()
        store.optimize()
        del store

    def _write_turtle(self, chunks: Iterator[bytes]) -> None:
        reader = io.BufferedReader(ChunkReader(chunks), 1 << 20)
        triples = parse(reader, format=RdfFormat.N_TRIPLES, lenient=True)
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
