"""Organizations: bodies named after a place (柯桥区委组织部), after a bare level word standing
for the article's place (市人社局 → <the city>人社局), quoted teams and the outlets
of the bylines.

A body's name runs from its anchor (a place, a bare 市/县/旗, 团旗委) to the last body word
(局, 党委, 服务中心 …) before a title, a function word or punctuation. Names are written in
full; the text's own forms are kept as aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

import jieba

from govkg.extract.mentions import focus_place, is_han
from govkg.extract.rules import FREE_STOP_CHARS, EntityRules
from govkg.model import Article, Evidence, Organization, Place, Sentence
from govkg.resources import Resources

# Characters that end a body's name when reading rightwards (and may precede a bare level word).
BODY_STOP_CHARS = frozenset(
    "的在和与及或是对向把将为了被让使给等该各每这那我你他她们没不就才已曾正于到住赴至依傍见看往去入驻经跟即并还也又再其此由从"
)
_BODY_STOP_NO_AND = BODY_STOP_CHARS - {"和"}
_FIRM_STOPS = frozenset("的在和与及或是了被等")  # never inside a body's name
_STOP_WORD_FREQ = 1000
_WORKSHOP_SUFFIXES = ("工坊", "工作室", "合作社", "公司")
_NAME_PUNCT = "“”‘’\"'·"
_LEVEL_WORDS = "省市县区旗盟州"
_LOCAL_LEVEL_WORDS = ("镇", "乡", "村", "苏木", "嘎查", "街道", "社区")
_MAX_BODY = 16
_COMMON_PAIR_FREQ = 500  # 市场, 区域, 县级: a bare level word followed by this is an ordinary word
_VERB_PAIR_FREQ = 30  # 组队, 成团: a team word after a verb
_LEVEL_PAIR_FREQ = 200  # 县域, 市区
_YOUTH_LEAGUE = re.compile(r"团([省市县区旗])委")
# 某县委常委、组织部长 / 、宣传部副部长: the department written into the next title is the committee's
_DEPUTY_DEPARTMENT = re.compile(r"、(?:(组织|宣传|统战)部长|([\u4e00-\u9fff]{2,4}?)部副?部长)")
_SIBLING_BODY = re.compile(r"、(居委会|村委会|居民委员会|村民委员会|管委会)")
_PARTY_GROUPS = ("党组", "党委", "党总支", "党支部")
_ADMIN_BODY_ENDS = ("局", "厅", "院", "所", "中心", "公司", "学校", "医院")
_QUOTED = re.compile(r"“([^“”]{2,14})”([\u4e00-\u9fff]{0,8})")
_ALL_HAN = re.compile(r"[\u4e00-\u9fff]+")
_DOTTED = re.compile(r"([\u4e00-\u9fff]{2,8})·([\u4e00-\u9fff]{2,8})")
_NOT_A_DEPARTMENT = "东西南北中全内外局干各腹底顶上下"
_LECTURER_TEAM = re.compile(r"([\u4e00-\u9fff]{2,6}?)(讲师团|宣讲团)")
_COMPANY = re.compile(r"股份有限公司|有限责任公司|有限公司|集团")
_FREE_BODY = re.compile(r"股份经济合作社|专业合作社|合作社|家庭农场|纪念馆|博物馆")
# The bare level words (市, 村, 街道 …), two-character ones first.
_BARE_LEVEL_WORD = re.compile("|".join(sorted((*_LEVEL_WORDS, *_LOCAL_LEVEL_WORDS), key=len, reverse=True)))
# Where a body's name may end when read rightwards: a character that is neither a Han character nor
# name punctuation, or a stop character (with and without 和).
_BODY_END = re.compile(f"[^\u4e00-\u9fff{_NAME_PUNCT}]|[{''.join(sorted(BODY_STOP_CHARS))}]")
_BODY_END_NO_AND = re.compile(f"[^\u4e00-\u9fff{_NAME_PUNCT}]|[{''.join(sorted(_BODY_STOP_NO_AND))}]")
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


def extract_organizations(
    article: Article, places: tuple[Place, ...], res: Resources
) -> tuple[Organization, ...]:
    rules = res.entity_rules
    finder = _Finder(rules, places, res.tokenizer)
    drafts: dict[str, _Draft] = {}
    lines: list[tuple[str, Sentence | None]] = [(article.headline, None)] if article.headline else []
    lines.extend((s.clean, s) for s in article.sentences)
    for text, sentence in lines:
        found = finder.find(text)
        if not found:
            continue
        evidence = Evidence.of(article, sentence) if sentence is not None else None
        for name, form, place in found:
            canonical = _expanded(name.translate(_QUOTE_TO_DOUBLE), rules)
            draft = drafts.get(canonical)
            if draft is None:
                draft = drafts[canonical] = _Draft(canonical, place)
            draft.add(form, evidence)
    _add_parent_bodies(drafts)
    for outlet in _outlets(article):
        if outlet not in drafts:
            drafts[outlet] = _Draft(outlet, _outlet_place(outlet, places))
    _merge_short_offices(drafts)
    return tuple(Organization(d.name, tuple(d.aliases), d.place, tuple(d.evidence)) for d in drafts.values())


class _Finder:
    def __init__(self, rules: EntityRules, places: tuple[Place, ...], tokenizer: jieba.Tokenizer):
        self.rules = rules
        self.tokenizer = tokenizer
        self.freq = tokenizer.FREQ
        self.teams = rules.team_suffixes
        self.canonical: dict[str, str] = {}
        for p in places:
            self.canonical[p.name] = p.name
            for alias in p.aliases:
                self.canonical.setdefault(alias, p.name)
        # An article names a handful of places: a str.find per form is cheaper than building a regex.
        self.place_forms = tuple(f for f in self.canonical if len(f) >= 2)
        self.places = places
        self.by_name = {p.name: p for p in places}
        self._focus: dict[str, Place | None] = {}
        # Level words that can stand for a place of this article (one of its names ends with it):
        # the others are skipped at once. Level words have one or two characters.
        endings = {p.name[-1:] for p in places} | {p.name[-2:] for p in places}
        self.live_words = {word for word in (*_LEVEL_WORDS, *_LOCAL_LEVEL_WORDS) if word in endings}
        self.suffix_ends = _last_chars(rules.org_suffixes)

    def focus(self, level_word: str) -> Place | None:
        """The article's place a bare level word stands for, computed when first needed (the
        ranking looks at all the article's places)."""
        if level_word not in self._focus:
            if level_word in _LOCAL_LEVEL_WORDS:  # 村党支部, 嘎查党支部: only when the article has one such place
                same = [
                    p
                    for p in self.places
                    if p.name.endswith(level_word) and p.level in ("township", "village")
                ]
                self._focus[level_word] = same[0] if len(same) == 1 else None
            else:
                self._focus[level_word] = focus_place(self.places, level_word)
        return self._focus[level_word]

    @cached_property
    def top_name(self) -> str | None:
        """The article's place of the lowest level, for bodies named without one (quoted teams, firms)."""
        top = next((p for ch in "旗县区市盟州省" if (p := self.focus(ch)) is not None), None)
        return top.name if top else None

    def place_spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, form) of the article's place forms in ``text``: leftmost, then longest,
        not overlapping."""
        hits = []
        for form in self.place_forms:
            i = text.find(form)
            while i >= 0:
                hits.append((i, -len(form), form))
                i = text.find(form, i + 1)
        if not hits:
            return []
        hits.sort()
        spans, end = [], 0
        for start, minus_length, form in hits:
            if start >= end:
                end = start - minus_length
                spans.append((start, end, form))
        return spans

    def find(self, text: str) -> list[tuple[str, str, str | None]]:
        """(canonical name, text form, place) of every body named in ``text``."""
        spans = self.place_spans(text)
        covered = [False] * (len(text) + 1)
        for start, end, _ in spans:
            covered[start:end] = [True] * (end - start)
        # A name read up to a body word (局, 党委 …) needs one in the text. About half the sentences
        # have none: only the youth leagues, quoted teams and firms are left to look for in those.
        body_words = self.rules.org_suffix_pattern.search(text) is not None
        found = self._after_places(text, spans) if body_words else []
        found.extend(self._youth_leagues(text))
        if body_words:
            found.extend(self._after_level_words(text, spans, covered))
        found.extend(self._quoted(text))
        found.extend(self._lecturer_teams(text, covered))
        found.extend(self._companies(text, found))
        if body_words:
            found.extend(self._national(text))
        return found

    def _after_places(self, text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str, str | None]]:
        """Bodies named after a place (柯桥区委组织部), written from the first place of a chain."""
        found: list[tuple[str, str, str | None]] = []
        chain_start = 0
        for i, (start, end, surface) in enumerate(spans):
            if i == 0 or spans[i - 1][1] != start:
                chain_start = start
            if i + 1 < len(spans) and spans[i + 1][0] == end:
                continue  # not the last place of a chain (绍兴市|柯桥区|…)
            place = self.canonical[surface]
            nxt = text[end : end + 1]
            if nxt not in "委政党团" and self.freq.get(surface[-1] + nxt, 0) >= _LEVEL_PAIR_FREQ:
                continue  # 某县域, 某市区: the level word starts an ordinary word
            body = self._body(text, end)
            if body:
                name = surface + body
                full = text[chain_start : end + len(body)]
                found.append((name, full, place))
                found.extend(self._deputy(text, end + len(body), name, place))
        return found

    def _youth_leagues(self, text: str) -> list[tuple[str, str, str | None]]:
        """团 + a level word + 委 (and its departments) stands for the league committee of the article's place."""
        found: list[tuple[str, str, str | None]] = []
        for m in _YOUTH_LEAGUE.finditer(text):
            place = self.focus(m.group(1))
            if place is None or not self._bare_boundary(text, m.start()):
                continue
            head = place.name + m.group()
            found.append((head, m.group(), place.name))
            body = self._body(text, m.end())
            if body:
                found.append((head + body, m.group() + body, place.name))
        return found

    def _after_level_words(
        self, text: str, spans: list[tuple[int, int, str]], covered: list[bool]
    ) -> list[tuple[str, str, str | None]]:
        """Bodies named after a bare level word standing for the article's place (市人社局)."""
        found: list[tuple[str, str, str | None]] = []
        for m in _BARE_LEVEL_WORD.finditer(text):
            i, ch = m.start(), m.group()
            if covered[i] or ch not in self.live_words:
                continue  # inside a place's name, or no place of the article for it to stand for
            after = m.end()
            local = ch in _LOCAL_LEVEL_WORDS
            pair = text[i : after + 1]
            if len(ch) == 1 and self.freq.get(pair, 0) >= _COMMON_PAIR_FREQ and pair[1:] not in ("委", "政"):
                continue  # 市场, 区域: an ordinary word
            if (i > 0 and text[i - 1] == "团") or (local and not self._local_body(text, after)):
                continue  # 由村委会 is any village's; 村党支部, 村委会主任 are the article's only village's
            if not self._bare_boundary(text, i):
                continue
            place = self._nearest(text, spans, i, ch) if local else None
            place = place or self.focus(ch)
            if place is None and local and self._titled_body(text, after):
                place = self._nearest(text, spans, i, ch, adjacent=False)  # 某镇…，镇党委书记某某
            if place is None:
                continue
            body = self._body(text, after)
            if body:
                name = _written_prefix(place, ch) + body
                found.append((name, ch + body, place.name))
                found.extend(self._deputy(text, after + len(body), name, place.name))
        return found

    def _nearest(
        self, text: str, spans: list[tuple[int, int, str]], i: int, level_word: str, adjacent: bool = True
    ) -> Place | None:
        """在某村，村党支部书记…: a bare 村 stands for the village named just before it, across a comma
        (or, when not ``adjacent``, anywhere before it in the sentence)."""
        before = [
            (end, form) for _, end, form in spans if end <= i and self.canonical[form].endswith(level_word)
        ]
        if not before:
            return None
        end, form = before[-1]
        if adjacent and (i - end > 1 or text[end:i] not in ("", "，", "、")):
            return None
        return self.by_name.get(self.canonical[form])

    def _titled_body(self, text: str, after: int) -> bool:
        """A body followed by a title (党委书记): the post of a person about to be named."""
        body = self._body(text, after)
        return bool(body) and self.rules.titles.match(text, after + len(body)) is not None

    def _local_body(self, text: str, after: int) -> bool:
        """After a bare 村 or 镇: a party body, or a committee whose post is named (村委会主任)."""
        if text.startswith("党", after):
            return True
        return text.startswith("委会", after) and self.rules.titles.match(text, after + 2) is not None

    def _bare_boundary(self, text: str, i: int) -> bool:
        if i == 0:
            return True
        before = text[i - 1]
        if not is_han(before) and before not in _NAME_PUNCT:
            return True
        if before in BODY_STOP_CHARS:
            return True
        if before == "个":
            return i > 1 and text[i - 2] in "1一"  # 1个旗…工委 is the one body; 25个村支部 are many
        return any(m.end() == i for m in self.rules.boundary.finditer(text, max(0, i - 4), i))

    def _body(self, text: str, start: int) -> str:
        """The body words after an anchor: up to the last body word before a title or a stop.

        和 ends the name unless nothing before it is a body (人力资源和社会保障局).
        """
        body, stop = self._body_until(text, start, _BODY_END)
        if body or text[stop : stop + 1] != "和" or stop == start:
            return body  # read without stopping at 和, the words would be the same; no name starts with 和
        return self._body_until(text, start, _BODY_END_NO_AND)[0]

    def _body_until(self, text: str, start: int, name_end: re.Pattern[str]) -> tuple[str, int]:
        """The body words from ``start`` and where the reading stopped: at a character that is no
        Han character or name punctuation, or at a stop character that begins no common word."""
        limit = min(len(text), start + _MAX_BODY)
        stop = start
        while (mark := name_end.search(text, stop, limit)) is not None:
            stop = mark.start()
            if not (is_han(text[stop]) and self._starts_word(text, stop)):
                break
            stop += 1  # 住房, 经济: the stop character begins a word that goes on into the name
        else:
            stop = limit
        if stop == start:
            return "", stop
        window = text[start:stop]
        for m in self.rules.titles.finditer(window):
            suffix = self.rules.org_suffix_pattern.match(window, m.start())
            if suffix is None or suffix.end() <= m.end():  # 党委 ends the name, 党委办公室 goes on
                window = window[: m.start()]
                break
        for b in self.rules.boundary.finditer(window):
            if not window.startswith(self.rules.org_suffixes, b.start()):
                window = window[: b.start()]  # 联合党委 is a body's word, 联合 alone ends the name
                break
        for end in range(len(window), 0, -1):
            if window[end - 1] not in self.suffix_ends:
                continue  # no body word ends here
            head = window[:end]
            suffix = self.rules.org_suffix_of(head)
            if suffix is None:
                continue
            nxt = text[start + end : start + end + 1]
            if nxt and self.freq.get(suffix[-1] + nxt, 0) >= _COMMON_PAIR_FREQ:
                continue  # 部分, 队伍, 局面, 党组织
            if len(suffix) == 1 and end >= 2 and self._verb_ending(head):
                continue  # 组队, 成团: a verb, not a body word
            if not _quotes_balanced(head):
                continue
            if len(head) == 2 and head[1] == "部" and head[0] in _NOT_A_DEPARTMENT:
                continue  # 西部, 全部, 干部: a direction or people, not a department
            return head, stop
        return "", stop

    def _starts_word(self, text: str, i: int) -> bool:
        """住房, 经济, 对外: a stop character that begins a common word goes on into a body's name."""
        return text[i] not in _FIRM_STOPS and self.freq.get(text[i : i + 2], 0) >= _STOP_WORD_FREQ

    def _verb_ending(self, head: str) -> bool:
        pair = head[-2:]
        if pair[-1] not in "队团" or pair in self.rules.org_suffix_set or pair[0] in _LEVEL_WORDS:
            return False
        return self.freq.get(pair, 0) >= _VERB_PAIR_FREQ

    def _deputy(self, text: str, end: int, name: str, place: str | None) -> list[tuple[str, str, str | None]]:
        """常委、组织部长: the department written into the title belongs to the committee;
        社区党委书记、居委会主任: a committee named next to the party body is the same place's."""
        rest = text[end:]
        title = self.rules.titles.match(rest)
        if title is None:
            return []
        sibling = _SIBLING_BODY.match(rest, title.end())
        if sibling is not None and place is not None and self.rules.titles.match(rest, sibling.end()):
            return [(place + sibling.group(1), sibling.group(1), place)]
        m = _DEPUTY_DEPARTMENT.match(rest, title.end())
        if m is None:
            return []
        department = (m.group(1) or m.group(2)) + "部"
        return [(name + department, department, place)]

    def _quoted(self, text: str) -> list[tuple[str, str, str | None]]:
        out: list[tuple[str, str, str | None]] = []
        if "“" not in text and "·" not in text:
            return out
        for m in _QUOTED.finditer(text):
            inner, tail = m.group(1), m.group(2)
            if not _ALL_HAN.fullmatch(inner):
                continue  # “8+N”: a formula, not a name
            if len(inner) >= 4 and inner.endswith(self.teams):
                out.append((inner, m.group(0)[: len(inner) + 2], self.top_name))
                continue
            # the longest head of the words after it that ends with a team word (“X”志愿服务队)
            k = max((tail.rfind(team) + len(team) for team in self.teams if team in tail), default=0)
            if k:
                out.append(("“" + inner + "”" + tail[:k], inner + tail[:k], self.top_name))
        if "·" not in text:
            return out
        place = self.top_name
        for m in _DOTTED.finditer(text):
            left, right = m.group(1), m.group(2)
            cut = max((i + 1 for i, ch in enumerate(left) if ch in BODY_STOP_CHARS), default=0)
            left = left[cut:]
            for k in range(len(right), 1, -1):
                if any(right[:k].endswith(s) for s in _WORKSHOP_SUFFIXES) and len(left) >= 2:
                    out.append((left + "·" + right[:k], left + right[:k], place))
                    break
        return out

    def _lecturer_teams(self, text: str, covered: list[bool]) -> list[tuple[str, str, str | None]]:
        """A lecturer team (某某讲师团) written alone is the article's place's (one per county): named in full."""
        out: list[tuple[str, str, str | None]] = []
        if "讲师团" not in text and "宣讲团" not in text:
            return out  # the pattern is slow to fail on every character of a long sentence
        for m in _LECTURER_TEAM.finditer(text):
            start = m.start(1)
            cut = max((k + 1 for k in range(start, m.start(2)) if text[k] in BODY_STOP_CHARS), default=start)
            boundaries = list(self.rules.boundary.finditer(text, start, m.start(2)))
            start = max(cut, boundaries[-1].end() if boundaries else start)
            stem = text[start : m.start(2)]
            if len(stem) < 2 or covered[start - 1 if start else 0] or text[start - 1 : start] in "“‘":
                continue
            form = stem + m.group(2)
            out.append(((self.top_name or "") + form, form, self.top_name))
        return out

    def _companies(self, text: str, found: list) -> list[tuple[str, str, str | None]]:
        """X有限公司, X集团: the words before the company word up to a verb or a function word;
        X专业合作社, X纪念馆 likewise when a word of the name is no common word (not 农民专业合作社)."""
        out = []
        for m in (*_COMPANY.finditer(text), *_FREE_BODY.finditer(text)):
            if any(form.endswith(m.group()) and text.find(form) >= 0 for _, form, _ in found):
                continue  # already named after its place
            start = m.start()
            while (
                start > max(0, m.start() - _MAX_BODY)
                and is_han(text[start - 1])
                and text[start - 1] not in BODY_STOP_CHARS
            ):
                start -= 1
            boundaries = list(self.rules.boundary.finditer(text, start, m.start()))
            if boundaries:
                start = boundaries[-1].end()
            if m.start() - start < 2:
                continue  # no room for a name: no need to segment
            keep = m.start()
            for token in reversed(self.tokenizer.lcut(text[start : m.start()])):
                if token in self.rules.non_names or (m.re is _FREE_BODY and token in FREE_STOP_CHARS):
                    break  # 成立|某公司; 全村有|家庭农场
                keep -= len(token)
            if m.start() - keep < 2:
                continue
            if m.re is _FREE_BODY and all(
                t in self.rules.generic_words for t in self.tokenizer.lcut(text[keep : m.start()])
            ):
                continue
            name = text[keep : m.end()]
            out.append((name, name, self.top_name))
        return out

    def _national(self, text: str) -> list[tuple[str, str, str | None]]:
        out = []
        for m in self.rules.national_pattern.finditer(text):
            if not self._bare_boundary(text, m.start()):
                continue
            body = self._body(text, m.end())
            if body and len(body) >= 2:
                out.append((m.group() + body, m.group() + body, None))
        return out


@cache
def _last_chars(words: tuple[str, ...]) -> frozenset[str]:
    """The characters ``words`` end with: a quick test before looking for a word ending at a place."""
    return frozenset(w[-1] for w in words if w)


def _written_prefix(place: Place, level_word: str) -> str:
    """The form a bare level word expands to: 某某州 as the text writes it rather than the full
    autonomous-prefecture name, the canonical name otherwise."""
    written = [a for a in place.aliases if a.endswith(level_word) and len(a) > len(level_word) + 1]
    return min(written, key=len) if written else place.name


def _expanded(name: str, rules: EntityRules) -> str:
    """A name ending in a standard short form written in full (某省农科院 → 某省农业科学院)."""
    for short, full in rules.org_abbreviations.items():
        if name.endswith(short):
            return name[: -len(short)] + full
    return name


def _quotes_balanced(text: str) -> bool:
    """Every quotation mark opened is closed, in order (not 泾源”“融媒体中心)."""
    depth = 0
    for ch in text:
        depth += {"“": 1, "‘": 1, "”": -1, "’": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def _outlets(article: Article) -> list[str]:
    names = [c.outlet for c in article.credits if c.outlet and c.role == "reporter"]
    return list(dict.fromkeys(names))


def _outlet_place(outlet: str, places: tuple[Place, ...]) -> str | None:
    """The place an outlet is named after (绍兴日报 → 绍兴市)."""
    for p in places:
        for form in (p.name, p.name[:-1], *p.aliases):
            if len(form) >= 2 and outlet.startswith(form):
                return p.name
    return None


def _add_parent_bodies(drafts: dict[str, _Draft]) -> None:
    """某县农业农村局党组 names 某县农业农村局 too: the body whose party group it is."""
    for draft in list(drafts.values()):
        for party in _PARTY_GROUPS:
            parent = draft.name[: -len(party)]
            if draft.name.endswith(party) and parent.endswith(_ADMIN_BODY_ENDS) and parent not in drafts:
                drafts[parent] = _Draft(parent, draft.place, evidence=list(draft.evidence))
                break


def _merge_short_offices(drafts: dict[str, _Draft]) -> None:
    """柯桥区委办 is the 柯桥区委办公室 of the same text."""
    for name in [n for n in drafts if n.endswith("办")]:
        full = name + "公室"
        if full in drafts:
            short = drafts.pop(name)
            drafts[full].add(name, None)
            for alias in short.aliases:
                drafts[full].add(alias, None)
            drafts[full].evidence.extend(e for e in short.evidence if e not in drafts[full].evidence)
