"""Metrics: every reported quantity of an article as typed data with what it counts and about whom.

A sentence is read clause by clause (split at ，；：). For each quantity:

- **measure**: the noun right after it (走访42家困难企业) or, when a verb or the clause end
  follows, the words before it from the clause start, without the verbs, adverbs and
  subject before what is counted (共征集整理群众诉求620余条 → 群众诉求); an elliptical clause
  (860项实现…) takes the measure of the previous figure with the same unit;
- **about**: a body, program or place named before it in its own clause (not the members
  of what is counted: 以A村、B村等6个村为试点), unless the sentence reports what a program
  did (通过“X”，全镇共召开…); otherwise the sentence's topic (the actor of the first clause,
  or a program or body the sentence launches: 推出X品牌，累计帮扶…); otherwise the previous
  sentence's topic, the paragraph's topic (the place it opens with or presents: 桃源村是…,
  or the program it launches), the last place named, the article's main place;
- **period**: the last time span written before it in the sentence (2023年以来, 截至今年6月),
  so that semicolon-joined clauses inherit it.

Numbers inside short quotations are parts of names or slogans (“五河六湖”, “1+3”) and are
skipped; see numbers.py for what is not a quantity at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govkg.extract.numbers import NumberRules, Quantity
from govkg.extract.references import PILOT, TOPIC_VERBS, Deixis, Reference, ReferenceIndex, focus_place
from govkg.extract.trie import trie_pattern
from govkg.model import Article, Evidence, Metric, Organization, Place, Program, Sentence, Subject
from govkg.resources import Resources, read_lexicon, read_lexicon_groups

_CLAUSE = "，,；;：:。！？!?"
_OPEN, _CLOSE = "“‘「『", "”’」』"
_SPEECH = set("，,。；;！？!?：:")
_NOMINAL = "率量数额面"  # 办结率, 接待量: a verb that names what is measured
_CLAUSE_END = re.compile(f"[{_CLAUSE}]")
_COMPANION = ("与", "和", "同", "跟")  # 桃源村与杏花村合作: the one after 与 is not the actor
_VERB_DONE = re.compile(r"[就已都]?[\u4e00-\u9fff]了$")



def _alternation(words) -> re.Pattern[str]:
    return re.compile(trie_pattern(words))


@dataclass(frozen=True)
class MetricRules:
    numbers: NumberRules
    deixis: Deixis
    object_verbs: re.Pattern[str]
    right_stops: tuple[str, ...]
    lead_trim: tuple[str, ...]
    tail_trim: tuple[str, ...]
    attributive: tuple[str, ...]
    unit_measure: dict[str, str]
    initiating: tuple[str, ...]
    prepositions: tuple[str, ...]
    state_verbs: tuple[str, ...]
    speaker_words: tuple[str, ...]
    means: tuple[str, ...]
    running_since: re.Pattern[str]  # after a program: it has been running (…机制运行以来)
    session_units: frozenset[str]
    titles: tuple[str, ...]
    period: re.Pattern[str]
    not_after_year: tuple[str, ...]

    @classmethod
    def load(cls) -> MetricRules:
        words = read_lexicon_groups("measure_words")
        subj = read_lexicon_groups("metric_subjects")
        per = read_lexicon_groups("metric_periods")
        longest = lambda ws: tuple(sorted(ws, key=len, reverse=True))  # noqa: E731
        year = r"(?:\d{4}|[一二〇零]{4})年(?:\d{1,2}月)?"
        period = (
            rf"(?:{trie_pattern(per['prefix'])})?"
            rf"(?:{year}(?:{trie_pattern(per['year_suffix'])})?"
            rf"|(?:{trie_pattern(per['relative'])})(?:\d{{1,2}}月(?:底|末|初|份)?)?"
            rf"|(?:{trie_pattern(per['since'])})以来)(?:以来)?"
        )
        return cls(
            numbers=NumberRules.load(),
            deixis=Deixis.build(
                subj["deixis"], subj["levels"], subj["home"], subj["program_deixis"], subj["program_kinds"]
            ),
            object_verbs=_alternation(words["object_verbs"]),
            right_stops=longest(words["right_stops"]),
            lead_trim=longest(words["lead_trim"]),
            tail_trim=longest(words["tail_trim"]),
            attributive=words["attributive"],
            unit_measure=dict(w.split(":") for w in words["unit_measure"]),
            initiating=longest(subj["initiating"]),
            prepositions=longest(subj["prepositions"]),
            state_verbs=longest(subj["state_verbs"]),
            speaker_words=longest(subj["speaker_words"]),
            means=longest(subj["means"]),
            running_since=re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{trie_pattern(per['since'])})以来"),
            session_units=frozenset(subj["session_units"]),
            titles=longest(read_lexicon("titles")),
            period=re.compile(period),
            not_after_year=per["not_after"],
        )

    def sets_scene(self, lead: str) -> bool:
        """True when the words before a name only set the scene (去年，; 2023年以来，), so it opens the sentence."""
        return not _strip_time(lead, self)


def extract_metrics(
    article: Article,
    places: tuple[Place, ...],
    organizations: tuple[Organization, ...],
    programs: tuple[Program, ...],
    res: Resources,
) -> tuple[Metric, ...]:
    rules = res.metric_rules
    texts = [s.clean for s in article.sentences]
    index = ReferenceIndex(places, organizations, programs, rules.deixis, rules.titles)
    starts = paragraph_starts(article)
    references, openers = index.scan_topics(texts, starts, rules.sets_scene)
    reader = _ArticleReader(rules, index, focus_place(index, references))
    metrics: list[Metric] = []
    for sentence, text, refs, new, opener in zip(
        article.sentences, texts, references, starts, openers, strict=True
    ):
        if new:
            reader.new_paragraph()
        metrics.extend(reader.read(article, sentence, text, refs, opener))
    return tuple(metrics)


def paragraph_starts(article: Article) -> list[bool]:
    """Sentences that open a paragraph: the first, and any not written right after the one before."""
    out, end = [], None
    for s in article.sentences:
        out.append(end is None or s.start != end)
        end = s.end
    return out


@dataclass
class _Clause:
    start: int
    end: int


class _ArticleReader:
    """Reads sentences in order, carrying the topic and the last place named."""

    def __init__(self, rules: MetricRules, index: ReferenceIndex, focus: str | None) -> None:
        self.rules = rules
        self.index = index
        self.focus = Subject("place", focus) if focus else None
        self.previous: tuple[str, list[Reference]] | None = None  # the sentence before, read lazily
        self.last_place: Subject | None = None
        self.paragraph_topic: Subject | None = None
        self.paragraph_program: Subject | None = None  # the last program the paragraph introduced

    def new_paragraph(self) -> None:
        self.previous = None
        self.paragraph_topic = None
        self.paragraph_program = None

    def read(
        self, article: Article, sentence: Sentence, text: str, refs: list[Reference], opener: Subject | None
    ) -> list[Metric]:
        if opener:
            self.paragraph_topic = opener
        launched = self._launched_program(text, refs)
        if launched:
            self.paragraph_topic = launched
        for subject in (opener, launched):
            if subject and subject.kind == "program":
                self.paragraph_program = subject
        quantities = [q for q in self.rules.numbers.find(text) if not _in_short_quote(text, q.start)]
        out = self._metrics(article, sentence, text, refs, quantities) if quantities else []
        self.previous = (text, refs)
        places = [p for p in map(self.index.place_of, refs) if p]
        if places:
            self.last_place = Subject("place", places[-1])
        return out

    def _launched_program(self, text: str, refs: list[Reference]) -> Subject | None:
        """The last program that a clause of the sentence puts in place (推行X制度, 试点“X”)."""
        programs = [r for r in refs if r.subject.kind == "program"]
        if not programs:
            return None
        clauses = _clauses(text)
        out = None
        for r in programs:
            if not self._eligible(text, r, clauses):
                continue  # not one item of a list (打造“A”“B”等课程)
            clause = next(c for c in clauses if c.start <= r.start < c.end)
            if any(v in text[clause.start : r.start] for v in self.rules.initiating):
                out = r.subject
        return out

    def _means(self, text: str, refs: list[Reference], until: int) -> Subject | None:
        """A program whose results the sentence reports: the means (通过“X”，…; 依托“X”，…)
        or the start of the period (“X”运行以来，…). A banner (以“X”为品牌) is not enough."""
        programs = [r for r in refs if r.subject.kind == "program" and r.end <= until]
        if not programs:
            return None
        last = programs[-1]
        before = text[: last.start].rstrip("“‘「『")
        after = text[last.end :].lstrip("”’」』")
        if before.endswith(self.rules.means) or self.rules.running_since.match(after):
            return last.subject
        return None

    def _previous_topic(self) -> Subject | None:
        if self.previous is None:
            return None
        text, refs = self.previous
        clauses = _clauses(text)
        eligible = [r for r in refs if self._eligible(text, r, clauses)]
        return self._topic(text, clauses, eligible, len(text), carried=True)

    def _metrics(
        self,
        article: Article,
        sentence: Sentence,
        text: str,
        refs: list[Reference],
        quantities: list[Quantity],
    ) -> list[Metric]:
        clauses = _clauses(text)
        periods = self._periods(text)
        eligible = [r for r in refs if self._eligible(text, r, clauses)]
        out: list[Metric] = []
        previous: dict[str, str] = {}
        prev_end = 0
        for q in quantities:
            clause = next(c for c in clauses if c.start <= q.start < c.end)
            measure, measure_start = self._measure(text, q, clause, max(prev_end, clause.start), refs)
            if not measure:
                measure = previous.get(q.unit) or self.rules.unit_measure.get(q.unit.lstrip("万亿"))
            if measure:
                measure = "".join(ch for ch in measure if ch not in _OPEN + _CLOSE)
                previous[q.unit] = measure
            about = self._about(text, q, clause, clauses, eligible, refs, measure, measure_start)
            out.append(
                Metric(
                    value=q.value,
                    unit=q.unit,
                    text=q.text,
                    qualifier=q.qualifier,
                    measure=measure,
                    about=about,
                    period=next((p for start, p in reversed(periods) if start < q.start), None),
                    evidence=(Evidence.of(article, sentence),),
                )
            )
            prev_end = q.end
        return out

    # -- what is counted -------------------------------------------------------------------

    def _measure(
        self, text: str, q: Quantity, clause: _Clause, left_start: int, refs: list[Reference]
    ) -> tuple[str | None, int]:
        right = self._right_noun(text[q.end : clause.end])
        if right:
            return right, q.end
        left_from = max(left_start, text.rfind("、", clause.start, q.start) + 1)
        return self._left_noun(text, left_from, q.start, refs)

    def _right_noun(self, after: str) -> str | None:
        r = self.rules
        if after.startswith("的"):
            after = after[1:]
        if not after or after[0] in _CLAUSE or after[0] in "、" or after[0].isdigit():
            return None
        if after.startswith(r.right_stops):
            return None
        end = 0
        while end < len(after) and end < 20:
            ch = after[end]
            if ch in _CLAUSE or ch in "、" or ch.isdigit() or after.startswith(r.right_stops, end) and end:
                break
            if end >= 2 and r.object_verbs.match(after, end):
                break  # 18个乡镇结对: a verb ends what is counted
            end += 1
        noun = after[:end]
        if noun[:1] in _OPEN and any(c in noun for c in _CLOSE):
            close = max(noun.rfind(c) for c in _CLOSE)
            noun = noun[close + 1 :] if len(noun) - close > 2 else noun
        head, sep, tail = noun.partition("的")
        if sep:
            noun = (
                tail if (len(head) < 2 or any(a in head for a in r.attributive)) and len(tail) >= 2 else head
            )
        noun = noun.strip("“”‘’")
        return noun if len(noun) >= 2 else None

    def _left_noun(self, text: str, start: int, end: int, refs: list[Reference]) -> tuple[str | None, int]:
        r = self.rules
        for ref in refs:
            leading = ref.start == start or text[start : ref.start].strip() == ""
            if start <= ref.start and ref.end <= end and ref.subject.kind != "program" and leading:
                start = ref.end
        span = text[start:end]
        base = start
        for m in r.period.finditer(span):
            if m.start() == 0 or span[: m.start()].strip() == "":
                base, span = base + m.end(), span[m.end() :]
                break
        cut = span.rfind("等")
        if cut >= 0 and len(span) - cut - 1 >= 2:
            base, span = base + cut + 1, span[cut + 1 :]
        best = None
        core = _strip_tail(span, r.tail_trim)
        for m in r.object_verbs.finditer(core):
            if len(core) - m.end() >= 2 and core[m.end()] not in _NOMINAL:
                best = m.end()
        if best is not None:
            base, span = base + best, span[best:]
        changed = True
        while changed and span:
            changed = False
            if _VERB_DONE.search(span) and len(span) > 3:
                span, changed = _VERB_DONE.sub("", span), True  # 站长先后换了4个: the verb is not counted
            for w in r.tail_trim:
                if span.endswith(w) and len(span) > len(w):
                    span, changed = span[: -len(w)], True
                    break
            for w in r.lead_trim:
                if span.startswith(w) and len(span) - len(w) >= 2:
                    base, span, changed = base + len(w), span[len(w) :], True
                    break
            for ref in refs:
                if ref.start == base and ref.subject.kind != "program" and len(span) > ref.end - ref.start:
                    base, span, changed = ref.end, text[ref.end : end], True
            deictic = r.deixis.pattern.match(span)
            if deictic and len(span) - deictic.end() >= 2:
                base, span, changed = base + deictic.end(), span[deictic.end() :], True
        if "的" in span:
            head, _, tail = span.rpartition("的")
            if len(tail) >= 2:
                base, span = base + len(head) + 1, tail
        span = span.strip("“”‘’ ")
        return (span if len(span) >= 2 else None), base

    # -- about whom ------------------------------------------------------------------------

    def _eligible(self, text: str, ref: Reference, clauses: list[_Clause]) -> bool:
        r = self.rules
        after = text[ref.end :].lstrip("”’」』")
        before = text[: ref.start].rstrip("“‘「『")
        if ref.subject.kind == "organization" and after.startswith((*r.titles, *r.speaker_words)):
            return False
        if ref.subject.kind == "program":
            if after.startswith(("等", "、", "“")) or before.endswith(("、", "”")):
                return False
            if before.endswith(r.state_verbs):
                return False
        clause = next((c for c in clauses if c.start <= ref.start < c.end), None)
        if clause is not None:
            lead = text[clause.start : ref.start]
            if any(p in lead for p in r.prepositions if len(p) > 1) or lead.startswith(r.prepositions):
                return False
        return True

    def _about(
        self,
        text: str,
        q: Quantity,
        clause: _Clause,
        clauses: list[_Clause],
        eligible: list[Reference],
        refs: list[Reference],
        measure: str | None,
        measure_start: int,
    ) -> Subject | None:
        base_unit = q.unit.lstrip("万亿")
        if base_unit in self.rules.session_units:
            for ref in refs:
                if ref.subject.kind == "program" and q.end <= ref.start < clause.end:
                    return ref.subject
        limit = min(q.start, measure_start) if measure_start >= clause.start else q.start
        if clause.start <= measure_start < q.start:
            # 打造15分钟便民服务圈12个: a program that is what is counted is not what the count is about
            eligible = [
                r
                for r in eligible
                if not (r.subject.kind == "program" and measure_start <= r.start < q.start)
            ]
        # 以A村、B村等6个村为试点: the places listed are what is counted, not what it is about
        eligible = [
            r for r in eligible if not (clause.start <= r.start and _listed_before(text, r, refs, q.start))
        ]
        local = [r for r in eligible if clause.start <= r.start and r.end <= limit]
        pilot = self.paragraph_program
        if pilot and any(
            m.start() <= q.start < m.end() for m in PILOT.finditer(text, clause.start, clause.end)
        ):
            return pilot  # 以A村、B村等6个村为试点 in a paragraph about a program: the program's pilot
        means = self._means(text, refs, q.start)
        if local:
            return means if means and all(r.subject.kind == "place" for r in local) else local[-1].subject
        topic = self._topic(text, clauses, eligible, q.start)
        if means and topic and topic.kind == "place":
            return means
        return topic or self._previous_topic() or self.paragraph_topic or self.last_place or self.focus

    def _topic(
        self, text: str, clauses: list[_Clause], eligible: list[Reference], until: int, carried: bool = False
    ) -> Subject | None:
        """The actor of the sentence up to ``until``: first clause's subject, or what a clause launches.

        For the next sentence (``carried``) only a topic that the sentence launches or that an
        actor named before it acts on is kept; a bare object (邀请“X”成员…) is not carried.
        """
        topic = None
        keep = False
        for c in clauses:
            if c.start >= until:
                break
            inside = [
                r
                for r in eligible
                if c.start <= r.start < min(c.end, until) and not text[r.end :].startswith(("、", "等"))
            ]  # not the items of a list (以A村、B村等6个村为试点)
            if not inside:
                continue
            lead = _strip_time(text[c.start : inside[0].start], self.rules)
            launched = [r for r in inside if any(v in text[c.start : r.start] for v in self.rules.initiating)]
            if topic is None:
                presented = [r for r in inside if text[r.end :].startswith(TOPIC_VERBS)]  # 桃源村位于…
                actors = [r for r in inside if not text[: r.start].endswith(_COMPANION)]  # A与B合作: A
                # a program opening the clause acts on what follows (“X”覆盖全镇)
                opening = inside[:1] if not lead and inside[0].subject.kind == "program" else []
                topic = (launched or presented[:1] or opening or actors or inside)[-1].subject
                keep = bool(launched) or len(inside) > 1
            elif launched:
                topic, keep = launched[-1].subject, True
            elif not lead:
                topic, keep = inside[0].subject, True
        return topic if keep or not carried else None

    # -- when ------------------------------------------------------------------------------

    def _periods(self, text: str) -> list[tuple[int, str]]:
        """The time spans written in a sentence, with their offsets (not years of birth)."""
        return [
            (m.start(), m[0])
            for m in self.rules.period.finditer(text)
            if not text.startswith(self.rules.not_after_year, m.end())
        ]


def _listed_before(text: str, ref: Reference, refs: list[Reference], until: int) -> bool:
    """True for a member of what the number counts: 以A村、B村等6个村 (A村 and B村 are not its subject)."""
    gap = text[ref.end : until]
    for r in refs:
        if ref.end <= r.start and r.end <= until:
            gap = gap.replace(r.surface, "")
    return bool(gap) and gap.endswith("等") and not gap.strip("、和与及等")


def _strip_tail(span: str, words: tuple[str, ...]) -> str:
    for w in words:
        if span.endswith(w) and len(span) > len(w):
            return span[: -len(w)]
    return span


def _strip_time(lead: str, rules: MetricRules) -> str:
    lead = lead.strip(" ，,")
    m = rules.period.match(lead)
    if m:
        lead = lead[m.end() :]
    if not lead.startswith(rules.lead_trim):
        return lead  # the usual case: nothing to trim, so no word-by-word pass
    for w in rules.lead_trim:
        if lead.startswith(w):
            lead = lead[len(w) :]
    return lead


def _clauses(text: str) -> list[_Clause]:
    out, start = [], 0
    for m in _CLAUSE_END.finditer(text):
        out.append(_Clause(start, m.end()))
        start = m.end()
    if start < len(text) or not out:
        out.append(_Clause(start, len(text) + 1))
    return out


def _in_short_quote(text: str, pos: int) -> bool:
    """True inside a quotation that is a name or slogan (no sentence punctuation inside)."""
    depth_start = []
    for i, ch in enumerate(text):
        if i >= pos and not depth_start:
            return False
        if ch in _OPEN:
            depth_start.append(i)
        elif ch in _CLOSE and depth_start:
            start = depth_start.pop()
            if start < pos < i and not (_SPEECH & set(text[start + 1 : i])):
                return True
    # an unclosed quotation (cut text) counts as speech
    return False
