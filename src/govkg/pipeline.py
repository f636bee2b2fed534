"""The library API: files in, graph out.

    ingest (files → Documents → Articles) → extract (ArticleFacts) → rdf (quads per
    document, named graph each) → store and files.

``build`` is what ``govkg build`` calls; a notebook user calls it the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import rdflib
from pyoxigraph import RdfFormat, Store, serialize

from govkg.errors import InputError
from govkg.extract import extract_article
from govkg.ingest.files import discover, read_document
from govkg.ingest.layout import LayoutReader
from govkg.model import ArticleFacts, BuildSummary, Document, Skipped
from govkg.rdf.mapping import Mapper
from govkg.rdf.store import write_outputs
from govkg.rdf.terms import DEFAULT_BASE, GK, RDF, SCHEMA
from govkg.resources import Resources, data_dir

log = logging.getLogger(__name__)

COUNTED_CLASSES = {"articles": SCHEMA + "NewsArticle", "places": SCHEMA + "Place",
                   "organizations": SCHEMA + "Organization", "people": SCHEMA + "Person",
                   "programs": GK + "Program", "metrics": GK + "Metric",
                   "memberships": "http://www.w3.org/ns/org#Membership"}


def sample_corpus() -> Path:
    """The bundled sample page, installed with the package."""
    return data_dir() / "corpus"


@dataclass
class Extractor:
    """Turns one document into its facts; holds the resources loaded once per process."""

    resources: Resources = field(default_factory=Resources.load)

    @cached_property
    def layout(self) -> LayoutReader:
        freq = self.resources.tokenizer.FREQ
        return LayoutReader(lambda word: freq.get(word, 0) > 0)

    def facts(self, doc: Document) -> list[ArticleFacts]:
        return [extract_article(article, self.resources) for article in self.layout.articles(doc)]


@dataclass
class BuildResult:
    store: Store  # in memory, every quad of the build
    summary: BuildSummary
    out: Path | None = None

    @cached_property
    def graph(self) -> rdflib.Dataset:
        """The graph as an rdflib Dataset (one named graph per document), for notebooks and tests."""
        ds = rdflib.Dataset()
        ds.parse(data=serialize(self.store, format=RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
        return ds


def build(
    paths: Iterable[str | Path] | None = None,
    out: str | Path | None = "output",
    *,
    base: str = DEFAULT_BASE,
    html: bool = True,
    extractor: Extractor | None = None,
) -> BuildResult:
    """Build the graph of the given files and folders (the bundled sample when none).

    A file that cannot be read is skipped and listed in ``summary.skipped``; the rest
    of the batch is built. With ``out``, writes graph.ttl, graph.nq, store/, summary.json
    and graph.html there, replacing the previous output only once all is written.
    """
    paths = list(paths) if paths else [sample_corpus()]
    extractor = extractor or Extractor()
    mapper = Mapper(base)
    store = Store()
    summary = BuildSummary()
    for path, doc_id in discover(paths):
        try:
            doc = read_document(path, doc_id)
            facts = extractor.facts(doc)
        except InputError as exc:
            summary.skipped.append(Skipped(exc.path, exc.reason))
            continue
        except Exception as exc:  # one broken document must not sink the batch
            log.debug("extraction failed for %s", path, exc_info=True)
            summary.skipped.append(Skipped(str(path), f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        store.extend(mapper.document_quads(doc, facts))
        summary.documents += 1
        summary.articles += len(facts)
    summary.triples = len({q.triple for q in store})
    summary.entities = count_entities(store)
    out_dir = Path(out) if out is not None else None
    if out_dir is not None:
        write_outputs(store, out_dir, summary, html=_html_writer() if html else None)
    return BuildResult(store, summary, out_dir)


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
