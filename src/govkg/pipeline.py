"""The library API: files in, graph out.

    ingest (files → Documents → Articles) → extract (ArticleFacts) → rdf (quads per
    document, named graph each) → store and files.

``build`` is what ``govkg build`` calls; a notebook user calls it the same way. Each
document goes through one pure function, :func:`extract_document`, which an engine runs
in this process, in worker processes or on a dask cluster (``govkg.engines``); its quads
come back as N-Quads text and are cached per document for incremental builds
(``govkg.manifest``).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import rdflib
from pyoxigraph import RdfFormat, Store, serialize

from govkg.engines import ENGINES, Job, Task, class_path, run_dask, run_processes, run_serial
from govkg.errors import GovkgError, InputError
from govkg.extract import extract_article
from govkg.ingest.files import DEFAULT_MAX_CHARS, discover, file_sha256, read_document
from govkg.ingest.layout import LayoutReader
from govkg.ingest.script import Restorer, converter
from govkg.manifest import CachedDocument, Manifest, fingerprint
from govkg.model import ArticleFacts, BuildSummary, Document, Skipped
from govkg.rdf.mapping import Mapper
from govkg.rdf.store import BuildWriter
from govkg.rdf.terms import DEFAULT_BASE, GK, RDF, SCHEMA, checked_base
from govkg.resources import Resources, data_dir

log = logging.getLogger(__name__)

DOCUMENT_SCOPED_KINDS = ("article", "evidence", "metric", "document")  # IRIs that hold their document's id
COUNTED_CLASSES = {"articles": SCHEMA + "NewsArticle", "places": SCHEMA + "Place",
                   "organizations": SCHEMA + "Organization", "people": SCHEMA + "Person",
                   "programs": GK + "Program", "metrics": GK + "Metric",
                   "memberships": "http://www.w3.org/ns/org#Membership"}


def sample_corpus() -> Path:
    """The bundled sample page, installed with the package."""
    return data_dir() / "corpus"


@dataclass
class Extractor:
    """Turns one document into its facts; holds the resources loaded once per process.

    A page in traditional characters is read in simplified ones (same length, same
    offsets) and its facts get the original characters back: evidence and headlines as
    printed, entity labels simplified with the printed form as an alias.
    """

    resources: Resources = field(default_factory=Resources.load)

    @cached_property
    def layout(self) -> LayoutReader:
        freq = self.resources.tokenizer.FREQ
        return LayoutReader(lambda word: freq.get(word, 0) > 0)

    def warm(self) -> Extractor:
        """Load now what is otherwise loaded on first use (jieba's dictionary, the rules)."""
        res = self.resources
        _ = res.tokenizer, res.cached_tokenizer, res.entity_rules, res.metric_rules, res.program_rules
        _ = self.layout, converter()
        return self

    def facts(self, doc: Document) -> list[ArticleFacts]:
        t2s = converter()
        if not t2s.is_traditional(doc.text):
            return self.simplified_facts(doc)
        simplified = replace(doc, text=t2s.simplified(doc.text))
        restorer = Restorer(doc.text, simplified.text)
        return [restorer.facts(af) for af in self.simplified_facts(simplified)]

    def simplified_facts(self, doc: Document) -> list[ArticleFacts]:
        return [extract_article(article, self.resources) for article in self.layout.articles(doc)]


@dataclass(frozen=True)
class DocumentResult:
    """One document's outcome, small enough to pass between processes: its quads as N-Quads (UTF-8 bytes)."""

    path: str
    doc_id: str
    sha256: str = ""
    chars: int = 0
    articles: int = 0
    nquads: bytes = b""
    error: str | None = None  # why it was skipped

    @classmethod
    def failed(cls, path: str, doc_id: str, reason: str) -> DocumentResult:
        return cls(path, doc_id, error=reason)


def extract_document(path: str, doc_id: str, extractor: Extractor, base: str = DEFAULT_BASE,
                     max_chars: int = DEFAULT_MAX_CHARS) -> DocumentResult:
    """Read, extract and map one file: the pure function every engine runs."""
    try:
        doc = read_document(Path(path), doc_id, max_chars)
        facts = extractor.facts(doc)
        nquads = Mapper(base).document_nquads(doc, facts).encode("utf-8")
    except InputError as exc:
        return DocumentResult.failed(path, doc_id, exc.reason)
    except Exception as exc:  # one broken document must not sink the batch
        log.debug("extraction failed for %s", path, exc_info=True)
        return DocumentResult.failed(path, doc_id, f"extraction failed: {type(exc).__name__}: {exc}")
    return DocumentResult(path, doc_id, doc.sha256, len(doc.text), len(facts), nquads)


@dataclass(frozen=True)
class Progress:
    """Where a build stands, for a progress bar or a log line."""

    done: int  # documents finished: extracted, reused from the cache or skipped
    total: int
    chars: int  # characters extracted so far
    skipped: int
    seconds: float

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds > 0 else 0.0


@dataclass
class BuildResult:
    summary: BuildSummary
    out: Path | None = None
    extracted: int = 0  # documents extracted in this run
    reused: int = 0  # documents read back from the cache of the previous build
    chars: int = 0  # characters extracted in this run
    seconds: float = 0.0
    memory: Store | None = None  # the quads, when built without an output folder

    @cached_property
    def store(self) -> Store:
        """The build for querying: in memory without an output folder (each document's named graph),
        else the written store/, read-only (the merged default graph; named graphs with ``store_graphs``)."""
        if self.memory is not None:
            return self.memory
        return Store.read_only(str(self.out / "store"))

    @cached_property
    def graph(self) -> rdflib.Dataset:
        """The graph as an rdflib Dataset (one named graph per document), for notebooks and tests."""
        ds = rdflib.Dataset()
        if self.memory is None:
            ds.parse(str(self.out / "graph.nq"), format="nquads")
        else:
            ds.parse(data=serialize(self.memory, format=RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
        return ds


def build(
    paths: Iterable[str | Path] | None = None,
    out: str | Path | None = "output",
    *,
    base: str = DEFAULT_BASE,
    html: bool = True,
    extractor: Extractor | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    full: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    store_graphs: bool = False,
    progress: Callable[[Progress], None] | None = None,
) -> BuildResult:
    """Build the graph of the given files and folders (the bundled sample when none).

    A file that cannot be read is skipped and listed in ``summary.skipped``; the rest
    of the batch is built. With ``out``, writes graph.ttl, graph.nq, store/, summary.json
    and graph.html there, replacing the previous output only once all is written, and
    re-extracts only the documents whose bytes changed since the last build there (all
    of them with ``full``). ``workers`` > 1 extracts in that many processes, each making
    its own extractor of the given extractor's class; ``engine="dask"`` extracts on the
    dask cluster at ``scheduler`` (a local one when None). The store's default graph holds the
    merge of all documents; ``store_graphs`` keeps each document's named graph in it too.
    """
    if engine not in ENGINES:
        raise GovkgError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    try:
        checked_base(base)
    except ValueError as exc:
        raise GovkgError(str(exc)) from exc
    started = time.perf_counter()
    paths = list(paths) if paths else [sample_corpus()]
    out_dir = Path(out) if out is not None else None
    extractor_type = type(extractor) if extractor is not None else Extractor
    job = Job(class_path(extractor_type), base, max_chars)
    stamp = fingerprint(base, job.extractor, str(max_chars))
    previous = Manifest.load(out_dir, stamp) if out_dir is not None and not full else Manifest(stamp)
    manifest = Manifest(stamp)
    result = BuildResult(BuildSummary(), out_dir, memory=Store() if out_dir is None else None)
    summary = result.summary

    todo: list[Task] = []
    reused: dict[str, CachedDocument] = {}
    hashes: dict[str, str] = {}
    first_seen: dict[str, Path] = {}
    for path, doc_id in discover(paths):
        if doc_id in first_seen:
            summary.skipped.append(Skipped(str(path), f"same document id {doc_id!r} as {first_seen[doc_id]}; "
                                                      "give the folder that holds both instead"))
            continue
        first_seen[doc_id] = path
        cached = _reusable(previous, out_dir, path, doc_id, hashes)
        if cached is None:
            todo.append((str(path), doc_id))
        else:
            reused[doc_id] = replace(cached, path=str(path))
    todo.sort(key=lambda task: task[1])  # results then arrive close to the order they are written in
    order = sorted([doc_id for _, doc_id in todo] + list(reused))

    scoped = [Mapper(base).iri(kind, "")[:-1] for kind in DOCUMENT_SCOPED_KINDS]
    with BuildWriter(out_dir, order, scoped, store_graphs) if out_dir is not None else nullcontext() as writer:
        for doc_id, cached in reused.items():
            manifest.documents[doc_id] = cached
            writer.add(doc_id, out_dir / cached.nquads)
            summary.documents += 1
            summary.articles += cached.articles
            result.reused += 1

        total = len(todo) + result.reused + len(summary.skipped)
        done = total - len(todo)
        for outcome in _engine(todo, job, extractor, workers, engine, scheduler):
            done += 1
            if outcome.error is not None:
                summary.skipped.append(Skipped(outcome.path, outcome.error))
                if writer is not None:
                    writer.drop(outcome.doc_id)
            else:
                _add(result, manifest, outcome, hashes.get(outcome.doc_id), writer)
            if progress is not None:
                progress(Progress(done, total, result.chars, len(summary.skipped), time.perf_counter() - started))

        summary.skipped.sort(key=lambda s: s.path)
        if writer is None:
            summary.triples = count_triples(result.memory)
            summary.entities = count_entities(result.memory)
        else:
            writer.finish(summary, COUNTED_CLASSES, html=_html_writer() if html else None)
            manifest.save(out_dir)
    result.seconds = time.perf_counter() - started
    return result


def _reusable(previous: Manifest, out_dir: Path | None, path: Path, doc_id: str,
              hashes: dict[str, str]) -> CachedDocument | None:
    if out_dir is None:
        return None
    try:
        hashes[doc_id] = file_sha256(path)
    except OSError:
        return None  # extraction reports why it cannot be read
    if not previous.documents:
        return None
    return previous.reusable(out_dir, doc_id, hashes[doc_id])


def _add(result: BuildResult, manifest: Manifest, outcome: DocumentResult, file_hash: str | None,
         writer: BuildWriter | None) -> None:
    """Count one extracted document; hand its quads to the writer and the cache, or to the memory store."""
    result.summary.documents += 1
    result.summary.articles += outcome.articles
    result.extracted += 1
    result.chars += outcome.chars
    data = outcome.nquads
    if writer is None:
        result.memory.load(data, format=RdfFormat.N_QUADS)
        return
    name = manifest.cache_name(outcome.doc_id, outcome.sha256)
    if file_hash == outcome.sha256:  # a file that changed while it was read is extracted again next time
        manifest.documents[outcome.doc_id] = CachedDocument(outcome.sha256, name, outcome.path, outcome.chars,
                                                            outcome.articles)
    writer.add(outcome.doc_id, data, copy=result.out / name)


def _engine(todo: list[Task], job: Job, extractor: Extractor | None, workers: int, engine: str,
            scheduler: str | None) -> Iterator[DocumentResult]:
    if not todo:
        return iter(())
    if engine == "dask":
        return run_dask(todo, job, max(1, workers), scheduler)
    if workers > 1 and len(todo) > 1:
        return run_processes(todo, job, min(workers, len(todo)))
    return run_serial(todo, job, extractor or Extractor())


def default_workers() -> int:
    return os.cpu_count() or 1


def count_triples(store: Store) -> int:
    """Distinct triples over all named graphs (an entity in two documents counts once)."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    return int(next(iter(store.query(query)))["n"].value)


def count_entities(store: Store) -> dict[str, int]:
    counts = {}
    for name, cls in COUNTED_CLASSES.items():
        query = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{RDF}type> <{cls}> }} }}"
        counts[name] = int(next(iter(store.query(query)))["n"].value)
    return counts


def _html_writer():
    """The HTML view, from the built Turtle; the viz package renders it."""
    try:
        from govkg.viz import write_html
    except ImportError:
        return None

    def render(ttl: Path, html_path: Path) -> None:
        graph = rdflib.Graph(store="Oxigraph")
        graph.parse(str(ttl), format="ox-turtle")
        write_html(graph, html_path)

    return render
