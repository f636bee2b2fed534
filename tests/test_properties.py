"""Invariants over any input text: the graph serialises and parses back, IRIs are valid and
stable, and every evidence's offsets slice the source."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pyoxigraph
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govkg.ingest.files import read_document
from govkg.pipeline import extract_document

GK = "https://w3id.org/govkg/ontology#"
# What a news page is made of, so that the extractors find things to say about random text.
NEWSY = st.lists(
    st.sampled_from(list("区县市镇乡街道社区村省委书记局长记者通讯员实施开展打造工程项目行动计划“”「」《》（）"
                         "，。：；！？、—年月日万亿元人次个条%0123456789.浙江杭州西湖北京朝阳張偉會議")
                    + ["\n", "\n\n", " ", "\u3000", "\r\n", "本报讯", "记者 王明", "10万余人次"]),
    max_size=150,
).map("".join)
ANY_TEXT = st.text(max_size=200)
IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f]')
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _build(path: Path, extractor) -> tuple[str, pyoxigraph.Store | None, str | None]:
    """The N-Quads of one file, its store, and the text that offsets point into."""
    result = extract_document(str(path), "page.txt", extractor)
    if result.error is not None:
        return result.error, None, None
    source = read_document(path, "page.txt").text
    store = pyoxigraph.Store()
    store.load(result.nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    return result.nquads.decode("utf-8"), store, source


def _check(text: str, extractor) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.txt"
        path.write_bytes(text.encode("utf-8"))
        _check_file(path, extractor)


def _check_file(path: Path, extractor) -> None:
    nquads, store, source = _build(path, extractor)
    if store is None:
        assert "extraction failed" not in nquads, nquads  # only input errors (empty, binary) may skip a file
        return
    parsed = rdflib.Dataset()
    parsed.parse(data=nquads, format="nquads")
    assert len(parsed) == len(store)
    for quad in store:
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, pyoxigraph.NamedNode):
                assert term.value.startswith(("https://", "http://")) and not IRI_FORBIDDEN.search(term.value), term
    query = f"""SELECT ?t ?s ?e WHERE {{ GRAPH ?g {{ ?ev a <{GK}Evidence> ; <{GK}text> ?t ;
                <{GK}start> ?s ; <{GK}end> ?e }} }}"""
    for row in store.query(query):
        start, end = int(row["s"].value), int(row["e"].value)
        assert 0 <= start <= end <= len(source)
        assert source[start:end] == row["t"].value
    assert _build(path, extractor)[0] == nquads  # the same text gives the same quads


@SETTINGS
@given(text=NEWSY)
def test_news_like_text_gives_a_valid_graph(text, extractor):
    _check(text, extractor)


@SETTINGS
@given(text=ANY_TEXT)
def test_any_unicode_text_gives_a_valid_graph_or_a_clear_skip(text, extractor):
    _check(text, extractor)


@settings(max_examples=30, deadline=None)
@given(text=NEWSY)
def test_traditional_text_keeps_its_offsets(text, extractor):
    from govkg.ingest.script import converter

    traditional = text.translate({ord("区"): "區", ord("会"): "會", ord("议"): "議", ord("记"): "記", ord("员"): "員"})
    if converter().is_traditional(traditional):
        _check(traditional, extractor)
    assert len(converter().simplified(traditional)) == len(traditional)
