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
  or the program it launches), the last place named, the article's main place; before the
  previous sentence's topic comes what the speaker speaks for (镇党委书记王某… 王某说，… → the
  town), and what a village collective earns (村集体经济收入) is the village's; 全县 right before
  a figure is the range counted, not the actor, when its clause names another (该市“X”已覆盖全市
  9个乡镇 → X); a count of sites that a program is put in place at is the program's reach
  (12个村开展“X”), a count of titles a program confers is the program's (评选“X”示范户30户),
  and a program that is itself counted (已成立X19家) is not what the sentence is about;
- **period**: the last time span written before it in the sentence (2023年以来, 截至今年6月),
  so that semicolon-joined clauses inherit it.

Numbers inside short quotations are parts of names or slogans (“五河六湖”, “1+3”) and are
skipped; see numbers.py for what is not a quantity at all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from govkg.extract.numbers import NumberRules, Quantity, optional
from govkg.extract.references import (
    PILOT,
    TOPIC_VERBS,
    Deixis,
    Reference,
    ReferenceIndex,
    after_quote,
    focus_place,
)
from govkg.extract.trie import trie_pattern
from govkg.model import Article, Evidence, Metric, Organization, Place, Program, Sentence, Subject
from govkg.resources import Resources, read_lexicon, read_lexicon_groups

_HAN = "\u4e00-\u9fff"
_CLAUSE = "，,；;：:。！？!?"
_OPEN, _CLOSE = "“‘「『", "”’」』"
_SPEECH = "，,。；;！？!?：:"
_NOMINAL = "率量数额面"  # 办结率, 接待量: a verb that names what is measured
_CLAUSE_END = re.compile(f"[{_CLAUSE}]")
_QUOTE_MARK = re.compile(f"[{_OPEN}{_CLOSE}]")
_SPEECH_MARK = re.compile(f"[{re.escape(_SPEECH)}]")
_RIGHT_BREAK = f"{_CLAUSE}、"  # characters that end what is counted, read rightwards
_SOURCE = ("从",)  # 某镇从省农科院引进专家: where something comes from is not the actor
_COMPANION = ("与", "和", "同", "跟")  # 桃源村与杏花村合作: the one after 与 is not the actor
_AGENT = "由"  # 由镇党委统筹: a later clause naming who does one step, not the sentence's actor
_BUILT = re.compile("建成|建起|建好|新建|改建")  # verbs that make a site: what they make acts next
_ALL = re.compile("全部|全都|均已|都已")  # 221个村全部建立…: every unit of the place
_NUMERAL_START = frozenset("0123456789一二两三四五六七八九十百千")
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
    collective: re.Pattern[str]  # 村集体…, 村民人均…: a measure owned by a place of that level
    introduced: re.Pattern[str]  # titles and the name after them (书记、主任黄某): a speaker introduced
    speech: re.Pattern[str]  # a speech verb (说, 介绍)
    leading_organs: frozenset[str]  # 党委, 村委会: a body that speaks for its place
    period: re.Pattern[str]
    not_after_year: tuple[str, ...]
    # The word lists above as patterns, for the checks made per sentence and per figure:
    right_stop_pattern: re.Pattern[str]
    initiating_pattern: re.Pattern[str]
    aim: re.Pattern[str]  # after a program: its kind word, then 目标/要求 (what the actor aims at)
    long_prepositions: re.Pattern[str]  # prepositions of two characters or more (not 对, 向)
    org_followers: tuple[str, ...]  # titles and speaker words: a body before them is an affiliation
    honour: tuple[str, ...]  # words opening a conferred title (示范, 星级): from the program cues
    conferring: re.Pattern[str]  # verbs conferring a title (评选, 命名)
    sites: re.Pattern[str]  # what a figure counts, when it is places (个村, 个传统村落, 个镇街)
    coverage_verbs: re.Pattern[str]  # verbs that put a program in place at the sites counted
    change_to: re.Pattern[str]  # between 由/从 and the new figure: the old one and a verb of change
    change_after: re.Pattern[str]  # after the old figure: the verb of change

    @classmethod
    def load(cls) -> MetricRules:
        words = read_lexicon_groups("measure_words")
        subj = read_lexicon_groups("metric_subjects")
        per = read_lexicon_groups("metric_periods")
        cues = read_lexicon_groups("program_cues")
        longest = lambda ws: tuple(sorted(ws, key=len, reverse=True))  # noqa: E731
        titles, speaker_words = longest(read_lexicon("titles")), longest(subj["speaker_words"])
        year = r"(?:\d{4}|[一二〇零]{4})年(?:\d{1,2}月)?"
        # a span starts with a prefix, a year, a relative time or a start word: checking that
        # first character lets the scan skip all other positions at once
        first = {w[0] for group in ("prefix", "relative", "since") for w in per[group]} | set("一二〇零")
        period = (
            rf"(?=[\d{re.escape(''.join(sorted(first)))}])"
            + optional(trie_pattern(per["prefix"]))
            + rf"(?:{year}(?:{trie_pattern(per['year_suffix'])})?"
            rf"|(?:{trie_pattern(per['relative'])})(?:\d{{1,2}}月(?:底|末|初|份)?)?"
            rf"|(?:{trie_pattern(per['since'])})以来)(?:以来)?"
        )
        return cls(
            numbers=NumberRules.load(),
            deixis=Deixis.build(
                subj["deixis"],
                subj["levels"],
                subj["home"],
                subj["program_deixis"],
                subj["program_kinds"],
                subj["body_kinds"],
            ),
            object_verbs=_alternation(words["object_verbs"]),
            change_to=re.compile(rf"[^，。；、]{{1,16}}?(?:{trie_pattern(words['change_verbs'])})[到至]?"),
            change_after=re.compile(rf"(?:{trie_pattern(words['change_verbs'])})[到至]?"),
            right_stops=longest(words["right_stops"]),
            lead_trim=longest(words["lead_trim"]),
            tail_trim=longest(words["tail_trim"]),
            attributive=words["attributive"],
            unit_measure=dict(w.split(":") for w in words["unit_measure"]),
            initiating=longest(subj["initiating"]),
            prepositions=longest(subj["prepositions"]),
            state_verbs=longest(subj["state_verbs"]),
            speaker_words=speaker_words,
            means=longest(subj["means"]),
            running_since=re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{trie_pattern(per['since'])})以来"),
            session_units=frozenset(subj["session_units"]),
            titles=titles,
            collective=re.compile(
                f"(?P<level>{trie_pattern(subj['levels'])})(?:{trie_pattern(subj['collective_heads'])})"
            ),
            introduced=re.compile(
                rf"(?:{trie_pattern(titles)})(?:、[{_HAN}]{{0,12}}?(?:{trie_pattern(titles)}))*(?P<name>[{_HAN}]{{2,3}})"
            ),
            speech=_alternation(read_lexicon("speech_verbs")),
            leading_organs=frozenset(subj["leading_organs"]),
            period=re.compile(period),
            not_after_year=per["not_after"],
            right_stop_pattern=_alternation(words["right_stops"]),
            initiating_pattern=_alternation(subj["initiating"]),
            aim=re.compile(rf"[”’]?(?:{trie_pattern(subj['program_kinds'])})?(?:{trie_pattern(subj['aims'])})"),
            long_prepositions=_alternation(p for p in subj["prepositions"] if len(p) > 1),
            org_followers=(*titles, *speaker_words),
            honour=longest(cues["honour"]),
            conferring=_alternation(cues["conferring"]),
            sites=re.compile(  # a site word ends the noun: then a mark, 已 or a verb (not 村民, 社区干部)
                rf"[\u4e00-\u9fff]{{0,4}}?(?:{trie_pattern(subj['sites'])})(?:（[^）]*）)?"
                rf"(?=[^\u4e00-\u9fff]|已|{trie_pattern(subj['coverage_verbs'])})"
            ),
            coverage_verbs=_alternation(subj["coverage_verbs"]),
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
    index = ReferenceIndex(places, organizations, programs, rules.deixis, rules.titles, bodies=True)
    starts = paragraph_starts(article)
    references, openers = index.scan_topics(texts, starts, rules.sets_scene)
    reader = _ArticleReader(rules, index, focus_place(index, references))
    reader.speakers = _speakers(texts, references, index, rules)
    metrics: list[Metric] = []
    for i, (sentence, text, refs, new, opener) in enumerate(
        zip(article.sentences, texts, references, starts, openers, strict=True)
    ):
        if new:
            reader.new_paragraph()
        # a quotation is attributed in the sentence after it (“…。”张某说，…)
        heard = text + texts[i + 1] if text.startswith(tuple(_OPEN)) and i + 1 < len(texts) else text
        metrics.extend(reader.read(article, sentence, text, refs, opener, heard))
    return tuple(metrics)


def _speakers(
    texts: list[str], references: list[list[Reference]], index: ReferenceIndex, rules: MetricRules
) -> dict[str, Subject]:
    """The people introduced with a body's title (桃源村党支部书记、村委会主任黄某), by name, with
    what they speak for: the place of a leading organ (党委, 村委会), else the body itself.

    Names are read as the two or three characters after the titles; both are kept, as only
    one followed by a speech verb (黄某说) is ever used.
    """
    out: dict[str, Subject] = {}
    for text, refs in zip(texts, references, strict=True):
        for r in refs:
            if r.subject.kind != "organization" or r.deictic:
                continue
            m = rules.introduced.match(text, after_quote(text, r.end))
            if m is None:
                continue
            body = _spoken_for(r.subject, index, rules)
            for n in (2, 3):
                if len(m["name"]) >= n:
                    out.setdefault(m["name"][:n], body)
    return out


def _spoken_for(body: Subject, index: ReferenceIndex, rules: MetricRules) -> Subject:
    place = index.org_places.get(body.name)
    if place and body.name.startswith(place) and body.name[len(place) :] in rules.leading_organs:
        return Subject("place", place)
    return body


def paragraph_starts(article: Article) -> list[bool]:
    """Sentences that open a paragraph: the first, and any not written right after the one before."""
    out, end = [], None
    for s in article.sentences:
        out.append(end is None or s.start != end)
        end = s.end
    return out


@dataclass(slots=True)
class _Clause:
    start: int
    end: int


class _Sentence:
    """A sentence being read, with what several steps need worked out once: its clauses, the
    references that may be what it is about, and the topic it hands on to the next sentence."""

    def __init__(self, text: str, refs: list[Reference]) -> None:
        self.text = text
        self.refs = refs
        self.programs = [r for r in refs if r.subject.kind == "program"]
        self.eligible: list[Reference] | None = None  # filled by _ArticleReader._eligible_refs
        self.carried: Subject | None = None  # filled by _ArticleReader._previous_topic
        self.carried_known = False
        self._clauses: list[_Clause] | None = None  # most sentences never need them
        self._clause_starts: list[int] = []
        self._pilots: dict[int, list[tuple[int, int]]] = {}
        self.heard = text  # the sentence with the one that attributes it, when it is a quotation
        self.speaker: Subject | None = None  # filled by _ArticleReader._speaker_body
        self.speaker_known = False

    @property
    def clauses(self) -> list[_Clause]:
        if self._clauses is None:
            self._clauses = _clauses(self.text)
            self._clause_starts = [c.start for c in self._clauses]
        return self._clauses

    def clause_at(self, pos: int) -> _Clause:
        """The clause that holds ``pos`` (clauses cover the whole text, in order)."""
        clauses = self.clauses
        return clauses[bisect_right(self._clause_starts, pos) - 1]

    def pilot_spans(self, clause: _Clause) -> list[tuple[int, int]]:
        """Where the clause names the sites of a pilot (以A村、B村等6个村为试点)."""
        spans = self._pilots.get(clause.start)
        if spans is None:
            spans = [m.span() for m in PILOT.finditer(self.text, clause.start, clause.end)]
            self._pilots[clause.start] = spans
        return spans


class _ArticleReader:
    """Reads sentences in order, carrying the topic and the last place named."""

    def __init__(self, rules: MetricRules, index: ReferenceIndex, focus: str | None) -> None:
        self.rules = rules
        self.index = index
        self.focus = Subject("place", focus) if focus else None
        self.previous: _Sentence | None = None  # the sentence before, read lazily
        self.last_place: Subject | None = None
        self.seen: list[list[Reference]] = []  # the references of the sentences read so far
        self.paragraph_topic: Subject | None = None
        self.paragraph_program: Subject | None = None  # the last program the paragraph introduced
        # the names of people introduced with a body's title → what they speak for
        self.speakers: dict[str, Subject] = {}

    def new_paragraph(self) -> None:
        self.previous = None
        self.paragraph_topic = None
        self.paragraph_program = None

    def read(
        self,
        article: Article,
        sentence: Sentence,
        text: str,
        refs: list[Reference],
        opener: Subject | None,
        heard: str = "",
    ) -> list[Metric]:
        s = _Sentence(text, refs)
        s.heard = heard or text
        if opener:
            self.paragraph_topic = opener
        launched = self._launched_program(s)
        if launched:
            self.paragraph_topic = launched
        for subject in (opener, launched):
            if subject and subject.kind == "program":
                self.paragraph_program = subject
        quantities = self.rules.numbers.find(text)
        quotes = _short_quotes(text) if quantities else []
        if quotes:
            quantities = [q for q in quantities if not any(a < q.start < b for a, b in quotes)]
        out = self._metrics(article, sentence, s, quantities) if quantities else []
        self.previous = s
        for ref in reversed(refs):
            place = self.index.place_of(ref)
            if place:
                self.last_place = Subject("place", place)
                break
        self.seen.append(refs)
        return out

    def _launched_program(self, s: _Sentence) -> Subject | None:
        """The last program that a clause of the sentence puts in place (推行X制度, 试点“X”)."""
        if not s.programs:
            return None
        out = None
        for r in self._eligible_refs(s):  # not one item of a list (打造“A”“B”等课程)
            if r.subject.kind != "program":
                continue
            clause = s.clause_at(r.start)
            if self.rules.initiating_pattern.search(s.text, clause.start, r.start):
                out = r.subject
        return out

    def _means(self, s: _Sentence, until: int) -> Subject | None:
        """A program whose results the sentence reports: the means (通过“X”，…; 依托“X”，…)
        or the start of the period (“X”运行以来，…). A banner (以“X”为品牌) is not enough."""
        last = next((r for r in reversed(s.programs) if r.end <= until), None)
        if last is None:
            return None
        before = s.text[: last.start].rstrip("“‘「『")
        after = s.text[last.end :].lstrip("”’」』")
        if before.endswith(self.rules.means) or self.rules.running_since.match(after):
            return last.subject
        return None

    def _previous_topic(self) -> Subject | None:
        previous = self.previous
        if previous is None:
            return None
        if not previous.carried_known:
            eligible = self._eligible_refs(previous)
            previous.carried = self._topic(previous, eligible, len(previous.text), carried=True)
            previous.carried_known = True
        return previous.carried

    def _metrics(
        self, article: Article, sentence: Sentence, s: _Sentence, quantities: list[Quantity]
    ) -> list[Metric]:
        text = s.text
        periods = self._periods(text)
        eligible = self._eligible_refs(s)
        evidence = (Evidence.of(article, sentence),)
        out: list[Metric] = []
        previous: dict[str, str] = {}
        prev_end = 0
        for q in quantities:
            clause = s.clause_at(q.start)
            measure, measure_start = self._measure(text, q, clause, max(prev_end, clause.start), s.refs)
            if not measure:
                measure = previous.get(q.unit) or self.rules.unit_measure.get(q.unit.lstrip("万亿"))
            if measure:
                measure = _QUOTE_MARK.sub("", measure)
                previous[q.unit] = measure
            about = self._coverage(s, q, clause) or self._about(s, q, clause, eligible, measure_start)
            if measure and about and about.kind != "place":
                about = self._collective(measure) or about
            out.append(
                Metric(
                    value=q.value,
                    unit=q.unit,
                    text=q.text,
                    qualifier=q.qualifier,
                    measure=measure,
                    about=about,
                    period=next((p for start, p in reversed(periods) if start < q.start), None),
                    evidence=evidence,
                )
            )
            prev_end = q.end
        return out

    # -- what is counted -------------------------------------------------------------------

    def _measure(
        self, text: str, q: Quantity, clause: _Clause, left_start: int, refs: list[Reference]
    ) -> tuple[str | None, int]:
        changed = self._changed_from(text, clause.start, q)
        if changed is not None:
            return self._left_noun(text, max(clause.start, text.rfind("、", clause.start, changed) + 1), changed, refs)
        right = self._right_noun(text[q.end : clause.end])
        if right:
            return right, q.end
        left_from = max(left_start, text.rfind("、", clause.start, q.start) + 1)
        return self._left_noun(text, left_from, q.start, refs)

    def _changed_from(self, text: str, clause_start: int, q: Quantity) -> int | None:
        """Where 由/从 stands when the figure is one end of a change (森林覆盖率由8.3%提高到14.7%):
        both figures measure what is named before it."""
        at = max(text.rfind("由", clause_start, q.start), text.rfind("从", clause_start, q.start))
        if at <= clause_start:
            return None
        if at + 1 == q.start:
            return at if self.rules.change_after.match(text, q.end) else None
        return at if self.rules.change_to.fullmatch(text, at + 1, q.start) else None

    def _right_noun(self, after: str) -> str | None:
        r = self.rules
        if after.startswith("的"):
            after = after[1:]
        if not after or after[0] in _RIGHT_BREAK or after[0].isdigit():
            return None
        if after.startswith(r.right_stops):
            return None
        # what is counted ends at the first break, digit, stop word or (from the third
        # character) verb: 18个乡镇结对, a verb ends what is counted; 20 characters at most
        end = min(len(after), 20)
        stop = r.right_stop_pattern.search(after, 1)
        if stop and stop.start() < end:
            end = stop.start()
        verb = r.object_verbs.search(after, 2)
        if verb and verb.start() < end:
            end = verb.start()
        for i in range(1, end):
            ch = after[i]
            if ch in _RIGHT_BREAK or ch.isdigit():
                end = i
                break
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
            if (
                start <= ref.start
                and ref.end <= end
                and ref.subject.kind != "program"
                and (ref.start == start or not text[start : ref.start].strip())
            ):
                start = ref.end
        span = text[start:end]
        base = start
        # a time span opening what is left is not counted (only the first can open it)
        m = r.period.search(span)
        if m and not span[: m.start()].strip():
            base, span = base + m.end(), span[m.end() :]
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
            if "了" in span[-2:] and len(span) > 3 and _VERB_DONE.search(span):
                span, changed = _VERB_DONE.sub("", span), True  # 站长先后换了4个: the verb is not counted
            if span.endswith(r.tail_trim):
                for w in r.tail_trim:
                    if span.endswith(w) and len(span) > len(w):
                        span, changed = span[: -len(w)], True
                        break
            if span.startswith(r.lead_trim):
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

    def _eligible_refs(self, s: _Sentence) -> list[Reference]:
        """The references that may be what the sentence is about (computed once per sentence)."""
        if s.eligible is None:
            s.eligible = [ref for ref in s.refs if self._eligible(s, ref)]
        return s.eligible

    def _eligible(self, s: _Sentence, ref: Reference) -> bool:
        r = self.rules
        text = s.text
        kind = ref.subject.kind
        if kind == "organization" and text.startswith(r.org_followers, after_quote(text, ref.end)):
            return False
        if kind == "program":
            if text.startswith(("等", "、", "“"), after_quote(text, ref.end)):
                return False
            before = text[: ref.start].rstrip("“‘「『")
            if before.endswith(("、", "”")) or before.endswith(r.state_verbs):
                return False
        if text.endswith(_SOURCE, 0, ref.start):
            return False
        clause = s.clause_at(ref.start)
        if r.long_prepositions.search(text, clause.start, ref.start):
            return False
        return not text.startswith(r.prepositions, clause.start, ref.start)

    def _about(
        self, s: _Sentence, q: Quantity, clause: _Clause, eligible: list[Reference], measure_start: int
    ) -> Subject | None:
        text, refs = s.text, s.refs
        base_unit = q.unit.lstrip("万亿")
        if base_unit in self.rules.session_units:
            for ref in s.programs:
                if q.end <= ref.start < clause.end:
                    return ref.subject
        limit = min(q.start, measure_start) if measure_start >= clause.start else q.start
        # 打造10分钟养老服务圈12个: a program that is what is counted is not what the count is about
        counted_from = measure_start if clause.start <= measure_start < q.start else q.start
        # 推广“X”模式，…已成立X19家: the program counted is nowhere in the sentence what it is about
        counted = {
            r.subject for r in eligible if r.subject.kind == "program" and counted_from <= r.start < q.start
        }
        if counted:
            scheme = self._scheme(s, clause, counted_from, q.start)
            if scheme:
                return scheme
        eligible = [
            r
            for r in eligible
            if r.subject not in counted
            # 以A村、B村等6个村为试点: the places listed are what is counted, not what it is about
            and not (clause.start <= r.start and _listed_before(text, r, refs, q.start))
        ]
        local = [r for r in eligible if clause.start <= r.start and r.end <= limit]
        local = [r for r in local if not _scope(text, r)] or local
        pilot = self.paragraph_program
        if pilot and any(start <= q.start < end for start, end in s.pilot_spans(clause)):
            return pilot  # 以A村、B村等6个村为试点 in a paragraph about a program: the program's pilot
        means = self._means(s, q.start)
        if local:
            return means if means and all(r.subject.kind == "place" for r in local) else local[-1].subject
        topic = self._topic(s, eligible, q.start)
        if means and topic and topic.kind == "place":
            return means
        return (
            topic
            or self._speaker_body(s)
            or self._previous_topic()
            or self.paragraph_topic
            or self.last_place
            or self.focus
        )

    def _scheme(self, s: _Sentence, clause: _Clause, start: int, end: int) -> Subject | None:
        """The program whose titles the figure counts: 评选“X”示范党支部38个 (a conferring verb in
        the clause, then the program and a title word) counts what X confers."""
        for ref in s.programs:
            if (
                start <= ref.start < end
                and s.text.startswith(self.rules.honour, after_quote(s.text, ref.end))
                and self.rules.conferring.search(s.text, clause.start, ref.start)
            ):
                return ref.subject
        return None

    def _coverage(self, s: _Sentence, q: Quantity, clause: _Clause) -> Subject | None:
        """The program a count of sites is the reach of: 12个村落开展“X”, 230个村建起“X”调解室
        (a verb that puts the program in place, then the program, after the figure in its clause).
        All of a place's units (全县221个村全部建立X) are that place's count, not the program's."""
        if not s.programs:
            return None
        counted = self.rules.sites.match(s.text, q.end)  # what the figure counts, read from the text
        if counted is None:
            return None
        for ref in s.programs:
            if (
                counted.end() <= ref.start < clause.end
                and self.rules.coverage_verbs.search(s.text, q.end, ref.start)
                and not _ALL.search(s.text, q.end, ref.start)
            ):
                return ref.subject
        return None

    def _speaker_body(self, s: _Sentence) -> Subject | None:
        """What the person speaking in the sentence speaks for (黄某说，…), when introduced with a title."""
        if not s.speaker_known:
            s.speaker_known = True
            speech = self.rules.speech
            for name, body in self.speakers.items():
                at = s.heard.find(name)
                while at >= 0:
                    if speech.match(s.heard, at + len(name)):
                        s.speaker = body
                        return body
                    at = s.heard.find(name, at + 1)
        return s.speaker

    def _topic(
        self, s: _Sentence, eligible: list[Reference], until: int, carried: bool = False
    ) -> Subject | None:
        """The actor of the sentence up to ``until``: first clause's subject, or what a clause launches.

        For the next sentence (``carried``) only a topic that the sentence launches or that an
        actor named before it acts on is kept; a bare object (邀请“X”成员…) is not carried.
        """
        text = s.text
        initiating = self.rules.initiating_pattern
        topic = None
        keep = False
        following = iter(eligible)  # in text order, as are the clauses
        ref = next(following, None)
        for c in s.clauses:
            if c.start >= until:
                break
            stop = min(c.end, until)
            inside = []
            while ref is not None and ref.start < stop:
                if not text.startswith(("、", "等"), ref.end):  # not the items of a list (A村、B村等)
                    inside.append(ref)
                ref = next(following, None)
            if not inside:
                continue
            inside = [r for r in inside if not (r.subject.kind == "program" and self.rules.aim.match(text, r.end))]
            if not inside:
                continue  # 紧盯“X”行动目标: the program is what the actor aims at
            lead = _strip_time(text[c.start : inside[0].start], self.rules)
            launched = [r for r in inside if initiating.search(text, c.start, r.start)]
            if topic is None:
                if launched:
                    topic = launched[-1].subject
                else:
                    presented = [r for r in inside if text.startswith(TOPIC_VERBS, r.end)]  # 桃源村位于…
                    # a program opening the clause acts on what follows (“X”覆盖全镇)
                    opening = not lead and inside[0].subject.kind == "program"
                    if presented:
                        topic = presented[0].subject
                    elif opening:
                        topic = inside[0].subject
                    else:
                        # A与B合作: A, not the companion
                        actors = [
                            r
                            for r in inside
                            if not text.endswith(_COMPANION, 0, r.start)
                            and not _counted(text, r, c.start, c.end, self.rules.object_verbs)
                        ]
                        actors = [r for r in actors if not _scope(text, r)] or actors
                        topic = (actors or inside)[-1].subject
                keep = bool(launched) or len(inside) > 1
            elif launched:
                topic, keep = launched[-1].subject, True
            elif not lead and not text.startswith(_AGENT, c.start):
                topic, keep = inside[0].subject, True
        return topic if keep or not carried else None

    def _collective(self, measure: str) -> Subject | None:
        """村集体经济收入, 村民人均收入: what a village owns or earns is the village's, even in a
        sentence about the cooperative or program that earned it (the village named last)."""
        m = self.rules.collective.match(measure)
        if m is None:
            return None
        level = m["level"]
        for refs in reversed(self.seen):
            for ref in reversed(refs):
                place = self.index.place_of(ref)  # a body's seat counts: 桃源村茶叶合作社 → 桃源村
                if place and self.index.place_levels.get(place) == level:
                    return Subject("place", place)
        return None

    # -- when ------------------------------------------------------------------------------

    def _periods(self, text: str) -> list[tuple[int, str]]:
        """The time spans written in a sentence, with their offsets (not years of birth)."""
        return [
            (m.start(), m[0])
            for m in self.rules.period.finditer(text)
            if not text.startswith(self.rules.not_after_year, m.end())
        ]


def _counted(text: str, ref: Reference, clause_start: int, clause_end: int, verbs: re.Pattern[str]) -> bool:
    """A program that a verb takes as object, with a figure after it in its clause, is what the
    clause counts (全县开展“X”300场), so the actor of the sentence is whoever holds it, not the
    program; one that does the counting (全县各村“X”开设课程30类) stays the actor. Sites the
    clause builds (全县建成“X”46个) are what the sentence goes on to report about, so they stay too."""
    if ref.subject.kind != "program" or _BUILT.search(text, clause_start, ref.start):
        return False
    if not verbs.search(text, clause_start, ref.start):
        return False
    return any(ch.isdigit() for ch in text[ref.end : clause_end])


def _scope(text: str, ref: Reference) -> bool:
    """全市 written right before a figure (覆盖全市9个乡镇) is the range of what is counted:
    not the actor when the clause names another (该市“X”服务已覆盖全市9个乡镇 is about X)."""
    return ref.deictic and ref.surface.startswith("全") and text[ref.end : ref.end + 1] in _NUMERAL_START


def _listed_before(text: str, ref: Reference, refs: list[Reference], until: int) -> bool:
    """True for a member of what the number counts: 以A村、B村等6个村 (A村 and B村 are not its subject)."""
    gap = text[ref.end : until]
    if "等" not in gap:
        return False  # the usual case: removing names below cannot make it end with 等
    for r in refs:
        if ref.end <= r.start and r.end <= until:
            gap = gap.replace(r.surface, "")
    return bool(gap) and gap.endswith("等") and not gap.strip("、和与及等")


def _strip_tail(span: str, words: tuple[str, ...]) -> str:
    if not span.endswith(words):
        return span  # the usual case: no word to strip, so no word-by-word pass
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


def _short_quotes(text: str) -> list[tuple[int, int]]:
    """The quotations that are a name or slogan (no sentence punctuation inside), as the offsets of
    their opening and closing marks; a number strictly between them is part of the name."""
    out, opened = [], []
    for m in _QUOTE_MARK.finditer(text):
        if m[0] in _OPEN:
            opened.append(m.start())
        elif opened:
            start = opened.pop()
            if not _SPEECH_MARK.search(text, start + 1, m.start()):
                out.append((start, m.start()))
    # an unclosed quotation (cut text) counts as speech
    return out
