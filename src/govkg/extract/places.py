"""Places: gazetteer divisions, sub-county places and named natural or built places.

Each place gets its direct parent: from the text when it writes a chain (绍兴市柯桥区),
from the gazetteer for divisions, and otherwise from what the article is about (a
township named alone belongs to the county the article is about). The parents needed to
reach the province are emitted too, so a county named alone still sits in the hierarchy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from govkg.extract.mentions import Span, scan_places
from govkg.gazetteer import Division, Gazetteer
from govkg.model import Article, Evidence, Place, Sentence
from govkg.resources import Resources

_CAPITAL_WORDS = ("首府", "省会")


@dataclass
class _Draft:
    name: str
    level: str
    adcode: str | None = None
    parent: str | None = None
    aliases: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    mentions: int = 0

    def seen(self, surface: str, evidence: Evidence | None) -> None:
        self.mentions += 1
        if surface != self.name and surface not in self.aliases:
            self.aliases.append(surface)
        if evidence is not None and evidence not in self.evidence:
            self.evidence.append(evidence)

    def freeze(self) -> Place:
        return Place(
            self.name, tuple(self.aliases), self.adcode, self.level, self.parent, tuple(self.evidence)
        )


def extract_places(article: Article, res: Resources) -> tuple[Place, ...]:
    rules = res.entity_rules
    lines = _lines(article)
    weak: list[str] = []
    scans = [scan_places(text, rules, res.cached_tokenizer, weak=weak) for text, _ in lines]
    known = frozenset(name for name, count in Counter(weak).items() if count > 1)
    if known:  # a village named twice with a common word is a place (东关村 … 东关村)
        scans = [
            scan_places(text, rules, res.cached_tokenizer, known) if any(k in text for k in known) else spans
            for (text, _), spans in zip(lines, scans, strict=True)
        ]
    resolved = _resolve_divisions(scans, rules.gazetteer, rules.non_names)
    drafts: dict[str, _Draft] = {}
    focus = _Focus(rules.gazetteer)
    unrooted: set[str] = set()

    # most sentences name no place: evidence is made only for those that do, once each
    evidence_of = [
        Evidence.of(article, sentence) if spans and sentence is not None else None
        for spans, (_, sentence) in zip(scans, lines, strict=True)
    ]
    for spans, evidence in zip(scans, evidence_of, strict=True):
        for i, span in enumerate(spans):
            if span.kind == "gazetteer":
                division = resolved.get((id(spans), i))
                if division is None:
                    continue
                draft = _division_draft(drafts, division, rules.gazetteer)
                draft.seen(span.surface, evidence)
                focus.count(division)
    for spans, evidence in zip(scans, evidence_of, strict=True):
        for i, span in enumerate(spans):
            if span.kind == "gazetteer":
                continue
            parent = _text_parent(spans, i, resolved) or _line_parent(spans, i, resolved, focus)
            draft = drafts.get(span.surface)
            if draft is None:
                draft = drafts[span.surface] = _Draft(span.surface, span.level)
            if draft.parent is None or (parent is not None and span.chained is not None):
                draft.parent = parent or draft.parent
            draft.seen(span.surface, evidence)
            focus.count_sub(span, draft.name)
            if span.kind == "named" and span.reach == "open":
                unrooted.add(draft.name)
    for draft in drafts.values():
        if draft.parent is None and draft.adcode is None and draft.name not in unrooted:
            draft.parent = focus.parent_for(draft, drafts)
    _capital_alias(article, drafts, focus, rules.gazetteer)
    return tuple(d.freeze() for d in drafts.values())


def _lines(article: Article) -> list[tuple[str, Sentence | None]]:
    lines: list[tuple[str, Sentence | None]] = [(article.headline, None)] if article.headline else []
    lines.extend((s.clean, s) for s in article.sentences)
    return lines


def _resolve_divisions(scans: list[list[Span]], gazetteer: Gazetteer,
                       non_names: frozenset[str] = frozenset()) -> dict[tuple[int, int], Division]:
    """Pick one division for each gazetteer mention, by the article's other mentions.

    A short or ambiguous form counts only when the article supports it: the same division
    written in full, or a division that contains it or lies inside it (新华区 beside 石家庄市).
    """
    mentions = [(spans, i, s) for spans in scans for i, s in enumerate(spans) if s.kind == "gazetteer"]
    support = _Support([s.divisions[0] for _, _, s in mentions if _sure(s)], gazetteer, non_names)
    out: dict[tuple[int, int], Division] = {}
    for spans, i, span in mentions:
        prev = out.get((id(spans), span.chained)) if span.chained is not None else None
        choice = _choose(span, prev, support, gazetteer)
        if choice is not None:
            out[(id(spans), i)] = choice
    return out


class _Support:
    """How many of an article's divisions named in full support each reading of a short form.

    The divisions named in full are counted once by code, and once by each of their ancestors,
    so that a reading's support is a few look-ups rather than a pass over every mention (an
    article naming thousands of places would otherwise take seconds).
    """

    def __init__(self, sure: list[Division], gazetteer: Gazetteer, non_names: frozenset[str] = frozenset()):
        self.gazetteer = gazetteer
        self.non_names = non_names  # verbs and adverbs of the dictionary (互助, 通道)
        self.sure = sure
        self.codes: Counter[str] = Counter(d.adcode for d in sure)  # named in full, how often

    @cached_property
    def below(self) -> Counter[str]:
        """For each division, how many of the divisions named in full lie inside it."""
        return Counter(a.adcode for d in self.sure for a in self.gazetteer.ancestors(d))

    def named_in_full(self, division: Division) -> bool:
        return division.adcode in self.codes

    def of(self, candidate: Division, span: Span) -> int:
        """The mentions named in full, other than the candidate itself, that support it.

        A county's short form (古田 for 古田县) is also the stem of many townships and sights, so
        only its own prefecture supports it, not the province alone, and a short form that is a
        verb or adverb (推进互助养老) is read as the county only where the county is named in full;
        any other reading is supported by the divisions that contain it or lie inside it.
        """
        if span.form == "short" and candidate.level == "county":
            if span.surface in self.non_names or candidate.parent is None:
                return 0
            return self.codes[candidate.parent]
        above = sum(self.codes[a.adcode] for a in self.gazetteer.ancestors(candidate))
        return above + self.below[candidate.adcode]


def _sure(span: Span) -> bool:
    """One division, named in full, or a province by its short name (上海, 西藏)."""
    if len(span.divisions) != 1:
        return False
    return span.is_strong or (span.divisions[0].level == "province" and len(span.surface) >= 2)


def _choose(span: Span, prev: Division | None, support: _Support, gazetteer: Gazetteer) -> Division | None:
    if prev is not None:
        inside = [d for d in span.divisions if prev in gazetteer.ancestors(d)]
        if len(inside) == 1:
            return inside[0]
    if _sure(span):
        return span.divisions[0]
    named_in_full = [d for d in span.divisions if support.named_in_full(d)]
    if len(named_in_full) == 1:
        return named_in_full[0]
    counts = {d.adcode: support.of(d, span) for d in span.divisions}
    best = max(counts.values(), default=0)
    winners = [d for d in span.divisions if counts[d.adcode] == best]
    if best > 0 and len(winners) == 1:
        return winners[0]
    if best > 0 and span.form == "short":
        # 和田 beside 和田市: the prefecture-level reading contains the rest
        top = [d for d in winners if d.level in ("province", "prefecture")]
        return top[0] if len(top) == 1 else None
    if span.cued:
        return _cued_city(span, gazetteer)
    return None


def _cued_city(span: Span, gazetteer: Gazetteer) -> Division | None:
    """在某京经营多年, 远销某京、某海: a short name in a place context names a province or prefecture
    when every other reading lies inside it (a county of the same name inside its city)."""
    for city in (d for d in span.divisions if d.level in ("province", "prefecture")):
        if all(d is city or city in gazetteer.ancestors(d) for d in span.divisions):
            return city  # 吉林: the province, which holds the city of the same name
        capital = gazetteer.capital(gazetteer.parent(city)) if city.level == "prefecture" else None
        if capital is city and all(d.level == "county" for d in span.divisions if d is not city):
            return city  # a province's seat outweighs districts of the same name elsewhere
    return None


def _division_draft(drafts: dict[str, _Draft], division: Division, gazetteer: Gazetteer) -> _Draft:
    """The draft of a division, creating it and every ancestor up to the province."""
    draft = drafts.get(division.name)
    if draft is None:
        parent = gazetteer.parent(division)
        draft = drafts[division.name] = _Draft(
            division.name, division.level, division.adcode, parent.name if parent else None
        )
        if parent is not None:
            _division_draft(drafts, parent, gazetteer)
    elif draft.adcode is None:
        draft.adcode, draft.level = division.adcode, division.level
    return draft


def _line_parent(spans: list[Span], i: int, resolved: dict, focus: _Focus) -> str | None:
    """For a place written alone: the nearest enclosing place named before it in the same sentence.

    Natural places that span counties (山, 河) belong to the province; those that span
    provinces (流域, 沙地) get no parent.
    """
    span = spans[i]
    if span.kind == "named" and span.reach != "local":
        province = focus.province()
        return province.name if span.reach == "region" and province else None
    wanted = {"village": ("township", "county"), "township": ("county",), "named": ("township", "county")}[
        span.level
    ]
    for level in wanted:
        for j in range(i - 1, -1, -1):
            prev = spans[j]
            if prev.kind == "gazetteer":
                division = resolved.get((id(spans), j))
                if division is not None and division.level == level:
                    return division.name
            elif prev.kind == "subcounty" and prev.level == level:
                return prev.surface
    return None


def _text_parent(spans: list[Span], i: int, resolved: dict) -> str | None:
    """The parent the text writes: the mention just before in a chain."""
    span = spans[i]
    if span.chained is None:
        return None
    prev = spans[span.chained]
    if prev.kind == "gazetteer":
        division = resolved.get((id(spans), span.chained))
        return division.name if division else None
    return prev.surface


class _Focus:
    """What the article is about, level by level, counted from its mentions."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.divisions: Counter[str] = Counter()
        self.by_name: dict[str, Division] = {}
        self.townships: Counter[str] = Counter()

    def count(self, division: Division) -> None:
        self.divisions[division.name] += 1
        self.by_name[division.name] = division
        for anc in self.gazetteer.ancestors(division):
            self.by_name.setdefault(anc.name, anc)
            self.divisions[anc.name] += 1

    def count_sub(self, span: Span, name: str) -> None:
        if span.level == "township":
            self.townships[name] += 1

    def top(self, level: str) -> Division | None:
        ranked = [(n, c) for n, c in self.divisions.items() if self.by_name[n].level == level]
        return self.by_name[max(ranked, key=lambda nc: nc[1])[0]] if ranked else None

    def province(self) -> Division | None:
        return self.top("province")

    def parent_for(self, draft: _Draft, drafts: dict[str, _Draft]) -> str | None:
        if draft.level == "village" and self.townships:
            township = self.townships.most_common(1)[0][0]
            if township != draft.name:
                return township
        for level in ("county", "prefecture", "province"):
            top = self.top(level)
            if top is not None:
                return top.name
        return None


def _capital_alias(article: Article, drafts: dict[str, _Draft], focus: _Focus, gazetteer: Gazetteer) -> None:
    """首府/省会 name the seat of the province the article is about: that place, with the word as alias."""
    text = article.headline + article.text
    province = focus.province()
    if province is None:
        return
    capital = gazetteer.capital(province)
    for word in _CAPITAL_WORDS:
        if word in text and capital is not None:
            draft = _division_draft(drafts, capital, gazetteer)
            if word not in draft.aliases:
                draft.aliases.append(word)
