"""Where queries run: the build's persistent store, or any RDF file loaded into memory.

Queries read the *default graph*. In a store laid out by ``write_query_store`` it holds the merge of
every document's named graph, each triple once; SPARQL ``GRAPH ?g`` still reaches the documents.
A store with named graphs only is queried through Oxigraph's union default graph instead, which
repeats a triple once per graph that holds it: shared entities (a province named in every
document) then multiply the rows of every join (programs-in-region: 0.30 s instead of 8 ms at 1M).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph

from govkg.errors import QueryError
from govkg.query.engine import Worker

DEFAULT_STORE = Path("output") / "store"

# pyoxigraph guesses most formats from the extension; these are the common aliases it does not know.
_EXTRA_EXTENSIONS = {"rdf": "xml", "owl": "xml", "jsonld": "jsonld", "json": "jsonld"}


@dataclass(frozen=True)
class Dataset:
    """An opened Oxigraph store and where it came from (for error messages)."""

    store: pyoxigraph.Store
    source: str
    union: bool = False  # no merged default graph: query the union of the named graphs
    worker: Worker = field(default_factory=Worker, compare=False, repr=False)


def has_default_graph(store: pyoxigraph.Store) -> bool:
    return bool(store.query("ASK { ?s ?p ?o }"))


def has_named_graphs(store: pyoxigraph.Store) -> bool:
    return bool(store.query("ASK { GRAPH ?g { ?s ?p ?o } }"))


def merged_triples(quads):
    """Every quad of a named graph as a triple of the default graph (the store drops repeats)."""
    default = pyoxigraph.DefaultGraph()
    for quad in quads:
        if quad.graph_name != default:
            yield pyoxigraph.Quad(quad.subject, quad.predicate, quad.object, default)


def write_query_store(nquads: str | Path, location: str | Path, named_graphs: bool = True) -> None:
    """A store for querying: as its default graph the merge of the named graphs of ``nquads``, and
    those named graphs too unless ``named_graphs`` is false (the layout ``govkg build`` writes).

    Both are bulk-loaded from files (the merge through a temporary N-Triples file): streaming the
    triples through Python with ``bulk_extend`` took 3x longer at 1M triples.
    """
    store = pyoxigraph.Store(str(location))
    if named_graphs:
        store.bulk_load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS)
    with tempfile.TemporaryDirectory(prefix="govkg-merge-") as work:
        merged = Path(work) / "merged.nt"
        quads = pyoxigraph.parse(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS)
        pyoxigraph.serialize(
            (q.triple for q in quads), output=str(merged), format=pyoxigraph.RdfFormat.N_TRIPLES
        )
        store.bulk_load(path=str(merged), format=pyoxigraph.RdfFormat.N_TRIPLES)
    store.flush()
    store.optimize()


def store_location(path: str | Path) -> Path:
    """The RocksDB directory: ``path`` itself, or ``path/store`` when given a build's output directory."""
    path = Path(path)
    if not (path / "CURRENT").is_file() and (path / "store" / "CURRENT").is_file():
        return path / "store"
    return path


def open_store(path: str | Path = DEFAULT_STORE) -> Dataset:
    """Open a store written by ``govkg build`` read-only, so that several readers (and the server) share it."""
    location = store_location(path)
    if not location.exists():
        raise QueryError(f"{location}: no such store (write one with `govkg build PATH --out DIR`)")
    if not (location / "CURRENT").is_file():
        raise QueryError(f"{location}: not an Oxigraph store (no CURRENT file)")
    try:
        store = pyoxigraph.Store.read_only(str(location))
    except OSError as error:
        raise QueryError(f"{location}: cannot open the store: {error}") from error
    return Dataset(store, str(location), union=not has_default_graph(store))


def rdf_format(path: Path) -> pyoxigraph.RdfFormat:
    extension = path.suffix.lstrip(".").lower()
    found = pyoxigraph.RdfFormat.from_extension(_EXTRA_EXTENSIONS.get(extension, extension))
    if found is None:
        raise QueryError(f"{path}: unknown RDF format (use .ttl, .nt, .nq, .trig, .rdf or .jsonld)")
    return found


def open_graph(path: str | Path) -> Dataset:
    """Load any RDF file into an in-memory store (Oxigraph's parser: ~400k triples/s, see perf-anchors)."""
    path = Path(path)
    if not path.is_file():
        raise QueryError(f"{path}: no such file")
    fmt = rdf_format(path)
    store = pyoxigraph.Store()
    try:
        store.load(path=str(path), format=fmt)
    except SyntaxError as error:
        raise QueryError(f"{path}: not valid {fmt.name}: {error}") from error
    except (OSError, ValueError) as error:
        raise QueryError(f"{path}: cannot read: {error}") from error
    if has_named_graphs(store):
        store.extend(list(merged_triples(store)))
    return Dataset(store, str(path))


def open_dataset(store: str | Path | None = None, graph: str | Path | None = None) -> Dataset:
    """``graph`` (an RDF file) when given, else the store (``output/store`` by default)."""
    if store is not None and graph is not None:
        raise QueryError("give either a store or an RDF file, not both")
    if graph is not None:
        return open_graph(graph)
    return open_store(DEFAULT_STORE if store is None else store)
