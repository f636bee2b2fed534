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

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import RdfFormat, Store

import govkg
from govkg.errors import GovkgError
from govkg.model import BuildSummary
from govkg.rdf.background import Background
from govkg.rdf.union import LOAD_BLOCK_BYTES, UnionCounts, write_frame

OUTPUT_FILES = ("graph.ttl", "graph.nq", "graph.html", "summary.json")


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
    input. A released document's quads are appended to graph.nq here and handed to the union
    writer, a child process (``govkg.rdf.union``) that keeps each triple once, writes graph.ttl
    and loads the store: that work then runs on another core instead of slowing the extraction
    in this process. Writes and the pipe run on background threads (I/O releases the GIL), and
    nothing holds the corpus in memory. Used as a context manager: leaving it without
    :meth:`finish` throws the staged files away, and the previous output stays as it was.
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
        self.next = 0  # index in ``order`` of the first document not yet written
        self.arrived: dict[str, bytes | Path | None] = {}
        command = [sys.executable, "-m", "govkg.rdf.union", str(self.staging)]
        command += [arg for prefix in scoped for arg in ("--scoped", prefix)]
        command += ["--named-graphs"] if named_graphs else []
        self.log = (self.staging / "union.log").open("wb")
        package_root = str(Path(govkg.__file__).resolve().parents[1])  # govkg importable however it was found
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])))
        try:
            self.union = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
                                          env=env)
        except OSError as exc:
            self.log.close()
            shutil.rmtree(self.staging, ignore_errors=True)
            raise GovkgError(f"{out}: could not start the union writer ({sys.executable}): {exc}") from exc
        self.files = Background(self._write_files, 2 * LOAD_BLOCK_BYTES)
        self.pipe = Background(self._feed_union, 2 * LOAD_BLOCK_BYTES)

    def __enter__(self) -> BuildWriter:
        return self

    def __exit__(self, *exc) -> None:
        if self.union.poll() is None:
            self.union.kill()
        for thread in (self.files, self.pipe):
            thread.stop()
        self.union.wait()
        for stream in (self.union.stdin, self.union.stdout, self.log):
            stream.close()
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
            self.pipe.put(data)

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

    def _feed_union(self, documents: Iterator[bytes]) -> None:
        try:
            for data in documents:
                write_frame(self.union.stdin, data)
            self.union.stdin.close()
        except BrokenPipeError:
            raise self._union_failed() from None

    def _union_failed(self) -> GovkgError:
        """Why the union writer stopped, from the last line it wrote to its log."""
        self.union.wait()
        self.log.flush()
        reason = (self.staging / "union.log").read_text(encoding="utf-8", errors="replace").strip()
        last = reason.splitlines()[-1] if reason else f"exit status {self.union.returncode}"
        return GovkgError(f"{self.out}: could not write the union graph and the store: {last}")

    def _union_counts(self) -> UnionCounts:
        """Wait for the union writer; its counts, or why it failed."""
        output = self.union.stdout.read()
        if self.union.wait() != 0:
            raise self._union_failed()
        counts = json.loads(output)
        return UnionCounts(counts["triples"], Counter(counts["types"]))

    def finish(self, summary: BuildSummary, counted: Mapping[str, str] | None = None,
               html: Callable[[Path, Path], None] | None = None) -> UnionCounts:
        """Close graph.nq, wait for graph.ttl and the store, write summary.json and graph.html, move all in place.

        Sets ``summary.triples``, and ``summary.entities`` for the ``counted`` classes (name →
        class IRI); returns the distinct triples and the subjects of each type.
        """
        if self.next < len(self.order):
            raise GovkgError(f"{self.order[self.next]}: the build ended before this document was written")
        staging = self.staging
        try:
            self.files.join()
            self.pipe.join()
            counts = self._union_counts()
            summary.triples = counts.triples
            if counted is not None:
                summary.entities = {name: counts.types.get(cls, 0) for name, cls in counted.items()}
            _finish(staging, summary, html)
            _replace(staging, self.out)
        except OSError as exc:
            raise GovkgError(f"{self.out}: could not write the build: {exc.strerror or exc}") from exc
        return counts


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
