from __future__ import annotations

from dataclasses import replace

import pytest

from govkg.errors import QueryError
from govkg.viz.analytics import connection, graph_stats
from govkg.viz.graphdata import EntityGraph


def test_stats_count_each_class(tiny: EntityGraph) -> None:
    stats = graph_stats(tiny)
    assert dict(stats.classes) == {"program": 2, "org": 2, "person": 3, "place": 4, "metric": 1, "article": 2}
    assert stats.edges == 22


def test_most_connected_leaves_articles_out_and_ranks_by_degree(tiny: EntityGraph) -> None:
    ranked = graph_stats(tiny, top=3).most_connected
    assert [(r.label, r.degree) for r in ranked] == [("稻香振兴计划", 5), ("石桥县", 4), ("石桥县农业农村局", 4)]


def test_communities_split_the_two_stories(tiny: EntityGraph) -> None:
    communities = [set(c.members) for c in graph_stats(tiny).communities]
    assert any({"稻香振兴计划", "石桥县农业农村局"} <= c for c in communities)
    assert not any({"稻香振兴计划", "山水文旅季"} <= c for c in communities)


def test_programs_per_region_count_the_places_below(tiny: EntityGraph) -> None:
    per_region = dict(graph_stats(tiny).programs_per_region)
    assert per_region == {"云岭省": 1, "青禾市": 1, "石桥县": 1, "北川市": 1}


def test_path_gives_each_hop_with_its_evidence(tiny: EntityGraph) -> None:
    found = connection(tiny, "林远", "稻香计划")
    assert (found.source, found.target) == ("林远", "稻香振兴计划")
    assert [(h.source, h.link, h.target, h.forward) for h in found.hops] == [
        ("林远", "相关人物", "稻香振兴计划", False)]
    assert found.hops[0].evidence == "石桥县农业农村局局长林远介绍，稻香振兴计划已覆盖全县。"


def test_path_prefers_facts_to_shared_mentions(tiny: EntityGraph) -> None:
    found = connection(tiny, "新增示范田", "石桥县")
    assert [h.link for h in found.hops] == ["关于", "实施地"]
    assert found.hops[0].evidence == "2025年，稻香计划新增示范田3200余亩。"


def test_a_hop_without_a_sentence_has_no_evidence(tiny: EntityGraph) -> None:
    found = connection(tiny, "青禾市", "云岭省")
    assert [(h.link, h.evidence) for h in found.hops] == [("隶属", None)]


def test_path_to_an_unknown_name_says_which(tiny: EntityGraph) -> None:
    with pytest.raises(QueryError, match="无此人"):
        connection(tiny, "林远", "无此人")


def test_path_between_unlinked_entities_says_so(tiny: EntityGraph) -> None:
    with pytest.raises(QueryError, match="北川市 and 云岭省 are not connected"):
        connection(replace(tiny, edges=()), "北川市", "云岭省")
