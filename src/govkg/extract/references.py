"""Where an article names the places, bodies and programs already extracted, sentence by sentence.

Programs and metrics need to know what a sentence talks about: the names found by the
earlier extractors (and their aliases), and deictic forms (该市, 全旗, 该街道) resolved to
the last place of that level named before them. The longest name wins at a position, so
临溪县文旅局 is a body, not the place 临溪县.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from govkg.extract.trie import trie_pattern
from govkg.model import Organization, Place, Program, Subject


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
    """The surface forms of one article's entities, found by plain string search.

    An article names a few dozen entities at most, so ``str.find`` per form beats compiling
    a pattern per article; overlaps are resolved leftmost-longest, as a regex would.
    """

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
        self.org_places = {o.name: o.place for o in organizations if o.place}
        # Later kinds overwrite earlier ones for the same surface: a program named like a place
        # is the program when the text writes exactly that form.
        for kind, items in (("place", places), ("organization", organizations), ("program", programs)):
            for item in items:
                for form in (item.name, *item.aliases):
                    if len(form) >= 2:
                        self.surfaces[form] = Subject(kind, item.name)
        for place in places:
            self.place_levels[place.name] = deixis.level_of(place.name)
        self.forms = sorted(self.surfaces, key=len, reverse=True)

    def scan(self, texts: list[str]) -> list[list[Reference]]:
        """References per sentence (clean texts, in order), deictic forms resolved."""
        last_by_level: dict[str, str] = {}
        out = []
        for text in texts:
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
                place = self.place_of(r)
                level = self.place_levels.get(place) if place else None
                if level:
                    last_by_level[level] = place
            out.append(refs)
        return out

    def place_of(self, ref: Reference) -> str | None:
        """The place a reference stands for or sits in (a body's seat)."""
        if ref.subject.kind == "place":
            return ref.subject.name
        if ref.subject.kind == "organization":
            return self.org_places.get(ref.subject.name)
        return None

    def _named(self, text: str) -> list[Reference]:
        hits = []
        for form in self.forms:
            i = text.find(form)
            while i >= 0:
                hits.append((i, -len(form), form))
                i = text.find(form, i + 1)
        hits.sort()
        refs, end = [], 0
        for start, neg_len, form in hits:
            if start >= end:
                refs.append(Reference(start, start - neg_len, self.surfaces[form], form))
                end = start - neg_len
        return refs

    def _any_place(self, level: str) -> str | None:
        return next((name for name, lv in self.place_levels.items() if lv == level), None)


def focus_place(index: ReferenceIndex, references: list[list[Reference]]) -> str | None:
    """The place the article is mostly about: the one referred to most often (first on a tie).

    A body's seat counts when no place is named on its own (临溪县松岭镇桃源村党支部).
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for weight, kinds in ((2, ("place",)), (1, ("organization",))):
        for i, refs in enumerate(references):
            for r in refs:
                place = index.place_of(r) if r.subject.kind in kinds else None
                if place:
                    counts[place] += weight
                    first.setdefault(place, i)
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -first[n]))
