"""Exports of the built graph to files other tools load, and a push to a triple store.

``export("output", "graph.nq.gz")`` takes the format from the name (``fmt="gexf"`` names it);
``push("output", "http://localhost:7878/store")`` sends it over the Graph Store Protocol.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govkg.export.dataset import Dataset, read_dataset
from govkg.export.prefixes import contract_prefixes
from govkg.export.push import PushResult, PushSettings, push_dataset
from govkg.export.registry import EXPORTERS, Exporter, exporter_for

__all__ = [
    "EXPORTERS",
    "Dataset",
    "ExportResult",
    "Exporter",
    "PushResult",
    "PushSettings",
    "export",
    "push",
    "read_dataset",
]


@dataclass(frozen=True)
class ExportResult:
    out: Path
    format: str
    quads: int
    graphs: int


def export(source: str | Path, out: str | Path, fmt: str | None = None) -> ExportResult:
    """Write the graph built in ``source`` (a build directory or an .nq/.trig file) to ``out``."""
    out = Path(out)
    exporter = exporter_for(out, fmt)
    dataset = read_dataset(Path(source))
    exporter.write(dataset, out, contract_prefixes())
    return ExportResult(out=out, format=exporter.name, quads=len(dataset), graphs=dataset.graph_count)


def push(source: str | Path, endpoint: str, settings: PushSettings | None = None, **kwargs) -> PushResult:
    """PUT each document's named graph of ``source`` to a Graph Store Protocol ``endpoint``."""
    return push_dataset(read_dataset(Path(source)), endpoint, settings or PushSettings(), **kwargs)
