"""Which entities a page or a command works on: a name lookup, a neighbourhood, a size cap."""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, replace

from govkg.errors import QueryError
from govkg.viz.graphdata import EntityGraph, Node
from govkg.viz.terms import CLASS_BY_KEY, CLASSES


@dataclass(frozen=True)
class Selection:
    """A part of the graph, and what was left out of it, in words a viewer reads on the page."""

    graph: EntityGraph
    total_nodes: int
    omitted: tuple[tuple[str, int], ...]  # (class key, entities left out), largest first
    note: str  # empty when the whole graph is kept


def neighbours(graph: EntityGraph) -> dict[str, set[str]]:
    """Undirected adjacency over all links (a membership, a mention, a place's parent...)."""
    adjacent: dict[str, set[str]] = defaultdict(set)
    for e in graph.edges:
        if e.source != e.target:
            adjacent[e.source].add(e.target)
            adjacent[e.target].add(e.source)
    return adjacent


def find_nodes(graph: EntityGraph, name: str) -> list[Node]:
    """Entities called ``name``: exact label first, then another label, then labels containing it;
    the best connected first. Raises QueryError when nothing matches."""
    wanted = name.strip()
    adjacent = neighbours(graph)
    tiers: tuple[list[Node], list[Node], list[Node]] = ([], [], [])
    for node in graph.nodes:
        if node.label == wanted or node.iri == wanted:
            tiers[0].append(node)
        elif wanted in node.alt_labels:
            tiers[1].append(node)
        elif wanted and any(wanted in label for label in (node.label, *node.alt_labels)):
            tiers[2].append(node)
    for tier in tiers:
        if tier:
            return sorted(tier, key=lambda n: (-len(adjacent.get(n.iri, ())), n.iri))
    raise QueryError(f"no entity is called {name!r} (tried labels, other labels and parts of labels)")


def select(graph: EntityGraph, *, focus: str | None = None, hops: int = 1, max_nodes: int | None = None) -> Selection:
    """Keep the ``hops``-neighbourhood of ``focus`` (when given), then at most ``max_nodes`` entities:
    nearest to the focus first, then the best connected."""
    if hops < 0:
        raise QueryError(f"hops must be 0 or more, not {hops}")
    if max_nodes is not None and max_nodes < 1:
        raise QueryError(f"max-nodes must be 1 or more, not {max_nodes}")
    adjacent = neighbours(graph)
    distance: dict[str, int] = {}
    centre = None
    if focus is not None:
        centre = find_nodes(graph, focus)[0]
        distance = _distances(adjacent, centre.iri, hops)
        candidates = [n for n in graph.nodes if n.iri in distance]
    else:
        candidates = list(graph.nodes)
    candidates.sort(key=lambda n: (distance.get(n.iri, 0), -len(adjacent.get(n.iri, ())), n.iri))
    kept = candidates[:max_nodes] if max_nodes is not None else candidates
    kept_iris = {n.iri for n in kept}
    left_out: dict[str, int] = defaultdict(int)
    for node in graph.nodes:
        if node.iri not in kept_iris:
            left_out[node.cls] += 1
    omitted = tuple(sorted(left_out.items(), key=lambda kv: (-kv[1], kv[0])))
    sub = replace(
        graph,
        nodes=tuple(n for n in graph.nodes if n.iri in kept_iris),
        edges=tuple(e for e in graph.edges if e.source in kept_iris and e.target in kept_iris),
    )
    return Selection(sub, len(graph.nodes), omitted, _note(len(kept), len(graph.nodes), omitted, centre, hops,
                                                           max_nodes))


def _distances(adjacent: dict[str, set[str]], start: str, hops: int) -> dict[str, int]:
    distance = {start: 0}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        if distance[here] == hops:
            continue
        for there in sorted(adjacent.get(here, ())):
            if there not in distance:
                distance[there] = distance[here] + 1
                queue.append(there)
    return distance


def _note(kept: int, total: int, omitted: tuple[tuple[str, int], ...], centre: Node | None, hops: int,
          max_nodes: int | None) -> str:
    if not omitted:
        return ""
    why = []
    if centre is not None:
        why.append(f"以「{centre.label}」为中心 {hops} 跳 (within {hops} hop(s) of {centre.label})")
    if max_nodes is not None and kept == max_nodes:
        why.append(f"最多 {max_nodes} 个 (--max-nodes {max_nodes})")
    names = {c.key: c for c in CLASSES}
    parts_zh = "、".join(f"{names[k].name_zh} {n:,}" for k, n in omitted)
    parts_en = ", ".join(f"{n:,} {CLASS_BY_KEY[k].name_en}" for k, n in omitted)
    left = total - kept
    return (f"显示 {kept:,} / {total:,} 个实体（{'；'.join(why)}）。未显示 {left:,} 个：{parts_zh}。"
            f" Showing {kept:,} of {total:,} entities; left out {left:,}: {parts_en}.")
