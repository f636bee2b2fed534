"""The plain data that flows between the stages: ingest → layout → extract → resolve → rdf.

Every stage reads and returns these frozen dataclasses, never loose dicts, so that a
stage can be tested on data built by hand and run in another process.
Entities refer to each other by canonical name (``Place.name``), and the resolver and
the RDF mapping turn names into nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

_LINE_BREAK = re.compile(r"[ \t\u3000]*\r?\n[\s\u3000]*")


@dataclass(frozen=True)
class Document:
    """One source file, decoded. ``text`` is what every offset in the graph points into."""

    doc_id: str  # stable, IRI-safe slug of the path relative to the input root
    path: str
    text: str  # decoded, byte-order mark removed, line ends kept as in the file
    encoding: str
    sha256: str  # of the raw bytes, for incremental builds


@dataclass(frozen=True)
class Sentence:
    """A sentence with its exact character offsets: ``document.text[start:end] == text``."""

    start: int
    end: int
    text: str

    @cached_property
    def clean(self) -> str:
        """The text with line breaks (and the indentation around them) removed, for extraction."""
        return _LINE_BREAK.sub("", self.text)


@dataclass(frozen=True)
class Credit:
    """A name from a byline or photo credit."""

    name: str
    role: str  # "reporter" | "correspondent" | "photographer" | "editor"
    outlet: str | None = None  # the paper or station named with the credit (某某日报)
    alias: str | None = None  # the form as printed when it differs ("林 海")
    span: Sentence | None = None  # the byline as printed, with its offsets: the evidence of the credit
    titled: bool = True  # False for a bare name credited in parentheses after the text ("(胡某)"): no 记者 title
    title: str | None = None  # the post as printed when it is not the role's own word (实习生, 责任编辑)


@dataclass(frozen=True)
class Article:
    """One item of a document: a news article or a captioned photo."""

    doc_id: str
    index: int  # position of the item in its document
    kind: str  # "article" | "photo"
    headline: str
    start: int  # span of the whole item in the document
    end: int
    section: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd when the text gives one
    source: str | None = None  # outlet named by a source or dateline (某某日报)
    credits: tuple[Credit, ...] = ()
    sentences: tuple[Sentence, ...] = ()  # the body (caption for a photo), in order

    @cached_property
    def text(self) -> str:
        """The body as one string for extraction (line breaks removed)."""
        return "".join(s.clean for s in self.sentences)

    @classmethod
    def from_sentences(cls, *sentences: str, headline: str = "标题", credits: tuple[Credit, ...] = (),
                       doc_id: str = "doc") -> Article:
        """An article of the given sentences, one per line: for tests and notebooks."""
        out, pos = [], 0
        for text in sentences:
            out.append(Sentence(pos, pos + len(text), text))
            pos += len(text) + 1
        return cls(doc_id, 0, "article", headline, 0, pos, credits=credits, sentences=tuple(out))


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: a sentence of an article."""

    doc_id: str
    article: int  # Article.index
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article: Article, sentence: Sentence) -> Evidence:
        return cls(article.doc_id, article.index, sentence.start, sentence.end, sentence.text)


@dataclass(frozen=True)
class Place:
    name: str  # canonical full name (青石县)
    aliases: tuple[str, ...] = ()  # other forms the text uses (青石, 该县)
    adcode: str | None = None  # GB/T 2260 code (6 digits) when the gazetteer knows it
    level: str | None = None  # province | prefecture | county | township | village | named
    parent: str | None = None  # canonical name of the direct parent
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Organization:
    name: str  # written in full (青石县商务党工委)
    aliases: tuple[str, ...] = ()  # the text's forms (县商务党工委)
    place: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    # Names such as 张女士 or 刘大爷 are not unique: they are kept apart per article.
    ambiguous: bool = False
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Membership:
    """A person holding a title, in a body when the text gives one."""

    person: str
    title: str
    organization: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Program:
    name: str  # without quotation marks
    aliases: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()  # gk:runBy
    people: tuple[str, ...] = ()  # gk:involves
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Subject:
    """What a metric is about: a program, place or organization, by canonical name."""

    kind: str  # "program" | "place" | "organization"
    name: str


@dataclass(frozen=True)
class Metric:
    value: Decimal  # the number as written before 万/亿 (5 for 5万余人次)
    unit: str  # what follows the number, scale kept (万人次, 亿元, %, 条)
    text: str  # the quantity as written (5万余人次)
    qualifier: str | None = None  # 余 | 近 | 超 | 约 | 以上 | 以内 | 多
    measure: str | None = None  # what is counted, in the text's words
    about: Subject | None = None
    period: str | None = None  # 2024年以来, 截至2024年底
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    places: tuple[Place, ...] = ()
    organizations: tuple[Organization, ...] = ()
    people: tuple[Person, ...] = ()
    memberships: tuple[Membership, ...] = ()
    programs: tuple[Program, ...] = ()
    metrics: tuple[Metric, ...] = ()


@dataclass(frozen=True)
class Skipped:
    """A file left out of a build, with the one-line reason."""

    path: str
    reason: str


@dataclass
class BuildSummary:
    documents: int = 0
    articles: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    skipped: list[Skipped] = field(default_factory=list)
