"""The saved questions on a real build of the bundled seed page, asserting facts its text states.

Extraction improves in parallel, so these assert what the text surely gives (bylines, headlines,
places of the gazetteer, evidence that slices the source), not exact counts of extracted facts.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govkg.query import run

SOURCE = (Path(__file__).resolve().parents[2] / "data" / "corpus" / "seed.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("reporter", "headlines"),
    [
        (
            "宋爽",
            {"干部培训在“学用转化”上发力", "“红链兴企”精准助企有实招", "精准提升基层党组织书记履职能力"},
        ),
        ("潘佳", {"“全龄友好”构建有温度的社区家园", "“推窗见绿”的城市生态提升群众满意度"}),
    ],
)
def test_articles_by_reporter(seed, reporter, headlines):
    result = run(seed, "articles-by-reporter", {"reporter": reporter})
    assert set(result.column("headline")) == headlines
    assert len(result.rows) == len(headlines)


def test_a_correspondent_is_not_an_author(seed):
    assert run(seed, "articles-by-reporter", {"reporter": "杨静"}).rows == ()


def test_the_neighbourhood_of_a_reporter_holds_the_articles_one_hop_away(seed):
    result = run(seed, "neighbourhood", {"entity": "宋爽"})
    one_hop = {
        label for label, d in zip(result.column("label"), result.column("distance"), strict=True) if d == "1"
    }
    assert {"干部培训在“学用转化”上发力", "精准提升基层党组织书记履职能力"} <= one_hop
    assert set(result.column("distance")) <= {"1", "2"}


def test_metrics_of_a_city_count_for_its_league_and_region(seed):
    """满洲里市 reports 5万余人次 of trainees; 呼伦贝尔市 and 内蒙古自治区 contain it."""
    totals = {}
    for region in ("满洲里市", "呼伦贝尔市", "内蒙古自治区"):
        result = run(seed, "metrics-by-region", {"region": region})
        totals[region] = dict(zip(result.column("unit"), map(Decimal, result.column("total")), strict=True))
    assert totals["满洲里市"]["万人次"] >= 5
    for unit, total in totals["满洲里市"].items():
        assert totals["呼伦贝尔市"][unit] >= total
        assert totals["内蒙古自治区"][unit] >= totals["呼伦贝尔市"][unit]


def test_every_evidence_sentence_slices_the_source_at_its_offsets(seed):
    result = run(seed, "evidence", {"entity": "满洲里市"})
    assert result.rows
    for sentence, start, end in zip(
        result.column("sentence"), result.column("start"), result.column("end"), strict=True
    ):
        assert SOURCE[int(start) : int(end)] == sentence
    assert set(result.column("headline")) >= {"干部培训在“学用转化”上发力"}


def test_places_under_a_region_are_reached_through_the_hierarchy(seed):
    query = """SELECT DISTINCT ?region ?name WHERE {
      ?area rdfs:label ?region .
      ?place schema:containedInPlace+ ?area ; rdfs:label ?name .
    }"""
    assert "满洲里市" in run(seed, query, {"region": '"呼伦贝尔市"@zh'}).column("name")


def test_programs_in_a_league_include_those_of_its_cities(seed):
    """学用转化 is the training model of 满洲里市, a city of 呼伦贝尔市."""
    result = run(seed, "programs-in-region", {"region": "呼伦贝尔市"})
    places = dict(zip(result.column("programName"), result.column("placeName"), strict=True))
    assert places.get("学用转化") == "满洲里市"


def test_an_official_quoted_by_the_text_has_her_title(seed):
    """“……”近日，满洲里市文化旅游广电局局长闫梅告诉记者."""
    officials = run(seed, "officials-by-program")
    titles = set(zip(officials.column("person"), officials.column("title"), strict=True))
    assert ("闫梅", "局长") in titles
    quoted = run(seed, "quoted-people", {"person": "闫梅"})
    assert quoted.rows and all("闫梅" in sentence for sentence in quoted.column("sentence"))


def test_programs_of_one_city_share_its_place(seed):
    result = run(seed, "programs-sharing-places", {"program": "学用转化"})
    assert "满洲里市" in result.column("place")
    assert "学用转化" not in result.column("other")
