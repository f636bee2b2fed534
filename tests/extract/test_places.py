"""Place mentions on sentences of our own: gazetteer forms, level words, named places, parents."""

from __future__ import annotations

import pytest

from govkg.extract.places import extract_places
from govkg.model import Article, Place, Sentence
from govkg.resources import Resources


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.load()


def article(*sentences: str, headline: str = "标题") -> Article:
    out, pos = [], 0
    for s in sentences:
        out.append(Sentence(pos, pos + len(s), s))
        pos += len(s) + 1
    return Article("doc", 0, "article", headline, 0, pos, sentences=tuple(out))


def places(res: Resources, *sentences: str) -> dict[str, Place]:
    return {p.name: p for p in extract_places(article(*sentences), res)}


@pytest.mark.parametrize(
    ("sentence", "child", "parent"),
    [
        ("绍兴市柯桥区华舍街道蜀阜社区开展邻里节活动。", "蜀阜社区", "华舍街道"),
        ("绍兴市柯桥区华舍街道蜀阜社区开展邻里节活动。", "华舍街道", "柯桥区"),
        ("绍兴市柯桥区华舍街道蜀阜社区开展邻里节活动。", "柯桥区", "绍兴市"),
        ("绍兴市柯桥区华舍街道蜀阜社区开展邻里节活动。", "绍兴市", "浙江省"),
        ("额济纳旗召开牧区工作会议。", "额济纳旗", "阿拉善盟"),
        ("额济纳旗召开牧区工作会议。", "阿拉善盟", "内蒙古自治区"),
        ("额济纳旗达来呼布镇吉日嘎郎图嘎查修通了道路。", "吉日嘎郎图嘎查", "达来呼布镇"),
        ("石家庄市新华区推进老旧小区改造。", "新华区", "石家庄市"),
        ("平顶山市新华区推进老旧小区改造。", "新华区", "平顶山市"),
        ("黔南州都匀市召开会议。", "都匀市", "黔南布依族苗族自治州"),
        ("临安区家住柳岸镇的老人说，日子越过越好。", "柳岸镇", "临安区"),
        ("游客在柯桥区的鉴湖湿地公园散步。", "鉴湖湿地公园", "柯桥区"),
        ("柯桥区北依会稽山，风景秀丽。", "会稽山", "浙江省"),
    ],
)
def test_parents(res: Resources, sentence: str, child: str, parent: str) -> None:
    assert places(res, sentence)[child].parent == parent


def test_the_article_gives_the_parent_of_a_place_named_alone(res: Resources) -> None:
    found = places(res, "柯桥区推进共同富裕。", "柯桥区持续发力。", "在柳岸镇，下洋坑村的村民种起了茶叶。")
    assert found["柳岸镇"].parent == "柯桥区"
    assert found["下洋坑村"].parent == "柳岸镇"


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("绿水青山就是金山银山。", {"金山区", "青山", "金山"}),
        ("推进乡村振兴，建设美丽乡村。", {"美丽乡", "乡村"}),
        ("越来越多青年返乡创业。", {"越多青年返乡", "青年返乡"}),
        ("加强城乡社区治理，引导居民主动加入社区志愿服务。", {"城乡社区", "主动加入社区", "加入社区"}),
        ("充分利用文化广场开展活动。", {"文化广场", "利用文化广场"}),
        ("它是首都的‘护城河’。", {"护城河"}),
        ("强县促镇带村，百县千镇万村。", {"强县促镇", "百县千镇"}),
        ("上海松江坚持金山银山不如绿水青山。", {"金山区", "绿水青山"}),
    ],
)
def test_generic_phrases_are_not_places(res: Resources, sentence: str, absent: set[str]) -> None:
    assert not absent & set(places(res, sentence))


def test_a_river_basin_has_no_parent(res: Resources) -> None:
    found = places(res, "柯桥区积极推进长江流域生态保护。")
    assert "长江流域" in found and found["长江流域"].parent is None


def test_an_ambiguous_name_without_context_has_no_code(res: Resources) -> None:
    found = places(res, "新华区推进老旧小区改造。")
    assert all(p.adcode is None for p in found.values())


def test_short_form_is_an_alias_when_the_article_supports_it(res: Resources) -> None:
    found = places(res, "杭州市西湖区召开会议。", "杭州的春天来了。")
    assert "杭州" in found["杭州市"].aliases


def test_abbreviated_county_is_named_in_full(res: Resources) -> None:
    found = places(res, "黔南州三都自治县开展活动。")
    assert "三都自治县" in found["三都水族自治县"].aliases


def test_capital_word_is_an_alias_of_the_seat(res: Resources) -> None:
    found = places(res, "呼和浩特市新城区成为首府市民休闲的好去处。")
    assert "首府" in found["呼和浩特市"].aliases


def test_capital_word_names_the_seat_of_the_article_province(res: Resources) -> None:
    found = places(res, "锡林郭勒盟的干部来到首府学习。")
    assert found["呼和浩特市"].parent == "内蒙古自治区"


@pytest.mark.parametrize(
    ("sentence", "name", "parent"),
    [
        ("上海松江的读书会开课了。", "松江区", "上海市"),
        ("科右中旗的牧民搬进了新居。", "科尔沁右翼中旗", "兴安盟"),
    ],
)
def test_short_forms_supported_by_each_other(res: Resources, sentence: str, name: str, parent: str) -> None:
    assert places(res, sentence)[name].parent == parent


def test_evidence_points_into_the_sentence(res: Resources) -> None:
    a = article("前言。", "额济纳旗召开牧区工作会议。")
    (banner,) = [p for p in extract_places(a, res) if p.name == "额济纳旗"]
    assert banner.evidence[0].text == "额济纳旗召开牧区工作会议。"
    assert banner.adcode == "152923"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("调研组一行深入我县柳依镇调研。", "柳依镇"),  # the name starts after 我县
        ("柯桥区南傍青龙湖", "青龙湖"),  # a natural place at the very end of the text
        ("柯桥区背依会稽山，南临鉴湖。", "会稽山"),
    ],
)
def test_names_found_after_their_boundary(res: Resources, sentence: str, name: str) -> None:
    assert name in places(res, sentence)
