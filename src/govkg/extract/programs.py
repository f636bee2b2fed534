"""Programs: named initiatives, campaigns, service brands, mechanisms and projects.

Chinese reports put such names in quotation marks, but they quote slogans, idioms,
metaphors and formulas the same way. A quotation is taken as a program only on cues that
hold in any report, never on a list of names:

- its own ending or the words right after it name a kind of initiative (“X”行动, “X”机制,
  “X工程”, “X”志愿服务项目启动以来), or a kind noun stands before it (惠企政策“X”);
- it is one item of a list closed by 等 and a kind noun (“A”“B”等特色服务; “A”、“B”等36个项目);
- it is the banner of what follows (以“X”为品牌);
- weaker cues add up: a launching verb before it (实施, 打造, 依托), a standard reached
  (…45家企业实现“X”), the same phrase quoted again elsewhere in the article;
- and cues against: formulas (A+B, A—B—C), sentences (punctuation inside), labels and
  metaphors (成为“X”, 的“X”, “X”的理念), names of bodies (“X服务队”), two characters or fewer.

A program is placed where the sentences that mention it say (the place named before it),
and in the place the article is about; bodies named before it in its clause run it, and
officials named with it speak for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from govkg.extract.metrics import MetricRules
from govkg.extract.references import Reference, ReferenceIndex, focus_place
from govkg.extract.trie import trie_pattern
from govkg.model import Article, Evidence, Membership, Organization, Person, Place, Program
from govkg.resources import Resources, read_lexicon

_OPEN = "“‘「『"
_CLOSE = "”’」』"
_QUOTES = _OPEN + _CLOSE
_STOP = "，,。；;：:！？!?（(、"
_SENTENCE_MARKS = set("，,。；;！？!?：:")
_FORMULA = re.compile(r"[+＋→]|(?:[—－-]+.*){2,}")
_REPORTER_TITLES = ("记者", "通讯员")


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark
    content: str  # what is inside the marks, nested marks kept


def quotations(text: str) -> list[Quote]:
    """Every quotation in ``text``, nested ones included, ordered by start."""
    stack: list[int] = []
    out = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE and stack:
            start = stack.pop()
            out.append(Quote(start, i + 1, text[start + 1 : i]))
    return sorted(out, key=lambda q: q.start)


def _groups(name: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in read_lexicon(name):
        key, *words = line.split()
        out[key.lstrip("@")] = tuple(words)
    return out


def _longest(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class ProgramRules:
    kind_phrase: re.Pattern[str]  # the words after a quotation that name its kind
    list_tail: re.Pattern[str]  # 等 + (a count) + a kind noun
    left_kinds: tuple[str, ...]
    name_endings: tuple[str, ...]
    verbs: re.Pattern[str]
    verb_words: tuple[str, ...]
    banner: re.Pattern[str]
    state: tuple[str, ...]
    label_before: tuple[str, ...]
    body_endings: tuple[str, ...]
    unquoted: re.Pattern[str]

    @classmethod
    def load(cls) -> ProgramRules:
        g = _groups("program_cues")
        kinds = trie_pattern(g["kinds"])
        after = trie_pattern(g["after_kind"])
        han = r"[\u4e00-\u9fffA-Za-z·]"
        return cls(
            kind_phrase=re.compile(rf"(?!式){han}{{0,8}}?(?:{kinds})(?=$|[{_STOP}{_QUOTES}等的]|{after})"),
            list_tail=re.compile(rf"^等(?:\d+|[一二两三四五六七八九十百千]+)?[余多]?[个项类种批支场次]?{han}{{0,8}}?(?:{trie_pattern(g['list_kinds'])})"),
            left_kinds=_longest(g["left_kinds"]),
            name_endings=_longest(g["name_endings"]),
            verbs=re.compile(trie_pattern(g["verbs"])),
            verb_words=_longest(g["verbs"]),
            banner=re.compile(rf"^为(?:{trie_pattern(g['banner'])})"),
            state=_longest(g["state"]),
            label_before=_longest(g["label_before"]),
            body_endings=_longest(g["body_endings"]),
            unquoted=re.compile(rf"(?<![\u4e00-\u9fff]{{3}})([\u4e00-\u9fff]{{2}})(?:{trie_pattern(g['unquoted'])})"),
        )


@dataclass
class _Draft:
    name: str
    forms: list[str] = field(default_factory=list)

    def add(self, *forms: str) -> None:
        for f in forms:
            if f and f != self.name and f not in self.forms:
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
    drafts: dict[str, _Draft] = {}
    for text in texts:
        for name, forms in _from_lists(text, rules) + _from_quotes(text, texts, rules, metric_rules):
            if name in known or _clean(name) in known:
                continue
            drafts.setdefault(name, _Draft(name)).add(*forms)
    for name, forms in _unquoted(texts, rules, places):
        drafts.setdefault(name, _Draft(name)).add(*forms)
    drafts = _merge_forms(drafts)
    if not drafts:
        return ()
    index = ReferenceIndex(places, organizations, (), metric_rules.deixis)
    references = index.scan(article)
    focus = focus_place(references)
    return tuple(
        program
        for draft in drafts.values()
        if (program := _program(draft, article, references, focus, people, memberships, metric_rules))
    )


# -- candidates ------------------------------------------------------------------------------


def _clean(s: str) -> str:
    return "".join(ch for ch in s if ch not in _QUOTES)


def _name_like(content: str, rules: ProgramRules) -> bool:
    """The shape tests every program name passes, whatever the cues around it."""
    bare = _clean(content).replace(" ", "")
    if len(bare) < 3 or not re.search(r"[\u4e00-\u9fff]", bare):
        return False
    if _SENTENCE_MARKS & set(content) or "的" in bare or _FORMULA.search(content):
        return False
    return not bare.endswith(rules.body_endings)


def _from_lists(text: str, rules: ProgramRules) -> list[tuple[str, list[str]]]:
    """Quoted items of a list closed by 等 and a kind noun: “A”“B”等服务, “A”X、“B”Y等项目."""
    out = []
    for m in re.finditer("等", text):
        if not rules.list_tail.match(text[m.start() :]):
            continue
        start = max(text.rfind(ch, 0, m.start()) for ch in "，,。；;：:！？!?") + 1
        segment = text[start : m.start()]
        for item in _split_items(segment):
            named = _item_name(item, rules)
            if named:
                out.append(named)
    return out


def _split_items(segment: str) -> list[str]:
    """Split at 、 and between adjacent quotations, outside quotation marks."""
    items, depth, cur = [], 0, ""
    for i, ch in enumerate(segment):
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
    if not _name_like(core.content, rules) and not suffix:
        return None
    if not suffix or rules.kind_phrase.fullmatch(suffix):
        if not _name_like(core.content, rules):
            return None
        return core.content, [rest, core.content + suffix] if suffix else []
    whole = _clean(rest)
    if not _name_like(rest, rules):
        return None
    return whole, [rest, core.content]


def _from_quotes(
    text: str, texts: list[str], rules: ProgramRules, metric_rules: MetricRules
) -> list[tuple[str, list[str]]]:
    out = []
    quotes = quotations(text)
    for i, q in enumerate(quotes):
        if not _name_like(q.content, rules):
            continue
        group = _group_of(quotes, i, text)
        score, kind = _score(q, text, texts, rules, metric_rules)
        if score < 2 and any(_left_kind(g, text, rules) for g in group):
            score = 2
        if score >= 2:
            forms = [f"{text[q.start:q.end]}{kind}", f"{q.content}{kind}"] if kind else []
            out.append((q.content, forms))
    return out


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
    return text[: q.start].endswith(rules.left_kinds)


def _score(
    q: Quote, text: str, texts: list[str], rules: ProgramRules, metric_rules: MetricRules
) -> tuple[int, str]:
    before, after = text[: q.start], text[q.end :]
    content = q.content
    kind_match = rules.kind_phrase.match(after)
    kind = kind_match[0] if kind_match and not after.startswith("式") else ""
    strong = bool(kind) or _clean(content).endswith(rules.name_endings) or _left_kind(q, text, rules)
    if before.endswith("以") and rules.banner.match(after):
        strong = True
    score = 2 if strong else 0
    clause_start = max(before.rfind(ch) for ch in "，,。；;：:！？!?") + 1
    lead = before[clause_start:]
    if rules.verbs.search(lead[-8:]):
        score += 1
    if before.endswith("通过"):
        score += 1
    if before.endswith(rules.state):
        score += 1
        if metric_rules.numbers.find(lead):
            score += 1
    bare = _clean(content)
    if sum(t.count(bare) for t in texts) >= 2:
        score += 1
    if before.endswith("的"):
        score -= 2
    if after.startswith("的") and not strong:
        score -= 1
    if before[-4:].endswith(rules.label_before) or before[-6:-2].endswith(rules.label_before):
        score -= 1
    if "、" in content and not strong:
        score -= 1
    return score, kind


def _unquoted(texts: list[str], rules: ProgramRules, places: tuple[Place, ...]) -> list[tuple[str, list[str]]]:
    """Unquoted names of a recurring kind (X夜校) that the article uses again and again."""
    counts: dict[str, int] = {}
    for text in texts:
        for m in rules.unquoted.finditer(text):
            counts[m[0]] = counts.get(m[0], 0) + 1
    out = []
    forms_of_places = sorted({f for p in places for f in (p.name, *p.aliases)}, key=len, reverse=True)
    for name, n in counts.items():
        if n < 3:
            continue
        forms = [f + name for f in forms_of_places if any(f + name in t for t in texts)]
        out.append((name, forms))
    return out


def _merge_forms(drafts: dict[str, _Draft]) -> dict[str, _Draft]:
    """A candidate named like another one's longer form is that one (学用转化模式 → 学用转化)."""
    merged: dict[str, _Draft] = {}
    for name, draft in sorted(drafts.items(), key=lambda kv: len(kv[0])):
        owner = next((d for d in merged.values() if name in d.forms or _clean(name) in d.forms), None)
        if owner is None:
            merged[name] = draft
        else:
            owner.add(*draft.forms)
    return merged


# -- links -----------------------------------------------------------------------------------


def _program(
    draft: _Draft,
    article: Article,
    references: list[list[Reference]],
    focus: str | None,
    people: tuple[Person, ...],
    memberships: tuple[Membership, ...],
    rules: MetricRules,
) -> Program | None:
    surfaces = sorted({draft.name, *draft.forms}, key=len, reverse=True)
    evidence, places, orgs, persons = [], [], [], []
    officials = {m.person for m in memberships if m.title not in _REPORTER_TITLES}
    for sentence, refs in zip(article.sentences, references):
        text = sentence.clean
        at = min((text.find(s) for s in surfaces if s in text), default=-1)
        if at < 0:
            continue
        evidence.append(Evidence.of(article, sentence))
        before = [r for r in refs if r.end <= at]
        place = next((r.subject.name for r in reversed(before) if r.subject.kind == "place"), None)
        if place and place not in places:
            places.append(place)
        clause_start = max(text.rfind(ch, 0, at) for ch in "，,。；;：:！？!?") + 1
        for r in before:
            if r.subject.kind == "organization" and r.start >= clause_start:
                if not text[r.end :].startswith(rules.titles) and r.subject.name not in orgs:
                    orgs.append(r.subject.name)
        for person in people:
            if person.name in officials and any(f in text for f in (person.name, *person.aliases)):
                if person.name not in persons:
                    persons.append(person.name)
    if not evidence:
        return None
    if focus and focus not in places:
        places.insert(0, focus)
    name = _clean(draft.name)
    return Program(
        name=name,
        aliases=tuple(f for f in (draft.name, *draft.forms) if f != name),
        places=tuple(places),
        organizations=tuple(orgs),
        people=tuple(persons),
        evidence=tuple(evidence),
    )
