"""References: names and deictic forms resolved, and the topic each sentence gives its paragraph."""

from __future__ import annotations

import pytest

from govkg.extract.metrics import MetricRules
from govkg.extract.references import ReferenceIndex
from govkg.model import Organization, Place, Subject
from govkg.resources import Resources

PLACES = (
    Place("临溪县", level="county"),
    Place("松岭镇", level="township", parent="临溪县"),
    Place("桃源村", level="village", parent="松岭镇"),
    Place("杏花村", level="village", parent="松岭镇"),
)


@pytest.fixture(scope="module")
def rules(res: Resources) -> MetricRules:
    return res.metric_rules


@pytest.fixture(scope="module")
def index(rules) -> ReferenceIndex:
    return ReferenceIndex(PLACES, (), (), rules.deixis)


@pytest.mark.parametrize(
    ("texts", "surface", "place"),
    [
        (["桃源村是远近闻名的茶叶村，与杏花村隔河相望。", "该村有茶园3200亩。"], "该村", "桃源村"),
        (["去年，杏花村与桃源村合作建民宿。", "该村接待游客3万人次。"], "该村", "杏花村"),
        (
            ["松岭镇推进杏花村改造。", "该村新建公厕2座。"],
            "该村",
            "杏花村",
        ),  # no village topic: the last named
        (["临溪县松岭镇大力发展庭院经济。", "镇里组织义诊12场。"], "镇里", "松岭镇"),
        (["松岭镇大力发展庭院经济。", "在县里的支持下，建成示范庭院310个。"], "县里", "临溪县"),
    ],
)
def test_deictic_forms(index, rules, texts, surface, place):
    refs, _ = index.scan_topics(texts, [True] + [False] * (len(texts) - 1), rules.sets_scene)
    (ref,) = [r for r in refs[-1] if r.surface == surface]
    assert ref.subject == Subject("place", place)


@pytest.mark.parametrize("text", ["乡村里的年轻人多了。", "城镇里的公园真漂亮。", "社区里有食堂。"])
def test_level_words_inside_other_words_are_not_deictic(index, text):
    refs, _ = index.scan_topics([text], [True])
    assert refs == [[]]


@pytest.mark.parametrize(
    ("text", "opener"),
    [
        ("桃源村是远近闻名的茶叶村。", "桃源村"),
        ("去年，杏花村新建茶厂2座。", "杏花村"),
        ("在松岭镇，杏花村位于最西边。", "杏花村"),
        ("桃源村、杏花村等村都种茶。", None),  # a list opens the sentence, not one place
        ("大家都说松岭镇好。", None),
    ],
)
def test_the_topic_a_sentence_sets(index, rules, text, opener):
    _, openers = index.scan_topics([text], [True], rules.sets_scene)
    assert openers == [Subject("place", opener) if opener else None]


def test_a_new_paragraph_forgets_the_topic(index):
    texts = ["桃源村是远近闻名的茶叶村，与杏花村隔河相望。", "该村有茶园3200亩。"]
    refs, _ = index.scan_topics(texts, [True, True])
    (ref,) = [r for r in refs[1] if r.surface == "该村"]
    assert ref.subject == Subject("place", "杏花村")


@pytest.mark.parametrize(
    ("text", "opener"),
    [
        ("在杏花村，家家户户种茶。", "杏花村"),
        ("走进临溪县松岭镇桃源村，茶香扑鼻。", "桃源村"),  # the most specific of names written together
        ("临溪县松岭镇大力发展庭院经济。", "松岭镇"),
        ("在县里的支持下，松岭镇建成示范庭院310个。", None),  # a backer, not the scene
    ],
)
def test_the_scene_a_sentence_opens_with(index, rules, text, opener):
    _, openers = index.scan_topics([text], [True], rules.sets_scene)
    assert openers == [Subject("place", opener) if opener else None]


def test_a_deictic_form_of_a_higher_level_is_the_place_the_topic_lies_in(rules):
    places = (*PLACES, Place("石门镇", level="township", parent="临溪县"))
    index = ReferenceIndex(places, (), (), rules.deixis)
    texts = ["松岭镇和石门镇都种茶。", "桃源村是远近闻名的茶叶村，产量占全镇一半。"]
    refs, _ = index.scan_topics(texts, [True, True], rules.sets_scene)
    (ref,) = [r for r in refs[1] if r.surface == "全镇"]
    assert ref.subject == Subject("place", "松岭镇")


def test_names_are_found_sentence_by_sentence(index):
    # each sentence's offsets are its own; a name written across two sentences is in neither
    texts = ["我们去了临溪", "县城和桃源村。", "杏花村、桃源村。"]
    refs = index.scan(texts)
    assert [[(r.start, r.end, r.surface) for r in sentence] for sentence in refs] == [
        [],
        [(3, 6, "桃源村")],
        [(0, 3, "杏花村"), (4, 7, "桃源村")],
    ]


def test_the_longest_name_wins_at_a_position(rules):
    index = ReferenceIndex(PLACES, (Organization("临溪县文旅局", place="临溪县"),), (), rules.deixis)
    (refs,) = index.scan(["临溪县文旅局在临溪县开会。"])
    assert [(r.surface, r.subject.kind) for r in refs] == [("临溪县文旅局", "organization"), ("临溪县", "place")]


COOPS = (
    Organization("桃源村茶叶专业合作社", place="桃源村"),
    Organization("杏花村果蔬专业合作社", place="杏花村"),
    Organization("临溪县文旅发展公司", place="临溪县"),
)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # a kind word opening a clause: the body of that kind named last
        (
            ["杏花村果蔬专业合作社和桃源村茶叶专业合作社签约。", "合作社去年流转土地300亩。"],
            "桃源村茶叶专业合作社",
        ),
        (["临溪县文旅发展公司成立。", "今年，公司接待游客3万人次。"], "临溪县文旅发展公司"),
        (["桃源村茶叶专业合作社扩大规模。", "去年，该合作社销售茶叶50吨。"], "桃源村茶叶专业合作社"),
        # one item of a list, or a kind no body of the article has, stands for no body
        (["桃源村茶叶专业合作社扩大规模。", "种植大户、合作社和企业都参与了。"], None),
        (["桃源村茶叶专业合作社扩大规模。", "协会去年举办活动3场。"], None),
    ],
)
def test_a_kind_word_stands_for_the_body_named_last(rules, texts, expected):
    index = ReferenceIndex(PLACES, COOPS, (), rules.deixis, bodies=True)
    refs = index.scan(texts)[-1]
    bodies = [r.subject.name for r in refs if r.deictic and r.subject.kind == "organization"]
    assert bodies == ([expected] if expected else [])


def test_kind_words_stand_for_bodies_only_when_asked(rules):
    index = ReferenceIndex(PLACES, COOPS, (), rules.deixis)
    refs = index.scan(["桃源村茶叶专业合作社扩大规模。", "合作社去年流转土地300亩。"])[-1]
    assert not [r for r in refs if r.subject.kind == "organization"]
