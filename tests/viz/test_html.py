from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from govkg.errors import ExportError
from govkg.viz import write_html
from govkg.viz.html import json_for_script
from govkg.viz.terms import GK, PROV, RDF, RDFS, SDO

ID = "https://w3id.org/govkg/id/"
HOSTILE = '示范区<script>window.__pwned=1</script>新建站点<img src=x onerror="window.__pwned=1">12个。'


def hostile_graph() -> Graph:
    g = Graph()
    program, evidence, article = URIRef(ID + "program/p"), URIRef(ID + "evidence/d/0-40"), URIRef(ID + "article/d/0")
    g.add((program, RDF.type, GK.Program))
    g.add((program, RDFS.label, Literal('站点<script>window.__pwned=1</script>计划', lang="zh")))
    g.add((program, PROV.wasDerivedFrom, evidence))
    g.add((evidence, RDF.type, GK.Evidence))
    g.add((evidence, GK.text, Literal(HOSTILE)))
    g.add((evidence, SDO.isPartOf, article))
    g.add((article, RDF.type, SDO.NewsArticle))
    g.add((article, SDO.headline, Literal('<img src=x onerror="window.__pwned=1">标题')))
    g.add((article, SDO.mentions, program))
    return g


def test_the_page_links_nothing_outside_itself(tiny_graph: Graph, tmp_path: Path) -> None:
    html = write_html(tiny_graph, tmp_path / "g.html").path.read_text("utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.I)
    assert "<link" not in html.lower()
    assert "default-src 'none'" in html
    assert "vis.Network" in html  # vis-network is inlined from pyvis's bundled copy


def test_corpus_text_never_appears_as_markup(tmp_path: Path) -> None:
    html = write_html(hostile_graph(), tmp_path / "g.html").path.read_text("utf-8")
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert html.count("\n<script") == 3  # vis-network, the data block, the page script
    assert "&#34;" not in html.split("<script", 1)[0]  # the CSS font names are not HTML-escaped


def test_report_counts_what_was_drawn(tiny_graph: Graph, tmp_path: Path) -> None:
    report = write_html(tiny_graph, tmp_path / "sub" / "g.html", focus="北川市", hops=1)
    assert (report.nodes_total, report.nodes_drawn) == (14, 4)
    assert "北川市" in report.note and report.path.is_file()


def test_an_unwritable_target_is_an_export_error(tiny_graph: Graph, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="file"):
        write_html(tiny_graph, tmp_path / "file" / "g.html")


@given(st.recursive(st.text() | st.integers() | st.none(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                    max_leaves=20))
def test_json_for_script_cannot_close_the_script_and_round_trips(value: object) -> None:
    text = json_for_script(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value
