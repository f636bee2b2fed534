"""The compiled kind lexicons and the gazetteer automaton, built once per process.

Everything here describes kinds of words (level words, titles, surnames, function words),
never particular entities; the names themselves come from the gazetteer and the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import jieba

from govkg.extract.trie import trie_pattern
from govkg.gazetteer import Division, Gazetteer
from govkg.resources import read_lexicon

HAN = "\u4e00-\u9fff"
# jieba's tags: verb, adjective, adverb, preposition, conjunction, …; not the nouns made of them (vn, an)
_NON_NAME_TAGS = "vadpcurmqf"
_PERSON_WORD_MAX_FREQ = 1000
# Tags of words that never name a place (numerals, pronouns, locatives, times, measure words), and the
# frequency above which a common noun is a kind of place rather than a name (行政村, 旅游村).
_GENERIC_TAGS = "mrsftq"
_GENERIC_FREQ = 3000
# Characters that stop a name when read leftwards from its suffix: function words that
# rarely sit inside a place or body name (STOP_CHARS), and, for a name written alone, also
# verbs and level words (FREE_STOP_CHARS: 家住柳岸镇, 在乡村).
STOP_CHARS = frozenset("的在和与及或是对向从把将为了被让使给等该各每这那个我你他她们有没不要能可就才已曾正")
FREE_STOP_CHARS = STOP_CHARS | frozenset("离于到住进赴至傍见看往去入驻经同跟以即并还也又再所其此全本乡镇村着")


@dataclass(frozen=True)
class _DictionaryWords:
    """Sets of short words from jieba's dictionary, read in one pass.

    Non-names: words tagged as verbs, adverbs, adjectives or function words, so that a stem such
    as 奏出 before 社区 reads as a verb, not as a community's name (adjectives, kept apart too, may
    still name a village in a place context: 在团结村). Persons: less common words tagged as
    personal names, so that a real name that is also in the dictionary is still read. Generic:
    numerals, pronouns, locatives and very common nouns (一个, 城中, 行政), never a village's name.
    Places: words tagged as place names (东关, 清江).
    """

    non_names: frozenset[str]
    adjectives: frozenset[str]
    persons: frozenset[str]
    generic: frozenset[str]
    places: frozenset[str]

    @classmethod
    def read(cls) -> _DictionaryWords:
        non_names, adjectives, persons, generic, places = set(), set(), set(), set(), set()
        with jieba.get_dict_file() as f:
            for raw in f:
                parts = raw.decode("utf-8").split()
                if len(parts) != 3 or not 2 <= len(parts[0]) <= 3:
                    continue
                word, freq, tag = parts
                if tag[:1] in _NON_NAME_TAGS and tag not in ("vn", "an"):
                    non_names.add(word)
                    if tag == "a":
                        adjectives.add(word)
                elif tag.startswith("nr") and int(freq) < _PERSON_WORD_MAX_FREQ:
                    persons.add(word)
                if tag == "ns":
                    places.add(word)
                elif tag[:1] in _GENERIC_TAGS or tag in ("vn", "an") or (int(freq) >= _GENERIC_FREQ and tag != "a"):
                    generic.add(word)
        return cls(*(frozenset(x) for x in (non_names, adjectives, persons, generic, places)))


def _title_pattern(titles: list[str]) -> str:
    """The titles, longest first, none read where its last character begins another title:
    党总支|书记 reads 书记, not 支书 (村支书) followed by 记."""
    guards = sorted({(t, u[1:]) for t in titles for u in titles
                     if u != t and u[0] == t[-1] and not u.startswith(t) and len(u) > 1})
    return trie_pattern(titles) + "".join(f"(?!(?<={re.escape(t)}){re.escape(rest)})" for t, rest in guards)


def _by_first_two(forms) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for form in forms:
        lengths.setdefault(form[:2], set()).add(len(form))
    return {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}


def _pair_starts(pairs: Iterable[str]) -> re.Pattern[str]:
    """Where one of ``pairs`` (two-character strings) may start: its first character, followed by
    a character that is second in some pair. Two character classes reject most positions of a
    text in C, leaving few for the dictionary look-up (one big alternation would be slower)."""
    pairs = list(pairs)
    firsts = "".join(sorted({p[0] for p in pairs}))
    seconds = "".join(sorted({p[1] for p in pairs}))
    return re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")


def _reading(entries: list[tuple[Division, str]]) -> tuple[str, tuple[Division, ...], str]:
    """A form's level, divisions and kind: "full" when it is any division's full name."""
    divisions = tuple(d for d, _ in entries)
    kind = "full" if any(k == "full" for _, k in entries) else entries[0][1]
    return divisions[0].level, divisions, kind


def _tagged(name: str) -> dict[str, str]:
    """Lexicon lines of the form ``word tag`` (a missing tag gives "")."""
    out = {}
    for line in read_lexicon(name):
        word, _, tag = line.partition(" ")
        out[word.strip()] = tag.strip()
    return out


@dataclass(frozen=True)
class EntityRules:
    gazetteer: Gazetteer
    # first two characters → lengths of the gazetteer forms starting with them, longest first
    place_forms: dict[str, tuple[int, ...]]
    place_form_starts: re.Pattern[str]  # a first character of a form followed by a possible second one
    # each gazetteer form → the level of its first division, its divisions, and its kind (full | abbr | short)
    place_readings: dict[str, tuple[str, tuple[Division, ...], str]]
    place_suffix: re.Pattern[str]  # any sub-county or named-place kind word
    subcounty: dict[str, str]  # 街道 → township, 村 → village
    subcounty_words: re.Pattern[str]  # the keys of ``subcounty``, to find one inside a string
    named: dict[str, str]  # 公园 → local, 山 → region, 流域 → open
    named_words: tuple[str, ...]  # the keys of ``named``, for one ``str.startswith`` test
    place_stopwords: frozenset[str]
    boundary: re.Pattern[str]  # the boundary words (multi-character ones) as one pattern
    org_suffixes: tuple[str, ...]  # longest first
    org_suffix_pattern: re.Pattern[str]  # the longest body word at a position
    org_suffix_lengths: tuple[int, ...]  # longest first
    org_suffix_set: frozenset[str]
    org_suffix_ends: frozenset[str]  # the last characters of the body words
    org_abbreviations: dict[str, str]  # 农科院 → 农业科学院
    team_suffixes: tuple[str, ...]
    national_bodies: tuple[str, ...]  # longest first
    national_pattern: re.Pattern[str]
    titles: re.Pattern[str]
    title_words: frozenset[str]
    descriptors: dict[str, str]
    honorifics: dict[str, str]
    kinship: frozenset[str]  # 孙女, 老伴: family words, never names
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    speech: re.Pattern[str]
    descriptor_words: re.Pattern[str]
    honorific_words: re.Pattern[str]
    non_names: frozenset[str]  # two- and three-character verbs, adverbs, adjectives … (奏出, 深挖)
    person_words: frozenset[str]  # dictionary words that are personal names
    adjectives: frozenset[str]  # two- and three-character adjectives (团结, 光荣)
    generic_words: frozenset[str]  # numerals, pronouns, locatives, very common nouns (一个, 城中)
    place_words: frozenset[str]  # dictionary words tagged as place names (东关, 清江)
    place_cues: tuple[str, ...]  # words before a place (在, 来到, 来自); longest first
    water_cues: tuple[str, ...]  # words before a river or a hill (沿, 跨, 依); longest first
    strong_cues: tuple[str, ...]  # words after which a common word names a village (走进团结村)
    transliteration: frozenset[str]  # syllables of Mongolian, Uyghur … names written in Chinese
    set_phrases: re.Pattern[str]  # 金山银山: phrases whose parts look like place names

    @classmethod
    def build(cls, gazetteer: Gazetteer) -> EntityRules:
        subcounty = _tagged("subcounty_suffixes")
        named = _tagged("named_place_suffixes")
        boundary = [w for w in read_lexicon("boundary_words") if len(w) > 1]
        surnames = read_lexicon("surnames")
        titles = read_lexicon("titles")
        words = _DictionaryWords.read()
        cues = _tagged("place_cues")
        org_suffixes = tuple(sorted(set(read_lexicon("org_suffixes")), key=len, reverse=True))
        place_forms = _by_first_two(f for f in gazetteer.forms if len(f) >= 2)
        return cls(
            gazetteer=gazetteer,
            place_forms=place_forms,
            place_form_starts=_pair_starts(place_forms),
            place_readings={form: _reading(entries) for form, entries in gazetteer.forms.items()},
            place_suffix=re.compile(trie_pattern([*subcounty, *named])),
            subcounty=subcounty,
            subcounty_words=re.compile(trie_pattern(subcounty)),
            named=named,
            named_words=tuple(named),
            place_stopwords=frozenset(read_lexicon("place_stopwords")),
            boundary=re.compile(trie_pattern(boundary)),
            org_suffixes=org_suffixes,
            org_suffix_pattern=re.compile(trie_pattern(org_suffixes)),
            org_suffix_lengths=tuple(sorted({len(x) for x in org_suffixes}, reverse=True)),
            org_suffix_set=frozenset(org_suffixes),
            org_suffix_ends=frozenset(x[-1] for x in org_suffixes),
            org_abbreviations=_tagged("org_abbreviations"),
            team_suffixes=read_lexicon("team_suffixes"),
            national_bodies=tuple(sorted(read_lexicon("national_bodies"), key=len, reverse=True)),
            national_pattern=re.compile(trie_pattern(read_lexicon("national_bodies"))),
            titles=re.compile(_title_pattern(titles)),
            title_words=frozenset(titles),
            descriptors=_tagged("person_descriptors"),
            honorifics=_tagged("honorifics"),
            kinship=frozenset(read_lexicon("kinship_terms")),
            surnames=frozenset(s for s in surnames if len(s) == 1),
            compound_surnames=frozenset(s for s in surnames if len(s) == 2),
            speech=re.compile(trie_pattern(read_lexicon("speech_verbs"))),
            descriptor_words=re.compile(trie_pattern(_tagged("person_descriptors"))),
            honorific_words=re.compile(trie_pattern(_tagged("honorifics"))),
            non_names=words.non_names,
            adjectives=words.adjectives,
            person_words=words.persons,
            generic_words=words.generic,
            place_words=words.places,
            place_cues=tuple(sorted((w for w, t in cues.items() if t != "water"), key=len, reverse=True)),
            water_cues=tuple(sorted(cues, key=len, reverse=True)),
            strong_cues=tuple(w for w, t in cues.items() if t == "strong"),
            set_phrases=re.compile(trie_pattern(read_lexicon("set_phrases"))),
            transliteration=frozenset(
                ch for line in read_lexicon("transliteration_chars") for ch in line.split()
            ),
        )

    def org_suffix_of(self, head: str) -> str | None:
        """The longest body word ``head`` ends with (党工委 for 贸易促进党工委)."""
        if head[-1:] not in self.org_suffix_ends:
            return None  # most heads tried: no body word ends with their last character
        for length in self.org_suffix_lengths:
            if head[-length:] in self.org_suffix_set:
                return head[-length:]
        return None

    def find_place_forms(self, text: str) -> list[tuple[int, int]]:
        """Leftmost-longest gazetteer forms in ``text`` as (start, end), not overlapping."""
        out: list[tuple[int, int]] = []
        lengths = self.place_forms
        forms = self.gazetteer.forms
        taken = 0  # the end of the last form found: no form starts inside it
        for m in self.place_form_starts.finditer(text):
            i = m.start()
            if i < taken:
                continue
            for length in lengths.get(text[i : i + 2], ()):
                # At the text's end the slice is shorter than ``length``: the form found there
                # keeps the end ``i + length``, as the character-by-character scan gave it.
                if text[i : i + length] in forms:
                    out.append((i, i + length))
                    taken = i + length
                    break
        return out
