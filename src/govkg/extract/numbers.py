"""Quantities as written in Chinese news: Arabic and Chinese numerals, 万/亿 scales, qualifiers.

The value is the numeral *before* any 万/亿, and the scale stays in the unit (7万余人次 →
7, 万人次, 余; 百万元 → 100, 万元; 近万户 → 1, 万户), so that a value read back from the graph
is always the number printed in the text; multiplying by the unit's scale gives the base
amount. A range keeps its upper bound (3至5天 → 5). Qualifiers follow the annotation
conventions: 多 → 余, 突破/超过/上千 → 超, 左右 → 约.

Only spans that name an amount are returned: ordinals (第三期), dates and ages (1995年,
85岁), clock times (8:30), vague counts (四五个), numbers inside names (五河六湖工程) and
set phrases with small Chinese numerals (两个维护) are left out here, because no reading
of them is a reported quantity. An estimate with a place value (八九万元, 三四十人) is an
amount and, like a range, keeps its upper bound; a ratio (系数提高到0.62) has no unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from govkg.extract.trie import trie_pattern
from govkg.resources import read_lexicon, read_lexicon_groups

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}
_CN = "零〇一二两三四五六七八九十百千万亿"
_RANGE = "-—–~～至到"
_GROUPS = ("pre", "pct", "num", "upper", "cn_upper", "q1", "scale", "q2", "unit", "post", "few")
_ROUND = ("", "十", "百", "千")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as found in a string; offsets index that string."""

    value: Decimal
    unit: str  # scale kept: 万人次, 亿元, %
    qualifier: str | None
    text: str
    start: int
    end: int


def chinese_integer(text: str) -> int | None:
    """三千 → 3000, 一万二千 → 12000, 十五 → 15; None for what is not one number (万千, 一两)."""
    if not text or text[0] in _BIG:
        return None
    total = section = 0
    number: int | None = None
    last_unit = 10**9
    for ch in text:
        if ch in ("零", "〇"):
            number = None
        elif ch in _DIGITS:
            if number is not None:
                return None  # 一两, 三四: an estimate, not a number
            number = _DIGITS[ch]
        elif ch in _SMALL:
            unit = _SMALL[ch]
            if unit >= last_unit:
                return None
            section += (1 if number is None else number) * unit
            number, last_unit = None, unit
        elif ch in _BIG:
            section += number or 0
            if section == 0:
                return None
            total += section * _BIG[ch]
            section, number, last_unit = 0, None, 10**9
        else:
            return None
    return total + section + (number or 0)


def estimate_upper(numeral: str, scale: str) -> str | None:
    """The upper bound of an estimate of two neighbouring digits with a place value:
    八九 (万) → 九, 三四十 → 四十, 七八千 → 八千; None for anything else, a bare 四五 included."""
    if len(numeral) not in (2, 3) or not (scale or numeral[2:] in _SMALL):
        return None
    low, high = _DIGITS.get(numeral[0]), _DIGITS.get(numeral[1])
    if low is None or high is None or high != low + 1:
        return None
    return numeral[1:]


def split_scale(numeral: str) -> tuple[str, str]:
    """A trailing 万/亿 is the unit's scale: 千万 → (千, 万), 万 → ("", 万), 三千 → (三千, "")."""
    for scale in ("万亿", "亿", "万"):
        if numeral.endswith(scale):
            return numeral[: -len(scale)], scale
    return numeral, ""


def numeral_value(numeral: str) -> Decimal | None:
    """The value of an Arabic or Chinese numeral without scale ("" stands for one: 万 → 1 万)."""
    if not numeral:
        return Decimal(1)
    if numeral[0].isdigit():
        try:
            return Decimal(numeral)
        except InvalidOperation:
            return None
    n = chinese_integer(numeral)
    return None if n is None else Decimal(n)


def optional(source: str) -> str:
    """The same pattern as ``(?:source)?``, written as an alternative with nothing: ``re`` runs a
    ``?`` on a group through its general repeat machinery, which is slow in a pattern tried at
    every position of a text; an alternative is a plain branch."""
    return f"(?:{source}|)"


@dataclass(frozen=True)
class NumberRules:
    """The compiled quantity pattern and the context rules, built once from the lexicons."""

    pattern: re.Pattern[str]
    qualifiers: dict[str, str]
    duration_units: frozenset[str]
    duration_cues: tuple[str, ...]
    ranged_duration_units: frozenset[str]
    score_units: frozenset[str]
    score_cues: tuple[str, ...]
    ratio: re.Pattern[str]  # a number without unit after a ratio's name (系数提高到0.62)
    small_numeral_units: frozenset[str]
    one_units: frozenset[str]
    name_suffixes: tuple[str, ...]
    not_units: tuple[str, ...]  # words that start with a unit's character (起步, 宗旨)

    @classmethod
    def load(cls) -> NumberRules:
        qualifiers = dict(line.split() for line in read_lexicon("quantity_qualifiers"))
        before = [w for w in qualifiers if w not in ("余", "多", "以上", "以内", "之内", "左右", "上下")]
        after = ["以上", "以内", "之内", "左右", "上下"]
        units = read_lexicon("units")
        # a range (3至5, 10-20) keeps its upper bound
        number = (
            rf"\d+(?:\.\d+)?(?:\s*[{_RANGE}]\s*(?P<upper>\d+(?:\.\d+)?))?"
            rf"|[{_CN}]*[十百千](?P<few>几)"  # 十几名: ten and some, recorded as 10 with 余
            rf"|[{_CN}]+(?:[至到](?P<cn_upper>[{_CN}]+))?"
        )
        # Every quantity starts with a digit, a Chinese numeral, 百分之 or a qualifier before it:
        # checking that first lets the scan skip all other positions at once.
        first = "".join(sorted({w[0] for w in before} | set("上百" + _CN)))
        source = (
            rf"(?=[\d{re.escape(first)}])"
            rf"(?<![\d.A-Za-z几])(?<!\d[:：])"
            + optional(rf"(?P<pre>{trie_pattern(before)}|上(?=[百千万亿]))")
            + rf"(?:百分之(?P<pct>\d+(?:\.\d+)?|[{_CN}]+)"
            rf"|(?P<num>{number})"
            + optional("(?P<q1>[余多])")
            + optional("(?P<scale>万亿|万|亿)")
            + optional("(?P<q2>[余多])")
            + rf"(?:(?P<unit>{trie_pattern(units)})|(?<=[万亿余多])(?=[^\u4e00-\u9fff]|$)))"
            + optional(rf"(?P<post>{trie_pattern(after)})")
        )
        ctx = read_lexicon_groups("metric_context")
        ratio = (rf"(?:{trie_pattern(ctx['ratio_words'])}){optional(trie_pattern(ctx['ratio_links']))}"
                 rf"(?P<num>\d+(?:\.\d+)?)(?![\d.%％])")
        return cls(
            pattern=re.compile(source),
            qualifiers=qualifiers,
            duration_units=frozenset(ctx["duration_units"]),
            duration_cues=ctx["duration_cues"],
            ranged_duration_units=frozenset(ctx["ranged_duration_units"]),
            score_units=frozenset(ctx["score_units"]),
            score_cues=ctx["score_cues"],
            ratio=re.compile(ratio),
            small_numeral_units=frozenset(ctx["small_numeral_units"]),
            one_units=frozenset(ctx["one_units"]),
            name_suffixes=ctx["name_suffixes"],
            not_units=ctx["not_units"],
        )

    def find(self, text: str) -> list[Quantity]:
        """Every quantity in ``text`` that reports an amount, left to right."""
        found: list[Quantity] = []
        for m in self.pattern.finditer(text):
            q = self._quantity(m, text)
            if q is None:
                continue
            if found and found[-1].unit == q.unit and text[found[-1].end : q.start] in _RANGE:
                low = found.pop()  # 6%至9%: one range, recorded as its upper bound
                q = Quantity(q.value, q.unit, q.qualifier, text[low.start : q.end], low.start, q.end)
            found.append(q)
        for m in self.ratio.finditer(text):
            start, end = m.span("num")
            if any(q.start < end and start < q.end for q in found):
                continue
            found.append(Quantity(Decimal(m["num"]), "", None, m["num"], start, end))
            found.sort(key=lambda q: q.start)
        return found

    def parse(self, text: str) -> Quantity | None:
        """The quantity that ``text`` is, as a whole (1260余份, 近万户), or None."""
        m = self.pattern.fullmatch(text.strip())
        return self._quantity(m, text.strip()) if m else None

    def _quantity(self, m: re.Match[str], text: str) -> Quantity | None:
        pre, pct, num, upper, cn_upper, q1, written_scale, q2, unit, post, few = m.group(*_GROUPS)
        if pct:
            value = numeral_value(pct)
            qualifier = self.qualifiers.get(pre or "") or self.qualifiers.get(post or "")
            return None if value is None else Quantity(value, "%", qualifier, m[0], m.start(), m.end())
        unit = unit or ""
        ranged = bool(upper or cn_upper)
        upper = upper or cn_upper or num
        if few:
            upper, q1 = upper[: -len(few)], q1 or "余"
        chinese = not upper[0].isdigit()
        numeral, scale = split_scale(upper) if chinese else (upper, "")
        scale = scale or (written_scale or "")
        if chinese and written_scale:
            return None  # 万万: not a numeral
        if not unit and not scale:
            return None  # 3余: no unit and no 万/亿 to stand for one
        if chinese:
            numeral = estimate_upper(numeral, scale) or numeral
        value = numeral_value(numeral)
        if value is None or not self._amount(
            m, text, unit, pre, post, q1 or q2, value, numeral if chinese else None, scale, ranged
        ):
            return None
        qualifier = (
            "超"
            if pre == "上"
            else self.qualifiers.get(pre or "")
            or self.qualifiers.get(q1 or q2 or "")
            or self.qualifiers.get(post or "")
        )
        unit = "%" if unit == "％" else unit
        return Quantity(value, scale + unit, qualifier, m[0], m.start(), m.end())

    def _amount(
        self,
        m: re.Match[str],
        text: str,
        unit: str,
        pre: str | None,
        post: str | None,
        inner: str | None,  # 余/多 right after the numeral
        value: Decimal,
        chinese: str | None,
        scale: str,
        ranged: bool,
    ) -> bool:
        """False for the spans shaped like a quantity that are not one (ordinal, date, name, clock)."""
        start, end = m.span()
        before, after = text[max(0, start - 4) : start], text[end : end + 4]
        if before.endswith(("第", "每")) or after.startswith(("后", ":", "：")):
            return False
        if unit and text.startswith(self.not_units, end - len(unit)):
            return False  # 从1起步: the unit's character begins another word
        if unit in self.duration_units and not (
            pre or post or ranged and unit in self.ranged_duration_units
            or _ends_with_cue(text[max(0, start - 6) : start], self.duration_cues)
        ):
            return False
        if unit in self.score_units and not _ends_with_cue(text[max(0, start - 6) : start], self.score_cues):
            return False  # 十分, 3时20分: points only where a score is named (考核得分95分)
        if chinese == "" and not (pre or inner or post):
            return False  # 万人空巷, 千家万户: a bare 万 is a figure of speech unless qualified (近万)
        if chinese is not None and not scale:
            if value == 1 and not pre and unit not in self.one_units:
                return False  # 一个, 一场: an article, not a count
            if value < 10 and unit not in self.small_numeral_units and not ranged:
                return False  # 两个维护, 三条红线; a range (三至五天) is a count
            if after.startswith(self.name_suffixes):
                return False
            if chinese in _ROUND and any(c and c in _CN for c in (before[-1:], after[:1])):
                return False  # 千家万户: an idiom of round numbers
        return True


def _ends_with_cue(before: str, cues: tuple[str, ...]) -> bool:
    """A cue word right before the number, or before a linking 至/到/为/达 (压缩至20分钟, 累计达3年)."""
    return before.endswith(cues) or before[:-1].endswith(cues) and before[-1:] in "至到为了达"


def parse_quantity(text: str, rules: NumberRules | None = None) -> Quantity | None:
    """Parse one quantity written on its own: ``parse_quantity("7万余人次").value == 7``."""
    return (rules or NumberRules.load()).parse(text)
