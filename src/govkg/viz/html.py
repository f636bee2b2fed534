"""Write the graph as one self-contained HTML page: pyvis's network data and its bundled vis-network,
our own page template.

What pyvis gives: the ``Network`` (nodes, edges and options in vis-network's format, read back with
``get_network_data``) and the vis-network 9.1.2 script and stylesheet that ship inside the pyvis
package, inlined here. What replaces pyvis, and why:
- its ``template.html`` links bootstrap from a CDN in every mode (a failed request offline) and puts
  ``title`` strings into ``innerHTML`` when they contain "href"; our template links nothing and builds
  every tooltip with ``textContent``;
- ``from_nx`` / ``add_node`` / ``add_edge`` search Python lists for every call (O(n²): 13 s at 10,000
  nodes); we fill ``net.nodes`` and ``net.edges`` directly;
- physics is off: positions come from :mod:`govkg.viz.layout`, and smooth edges are off.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyvis
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network
from rdflib import Graph

from govkg.errors import ExportError
from govkg.viz.graphdata import EntityGraph, rdflib_triples, read_entities
from govkg.viz.layout import layout
from govkg.viz.select import Selection, neighbours, select
from govkg.viz.terms import CLASSES

CJK_FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "PingFang SC", '
             '"Hiragino Sans GB", "Microsoft YaHei", sans-serif')
_LABEL_CHARS = 14
_FONT = 14
_VIS_DIR = Path(pyvis.__file__).with_name("templates") / "lib" / "vis-9.1.2"
_TEMPLATES = Path(__file__).with_name("templates")


@dataclass(frozen=True)
class VizReport:
    """What was written: counts a caller can print, and the note shown on the page."""

    path: Path
    nodes_total: int
    nodes_drawn: int
    edges_drawn: int
    omitted: tuple[tuple[str, int], ...]
    note: str
    seconds: float


def write_html(graph: Graph, path: str | Path, *, focus: str | None = None, hops: int = 1,
               max_nodes: int | None = None) -> VizReport:
    """Write ``graph`` (an rdflib Graph or Dataset following the contract) as one offline HTML page."""
    started = time.perf_counter()
    entities = read_entities(rdflib_triples(graph))
    return write_entities_html(entities, path, focus=focus, hops=hops, max_nodes=max_nodes, started=started)


def write_entities_html(entities: EntityGraph, path: str | Path, *, focus: str | None = None, hops: int = 1,
                        max_nodes: int | None = None, started: float | None = None) -> VizReport:
    """Write the page of entities already read (``govkg viz`` reads them from a store or file)."""
    started = time.perf_counter() if started is None else started
    selection = select(entities, focus=focus, hops=hops, max_nodes=max_nodes)
    page = render_page(selection)
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    except OSError as err:
        raise ExportError(f"{target}: cannot write the HTML page ({err.strerror or err})") from err
    return VizReport(target, selection.total_nodes, len(selection.graph.nodes), len(selection.graph.edges),
                     selection.omitted, selection.note, time.perf_counter() - started)


def render_page(selection: Selection) -> str:
    """The HTML text of the page for a selection."""
    net = build_network(selection.graph)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    regions = _regions(selection.graph)
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "classes": _legend(selection.graph),
        "info": _info(selection.graph, regions),
        "regions": regions,
        "note": selection.note,
        "total": selection.total_nodes,
    }
    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=True, keep_trailing_newline=True)
    vis_js = _script_safe(_VIS_DIR.joinpath("vis-network.min.js").read_text("utf-8"))
    page_js = _script_safe(_TEMPLATES.joinpath("graph.js").read_text("utf-8"))
    return env.get_template("graph.html").render(
        vis_js=Markup(vis_js),
        vis_css=Markup(_VIS_DIR.joinpath("vis-network.css").read_text("utf-8")),
        page_js=Markup(page_js),
        # Only these two scripts may run: an inline handler smuggled into the page would be refused.
        script_hashes=" ".join(_csp_hash(code) for code in (vis_js, page_js)),
        data=Markup(json_for_script(payload)),
        fonts=Markup(CJK_FONTS),
        title="govkg 知识图谱",
    )


def build_network(graph: EntityGraph) -> Network:
    """A pyvis Network holding the nodes (with layout positions), edges and options."""
    index = {n.iri: i for i, n in enumerate(graph.nodes)}
    adjacent = neighbours(graph)
    value = [math.sqrt(len(adjacent.get(n.iri, ()))) for n in graph.nodes]
    top = max(value, default=1.0) or 1.0
    sizes = [8 + 22 * v / top for v in value]
    fonts = [_font_size(v / top, n.cls) for v, n in zip(value, graph.nodes, strict=True)]
    labels = [_short(n.label) for n in graph.nodes]
    # A node needs room for its shape and about half its label (labels may overlap a little).
    room = [s + 6 + 0.3 * f * len(label) for s, f, label in zip(sizes, fonts, labels, strict=True)]
    pairs = [(index[e.source], index[e.target]) for e in graph.edges]
    positions = layout(len(graph.nodes), pairs, room)
    net = Network(directed=True, cdn_resources="in_line")
    net.nodes = [
        {"id": i, "label": labels[i], "group": n.cls, "size": round(sizes[i], 1),
         "x": round(float(positions[i, 0])), "y": round(float(positions[i, 1])),
         **({"font": {"size": fonts[i]}} if fonts[i] != _FONT else {})}
        for i, n in enumerate(graph.nodes)
    ]
    net.edges = [_edge(index[e.source], index[e.target], e.kind, e.label) for e in graph.edges]
    net.options = _options(len(graph.nodes))
    return net


def _font_size(weight: float, cls: str) -> int:
    """Bigger labels for the best connected, so that the overview names its hubs; headlines are long,
    so an article's label grows less."""
    return round(_FONT + (4 if cls == "article" else 12) * weight**2)


def _edge(source: int, target: int, kind: str, label: str) -> dict[str, Any]:
    if kind == "mentions":
        return {"from": source, "to": target, "title": label, "color": "#cfd8dc", "width": 0.5}
    return {"from": source, "to": target, "title": label, "color": "#90a4ae", "width": 1, "arrows": "to"}


def _options(n: int) -> dict[str, Any]:
    big = n > 2000
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "edges": {"smooth": {"enabled": False}, "arrows": {"to": {"scaleFactor": 0.4}},
                  "color": {"inherit": False}, "hoverWidth": 0, "selectionWidth": 2},
        "nodes": {"borderWidth": 1, "font": {"face": CJK_FONTS, "size": _FONT, "color": "#263238",
                                             "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 6}}},
        "groups": {c.key: {"shape": c.shape, "color": {"background": c.color, "border": "#263238",
                                                        "highlight": {"background": c.color, "border": "#000000"},
                                                        "hover": {"background": c.color, "border": "#000000"}}}
                   for c in CLASSES},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
    }


def _legend(graph: EntityGraph) -> list[dict[str, Any]]:
    counts = {c.key: 0 for c in CLASSES}
    for n in graph.nodes:
        counts[n.cls] += 1
    return [{"key": c.key, "zh": c.name_zh, "en": c.name_en, "color": c.color, "shape": c.shape,
             "count": counts[c.key]} for c in CLASSES]


def _regions(graph: EntityGraph) -> list[dict[str, Any]]:
    """Places to filter by: each with how many drawn entities lie in it, the fullest first."""
    labels = {n.iri: n.label for n in graph.nodes if n.cls == "place"}
    counts: dict[str, int] = {}
    for n in graph.nodes:
        for r in n.regions:
            counts[r] = counts.get(r, 0) + 1
    ranked = sorted((iri for iri in counts if iri in labels), key=lambda iri: (-counts[iri], labels[iri]))
    return [{"iri": iri, "label": labels[iri], "count": counts[iri]} for iri in ranked[:500]]


def _info(graph: EntityGraph, regions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tooltip data per node, indexed like the nodes; the page turns it into DOM text.
    ``r`` holds indexes into the region list."""
    region_index = {r["iri"]: i for i, r in enumerate(regions)}
    return [{"c": n.cls, "l": n.label, "a": list(n.alt_labels), "p": [list(p) for p in n.props],
             "e": list(n.evidence), "r": [region_index[r] for r in n.regions if r in region_index]}
            for n in graph.nodes]


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "…"


def json_for_script(value: Any) -> str:
    """JSON that cannot end or open a tag inside <script>: <, > and & become \\u escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def _script_safe(code: str) -> str:
    if "</script" in code.lower():
        raise ExportError("a bundled script contains '</script', which cannot be inlined")
    return code
