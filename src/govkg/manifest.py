"""What an incremental build remembers: each document's hash and its cached N-Quads.

``DIR/manifest.json`` maps every built document id to the hash of its file and to
``DIR/cache/<name>.nq``, the quads of its named graph. A document whose hash is unchanged
is read back from its cache instead of being extracted again. Cache files are named by
document, content and code, so a build never overwrites a file the previous manifest
points to: a build that dies half-way leaves the previous manifest and cache usable.
Anything that changes what extraction gives (govkg's code or lexicons, the base IRI, the
extractor's class, the size limit) changes the fingerprint, and the cache is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import govkg
from govkg.resources import data_dir

MANIFEST = "manifest.json"
CACHE = "cache"
FORMAT = 1
EXTRACTION_MODULES = ("model.py", "resources.py", "gazetteer.py", "pipeline.py")
EXTRACTION_PACKAGES = ("ingest", "extract", "resolve", "rdf")


@dataclass(frozen=True)
class CachedDocument:
    sha256: str  # of the file's bytes
    nquads: str  # path of the cached N-Quads, relative to the output folder
    path: str  # the source file, as given
    chars: int
    articles: int


@dataclass
class Manifest:
    fingerprint: str = ""
    documents: dict[str, CachedDocument] = field(default_factory=dict)

    @classmethod
    def load(cls, out: Path, fingerprint: str) -> Manifest:
        """The previous build's manifest, or an empty one when absent, unreadable or made by other code."""
        try:
            raw = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
            if raw.get("format") != FORMAT or raw.get("fingerprint") != fingerprint:
                return cls(fingerprint)
            docs = {doc_id: CachedDocument(**entry) for doc_id, entry in raw["documents"].items()}
        except (OSError, ValueError, TypeError, KeyError):
            return cls(fingerprint)
        return cls(fingerprint, docs)

    def reusable(self, out: Path, doc_id: str, sha256: str) -> CachedDocument | None:
        cached = self.documents.get(doc_id)
        if cached is None or cached.sha256 != sha256 or not (out / cached.nquads).is_file():
            return None
        return cached

    def cache_name(self, doc_id: str, sha256: str) -> str:
        key = hashlib.sha256(f"{doc_id}\0{sha256}\0{self.fingerprint}".encode()).hexdigest()[:32]
        return f"{CACHE}/{key}.nq"

    def save(self, out: Path) -> None:
        """Write the manifest (atomically), then drop cache files that no document points to."""
        body = {"format": FORMAT, "fingerprint": self.fingerprint,
                "documents": {k: asdict(v) for k, v in sorted(self.documents.items())}}
        tmp = out / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, out / MANIFEST)
        kept = {Path(d.nquads).name for d in self.documents.values()}
        for stale in (out / CACHE).glob("*"):
            if stale.name not in kept:
                stale.unlink(missing_ok=True)


def fingerprint(*parts: str) -> str:
    """The code and data that extraction depends on, plus the given settings."""
    digest = hashlib.sha256(_code_hash().encode())
    for part in parts:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


@cache
def _code_hash() -> str:
    """Hashed once per process: the code this process runs is the code it read at start."""
    digest = hashlib.sha256(govkg.__version__.encode())
    package = Path(govkg.__file__).parent
    sources = [package / name for name in EXTRACTION_MODULES]
    for sub in EXTRACTION_PACKAGES:
        sources += sorted((package / sub).rglob("*.py"))
    sources += sorted((data_dir() / "lexicons").glob("*.txt"))
    for path in sources:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
