"""Files → Documents: find the text files, detect their encoding, decode them.

A file that cannot be read as text raises :class:`InputError` naming it; the pipeline
reports it and goes on with the rest of the batch.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from govkg.errors import InputError
from govkg.model import Document

TEXT_SUFFIXES = (".txt", ".md")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CANDIDATES = ("gb18030", "big5")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_UNSAFE_ID = re.compile(r"[^\w.\-]+")


def discover(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """Every text file under the given files and folders (recursive), with its stable document id.

    The id is the file's path relative to the folder it was found in (or its name, for a
    file given directly), so the same corpus gives the same ids wherever it lies.
    """
    for given in map(Path, paths):
        if given.is_dir():
            for path in sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES):
                yield path, doc_id_for(path.relative_to(given).as_posix())
        else:
            yield given, doc_id_for(given.name)


def doc_id_for(relative: str) -> str:
    """An IRI-safe id: letters (any script), digits, dot and hyphen kept; the rest joined by '-'."""
    return _UNSAFE_ID.sub("-", relative).strip("-") or "document"


def decode(data: bytes, path: str) -> tuple[str, str]:
    """The text and the encoding name; UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030/GBK, Big5."""
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(path, f"not valid {encoding} after its byte-order mark ({exc.reason})") from exc
    if b"\x00" in data:
        raise InputError(path, "binary file (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    decodable = {}
    for encoding in _CANDIDATES:
        try:
            decodable[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if len(decodable) > 1:
        best = from_bytes(data, cp_isolation=list(decodable)).best()
        if best is not None and best.encoding in decodable:
            return _checked(decodable[best.encoding], path), best.encoding
    if decodable:
        encoding, text = next(iter(decodable.items()))
        return _checked(text, path), encoding
    raise InputError(path, "undecodable: not UTF-8, GB18030/GBK or Big5")


def _checked(text: str, path: str) -> str:
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise InputError(path, "binary file (control characters), not text")
    return text


def read_document(path: Path, doc_id: str) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    text, encoding = decode(data, str(path))
    if text.startswith("\ufeff"):
        text = text[1:]
    return Document(doc_id, str(path), text, encoding, hashlib.sha256(data).hexdigest())
