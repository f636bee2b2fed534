"""People and the titles they hold: bylines, officials, residents quoted by name.

A name is a known surname and one or two more characters, read only where the text
shows it is a person: after a title (局长闫某), a body and a title (某旗委组织部副部长赵某),
a word for a resident (市民王某), before a verb of saying (赵某说), a form of address
(张女士) or a Latin-script name after a word for a person (小伙Marco Rossi).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import jieba

from govkg.extract.mentions import is_han
from govkg.extract.rules import EntityRules
from govkg.model import Article, Credit, Evidence, Membership, Organization, Person, Place
from govkg.resources import Resources

# Characters that may follow a name but rarely end one (赵某说, 姜某在, 冯某、).
_AFTER_NAME = set(
    "说告介表在写充上等的和与也带指认强提向对接来到是就还将把为笑坦感称透讲做谈回一同已曾正从率主负作任当被让给于时首亲每参获两夫妇这那又很都"
)
# Of those, the characters that follow a name only as the first of a word (强调, 表示, 介绍): a
# given name may end in one (某文强说) where the two characters there are no word.
_AFTER_NAME_WORD_STARTS = set("告介表充指认强提接坦感透率负首亲参获")
_BEFORE_NAME = set("，。、；：！？“”‘’（）()《》 ,.;:!?的和与及像由")
_COMMON_NAME_FREQ = 50  # 高度, 安全: words that begin with a surname but are not names
_COMMON_GIVEN_FREQ = 300
_MAX_TRANSLITERATED = 8
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}")
_UYGHUR_NAME = re.compile(
    r"[\u4e00-\u9fff]{2,6}·[\u4e00-\u9fff]{2,8}?(?=[^\u4e00-\u9fff]|[和与的等在说正是也今告介表笑带指认向对一已曾从将就还又很都]|$)"
)
_COUNT_BEFORE_TITLE = re.compile(
    r"([\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})*)(?:两|二|三|四|五|六|七|八|九|\d+)[名位]$"
)
_KIN = re.compile("夫妇|夫妻|一家|母女|父子|父女|母子")
_LIKE_NAME = re.compile(r"像([\u4e00-\u9fff]{2,4}?)这样的")
_DEPARTMENT_HEAD = re.compile(r"(?:(组织|宣传|统战)部长|([\u4e00-\u9fff]{2,4}?)部(副?部长))")
_PAIR = re.compile(r"([\u4e00-\u9fff]{2,4})和([\u4e00-\u9fff]{2,4})(?=的|在|，|。)")
_INSERTED = re.compile(r"、[^，。；：！？、]{1,10}?的")
_PARTY_TITLES = frozenset(("书记", "副书记", "第一书记", "常委", "委员"))
_GOVERNMENT_HEAD = re.compile(r"副?[省市县区旗盟州镇乡]长")
_TAKE_ON = re.compile(r"(?:当选|担任|出任|兼任|任)$")
_CAUSATIVE = re.compile(r"派|让|请|推荐|安排|提出|要求|鼓励|动员|号召|选拔|任命")
_CREDIT_TITLES = {"reporter": "记者", "correspondent": "通讯员"}
_PRODUCTIVE = set("户主员工师农娘匠嫂")  # 养殖户, 业主, 护林员, 技工, 厨师, 菇农, 绣娘, 篾匠, 月嫂: words for people by what they do
_PRODUCTIVE_CHAR = re.compile(f"[{''.join(sorted(_PRODUCTIVE))}]")
_NOT_A_GIVEN_NAME = set("户村镇乡组队员部所站")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


@dataclass
class _People:
    persons: dict[str, Person] = field(default_factory=dict)
    memberships: dict[tuple[str, str, str | None], Membership] = field(default_factory=dict)
    # Titles with no name beside them, taken on by a verb (某某…当选某村党支部书记): (text, start, held, evidence)
    pending: list[tuple[str, int, list[tuple[str, str | None]], Evidence]] = field(default_factory=list)

    def person(
        self, name: str, evidence: Evidence | None, ambiguous: bool = False, alias: str | None = None
    ) -> None:
        old = self.persons.get(name)
        ev = (evidence,) if evidence is not None else ()
        aliases = (alias,) if alias and alias != name else ()
        if old is None:
            self.persons[name] = Person(name, aliases, ambiguous, ev)
        else:
            self.persons[name] = Person(
                name,
                old.aliases + tuple(a for a in aliases if a not in old.aliases),
                old.ambiguous,
                old.evidence + tuple(e for e in ev if e not in old.evidence),
            )

    def hold(self, name: str, title: str, org: str | None, evidence: Evidence | None) -> None:
        key = (name, title, org)
        if key not in self.memberships:
            self.memberships[key] = Membership(name, title, org, (evidence,) if evidence is not None else ())


def extract_people(
    article: Article, places: tuple[Place, ...], organizations: tuple[Organization, ...], res: Resources
) -> tuple[tuple[Person, ...], tuple[Membership, ...]]:
    rules = res.entity_rules
    reader = _NameReader(rules, res.tokenizer, places, organizations)
    reader.known = tuple(sorted({c.name for c in article.credits}, key=len, reverse=True))
    out = _People()
    for credit in article.credits:
        evidence = Evidence.of(article, credit.span) if credit.span is not None else None
        out.person(credit.name, evidence, alias=credit.alias)
        title = credit.title or _CREDIT_TITLES.get(credit.role)
        if title is not None and _titled(credit, title):
            out.hold(credit.name, title, credit.outlet if credit.role == "reporter" else None, evidence)
    org_forms = _org_forms(organizations)
    org_names = frozenset(o.name for o in organizations)
    governments = _governments(organizations)
    for sentence in article.sentences:
        text = sentence.clean
        evidence = Evidence.of(article, sentence)
        _officials(text, evidence, rules, reader, org_forms, org_names, out, governments)
        _described(text, evidence, rules, reader, out)
        _addressed(text, evidence, rules, reader, out)
        _speaking(text, evidence, rules, reader, out)
    _taken_on(out)
    return tuple(out.persons.values()), tuple(out.memberships.values())


def _titled(credit: Credit, title: str) -> bool:
    """A reporter's byline gives 记者 only when it prints it: not "(胡某)" after the text.

    A correspondent is one by the byline's form alone ("(某某记者某某)" names one first).
    """
    if credit.role != "reporter":
        return credit.titled
    return credit.titled and (credit.span is None or title in credit.span.text)


def _taken_on(out: _People) -> None:
    """A title taken on through 当选/担任 belongs to the last person named before it in the sentence."""
    names = sorted(out.persons, key=len, reverse=True)
    for text, start, held, evidence in out.pending:
        before = text[:start]
        holder = max(((before.rfind(n), n) for n in names if before.rfind(n) >= 0), default=None)
        if holder is None or out.persons[holder[1]].ambiguous or _CAUSATIVE.search(before, holder[0]):
            continue  # 某某提出派干部到村担任书记: the title is someone else's
        for title, body in held:
            out.hold(holder[1], title, body, evidence)


class _NameReader:
    def __init__(self, rules: EntityRules, tokenizer: jieba.Tokenizer, places, organizations):
        self.rules = rules
        self.tokenizer = tokenizer
        self.freq = tokenizer.FREQ
        self.places = tuple({n for p in places for n in (p.name, *p.aliases) if len(n) >= 2})
        self.taken = set(self.places)
        self.taken |= {n for o in organizations for n in (o.name, *o.aliases)}
        # All taken forms in one string, to ask "is this inside a place's or a body's name?" at once.
        self.taken_text = "\n".join(self.taken)
        self.known: tuple[str, ...] = ()
        self._plausible: dict[str, bool] = {}

    def surname_len(self, text: str, i: int) -> int:
        if text[i : i + 2] in self.rules.compound_surnames:
            return 2
        return 1 if text[i : i + 1] in self.rules.surnames else 0

    def after(self, text: str, i: int) -> str | None:
        """The name starting at ``i``, read up to where the text goes on (闫某告诉 → 闫某)."""
        for known in self.known:
            if text.startswith(known, i):
                return known
        run = i
        while run < len(text) and run - i < _MAX_TRANSLITERATED and text[run] in self.rules.transliteration:
            run += 1
        ends_there = run == len(text) or not is_han(text[run]) or text[run] in _AFTER_NAME
        if run - i >= 4 and (ends_there or text[run] not in self.rules.surnames):
            return text[i:run]  # 阿某巴某那: a Mongolian name written in syllables
        if run - i == 3 and ends_there and text[i] not in self.rules.surnames and self.plausible(text[i:run]):
            return text[i:run]  # 其某格: three syllables, no Han surname
        s = self.surname_len(text, i)
        if not s:
            return None
        window = text[i : i + 8]
        tokens: list[str] = []

        def words() -> list[str]:
            """jieba's words of the next eight characters, read only when a test needs them (it is slow)."""
            if not tokens:
                tokens.extend(self.tokenizer.lcut(window))
            return tokens

        for given in (2, 1):
            length = s + given
            end = i + length
            name = text[i:end]
            if end > len(text) or not _HAN_ONLY.fullmatch(name):
                continue
            nxt = text[end : end + 1]
            if nxt.isdigit():
                continue  # 包联116家: a verb before a number, not a name
            if not self.plausible(name):
                continue
            if given == 2:
                if self.rules.titles.match(text, end - 1):
                    continue  # 黄某通讯员: the third character starts a title
                # 李某强|介绍: the dictionary itself holds the three characters as one word
                if name[-1] in _AFTER_NAME and not (words()[0] == name and self.freq.get(name, 0) > 0) and not (
                    name[-1] in _AFTER_NAME_WORD_STARTS and words()[0] == name
                    and self.freq.get(text[end - 1 : end + 1], 0) == 0
                ):
                    continue  # 王某|强调; but 王某强|说
                if nxt not in _AFTER_NAME and length not in _word_ends(words()):
                    continue  # 解|燃眉之急: the name would split a word (but 王某某|等一行 does not)
                return name
            if nxt and is_han(nxt) and nxt not in _AFTER_NAME and not _word_follows(words(), length):
                continue  # 李某|组织 reads as a name before a word; 李某组 does not
            if not self.rules.speech.match(text, end) and length not in _word_ends(words()):
                continue  # the name would split a word (but 陈某|说 does not)
            return name
        return None

    def before(self, text: str, end: int) -> str | None:
        """The name ending at ``end`` and starting after a boundary (“。赵某说” → 赵某)."""
        for length in (4, 3, 2):
            start = end - length
            if start < 0:
                continue
            if start > 0 and text[start - 1] not in _BEFORE_NAME:
                continue
            name = text[start:end]
            s = self.surname_len(text, start)
            if s and 1 <= length - s <= 2 and _HAN_ONLY.fullmatch(name) and self.plausible(name):
                return name
        for length in range(_MAX_TRANSLITERATED, 2, -1):
            start = end - length
            if start < 0 or (start > 0 and text[start - 1] not in _BEFORE_NAME):
                continue
            name = text[start:end]
            if all(ch in self.rules.transliteration for ch in name) and self.plausible(name):
                return name  # “……”巴某尔说
        return None

    def plausible(self, name: str) -> bool:
        """Whether ``name`` may be a person's: asked of the same few strings many times an article."""
        verdict = self._plausible.get(name)
        if verdict is None:
            verdict = self._plausible[name] = self._judge(name)
        return verdict

    def _judge(self, name: str) -> bool:
        if self.rules.titles.search(name, 1) or name in self.rules.non_names:
            return False  # 任队长, 高度
        if self.rules.honorific_words.search(name, 1):
            return False  # 张女士 is a form of address, read as such
        if name in self.taken_text:
            return False  # a place's or a body's name, or a part of one
        if name in self.rules.kinship or (len(name) == 2 and name[1] in _NOT_A_GIVEN_NAME):
            return False  # 孙女, 包户: a family word, a verb and its object
        if self.freq.get(name, 0) >= _COMMON_NAME_FREQ and name not in self.rules.person_words:
            return False
        return not (len(name) == 3 and self.freq.get(name[:2], 0) >= _COMMON_GIVEN_FREQ)


def _word_ends(words: list[str]) -> set[int]:
    """The offsets where the words end."""
    return set(itertools.accumulate(len(w) for w in words))


def _word_follows(words: list[str], length: int) -> bool:
    """A word ends at ``length`` and a word of two characters or more comes right after it."""
    ends = _word_ends(words)
    return length in ends and any(e >= length + 2 for e in ends)


def _org_forms(organizations: tuple[Organization, ...]) -> list[tuple[str, str]]:
    """(text form, canonical name) of every body, longest form first."""
    forms = {f: o.name for o in organizations for f in (*o.aliases, o.name) if len(f) >= 2}
    return sorted(forms.items(), key=lambda kv: len(kv[0]), reverse=True)


def _org_ending_at(text: str, end: int, org_forms: list[tuple[str, str]]) -> str | None:
    for form, name in org_forms:
        if text.endswith(form, 0, end):
            return name
    return None


def _officials(
    text,
    evidence,
    rules: EntityRules,
    reader: _NameReader,
    org_forms,
    org_names: frozenset[str],
    out: _People,
    governments: dict[str, str] | None = None,
) -> None:
    """Body + title + name, with titles joined by 、 (某委常委、组织部长魏某), and 冯某、蔡某两名副部长."""
    pos = 0
    while True:
        m = rules.titles.search(text, pos)
        if m is None:
            return
        pos = m.start() + 1
        if text.endswith(reader.places, 0, m.start() + 1):
            continue  # 县长 in 某县长岭乡
        pos = m.end()
        org = _org_ending_at(text, m.start(), org_forms)
        held = [(m.group(), org)]
        end = m.end()
        while text[end : end + 1] == "、":
            nxt = rules.titles.match(text, end + 1)
            dept = _DEPARTMENT_HEAD.match(text, end + 1)
            department = org + (dept.group(1) or dept.group(2)) + "部" if dept and org else None
            if dept and department in org_names:
                held.append((dept.group(3) or "部长", department))
                end += 1 + len(dept.group())
            elif nxt is not None:
                inherited = _inherited_body(org, nxt.group(), org_names)
                held.append((nxt.group(), _org_ending_at(text, nxt.start(), org_forms) or inherited))
                end = nxt.end()
            else:
                titled = _body_and_title(text, end + 1, rules, org_forms)  # 党支部书记、村委会主任
                if titled is None:
                    break
                held.append(titled[:2])
                end = titled[2]
        if governments:
            held = [(t, _government_of(t, b, governments)) for t, b in held]
        dotted = _UYGHUR_NAME.match(text, end)
        name = dotted.group() if dotted else reader.after(text, end)  # 镇长艾某·某某
        inserted = _INSERTED.match(text, end) if name is None else None
        if inserted is not None:
            name = reader.after(text, inserted.end())  # 书记、“80后”的赖某: a descriptor between title and name
        addressed = _addressed_at(text, end, rules, reader) if name is None else None
        if addressed is not None:  # 村民小组长周大爷: a title before a form of address
            out.person(addressed, evidence, ambiguous=True)
            for title, body in held:
                out.hold(addressed, title, body, evidence)
            continue
        names = [name] if name else []
        if not names:
            counted = text[m.start() - 1 : m.start()] in ("名", "位")  # 两名副部长: what the pattern ends with
            listed = _COUNT_BEFORE_TITLE.search(text, 0, m.start()) if counted else None
            if listed is not None:
                names, start = _listed_names(listed.group(1), listed.start(), text, reader)
                if names:
                    held = [(m.group(), _org_ending_at(text, start, org_forms))]
        if not names:
            anchor = m.start() - len(
                next((f for f, n in org_forms if n == org and text.endswith(f, 0, m.start())), "")
            )
            if _TAKE_ON.search(text, max(0, anchor - 2), anchor):
                out.pending.append((text, anchor, held, evidence))
            elif org and text[anchor - 1 : anchor] == "是" and (subject := reader.before(text, anchor - 1)):
                names = [subject]  # 孙某是某村党支部书记 (but not 孙某是干事的人: no body)
        for person in names:
            out.person(person, evidence)
            for title, body in held:
                out.hold(person, title, body, evidence)
        if names:
            pos = max(pos, end)


def _governments(organizations: tuple[Organization, ...]) -> dict[str, str]:
    """The article's governments by the level word of their place (镇 → 某镇人民政府), when one
    government of that level is named."""
    by_level: dict[str, list[str]] = {}
    for o in organizations:
        if o.name.endswith("政府") and o.place:
            by_level.setdefault(o.place[-1], []).append(o.name)
    return {level: names[0] for level, names in by_level.items() if len(names) == 1}


def _government_of(title: str, body: str | None, governments: dict[str, str]) -> str | None:
    """A government head's post (镇长, 副县长) belongs to the government of its level."""
    m = _GOVERNMENT_HEAD.search(title)
    if m is None or m.end() != len(title) or (body is not None and body.endswith("政府")):
        return body
    return governments.get(title[-2], body)


def _inherited_body(org: str | None, title: str, org_names: frozenset[str]) -> str | None:
    """The body of a second title written without one: the first title's, except that the head of
    a government is no post of the party committee (党委副书记、镇长), and an office's head is the
    office's (某局党组书记、局长 → 某局)."""
    if org is None or _GOVERNMENT_HEAD.fullmatch(title):
        return None
    if title not in _PARTY_TITLES:
        for party in ("党组", "党委", "党总支", "党支部"):
            if org.endswith(party) and org[: -len(party)] in org_names:
                return org[: -len(party)]
    return org


def _addressed_at(text: str, i: int, rules: EntityRules, reader: _NameReader) -> str | None:
    """张女士, 周大爷 written at ``i``: a surname and a form of address."""
    s = reader.surname_len(text, i)
    honorific = rules.honorific_words.match(text, i + s) if s else None
    return text[i : honorific.end()] if honorific is not None else None


def _full_name_before(text: str, end: int, rules: EntityRules, reader: _NameReader) -> str | None:
    """林秀英|女士, 72岁的林秀英|老人: a full name right before a form of address."""
    for length in (3, 2):
        start = end - length
        s = reader.surname_len(text, start) if start >= 0 else 0
        if not s or s >= length:
            continue
        before = text[start - 1] if start > 0 else ""
        if before and before not in _BEFORE_NAME and not _ends_with_descriptor(text, start, rules):
            continue
        if reader.plausible(text[start:end]):
            return text[start:end]
    return None


def _body_and_title(text: str, start: int, rules: EntityRules, org_forms) -> tuple[str, str, int] | None:
    """(title, body, end) for a body's form and a title written at ``start`` (村委会主任)."""
    for form, name in org_forms:
        if text.startswith(form, start):
            title = rules.titles.match(text, start + len(form))
            if title is not None:
                return title.group(), name, title.end()
    return None


def _listed_names(listed: str, start: int, text: str, reader: _NameReader) -> tuple[list[str], int]:
    """冯某、蔡某 before 两名副部长; the first name may be glued to the body before it."""
    parts = listed.split("、")
    first = parts[0]
    for length in (3, 2):
        head = first[-length:]
        if len(head) == length and reader.surname_len(head, 0) and reader.plausible(head):
            parts[0] = head
            start += len(first) - length
            break
    else:
        return [], start
    if all(reader.surname_len(p, 0) and 2 <= len(p) <= 4 and reader.plausible(p) for p in parts):
        return parts, start
    return [], start


def _descriptors(text: str, rules: EntityRules, reader: _NameReader) -> list[tuple[str, int, str | None]]:
    """(word, end, title) of every word for people before a possible name: the lexicon's words
    (市民, 种植户) and words made with a productive suffix after a noun (民宿业主, 护林员).

    The title is None for a lexicon word a noun before it may qualify (民宿|业主): that noun is
    read only when a name follows (see ``_qualified``)."""
    out: list[tuple[str, int, str | None]] = []
    for m in rules.descriptor_words.finditer(text):
        word = m.group()
        out.append((word, m.end(), None if len(word) == 2 and word[-1] in _PRODUCTIVE else word))
    ends = {end for _, end, _ in out}
    for m in _PRODUCTIVE_CHAR.finditer(text, 1, len(text) - 1):
        i = m.end()  # the character after a productive suffix
        if i in ends or not reader.surname_len(text, i):
            continue
        if reader.freq.get(text[i - 1 : i + 1], 0) > 0:
            continue  # 村委会主任: the character begins a word with what follows, not a name
        tokens = reader.tokenizer.lcut(text[max(0, i - 6) : i])
        last = tokens[-1]
        if len(last) == 1:
            noun = _noun_before(text, i - 1, rules, reader)
            title = noun + last if noun else ""
        else:
            title = last if last not in rules.non_names and last not in rules.title_words else ""
            if len(title) == 2:
                title = _noun_before(text, i - 2, rules, reader) + title
        if len(title) >= 2:
            out.append(("", i, title))
    return out


def _qualified(text: str, end: int, word: str, rules: EntityRules, reader: _NameReader) -> str:
    """A word for people ending at ``end`` with the noun before it that qualifies it (民宿业主)."""
    return _noun_before(text, end - len(word), rules, reader) + word


def _noun_before(text: str, end: int, rules: EntityRules, reader: _NameReader) -> str:
    """The word of two or more characters ending at ``end`` when it can qualify a word for people
    (民宿 in 民宿业主), or ""."""
    if end < 2 or not (is_han(text[end - 2]) and is_han(text[end - 1])):
        return ""  # the word would not be Han characters only, whatever the words before
    tokens = reader.tokenizer.lcut(text[max(0, end - 4) : end])
    if not tokens:
        return ""
    word = tokens[-1]
    if (
        len(word) < 2
        or not _HAN_ONLY.fullmatch(word)
        or word in rules.non_names
        or rules.boundary.fullmatch(word)
        or word in reader.taken
        or rules.titles.search(word)
    ):
        return ""
    return word


def _described(text, evidence, rules: EntityRules, reader: _NameReader, out: _People) -> None:
    """市民王某, 居民艾某·某某, 市民张女士, 小伙Marco Rossi, 像曾某这样的志愿者, 民宿业主田某."""
    for word, end, title in _descriptors(text, rules, reader):
        uyghur = _UYGHUR_NAME.match(text, end)
        latin = _LATIN_NAME.match(text, end)
        name = uyghur.group() if uyghur else latin.group() if latin else reader.after(text, end)
        if name and not (uyghur or latin) and reader.freq.get(name, 0) >= _COMMON_NAME_FREQ:
            name = None  # 志愿者马甲: a word after a word for people is a thing, not a name
        ambiguous = False
        if name is None:
            s = reader.surname_len(text, end)
            honorific = rules.honorific_words.match(text, end + s) if s else None
            if honorific is None:
                continue
            name, ambiguous = text[end : honorific.end()], True
        out.person(name, evidence, ambiguous)
        if rules.descriptors.get(word, "role") == "role":
            if title is None:
                title = _qualified(text, end, word, rules, reader)
            out.hold(name, title, None, evidence)
    for m in _LIKE_NAME.finditer(text):
        name, word = m.group(1), rules.descriptor_words.match(text, m.end())
        if word is not None and reader.surname_len(name, 0) and reader.plausible(name):
            out.person(name, evidence)
            if rules.descriptors[word.group()] == "role":
                out.hold(name, word.group(), None, evidence)


def _addressed(text, evidence, rules: EntityRules, reader: _NameReader, out: _People) -> None:
    """张女士, 钱教授, 赵大爷: a surname and a form of address, kept apart per article."""
    for m in rules.honorific_words.finditer(text):
        honorific = m.group()
        full = _full_name_before(text, m.start(), rules, reader)
        if full is not None:
            out.person(full, evidence)
            if rules.honorifics[honorific] == "role":
                out.hold(full, honorific, None, evidence)
            continue
        if rules.honorifics[honorific] == "full":
            continue  # 老人 follows a full name only: 空巢老人 names nobody
        for s in (2, 1):
            start = m.start() - s
            if start < 0 or reader.surname_len(text, start) != s:
                continue
            before = text[start - 1] if start > 0 else ""
            if before and before not in _BEFORE_NAME and not _ends_with_descriptor(text, start, rules):
                continue
            name = text[start : m.end()]
            out.person(name, evidence, ambiguous=True)
            if rules.honorifics[honorific] == "role":
                out.hold(name, honorific, None, evidence)
            break


def _ends_with_descriptor(text: str, end: int, rules: EntityRules) -> bool:
    return any(text.endswith(d, 0, end) for d in rules.descriptors)


def _speaking(text, evidence, rules: EntityRules, reader: _NameReader, out: _People) -> None:
    """赵某说, 付某笑着说, 陈某夫妇, 王某和郝某的: names shown by what follows them."""
    for m in rules.speech.finditer(text):
        name = reader.before(text, m.start())
        if name:
            out.person(name, evidence)
    for m in _KIN.finditer(text):
        name = reader.before(text, m.start())
        if name:
            out.person(name, evidence)
    pairs = _PAIR.finditer(text) if "和" in text else ()  # the pattern is slow to fail on a long sentence
    for m in pairs:
        first = reader.before(text, m.start(1) + len(m.group(1)))
        second = reader.after(text, m.start(2))
        if first == m.group(1) and second == m.group(2):
            out.person(first, evidence)
            out.person(second, evidence)
    for m in _LATIN_NAME.finditer(text):
        after = text[m.end() : m.end() + 2]
        if rules.speech.match(after):
            out.person(m.group(), evidence)
