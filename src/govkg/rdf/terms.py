"""Namespaces, and IRIs that stay the same across runs and are valid whatever the text holds."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode

GK = "https://w3id.org/govkg/ontology#"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DEFAULT_BASE = "https://w3id.org/govkg/id/"

PREFIXES = {"gk": GK, "schema": SCHEMA, "org": ORG, "prov": PROV, "skos": SKOS, "rdf": RDF, "rdfs": RDFS,
            "xsd": XSD, "id": DEFAULT_BASE}

# Letters and digits of any script stay readable; everything else is percent-encoded.
_KEEP = re.compile(r"[\w\-.~]", re.UNICODE)
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff\U000f0000-\U0010ffff]")


_ALL_KEPT = re.compile(r"[\w\-.~]+", re.UNICODE)


@lru_cache(maxsize=1 << 16)
def segment(key: str) -> str:
    """One IRI path segment for a key (a name, a code): readable, valid and stable."""
    if _ALL_KEPT.fullmatch(key) and not _PRIVATE_USE.search(key):
        return key  # the common case (a name, a code, a number) in one regex call
    out = []
    for ch in key:
        if _KEEP.fullmatch(ch) and not _PRIVATE_USE.fullmatch(ch):
            out.append(ch)
        else:
            out.append(quote(ch, safe=""))
    return "".join(out) or "_"


def term(namespace: str, local: str) -> NamedNode:
    return NamedNode(namespace + local)


def zh(text: str) -> Literal:
    return Literal(text, language="zh")


def typed(value: str | int, datatype: str) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + datatype))


def _ns(base: str, *names: str) -> type:
    """A namespace's terms as pyoxigraph nodes, made once (``SCHEMA_.headline``)."""
    return type("NS", (), {n: NamedNode(base + n) for n in names})


A = NamedNode(RDF + "type")
RDFS_ = _ns(RDFS, "label", "Class", "subClassOf")
SKOS_ = _ns(SKOS, "altLabel")
SCHEMA_ = _ns(SCHEMA, "NewsArticle", "Place", "Organization", "Person", "headline", "articleSection", "author",
              "contributor", "datePublished", "mentions", "containedInPlace", "location", "isPartOf", "name",
              "Dataset", "sha256")
ORG_ = _ns(ORG, "Membership", "Role", "member", "role", "organization")
PROV_ = _ns(PROV, "wasDerivedFrom")
GK_ = _ns(GK, "Program", "Metric", "Evidence", "SourceDocument", "photographer", "adcode", "adminLevel",
          "implementedIn", "runBy", "involves", "value", "unit", "qualifier", "measure", "about", "period", "text",
          "start", "end", "sourceDocument", "encoding", "sha256", "articleKind", "quantityText")
