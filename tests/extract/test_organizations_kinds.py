"""Bodies by the conventions of government news, on sentences of our own: a department after a level
word that reads as a common word with it, government heads, sections, businesses and facilities."""

from __future__ import annotations

import dataclasses

import pytest

from govkg.extract.organizations import extract_organizations
from govkg.extract.places import extract_places
from govkg.model import Article, Organization
from govkg.resources import Resources

DISTRICT = ("柯桥区推进基层治理。",)
CITY = ("绍兴市推进基层治理。",)


def orgs(res: Resources, *sentences: str, source: str | None = None) -> dict[str, Organization]:
    a = dataclasses.replace(Article.from_sentences(*sentences), source=source)
    return {o.name: o for o in extract_organizations(a, extract_places(a, res), res)}


@pytest.mark.parametrize(
    ("sentences", "name", "alias"),
    [
        ((*CITY, "市民政局局长介绍了情况。"), "绍兴市民政局", "市民政局"),  # 市民 is a word, 民政 too
        ((*CITY, "市民政局党组书记说。"), "绍兴市民政局党组", "市民政局党组"),
        ((*DISTRICT, "据区民政局局长介绍，食堂已开餐。"), "柯桥区民政局", "区民政局"),  # 据 before the level word
        ((*DISTRICT, "我们和区住建局联合推进改造。"), "柯桥区住房和城乡建设局", "区住建局"),  # a short form
        ((*DISTRICT, "区人才服务中心主任说。"), "柯桥区人才服务中心", "区人才服务中心"),  # 才 ends 人才
        ((*DISTRICT, "由区委督查室定期跟踪督办。"), "柯桥区委督查室", "区委督查室"),  # a section
        ((*DISTRICT, "区委组织部人才科科长说。"), "柯桥区委组织部人才科", "区委组织部人才科"),
        ((*DISTRICT, "区委党史研究室主任说。"), "柯桥区委党史研究室", "区委党史研究室"),
        ((*DISTRICT, "区委网信办主任说。"), "柯桥区委网信办", "区委网信办"),  # 信办 is no verb
        ((*DISTRICT, "区残联理事长说。"), "柯桥区残联", "区残联"),
        ((*DISTRICT, "区工商联主席说。"), "柯桥区工商联", "区工商联"),
        (("柯桥区柳岸镇开展活动。", "镇政府组织干部入户走访。"), "柳岸镇政府", "镇政府"),
        (("柯桥区柳岸镇开展活动。", "镇司法所所长说。"), "柳岸镇司法所", "镇司法所"),  # a post is named
    ],
)
def test_departments_after_a_level_word(
    res: Resources, sentences: tuple[str, ...], name: str, alias: str
) -> None:
    assert alias in orgs(res, *sentences)[name].aliases


@pytest.mark.parametrize(
    ("sentences", "absent"),
    [
        ((*CITY, "市民服务中心开放。"), "绍兴市民服务中心"),  # 民服 begins no word
        ((*DISTRICT, "在区委会议室召开专题会。"), "柯桥区委会议室"),  # a room, not a section
        ((*DISTRICT, "区教育局学科带头人说。"), "柯桥区教育局学科"),
        ((*DISTRICT, "由区委统筹、村党组织领办。"), "领办"),  # a verb ending in 办
        ((*DISTRICT, "区委宣传部协办本次活动。"), "协办"),
        ((*DISTRICT, "全区成立农业产业化联合体12个。"), "联合体"),  # a kind of alliance
        (("柳岸村党群服务中心前的广场上很热闹。",), "党群服务中心"),  # a facility
        ((*DISTRICT, "区政府组织干部入户走访。"), "干部"),  # cadres, not a department
        ((*DISTRICT, "区委已经组织部门开展检查。"), "组织部"),  # 已经 is no part of a name
        (("柯桥区柳岸镇开展活动。", "各镇党委要落实责任。"), "柳岸镇党委"),  # every town's
    ],
)
def test_words_that_are_no_body(res: Resources, sentences: tuple[str, ...], absent: str) -> None:
    assert not any(name.endswith(absent) for name in orgs(res, *sentences))


@pytest.mark.parametrize(
    ("sentences", "name"),
    [
        ((*DISTRICT, "区委副书记、区长王明出席会议。"), "柯桥区人民政府"),
        ((*DISTRICT, "副区长王明主持会议。"), "柯桥区人民政府"),
        (("柯桥区柳岸镇党委副书记、镇长王明介绍。",), "柳岸镇人民政府"),
        ((*DISTRICT, "柯桥区政府印发方案。", "区长王明说。"), "柯桥区政府"),  # the form the text writes
    ],
)
def test_a_government_head_names_the_government(res: Resources, sentences: tuple[str, ...], name: str) -> None:
    found = orgs(res, *sentences)
    assert name in found
    assert len([n for n in found if n.endswith("政府")]) == 1


@pytest.mark.parametrize(
    "sentence", ["拨打区长热线反映问题。", "他从小在家乡长大。", "区长期坚持这一做法。"]
)
def test_no_government_without_a_head(res: Resources, sentence: str) -> None:
    assert not any(n.endswith("政府") for n in orgs(res, *DISTRICT, sentence))


def test_a_village_committee_written_two_ways_is_one_body(res: Resources) -> None:
    found = orgs(res, "柯桥区柳岸村开展活动。", "柳岸村党支部书记、村委会主任说。")
    committees = [o for n, o in found.items() if n.endswith("委会")]
    assert len(committees) == 1
    assert "村委会" in committees[0].aliases


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("村民在老屋开起了“松风小院”民宿，客房天天满。", "松风小院"),  # a business after its quoted name
        ("镇里联合企业成立松岭茶业联合体，统一销售。", "松岭茶业联合体"),  # a name of its own
        ("绍兴新闻网报道了此事。", "绍兴新闻网"),
    ],
)
def test_businesses_and_outlets(res: Resources, sentence: str, name: str) -> None:
    assert name in orgs(res, *DISTRICT, sentence)


def test_the_outlet_of_a_source_line_is_a_body(res: Resources) -> None:
    assert "绍兴晚报" in orgs(res, *DISTRICT, source="绍兴晚报")
