"""Finding place mentions in one line of text, shared by the place and body extractors.

Three kinds of mention: a gazetteer form (绍兴市, 杭州), a name ending in a sub-county
level word (华舍街道, 下洋坑村) and a name ending in a natural or built place word
(库布其沙漠, 鉴湖公园). A mention written right after another (绍兴市柯桥区华舍街道)
is *chained* to it: the earlier one is its parent as the text gives it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from govkg.extract.rules import FREE_STOP_CHARS, EntityRules
from govkg.gazetteer import Division
from govkg.model import Place
from govkg.resources import CachedTokenizer

_MAX_CHAINED_STEM = 8
_MAX_FREE_STEM = 8
_COUNTY_WORDS = "区县旗"
_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "township": 3, "village": 4, "named": 5}
# A word this common in jieba's dictionary is not part of a name written alone (文化广场, 青年返乡).
_COMMON_TOKEN_FREQ = 500
_ROAD_WORDS = ("路", "街", "大道")
_ROAD_CHARS = set("路街巷桥道")
_DECK_MARK = "——记"  # a deck: ——记 + the person's post and name
_LIST_JOINERS = ("和", "与", "及", "、")  # 某村和东关村: a name listed with a place is one
_WATER_AND_HILLS = "河江湖海山"
_NOT_IN_STEMS = "委办县省"
_NOT_IN_STEM_CHARS = re.compile(f"[{_NOT_IN_STEMS}]")
_HAN_RUN_TO_END = re.compile("[\u4e00-\u9fff·]*\\Z")  # searched up to a position: the run before it
_UP_TO_LAST_NOT_IN_STEM = re.compile(f"(?s).*[{_NOT_IN_STEMS}]")  # greedy: through the last one
_NAME_INITIAL_STOPS = "和同向正曾于"  # function characters that also begin names (和平, 向阳)
_ALWAYS_STOP = "的在是把将被对给让着了"  # never the first character of a name written in a chain
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
_ALONG_SIDE = set("脚麓腰顶边岸旁")
_DEPARTMENT_ENDS = set("局厅")  # the last character of a government department (林业和草原局)
_MOTION_VERBS = set("穿过进出入回去来走绕返包驻到")  # before a level word: 穿村, 进村, 包村
_VILLAGE_WORD_FREQ = 800  # 移民, 光明: a noun this common is a kind of village, not its name
_TAIL_WORD_FREQ = 100  # 小山村: 山村 is a word, so the stem is not a name by itself
_CLAUSE_START = set("，。、；：！？“‘（(《 ,;:!?\u3000—")
_NOT_A_NAME_START = set("这那哪每各整一两几某该本此全半多")
_CLASSIFIERS = set("座条片个道处些段")
_SIZE_WORDS = set("大小高深青老")  # 大河, 高山: a kind of river or hill, not its name
# 河道, 山区: the kind word begins a common word, no name ends there
_KIND_WORDS_AFTER = frozenset(
    ("山区", "山村", "山庄", "山寨", "山地", "山林", "河道", "河谷", "河床", "江南", "江北", "湖区", "湖泊", "山水", "江湖", "河湖")
)
_VERB_AFTER_WATER = ("穿", "流", "绕", "蜿蜒", "贯", "横", "发源", "奔", "而", "自", "从", "由", "环", "两岸", "沿岸")
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
    cued: bool = False  # written after 在, 来自 … or in a list of places: a short form may stand alone

    @property
    def is_strong(self) -> bool:
        """A form that names a division by itself (not a short form or a two-character name)."""
        return self.kind != "gazetteer" or (self.form != "short" and len(self.surface) > 2)


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def scan_places(
    text: str,
    rules: EntityRules,
    tokenizer: CachedTokenizer,
    known: frozenset[str] = frozenset(),
    weak: list[str] | None = None,
) -> list[Span]:
    """Every place mention in ``text``, left to right, with chains filled in.

    A village named with a common word (东关村) is read where the text shows it is a place: at a
    clause's start, after a word such as 在 or 来到, or when it is in ``known`` (the article names it
    more than once). Otherwise it is appended to ``weak``, for the caller to count.
    """
    gaz = [
        Span(start, end, text[start:end], "gazetteer", *rules.place_readings[text[start:end]])
        for start, end in rules.find_place_forms(text)
    ]
    if not all(s.is_strong for s in gaz):
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
        span = _suffix_span(text, pos, suffix, found, rules, tokenizer, known, weak)
        if span is None:
            continue
        county = _county_in_chain(span, found, rules)
        if county is not None:  # 某市泉溪区|某街道: a county the gazetteer does not know heads the chain
            span = replace(span, start=county.end, surface=span.surface[county.end - span.start :])
        if inside:
            gi += 1  # a short form inside a longer name (金山 in 金山湖)
        while found and found[-1].start >= (span.start if county is None else county.start):
            found.pop()  # a short form swallowed by the longer name (柯桥 in 柯桥街道)
        found.extend([span] if county is None else [county, span])
    found.extend(gaz[gi:])
    found.sort(key=lambda s: s.start)
    return _link_chains(_mark_cued(text, found, rules))


def _county_in_chain(span: Span, found: list[Span], rules: EntityRules) -> Span | None:
    """The county-level place that begins a chained township's or village's name: 泉溪区 of
    泉溪区某街道 written after its city, where the gazetteer knows no 泉溪区 (a new or renamed
    district). Its stem is two characters that are no common word (开发区, 高新区 are kinds)."""
    if span.kind != "subcounty" or len(span.surface) < 6 or not any(s.end == span.start for s in found[-2:]):
        return None
    stem, level = span.surface[:2], span.surface[2]
    rest = span.surface[3:]
    if level not in _COUNTY_WORDS or len(rest) < 3 or rest[0] in _COUNTY_WORDS:
        return None
    if stem in rules.non_names or stem in rules.generic_words or stem + level in rules.generic_words:
        return None
    return Span(span.start, span.start + 3, span.surface[:3], "subcounty", "county")


def _mark_cued(text: str, spans: list[Span], rules: EntityRules) -> list[Span]:
    """Short forms in a place context: after 在, 赴, 来自 … (在某京经营), or listed with other places."""
    if all(s.is_strong for s in spans):
        return spans  # most lines: no short form to mark
    starts = {s.start for s in spans}
    ends = {s.end for s in spans}
    out = []
    for s in spans:
        if not s.is_strong and text[s.end : s.end + 1] not in _ROAD_CHARS:
            listed = (s.start > 0 and text[s.start - 1] == "、" and s.start - 1 in ends) or (
                text[s.end : s.end + 1] == "、" and s.end + 1 in starts
            )
            if listed or text.endswith(rules.place_cues, 0, s.start):
                s = replace(s, cued=True)
        out.append(s)
    return out


def _inside_word(text: str, span: Span, freq: dict[str, int]) -> bool:
    """A short form that is part of a longer word (青山 in 绿水青山, 金山 in 金山银山)."""
    n = len(span.surface)
    for length in range(n + 1, n + 4):
        last_start = min(span.start, len(text) - length)  # a word of ``length`` characters, inside the text
        for start in range(max(0, span.end - length), last_start + 1):
            word = text[start : start + length]
            if freq.get(word, 0) > 0 and not word.endswith(("市", "省", "区", "县", "旗")):
                return True
    return False


def _suffix_span(
    text: str,
    pos: int,
    suffix: str,
    found: list[Span],
    rules: EntityRules,
    tokenizer: CachedTokenizer,
    known: frozenset[str] = frozenset(),
    weak: list[str] | None = None,
) -> Span | None:
    end = pos + len(suffix)
    nxt = text[end : end + 1]
    named = suffix in rules.named
    if not named and nxt and nxt in _CONTINUATIONS.get(suffix, ""):
        return None
    # A river or hill named by one character (河, 山) goes on to a verb only at a clause's start
    # or after a word such as 沿: 青溪河穿镇而过, 沿清江而建.
    open_end = (
        named
        and len(suffix) == 1
        and bool(nxt)
        and nxt not in _PHRASE_END
        and not (suffix in "山河江湖" and nxt in _ALONG_SIDE)  # 某某山脚下, 某某河边
    )
    if open_end and (not is_han(nxt) or text[pos:end + 1] in _KIND_WORDS_AFTER):
        return None
    if named and nxt and nxt in "’”":
        return None  # ‘护城河’: a quoted metaphor
    if named and nxt and nxt in _DEPARTMENT_ENDS:
        return None  # 某县林业和草原|局: the kind word ends a department's name, not a place's
    if named and text.startswith(rules.named_words, end):
        return None  # 湿地|公园: the name goes on to the next kind word
    if named and len(suffix) == 1:
        short = _short_water_name(text, pos, end, rules)
        if short is not None:
            return short
    # Where the run of Han characters before the level word starts, looked for only as far back as a
    # stem may reach (a single-line page can be one run of thousands of characters).
    reach = max(0, pos - max(_MAX_CHAINED_STEM, _MAX_FREE_STEM))
    run_start = _HAN_RUN_TO_END.search(text, reach, pos).start()
    prev = next((s for s in reversed(found) if s.end <= pos), None)
    level = "named" if named else rules.subcounty[suffix]
    if prev is not None and prev.kind == "gazetteer" and not prev.is_strong and not _short_county_before(
        prev, pos, level
    ):
        prev = next((s for s in reversed(found) if s.end <= prev.start), None)  # absorb 青山 of 青山路
    chained = (
        prev is not None
        and prev.end >= run_start
        and pos - prev.end <= _MAX_CHAINED_STEM
        and _LEVEL_RANK[prev.level] < _LEVEL_RANK[level]
    )
    if chained:
        stem_start = prev.end
        # 某县在同福镇: a name after a function word; 某县同福镇, 某县依托|社区
        boundary = _last_boundary(text, stem_start, pos, rules, FREE_STOP_CHARS, keep=2)
        if boundary is not None:
            stem_start, chained = boundary, False
    else:
        free = _free_stem_start(text, max(run_start, pos - _MAX_FREE_STEM), pos, rules)
        if text.startswith(_DECK_MARK, free - 2):
            free += 1  # ——记某村党支部书记: the deck's verb is not part of the name
        stem_start = _name_tokens_start(text, free, pos, tokenizer, rules.non_names)
        for said in rules.speech.finditer(text, stem_start, pos):
            stem_start = said.end()  # 都说|东关村: a verb of saying ends what comes before
        if (
            not named
            and stem_start > free
            and pos - free <= 4
            and _in_place_context(text, free, rules, rules.place_cues)
            and (len(tokenizer.lcut(text[free:pos])) == 1 or _after_strong_cue(text, free, rules))
        ):
            stem_start = free  # 在光明村, 走进十八洞村: common words after a place cue may be the name
        if prev is not None and prev.kind != "gazetteer" and not named and stem_start < prev.end <= pos:
            stem_start = prev.end  # 青溪河|穿镇: a name found before is not swallowed
        if (
            0 < stem_start < pos
            and tokenizer.FREQ.get(text[stem_start - 1 : stem_start + 1], 0) >= _COMMON_TOKEN_FREQ
        ):
            stem_start += 1  # 其中|新都街道: the first character belongs to the word before
    if not chained:
        level_word = _UP_TO_LAST_NOT_IN_STEM.match(text, stem_start, pos)
        if level_word is not None:
            stem_start = level_word.end()  # 我县|某镇: a name starts after a level or office word
            if stem_start < pos - 2 and tokenizer.FREQ.get(text[stem_start - 1 : stem_start + 1], 0) >= _COMMON_TOKEN_FREQ:
                stem_start += 1  # 县城|某街道: the level word begins a word the name does not
    stem = text[stem_start:pos]
    if named and chained and not stem and prev is not None and prev.kind == "gazetteer" and len(suffix) >= 3:
        return Span(pos, end, prev.surface + suffix, "named", "named", reach=rules.named[suffix])  # 某县经济开发区
    if not chained and not named and stem and stem[-1] in _MOTION_VERBS:
        return None  # 某某穿村而过, 干部包村: the level word is the verb's object, no name
    verdict = _stem_verdict(stem, suffix, named, chained, rules, tokenizer.FREQ)
    tail_word = _tail_freq(stem, suffix, rules, tokenizer.FREQ)
    if chained and (stem[-1:] + suffix in rules.generic_words or stem[-1:] + suffix in rules.non_names):
        return None  # 某县农业农村局, 某县文化馆送书下乡 name no village or township
    if verdict == "common" and not named and tail_word < _TAIL_WORD_FREQ:
        surface = stem + suffix
        listed = prev is not None and prev.kind == "subcounty" and text[prev.end : stem_start] in _LIST_JOINERS
        strong = surface in known or _after_strong_cue(text, stem_start, rules)
        if _village_like(stem, rules, strong, tokenizer.FREQ):
            cued = text.endswith(rules.place_cues, 0, stem_start)
            at_start = _in_place_context(text, stem_start, rules) and (
                stem in rules.place_words or not _action_follows(text, end, rules, tokenizer)
            )
            if strong or listed or cued or at_start:
                verdict = "good"  # 在东关村，…; 东关村生猪出栏… (a place word); ——记团结村…
            elif weak is not None:
                weak.append(surface)
    if verdict != "good":
        return None
    if open_end and not (_natural_stem(stem, rules) and _water_context(text, stem_start, end, rules)):
        return None
    if named:
        name = stem + suffix
        if chained and prev is not None and prev.kind == "gazetteer" and _generic_stem(stem, rules, tokenizer):
            name = prev.surface + name  # 某市体育中心体育馆 is named with its city; 某县白鹭湾湿地公园 is not
        return Span(stem_start, end, name, "named", "named", reach=rules.named[suffix])
    return Span(stem_start, end, stem + suffix, "subcounty", rules.subcounty[suffix])


def _short_county_before(prev: Span, pos: int, level: str) -> bool:
    """A county written short right before a township's own two- or three-character name
    (某县|青松镇 written 某|青松镇): the county is the township's, not part of its name."""
    return (
        level == "township"
        and prev.form == "short"
        and prev.level in ("county", "prefecture")
        and 2 <= pos - prev.end <= 3
    )


def _last_boundary(
    text: str, start: int, stop: int, rules: EntityRules, stops: frozenset[str], keep: int = 0
) -> int | None:
    """Where a name starts after the last boundary word in ``text[start:stop]``, if any.

    With ``keep`` (in a chain), a function character in the last ``keep`` places before the level
    word is the name's own (某县同福镇: what would be left is no name), unless it never begins a
    name (在, 的).
    """
    last = None
    for m in rules.boundary.finditer(text, start, stop):
        last = m.end()
    for i in range(stop - 1, (last or start) - 1, -1):
        if text[i] in stops and (i < stop - keep or text[i] in _ALWAYS_STOP):
            return i + 1
    return last


def _name_tokens_start(
    text: str, start: int, stop: int, tokenizer: CachedTokenizer, verbs: frozenset[str] = frozenset()
) -> int:
    """Drop the leading words of a stem up to the last common word or verb (利用文化|广场 → nothing,
    某某带着|村 → nothing)."""
    tokens = tokenizer.lcut(text[start:stop])
    keep = stop
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        glued = i + 1 < len(tokens) and tokens[i + 1] in _ROAD_WORDS and keep + len(tokens[i + 1]) == stop
        glued = glued or (i == len(tokens) - 1 and tok[-1] in _WATER_AND_HILLS)  # 某河|流域
        verb = tok in verbs and i == len(tokens) - 1  # 某某带领|村: a verb right before the level word
        if len(tok) >= 2 and (tokenizer.FREQ.get(tok, 0) >= _COMMON_TOKEN_FREQ or verb) and not glued:
            break
        keep -= len(tok)
    return keep


def _free_stem_start(text: str, start: int, stop: int, rules: EntityRules) -> int:
    boundary = _last_boundary(text, start, stop, rules, FREE_STOP_CHARS)
    if boundary is None:
        return start
    initial = boundary - 1
    if (
        stop - boundary == 1
        and text[initial] in _NAME_INITIAL_STOPS
        and (initial == 0 or text[initial - 1] in _CLAUSE_START or _after_strong_cue(text, initial, rules))
    ):
        return initial  # 同福镇 at a clause's start, 在向阳村: the character begins the name
    return boundary


def _in_place_context(text: str, start: int, rules: EntityRules, cues: tuple[str, ...] = ()) -> bool:
    """A name at a clause's start, or after a word that introduces a place (在, 来到, 沿)."""
    return (
        start == 0
        or text[start - 1] in _CLAUSE_START
        or _after_strong_cue(text, start, rules)
        or text.endswith(cues, 0, start)
    )


def _after_strong_cue(text: str, start: int, rules: EntityRules) -> bool:
    """After 在, 走进 … or in a deck (——记): what follows is surely a place's or a person's name."""
    return text.endswith(_DECK_MARK, 0, start) or text.endswith(rules.strong_cues, 0, start)


def _village_like(stem: str, rules: EntityRules, strong: bool, freq: dict[str, int]) -> bool:
    """A common word that may still name a village (东关, a place word; 团结 only after a strong
    cue), unlike 一个, 城中, 行政 or a kind of village (移民村)."""
    if stem[0] in _NOT_A_NAME_START:
        return False
    if stem in rules.place_words:
        return True
    if stem in rules.adjectives:
        return strong
    if stem in rules.non_names or stem in rules.generic_words:
        return False
    return freq.get(stem, 0) < _VILLAGE_WORD_FREQ or stem in rules.person_words


def _water_context(text: str, start: int, end: int, rules: EntityRules) -> bool:
    """沿某江而建 (after a cue), or 某某河穿镇而过 (a clause's start and a verb of flowing or crossing:
    a name such as 黄大山 before another verb is a person's)."""
    if text.endswith(rules.water_cues, 0, start):
        return True
    return _in_place_context(text, start, rules) and text.startswith(_VERB_AFTER_WATER, end)


def _action_follows(text: str, end: int, rules: EntityRules, tokenizer: CachedTokenizer) -> bool:
    """空心村|整治, 示范村|建设: a kind of village followed by what is done to it, not a name."""
    tokens = tokenizer.lcut(text[end : end + 4])
    return bool(tokens) and (tokens[0] in rules.non_names or tokens[0] in rules.generic_words)


def _tail_freq(stem: str, suffix: str, rules: EntityRules, freq: dict[str, int]) -> int:
    """How common the word the stem's last character makes with the level word is (农|村, 山|村);
    a place's name there (某|丰镇) is no common word."""
    tail = stem[-1:] + suffix
    return 0 if tail in rules.gazetteer.forms else freq.get(tail, 0)


def _generic_stem(stem: str, rules: EntityRules, tokenizer: CachedTokenizer) -> bool:
    """A stem that is a common word or made of them (体育中心), which names a place only with its city."""
    if stem in rules.place_words or stem in rules.gazetteer.forms:
        return False
    freq = tokenizer.FREQ
    return freq.get(stem, 0) > 0 or all(freq.get(token, 0) >= _COMMON_NAMED_STEM_FREQ for token in tokenizer.lcut(stem))


def _natural_stem(stem: str, rules: EntityRules) -> bool:
    """The stem of a river or hill named before a verb: not 这座, 整条 or a common word."""
    return (
        stem[0] not in _NOT_A_NAME_START
        and stem[-1] not in _CLASSIFIERS
        and stem not in rules.non_names
        and (stem in rules.place_words or stem not in rules.generic_words)
    )


def _short_water_name(text: str, pos: int, end: int, rules: EntityRules) -> Span | None:
    """A two-character river or hill that the dictionary knows as a place (清江), after 沿 or 在
    or at a clause's start; a gazetteer name (漠河) is left to the gazetteer."""
    start = pos - 1
    word = text[start:end]
    if start < 0 or word not in rules.place_words or word in rules.gazetteer.forms or word[0] in _SIZE_WORDS:
        return None
    if start > 0 and is_han(text[start - 1]) and not text.endswith(rules.water_cues, 0, start):
        return None
    if start == 0 or not is_han(text[start - 1]):
        nxt = text[end : end + 1]
        if nxt and is_han(nxt) and nxt not in _PHRASE_END and not text.startswith(_VERB_AFTER_WATER, end):
            return None  # 某河流域 is read with its kind word; a clause-start name needs a verb after
    return Span(start, end, word, "named", "named", reach=rules.named[text[pos:end]])


def _stem_verdict(
    stem: str, suffix: str, named: bool, chained: bool, rules: EntityRules, freq: dict[str, int]
) -> str:
    """good, bad, or common: a name but for being a common word (东关村), read only in a place context."""
    if not _name_shaped(stem, suffix, named, chained, rules, freq):
        return "bad"
    if chained:
        return "good"
    tail_common = _tail_freq(stem, suffix, rules, freq) >= _COMMON_TOKEN_FREQ
    verb_like = stem in rules.non_names  # 深挖村, 奏出社区 are not names
    if not verb_like and (named or not (freq.get(stem, 0) >= _COMMON_WORD_FREQ or tail_common)):
        return "good"
    if verb_like and stem in rules.adjectives:
        verb_like = False  # 团结村: an adjective is a common word that may still name a village
    return "common" if not verb_like and (named or not tail_common) else "bad"


def _name_shaped(
    stem: str, suffix: str, named: bool, chained: bool, rules: EntityRules, freq: dict[str, int]
) -> bool:
    """Whether a stem can be a name at all, common word or not."""
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
    if rules.subcounty_words.search(stem) or _NOT_IN_STEM_CHARS.search(stem):
        return False  # 街道学院 is two names; 百县千镇 is a slogan
    return not (
        named
        and not chained
        and len(suffix) > 1
        and stem[-1] not in _WATER_AND_HILLS
        and freq.get(stem, 0) >= _COMMON_NAMED_STEM_FREQ
    )  # 戈壁草原, 文化广场: a kind of place, not a name


def _link_chains(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in spans:
        if out and out[-1].end == s.start:
            s = replace(s, chained=len(out) - 1)
        out.append(s)
    return out


def focus_place(places: tuple[Place, ...], level_word: str) -> Place | None:
    """The place an article is about among those whose name ends with ``level_word`` (市, 旗, 村).

    Ranked by how many sentences mention it plus how many of the article's places it contains,
    so that 杭州市 wins over 建德市 in an article naming three of 杭州's counties once each.
    """
    candidates = [(i, p) for i, p in enumerate(places) if p.name.endswith(level_word) and p.level != "named"]
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
    _, best = max(candidates, key=lambda ip: (len(ip[1].evidence) + children.get(ip[1].name, 0), -ip[0]))
    return best
