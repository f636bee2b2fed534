"""The prefixes every export writes: those of the graph contract, as ``ontology/`` declares them."""

from __future__ import annotations

import re
from pathlib import Path

from govkg.rdf.terms import PREFIXES
from govkg.resources import ontology_dir

CONTRACT_NAMESPACES = {
    name: PREFIXES[name] for name in ("gk", "schema", "org", "prov", "skos", "rdfs", "xsd")
}

_PREFIX_LINE = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*):\s*<([^>]*)>", re.MULTILINE)


def contract_prefixes(ontology: Path | None = None) -> dict[str, str]:
    """The contract's prefixes, with the namespace each ``ontology/*.ttl`` file declares for it.

    A prefix the ontology does not declare falls back to the contract's namespace, so an
    export written before the ontology exists still compacts the same way.
    """
    declared: dict[str, str] = {}
    folder = ontology if ontology is not None else ontology_dir()
    for path in sorted(folder.glob("*.ttl")):
        for name, iri in _PREFIX_LINE.findall(path.read_text(encoding="utf-8")):
            declared.setdefault(name, iri)
    return {name: declared.get(name, iri) for name, iri in CONTRACT_NAMESPACES.items()}


def compact(iri: str, prefixes: dict[str, str]) -> str:
    """``gk:Metric`` for a contract IRI; the IRI itself when no prefix covers it."""
    for name, namespace in prefixes.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{name}:{iri[len(namespace) :]}"
    return iri


def local_name(iri: str) -> str:
    """The part after the last ``#`` or ``/``: ``Metric`` for ``gk:Metric``."""
    return re.split(r"[#/:]", iri.rstrip("#/"))[-1] or iri
