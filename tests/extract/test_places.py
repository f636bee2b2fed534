"""Place mentions on sentences of our own: gazetteer forms, level words, named places, parents."""

from __future__ import annotations

import pytest

from govkg.extract.places import extract_places
from govkg.model import Article, Place
from govkg.resources import Resources


def article(*sentences: str, headline: str = "标题") -> Article:
    return Article.from_sentences(*sentences, headline=headline)


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
        ("青石县林业和草原局局长说，将加大投入。", {"青石县林业和草原", "林业和草原"}),
        ("过去这里是有名的空心村，如今年轻人回来了。", {"空心村"}),
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
    found = places(res, "长沙市岳麓区成为省会市民休闲的好去处。")
    assert "省会" in found["长沙市"].aliases


def test_capital_word_names_the_seat_of_the_article_province(res: Resources) -> None:
    found = places(res, "邵阳市的干部来到省会学习。")
    assert found["长沙市"].parent == "湖南省"


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


@pytest.mark.parametrize(
    ("sentence", "child", "parent"),
    [
        ("近日，赣州市于都县同福镇火石村的茶农迎来丰收。", "同福镇", "于都县"),
        ("近日，赣州市于都县同福镇火石村的茶农迎来丰收。", "火石村", "同福镇"),
        ("于都县和平镇开展义诊活动。", "和平镇", "于都县"),  # 和 here is the name's own character
        ("于都县在同福镇召开现场会。", "同福镇", "于都县"),  # 在 is not
    ],
)
def test_every_level_of_a_written_chain(res: Resources, sentence: str, child: str, parent: str) -> None:
    assert places(res, sentence)[child].parent == parent


@pytest.mark.parametrize(
    "sentences",
    [
        ("在东关村，村党支部书记带领大家修路。",),
        ("东关村生猪出栏1.2万头。",),
        ("记者走进东关村，看到一片忙碌景象。",),
        ("我们学习东关村的经验。", "大家都觉得东关村的路修得好。"),  # named twice
        ("——记东关村党支部书记",),
    ],
)
def test_a_village_named_with_a_common_word_in_a_place_context(res: Resources, sentences: tuple[str, ...]) -> None:
    assert "东关村" in places(res, *sentences)


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("一个村一个样。", {"一个村"}),
        ("全镇12个行政村实现通路。", {"行政村", "个行政村"}),
        ("城中村改造加快推进。", {"城中村"}),
        ("小山村的产业越来越红火。", {"小山村"}),
        ("各地要发展，壮大村集体经济。", {"壮大村"}),
        ("孙小梅带着村两委干部走访。", {"孙小梅带着村", "带着村"}),
        ("大家都说东关村的路修得好。", {"都说东关村", "说东关村"}),
        ("黄大山每天巡山。", {"黄大山"}),
        ("这座山很高，那条河很长。", {"这座山", "那条河"}),
        ("他说青溪河穿镇而过。", {"说青溪河", "他说青溪河"}),
        ("在移民村，群众住上了新房。", {"移民村"}),
        ("在网红村，直播带货火爆。", {"网红村"}),
        ("沿着大河而行。", {"大河"}),
        ("坎儿井穿村而过。", {"坎儿井穿村"}),
        ("干部包村联户。", {"干部包村"}),
        ("空心村治理加快推进。", {"空心村"}),  # a kind of village and what is done to it
        ("宣恩县文化馆送书下乡。", {"文化馆送书下乡"}),
        ("田东县农业农村局副局长说。", {"农业农村"}),
    ],
)
def test_common_words_and_names_of_people_are_not_places(res: Resources, sentence: str, absent: set[str]) -> None:
    assert not absent & set(places(res, sentence))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("青溪河穿镇而过，两岸绿树成荫。", "青溪河"),
        ("他说，青溪河穿镇而过。", "青溪河"),
        ("沿清江而建的步道吸引了游客。", "清江"),
        ("清江穿城而过。", "清江"),
        ("贺兰山脚下是一片牧场。", "贺兰山"),
        ("茶园坪古村落保存完好。", "茶园坪古村落"),
    ],
)
def test_natural_places_before_a_verb(res: Resources, sentence: str, name: str) -> None:
    assert name in places(res, sentence)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("于都县的白鹭湾国家湿地公园吸引了大批游客。", "白鹭湾国家湿地公园"),
        ("于都县白鹭湾国家湿地公园吸引了大批游客。", "白鹭湾国家湿地公园"),  # a name of its own
        ("于都县人民公园吸引了大批游客。", "于都县人民公园"),  # common words: named with the county
        ("于都县国家湿地公园吸引了大批游客。", "于都县国家湿地公园"),  # named by the county alone
        ("于都县经济开发区新落户企业12家。", "于都县经济开发区"),
    ],
)
def test_a_park_belongs_to_its_county(res: Resources, sentence: str, name: str) -> None:
    assert places(res, sentence)[name].parent == "于都县"


@pytest.mark.parametrize(
    ("sentence", "name", "parent"),
    [
        ("他在南京经营生意多年。", "南京市", "江苏省"),
        ("茶叶远销北京、上海、广州等地。", "广州市", "广东省"),
        ("游客来自成都的一所学校。", "成都市", "四川省"),
        ("他们在长沙、武汉等地打工。", "长沙市", "湖南省"),  # 长沙县 lies inside 长沙市
        ("葡萄干远销西安、上海等地。", "西安市", "陕西省"),  # a province's seat over districts elsewhere
    ],
)
def test_short_names_of_cities_in_a_place_context(res: Resources, sentence: str, name: str, parent: str) -> None:
    assert places(res, sentence)[name].parent == parent


@pytest.mark.parametrize(
    ("sentences", "absent"),
    [
        (("他们在南京路上散步。",), "南京市"),
        (("他在朝阳工作。",), "朝阳市"),  # also districts of other cities
        (("南京的春天来了。",), "南京市"),  # no place context
        (("龙岩市上杭县举办活动。", "古田的红色旅游火了。"), "古田县"),  # a county of another prefecture
    ],
)
def test_short_names_without_context_or_support(res: Resources, sentences: tuple[str, ...], absent: str) -> None:
    assert absent not in places(res, *sentences)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("同福镇党委书记说，今年丰收了。", "同福镇"),
        ("在向阳村，村民种起了烟叶。", "向阳村"),
    ],
)
def test_a_name_that_begins_with_a_function_character(res: Resources, sentence: str, name: str) -> None:
    assert name in places(res, sentence)


def test_a_township_listed_after_a_village_keeps_its_villages(res: Resources) -> None:
    found = places(res, "于都县梓山镇潭头村和禾丰镇坳脑村是示范村。")  # 丰镇 is a city's name, no common word
    assert found["禾丰镇"].parent == "于都县"
    assert found["坳脑村"].parent == "禾丰镇"


def test_an_area_named_with_a_kind_word_is_a_place(res: Resources) -> None:
    assert "青松岭片区" in places(res, "今年在青松岭片区新建防护林带3条。")


def test_a_county_written_short_before_a_township_is_not_part_of_its_name(res: Resources) -> None:
    found = places(res, "德清青松镇：一片竹林富了一方百姓", "德清县青松镇青竹村有竹林5000亩。")
    assert "德清青松镇" not in found
    assert found["青松镇"].parent == "德清县"
    assert "德清" in found["德清县"].aliases


def test_a_name_after_a_level_word_does_not_take_the_end_of_a_word_it_begins(res: Resources) -> None:
    found = places(res, "在县城青湖街道，市民们在广场上跳舞。")
    assert "青湖街道" in found and "城青湖街道" not in found


@pytest.mark.parametrize(
    ("text", "county"),
    [
        ("怀化市拓宽应急通道，保障群众出行。", None),  # 通道: a noun-verb here, not the county
        ("怀化市通道县的侗寨远近闻名。", "通道侗族自治县"),  # the county named in full
    ],
)
def test_a_county_short_form_that_is_a_verb_needs_the_county_named_in_full(res: Resources, text: str,
                                                                           county: str | None) -> None:
    assert ("通道侗族自治县" in places(res, text)) == (county is not None)


def test_a_district_the_gazetteer_does_not_know_heads_its_chain(res: Resources) -> None:
    found = places(res, "保定市云杉区青石路街道柳荫社区开展义诊。")
    assert found["云杉区"].parent == "保定市"
    assert found["青石路街道"].parent == "云杉区"
    assert found["柳荫社区"].parent == "青石路街道"
    assert "云杉区青石路街道" not in found


def test_a_development_zone_is_no_unknown_district(res: Resources) -> None:
    assert "高新区" not in places(res, "保定市高新区长兴街道开展义诊。")
