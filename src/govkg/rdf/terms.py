"""Namespaces, and IRIs that stay the same across runs and are valid whatever the text holds."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from pyoxigraph import NamedNode

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


# Terms are written as N-Triples text, as Oxigraph writes them: the mapping makes a document's
# N-Quads lines directly, without building a pyoxigraph object per term (a quarter of a build's CPU).
_ESCAPES = {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F, 0xFFFE, 0xFFFF] if c not in _ESCAPES})
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\"\\\\\x7f\ufffe\uffff]")


def iri(value: str) -> str:
    """``<value>``: the caller makes the IRI valid (``segment`` for keys, ``checked_base`` for the base)."""
    return f"<{value}>"


def literal(text: str) -> str:
    """A plain string literal in N-Triples, escaped as Oxigraph escapes it."""
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_ESCAPES)
    return f'"{text}"'


def zh(text: str) -> str:
    return literal(text) + "@zh"


def typed(value: str | int, datatype: str) -> str:
    return f"{literal(str(value))}^^<{XSD}{datatype}>"


def checked_base(base: str) -> str:
    """The namespace of instance IRIs, ending in / or #, refused when it cannot start an IRI."""
    base = base if base.endswith(("/", "#")) else base + "/"
    try:
        NamedNode(base + "x")
    except ValueError as exc:
        raise ValueError(f"--base {base!r} is not an IRI: {exc}") from exc
    return base


def _ns(base: str, *names: str) -> type:
    """A namespace's terms in N-Triples, made once (``SCHEMA_.headline``)."""
    return type("NS", (), {n: iri(base + n) for n in names})


A = iri(RDF + "type")
RDFS_ = _ns(RDFS, "label", "Class", "subClassOf")
SKOS_ = _ns(SKOS, "altLabel")
SCHEMA_ = _ns(SCHEMA, "NewsArticle", "Place", "Organization", "Person", "headline", "articleSection", "author",
              "contributor", "editor", "datePublished", "mentions", "containedInPlace", "location", "isPartOf", "name",
              "Dataset", "sha256")
ORG_ = _ns(ORG, "Membership", "Role", "member", "role", "organization")
PROV_ = _ns(PROV, "wasDerivedFrom")
GK_ = _ns(GK, "Program", "Metric", "Evidence", "SourceDocument", "photographer", "adcode", "adminLevel",
          "implementedIn", "runBy", "involves", "value", "unit", "qualifier", "measure", "about", "period", "text",
          "start", "end", "sourceDocument", "encoding", "sha256", "articleKind", "quantityText")
