from __future__ import annotations

import pytest

from govkg.errors import QueryError
from govkg.viz.graphdata import EntityGraph
from govkg.viz.select import find_nodes, select


@pytest.mark.parametrize(
    ("name", "expected"),
    [("石桥县", "石桥县"), ("稻香计划", "稻香振兴计划"), ("县农业农村局", "石桥县农业农村局"), ("文旅季", "山水文旅季"),
     ("  林远 ", "林远")],
)
def test_find_nodes_tries_label_then_other_labels_then_parts(tiny: EntityGraph, name: str, expected: str) -> None:
    assert find_nodes(tiny, name)[0].label == expected


def test_find_nodes_names_the_missing_entity(tiny: EntityGraph) -> None:
    with pytest.raises(QueryError, match="无此名"):
        find_nodes(tiny, "无此名")


@pytest.mark.parametrize(
    ("hops", "expected"),
    [(0, {"林远"}), (1, {"林远", "石桥县农业农村局", "稻香振兴计划", "石桥县稻田里的新变化"})],
)
def test_focus_keeps_the_neighbourhood(tiny: EntityGraph, hops: int, expected: set[str]) -> None:
    chosen = select(tiny, focus="林远", hops=hops)
    assert {n.label for n in chosen.graph.nodes} == expected
    assert all(e.source in {n.iri for n in chosen.graph.nodes} for e in chosen.graph.edges)
    assert "林远" in chosen.note


def test_max_nodes_keeps_the_best_connected_and_says_what_was_left_out(tiny: EntityGraph) -> None:
    chosen = select(tiny, max_nodes=3)
    assert len(chosen.graph.nodes) == 3
    assert sum(n for _, n in chosen.omitted) == 11
    assert "显示 3 / 14" in chosen.note and "left out 11" in chosen.note


def test_the_whole_graph_has_no_note(tiny: EntityGraph) -> None:
    chosen = select(tiny)
    assert (len(chosen.graph.nodes), chosen.omitted, chosen.note) == (14, (), "")


@pytest.mark.parametrize("kwargs", [{"hops": -1}, {"max_nodes": 0}])
def test_bad_limits_are_refused(tiny: EntityGraph, kwargs: dict) -> None:
    with pytest.raises(QueryError):
        select(tiny, **kwargs)
