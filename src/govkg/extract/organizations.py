"""Organizations: bodies named after a place (奈曼旗委组织部), after a bare level word standing
for the article's place (市贸易促进党工委 → <the city>贸易促进党工委), quoted teams and the outlets
of the bylines.

A body's name runs from its anchor (a place, a bare 市/县/旗, 团市委) to the last body word
(局, 党委, 服务中心 …) before a title, a function word or punctuation. Names are written in
full; the text's own forms are kept as aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govkg.extract.mentions import Span, focus_place, is_han, scan_places
from govkg.extract.rules import EntityRules
from govkg.model import Article, Evidence, Organization, Place, Sentence
from govkg.resources import Resources

# Characters that end a body's name when reading rightwards (and may precede a bare level word).
BODY_STOP_CHARS = frozenset("的在和与及或是对向把将为了被让使给等该各每这那我你他她们没不就才已曾正于到住赴至依傍见看往去入驻经跟即并还也又再其此")
_NAME_PUNCT = "“”‘’\"'·"
_LEVEL_WORDS = "省市县区旗盟州镇乡村"
_MAX_BODY = 16
_COMMON_PAIR_FREQ = 500  # 市场, 区域, 县级: a bare level word followed by this is an ordinary word
_YOUTH_LEAGUE = re.compile(r"团([省市县区旗])委")
_DEPUTY_DEPARTMENT = re.compile(r"、(组织|宣传|统战)部长")
_QUOTE_TO_DOUBLE = str.maketrans({"‘": "“", "’": "”", '"': "“"})


@dataclass
class _Draft:
    name: str
    place: str | None
    aliases: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def add(self, form: str, evidence: Evidence | None) -> None:
        for alias in (form, form.replace("“", "").replace("”", "").replace("‘", "").replace("’", "")):
            if alias != self.name and alias not in self.aliases:
                self.aliases.append(alias)
        if evidence is not None and evidence not in self.evidence:
            self.evidence.append(evidence)


def extract_organizations(article: Article, places: tuple[Place, ...], res: Resources) -> tuple[Organization, ...]:
    rules = res.entity_rules
    finder = _Finder(rules, places, res.tokenizer.FREQ, {**_team_suffixes(), "": ""})
    drafts: dict[str, _Draft] = {}
    lines: list[tuple[str, Sentence | None]] = [(article.headline, None)] if article.headline else []
    lines.extend((s.clean, s) for s in article.sentences)
    for text, sentence in lines:
        evidence = Evidence.of(article, sentence) if sentence is not None else None
        spans = scan_places(text, rules, res.tokenizer)
        for name, form, place in finder.find(text, spans):
            canonical = name.translate(_QUOTE_TO_DOUBLE)
            draft = drafts.get(canonical)
            if draft is None:
                draft = drafts[canonical] = _Draft(canonical, place)
            draft.add(form, evidence)
    for outlet in _outlets(article):
        if outlet not in drafts:
            drafts[outlet] = _Draft(outlet, _outlet_place(outlet, places))
    _merge_short_offices(drafts)
    return tuple(Organization(d.name, tuple(d.aliases), d.place, tuple(d.evidence)) for d in drafts.values())


def _team_suffixes() -> dict[str, str]:
    from govkg.resources import read_lexicon

    return {s: s for s in read_lexicon("team_suffixes")}


class _Finder:
    def __init__(self, rules: EntityRules, places: tuple[Place, ...], freq: dict[str, int], teams: dict[str, str]):
        self.rules = rules
        self.freq = freq
        self.teams = tuple(t for t in teams if t)
        self.canonical: dict[str, str] = {}
        for p in places:
            self.canonical[p.name] = p.name
            for alias in p.aliases:
                self.canonical.setdefault(alias, p.name)
        self.focus = {ch: focus_place(places, ch) for ch in _LEVEL_WORDS}
        self.top = next((self.focus[ch] for ch in "旗县区市盟州省" if self.focus[ch] is not None), None)
        from govkg.resources import read_lexicon

        self.national = tuple(sorted(read_lexicon("national_bodies"), key=len, reverse=True))

    def find(self, text: str, spans: list[Span]) -> list[tuple[str, str, str | None]]:
        """(canonical name, text form, place) of every body named in ``text``."""
        found: list[tuple[str, str, str | None]] = []
        covered = [False] * (len(text) + 1)
        for i, span in enumerate(spans):
            for k in range(span.start, span.end):
                covered[k] = True
            if i + 1 < len(spans) and spans[i + 1].chained == i:
                continue  # not the last place of a chain
            place = self.canonical.get(span.surface)
            if place is None:
                continue
            chain_start = span.start
            j = i
            while spans[j].chained is not None:
                j = spans[j].chained
                chain_start = spans[j].start
            body = self._body(text, span.end)
            if body:
                name = span.surface + body
                full = text[chain_start : span.end + len(body)]
                found.append((name, full, place))
                found.extend(self._deputy(text, span.end + len(body), name, place))
        for m in _YOUTH_LEAGUE.finditer(text):
            place = self.focus.get(m.group(1))
            if place is None or not self._bare_boundary(text, m.start()):
                continue
            head = place.name + m.group()
            found.append((head, m.group(), place.name))
            body = self._body(text, m.end())
            if body:
                found.append((head + body, m.group() + body, place.name))
        for i, ch in enumerate(text):
            if ch not in _LEVEL_WORDS or covered[i] or not self._bare_boundary(text, i):
                continue
            place = self.focus.get(ch)
            pair = text[i : i + 2]
            if place is None or (self.freq.get(pair, 0) >= _COMMON_PAIR_FREQ and pair[1:] not in ("委", "政")):
                continue
            if i > 0 and text[i - 1] == "团":
                continue
            body = self._body(text, i + 1)
            if body:
                name = place.name + body
                found.append((name, ch + body, place.name))
                found.extend(self._deputy(text, i + 1 + len(body), name, place.name))
        found.extend(self._quoted(text))
        found.extend(self._national(text))
        return found

    def _bare_boundary(self, text: str, i: int) -> bool:
        if i == 0:
            return True
        before = text[i - 1]
        if not is_han(before) and before not in _NAME_PUNCT:
            return True
        if before in BODY_STOP_CHARS or before == "个":
            return True
        return any(m.end() == i for m in self.rules.boundary.finditer(text, max(0, i - 4), i))

    def _body(self, text: str, start: int) -> str:
        """The body words after an anchor: up to the last body word before a title or a stop."""
        stop = start
        limit = min(len(text), start + _MAX_BODY)
        while stop < limit and (is_han(text[stop]) or text[stop] in _NAME_PUNCT) and text[stop] not in BODY_STOP_CHARS:
            stop += 1
        window = text[start:stop]
        for m in self.rules.titles.finditer(window):
            if not any(window.startswith(s, m.start()) and len(s) > len(m.group()) for s in self.rules.org_suffixes):
                window = window[: m.start()]
                break
        b = self.rules.boundary.search(window)
        if b is not None:
            window = window[: b.start()]
        for end in range(len(window), 0, -1):
            head = window[:end]
            suffix = next((s for s in self.rules.org_suffixes if head.endswith(s)), None)
            if suffix is None:
                continue
            nxt = text[start + end : start + end + 1]
            if len(suffix) == 1 and nxt and self.freq.get(suffix + nxt, 0) >= _COMMON_PAIR_FREQ:
                continue  # 部分, 队伍, 局面
            if head.count("“") != head.count("”") or head.count("‘") != head.count("’"):
                continue
            return head
        return ""

    def _deputy(self, text: str, end: int, name: str, place: str | None) -> list[tuple[str, str, str | None]]:
        """省委常委、组织部长: the department written into the title belongs to the committee."""
        rest = text[end:]
        title = self.rules.titles.match(rest)
        if title is None:
            return []
        m = _DEPUTY_DEPARTMENT.match(rest, title.end())
        return [(name + m.group(1) + "部", m.group(1) + "部", place)] if m else []

    def _quoted(self, text: str) -> list[tuple[str, str, str | None]]:
        out = []
        place = self.top.name if self.top else None
        for m in re.finditer(r"“([^“”]{2,14})”([\u4e00-\u9fff]{0,8})", text):
            inner, tail = m.group(1), m.group(2)
            if any(inner.endswith(t) for t in self.teams) and not tail.startswith(("等", "的")):
                out.append((inner, m.group(0)[: len(inner) + 2], place))
                continue
            for k in range(len(tail), 0, -1):
                if any(tail[:k].endswith(t) for t in self.teams):
                    out.append(("“" + inner + "”" + tail[:k], inner + tail[:k], place))
                    break
        for m in re.finditer(r"([\u4e00-\u9fff]{2,8})·([\u4e00-\u9fff]{2,8})", text):
            left, right = m.group(1), m.group(2)
            cut = max((i + 1 for i, ch in enumerate(left) if ch in BODY_STOP_CHARS), default=0)
            left = left[cut:]
            for k in range(len(right), 1, -1):
                if any(right[:k].endswith(s) for s in (*self.teams, "合作社", "公司")) and len(left) >= 2:
                    out.append((left + "·" + right[:k], left + right[:k], place))
                    break
        return out

    def _national(self, text: str) -> list[tuple[str, str, str | None]]:
        out = []
        for prefix in self.national:
            for m in re.finditer(re.escape(prefix), text):
                if not self._bare_boundary(text, m.start()):
                    continue
                body = self._body(text, m.end())
                if body and len(body) >= 2:
                    out.append((prefix + body, prefix + body, None))
        return out


def _outlets(article: Article) -> list[str]:
    names = [c.outlet for c in article.credits if c.outlet and c.role == "reporter"]
    return list(dict.fromkeys(names))


def _outlet_place(outlet: str, places: tuple[Place, ...]) -> str | None:
    for p in places:
        for form in (p.name, *p.aliases):
            if len(form) >= 2 and outlet.startswith(form):
                return p.name
    return None


def _merge_short_offices(drafts: dict[str, _Draft]) -> None:
    """茂名市委办 is the 茂名市委办公室 of the same text."""
    for name in [n for n in drafts if n.endswith("办")]:
        full = name + "公室"
        if full in drafts:
            short = drafts.pop(name)
            drafts[full].add(name, None)
            for alias in short.aliases:
                drafts[full].add(alias, None)
            drafts[full].evidence.extend(e for e in short.evidence if e not in drafts[full].evidence)
