"""Files → Documents: find the text and HTML files, detect their encoding, decode them.

A file that cannot be read as text raises :class:`InputError` naming it and saying why
in one line; the pipeline reports it and goes on with the rest of the batch.

Encodings: UTF-8 (with or without BOM), UTF-16/32 with a BOM, UTF-16 without a BOM when
its ASCII characters give it away (NUL bytes all on one side), GB18030/GBK/GB2312 and
Big5. HTML files are stripped to their text; every offset of the graph then points into
that text (the one :func:`read_document` returns), not into the markup.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from govkg.errors import InputError
from govkg.model import Document

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
DEFAULT_MAX_CHARS = 500_000  # a page is ~10k characters, a whole issue ~200k; rule costs grow faster than length
_BYTES_PER_CHAR_MAX = 4
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CANDIDATES = ("gb18030", "big5")
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5-hkscs": "big5hkscs"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
_UNSAFE_ID = re.compile(r"[^\w.\-]+")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)


def discover(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """Every text or HTML file under the given files and folders (recursive), with its stable document id.

    The id is the file's path relative to the folder it was found in (or its name, for a
    file given directly), so the same corpus gives the same ids wherever it lies.
    """
    suffixes = TEXT_SUFFIXES + HTML_SUFFIXES
    for given in map(Path, paths):
        if given.is_dir():
            for path in sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in suffixes):
                yield path, doc_id_for(path.relative_to(given).as_posix())
        else:
            yield given, doc_id_for(given.name)


def doc_id_for(relative: str) -> str:
    """An IRI-safe id: letters (any script), digits, dot and hyphen kept; the rest joined by '-'."""
    return _UNSAFE_ID.sub("-", relative).strip("-") or "document"


def decode(data: bytes, path: str) -> tuple[str, str]:
    """The text and the encoding name; raises InputError saying why a file is not text."""
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), path), encoding
            except UnicodeDecodeError as exc:
                raise InputError(path, f"not valid {encoding} after its byte-order mark ({exc.reason})") from exc
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise InputError(path, "binary file (NUL bytes), not text")
        try:
            return _checked(data.decode(encoding), path), encoding
        except UnicodeDecodeError as exc:
            raise InputError(path, "binary file (NUL bytes), not text") from exc
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError as exc:
        if _truncated(data, exc):
            raise InputError(path, f"truncated: ends inside a multi-byte UTF-8 character (byte {exc.start})") from exc
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        try:
            return _checked(data.decode(utf16), path), utf16
        except UnicodeDecodeError:
            pass
    decodable, errors = {}, {}
    for encoding in _CANDIDATES:
        try:
            decodable[encoding] = data.decode(encoding)
        except UnicodeDecodeError as exc:
            errors[encoding] = exc
    if len(decodable) > 1:
        encoding = _gb_or_big5(data)
        if encoding is None:
            best = from_bytes(data[:65536], cp_isolation=list(decodable)).best()
            encoding = best.encoding if best is not None else None
        if encoding in decodable:
            return _checked(decodable[encoding], path), encoding
    if decodable:
        encoding, text = next(iter(decodable.items()))
        return _checked(text, path), encoding
    if any(_truncated(data, exc) for exc in errors.values()):
        raise InputError(path, "truncated: ends inside a multi-byte GB18030/Big5 character")
    raise InputError(path, "undecodable: not UTF-8, UTF-16, GB18030/GBK or Big5")


def _truncated(data: bytes, exc: UnicodeDecodeError) -> bool:
    """The bytes are valid up to a multi-byte character cut off by the end of the file."""
    return exc.end >= len(data) and exc.start >= len(data) - 3 and exc.start > 0


_DOUBLE_BYTE = re.compile(rb"[\x81-\xfe](?:([\x40-\x7e])|[\x80-\xfe])")


def _gb_or_big5(data: bytes) -> str | None:
    """GBK and Big5 share their byte ranges; Big5's trail byte is below 0x80 for ~40 % of characters
    (its ，and 。 among them) where common GBK text almost never has one."""
    pairs = low = 0
    for match in _DOUBLE_BYTE.finditer(data, 0, 65536):
        pairs += 1
        low += match.group(1) is not None
    if pairs < 4:
        return None
    share = low / pairs
    return "big5" if share > 0.2 else "gb18030" if share < 0.05 else None


_PLAUSIBLE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\x20-\x7e\n\r\t]")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: the byte order under which the text reads as Chinese, ASCII and
    punctuation. Any other bytes (GBK, UTF-8, binary) pair up into scattered code points."""
    if len(data) % 2:
        return None
    sample = data[:65536]
    for encoding in ("utf-16-le", "utf-16-be"):
        text = sample.decode(encoding, errors="replace")
        if len(_PLAUSIBLE.findall(text)) >= 0.9 * len(text):
            return encoding
    return None


def _checked(text: str, path: str) -> str:
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise InputError(path, "binary file (control characters), not text")
    return text


def read_document(path: Path, doc_id: str, max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    """The decoded document; larger than ``max_chars`` characters is refused before it costs memory."""
    try:
        size = path.stat().st_size
        if size > max_chars * _BYTES_PER_CHAR_MAX:
            raise InputError(str(path), _too_large(f"{size} bytes", max_chars))
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    is_html = path.suffix.lower() in HTML_SUFFIXES
    text, encoding = decode_html(data, str(path)) if is_html else decode(data, str(path))
    if text.startswith("\ufeff"):
        text = text[1:]
    if is_html:
        text = html_text(text)
        if not text.strip():
            raise InputError(str(path), "HTML page without text")
    if len(text) > max_chars:
        raise InputError(str(path), _too_large(f"{len(text)} characters", max_chars))
    return Document(doc_id, str(path), text, encoding, hashlib.sha256(data).hexdigest())


def _too_large(size: str, max_chars: int) -> str:
    return f"too large: {size}, over the limit of {max_chars} characters per document (split it or raise --max-chars)"


def file_sha256(path: Path) -> str:
    """The hash of a file's bytes, the same as :attr:`Document.sha256`, without decoding it."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """An HTML file's text: the charset its ``<meta>`` declares when that decodes, else detected."""
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        name = declared.group(1).decode("ascii").lower()
        encoding = _ALIASES.get(name, name)
        try:
            return _checked(data.decode(encoding), path), encoding
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path)


_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
    "td", "th", "tr", "ul",
})
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg"})
_SPACES = re.compile(r"[ \t\r\n\f]+")
_BLANK_AROUND_BREAK = re.compile(r"[ \t]*\n[ \t]*")


class _TextCollector(HTMLParser):
    """The text of a page, a line per block element, without scripts, styles or the head."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(_SPACES.sub(" ", data))


def html_text(html: str) -> str:
    """The visible text of an HTML page: one line per block, entities decoded, markup dropped."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = _BLANK_AROUND_BREAK.sub("\n", "".join(collector.parts))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
