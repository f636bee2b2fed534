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
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")
TRADITIONAL_SHARE = 0.05  # share of Han characters that change: above it a text counts as traditional


@dataclass(frozen=True)
class Converter:
    chars: dict[int, str]
    phrases: dict[str, str]
    phrase_pattern: re.Pattern[str]

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
        """Whether enough Han characters change under conversion for the text to be traditional."""
        han = len(_HAN.findall(text))
        if not han:
            return False
        changed = sum(1 for a, b in zip(text, text.translate(self.chars)) if a != b)
        return changed / han > TRADITIONAL_SHARE


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
    return Converter(chars, phrases, pattern)
