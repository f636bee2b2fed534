"""Where a program runs, who runs it and speaks for it, and the sentences that name it.

A program is placed where the sentences that mention it say: the place named before it in
its clause with the places listed with that one (在A村、B村试点“X”), a place its name opens
with (A水库配套工程), and the sites of a pilot (以A村、B村等6个村为试点) in a sentence that
names it or in its paragraph after it. A place after 从/与/同/距 is a source or a companion,
and one inside another program's name is that one's, not a site. The place the article is
about is added too, unless the text names pilot sites (or several sites together) inside it
and no body of that place runs it, or gives the program to a larger place around it. Bodies
named before it in its clause run it, and officials named with it speak for it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from govkg.extract.references import PILOT, Reference
from govkg.model import Article, Evidence, Person

_LIST_JOINERS = ("、", "和", "与", "及", "以及")
# A place after these is a source, a destination or a comparison, not where a program runs.
_NOT_SITE_BEFORE = ("从", "距", "离", "与", "同", "跟", "向", "对", "比")
# Everything up to the last clause mark: its end is where the clause starts.
_UP_TO_CLAUSE_MARK = re.compile("(?s).*[，,。；;：:！？!?]")
_FIRST_CLAUSE_END = re.compile("[，,。；;：:！？!?]")
_FRAME_TAIL = 3  # words after the place in a frame: 在X村里, 在X社区门口


@dataclass(frozen=True)
class Scene:
    """What every program of an article is linked against, computed once per article."""

    article: Article
    texts: list[str]
    references: list[list[Reference]]
    paragraph_starts: list[bool]
    focus: str | None  # the place the article is about
    named: set[str]  # named places (parks, venues): sites wherever the sentence names them
    parents: dict[str, str | None]
    org_places: dict[str, str | None]
    people: tuple[Person, ...]
    officials: frozenset[str]
    titles: tuple[str, ...]
    joined: str  # the texts joined by line breaks (a clean text has none), to find a name in all at once
    starts: list[int]  # where each text starts in ``joined``
    levels: dict[str, str | None] = field(default_factory=dict)  # each place's level word (桃源村 → 村)
    # level words that, opening a clause alone, stand for a place of that level (社区, 街道)
    bare_levels: tuple[str, ...] = ()
    _pilots: dict[int, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def pilots(self, k: int) -> list[str]:
        """The pilot sites text ``k`` names, read once for all the article's programs."""
        if k not in self._pilots:
            self._pilots[k] = _pilot_sites(self.texts[k], self.references[k])
        return self._pilots[k]

    @cached_property
    def speakers(self) -> list[tuple[str, tuple[str, ...]]]:
        """(name, forms) of the officials among the people, who speak for the programs they are named with."""
        return [(p.name, (p.name, *p.aliases)) for p in self.people if p.name in self.officials]

    def naming(self, forms: set[str]) -> set[int]:
        """The indices of the texts that may hold one of ``forms`` (all that do, and maybe more)."""
        out = set()
        for form in forms:
            i = self.joined.find(form)
            while i >= 0:
                out.add(bisect_right(self.starts, i) - 1)
                i = self.joined.find(form, i + 1)
        return out


def joined(texts: list[str]) -> tuple[str, list[int]]:
    """The texts joined by line breaks, and where each starts in the joined text."""
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return "\n".join(texts), starts


@dataclass(frozen=True)
class Links:
    evidence: tuple[Evidence, ...]
    places: tuple[str, ...]
    organizations: tuple[str, ...]
    people: tuple[str, ...]


def link(surfaces: set[str], longer: set[str], others: set[str], scene: Scene) -> Links | None:
    """The links of the program written as ``surfaces``, or None when no sentence names it.

    ``longer`` are other programs' names with this one inside (X记录表 for X): not mentions of
    it; ``others`` are the other programs' names: a pilot in a sentence naming one is theirs.
    """
    evidence, where, orgs, persons = [], [], [], []
    in_paragraph = False
    sites: list[str] = []  # the places the text says it runs in: pilots, several sites named together
    naming = scene.naming(surfaces)
    for k, (sentence, text, refs, new) in enumerate(
        zip(scene.article.sentences, scene.texts, scene.references, scene.paragraph_starts, strict=True)
    ):
        in_paragraph = in_paragraph and not new
        at = _first_mention(text, surfaces, refs, longer) if k in naming else -1
        if at < 0:
            pilots = scene.pilots(k) if in_paragraph else []
            if pilots and not any(f in text for f in others):
                for site in pilots:
                    _add(where, site)
                    _add(sites, site)
            continue
        in_paragraph = True
        evidence.append(Evidence.of(scene.article, sentence))
        up_to_mark = _UP_TO_CLAUSE_MARK.match(text, 0, at)
        clause_start = up_to_mark.end() if up_to_mark else 0
        before = [r for r in refs if r.end <= at]
        if others and before:
            before = _outside(text, before, others)
        listed = _sites_before(text, before, clause_start, scene.named)
        if not listed and (subject := _bare_subject(text, clause_start, k, scene) or _frame(text, before)):
            listed = [subject]
            if len(evidence) == 1:
                _add(
                    sites, subject
                )  # 社区推出“X”, 在X街道，…“Y”: that one unit runs it, not the whole county
        # a place the name opens with (A水库配套工程) is where it runs
        own = [r.subject.name for r in refs if r.start == at] if len(before) < len(refs) else []
        own = [name for name in own if name in scene.levels]  # places only, not a body
        pilots = scene.pilots(k)
        for site in (*listed, *own, *pilots):
            _add(where, site)
        for site in (*pilots, *(listed if len(listed) > 1 else ())):
            _add(sites, site)
        if len(evidence) == 1:  # introduced as one unit's own (该镇推行“X”), not taken up by it later
            for site in _deictic_sites(before, clause_start, listed):
                _add(sites, site)
        for r in before:
            if (
                r.subject.kind == "organization"
                and r.start >= clause_start
                and not text[r.end :].startswith(scene.titles)
            ):
                _add(orgs, r.subject.name)
        for name, forms in scene.speakers:
            if any(f in text for f in forms):
                _add(persons, name)
    if not evidence:
        return None
    focus = scene.focus
    county_wide = any(scene.org_places.get(o) == focus for o in orgs)
    sited = bool(sites) and all(_inside(s, focus, scene.parents) for s in sites) if focus else False
    # a program the text gives to a place around the focus (某县实施X工程 in an article about one
    # of its towns) is that larger place's, not the focus's
    enclosing = focus is not None and any(w != focus and _inside(focus, w, scene.parents) for w in where)
    if focus and focus not in where and (county_wide or not sited) and not enclosing:
        where.insert(0, focus)
    return Links(tuple(evidence), tuple(where), tuple(orgs), tuple(persons))


def _first_mention(text: str, surfaces: set[str], refs: list[Reference], longer: set[str]) -> int:
    """Where the text first names the program outside a body's name (not 茶香·X工坊 for X工坊)
    or a longer program's name, or -1."""
    if not any(form in text for form in surfaces):
        return -1  # most sentences do not name it: no need to find the names it could be inside
    bodies = [(r.start, r.end) for r in refs if r.subject.kind == "organization"]
    bodies += [(i, i + len(f)) for f in longer for i in _find_all(text, f)]
    first = -1
    for form in surfaces:
        i = text.find(form)
        while i >= 0 and any(s <= i < e for s, e in bodies):
            i = text.find(form, i + 1)
        if i >= 0 and (first < 0 or i < first):
            first = i
    return first


def _outside(text: str, refs: list[Reference], others: set[str]) -> list[Reference]:
    """The references not inside another program's name (A水库 in A水库配套工程、“B”: not B's site)."""
    if all(r.subject.kind != "place" for r in refs):
        return refs
    spans = [(i, i + len(f)) for f in others if f in text for i in _find_all(text, f)]
    if not spans:
        return refs
    return [r for r in refs if not any(s <= r.start and r.end <= e for s, e in spans)]


def _find_all(text: str, form: str) -> list[int]:
    out, i = [], text.find(form)
    while i >= 0:
        out.append(i)
        i = text.find(form, i + 1)
    return out


def _add(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def _sites_before(text: str, before: list[Reference], clause_start: int, named: set[str]) -> list[str]:
    """The place named last before a mention, in its clause, with the places listed with it."""
    place_refs = [r for r in before if r.subject.kind == "place"]
    if not place_refs:
        return []
    last = place_refs[-1]
    if not (last.start >= clause_start or last.subject.name in named):
        return []
    chain = [last]
    for r in reversed(place_refs[:-1]):
        if text[r.end : chain[0].start] not in _LIST_JOINERS:
            break
        chain.insert(0, r)
    if text[: chain[0].start].endswith(_NOT_SITE_BEFORE) and last.subject.name not in named:
        return []
    return [r.subject.name for r in chain]


def _frame(text: str, before: list[Reference]) -> str | None:
    """The place of a sentence's opening frame (在X街道，…), which sets where all of it happens."""
    if not text.startswith("在"):
        return None
    comma = _FIRST_CLAUSE_END.search(text)
    if comma is None:
        return None
    inside = [r for r in before if r.subject.kind == "place" and r.end <= comma.start()]
    if inside and comma.start() - inside[-1].end <= _FRAME_TAIL:
        return inside[-1].subject.name
    return None


def _deictic_sites(before: list[Reference], clause_start: int, listed: list[str]) -> list[str]:
    """The places of ``listed`` the clause names deictically (该镇, 全村): the unit it is about."""
    return [
        r.subject.name for r in before if r.deictic and r.start >= clause_start and r.subject.name in listed
    ]


def _bare_subject(text: str, clause_start: int, k: int, scene: Scene) -> str | None:
    """The place a bare level word opening the clause stands for (社区还将推出“X” → the
    community named last before it), or None."""
    level = next((lv for lv in scene.bare_levels if text.startswith(lv, clause_start)), None)
    if level is None:
        return None
    for j in range(k, -1, -1):
        refs = scene.references[j]
        for r in reversed(refs):
            if j == k and r.end > clause_start:
                continue
            place = r.subject.name if r.subject.kind == "place" else scene.org_places.get(r.subject.name)
            if place and scene.levels.get(place) == level:
                return place
    return None


def _pilot_sites(text: str, refs: list[Reference]) -> list[str]:
    """The places a sentence names as the sites of a pilot (以A村、B村等6个村为试点; 在A村试点)."""
    out: list[str] = []
    for m in PILOT.finditer(text):
        for r in refs:
            if r.subject.kind == "place" and m.start("sites") <= r.start and r.end <= m.end("sites"):
                _add(out, r.subject.name)
    return out


def _inside(place: str, area: str, parents: dict[str, str | None]) -> bool:
    seen = set()
    while place and place not in seen:
        if place == area:
            return True
        seen.add(place)
        place = parents.get(place) or ""
    return False
