"""The prefixes of the ontology contract: known to every query and used to shorten IRIs in tables."""

from __future__ import annotations

ID_BASE = "https://w3id.org/govkg/id/"

PREFIXES: dict[str, str] = {
    "gk": "https://w3id.org/govkg/ontology#",
    "id": ID_BASE,
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
}


def shorten(iri: str) -> str:
    """``https://schema.org/Place`` → ``schema:Place``; IRIs outside the known namespaces stay whole."""
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(PREFIXES.get(best, "")):
            best = prefix
    if not best:
        return f"<{iri}>"
    return f"{best}:{iri[len(PREFIXES[best]) :]}"


def expand(name: str) -> str | None:
    """``gk:Program`` → its full IRI, or None when the prefix is not one of ours."""
    prefix, sep, local = name.partition(":")
    if not sep or prefix not in PREFIXES or local.startswith("//"):
        return None
    return PREFIXES[prefix] + local
