"""Where an article names the places, bodies and programs already extracted, sentence by sentence.

Programs and metrics need to know what a sentence talks about: the names found by the
earlier extractors (and their aliases), and deictic forms (该市, 全旗, 这个社区) resolved to
the last place of that level named before them. The longest name wins at a position, so
奈曼旗委组织部 is a body, not the place 奈曼旗.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from govkg.extract.trie import trie_pattern
from govkg.model import Article, Organization, Place, Program, Subject


@dataclass(frozen=True)
class Reference:
    start: int  # offsets in the sentence's clean text
    end: int
    subject: Subject
    surface: str
    deictic: bool = False


@dataclass(frozen=True)
class Deixis:
    """该/全/我 + a level word, compiled once."""

    pattern: re.Pattern[str]
    levels: tuple[str, ...]  # longest first

    @classmethod
    def build(cls, prefixes: Iterable[str], levels: Iterable[str]) -> Deixis:
        levels = tuple(sorted(set(levels), key=len, reverse=True))
        source = f"(?:{trie_pattern(prefixes)})(?P<level>{trie_pattern(levels)})"
        return cls(re.compile(source), levels)

    def level_of(self, name: str) -> str | None:
        return next((lv for lv in self.levels if name.endswith(lv)), None)


class ReferenceIndex:
    """The surface forms of one article's entities, as one pattern."""

    def __init__(
        self,
        places: tuple[Place, ...],
        organizations: tuple[Organization, ...],
        programs: tuple[Program, ...],
        deixis: Deixis,
    ) -> None:
        self.deixis = deixis
        self.surfaces: dict[str, Subject] = {}
        self.place_levels: dict[str, str | None] = {}
        # Later kinds overwrite earlier ones for the same surface: a program named like a place
        # is the program when the text writes exactly that form.
        for kind, items in (("place", places), ("organization", organizations), ("program", programs)):
            for item in items:
                for form in (item.name, *item.aliases):
                    if len(form) >= 2:
                        self.surfaces[form] = Subject(kind, item.name)
        for place in places:
            self.place_levels[place.name] = deixis.level_of(place.name)
        self.pattern = re.compile(trie_pattern(self.surfaces)) if self.surfaces else None

    def scan(self, article: Article) -> list[list[Reference]]:
        """References per sentence of the article, in text order, deictic forms resolved."""
        last_by_level: dict[str, str] = {}
        out = []
        for sentence in article.sentences:
            text = sentence.clean
            refs = self._named(text)
            taken = [(r.start, r.end) for r in refs]
            for m in self.deixis.pattern.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                name = last_by_level.get(m["level"]) or self._any_place(m["level"])
                if name:
                    refs.append(Reference(m.start(), m.end(), Subject("place", name), m[0], True))
            refs.sort(key=lambda r: r.start)
            for r in refs:
                if r.subject.kind == "place":
                    level = self.place_levels.get(r.subject.name)
                    if level:
                        last_by_level[level] = r.subject.name
            out.append(refs)
        return out

    def _named(self, text: str) -> list[Reference]:
        if self.pattern is None:
            return []
        return [Reference(m.start(), m.end(), self.surfaces[m[0]], m[0]) for m in self.pattern.finditer(text)]

    def _any_place(self, level: str) -> str | None:
        return next((name for name, lv in self.place_levels.items() if lv == level), None)


def focus_place(references: list[list[Reference]]) -> str | None:
    """The place the article is mostly about: the one referred to most often (first on a tie)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, refs in enumerate(references):
        for r in refs:
            if r.subject.kind == "place":
                counts[r.subject.name] += 1
                first.setdefault(r.subject.name, i)
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -first[n]))
