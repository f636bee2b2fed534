"""Traditional → simplified characters for extraction, one character for one.

The extractors and lexicons are written for simplified Chinese; a Big5 page (or any page
in traditional characters) is converted before layout and extraction. The conversion
never changes the length of the text, so every offset found in the converted text holds
in the original, and evidence keeps the original characters: OpenCC's character table is
applied with ``str.translate`` (first candidate of each entry) and its phrase table only
where a phrase keeps its length (乾坤 stays 乾坤, 乾淨 becomes 干净).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files

from govkg.model import Article, ArticleFacts, Evidence, Sentence

TRADITIONAL_SHARE = 0.03  # share of traditional-only characters above which a text is traditional
SAMPLE_CHARS = 20_000


@dataclass(frozen=True)
class Converter:
    chars: dict[int, str]
    phrases: dict[str, str]
    phrase_pattern: re.Pattern[str]
    traditional_only: dict[int, None]  # characters that simplified text (GB2312) never uses, to delete

    def simplified(self, text: str) -> str:
        """The text in simplified characters, exactly as long as ``text``."""
        converted = text.translate(self.chars)
        if not self.phrases:
            return converted
        # Phrases are looked up in the original (their keys are traditional) and written over the result.
        parts, last = [], 0
        for match in self.phrase_pattern.finditer(text):
            parts.append(converted[last:match.start()])
            parts.append(self.phrases[match.group(0)])
            last = match.end()
        parts.append(converted[last:])
        return "".join(parts)

    def is_traditional(self, text: str) -> bool:
        """Whether enough characters are traditional-only (never used in simplified text) to convert it."""
        sample = text[:SAMPLE_CHARS]
        traditional = len(sample) - len(sample.translate(self.traditional_only))
        return traditional > TRADITIONAL_SHARE * len(sample)


def _entries(name: str, keep_same: bool) -> dict[str, str]:
    table = files("opencc") / "dictionary" / name
    out = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        value = values.split(" ")[0] if values else ""
        if key and len(key) == len(value) and (keep_same or key != value):
            out[key] = value
    return out


@cache
def converter() -> Converter:
    """The t2s converter, built once per process from OpenCC's tables (opencc-python-reimplemented)."""
    chars = {ord(k): v for k, v in _entries("TSCharacters.txt", keep_same=False).items() if len(k) == 1}
    phrases = {k: v for k, v in _entries("TSPhrases.txt", keep_same=True).items() if len(k) > 1}
    keys = sorted(phrases, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, keys))) if keys else re.compile(r"(?!)")
    only = dict.fromkeys(c for c in chars if not _in_gb2312(chr(c)))
    return Converter(chars, phrases, pattern, only)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class Restorer:
    """Puts the original characters back into facts read from the converted text.

    Offsets are shared, so evidence and sentences are sliced from the original; other text
    (headlines, quantities) is found in the converted text and read at the same place in
    the original. Entities keep their simplified name (the canonical label) and gain the
    original form as an alias.
    """

    original: str
    converted: str

    def text(self, s: str | None) -> str | None:
        if not s:
            return s
        pos = self.converted.find(s)
        return self.original[pos:pos + len(s)] if pos >= 0 else s

    def evidence(self, evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        return tuple(replace(ev, text=self.original[ev.start:ev.end]) for ev in evidence)

    def entity(self, entity):
        forms = [self.text(form) for form in (entity.name, *entity.aliases)]
        extra = tuple(f for f in dict.fromkeys(forms) if f != entity.name and f not in entity.aliases)
        return replace(entity, aliases=entity.aliases + extra, evidence=self.evidence(entity.evidence))

    def article(self, article: Article) -> Article:
        credits = []
        for credit in article.credits:
            printed = self.text(credit.alias or credit.name)
            credits.append(replace(credit, alias=printed if printed != credit.name else credit.alias))
        return replace(article, headline=self.text(article.headline), section=self.text(article.section),
                       credits=tuple(credits),
                       sentences=tuple(Sentence(s.start, s.end, self.original[s.start:s.end])
                                       for s in article.sentences))

    def facts(self, af: ArticleFacts) -> ArticleFacts:
        return replace(
            af,
            article=self.article(af.article),
            places=tuple(map(self.entity, af.places)),
            organizations=tuple(map(self.entity, af.organizations)),
            people=tuple(map(self.entity, af.people)),
            memberships=tuple(replace(m, evidence=self.evidence(m.evidence)) for m in af.memberships),
            programs=tuple(map(self.entity, af.programs)),
            metrics=tuple(replace(m, text=self.text(m.text), measure=self.text(m.measure),
                                  period=self.text(m.period), evidence=self.evidence(m.evidence))
                          for m in af.metrics),
        )
