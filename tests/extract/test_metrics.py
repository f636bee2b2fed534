"""Metrics read from hand-made articles: value, unit, qualifier, measure, subject and period."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govkg.extract import extract_article
from govkg.extract.metrics import extract_metrics
from govkg.model import Article, Evidence, Organization, Place, Program, Sentence, Subject
from govkg.resources import Resources


def article(*sentences: str) -> Article:
    return Article.from_sentences(*sentences)


PLACES = (
    Place("临溪县", ("临溪",), level="county"),
    Place("松岭镇", level="township", parent="临溪县"),
    Place("桃源村", level="village", parent="松岭镇"),
)
ORGS = (
    Organization("临溪县农业农村局", ("县农业农村局",), place="临溪县"),
    Organization("临溪县人社局", place="临溪县"),
)
PROGRAMS = (Program("银龄课堂"), Program("青春夜话"), Program("掌上办"), Program("就近办"))


def facts(*sentences: str, res: Resources) -> list:
    return list(extract_metrics(article(*sentences), PLACES, ORGS, PROGRAMS, res))


@pytest.mark.parametrize(
    ("sentences", "text", "value", "unit", "qualifier", "measure", "about", "period"),
    [
        (
            ["2023年以来，临溪县共培训乡村电商带头人1260余人次，带动农户增收2.3亿元。"],
            "1260余人次",
            "1260",
            "人次",
            "余",
            "乡村电商带头人",
            ("place", "临溪县"),
            "2023年以来",
        ),
        (
            ["2023年以来，临溪县共培训乡村电商带头人1260余人次，带动农户增收2.3亿元。"],
            "2.3亿元",
            "2.3",
            "亿元",
            None,
            "农户增收",
            ("place", "临溪县"),
            "2023年以来",
        ),
        (
            ["去年以来，“银龄课堂”已开设书法、合唱等课程42门，参与老人超5000人次。"],
            "42门",
            "42",
            "门",
            None,
            "课程",
            ("program", "银龄课堂"),
            "去年以来",
        ),
        (
            ["去年以来，“银龄课堂”已开设书法、合唱等课程42门，参与老人超5000人次。"],
            "超5000人次",
            "5000",
            "人次",
            "超",
            "参与老人",
            ("program", "银龄课堂"),
            "去年以来",
        ),
        (
            [
                "近年来，松岭镇大力发展庭院经济。",
                "目前，该镇已建成示范庭院310个，带动桃源村等村户均增收8000元。",
            ],
            "310个",
            "310",
            "个",
            None,
            "示范庭院",
            ("place", "松岭镇"),
            "目前",
        ),
        (
            ["县农业农村局组建专家服务队，为种植户解决技术难题600余个。"],
            "600余个",
            "600",
            "个",
            "余",
            "技术难题",
            ("organization", "临溪县农业农村局"),
            None,
        ),
        (
            ["日前，临溪县人社局局长介绍，全县今年新增城镇就业326名。"],
            "326名",
            "326",
            "名",
            None,
            "新增城镇就业",
            ("place", "临溪县"),
            "今年",
        ),
        (
            ["县团委先后举办三期“青春夜话”座谈活动，吸引青年近千人次参与。"],
            "三期",
            "3",
            "期",
            None,
            "座谈活动",
            ("program", "青春夜话"),
            None,
        ),
        (
            ["截至今年6月，临溪县有专业合作社520家、家庭农场1100余个。"],
            "1100余个",
            "1100",
            "个",
            "余",
            "家庭农场",
            ("place", "临溪县"),
            "截至今年6月",
        ),
        (
            ["松岭镇的游客接待量同比增长35%，旅游收入约9000万元。"],
            "约9000万元",
            "9000",
            "万元",
            "约",
            "旅游收入",
            ("place", "松岭镇"),
            None,
        ),
    ],
)
def test_metric(res, sentences, text, value, unit, qualifier, measure, about, period):
    found = {m.text: m for m in facts(*sentences, res=res)}
    m = found[text]
    assert (m.value, m.unit, m.qualifier) == (Decimal(value), unit, qualifier)
    assert m.measure == measure
    assert m.about == Subject(*about)
    assert m.period == period


def test_an_elliptical_clause_takes_the_measure_and_period_of_the_one_before(res):
    sentence = "截至今年6月底，松岭镇1230项审批事项实现“掌上办”，860项实现“就近办”。"
    by_text = {m.text: m for m in facts(sentence, res=res)}
    assert by_text["860项"].measure == "审批事项"
    assert by_text["860项"].period == "截至今年6月底"
    assert by_text["860项"].about == Subject("place", "松岭镇")  # the program is the state reached


@pytest.mark.parametrize(
    "sentence",
    [
        "第三届丰收节于9月23日在桃源村举办，85岁的老人和90后青年同台演出。",
        "活动从19:30持续到22:00，咨询电话:87654321。",
        "松岭镇推进“五河六湖”整治。",
        "2019年，临溪县被评为省级文明县城。",
        "力争在3年内实现全覆盖。",
    ],
)
def test_not_metrics(res, sentence):
    assert facts(sentence, res=res) == []


def test_every_metric_carries_its_sentence_as_evidence(res):
    a = article("近年来，松岭镇大力发展庭院经济。", "目前，该镇已建成示范庭院310个。")
    (metric,) = extract_metrics(a, PLACES, ORGS, PROGRAMS, res)
    assert metric.evidence == (Evidence.of(a, a.sentences[1]),)


_ALPHABET = "0123456789.%万亿千百十两三余多近超约以上内左右第年月日个名项家元，。；：、“”‘’（）的在和等了县镇村该全市局委工程行动"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=40), min_size=1, max_size=4))
def test_any_text_gives_metrics_quoted_from_their_sentence(res, sentences):
    a = article(*sentences)
    for metric in extract_metrics(a, PLACES, ORGS, PROGRAMS, res):
        (evidence,) = metric.evidence
        assert metric.text in evidence.text
        assert metric.value >= 0
        assert metric.about is None or metric.about.kind in ("place", "organization", "program")


# -- what a paragraph is about -------------------------------------------------------------

VILLAGES = (
    *PLACES,
    Place("杏花村", level="village", parent="松岭镇"),
    Place("石门镇", level="township", parent="临溪县"),
)
TOWN_PROGRAMS = (Program("院坝夜话"), Program("积分超市"), Program("干部联户"), Program("银龄课堂"))


def paragraphs(*paras: list[str]) -> Article:
    """Sentences of one paragraph written end to end; paragraphs one character apart."""
    out, pos = [], 0
    for para in paras:
        for s in para:
            out.append(Sentence(pos, pos + len(s), s))
            pos += len(s)
        pos += 1
    return Article("doc", 0, "article", "标题", 0, pos, sentences=tuple(out))


def about(paras: list[list[str]], text: str, res: Resources) -> Subject | None:
    metrics = extract_metrics(paragraphs(*paras), VILLAGES, ORGS, TOWN_PROGRAMS, res)
    return {m.text: m for m in metrics}[text].about


@pytest.mark.parametrize(
    ("paras", "text", "expected"),
    [
        (  # the village the paragraph presents, not a village it names in passing
            [
                ["临溪县大力发展乡村旅游。"],
                ["桃源村是远近闻名的茶叶村，与杏花村隔河相望。", "村集体经济收入达42万元。"],
            ],
            "42万元",
            ("place", "桃源村"),
        ),
        (  # 该村 is the village the paragraph is about
            [["桃源村是远近闻名的茶叶村，与杏花村隔河相望。", "去年，该村接待游客8.6万人次。"]],
            "8.6万人次",
            ("place", "桃源村"),
        ),
        (  # 全村 in the sentence that presents the village
            [["临溪县松岭镇杏花村村民种茶。"], ["桃源村是远近闻名的茶叶村，全村有农户420户。"]],
            "420户",
            ("place", "桃源村"),
        ),
        (  # the subject of 位于, not the town it lies in
            [["杏花村位于松岭镇西部，2023年引进茶叶加工企业3家。"]],
            "3家",
            ("place", "杏花村"),
        ),
        (  # a sentence opening with a place after a time phrase sets the topic
            [["去年，杏花村与桃源村合作建成民宿，带动松岭镇旅游。", "当年接待游客3万人次。"]],
            "3万人次",
            ("place", "杏花村"),
        ),
        (  # 镇里 and 县里 stand for the town and the county in focus
            [["临溪县松岭镇大力发展庭院经济。", "镇里组织志愿者开展义诊活动12场。"]],
            "12场",
            ("place", "松岭镇"),
        ),
        (
            [["临溪县松岭镇大力发展庭院经济。", "县里还安排专项资金300万元。"]],
            "300万元",
            ("place", "临溪县"),
        ),
    ],
)
def test_the_paragraph_topic_is_what_a_figure_is_about(res, paras, text, expected):
    assert about(paras, text, res) == Subject(*expected)


@pytest.mark.parametrize(
    ("paras", "text", "expected"),
    [
        (  # what a program did: 通过“X”，全镇…
            [["通过“院坝夜话”，全镇共召开院坝会35场，解决停车难等问题83件。"]],
            "35场",
            ("program", "院坝夜话"),
        ),
        (
            [["通过“院坝夜话”，全镇共召开院坝会35场，解决停车难等问题83件。"]],
            "83件",
            ("program", "院坝夜话"),
        ),
        (
            [["依托“银龄课堂”，石门镇开设书法课程42门。"]],
            "42门",
            ("program", "银龄课堂"),
        ),
        (  # the villages listed are what is counted; the pilot is what it is about
            [["今年，松岭镇在桃源村试点“积分超市”，以桃源村、杏花村等6个村为试点，发放积分卡1200张。"]],
            "6个",
            ("program", "积分超市"),
        ),
        (
            [["今年，松岭镇在桃源村试点“积分超市”，以桃源村、杏花村等6个村为试点，发放积分卡1200张。"]],
            "1200张",
            ("program", "积分超市"),
        ),
        (  # a paragraph about a program: its later figures are the program's
            [["松岭镇推行“干部联户”制度。", "制度实施以来，党员们走村入户。", "每名党员联系8户群众。"]],
            "8户",
            ("program", "干部联户"),
        ),
        (  # a new paragraph does not inherit the program
            [["松岭镇推行“干部联户”制度。"], ["松岭镇今年新建公厕8座。"]],
            "8座",
            ("place", "松岭镇"),
        ),
        (  # a place listed before the number is counted, not counted about
            [["松岭镇以桃源村、杏花村等6个村为重点，推进人居环境整治。"]],
            "6个",
            ("place", "松岭镇"),
        ),
    ],
)
def test_a_program_is_what_a_figure_is_about(res, paras, text, expected):
    assert about(paras, text, res) == Subject(*expected)


@pytest.mark.parametrize(
    ("paras", "text"),
    [
        ([["“院坝夜话”机制运行以来，全镇共召开院坝会35场。"]], "35场"),
        ([["“院坝夜话”开展以来，松岭镇共解决停车难等问题83件。"]], "83件"),
    ],
)
def test_the_results_of_a_program(res, paras, text):
    assert about(paras, text, res) == Subject("program", "院坝夜话")


def test_the_pilot_of_a_program_introduced_before(res):
    paras = [["松岭镇推行“积分超市”。", "镇里以桃源村、杏花村等6个村为试点，培育示范户300余户。"]]
    assert about(paras, "6个", res) == Subject("program", "积分超市")
    assert about(paras, "300余户", res) == Subject("place", "松岭镇")


@pytest.mark.parametrize(
    ("paras", "text"),
    [
        ([["松岭镇推行“院坝夜话”。"], ["目前，该机制已覆盖全镇，共解决问题83件。"]], "83件"),
        ([["“院坝夜话”每月开一次。", "去年，松岭镇借鉴这一模式，召开院坝会35场。"]], "35场"),
    ],
)
def test_a_deictic_program(res, paras, text):
    assert about(paras, text, res) == Subject("program", "院坝夜话")


# -- who a figure is about: actors, speakers, kind words -----------------------------------

BODIES = (
    *ORGS,
    Organization("松岭镇党委", ("镇党委",), place="松岭镇"),
    Organization("桃源村茶叶专业合作社", place="桃源村"),
)


def about_in(paras: list[list[str]], text: str, res: Resources) -> Subject | None:
    metrics = extract_metrics(paragraphs(*paras), VILLAGES, BODIES, TOWN_PROGRAMS, res)
    return {m.text: m for m in metrics}[text].about


@pytest.mark.parametrize(
    ("paras", "text", "expected"),
    [
        (  # a program counted in its clause: the later figures are the county's
            [["截至目前，全县共开展“院坝夜话”120余场，参与群众3000人次。"]],
            "3000人次",
            ("place", "临溪县"),
        ),
        (  # sites the clause builds go on to act: their figures stay theirs
            [["截至目前，全县已建成“银龄课堂”46个，累计服务老人2万人次。"]],
            "2万人次",
            ("program", "银龄课堂"),
        ),
        (  # 由X统筹 in a later clause names who does one step, not the actor
            [["松岭镇发展庭院经济，由镇党委统筹，目前已建成示范庭院19个。"]],
            "19个",
            ("place", "松岭镇"),
        ),
        (  # 由X牵头 opening the sentence: X is the actor
            [["由县农业农村局牵头，组建专家服务队，解决技术难题600余个。"]],
            "600余个",
            ("organization", "临溪县农业农村局"),
        ),
        (  # 来自 names where what is counted comes from
            [["松岭镇举办首届农民运动会，吸引了来自全县的80支队伍参赛。"]],
            "80支",
            ("place", "松岭镇"),
        ),
        (  # a bare kind word opening a clause is the body of that kind named before
            [["今年，桃源村茶叶专业合作社扩大了规模。"], ["合作社去年流转土地300亩，带动农户增收。"]],
            "300亩",
            ("organization", "桃源村茶叶专业合作社"),
        ),
        (  # … but not one item of a list
            [["今年，桃源村茶叶专业合作社扩大了规模。"], ["松岭镇的种植大户、合作社共吸纳就业200人。"]],
            "200人",
            ("place", "松岭镇"),
        ),
        (  # what the village collective earns is the village's, not the cooperative's
            [
                ["今年，桃源村茶叶专业合作社扩大了规模。"],
                ["合作社去年销售茶叶50吨，村集体经济收入达到30万元。"],
            ],
            "30万元",
            ("place", "桃源村"),
        ),
        (
            [
                ["今年，桃源村茶叶专业合作社扩大了规模。"],
                ["合作社去年销售茶叶50吨，村集体经济收入达到30万元。"],
            ],
            "50吨",
            ("organization", "桃源村茶叶专业合作社"),
        ),
        (  # the official of a town's party committee speaks for the town
            [["会上，松岭镇党委书记王大为作交流发言。", "王大为介绍，今年以来共办结群众诉求320件。"]],
            "320件",
            ("place", "松岭镇"),
        ),
        (  # the head of a cooperative speaks for it, also in a quotation attributed after it
            [
                [
                    "在桃源村，桃源村茶叶专业合作社理事长李小山正在招工。",
                    "“旺季每天要用工80人。”",
                    "李小山说。",
                ]
            ],
            "80人",
            ("organization", "桃源村茶叶专业合作社"),
        ),
        (  # a speaker introduced without a body's title speaks for no one
            [["在桃源村，村民李小山正在采茶。", "李小山说，今年采茶800公斤。"]],
            "800公斤",
            ("place", "桃源村"),
        ),
    ],
)
def test_who_a_figure_is_about(res, paras, text, expected):
    assert about_in(paras, text, res) == Subject(*expected)


@pytest.mark.parametrize(
    ("paras", "text", "expected"),
    [
        (  # a body after 从 is where what is counted comes from
            [["今年，松岭镇从县农业农村局引进技术员12名。"]],
            "12名",
            ("place", "松岭镇"),
        ),
        (  # a program that does the counting (no verb before it) stays the actor
            [["去年以来，松岭镇各村“银龄课堂”共开设课程30余类，组织学习530余次。"]],
            "530余次",
            ("program", "银龄课堂"),
        ),
    ],
)
def test_sources_and_counting_programs(res, paras, text, expected):
    assert about_in(paras, text, res) == Subject(*expected)


def test_a_program_the_actor_aims_at_is_not_what_the_figures_are_about(res):
    aimed = extract_article(Article.from_sentences("今年以来，德清县紧盯“百日会战”行动目标，完成农田建设3.2万亩。"), res)
    run = extract_article(Article.from_sentences("德清县实施“百日会战”行动，完成农田建设3.2万亩。"), res)
    assert [m.about for m in aimed.metrics] == [Subject("place", "德清县")]
    assert [m.about for m in run.metrics] == [Subject("program", "百日会战")]


@pytest.mark.parametrize(
    ("paras", "text", "expected"),
    [
        (  # 全县 right before a figure is the range counted: the program the clause names acts
            [["该县“银龄课堂”已覆盖全县9个乡镇，开设课程80门。"]],
            "80门",
            ("program", "银龄课堂"),
        ),
        (
            [["该县“银龄课堂”已覆盖全县9个乡镇，开设课程80门。"]],
            "9个",
            ("program", "银龄课堂"),
        ),
        (  # with no other actor in its clause, 全县 stays what the figure is about
            [["全县9个乡镇开设课程80门。"]],
            "9个",
            ("place", "临溪县"),
        ),
        (  # a count of sites that take up a program is that program's reach
            [["目前全县已有23个村开展“院坝夜话”，收集意见600条。"]],
            "23个",
            ("program", "院坝夜话"),
        ),
        (
            [["松岭镇在11个村建起“积分超市”兑换点。"]],
            "11个",
            ("program", "积分超市"),
        ),
        (  # all of a place's units: that place's own count
            [["全县23个村已全部建立“院坝夜话”制度。"]],
            "23个",
            ("place", "临溪县"),
        ),
        (  # a count of things, not of sites, stays with the actor
            [["松岭镇新建凉亭12座开展“院坝夜话”。"]],
            "12座",
            ("place", "松岭镇"),
        ),
        (  # people of the villages are no sites
            [["松岭镇组织300名村民开展“院坝夜话”。"]],
            "300名",
            ("place", "松岭镇"),
        ),
        (  # a body a clause brings in is what the clauses after it report about
            [["在杏花村，当地引进桃源村茶叶专业合作社，发展有机茶园，种植面积达900亩。"]],
            "900亩",
            ("organization", "桃源村茶叶专业合作社"),
        ),
    ],
)
def test_scope_reach_and_bodies_brought_in(res, paras, text, expected):
    assert about_in(paras, text, res) == Subject(*expected)


BRANCHES = (*BODIES, Organization("桃源村党总支", place="桃源村"))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 村里 after a time word stands for the village named last (the branch's seat)
        ("桃源村党总支书记张某算了一笔账：去年村里硬化道路3.5公里。", ("place", "桃源村")),
        ("桃源村党总支书记张某算了一笔账：如今村里硬化道路3.5公里。", ("place", "桃源村")),
        # 乡村里 is no deictic form: the place named before stays
        ("桃源村党总支书记张某算了一笔账：乡村里硬化道路3.5公里。", ("place", "松岭镇")),
    ],
)
def test_home_forms_after_a_time_word(res, sentence, expected):
    paras = [["松岭镇推广院坝夜话。"], [sentence]]
    metrics = extract_metrics(paragraphs(*paras), VILLAGES, BRANCHES, TOWN_PROGRAMS, res)
    assert metrics[0].about == Subject(*expected)


@pytest.mark.parametrize(
    ("paras", "text", "expected"),
    [
        (  # the program counted is not what the figure is about, even where the sentence launched it
            [["松岭镇推广“积分超市”模式，目前已建成积分超市19家。"]],
            "19家",
            ("place", "松岭镇"),
        ),
        (  # the titles a scheme confers are counted for the scheme
            [["全县评选“院坝夜话”示范点38个。"]],
            "38个",
            ("program", "院坝夜话"),
        ),
        (  # without a conferring verb the program is only what is counted
            [["全县建成“院坝夜话”示范点38个。"]],
            "38个",
            ("place", "临溪县"),
        ),
    ],
)
def test_counted_programs_and_conferred_titles(res, paras, text, expected):
    assert about_in(paras, text, res) == Subject(*expected)


@pytest.mark.parametrize(
    ("sentence", "measures"),
    [
        ("临溪县森林覆盖率由6.2%提高到9.8%。", {"6.2%": "森林覆盖率", "9.8%": "森林覆盖率"}),
        ("全县人均可支配收入从1.8万元增加到2.4万元。", {"1.8万元": "人均可支配收入", "2.4万元": "人均可支配收入"}),
        ("由临溪县投入资金300万元。", {"300万元": "资金"}),  # 由 as "by": no change
    ],
)
def test_both_ends_of_a_change_measure_what_is_named_before_it(res, sentence, measures):
    assert {m.text: m.measure for m in facts(sentence, res=res)} == measures


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("群众反映的问题3至5天就有答复。", "问题"),  # 就有: what follows is no noun
        ("企业开办2至3个工作日即可办结。", "企业开办"),
        ("临溪县建成120个便民服务站。", "便民服务站"),
    ],
)
def test_a_modal_after_the_figure_ends_what_is_counted(res, sentence, measure):
    (metric,) = facts(sentence, res=res)
    assert metric.measure == measure
