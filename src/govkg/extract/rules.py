"""The compiled kind lexicons and the gazetteer automaton, built once per process.

Everything here describes kinds of words (level words, titles, surnames, function words),
never particular entities; the names themselves come from the gazetteer and the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govkg.extract.trie import trie_pattern
from govkg.gazetteer import Gazetteer
from govkg.resources import read_lexicon

HAN = "\u4e00-\u9fff"
# Characters that stop a name when read leftwards from its suffix: function words that
# rarely sit inside a place or body name (STOP_CHARS), and, for a name written alone, also
# verbs and level words (FREE_STOP_CHARS: 家住青福镇, 在乡村).
STOP_CHARS = frozenset("的在和与及或是对向把将为了被让使给等该各每这那个我你他她们有没不要会能可就才已曾正")
FREE_STOP_CHARS = STOP_CHARS | frozenset("于到住进赴至依傍见看往去入驻经同跟以即并还也又再所其此全本乡镇村")


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
    place_forms: re.Pattern[str]  # any gazetteer form of two characters or more
    place_suffix: re.Pattern[str]  # any sub-county or named-place kind word
    subcounty: dict[str, str]  # 街道 → township, 村 → village
    named: dict[str, str]  # 公园 → local, 山 → region, 流域 → open
    place_stopwords: frozenset[str]
    boundary: re.Pattern[str]  # the boundary words (multi-character ones) as one pattern
    org_suffixes: tuple[str, ...]  # longest first
    titles: re.Pattern[str]
    title_words: frozenset[str]
    descriptors: dict[str, str]
    honorifics: dict[str, str]
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    speech: re.Pattern[str]

    @classmethod
    def build(cls, gazetteer: Gazetteer) -> EntityRules:
        subcounty = _tagged("subcounty_suffixes")
        named = _tagged("named_place_suffixes")
        boundary = [w for w in read_lexicon("boundary_words") if len(w) > 1]
        surnames = read_lexicon("surnames")
        titles = read_lexicon("titles")
        return cls(
            gazetteer=gazetteer,
            place_forms=re.compile(trie_pattern(f for f in gazetteer.forms if len(f) >= 2)),
            place_suffix=re.compile(trie_pattern([*subcounty, *named])),
            subcounty=subcounty,
            named=named,
            place_stopwords=frozenset(read_lexicon("place_stopwords")),
            boundary=re.compile(trie_pattern(boundary)),
            org_suffixes=tuple(sorted(set(read_lexicon("org_suffixes")), key=len, reverse=True)),
            titles=re.compile(trie_pattern(titles)),
            title_words=frozenset(titles),
            descriptors=_tagged("person_descriptors"),
            honorifics=_tagged("honorifics"),
            surnames=frozenset(s for s in surnames if len(s) == 1),
            compound_surnames=frozenset(s for s in surnames if len(s) == 2),
            speech=re.compile(trie_pattern(read_lexicon("speech_verbs"))),
        )
