"""The export formats by name: a small registry instead of an if-chain."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO

from govkg.errors import ExportError
from govkg.export import neo4j, network, rdf_writers
from govkg.export.dataset import Dataset
from govkg.export.output import open_output

FileWriter = Callable[[Dataset, BinaryIO, dict[str, str]], None]
FolderWriter = Callable[[Dataset, Path, dict[str, str]], None]


@dataclass(frozen=True)
class Exporter:
    """A format: its name, the file suffixes that imply it, and the function that writes it.

    ``write_file`` writes one stream (gzipped when the output ends in ``.gz``);
    ``write_folder`` writes several files into a directory (CSV for Neo4j).
    """

    name: str
    suffixes: tuple[str, ...]
    description: str
    write_file: FileWriter | None = None
    write_folder: FolderWriter | None = None

    def write(self, dataset: Dataset, out: Path, prefixes: dict[str, str]) -> None:
        if self.write_folder is not None:
            if out.exists() and not out.is_dir():
                raise ExportError(f"{out}: the {self.name} export writes a directory, and this is a file")
            out.mkdir(parents=True, exist_ok=True)
            self.write_folder(dataset, out, prefixes)
            return
        assert self.write_file is not None
        if out.is_dir():
            raise ExportError(f"{out}: is a directory; give a file name such as graph{self.suffixes[0]}")
        with open_output(out) as stream:
            self.write_file(dataset, stream, prefixes)


EXPORTERS = MappingProxyType(
    {
        exporter.name: exporter
        for exporter in (
            Exporter("ttl", (".ttl",), "Turtle, the union graph", rdf_writers.write_turtle),
            Exporter("nt", (".nt",), "N-Triples, sorted, the union graph", rdf_writers.write_ntriples),
            Exporter(
                "nq",
                (".nq",),
                "N-Quads, sorted, a graph per document",
                rdf_writers.write_nquads,
            ),
            Exporter("trig", (".trig",), "TriG, a graph per document", rdf_writers.write_trig),
            Exporter(
                "jsonld",
                (".jsonld", ".json"),
                "JSON-LD, compact, a graph per document",
                rdf_writers.write_jsonld,
            ),
            Exporter(
                "rdfxml", (".rdf", ".owl", ".xml"), "RDF/XML, the union graph", rdf_writers.write_rdfxml
            ),
            Exporter("graphml", (".graphml",), "GraphML for Gephi, yEd, networkx", network.write_graphml),
            Exporter("gexf", (".gexf",), "GEXF for Gephi", network.write_gexf),
            Exporter(
                "csv",
                (),
                "nodes.csv + relationships.csv for neo4j-admin import",
                write_folder=neo4j.write_neo4j_csv,
            ),
        )
    }
)


def exporter_for(out: Path, name: str | None) -> Exporter:
    """The named format, or the one the output's suffix implies (``.nq.gz`` is N-Quads)."""
    if name is not None:
        if name not in EXPORTERS:
            raise ExportError(f"unknown export format {name!r}; choose one of {', '.join(EXPORTERS)}")
        return EXPORTERS[name]
    suffixes = [s.lower() for s in out.suffixes]
    suffix = suffixes[-2] if suffixes[-1:] == [".gz"] and len(suffixes) > 1 else "".join(suffixes[-1:])
    for exporter in EXPORTERS.values():
        if suffix in exporter.suffixes:
            return exporter
    raise ExportError(f"{out}: cannot tell the format from the name; give --format ({', '.join(EXPORTERS)})")
