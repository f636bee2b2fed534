"""Programs: named initiatives, campaigns, service brands, mechanisms and projects.

Chinese reports put such names in quotation marks, but they quote slogans, idioms,
metaphors and formulas the same way. A quotation is taken as a program only on cues that
hold in any report, never on a list of names:

- its own ending or the words right after it name a kind of initiative (“X”行动, “X”机制,
  “X工程”, “X”公益项目实施以来, a service site: “X食堂”, “X”调解室), or a kind noun stands
  before it (助农政策“X”);
- it is one item of a list closed by 等 and a kind noun (“A”“B”等便民服务; “A”、“B”等12个项目);
- it is the banner of what follows (以“X”为抓手) or the means by which something is done
  (通过“X”, 以“X”的方式);
- a verb right before it puts it in place (试点“X”, 推行“X”), a verb right after it says it
  has been running (“X”运行以来), or a conferring verb makes it the scheme behind a title
  (评选“X”示范党支部38个);
- weaker cues add up: a launching verb before it (实施, 打造, 依托), a standard reached
  (…30个村实现“X”), the same phrase quoted again elsewhere in the article;
- and cues against: formulas (A+B, A—B—C), the steps of a process (four parts or more),
  sentences (punctuation inside), labels and metaphors (成为“X”, 的“X”, “X”的理念), manners
  (“X式”, “点对点”), names of bodies (“X服务队”), mottos of parallel negated clauses
  (“A不出村、B不出镇”), two characters or fewer unless a kind word follows at once (“两清”工作法
  is the program 两清工作法).

Unquoted, a recurring kind (X夜校, named three times or more), a family of mechanisms
(推行X长制), a named mechanism put in place (推行干部联户制度, not 建立长效机制; after “X”
is quoted, X制度 is its alias), a number-prefixed service circle (打造10分钟养老服务圈) and a
project named after a place in a list of projects (A水库配套工程、“B”等项目) are programs too.

Where each program runs, who runs it and who speaks for it: see program_links.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from govkg.extract.metrics import MetricRules, paragraph_starts
from govkg.extract.program_links import Scene, joined, link
from govkg.extract.references import ReferenceIndex, focus_place
from govkg.extract.trie import trie_pattern
from govkg.model import Article, Membership, Organization, Person, Place, Program
from govkg.resources import Resources, read_lexicon_groups

_OPEN = "“‘「『"
_CLOSE = "”’」』"
_QUOTES = _OPEN + _CLOSE
_MARK = re.compile(f"[{_QUOTES}]")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_TWO_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]+")
# 等, or a count right after a quotation: one character, tested from behind, so that the scan can
# skip every other character at once (a pattern led by a lookbehind is tried at every position)
_LIST_END = re.compile(f"[等0-9一二两三四五六七八九十](?:(?<=等)|(?<=[{_CLOSE}].))")
_STOP = "，,。；;：:！？!?（(、"
_SENTENCE_MARK = re.compile("[，,。；;！？!?：:]")
# Everything up to the last clause mark (or 等, which closes a list): its end is where the clause starts.
_UP_TO_CLAUSE_MARK = re.compile("(?s).*[，,。；;：:！？!?]")
_UP_TO_LIST_START = re.compile("(?s).*[，,。；;：:！？!?等]")
_FORMULA = re.compile(r"[+＋→]|[—－-]+[^—－-]+[—－-]+")
_REPORTER_TITLES = ("记者", "通讯员")
_NEGATION = re.compile("[不无没]")
_NOT_IN_NAME = re.compile("[就对把向由将从被让]")  # prepositions: what holds one is a clause, not a name


class Quote(NamedTuple):  # a named tuple: made for every quotation, and cheaper to make than a dataclass
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark
    content: str  # what is inside the marks, nested marks kept


def quotations(text: str) -> list[Quote]:
    """Every quotation in ``text``, nested ones included, ordered by start."""
    stack: list[int] = []
    out: list[Quote] = []
    for m in _MARK.finditer(text):
        i = m.start()
        if m[0] in _OPEN:
            stack.append(i)
        elif stack:
            start = stack.pop()
            out.append(Quote(start, i + 1, text[start + 1 : i]))
    return sorted(out)  # by start: no two quotations start at the same mark


def _longest(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class ProgramRules:
    kind_phrase: re.Pattern[str]  # the words after a quotation that name its kind
    list_tail: re.Pattern[str]  # 等 + (a count) + a kind noun
    left_kinds: tuple[str, ...]
    name_endings: tuple[str, ...]
    verbs: re.Pattern[str]
    banner: re.Pattern[str]
    method: re.Pattern[str]  # after 以“X”: (的)方式, a named method
    state: tuple[str, ...]
    label_before: tuple[str, ...]
    body_endings: tuple[str, ...]
    service_endings: tuple[str, ...]
    bare_levels: tuple[str, ...]
    place_before: re.Pattern[str]  # a place word closing the text before a quotation (到社区“X”)
    campaign: re.Pattern[str]  # an unquoted campaign put in place (实施X工程)
    campaign_next: re.Pattern[str]  # one more campaign joined to it (…和Y行动)
    campaign_word: re.Pattern[str]
    campaign_kinds: tuple[str, ...]
    kinds: str  # the kind words as one pattern (行动|工程|…)
    unquoted: re.Pattern[str]
    short_kind: re.Pattern[str]  # a kind word ending a name, then a boundary (“X”工作法，)
    mechanism: re.Pattern[str]
    launch_direct: tuple[str, ...]
    running: re.Pattern[str]
    conferring: re.Pattern[str]
    honour: tuple[str, ...]
    named_mechanism: re.Pattern[str]
    generic_mechanism: re.Pattern[str]
    circle: re.Pattern[str]
    circle_name: re.Pattern[str]  # a number-prefixed service circle as a whole (10分钟养老服务圈)
    # The kind words every match of list_tail, unquoted, mechanism, named_mechanism and circle holds:
    # a text without one has no match, and finding a word is much quicker than trying those patterns.
    list_kind_word: re.Pattern[str]
    unquoted_word: re.Pattern[str]
    mechanism_word: re.Pattern[str]
    mechanism_kind_word: re.Pattern[str]
    circle_word: re.Pattern[str]

    @classmethod
    def load(cls) -> ProgramRules:
        g = read_lexicon_groups("program_cues")
        kinds = trie_pattern(g["kinds"])
        after = trie_pattern(g["after_kind"])
        han = r"[\u4e00-\u9fffA-Za-z·]"
        campaign_name = rf"[\u4e00-\u9fff]{{5,10}}?(?:{trie_pattern(g['campaign_kinds'])})"  # 某某提升工程
        circle_name = (  # 10分钟养老服务圈
            rf"(?:\d+|[一二三四五六七八九十]+)(?:{trie_pattern(g['circle_units'])})"
            rf"[\u4e00-\u9fff]{{2,8}}?(?:{trie_pattern(g['circles'])})"
        )
        return cls(
            kind_phrase=re.compile(
                rf"(?![式等为的])(?:(?![是不在了为与和及把将被]){han}){{0,8}}?(?:{kinds})(?=$|[{_STOP}{_QUOTES}等的]|{after})"
            ),
            list_tail=re.compile(
                rf"^等?(?P<count>(?:\d+|[一二两三四五六七八九十百千]+)[余多]?[个项类种批支场次])?"
                rf"{han}{{0,8}}?(?:{trie_pattern(g['list_kinds'])})"
            ),
            left_kinds=_longest(g["left_kinds"]),
            name_endings=_longest(g["name_endings"]),
            verbs=re.compile(trie_pattern(g["verbs"])),
            banner=re.compile(rf"^为(?:{trie_pattern(g['banner'])})"),
            method=re.compile(rf"^的?(?:{trie_pattern(g['method'])})"),
            state=_longest(g["state"]),
            label_before=_longest(g["label_before"]),
            body_endings=_longest(g["body_endings"]),
            service_endings=_longest(g["service_endings"]),
            bare_levels=_longest(g["bare_levels"]),
            place_before=re.compile(
                rf"(?:^|[{_STOP}{_QUOTES}]|{trie_pattern(g['place_word_lead'])})(?:{trie_pattern(g['place_words'])})$"
            ),
            campaign=re.compile(rf"(?:{trie_pattern(g['campaign_verbs'])})了?(?P<name>{campaign_name})"),
            campaign_next=re.compile(rf"(?:{trie_pattern(g['campaign_joiners'])})(?P<name>{campaign_name})"),
            campaign_word=re.compile(trie_pattern(g["campaign_kinds"])),
            campaign_kinds=_longest(g["campaign_kinds"]),
            kinds=trie_pattern(g["kinds"]),
            short_kind=re.compile(  # one kind word, or two (“X”工程攻坚战)
                rf"(?:{trie_pattern(g['name_endings'])})(?:{kinds})?(?=$|[{_STOP}{_QUOTES}等的]|{after})"
            ),
            mechanism=re.compile(
                rf"(?:{trie_pattern(g['verbs'])})(?P<name>[\u4e00-\u9fff]{{1,3}}(?:{trie_pattern(g['mechanisms'])}))"
            ),
            unquoted=re.compile(rf"[\u4e00-\u9fff]{{2}}(?:{trie_pattern(g['unquoted'])})"),
            launch_direct=_longest(v + tail for v in g["launch_direct"] for tail in ("", "了")),
            running=re.compile(rf"(?:{trie_pattern(g['running'])})(?:以来|以后|后|至今)"),
            conferring=re.compile(trie_pattern(g["conferring"])),
            honour=_longest(g["honour"]),
            named_mechanism=re.compile(
                rf"(?:{trie_pattern(g['mechanism_verbs'])})了?"
                rf"(?P<core>[\u4e00-\u9fff]{{4,6}}?)(?P<kind>{trie_pattern(g['mechanism_kinds'])})"
            ),
            generic_mechanism=re.compile(
                rf"{trie_pattern(g['generic_mechanism'])}|{trie_pattern(g['mechanism_verbs'])}|^[了一各新的]|的"
            ),
            circle=re.compile(rf"(?:{trie_pattern(g['verbs'])})了?(?P<name>{circle_name})"),
            circle_name=re.compile(circle_name),
            list_kind_word=re.compile(trie_pattern(g["list_kinds"])),
            unquoted_word=re.compile(trie_pattern(g["unquoted"])),
            mechanism_word=re.compile(trie_pattern(g["mechanisms"])),
            mechanism_kind_word=re.compile(trie_pattern(g["mechanism_kinds"])),
            circle_word=re.compile(trie_pattern(g["circles"])),
        )


@dataclass
class _Draft:
    name: str
    forms: list[str] = field(default_factory=list)
    # short forms (夜谈活动 for 石桥夜谈): where it is mentioned, but too loose to be its aliases
    short: tuple[str, ...] = ()

    def add(self, *forms: str) -> None:
        for f in forms:
            if len(_clean(f).replace(" ", "")) >= 3 and f != self.name and f not in self.forms:
                self.forms.append(f)


def extract_programs(
    article: Article,
    places: tuple[Place, ...],
    organizations: tuple[Organization, ...],
    people: tuple[Person, ...],
    memberships: tuple[Membership, ...],
    res: Resources,
) -> tuple[Program, ...]:
    rules = res.program_rules
    metric_rules: MetricRules = res.metric_rules
    known = {f for item in (*places, *organizations) for f in (item.name, *item.aliases)}
    texts = [s.clean for s in article.sentences]
    article_text, starts = joined(texts)  # a clean text has no line break
    drafts: dict[str, _Draft] = {}
    place_forms = tuple({f for p in places for f in (p.name, *p.aliases) if len(f) >= 2})
    for text in texts:
        listed, wholes = _from_lists(text, rules, place_forms)
        for name, forms in listed + _from_quotes(
            text, article_text, rules, metric_rules, wholes, place_forms
        ):
            if name in known or _clean(name) in known:
                continue
            drafts.setdefault(name, _Draft(name)).add(*forms)
    for name, forms in _unquoted(texts, rules, places):
        # 建立X制度 after “X” was quoted: the mechanism is the quoted program's longer form
        quoted = next((drafts[f] for f in forms if f in drafts), None)
        if quoted is not None:
            quoted.add(name)
        else:
            drafts.setdefault(name, _Draft(name)).add(*forms)
    drafts = _merge_forms(drafts)
    if not drafts:
        return ()
    for draft in drafts.values():
        draft.short = _tail_forms(_clean(draft.name), article_text, rules)
    index = ReferenceIndex(places, organizations, (), metric_rules.deixis)
    references = index.scan(texts)
    scene = Scene(
        article=article,
        texts=texts,
        references=references,
        paragraph_starts=paragraph_starts(article),
        focus=focus_place(index, references),
        named={p.name for p in places if p.level == "named"},
        parents={p.name: p.parent for p in places},
        org_places={o.name: o.place for o in organizations},
        people=people,
        officials=frozenset(m.person for m in memberships if m.title not in _REPORTER_TITLES),
        titles=metric_rules.titles,
        joined=article_text,
        starts=starts,
        levels={p.name: metric_rules.deixis.level_of(p.name) for p in places},
        bare_levels=rules.bare_levels,
    )
    return tuple(program for draft in drafts.values() if (program := _program(draft, drafts, scene)))


# -- candidates ------------------------------------------------------------------------------


def _clean(s: str) -> str:
    return _MARK.sub("", s)  # quicker than str.translate on Han text


def _after_last(up_to_mark: re.Pattern[str], text: str, end: int) -> int:
    """The offset after the last mark before ``end`` (0 when there is none)."""
    m = up_to_mark.match(text, 0, end)
    return m.end() if m else 0


def _name_like(content: str, rules: ProgramRules, kinded: bool = False) -> bool:
    """The shape tests every program name passes, whatever the cues around it.

    A body's ending is allowed when the name is a service (“X驿站”) or a kind word follows at
    once (“X公司”模式 names the model, not the company).
    """
    bare = _clean(content).replace(" ", "")
    if len(bare) < 3 or not _HAN_CHAR.search(bare):
        return False
    if _SENTENCE_MARK.search(content) or "的" in bare or _FORMULA.search(content):
        return False
    if (bare.endswith("式") and not bare.endswith(rules.name_endings)) or (
        len(bare) == 3 and bare[0] == bare[2]
    ):
        return False  # 菜单式, 点对点: a manner, not a name
    if content.count("、") >= 3:
        return False  # 发现、响应、处置、评价: the steps of a process
    if "、" in content and all(_NEGATION.search(part) for part in content.split("、")):
        return False  # 小事不出村、大事不出户: a motto of parallel negated clauses, not a name
    return kinded or not bare.endswith(rules.body_endings) or bare.endswith(rules.service_endings)


def _from_lists(
    text: str, rules: ProgramRules, place_forms: tuple[str, ...] = ()
) -> tuple[list[tuple[str, list[str]]], list[tuple[int, int]]]:
    """Quoted items of a list closed by 等 and a kind noun: “A”“B”等服务, “A”X、“B”Y等项目.

    Also returns the spans of items named as a whole (“A”X“B”Y), whose inner quotations
    are parts of that name, not names of their own.
    """
    out: list[tuple[str, list[str]]] = []
    wholes: list[tuple[int, int]] = []
    if not rules.list_kind_word.search(text):
        return out, wholes
    for m in _LIST_END.finditer(text):
        tail = rules.list_tail.match(text[m.start() :])
        if not tail or (m[0] != "等" and not tail["count"]):
            continue
        start = _after_last(_UP_TO_LIST_START, text, m.start())
        segment = text[start : m.start()]
        offset = start
        for item in _split_items(segment):
            at = text.find(item, offset)
            offset = at + len(item)
            named = _item_name(item, rules) or _place_project(item, rules, place_forms)
            if named:
                out.append(named)
                if _clean(named[0]) != named[0] or named[0] not in item:
                    wholes.append((at, at + len(item)))
    return out, wholes


def _split_items(segment: str) -> list[str]:
    """Split at 、 and between adjacent quotations, outside quotation marks."""
    items, depth, cur = [], 0, ""
    for ch in segment:
        if ch in _OPEN:
            if depth == 0 and cur.endswith(tuple(_CLOSE)) and cur.count("“") + cur.count("‘") == 1:
                items.append(cur)
                cur = ""
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if ch == "、" and depth == 0:
            items.append(cur)
            cur = ""
            continue
        cur += ch
    items.append(cur)
    return [i for i in items if i]


def _place_project(item: str, rules: ProgramRules, place_forms: tuple[str, ...]) -> tuple[str, list[str]] | None:
    """An unquoted item of such a list named after a place and ending in a campaign kind: 就A水库配套工程、
    “B”灌区续建等项目 gives A水库配套工程 (from the place on: what is before it is the clause's own)."""
    if not place_forms or not item.endswith(rules.campaign_kinds) or any(ch in item for ch in _QUOTES):
        return None
    for start in sorted({i for f in place_forms if (i := item.find(f)) >= 0}):
        name = item[start:]  # the longest that reads as a name: no preposition (县水务局就A工程)
        if 4 <= len(name) <= 16 and _HAN_NAME.fullmatch(name) and not _NOT_IN_NAME.search(name):
            return name, []
    return None


def _item_name(item: str, rules: ProgramRules) -> tuple[str, list[str]] | None:
    first = min((item.find(ch) for ch in _OPEN if ch in item), default=-1)
    if first < 0:
        return None
    prefix, rest = item[:first], item[first:]
    verbs = [m.end() for m in rules.verbs.finditer(prefix)]
    if verbs and not prefix[verbs[-1] :]:
        prefix = ""
    quotes = quotations(rest)
    if not quotes or quotes[0].start != 0:
        return None
    core = quotes[0]
    suffix = rest[core.end :]
    if _clean(core.content).endswith(rules.body_endings):
        return None
    if not _name_like(core.content, rules) and not suffix:
        return None
    if not suffix or rules.kind_phrase.fullmatch(suffix):
        if not _name_like(core.content, rules):
            return None
        return core.content, [rest, core.content + suffix] if suffix else []
    whole = _clean(rest)
    quoted_again = any(ch in suffix for ch in _OPEN)
    if not (quoted_again or rules.kind_phrase.search(suffix) or len(suffix) <= 5) or not _name_like(
        rest, rules
    ):
        return None
    return whole, [rest, core.content]


def _from_quotes(
    text: str,
    article_text: str,
    rules: ProgramRules,
    metric_rules: MetricRules,
    wholes: list[tuple[int, int]],
    place_forms: tuple[str, ...] = (),
) -> list[tuple[str, list[str]]]:
    """Quotations taken as programs; ``article_text`` is the article's sentences joined by line breaks."""
    out = []
    quotes = quotations(text)
    for i, q in enumerate(quotes):
        if wholes and any(s <= q.start and q.end <= e for s, e in wholes):
            continue
        short = _short_name(q, text, rules)
        if short:
            out.append(short)
            continue
        if not _name_like(q.content, rules, rules.short_kind.match(text, q.end) is not None):
            continue
        group = _group_of(quotes, i, text)
        score, kind = _score(q, text, article_text, rules, metric_rules, place_forms)
        if score < 2 and any(_left_kind(g, text, rules) for g in group):
            score = 2
        if score >= 2:
            forms = [f"{text[q.start : q.end]}{kind}", f"{q.content}{kind}"] if kind else []
            out.append((q.content, forms))
    return out


def _short_name(q: Quote, text: str, rules: ProgramRules) -> tuple[str, list[str]] | None:
    """Two quoted characters right before a kind word are the core of a name: “三清”工作法 → 三清工作法."""
    bare = _clean(q.content)
    if len(bare) != 2 or not _TWO_HAN.fullmatch(bare):
        return None
    m = rules.short_kind.match(text, q.end)
    if m is None:
        return None
    return bare + m[0], [text[q.start : q.end] + m[0]]


def _group_of(quotes: list[Quote], i: int, text: str) -> list[Quote]:
    """The quotations written side by side with quotes[i] (“A”“B”, “A”、“B”)."""
    group = [quotes[i]]
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(quotes):
            a, b = (quotes[j + step], quotes[j]) if step < 0 else (quotes[j], quotes[j + step])
            if text[a.end : b.start] not in ("", "、"):
                break
            j += step
            group.append(quotes[j])
    return group


def _left_kind(q: Quote, text: str, rules: ProgramRules) -> bool:
    return text.endswith(rules.left_kinds, 0, q.start)


def _score(
    q: Quote,
    text: str,
    article_text: str,
    rules: ProgramRules,
    metric_rules: MetricRules,
    place_forms: tuple[str, ...] = (),
) -> tuple[int, str]:
    before, after = text[: q.start], text[q.end :]
    content = q.content
    kind_match = rules.kind_phrase.match(after)
    kind = kind_match[0] if kind_match and not after.startswith("式") else ""
    strong = (
        bool(kind)
        or _kind_named(_clean(content), rules)
        or _left_kind(q, text, rules)
        or rules.circle_name.fullmatch(content) is not None  # “10分钟养老服务圈”, whatever is around it
    )
    if before.endswith("以") and (rules.banner.match(after) or rules.method.match(after)):
        strong = True  # 以“X”为抓手; 以“X”的方式引进…: the banner or the method of what follows
    score = 2 if strong else 0
    clause_start = _after_last(_UP_TO_CLAUSE_MARK, before, len(before))
    lead = before[clause_start:]
    if rules.verbs.search(lead[-8:]) or (rules.verbs.search(lead) and _closes_clause(after)):
        score += 1  # a launching verb governs it: just before, or anywhere in a clause it ends
    if _placed_before(before, rules, place_forms):
        score += 1  # 社区“X”, 某县“X”: a place's own scheme
    if before.endswith("通过"):
        score += 2  # 通过“X”: the means by which something is done is a named practice (formulas are out)
    if before.endswith(rules.launch_direct):
        score += 2
    if rules.running.match(after[len(kind) :] if kind else after):
        score += 2
    if after.startswith(rules.honour) and rules.conferring.search(lead[-8:]):
        score += 2
    if before.endswith(rules.state):
        score += 1
        if metric_rules.numbers.find(lead):
            score += 1
    bare = _clean(content)
    if article_text.count(bare) >= 2:  # quoted again elsewhere (a quotation has no line break)
        score += 1
    if before.endswith("的") and not strong:
        score -= 2  # 的“X”: a metaphor or attribute, unless a kind word follows (的“X”系列党课)
    if after.startswith("的") and not strong:
        score -= 1
    if before[-4:].endswith(rules.label_before) or before[-6:-2].endswith(rules.label_before):
        score -= 1
    if "、" in content and not strong:
        score -= 1
    return score, kind


def _kind_named(bare: str, rules: ProgramRules) -> bool:
    """A name ending in a kind word after a core of two characters or more (“X夜校”, “X食堂”);
    one character before it (“小食堂”, “新模式”) is a common noun, not a name."""
    if not bare.endswith(rules.name_endings):
        return False  # the usual case: no kind word at all
    return any(bare.endswith(w) and len(bare) - len(w) >= 2 for w in rules.name_endings)


def _closes_clause(after: str) -> bool:
    return not after or after[0] in _STOP


def _placed_before(before: str, rules: ProgramRules, place_forms: tuple[str, ...]) -> bool:
    """A place (named, or a bare level word opening the clause: 社区“X”, 到社区“X”) right before."""
    return (bool(place_forms) and before.endswith(place_forms)) or bool(
        rules.place_before.search(before[-5:])
    )


def _unquoted(
    texts: list[str], rules: ProgramRules, places: tuple[Place, ...]
) -> list[tuple[str, list[str]]]:
    """Unquoted names: a recurring kind (X夜校) used again and again, a named mechanism (推行X长制)."""
    counts: dict[str, int] = {}
    for text in texts:
        if not rules.unquoted_word.search(text):
            continue
        for m in rules.unquoted.finditer(text):
            counts[m[0]] = counts.get(m[0], 0) + 1
    out: list[tuple[str, list[str]]] = [
        (m["name"], [])
        for text in texts
        if rules.mechanism_word.search(text)
        for m in rules.mechanism.finditer(text)
    ]
    for text in texts:
        if rules.mechanism_kind_word.search(text):
            for m in rules.named_mechanism.finditer(text):
                if not rules.generic_mechanism.search(m["core"]) and not _in_quote(text, m.start("core")):
                    out.append((m["core"] + m["kind"], [m["core"]]))
        if rules.campaign_word.search(text):
            out.extend((name, []) for name in _campaigns(text, rules))
        if rules.circle_word.search(text):
            out.extend(
                (m["name"], []) for m in rules.circle.finditer(text) if not _in_quote(text, m.start("name"))
            )
    forms_of_places = sorted({f for p in places for f in (p.name, *p.aliases)}, key=len, reverse=True)
    for name, n in counts.items():
        if n < 3:
            continue
        forms = [f + name for f in forms_of_places if any(f + name in t for t in texts)]
        out.append((name, forms))
    return out


def _campaigns(text: str, rules: ProgramRules) -> list[str]:
    """Unquoted campaigns a launching verb puts in place, with those joined to them:
    实施X工程和Y行动 gives X工程 and Y行动 (a name of five characters or more before the kind)."""
    out = []
    for m in rules.campaign.finditer(text):
        if _in_quote(text, m.start("name")):
            continue
        names, end = [m["name"]], m.end()
        while nxt := rules.campaign_next.match(text, end):
            names.append(nxt["name"])
            end = nxt.end()
        out.extend(n for n in names if not rules.generic_mechanism.search(n))  # not 安全生产专项行动
    return out


def _in_quote(text: str, pos: int) -> bool:
    return sum(text.count(o, 0, pos) for o in _OPEN) > sum(text.count(c, 0, pos) for c in _CLOSE)


def _tail_forms(name: str, article_text: str, rules: ProgramRules) -> tuple[str, ...]:
    """Short forms of a four- or five-character name that drop its first two characters, as a
    report does after naming it in full: 石桥夜谈 → 夜谈活动 (with a kind word), 松乡好管家 → 好管家."""
    if not 4 <= len(name) <= 5 or not _HAN_NAME.fullmatch(name):
        return ()
    head, tail = name[:2], name[2:]
    if tail not in article_text.replace(name, ""):
        return ()  # most names are never shortened: skip the pattern
    kind = f"(?:{rules.kinds})" if len(tail) < 3 else f"(?:{rules.kinds})?"
    pattern = re.compile(f"(?<!{re.escape(head)}){re.escape(tail)}{kind}")
    return tuple(sorted({m[0] for m in pattern.finditer(article_text)}))


def _merge_forms(drafts: dict[str, _Draft]) -> dict[str, _Draft]:
    """A candidate named like another one's longer form is that one (X工作法 → X)."""
    merged: dict[str, _Draft] = {}
    for name, draft in sorted(drafts.items(), key=lambda kv: len(kv[0])):
        owner = next((d for d in merged.values() if name in d.forms or _clean(name) in d.forms), None)
        if owner is None:
            merged[name] = draft
        else:
            owner.add(*draft.forms)
    return merged


def _program(draft: _Draft, drafts: dict[str, _Draft], scene: Scene) -> Program | None:
    surfaces = {draft.name, *draft.forms, *draft.short}
    other_forms = {f for other in drafts.values() if other is not draft for f in (other.name, *other.forms)}
    # A longer program named with this one inside (X记录表 for X) is not a mention of it.
    longer = {f for s in surfaces for f in other_forms if s in f and s != f}
    links = link(surfaces, longer, other_forms - longer, scene)
    if links is None:
        return None
    name = _clean(draft.name)
    return Program(
        name=name,
        aliases=tuple(f for f in (draft.name, *draft.forms) if f != name),
        places=links.places,
        organizations=links.organizations,
        people=links.people,
        evidence=links.evidence,
    )
