"""Writing a build: the files and the persistent store, replaced all at once.

Everything is written into a fresh folder beside the output first and moved into
place only when complete, so a build that dies half-way leaves the previous output
as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import RdfFormat, Store, serialize

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
                  html: Callable[[Path, Path], None] | None = None,
                  nquads_parts: Sequence[Path] | None = None) -> None:
    """Write graph.ttl, graph.nq, store/, summary.json and (when given) graph.html into ``out``.

    With ``nquads_parts`` (each document's N-Quads file), graph.nq is their concatenation
    instead of the store's sorted dump. The persistent store is loaded in a background
    thread (pyoxigraph releases the GIL) while Turtle and HTML are written.
    """
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".govkg-build-", dir=out))
    loader: _Background | None = None
    try:
        if nquads_parts is None:
            write_nquads(store, staging / "graph.nq")
        else:
            concatenate(nquads_parts, staging / "graph.nq")
        loader = _Background(write_store, staging / "graph.nq", staging / "store")
        write_turtle(store, staging / "graph.ttl")
        (staging / "summary.json").write_text(json.dumps(summary_dict(summary), ensure_ascii=False, indent=2),
                                              encoding="utf-8")
        if html is not None:
            html(staging / "graph.ttl", staging / "graph.html")
        loader.result()
        for name in OUTPUT_FILES:
            if (staging / name).exists():
                os.replace(staging / name, out / name)
        old = out / ".store-old"
        if (out / "store").exists():
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out / "store", old)
        os.replace(staging / "store", out / "store")
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise GovkgError(f"{out}: could not write the build: {exc.strerror or exc}") from exc
    finally:
        if loader is not None:
            loader.thread.join()
        shutil.rmtree(staging, ignore_errors=True)


class _Background:
    """A function run in a thread, its exception raised again by ``result()``."""

    def __init__(self, fn: Callable[..., None], *args) -> None:
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(fn, *args), daemon=True)
        self.thread.start()

    def _run(self, fn: Callable[..., None], *args) -> None:
        try:
            fn(*args)
        except BaseException as exc:  # handed to the caller
            self.error = exc

    def result(self) -> None:
        self.thread.join()
        if self.error is not None:
            raise self.error


def summary_dict(summary: BuildSummary) -> dict:
    return {
        "documents": summary.documents,
        "articles": summary.articles,
        "entities": summary.entities,
        "triples": summary.triples,
        "skipped": [{"path": s.path, "reason": s.reason} for s in summary.skipped],
    }
