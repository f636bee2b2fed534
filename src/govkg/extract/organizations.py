"""Organizations: bodies named after a place (柯桥区委组织部), after a bare level word standing
for the article's place (市民政局 → <the city>民政局), quoted teams and businesses, firms, the
governments whose heads are named (镇长某某 → <the town>人民政府) and the outlets of the bylines
and source lines.

A body's name runs from its anchor (a place, a bare 市/县/旗, 团旗委) to the last body word
(局, 党委, 服务中心 …) before a title, a function word or punctuation. Names are written in
full (市住建局 → <the city>住房和城乡建设局); the text's own forms are kept as aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

import jieba

from govkg.extract.mentions import focus_place, is_han
from govkg.extract.rules import FREE_STOP_CHARS, EntityRules
from govkg.extract.trie import occurrences
from govkg.model import Article, Evidence, Organization, Place, Sentence
from govkg.resources import Resources, read_lexicon

# Characters that end a body's name when reading rightwards (and may precede a bare level word).
BODY_STOP_CHARS = frozenset(
    "的在和与及或是对向把将为了被让使给等该各每这那我你他她们没不就才已曾正于到住赴至依傍见看往去入驻经跟即并还也又再其此由从"
)
_BODY_STOP_NO_AND = BODY_STOP_CHARS - {"和"}
# Prepositions that may stand before a bare level word though they go on inside names (大数据局):
# 据区民政局介绍, 受县委委托.
_LEAD_INS = frozenset("据受")
_DISTRIBUTIVE = frozenset("各每")  # 各镇党委: the bodies of every place of a level
_FIRM_STOPS = frozenset("的在和与及或是了被等")  # never inside a body's name
_STOP_WORD_FREQ = 1000
_WORKSHOP_SUFFIXES = ("工坊", "工作室", "合作社", "公司")
_NAME_PUNCT = "“”‘’\"'·"
_LEVEL_WORDS = "省市县区旗盟州"
_LOCAL_LEVEL_WORDS = ("镇", "乡", "村", "苏木", "嘎查", "街道", "社区")
_MAX_BODY = 16
_COMMON_PAIR_FREQ = 500  # 市场, 区域, 县级: a bare level word followed by this is an ordinary word
_VERB_PAIR_FREQ = 30  # 组队, 成团: a team word after a verb
_VERB_OFFICE_FREQ = 10  # 领办, 协办: a verb ending in 办 (网信办's 信办 is no word)
_LEVEL_PAIR_FREQ = 200  # 县域, 市区
_YOUTH_LEAGUE = re.compile(r"团([省市县区旗])委")
# 某县委常委、组织部长 / 、宣传部副部长: the department written into the next title is the committee's
_DEPUTY_DEPARTMENT = re.compile(r"、(?:(组织|宣传|统战)部长|([\u4e00-\u9fff]{2,4}?)部副?部长)")
_SIBLING_BODY = re.compile(r"、(居委会|村委会|居民委员会|村民委员会|管委会)")
# The head of a government (镇长, 副县长, 常务副市长, 代区长): the post names the place's 人民政府.
_GOVERNMENT_HEAD = re.compile(r"(?:常务副|副|代)?([省市县区旗盟州镇乡])长")
# Section words (督查室, 人才科, 人事股): the section of the body named before them.
_SECTION_WORDS = frozenset("室科股")
_PARTY_GROUPS = ("党组", "党委", "党总支", "党支部")
_ADMIN_BODY_ENDS = ("局", "厅", "院", "所", "中心", "公司", "学校", "医院")
_QUOTED = re.compile(r"“([^“”]{2,14})”([\u4e00-\u9fff]{0,8})")
_ALL_HAN = re.compile(r"[\u4e00-\u9fff]+")
_DOTTED = re.compile(r"([\u4e00-\u9fff]{2,8})·([\u4e00-\u9fff]{2,8})")
_NOT_A_DEPARTMENT = "东西南北中全内外局干各腹底顶上下"
_LECTURER_TEAM = re.compile(r"([\u4e00-\u9fff]{2,6}?)(讲师团|宣讲团)")
_COMPANY = re.compile(r"股份有限公司|有限责任公司|有限公司|集团")
_FREE_BODY = re.compile(r"股份经济合作社|专业合作社|合作社|家庭农场|纪念馆|博物馆|联合体")
# Kind words that many bodies of a kind share (农业产业化联合体): a name needs a word of its own,
# a place's name or one that no dictionary lists (a firm's name).
_PROPER_ONLY = ("联合体",)
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
    governments: dict[str, list[Evidence]] = {}
    for text, sentence in lines:
        governed = finder.governed(text) if "长" in text else ()
        found = finder.find(text)
        if not found and not governed:
            continue
        evidence = Evidence.of(article, sentence) if sentence is not None else None
        for place in governed:
            governments.setdefault(place, [])
            if evidence is not None:
                governments[place].append(evidence)
        for name, form, place in found:
            if name.endswith(_facilities()):
                continue  # 某社区党群服务中心: a facility, not a body
            canonical = _expanded(name.translate(_QUOTE_TO_DOUBLE), rules)
            draft = drafts.get(canonical)
            if draft is None:
                draft = drafts[canonical] = _Draft(canonical, place)
            draft.add(form, evidence)
    _add_parent_bodies(drafts)
    for place, evidence in governments.items():
        _add_government(drafts, place, evidence)
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
        self.short_forms = tuple(rules.org_abbreviations)
        self._bodies: dict[tuple[str, int], str] = {}

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
        hits = occurrences(text, self.place_forms)
        if not hits:
            return []
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

    def governed(self, text: str) -> list[str]:
        """The places whose government a head's post names: 某镇镇长, 某镇党委副书记、镇长 and a bare
        副县长 before a name (the article's county)."""
        out: list[str] = []
        spans = None
        for m in _GOVERNMENT_HEAD.finditer(text):
            if not self._surname_at(text, m.end()):
                continue  # 市长热线, 县长信箱: no person holds the post here
            if spans is None:
                spans = self.place_spans(text)
            if any(start <= m.start(1) < end for start, end, _ in spans):
                continue  # 某市长溪县: the level word ends a place's name
            before = [(end, self.canonical[f]) for _, end, f in spans if end <= m.start()]
            adjacent = before and before[-1][0] == m.start()
            if not (adjacent or self._bare_boundary(text, m.start()) or text[m.start() - 1] == "、"):
                continue  # 家乡长大, 城市长效: no post
            level = m.group(1)
            place = next((name for _, name in reversed(before) if name.endswith(level)), None)
            place = place or (found.name if (found := self.focus(level)) is not None else None)
            if place is not None and place not in out:
                out.append(place)
        return out

    def _surname_at(self, text: str, i: int) -> bool:
        return text[i : i + 1] in self.rules.surnames or text[i : i + 2] in self.rules.compound_surnames

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
            if (
                nxt not in "委政党团"
                and self.freq.get(surface[-1] + nxt, 0) >= _LEVEL_PAIR_FREQ
                and not self._word_body(text, end)
            ):
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
            if (
                len(ch) == 1
                and self.freq.get(pair, 0) >= _COMMON_PAIR_FREQ
                and pair[1:] not in ("委", "政")
                and not self._word_body(text, after)
            ):
                continue  # 市场, 区域: an ordinary word
            if i > 0 and (text[i - 1] == "团" or text[i - 1] in _DISTRIBUTIVE):
                continue  # 团X委 is read elsewhere; 各镇党委, 每村党支部: every such place's body, not one
            if (local and not self._local_body(text, after)) or not self._bare_boundary(text, i):
                continue  # 由村委会 is any village's; 村党支部, 村委会主任 are the article's only village's
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

    def _word_body(self, text: str, start: int) -> bool:
        """市民政局, 区民政局: after a level word that reads as a common word with the next character
        (市民), a body whose first two characters are a common word (民政) names the body of the place."""
        if self.freq.get(text[start : start + 2], 0) < _STOP_WORD_FREQ:
            return False  # 市场监管局, 市区教育局: no word of a body's name starts after the level word
        return len(self._body(text, start)) >= 3

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
        """After a bare 村 or 镇: a party body, the government, or a body whose post is named
        (村委会主任, 镇司法所所长)."""
        if text.startswith(("党", "政府", "人民政府"), after):
            return True
        if text.startswith("委会", after):
            return self.rules.titles.match(text, after + 2) is not None
        if self.rules.titles.search(text, after, after + _MAX_BODY + 4) is None:
            return False  # no post named after it: no need to read the body
        return self._titled_body(text, after)

    def _bare_boundary(self, text: str, i: int) -> bool:
        if i == 0:
            return True
        before = text[i - 1]
        if not is_han(before) and before not in _NAME_PUNCT:
            return True
        if before in BODY_STOP_CHARS or before in _LEAD_INS:
            return True
        if before == "个":
            return i > 1 and text[i - 2] in "1一"  # 1个旗…工委 is the one body; 25个村支部 are many
        return any(m.end() == i for m in self.rules.boundary.finditer(text, max(0, i - 4), i))

    def _body(self, text: str, start: int) -> str:
        """The body words after an anchor: up to the last body word before a title or a stop
        (read once per anchor: a bare level word asks for them up to three times)."""
        key = (text, start)
        body = self._bodies.get(key)
        if body is None:
            body = self._bodies[key] = self._read_body(text, start)
        return body

    def _read_body(self, text: str, start: int) -> str:
        """和 ends the name unless nothing before it is a body (人力资源和社会保障局)."""
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
            goes_on = self._starts_word(text, stop) or self._ends_word(text, start, stop)
            if not (is_han(text[stop]) and goes_on):
                break
            stop += 1  # 住房, 经济, 人才: the stop character is inside a word that goes on into the name
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
            if suffix in _SECTION_WORDS and not self._section(head):
                continue  # 会议室, 学科: a room or a noun, not a body's section
            if suffix == "办" and self._verb_office(head):
                continue  # 领办, 主办: a verb, not an office
            if not _quotes_balanced(head):
                continue
            if suffix == "部" and end >= 2 and head[-2] in _NOT_A_DEPARTMENT:
                continue  # 西部, 全部, 干部: a direction or people, not a department
            return head, stop
        return "", stop

    def _ends_word(self, text: str, start: int, i: int) -> bool:
        """人才: a stop character that ends a common word begun inside the name goes on too (not
        已经: a word of two stop characters is no part of a name)."""
        if i <= start or text[i] in _FIRM_STOPS or text[i - 1] in BODY_STOP_CHARS:
            return False
        return self.freq.get(text[i - 1 : i + 1], 0) >= _STOP_WORD_FREQ

    def _section(self, head: str) -> bool:
        """县委督查室, 组织部人才科: a section is a body, a word of its own and the section word."""
        tokens = self.tokenizer.lcut(head)
        if len(tokens) < 2 or tokens[-1] != head[-1] or len(tokens[-2]) < 2:
            return False
        return self.rules.org_suffix_of(head[: -1 - len(tokens[-2])]) is not None

    def _verb_office(self, head: str) -> bool:
        """村党组织领办, 宣传部主办: 办 ends a two-character verb, where an office's 办 stands alone
        (县委办, 乡村振兴办) or ends its own short name (网信办)."""
        verb = head[-2:]
        if verb[0] in "委府" or self.freq.get(verb, 0) < _VERB_OFFICE_FREQ:
            return False  # 委办, 府办: the committee's, the government's office
        return self.tokenizer.lcut(head)[-1] == verb

    def _starts_word(self, text: str, i: int) -> bool:
        """住房, 经济, 对外: a stop character that begins a common word goes on into a body's name,
        and so does one that begins a standard short form (住建局)."""
        if text[i] in _FIRM_STOPS:
            return False
        return self.freq.get(text[i : i + 2], 0) >= _STOP_WORD_FREQ or text.startswith(self.short_forms, i)

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
            if tail.startswith(_business_kinds()):
                out.append((inner, inner, self.top_name))  # “某某小院”民宿: the homestay's name
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
            if m.re is _FREE_BODY and not self._free_name(text[keep : m.start()], m.group()):
                continue
            name = text[keep : m.end()]
            out.append((name, name, self.top_name))
        return out

    def _free_name(self, stem: str, kind: str) -> bool:
        """Whether the words before a free body's kind word name one body: one of them is no
        common word (not 农民专业合作社), and for a kind many bodies share, a place's name or a
        word no dictionary lists."""
        tokens = self.tokenizer.lcut(stem)
        if kind in _PROPER_ONLY:
            return any(self.freq.get(t, 0) == 0 or t in self.rules.place_words for t in tokens)
        return not all(t in self.rules.generic_words for t in tokens)

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
def _facilities() -> tuple[str, ...]:
    """Kind words of facilities that read like bodies (党群服务中心)."""
    return read_lexicon("org_facilities")


@cache
def _business_kinds() -> tuple[str, ...]:
    """Kind words of a business after its quoted name (民宿, 农家乐)."""
    return read_lexicon("org_business_kinds")


@cache
def _lengths(words: tuple[str, ...]) -> tuple[int, ...]:
    """The lengths of ``words``, longest first."""
    return tuple(sorted({len(w) for w in words}, reverse=True))


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
    for length in _lengths(tuple(rules.org_abbreviations)):
        full = rules.org_abbreviations.get(name[-length:])
        if full is not None:
            return name[:-length] + full
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
    """The outlets of the reporters and the one a source line names (来源：某某日报)."""
    names = [c.outlet for c in article.credits if c.outlet and c.role == "reporter"]
    if article.source and not article.source.startswith("本"):
        names.append(article.source)
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


def _add_government(drafts: dict[str, _Draft], place: str, evidence: list[Evidence]) -> None:
    """A head's post names the place's government: the one the text writes (某县政府) or, when the
    text names none, 某县人民政府 with its short form as an alias."""
    short, full = place + "政府", place + "人民政府"
    draft = drafts.get(short) or drafts.get(full)
    if draft is None:
        draft = drafts[full] = _Draft(full, place)
        draft.add(short, None)
    draft.evidence.extend(e for e in evidence if e not in draft.evidence)


def _merge_short_offices(drafts: dict[str, _Draft]) -> None:
    """柯桥区委办 is the 柯桥区委办公室 of the same text; 某村委会 (a bare 村委会 written after the
    village's name) is the 某村村委会 of the same text."""
    for name in list(drafts):
        if name.endswith("办"):
            _merge(drafts, name, name + "公室")
        elif name.endswith(("村村委会", "村村委")):
            _merge(drafts, name, name.replace("村村委", "村委"))


def _merge(drafts: dict[str, _Draft], name: str, into: str) -> None:
    """Fold the draft ``name`` into the draft ``into`` when the text names both."""
    if name not in drafts or into not in drafts:
        return
    short = drafts.pop(name)
    drafts[into].add(name, None)
    for alias in short.aliases:
        drafts[into].add(alias, None)
    drafts[into].evidence.extend(e for e in short.evidence if e not in drafts[into].evidence)
