"""Where an article names the places, bodies and programs already extracted, sentence by sentence.

Programs and metrics need to know what a sentence talks about: the names found by the
earlier extractors (and their aliases), and deictic forms (该市, 全旗, 该街道, 镇里) resolved
to the paragraph's topic when it is a place of that level, else to the last place of that
level named before them; 该机制 or 这一模式 stands for the program named last. The longest
name wins at a position, so 临溪县文旅局 is a body, not the place 临溪县.

A paragraph's topic is what it is about: the place, body or program a sentence opens with
(after a time phrase: 去年，桃源村…), or one named as the subject of 是/位于/地处 (桃源村是
远近闻名的茶叶村). A new paragraph starts with no topic.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from govkg.extract.trie import occurrences, trie_pattern
from govkg.model import Organization, Place, Program, Subject


@dataclass(frozen=True)
class Reference:
    start: int  # offsets in the sentence's clean text
    end: int
    subject: Subject
    surface: str
    deictic: bool = False


_HAN = "\u4e00-\u9fff"
_CLAUSE_BREAK = re.compile("[，,。；;：:]")
# Copulas after which the name before them is what the sentence is about (桃源村是…, …位于…).
TOPIC_VERBS = ("是", "位于", "地处", "坐落于", "坐落在", "坐落", "地处于")
# Verbs that open a sentence by going to a place (在桃源村，…; 走进桃源村，…).
SCENE_VERBS = ("在", "走进", "来到", "走在", "步入", "走访")
# The sites of a pilot: 以A村、B村等6个村为试点, 在A村、B村试点, 选取A村作为示范点.
PILOT = re.compile(
    r"(?:以|在|选取|选择|确定|选定)(?P<sites>[^，,。；;：:！？!?]{2,60}?)(?:为|作为|开展|进行)?(?:试点|示范点)"
)
_BACKING = ("支持", "帮助", "带领", "指导", "推动", "关心", "号召", "引领")


@dataclass(frozen=True)
class Deixis:
    """该/全/我 + a level word, or a level word + 里 (县里, 镇里), compiled once."""

    pattern: re.Pattern[str]
    levels: tuple[str, ...]  # longest first
    program: re.Pattern[str] | None = None  # 该机制, 这一模式: the program named last
    level_suffix: re.Pattern[str] | None = None  # the longest level word ending a name
    body: re.Pattern[str] | None = None  # a bare kind word opening a clause (合作社去年…)
    body_kinds: tuple[str, ...] = ()

    @classmethod
    def build(
        cls,
        prefixes: Iterable[str],
        levels: Iterable[str],
        home: Iterable[str] = (),
        program_prefixes: Iterable[str] = (),
        program_kinds: Iterable[str] = (),
        body_kinds: Iterable[str] = (),
    ) -> Deixis:
        levels = tuple(sorted(set(levels), key=len, reverse=True))
        prefixes, home = tuple(prefixes), tuple(home)
        source = f"(?:{trie_pattern(prefixes)})(?P<level>{trie_pattern(levels)})"
        if home:
            # 县里 only as a word of its own (not 乡村里 or 城镇里), or after a verb of motion or a
            # time word that ends a word (去年村里, 如今镇里, 近年来县里)
            source += f"|(?:(?<![{_HAN}])|(?<=[在从到回由去年今天来]))(?P<home>{trie_pattern(home)})里"
        # checking the first character first lets the scan skip all other positions at once
        first = "".join(sorted({w[0] for w in (*prefixes, *home) if w}))
        if first:
            source = f"(?=[{re.escape(first)}])(?:{source})"
        program_prefixes, program_kinds = tuple(program_prefixes), tuple(program_kinds)
        program = None
        if program_prefixes and program_kinds:
            program = re.compile(f"(?:{trie_pattern(program_prefixes)})(?:{trie_pattern(program_kinds)})")
        # the leftmost level word that ends the name is the longest one
        level_suffix = re.compile(f"(?:{trie_pattern(levels)})\\Z")
        body_kinds = tuple(body_kinds)
        body = None
        if body_kinds:
            # only as the subject of a clause: at its start, or after 该/这家 (not 种植大户、合作社和企业)
            first = re.escape("".join(sorted({w[0] for w in body_kinds})))
            body = re.compile(
                f"(?=[{first}])(?:(?<![^，,。；;：:！？!?”」』])|(?<=该)|(?<=这家))(?P<kind>{trie_pattern(body_kinds)})"
            )
        return cls(re.compile(source), levels, program, level_suffix, body, body_kinds)

    def level_of(self, name: str) -> str | None:
        """The level word a place name ends with (桃源村 → 村), the longest when several do."""
        if self.level_suffix is not None:
            m = self.level_suffix.search(name)
            return m[0] if m else None
        return next((lv for lv in self.levels if name.endswith(lv)), None)

    @staticmethod
    def level_in(m: re.Match[str]) -> str:
        return m["level"] or m["home"]


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
        titles: tuple[str, ...] = (),
        bodies: bool = False,
    ) -> None:
        self.deixis = deixis
        # the kind words (合作社, 公司) that end a body of this article: most articles have none
        self.body_kinds = (
            tuple(k for k in deixis.body_kinds if any(o.name.endswith(k) for o in organizations))
            if bodies
            else ()
        )
        self.titles = titles
        self.surfaces: dict[str, Subject] = {}
        self.place_levels: dict[str, str | None] = {}
        self.org_places = {o.name: o.place for o in organizations if o.place}
        # Later kinds overwrite earlier ones for the same surface: a program named like a place
        # is the program when the text writes exactly that form.
        for kind, items in (("place", places), ("organization", organizations), ("program", programs)):
            for item in items:
                subject = Subject(kind, item.name)
                for form in (item.name, *item.aliases):
                    if len(form) >= 2:
                        self.surfaces[form] = subject
        for place in places:
            self.place_levels[place.name] = deixis.level_of(place.name)
        self.parents = {p.name: p.parent for p in places}
        self.has_programs = bool(programs)
        self.forms = sorted(self.surfaces, key=len, reverse=True)

    def scan(self, texts: list[str]) -> list[list[Reference]]:
        """References per sentence (clean texts, in order), deictic forms resolved to the last named."""
        return self.scan_topics(texts, is_lead=None)[0]

    def scan_topics(
        self,
        texts: list[str],
        paragraph_starts: Sequence[bool] = (),
        is_lead: Callable[[str], bool] | None = lambda s: not s.strip(" ，,"),
    ) -> tuple[list[list[Reference]], list[Subject | None]]:
        """References per sentence, and the topic each sentence sets for its paragraph (or None).

        ``paragraph_starts[i]`` says that sentence i opens a paragraph; ``is_lead`` says that
        the text before a name only sets the scene (a time phrase), so the name opens the sentence;
        without it no topic is tracked.
        """
        last_by_level: dict[str, str] = {}
        last_program: Subject | None = None
        recent_bodies: list[Subject] = []
        topic: Subject | None = None
        out, openers = [], []
        deictic_forms = self.deixis.pattern.finditer
        program_deixis = self.deixis.program is not None and self.has_programs
        for i, (text, named) in enumerate(zip(texts, self._named(texts), strict=True)):
            if i < len(paragraph_starts) and paragraph_starts[i]:
                topic = None
            opener = self._topic_of(text, named, is_lead) if is_lead and named else None
            refs = list(named)
            for m in deictic_forms(text):
                if any(r.start < m.end() and m.start() < r.end for r in named):
                    continue
                level = self.deixis.level_in(m)
                current = opener if opener and opener_start(named, opener) < m.start() else topic
                name = self._resolve(level, current, named, m.start(), last_by_level)
                if name:
                    refs.append(Reference(m.start(), m.end(), Subject("place", name), m[0], True))
            if program_deixis:
                refs.extend(self._program_deixis(text, named, last_program))
            if self.body_kinds and any(k in text for k in self.body_kinds):
                refs.extend(self._body_deixis(text, refs, recent_bodies))
            deictic = len(refs) > len(named)
            if deictic:
                refs.sort(key=lambda r: r.start)
            for r in refs:
                place = self.place_of(r)
                level = self.place_levels.get(place) if place else None
                if level:
                    last_by_level[level] = place
                if r.subject.kind == "program":
                    last_program = r.subject
                elif self.body_kinds and r.subject.kind == "organization":
                    recent_bodies.append(r.subject)
            if is_lead and not opener and deictic:
                # with no deictic form added the references are the names, already tried above
                opener = self._topic_of(text, refs, is_lead)
            topic = opener or topic
            out.append(refs)
            openers.append(opener)
        return out, openers

    def _program_deixis(self, text: str, named: list[Reference], last: Subject | None) -> list[Reference]:
        """该机制, 这一模式: the program named last before it (in this sentence or before)."""
        if self.deixis.program is None or not self.has_programs:
            return []
        out = []
        for m in self.deixis.program.finditer(text):
            if any(r.start < m.end() and m.start() < r.end for r in named):
                continue
            before = [r.subject for r in named if r.subject.kind == "program" and r.end <= m.start()]
            subject = before[-1] if before else last
            if subject:
                out.append(Reference(m.start(), m.end(), subject, m[0], True))
        return out

    def _body_deixis(self, text: str, refs: list[Reference], recent: list[Subject]) -> list[Reference]:
        """合作社去年流转土地…: a bare kind word opening a clause stands for the body of that kind
        named last (in this sentence before it, or earlier in the article)."""
        assert self.deixis.body is not None
        out = []
        for m in self.deixis.body.finditer(text):
            if any(r.start < m.end() and m.start() < r.end for r in refs):
                continue
            before = [r.subject for r in refs if r.subject.kind == "organization" and r.end <= m.start()]
            kind = m["kind"]
            subject = next((b for b in reversed([*recent, *before]) if b.name.endswith(kind)), None)
            if subject:
                out.append(Reference(m.start(), m.end(), subject, m[0], True))
        return out

    def _resolve(
        self,
        level: str,
        topic: Subject | None,
        named: list[Reference],
        at: int,
        last_by_level: dict[str, str],
    ) -> str | None:
        """The place a deictic form of ``level`` stands for: the topic, else the last one named."""
        if topic and topic.kind == "place":
            # the topic, or the place of that level it lies in (桃源村 → 全镇 is its town)
            place: str | None = topic.name
            seen = set()
            while place and place not in seen:
                if self.place_levels.get(place) == level:
                    return place
                seen.add(place)
                place = self.parents.get(place)
        for r in reversed(named):
            place = self.place_of(r) if r.end <= at else None
            if place and self.place_levels.get(place) == level:
                return place
        return last_by_level.get(level) or self._any_place(level)

    def _topic_of(self, text: str, refs: list[Reference], is_lead: Callable[[str], bool]) -> Subject | None:
        """The name a sentence is about: the subject of 是/位于, or the one it opens with."""
        for r in refs:
            if text.startswith(TOPIC_VERBS, after_quote(text, r.end)):
                return r.subject
        for r in refs:
            after = text[after_quote(text, r.end) : r.end + 12]
            if r.subject.kind == "organization" and after.startswith(self.titles):
                continue  # a body's official speaking (镇党委书记说), not the body
            if after.startswith(("、", "等", "“", "及")):
                return None  # one item of a list (A、B等…): the sentence is about the list, not A
            lead = text[: r.start]
            if is_lead(lead) or self._scene(r, lead, text[r.end :], is_lead):
                return self._chain_end(r, refs).subject
            return None  # only the first name can open the sentence
        return None

    def _scene(self, r: Reference, lead: str, after: str, is_lead: Callable[[str], bool]) -> bool:
        """在桃源村，… / 走进桃源村，…: a place the sentence opens by going to."""
        if r.subject.kind != "place":
            return False
        verb = next((v for v in SCENE_VERBS if lead.endswith(v)), None)
        if verb is None or not is_lead(lead[: -len(verb)]):
            return False
        rest = _CLAUSE_BREAK.split(after, maxsplit=1)[0]
        return not any(w in rest for w in _BACKING)  # 在县里的支持下: a backer, not the scene

    @staticmethod
    def _chain_end(r: Reference, refs: list[Reference]) -> Reference:
        """The most specific of names written together (临溪县松岭镇桃源村 → 桃源村)."""
        for nxt in refs:
            if nxt.start == r.end and nxt.subject.kind == r.subject.kind:
                r = nxt
        return r

    def place_of(self, ref: Reference) -> str | None:
        """The place a reference stands for or sits in (a body's seat)."""
        if ref.subject.kind == "place":
            return ref.subject.name
        if ref.subject.kind == "organization":
            return self.org_places.get(ref.subject.name)
        return None

    def _named(self, texts: list[str]) -> list[list[Reference]]:
        """The names written in each sentence, leftmost-longest.

        Each form is searched once in the whole article rather than once per sentence; a hit
        that runs across the end of a sentence is no hit of either sentence.
        """
        joined = "".join(texts)
        ends = list(accumulate(map(len, texts)))  # sentence k covers joined[ends[k] - len : ends[k]]
        hits = occurrences(joined, self.forms)
        out: list[list[Reference]] = [[] for _ in texts]
        sentence, offset, end = -1, 0, 0
        for start, neg_len, form in hits:
            k = bisect_right(ends, start)
            if start - neg_len > ends[k]:
                continue
            if k != sentence:
                sentence, offset = k, ends[k] - len(texts[k])
                end = offset
            if start >= end:
                out[k].append(Reference(start - offset, start - neg_len - offset, self.surfaces[form], form))
                end = start - neg_len
        return out

    def _any_place(self, level: str) -> str | None:
        return next((name for name, lv in self.place_levels.items() if lv == level), None)


def after_quote(text: str, at: int) -> int:
    """The offset after the closing quotation marks (if any) that start at ``at``."""
    while at < len(text) and text[at] in "”’」』":
        at += 1
    return at


def opener_start(refs: list[Reference], subject: Subject) -> int:
    return next((r.start for r in refs if r.subject == subject), -1)


def focus_place(index: ReferenceIndex, references: list[list[Reference]]) -> str | None:
    """The place the article is mostly about: the one referred to most often (first on a tie).

    A body's seat counts when no place is named on its own (临溪县松岭镇桃源村党支部).
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for weight, kind in ((2, "place"), (1, "organization")):
        for i, refs in enumerate(references):
            for r in refs:
                place = index.place_of(r) if r.subject.kind == kind else None
                if place:
                    counts[place] += weight
                    first.setdefault(place, i)
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -first[n]))
