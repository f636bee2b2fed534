"""Node and relationship CSV files in the header format of ``neo4j-admin database import``.

``nodes.csv`` has ``iri:ID``, ``:LABEL`` (the classes' local names, ``;``-separated) and
one column per literal predicate, typed (``gk_value:double``) and an array (``string[]``,
``;``-separated) when some node has several values. ``relationships.csv`` has
``:START_ID``, ``:END_ID``, ``:TYPE`` (the predicate's local name) and the predicate.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from govkg.export.dataset import Dataset
from govkg.export.output import open_output
from govkg.export.prefixes import local_name
from govkg.export.property_graph import PropertyGraph, to_property_graph

NODES_FILE = "nodes.csv"
RELATIONSHIPS_FILE = "relationships.csv"
ARRAY_DELIMITER = ";"
UNTYPED_LABEL = "Resource"

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NEO4J_TYPES = {
    f"{_XSD}integer": "long",
    f"{_XSD}int": "int",
    f"{_XSD}long": "long",
    f"{_XSD}decimal": "double",
    f"{_XSD}double": "double",
    f"{_XSD}float": "float",
    f"{_XSD}boolean": "boolean",
    f"{_XSD}date": "date",
}


def write_neo4j_csv(dataset: Dataset, out: Path, prefixes: dict[str, str]) -> None:
    """Write ``out/nodes.csv`` and ``out/relationships.csv``."""
    graph = to_property_graph(dataset, prefixes)
    columns = _columns(graph)
    header = ["iri:ID", ":LABEL", "label", *(column.header for column in columns)]
    rows = [header]
    for node in graph.nodes:
        values = dict(node.attributes)
        labels = ARRAY_DELIMITER.join(local_name(name) for name in node.classes) or UNTYPED_LABEL
        rows.append(
            [node.key, labels, node.label, *(column.cell(values.get(column.name, ())) for column in columns)]
        )
    _write_csv(out / NODES_FILE, rows)
    relationships = [[":START_ID", ":END_ID", ":TYPE", "predicate"]]
    relationships += [[e.source, e.target, local_name(e.predicate), e.predicate] for e in graph.edges]
    _write_csv(out / RELATIONSHIPS_FILE, relationships)


@dataclass(frozen=True)
class _Column:
    """One literal predicate as a typed Neo4j property column."""

    name: str  # compact predicate
    neo4j_type: str
    is_array: bool

    @property
    def header(self) -> str:
        property_name = "".join(ch if ch.isalnum() else "_" for ch in self.name)
        return f"{property_name}:{self.neo4j_type}{'[]' if self.is_array else ''}"

    def cell(self, values: tuple[ox.Literal, ...]) -> str:
        return ARRAY_DELIMITER.join(value.value for value in values)


def _columns(graph: PropertyGraph) -> list[_Column]:
    datatypes: dict[str, set[str]] = {}
    arrays: set[str] = set()
    for node in graph.nodes:
        for name, values in node.attributes:
            datatypes.setdefault(name, set()).update(value.datatype.value for value in values)
            if len(values) > 1:
                arrays.add(name)
    columns = []
    for name in sorted(datatypes):
        types = {_NEO4J_TYPES.get(datatype, "string") for datatype in datatypes[name]}
        columns.append(_Column(name, types.pop() if len(types) == 1 else "string", name in arrays))
    return columns


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    with open_output(path) as out:
        out.write(text.getvalue().encode("utf-8"))
