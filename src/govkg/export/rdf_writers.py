"""RDF files through the libraries' own writers: pyoxigraph for speed, rdflib for compact JSON-LD."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

import pyoxigraph as ox
import rdflib

from govkg.export.dataset import Dataset


def write_nquads(dataset: Dataset, out: BinaryIO, prefixes: dict[str, str]) -> None:
    """Sorted canonical lines: the same graph always gives the same bytes."""
    out.writelines(dataset.lines)


def write_ntriples(dataset: Dataset, out: BinaryIO, prefixes: dict[str, str]) -> None:
    """The union of the document graphs, sorted canonical lines, each triple once."""
    out.writelines(dataset.triple_lines)


def write_turtle(dataset: Dataset, out: BinaryIO, prefixes: dict[str, str]) -> None:
    ox.serialize(dataset.triples(), out, ox.RdfFormat.TURTLE, prefixes=prefixes)


def write_trig(dataset: Dataset, out: BinaryIO, prefixes: dict[str, str]) -> None:
    """One block per document graph, canonical order inside."""
    ox.serialize(dataset.quads_by_graph(), out, ox.RdfFormat.TRIG, prefixes=prefixes)


def write_rdfxml(dataset: Dataset, out: BinaryIO, prefixes: dict[str, str]) -> None:
    """RDF/XML has no named graphs: the union graph."""
    ox.serialize(dataset.triples(), out, ox.RdfFormat.RDF_XML, prefixes=prefixes)


def write_jsonld(dataset: Dataset, out: BinaryIO, prefixes: dict[str, str]) -> None:
    """Compact JSON-LD, one ``@graph`` per document, with a ``@context`` of the contract prefixes.

    pyoxigraph writes only expanded JSON-LD, so this one goes through rdflib's writer.
    """
    graph = rdflib.Dataset()
    graph.parse(data=b"".join(dataset.lines), format="nquads")
    text = graph.serialize(format="json-ld", context=dict(prefixes), auto_compact=True)
    document = _sorted_sets(json.loads(text))
    out.write(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))


def _sorted_sets(value: Any, key: str = "") -> Any:
    """JSON-LD arrays are sets (except ``@list``): sort them, since rdflib's order varies per process."""
    if isinstance(value, dict):
        return {name: _sorted_sets(item, name) for name, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_sets(item) for item in value]
        if key == "@list":
            return items
        return sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
    return value
