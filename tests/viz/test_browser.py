"""The page in a real headless Chromium: offline, complete, searchable, filterable, inert to corpus markup."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import Graph

import govkg
from govkg.pipeline import BuildResult
from govkg.viz import write_html
from govkg.viz.terms import CLASSES

from .test_html import hostile_graph

pytestmark = pytest.mark.browser

INJECTED = '<script>window.__pwned=1</script>'
CORPUS = (
    "社区建设\n\n示范区文化站建设提速\n\n□本报记者 王小明\n\n"
    f"今年以来，呼和浩特市新城区新建文化站12个{INJECTED}，接待群众"
    '<img src=x onerror="window.__pwned=1">5000余人次。\n\n新城区还组织志愿者300余名参与服务。\n'
)


@dataclass
class Opened:
    page: object
    console: list[tuple[str, str]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def errors(self) -> list[tuple[str, str]]:
        return [m for m in self.console if m[0] in ("error", "pageerror")]

    def visible(self) -> int:
        return self.page.evaluate("govkg.nodes.get({filter: n => !n.hidden}).length")


@pytest.fixture
def open_page(browser):
    pages = []

    def open_(path: Path) -> Opened:
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        pages.append(page)
        opened = Opened(page)
        page.on("console", lambda m: opened.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: opened.console.append(("pageerror", str(e))))
        page.on("request", lambda r: opened.requests.append(r.url))
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("html[data-govkg-drawn]", state="attached", timeout=60_000)
        return opened

    yield open_
    for page in pages:
        page.close()


def entity_count(ttl: Path) -> int:
    """Entities of the drawn classes, counted straight from the Turtle file."""
    values = " ".join(f"<{c.iri}>" for c in CLASSES)
    query = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?c {{ {values} }} ?s a ?c }}"
    return int(next(iter(Graph().parse(ttl).query(query)))[0])


def only_the_file(opened: Opened) -> bool:
    return bool(opened.requests) and all(url.startswith("file://") for url in opened.requests)


def test_seed_page_opens_offline_with_every_entity_drawn(seed_build: BuildResult, open_page, artifacts: Path) -> None:
    out = seed_build.out
    opened = open_page(out / "graph.html")
    drawn = opened.page.evaluate("govkg.network.body.nodeIndices.length")
    assert drawn == entity_count(out / "graph.ttl") > 0
    assert opened.page.get_attribute("html", "data-govkg-drawn") == str(drawn)
    legend = opened.page.inner_text("#legend")
    assert all(c.name_zh in legend for c in CLASSES)
    opened.page.screenshot(path=str(artifacts / "seed-graph.png"))
    assert opened.errors() == []
    assert only_the_file(opened), opened.requests


def test_search_box_finds_a_program_of_the_seed(seed_build: BuildResult, open_page, artifacts: Path) -> None:
    opened = open_page(seed_build.out / "graph.html")
    opened.page.fill("#query", "红链兴企")
    opened.page.click("#search button")
    selected = opened.page.evaluate("govkg.network.getSelectedNodes().map(id => [govkg.info[id].c, govkg.info[id].l])")
    assert len(selected) == 1
    assert selected[0][0] == "program" and "红链兴企" in selected[0][1]
    assert "红链兴企" in opened.page.inner_text("#details")
    assert "红链兴企" in opened.page.inner_text("#results")
    opened.page.screenshot(path=str(artifacts / "seed-search.png"))
    assert opened.errors() == []


def test_injected_corpus_line_executes_nothing(tmp_path: Path, open_page) -> None:
    corpus = tmp_path / "injected.txt"
    corpus.write_text(CORPUS, encoding="utf-8")
    result = govkg.build([corpus], tmp_path / "out")
    opened = open_page(result.out / "graph.html")
    page = opened.page
    carriers = page.evaluate(
        "govkg.info.map((d, id) => [id, JSON.stringify(d)]).filter(x => x[1].includes('__pwned')).map(x => x[0])")
    assert carriers, "the injected sentence did not reach the page, so nothing was tested"
    for node_id in carriers:
        page.evaluate(f"govkg.showDetails({node_id})")
        position = page.evaluate(
            f"govkg.network.canvasToDOM(govkg.network.getPositions([{node_id}])[{node_id}])")
        box = page.locator("#graph").bounding_box()
        page.mouse.move(box["x"] + 2, box["y"] + 2)
        page.mouse.move(box["x"] + position["x"], box["y"] + position["y"], steps=4)
        page.wait_for_timeout(300)
        assert INJECTED in page.inner_text("#details")
    page.fill("#query", "__pwned")
    page.click("#search button")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#details img, #tip img, #results img").count() == 0
    assert only_the_file(opened), opened.requests
    assert opened.errors() == []


def test_hostile_labels_and_headlines_stay_text(tmp_path: Path, open_page) -> None:
    report = write_html(hostile_graph(), tmp_path / "hostile.html")
    page = open_page(report.path).page
    for node_id in range(report.nodes_drawn):
        page.evaluate(f"govkg.showDetails({node_id})")
        page.evaluate(f"govkg.search(govkg.info[{node_id}].l)")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned=1</script>计划" in page.inner_text("#results")


def test_tooltip_shows_class_properties_and_evidence(tiny_graph: Graph, tmp_path: Path, open_page) -> None:
    page = open_page(write_html(tiny_graph, tmp_path / "tiny.html").path).page
    node_id = page.evaluate("govkg.info.findIndex(d => d.l === '稻香振兴计划')")
    position = page.evaluate(f"govkg.network.canvasToDOM(govkg.network.getPositions([{node_id}])[{node_id}])")
    box = page.locator("#graph").bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + 2)
    page.mouse.move(box["x"] + position["x"], box["y"] + position["y"], steps=4)
    page.wait_for_selector("#tip", state="visible", timeout=5_000)
    tip = page.inner_text("#tip")
    for text in ("稻香振兴计划", "Program", "实施地", "石桥县", "石桥县农业农村局局长林远介绍"):
        assert text in tip


@pytest.mark.parametrize(
    ("action", "visible"),
    [("document.querySelector('#legend input[value=place]').click()", 10),
     ("(s => { s.value = [...s.options].find(o => o.text.startsWith('北川市')).value;"
      " s.dispatchEvent(new Event('change')); })(document.querySelector('#region'))", 4)],
)
def test_filters_by_class_and_region(tiny_graph: Graph, tmp_path: Path, open_page, action: str, visible: int) -> None:
    opened = open_page(write_html(tiny_graph, tmp_path / "tiny.html").path)
    assert opened.visible() == 14
    opened.page.evaluate(action)
    assert opened.visible() == visible
    assert f"显示 {visible} / 14" in opened.page.inner_text("#status")


def test_a_capped_page_says_what_was_left_out(tiny_graph: Graph, tmp_path: Path, open_page) -> None:
    opened = open_page(write_html(tiny_graph, tmp_path / "capped.html", max_nodes=4).path)
    note = opened.page.locator("#note")
    assert note.is_visible()
    assert "显示 4 / 14" in note.inner_text() and "left out 10" in note.inner_text()
    assert opened.page.evaluate("govkg.network.body.nodeIndices.length") == 4
