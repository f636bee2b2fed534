"""Node positions computed here, so that the browser draws once with physics off.

Force-directed layout in the browser does not settle on 10,000 nodes (not within 4 minutes, measured), and
networkx's spring layout is O(n²) per step on the whole graph. Up to ``_DENSE`` nodes this is one
dense Fruchterman–Reingold layout; above, the graph is cut into bins of at most ``_GROUP`` nodes
grown breadth-first from hubs, each bin gets a dense layout, and the graph of bins is laid out the
same way with each bin as a disc of its own size, recursively. Every dense step is on at most ``_GROUP`` points, so the whole costs
about O(n · _GROUP) per iteration, and the result is the same on every run (fixed seed).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence

import numpy as np

_GROUP = 120  # nodes per bin in a large graph
_DENSE = 400  # up to this many nodes, one dense layout of the whole graph
_ITERATIONS = 50


def layout(n: int, edges: Sequence[tuple[int, int]], sizes: Sequence[float], *, seed: int = 0) -> np.ndarray:
    """Positions (n × 2, in vis-network pixels) for nodes 0..n-1 drawn with the given radii."""
    if n == 0:
        return np.zeros((0, 2))
    weights: dict[tuple[int, int], float] = defaultdict(float)
    for a, b in edges:
        if a != b:
            weights[(min(a, b), max(a, b))] += 1.0
    return _place(n, weights, np.asarray(sizes, dtype=float), np.random.default_rng(seed), _DENSE)


def _place(n: int, weights: dict[tuple[int, int], float], radii: np.ndarray, rng: np.random.Generator,
           dense: int = _GROUP) -> np.ndarray:
    if n <= dense:
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
    """Bins of at most _GROUP nodes grown breadth-first from the best connected free node, so that
    a bin holds a hub with its neighbourhood; a bin that runs out of free neighbours is topped up
    from the next seed. Linear in nodes and links."""
    adjacent: list[list[int]] = [[] for _ in range(n)]
    for a, b in weights:
        adjacent[a].append(b)
        adjacent[b].append(a)
    seeds = sorted(range(n), key=lambda v: (-len(adjacent[v]), v))
    free = np.ones(n, dtype=bool)
    bins: list[list[int]] = [[]]
    for seed in seeds:
        if not free[seed]:
            continue
        free[seed] = False
        queue = deque([seed])
        if len(bins[-1]) >= _GROUP:
            bins.append([])
        bins[-1].append(seed)
        while queue and len(bins[-1]) < _GROUP:
            for other in adjacent[queue.popleft()]:
                if free[other]:
                    free[other] = False
                    bins[-1].append(other)
                    queue.append(other)
                    if len(bins[-1]) >= _GROUP:
                        break
    return [np.asarray(b, dtype=int) for b in bins if b]


def _dense(n: int, weights: dict[tuple[int, int], float], radii: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Fruchterman–Reingold on a dense matrix, then scaled to the radii and pushed apart."""
    if n == 1:
        return np.zeros((1, 2))
    adjacency = np.zeros((n, n), dtype=np.float32)
    for (a, b), w in weights.items():
        adjacency[a, b] = adjacency[b, a] = w
    x, y = rng.random(n, dtype=np.float32), rng.random(n, dtype=np.float32)
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
    # Scale so that the discs would fill most of the area they span; _separate resolves overlaps.
    span = max(float(np.sqrt((pos**2).sum(axis=1)).max()), 1e-9)
    pos *= np.sqrt(1.2 * (radii**2).sum()) / span
    return _separate(pos, radii)


def _separate(pos: np.ndarray, radii: np.ndarray, rounds: int = 50) -> np.ndarray:
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
