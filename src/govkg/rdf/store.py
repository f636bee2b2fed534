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
from collections.abc import Callable
from pathlib import Path

from pyoxigraph import RdfFormat, Store, serialize

from govkg.errors import GovkgError
from govkg.model import BuildSummary
from govkg.rdf.terms import PREFIXES

OUTPUT_FILES = ("graph.ttl", "graph.nq", "graph.html", "summary.json")


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
    code-point order (a literal's line breaks are escaped, so one quad is one line).
    """
    lines = serialize(store, format=RdfFormat.N_QUADS).splitlines(keepends=True)
    lines.sort()
    with path.open("wb") as f:
        f.writelines(lines)


def write_store(nquads: Path, location: Path) -> None:
    store = Store(str(location))
    store.bulk_load(path=str(nquads), format=RdfFormat.N_QUADS)
    store.flush()
    store.optimize()
    del store


def write_outputs(store: Store, out: Path, summary: BuildSummary,
                  html: Callable[[Path, Path], None] | None = None) -> None:
    """Write graph.ttl, graph.nq, store/, summary.json and (when given) graph.html into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".govkg-build-", dir=out))
    try:
        write_nquads(store, staging / "graph.nq")
        write_turtle(store, staging / "graph.ttl")
        write_store(staging / "graph.nq", staging / "store")
        (staging / "summary.json").write_text(json.dumps(summary_dict(summary), ensure_ascii=False, indent=2),
                                              encoding="utf-8")
        if html is not None:
            html(staging / "graph.ttl", staging / "graph.html")
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
        shutil.rmtree(staging, ignore_errors=True)


def summary_dict(summary: BuildSummary) -> dict:
    return {
        "documents": summary.documents,
        "articles": summary.articles,
        "entities": summary.entities,
        "triples": summary.triples,
        "skipped": [{"path": s.path, "reason": s.reason} for s in summary.skipped],
    }
