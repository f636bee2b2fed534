"""The interactive graph at 10,000 entities: HTML generation and time to first draw in headless Chromium.

In one run, on the same synthetic graph shaped like govkg's (class mix of the seed build, a 4-level
place hierarchy, articles that mention their entities, evidence sentences):
- ``govkg.viz.write_html`` (read the rdflib graph, layout, render, write), with its stages;
- pyvis's own path, ``Network().from_nx(G)`` + ``write_html`` (``cdn_resources="in_line"``);
- the floor: ``json.dumps`` of the bare vis-network nodes and edges;
- the page in Debian's chromium through Playwright: navigation start → first draw (``afterDrawing``),
  then how long a search and a class filter take once drawn.

    .venv/bin/python benchmarks/viz/bench_viz.py --entities 10000 --runs 3
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

import networkx as nx
from pyvis.network import Network
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from govkg.viz import write_html
from govkg.viz.graphdata import rdflib_triples, read_entities
from govkg.viz.html import build_network, render_page
from govkg.viz.select import select
from govkg.viz.terms import GK, ORG, PROV, SDO

ID = "https://w3id.org/govkg/id/"
# Share of each class among the seed build's entities (148: 40 programs, 42 metrics, 32 places...).
MIX = {"program": 0.27, "metric": 0.284, "place": 0.216, "org": 0.101, "person": 0.074, "article": 0.055}
CHARS = "东西南北中新兴和平安康乐民生光明华城山水河湖林园社区街道产业振兴服务发展示范文化科技生态"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def name(rng: random.Random, suffix: str, length: int = 3) -> str:
    return "".join(rng.choice(CHARS) for _ in range(length)) + suffix


def synthetic_graph(entities: int, seed: int = 0) -> Graph:
    """About ``entities`` entities following the contract, linked the way a build links them."""
    rng = random.Random(seed)
    g = Graph()
    count = {k: max(1, round(entities * share)) for k, share in MIX.items()}

    def entity(kind: str, i: int, cls: URIRef, label: str) -> URIRef:
        iri = URIRef(f"{ID}{kind}/{i}")
        g.add((iri, RDF.type, cls))
        g.add((iri, RDFS.label, Literal(label, lang="zh")))
        return iri

    def evidence(node: URIRef, article: URIRef, text: str, i: int) -> None:
        ev = URIRef(f"{ID}evidence/bench/{i}")
        g.add((ev, RDF.type, GK.Evidence))
        g.add((ev, GK.text, Literal(text)))
        g.add((ev, GK.start, Literal(i * 50, datatype=XSD.integer)))
        g.add((ev, GK.end, Literal(i * 50 + len(text), datatype=XSD.integer)))
        g.add((ev, SDO.isPartOf, article))
        g.add((node, PROV.wasDerivedFrom, ev))

    levels = [("省", max(1, count["place"] // 200)), ("市", max(1, count["place"] // 20)),
              ("县", max(1, count["place"] // 5))]
    places: list[list[URIRef]] = []
    n = 0
    for suffix, size in levels + [("社区", count["place"] - sum(s for _, s in levels))]:
        level = []
        for _ in range(size):
            place = entity("place", n, SDO.Place, name(rng, suffix))
            if places:
                g.add((place, SDO.containedInPlace, rng.choice(places[-1])))
            level.append(place)
            n += 1
        places.append(level)
    local = places[-1] + places[-2]
    articles = [entity("article", i, SDO.NewsArticle, "") for i in range(count["article"])]
    for a in articles:
        g.remove((a, RDFS.label, None))
        g.add((a, SDO.headline, Literal(name(rng, "工作取得新进展", 6))))
        g.add((a, SDO.mentions, rng.choice(places[1])))
    home = {}
    persons = []
    for i in range(count["person"]):
        p = entity("person", i, SDO.Person, name(rng, "", 3))
        persons.append(p)
        home[p] = rng.choice(articles)
    reporters = persons[: max(1, len(persons) // 10)]
    for a in articles:
        g.add((a, SDO.author, rng.choice(reporters)))
    orgs = []
    for i in range(count["org"]):
        o = entity("org", i, SDO.Organization, name(rng, "局", 5))
        g.add((o, SDO.location, rng.choice(local)))
        orgs.append(o)
        home[o] = rng.choice(articles)
    role = URIRef(f"{ID}role/局长")
    g.add((role, RDF.type, ORG.Role))
    g.add((role, RDFS.label, Literal("局长", lang="zh")))
    ev = 0
    for i, p in enumerate(persons[len(reporters):]):
        m = URIRef(f"{ID}membership/{i}")
        g.add((m, RDF.type, ORG.Membership))
        g.add((m, ORG.member, p))
        g.add((m, ORG.role, role))
        g.add((m, ORG.organization, rng.choice(orgs)))
        evidence(m, home[p], "局长介绍了今年的工作安排和主要成效。", ev)
        ev += 1
    programs = []
    for i in range(count["program"]):
        p = entity("program", i, GK.Program, "“" + name(rng, "”行动", 4))
        g.add((p, GK.implementedIn, rng.choice(local)))
        if rng.random() < 0.5:
            g.add((p, GK.runBy, rng.choice(orgs)))
        if rng.random() < 0.2:
            g.add((p, GK.involves, rng.choice(persons)))
        home[p] = rng.choice(articles)
        evidence(p, home[p], "该地创新实施这项行动，推动工作提质增效。", ev)
        ev += 1
        programs.append(p)
    for i in range(count["metric"]):
        m = entity("metric", i, GK.Metric, f"{rng.randint(2, 900)}余个")
        g.add((m, GK.value, Literal(str(rng.randint(2, 900)), datatype=XSD.decimal)))
        g.add((m, GK.unit, Literal("个")))
        g.add((m, GK.about, rng.choice(programs) if rng.random() < 0.7 else rng.choice(local)))
        home[m] = rng.choice(articles)
        evidence(m, home[m], "累计服务群众三千余人次，覆盖全部社区。", ev)
        ev += 1
    for i, place in enumerate(local):
        home[place] = articles[i % len(articles)]
    for node, article in home.items():
        g.add((article, SDO.mentions, node))
        if rng.random() < 0.2:
            g.add((rng.choice(articles), SDO.mentions, node))
    return g


def timed(fn, runs: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), result


def browser_times(path: Path, runs: int) -> list[dict[str, float]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = chromium.new_page(viewport={"width": 1400, "height": 900})
            requests = []
            page.on("request", lambda r, seen=requests: seen.append(r.url))
            start = time.perf_counter()
            page.goto(path.resolve().as_uri())
            page.wait_for_selector("html[data-govkg-drawn]", state="attached", timeout=120_000)
            wall = time.perf_counter() - start
            marks = page.evaluate(
                "({drawn: performance.getEntriesByName('govkg-drawn')[0].startTime,"
                " dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd})")
            search = page.evaluate(
                "(() => { const t = performance.now(); govkg.search(govkg.info[govkg.info.length - 1].l);"
                " govkg.network.redraw(); return performance.now() - t; })()")
            filt = page.evaluate(
                "(() => { const t = performance.now();"
                " document.querySelector('#legend input[value=metric]').click(); govkg.network.redraw();"
                " return performance.now() - t; })()")
            assert all(u.startswith("file://") for u in requests), requests
            rows.append({"first_draw_s": marks["drawn"] / 1000, "dom_ready_s": marks["dcl"] / 1000,
                         "wall_s": wall, "search_ms": search, "filter_ms": filt})
            page.close()
        chromium.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/_work/viz"))
    parser.add_argument("--skip-pyvis", action="store_true", help="Skip pyvis from_nx (about 15 s at 10k).")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    graph = synthetic_graph(args.entities)
    entities = read_entities(rdflib_triples(graph))
    print(f"graph: {len(graph):,} triples, {len(entities.nodes):,} entities, {len(entities.edges):,} links")

    page = args.out / "govkg.html"
    total = timed(lambda: write_html(graph, page), args.runs)
    ox_graph = Graph(store="Oxigraph")
    ox_graph.parse(data=graph.serialize(format="nt"), format="ox-nt")
    total_ox = timed(lambda: write_html(ox_graph, page), args.runs)
    read = timed(lambda: read_entities(rdflib_triples(graph)), args.runs)
    chosen = select(entities)
    net = timed(lambda: build_network(chosen.graph), args.runs)  # includes the layout
    render = timed(lambda: render_page(chosen), args.runs)
    vis_nodes = [{"id": i, "label": n.label, "group": n.cls} for i, n in enumerate(entities.nodes)]
    index = {n.iri: i for i, n in enumerate(entities.nodes)}
    vis_edges = [{"from": index[e.source], "to": index[e.target]} for e in entities.edges]
    floor = timed(lambda: json.dumps({"nodes": vis_nodes, "edges": vis_edges}, ensure_ascii=False), 5)
    rows = [("govkg.viz.write_html on an in-memory rdflib Graph (read, layout, render, write)", total),
            ("govkg.viz.write_html on Graph(store='Oxigraph'), as `govkg build` calls it", total_ox),
            ("  read the rdflib graph into entities", read),
            ("  pyvis Network filled directly + layout", net),
            ("  the page from the entities (network + layout + template, JSON, inlined vis-network)", render),
            ("json.dumps of bare vis nodes/edges (floor)", floor)]
    if not args.skip_pyvis:
        g = nx.Graph()
        for i, n in enumerate(entities.nodes):
            g.add_node(i, label=n.label, group=n.cls)
        g.add_edges_from(vis_edges and [(e["from"], e["to"]) for e in vis_edges])

        def pyvis_from_nx() -> None:
            net = Network(cdn_resources="in_line")
            net.from_nx(g)
            net.write_html(str(args.out / "pyvis.html"))

        rows.append(("pyvis Network().from_nx(G) + write_html (in_line), n=1", timed(pyvis_from_nx, 1)))
    print(f"\nHTML: {page.stat().st_size / 2**20:.2f} MiB")
    print("| step | min s | median s |\n|---|---|---|")
    for label, (low, mid, _) in rows:
        print(f"| {label} | {low:.3f} | {mid:.3f} |")

    times = browser_times(page, args.runs)
    print("\n| chromium run | first draw s (from navigation) | DOM ready s | wall s (goto → drawn) |"
          " search ms | class filter ms |\n|---|---|---|---|---|---|")
    for i, r in enumerate(times, 1):
        print(f"| {i} | {r['first_draw_s']:.2f} | {r['dom_ready_s']:.2f} | {r['wall_s']:.2f} |"
              f" {r['search_ms']:.0f} | {r['filter_ms']:.0f} |")
    draws = sorted(r["first_draw_s"] for r in times)
    print(f"\nfirst draw: min {draws[0]:.2f} s, median {statistics.median(draws):.2f} s")


if __name__ == "__main__":
    main()
