"""Node positions computed here, so that the browser draws once with physics off.

Force-directed layout in the browser does not settle on 10,000 nodes (perf-anchors §4), and
networkx's spring layout is O(n²) per step on the whole graph. This lays out the graph in levels:
communities (label propagation, cut to at most ``_GROUP`` nodes) get a dense Fruchterman–Reingold
layout each, then the graph of communities is laid out the same way with each community as a disc
of its own size, recursively. Every dense step is on at most ``_GROUP`` points, so the whole costs
about O(n · _GROUP) per iteration, and the result is the same on every run (fixed seed).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import networkx as nx
import numpy as np

_GROUP = 120
_ITERATIONS = 60


def layout(n: int, edges: Sequence[tuple[int, int]], sizes: Sequence[float], *, seed: int = 0) -> np.ndarray:
    """Positions (n × 2, in vis-network pixels) for nodes 0..n-1 drawn with the given radii."""
    if n == 0:
        return np.zeros((0, 2))
    weights: dict[tuple[int, int], float] = defaultdict(float)
    for a, b in edges:
        if a != b:
            weights[(min(a, b), max(a, b))] += 1.0
    return _place(n, weights, np.asarray(sizes, dtype=float), np.random.default_rng(seed))


def _place(n: int, weights: dict[tuple[int, int], float], radii: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    if n <= _GROUP:
        return _dense(n, weights, radii, rng)
    groups = _groups(n, weights)
    index = np.empty(n, dtype=int)
    for g, members in enumerate(groups):
        index[members] = g
    local = np.zeros((n, 2))
    group_radii = np.zeros(len(groups))
    inner: list[dict[tuple[int, int], float]] = [defaultdict(float) for _ in groups]
    outer: dict[tuple[int, int], float] = defaultdict(float)
    position = np.empty(n, dtype=int)
    for members in groups:
        position[members] = np.arange(len(members))
    for (a, b), w in weights.items():
        ga, gb = index[a], index[b]
        if ga == gb:
            inner[ga][(position[a], position[b])] += w
        else:
            outer[(min(ga, gb), max(ga, gb))] += w
    for g, members in enumerate(groups):
        pos = _place(len(members), inner[g], radii[members], rng)
        pos -= pos.mean(axis=0)
        local[members] = pos
        group_radii[g] = float(np.sqrt((pos**2).sum(axis=1)).max() + radii[members].max())
    centres = _place(len(groups), {k: np.log1p(w) for k, w in outer.items()}, group_radii, rng)
    return local + centres[index]


def _groups(n: int, weights: dict[tuple[int, int], float]) -> list[np.ndarray]:
    """Bins of at most _GROUP nodes: label-propagation communities in breadth-first order, packed
    together while they fit (a community larger than a bin is cut along that order)."""
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(weights)
    order = _bfs_order(graph)
    rank = {v: i for i, v in enumerate(order)}
    pieces: list[list[int]] = []
    for community in nx.community.label_propagation_communities(graph):
        members = sorted(community, key=rank.__getitem__)
        pieces.extend(members[i : i + _GROUP] for i in range(0, len(members), _GROUP))
    pieces.sort(key=lambda p: rank[p[0]])
    bins: list[list[int]] = [[]]
    for piece in pieces:
        if len(bins[-1]) + len(piece) > _GROUP:
            bins.append([])
        bins[-1].extend(piece)
    return [np.asarray(b, dtype=int) for b in bins if b]


def _bfs_order(graph: nx.Graph) -> list[int]:
    order: list[int] = []
    seen: set[int] = set()
    for start in sorted(graph, key=lambda v: (-graph.degree(v), v)):
        if start in seen:
            continue
        seen.add(start)
        component = [start]
        for _, child in nx.bfs_edges(graph, start):
            seen.add(child)
            component.append(child)
        order.extend(component)
    return order


def _dense(n: int, weights: dict[tuple[int, int], float], radii: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Fruchterman–Reingold on a dense matrix, then scaled to the radii and pushed apart."""
    if n == 1:
        return np.zeros((1, 2))
    adjacency = np.zeros((n, n))
    for (a, b), w in weights.items():
        adjacency[a, b] = adjacency[b, a] = w
    x, y = rng.random(n), rng.random(n)
    k = np.sqrt(1.0 / n)
    t = 0.1
    dt = t / (_ITERATIONS + 1)
    for _ in range(_ITERATIONS):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        distance = np.maximum(np.sqrt(dx * dx + dy * dy), 0.01)
        force = k * k / (distance * distance) - adjacency * distance / k
        mx, my = (dx * force).sum(axis=1), (dy * force).sum(axis=1)
        step = t / np.maximum(np.sqrt(mx * mx + my * my), 0.01)
        x += mx * step
        y += my * step
        t -= dt
    pos = np.column_stack((x - x.mean(), y - y.mean()))
    # Scale so that the discs would fill about a third of the area they span.
    span = max(float(np.sqrt((pos**2).sum(axis=1)).max()), 1e-9)
    pos *= np.sqrt(3.0 * (radii**2).sum()) / span
    return _separate(pos, radii)


def _separate(pos: np.ndarray, radii: np.ndarray, rounds: int = 20) -> np.ndarray:
    """Push overlapping discs apart along the line between their centres."""
    gap = radii[:, None] + radii[None, :]
    np.fill_diagonal(gap, 0.0)
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    for _ in range(rounds):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        distance = np.maximum(np.sqrt(dx * dx + dy * dy), 1e-6)
        push = np.clip(gap - distance, 0.0, None) / distance
        if not push.any():
            break
        x += 0.5 * (dx * push).sum(axis=1)
        y += 0.5 * (dy * push).sum(axis=1)
    return np.column_stack((x, y))
