"""Heavy things that load once per process: jieba, the gazetteer and the lexicons.

``Resources.load()`` is called once by the pipeline (once per worker process) and the
result is passed down to every extractor; nothing is loaded at import time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import jieba

from govkg.gazetteer import Gazetteer

if TYPE_CHECKING:
    from govkg.extract.metrics import MetricRules
    from govkg.extract.programs import ProgramRules
    from govkg.extract.rules import EntityRules


def data_dir() -> Path:
    """The shipped data: inside the installed package, or the repository's ``data/`` in a checkout."""
    packaged = Path(__file__).parent / "_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def ontology_dir() -> Path:
    packaged = Path(__file__).parent / "_data" / "ontology"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "ontology"


def read_lexicon(name: str) -> tuple[str, ...]:
    """One entry per line; blank lines and ``#`` comments are ignored."""
    path = data_dir() / "lexicons" / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(s for s in (line.split("#", 1)[0].strip() for line in lines) if s)


def read_lexicon_groups(name: str) -> dict[str, tuple[str, ...]]:
    """A lexicon of named groups, one per line: ``@group word word …``."""
    out: dict[str, tuple[str, ...]] = {}
    for line in read_lexicon(name):
        key, *words = line.split()
        out[key.lstrip("@")] = tuple(words)
    return out


class CachedTokenizer:
    """jieba's tokenizer for short strings, each string's words remembered.

    The extractors cut the few characters before a level word or around a name, and the same
    short strings recur across sentences and articles; a look-up costs far less than jieba's cut.
    It has the two things those callers use of ``jieba.Tokenizer``: ``lcut`` (giving a tuple,
    shared between callers, so never changed) and the word frequencies ``FREQ``.
    """

    def __init__(self, tokenizer: jieba.Tokenizer, maxsize: int = 1 << 16):
        self.tokenizer = tokenizer
        self.FREQ: dict[str, int] = tokenizer.FREQ
        self.lcut = lru_cache(maxsize=maxsize)(self._cut)

    def _cut(self, text: str) -> tuple[str, ...]:
        return tuple(self.tokenizer.lcut(text))


@dataclass
class Resources:
    """Loaded once, then shared read-only by every extractor."""

    gazetteer: Gazetteer

    @classmethod
    def load(cls) -> Resources:
        return cls(gazetteer=Gazetteer.load())

    @cached_property
    def tokenizer(self) -> jieba.Tokenizer:
        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tok.initialize()
        for name in self.gazetteer.names():
            tok.add_word(name, freq=2000, tag="ns")
        return tok

    @cached_property
    def cached_tokenizer(self) -> CachedTokenizer:
        """The tokenizer with the words of short strings remembered (for cutting a few characters)."""
        return CachedTokenizer(self.tokenizer)

    @cached_property
    def entity_rules(self) -> EntityRules:
        """Kind lexicons and the gazetteer automaton used by the place, body and person extractors."""
        from govkg.extract.rules import EntityRules

        return EntityRules.build(self.gazetteer)

    @cached_property
    def metric_rules(self) -> MetricRules:
        """The quantity pattern and the measure, subject and period cues of the metrics extractor."""
        from govkg.extract.metrics import MetricRules

        return MetricRules.load()

    @cached_property
    def program_rules(self) -> ProgramRules:
        """The quotation and cue-word rules of the programs extractor."""
        from govkg.extract.programs import ProgramRules

        return ProgramRules.load()
