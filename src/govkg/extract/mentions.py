"""Finding place mentions in one line of text, shared by the place and body extractors.

Three kinds of mention: a gazetteer form (绍兴市, 杭州), a name ending in a sub-county
level word (华舍街道, 下洋坑村) and a name ending in a natural or built place word
(库布其沙漠, 鉴湖公园). A mention written right after another (绍兴市柯桥区华舍街道)
is *chained* to it: the earlier one is its parent as the text gives it.
"""

from __future__ import annotations

from dataclasses import dataclass

import jieba

from govkg.extract.rules import FREE_STOP_CHARS, EntityRules
from govkg.gazetteer import Division
from govkg.model import Place

_MAX_CHAINED_STEM = 8
_MAX_FREE_STEM = 8
_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "township": 3, "village": 4, "named": 5}
# A word this common in jieba's dictionary is not part of a name written alone (文化广场, 青年返乡).
_COMMON_TOKEN_FREQ = 500
_ROAD_WORDS = ("路", "街", "大道")
_WATER_AND_HILLS = "河江湖海山"
_NOT_IN_STEMS = "委办县省"
_COMMON_NAMED_STEM_FREQ = 300
# A level word followed by one of these is part of a common word, not a name's end (乡村, 村民).
_CONTINUATIONS = {
    "乡": "村镇亲土贤风愁情音野里间下邻友长",
    "镇": "村街里上长",
    "村": "民庄落容貌务规级干集社镇里",
    "社区": "",
    "街道": "办",
}
# After a one-character natural place word (山, 河) the phrase must end: 会稽山，
_PHRASE_END = set("，。、；：！？”’）)」』,;:!? 的等和与及畔沿")
# Common words are not names when they stand alone before a level word (深挖村, 立足镇).
_COMMON_WORD_FREQ = 20


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    surface: str
    kind: str  # "gazetteer" | "subcounty" | "named"
    level: str  # province | prefecture | county | township | village | named
    divisions: tuple[Division, ...] = ()  # gazetteer candidates
    form: str = "full"  # for gazetteer mentions: full | abbr | short
    chained: int | None = None  # index of the mention written just before, in the same list
    reach: str = ""  # for named places: local | region | open

    @property
    def is_strong(self) -> bool:
        """A form that names a division by itself (not a short form or a two-character name)."""
        return self.kind != "gazetteer" or (self.form != "short" and len(self.surface) > 2)


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def scan_places(text: str, rules: EntityRules, tokenizer: jieba.Tokenizer) -> list[Span]:
    """Every place mention in ``text``, left to right, with chains filled in."""
    gaz = [
        Span(start, end, text[start:end], "gazetteer", *_gaz_fields(rules, text[start:end]))
        for start, end in rules.find_place_forms(text)
    ]
    phrases = [(m.start(), m.end()) for m in rules.set_phrases.finditer(text)]
    gaz = [
        s
        for s in gaz
        if s.is_strong
        or not (_inside_word(text, s, tokenizer.FREQ) or any(a <= s.start and s.end <= b for a, b in phrases))
    ]
    found: list[Span] = []
    gi = 0
    for m in rules.place_suffix.finditer(text):
        pos, suffix = m.start(), m.group()
        while gi < len(gaz) and gaz[gi].end <= pos:
            found.append(gaz[gi])
            gi += 1
        inside = gi < len(gaz) and gaz[gi].start <= pos
        if inside and gaz[gi].is_strong:
            continue  # inside a gazetteer name (镇江市)
        span = _suffix_span(text, pos, suffix, found, rules, tokenizer)
        if span is None:
            continue
        if inside:
            gi += 1  # a short form inside a longer name (金山 in 金山湖)
        while found and found[-1].start >= span.start:
            found.pop()  # a short form swallowed by the longer name (柯桥 in 柯桥街道)
        found.append(span)
    found.extend(gaz[gi:])
    found.sort(key=lambda s: s.start)
    return _link_chains(found)


def _inside_word(text: str, span: Span, freq: dict[str, int]) -> bool:
    """A short form that is part of a longer word (青山 in 绿水青山, 金山 in 金山银山)."""
    n = len(span.surface)
    for length in range(n + 1, n + 4):
        for start in range(max(0, span.end - length), span.start + 1):
            word = text[start : start + length]
            if (
                len(word) == length
                and freq.get(word, 0) > 0
                and not word.endswith(("市", "省", "区", "县", "旗"))
            ):
                return True
    return False


def _gaz_fields(rules: EntityRules, surface: str) -> tuple[str, tuple[Division, ...], str]:
    entries = rules.gazetteer.forms[surface]
    divisions = tuple(d for d, _ in entries)
    form = "full" if any(k == "full" for _, k in entries) else entries[0][1]
    return divisions[0].level, divisions, form


def _suffix_span(
    text: str, pos: int, suffix: str, found: list[Span], rules: EntityRules, tokenizer: jieba.Tokenizer
) -> Span | None:
    end = pos + len(suffix)
    nxt = text[end : end + 1]
    named = suffix in rules.named
    if not named and nxt and nxt in _CONTINUATIONS.get(suffix, ""):
        return None
    if named and len(suffix) == 1 and nxt and nxt not in _PHRASE_END:
        return None
    if named and nxt and nxt in "’”":
        return None  # ‘护城河’: a quoted metaphor
    if named and any(text.startswith(word, end) for word in rules.named):
        return None  # 湿地|公园: the name goes on to the next kind word
    run_start = pos
    while run_start > 0 and (is_han(text[run_start - 1]) or text[run_start - 1] in "·"):
        run_start -= 1
    prev = next((s for s in reversed(found) if s.end <= pos), None)
    if prev is not None and prev.kind == "gazetteer" and not prev.is_strong:
        prev = next((s for s in reversed(found) if s.end <= prev.start), None)  # absorb 青山 of 青山路
    level = "named" if named else rules.subcounty[suffix]
    chained = (
        prev is not None
        and prev.end >= run_start
        and pos - prev.end <= _MAX_CHAINED_STEM
        and _LEVEL_RANK[prev.level] < _LEVEL_RANK[level]
    )
    if chained:
        stem_start = prev.end
        boundary = _last_boundary(text, stem_start, pos, rules, FREE_STOP_CHARS)
        if boundary is not None:
            stem_start, chained = boundary, False
    else:
        stem_start = _free_stem_start(text, max(run_start, pos - _MAX_FREE_STEM), pos, rules)
        stem_start = _name_tokens_start(text, stem_start, pos, tokenizer)
        if (
            0 < stem_start < pos
            and tokenizer.FREQ.get(text[stem_start - 1 : stem_start + 1], 0) >= _COMMON_TOKEN_FREQ
        ):
            stem_start += 1  # 其中|新都街道: the first character belongs to the word before
    if not chained:
        cut = max(
            (stem_start + k + 1 for k, ch in enumerate(text[stem_start:pos]) if ch in _NOT_IN_STEMS),
            default=0,
        )
        stem_start = max(stem_start, cut)  # 我县|某镇: a name starts after a level or office word
    stem = text[stem_start:pos]
    if not _good_stem(stem, suffix, named, chained, rules, tokenizer.FREQ):
        return None
    if named:
        name = stem + suffix
        if chained and prev is not None and prev.kind == "gazetteer":
            name = prev.surface + name  # 绍兴市体育中心体育馆 is named with its city
        return Span(stem_start, end, name, "named", "named", reach=rules.named[suffix])
    return Span(stem_start, end, stem + suffix, "subcounty", rules.subcounty[suffix])


def _last_boundary(text: str, start: int, stop: int, rules: EntityRules, stops: frozenset[str]) -> int | None:
    """Where a name starts after the last boundary word in ``text[start:stop]``, if any."""
    last = None
    for m in rules.boundary.finditer(text, start, stop):
        last = m.end()
    for i in range(stop - 1, (last or start) - 1, -1):
        if text[i] in stops:
            return i + 1
    return last


def _name_tokens_start(text: str, start: int, stop: int, tokenizer: jieba.Tokenizer) -> int:
    """Drop the leading words of a stem up to the last common word (利用文化|广场 → nothing)."""
    tokens = tokenizer.lcut(text[start:stop])
    keep = stop
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        glued = i + 1 < len(tokens) and tokens[i + 1] in _ROAD_WORDS and keep + len(tokens[i + 1]) == stop
        glued = glued or (i == len(tokens) - 1 and tok[-1] in _WATER_AND_HILLS)  # 黄河|流域
        if len(tok) >= 2 and tokenizer.FREQ.get(tok, 0) >= _COMMON_TOKEN_FREQ and not glued:
            break
        keep -= len(tok)
    return keep


def _free_stem_start(text: str, start: int, stop: int, rules: EntityRules) -> int:
    boundary = _last_boundary(text, start, stop, rules, FREE_STOP_CHARS)
    return start if boundary is None else boundary


def _good_stem(
    stem: str, suffix: str, named: bool, chained: bool, rules: EntityRules, freq: dict[str, int]
) -> bool:
    if len(stem) < 2 or any(ch.isdigit() for ch in stem) or not is_han(stem[0]):
        return False
    if (
        stem in rules.place_stopwords
        or stem[-2:] in rules.place_stopwords
        or stem[:2] in rules.place_stopwords
    ):
        return False
    if len(suffix) == 1 and (suffix in stem or (len(stem) == 3 and freq.get(stem + suffix, 0) > 0)):
        return False  # 金山银山, 绿水青山: a set phrase, not a name
    if any(word in stem for word in rules.subcounty) or any(ch in stem for ch in _NOT_IN_STEMS):
        return False  # 街道学院 is two names; 百县千镇 is a slogan
    if (
        named
        and not chained
        and len(suffix) > 1
        and stem[-1] not in _WATER_AND_HILLS
        and freq.get(stem, 0) >= _COMMON_NAMED_STEM_FREQ
    ):
        return False  # 戈壁草原, 文化广场: a kind of place, not a name
    common = freq.get(stem, 0) >= _COMMON_WORD_FREQ or freq.get(stem[-1] + suffix, 0) >= _COMMON_TOKEN_FREQ
    return chained or (
        stem not in rules.non_names and (named or not common)
    )  # 深挖村, 奏出社区 are not names


def _link_chains(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in spans:
        if out and out[-1].end == s.start:
            s = Span(s.start, s.end, s.surface, s.kind, s.level, s.divisions, s.form, len(out) - 1, s.reach)
        out.append(s)
    return out


def focus_place(places: tuple[Place, ...], level_word: str) -> Place | None:
    """The place an article is about among those whose name ends with ``level_word`` (市, 旗, 村).

    Ranked by how many sentences mention it plus how many of the article's places it contains,
    so that 杭州市 wins over 建德市 in an article naming three of 杭州's counties once each.
    """
    candidates = [p for p in places if p.name.endswith(level_word) and p.level != "named"]
    if not candidates:
        return None
    children: dict[str, int] = {}
    by_name = {p.name: p for p in places}
    for p in places:
        seen, cur = set(), p.parent
        while cur and cur not in seen:
            seen.add(cur)
            children[cur] = children.get(cur, 0) + 1
            cur = by_name[cur].parent if cur in by_name else None
    return max(candidates, key=lambda p: (len(p.evidence) + children.get(p.name, 0), -places.index(p)))
