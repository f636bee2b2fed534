from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from govkg.viz.layout import layout


@pytest.mark.parametrize("n", [0, 1, 2, 30, 400])
def test_layout_gives_finite_positions_for_every_node(n: int) -> None:
    graph = nx.barabasi_albert_graph(n, 1, seed=3) if n > 1 else nx.empty_graph(n)
    pos = layout(n, list(graph.edges()), [10.0] * n)
    assert pos.shape == (n, 2)
    assert np.isfinite(pos).all()


def test_layout_is_the_same_on_every_run() -> None:
    graph = nx.barabasi_albert_graph(300, 2, seed=1)
    first = layout(300, list(graph.edges()), [8.0] * 300)
    assert np.array_equal(first, layout(300, list(graph.edges()), [8.0] * 300))


def test_small_graphs_have_no_overlapping_discs() -> None:
    graph = nx.barabasi_albert_graph(60, 2, seed=2)
    radii = np.array([5.0 + (i % 7) for i in range(60)])
    pos = layout(60, list(graph.edges()), radii)
    gaps = np.linalg.norm(pos[:, None] - pos[None, :], axis=-1) - (radii[:, None] + radii[None, :])
    np.fill_diagonal(gaps, 0.0)
    assert gaps.min() > -0.05 * radii.max()


def test_linked_nodes_lie_closer_than_unlinked_ones() -> None:
    graph = nx.disjoint_union(nx.complete_graph(20), nx.complete_graph(20))
    graph.add_edge(0, 20)
    pos = layout(40, list(graph.edges()), [6.0] * 40)
    within = np.linalg.norm(pos[1:20] - pos[1:20].mean(axis=0), axis=1).mean()
    between = np.linalg.norm(pos[1:20].mean(axis=0) - pos[21:].mean(axis=0))
    assert between > within
