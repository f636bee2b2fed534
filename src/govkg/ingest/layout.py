"""Documents → Articles: split a page into its items and each item into sentences.

A page is read line by line. Each line gets a kind from its shape alone (a byline, a
photo credit, a dateline, a page label, a short line, body text), and the items are
cut where the shapes say a new one begins:

- a short line followed by a byline or a dateline, or by a caption that ends with a
  photo credit, or right after a section label, is a headline;
- a short label (≤ 6 characters, no punctuation) directly above a headline or a byline is
  the section; a ``【标签】`` at the head of a headline is the section too;
- an item that starts at a byline with no headline takes the first standalone short line
  of its body (pages sometimes print the headline inside the text);
- any other short line inside an item is a sub-heading, kept as a sentence of its own.

Lines broken mid-sentence are joined into one sentence; every sentence keeps its exact
offsets in the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from govkg.ingest import bylines
from govkg.model import Article, Credit, Document, Sentence

HEADLINE_MAX = 34
LONG_HEADLINE_MAX = 80  # a web title, deck included, right above its source line
SECTION_MAX = 6
_TERMINAL = "。！？!?…"
_CLOSERS = "”’\"」』）)】"
_SENTENCE = re.compile(rf"[^{_TERMINAL}]*?(?:[{_TERMINAL}]+[{_CLOSERS}]*|$)", re.S)
# A page's header: its number (第5版, 00004版, A3版; A3 alone before a date), its label, and on some
# pages the date and the page editor's credit (A3 县域 2025年3月4日 星期二 责编：某某).
_PAGE_LABEL = re.compile(
    r"^\s*(?:第?\s*\d{1,5}\s*版|[A-Z]\d{1,2}版|[A-Z]\d{1,2}(?=\s.*\d{4}年))\s*[:：]?\s*(?P<label>[\u4e00-\u9fff]{1,8})?"
    r"(?:\s+\d{4}年\d{1,2}月\d{1,2}日(?:\s*星期[一二三四五六日天])?)?"
    r"(?:\s+(?P<desk>(?:责任编辑|责编|编辑)\s*[:：].{1,12}))?\s*$")
_TAG = re.compile(r"^\s*【(?P<tag>[^】]{1,20})】\s*(?P<rest>.+)$")
_PUNCT = re.compile(r"[，,。、；;：:！？!?“”\"‘’（）()《》·—\-\s]")
_WS = " \t\u3000\r\ufeff"


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    text: str
    kind: str  # byline | credit | dateline | page | subtitle | short | body


@dataclass
class _Item:
    headline: Line | None = None
    headline_text: str | None = None
    section: str | None = None
    date: str | None = None
    source: str | None = None
    credits: list[Credit] = field(default_factory=list)
    editors: list[Credit] = field(default_factory=list)  # the desk's credits: they make no byline or item
    body: list[Line] = field(default_factory=list)
    photo: bool = False
    closed: bool = False  # a photo credit ends its item


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip(_WS)
        if stripped:
            lead = len(raw) - len(raw.lstrip(_WS))
            start = pos + lead
            lines.append(Line(start, start + len(stripped), stripped, _kind(stripped)))
        pos += len(raw) + 1
    return [_long_headline(line, lines[i + 1] if i + 1 < len(lines) else None) for i, line in enumerate(lines)]


def _long_headline(line: Line, nxt: Line | None) -> Line:
    """A title longer than a printed headline (a web title with its deck run in, ``……——访某某``) is
    still one when the source or byline line comes right under it and it is no sentence."""
    if line.kind != "body" or nxt is None or nxt.kind not in ("dateline", "byline"):
        return line
    if len(line.text) > LONG_HEADLINE_MAX or "。" in line.text or _ends_sentence(line.text) \
            or line.text.endswith(tuple(_TERMINAL)) or bylines.parse_inline(line.text, None):
        return line
    return replace(line, kind="short")


def _kind(text: str) -> str:
    if _PAGE_LABEL.match(text):
        return "page"
    if text.startswith(("——", "--", "—")) and len(text) <= HEADLINE_MAX + 10:
        return "subtitle"
    if bylines.is_byline_line(text) or bylines.is_desk_line(text):
        return "byline"
    if bylines.parse_photo_credit(text):
        return "credit"
    if bylines.parse_dateline(text):
        return "dateline"
    if bylines.parse_inline(text, None):
        return "body"  # a paragraph opening with 本报讯(记者 …), however short
    if len(text) <= HEADLINE_MAX and "。" not in text and not text.endswith(tuple(_TERMINAL)) \
            and not _ends_sentence(text):
        return "short"
    return "body"


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return stripped != text and stripped.endswith(tuple(_TERMINAL + "，,；;"))


def _spanned(credits: Iterable[Credit], line: Line, length: int | None = None) -> list[Credit]:
    """The credits with the printed byline (the line, or its first ``length`` characters) as evidence."""
    text = line.text if length is None else line.text[:length].rstrip()
    span = Sentence(line.start, line.start + len(text), text)
    return [replace(c, span=span) for c in credits]


def _has_byline(credits: list[Credit]) -> bool:
    return any(c.role in bylines.BYLINE_ROLES for c in credits)


def _is_section_label(line: Line, following: list[Line]) -> bool:
    if len(line.text) > SECTION_MAX or _PUNCT.search(line.text) or not following:
        return False
    nxt = following[0]
    if nxt.kind in ("byline", "page"):
        return True
    return nxt.kind == "short" and _starts_item(following, after_label=True)


def _starts_item(rest: list[Line], after_label: bool = False) -> bool:
    """Whether the short line rest[0] opens an item, judged by what follows it."""
    following = [line for line in rest[1:6] if line.kind != "subtitle"][:3]
    if not following:
        return after_label
    if following[0].kind in ("byline", "dateline"):
        return True
    if following[0].kind == "body" and bylines.parse_inline(following[0].text, None):
        return True  # the next paragraph opens with 本报某地讯（记者…）: a new item starts here
    if following[0].kind == "short" and len(following) > 1 and following[1].kind == "byline":
        return False  # rest[0] is a section label, handled by the caller
    if following[0].kind == "body":
        for line in following[1:]:
            if line.kind == "credit":
                return True
            if line.kind != "body":
                break
    return after_label


class LayoutReader:
    """Cuts documents into articles; ``is_word`` tells a line broken mid-word from a heading."""

    def __init__(self, is_word: Callable[[str], bool] = lambda _: False):
        self.is_word = is_word

    def articles(self, doc: Document) -> list[Article]:
        items = self._items(split_lines(doc.text))
        articles = []
        for item in items:
            article = self._article(doc, len(articles), item)
            if article is not None:
                articles.append(article)
        return articles

    def _items(self, lines: list[Line]) -> list[_Item]:
        items: list[_Item] = []
        current: _Item | None = None
        section: str | None = None
        pending_dateline: bylines.Dateline | None = None
        page_editors: list[Credit] = []  # the page editor credited in the page's header

        def open_item(headline: Line | None) -> _Item:
            nonlocal section, pending_dateline
            item = _Item(headline=headline, section=section, editors=list(page_editors))
            section = None
            if pending_dateline is not None:
                item.date, item.source = pending_dateline.date, pending_dateline.source
                item.credits.extend(pending_dateline.credits)
                pending_dateline = None
            if headline is not None:
                tagged = _TAG.match(headline.text)
                if tagged:
                    item.section = item.section or tagged.group("tag")
                    item.headline_text = tagged.group("rest").strip()
            items.append(item)
            return item

        for i, line in enumerate(lines):
            rest = lines[i:]
            if line.kind == "subtitle":
                if current is not None:  # a deck under the headline (——记某某): a sentence, never the headline
                    current.body.append(line)
                continue
            if line.kind == "page":
                header = _PAGE_LABEL.match(line.text)
                section = header.group("label") or section
                desk = header.start("desk")
                page_editors = [] if desk < 0 else _spanned(
                    bylines.parse_credits(header.group("desk")),
                    replace(line, start=line.start + desk, text=header.group("desk")))
            elif line.kind == "short" and _is_section_label(line, rest[1:]) and (
                current is None or current.body or current.credits or current.closed
            ):
                section = line.text
            elif line.kind == "short" and (current is None or section is not None or current.closed
                                           or (_starts_item(rest) and not self._continues(lines, i))):
                current = open_item(line)
            elif line.kind == "byline" and current is not None and current.body and bylines.is_desk_line(line.text):
                current.editors.extend(_spanned(bylines.parse_credits(line.text), line))
            elif line.kind == "byline":
                if current is None or current.credits or section is not None or current.closed:
                    current = open_item(None)
                current.credits.extend(_spanned(bylines.parse_credits(line.text, current.source), line))
            elif line.kind == "dateline":
                parsed = bylines.parse_dateline(line.text)
                if current is None:
                    pending_dateline = replace(parsed, credits=tuple(_spanned(parsed.credits, line)))
                else:
                    current.date = current.date or parsed.date
                    current.source = current.source or parsed.source
                    if not _has_byline(current.credits):
                        current.credits.extend(_spanned(parsed.credits, line))
            elif line.kind == "credit":
                if current is None:
                    current = open_item(None)
                current.credits.extend(_spanned(bylines.parse_photo_credit(line.text), line))
                current.photo = not _has_byline(current.credits)
                current.closed = True
            else:
                if current is None or current.closed:
                    current = open_item(None)
                inline_credit = bylines.split_photo_credit(line.text)
                if inline_credit is not None:
                    found, at = inline_credit
                    current.credits.extend(_spanned(found, replace(line, start=line.start + at, text=line.text[at:])))
                    text = line.text[:at].rstrip()
                    line = replace(line, end=line.start + len(text), text=text)
                current.body.append(line)
        return items

    def _continues(self, lines: list[Line], i: int) -> bool:
        """Whether the short line i is the tail of the sentence before it or runs on into the next."""
        line = lines[i]
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if prev is not None and prev.kind in ("body", "short") and not _ends_sentence(prev.text) \
                and not prev.text.endswith(tuple(_TERMINAL)) and self._joins(prev.text, line.text):
            return True
        return nxt is not None and nxt.kind == "body" and self._joins(line.text, nxt.text)

    def _joins(self, left: str, right: str) -> bool:
        """A dictionary word spans the break (打|通): the line was broken mid-word."""
        for i in range(1, 3):
            for j in range(1, 3):
                if len(left) >= i and len(right) >= j and self.is_word(left[-i:] + right[:j]):
                    return True
        return False

    def _article(self, doc: Document, index: int, item: _Item) -> Article | None:
        body = list(item.body)
        headline = item.headline_text or (item.headline.text if item.headline else None)
        start = item.headline.start if item.headline else (body[0].start if body else None)
        if headline is None:
            found = self._headline_in_body(body)
            if found is not None:
                body[body.index(found)] = None  # a break: the sentences around it do not join across
                headline = found.text
        if headline is None and not body and not item.credits:
            return None
        credits = list(item.credits)
        sentences = self._sentences(doc.text, body, item, credits)
        credits += item.editors
        if headline is None:
            headline = item.section or (sentences[0].clean[:HEADLINE_MAX] if sentences else "")
            section = None if item.section == headline else item.section
        else:
            section = item.section
        ends = [s.end for s in sentences] + ([item.headline.end] if item.headline else [])
        starts = [s.start for s in sentences] + ([start] if start is not None else [])
        return Article(
            doc_id=doc.doc_id,
            index=index,
            kind="photo" if item.photo else "article",
            headline=headline,
            start=min(starts) if starts else 0,
            end=max(ends) if ends else 0,
            section=section,
            date=item.date,
            source=item.source,
            credits=tuple(credits),
            sentences=tuple(sentences),
        )

    def _headline_in_body(self, body: list[Line]) -> Line | None:
        for k, line in enumerate(body):
            if line.kind == "short" and not self._continues(body, k):
                return line
        return None

    def _sentences(self, text: str, body: list[Line | None], item: _Item, credits: list[Credit]) -> list[Sentence]:
        """Runs of body lines joined where a line breaks mid-sentence, then cut at sentence ends."""
        runs: list[tuple[int, int]] = []
        carries_byline = None
        for k, line in enumerate(body):
            if line is None:
                continue
            start = line.start
            inline = bylines.parse_inline(line.text, item.source) if k < 3 and not _has_byline(credits) else None
            if inline is not None:
                credits.extend(_spanned(inline[0], line, inline[1]))
                start = line.start + inline[1]
                carries_byline = line
                if start >= line.end:
                    continue
            prev = body[k - 1] if k else None
            joined = runs and prev is not None and (prev is carries_byline or self._run_on(prev, line))
            if joined:
                runs[-1] = (runs[-1][0], line.end)
            else:
                runs.append((start, line.end))
        if body and body[-1] is not None:
            last = body[-1]
            trailing = bylines.parse_trailing(last.text, item.source)
            if trailing is not None and not _has_byline(credits) and runs:
                found, at = trailing
                span = Sentence(last.start + at, last.end, last.text[at:])
                credits.extend(replace(c, span=span) for c in found)
                runs[-1] = (runs[-1][0], last.start + at)
        sentences = []
        for run_start, run_end in runs:
            chunk = text[run_start:run_end]
            for match in _SENTENCE.finditer(chunk):
                piece = match.group(0)
                lead = len(piece) - len(piece.lstrip())
                stripped = piece.strip()
                if not stripped:
                    continue
                s = run_start + match.start() + lead
                sentences.append(Sentence(s, s + len(stripped), stripped))
        return sentences

    def _run_on(self, prev: Line, line: Line) -> bool:
        """The previous line stops mid-sentence, so this one continues it."""
        if "subtitle" in (prev.kind, line.kind):
            return False
        if prev.kind == "short" and (prev.text.endswith(tuple(_TERMINAL)) or not self._joins(prev.text, line.text)):
            return False
        return not (prev.text.endswith(tuple(_TERMINAL)) or _ends_sentence(prev.text))
