"""The program classifier on sentences of our own: names on general cues, not on a list."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govkg.extract.programs import extract_programs, quotations
from govkg.model import Article, Evidence, Membership, Organization, Person, Place
from govkg.resources import Resources


def article(*sentences: str) -> Article:
    return Article.from_sentences(*sentences)


PLACES = (
    Place("临溪县", level="county"),
    Place("松岭镇", level="township", parent="临溪县"),
    Place("滨江公园", level="named", parent="临溪县"),
)


def names(*sentences: str, res: Resources, orgs: tuple[Organization, ...] = ()) -> set[str]:
    return {p.name for p in extract_programs(article(*sentences), PLACES, orgs, (), (), res)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("临溪县探索实施“田园管家”乡村治理行动，推动村庄环境持续改善。", {"田园管家"}),
        ("依托“邻里互助”村企联建，松岭镇把服务送到家门口。", {"邻里互助"}),
        ("松岭镇推行“一窗通办”“上门代缴”等便民服务，群众办事更方便。", {"一窗通办", "上门代缴"}),
        ("临溪县以“书香满城”为品牌，开展全民阅读。", {"书香满城"}),
        ("松岭镇探索形成乡村治理“松岭模式”。", {"松岭模式"}),
        ("临溪县全力推进“清水绕城工程”，水质明显好转。", {"清水绕城工程"}),
        ("松岭镇开展“银发护航”、“童心向党”等特色活动。", {"银发护航", "童心向党"}),
        ("全县56个村实现“村村通客车”。", {"村村通客车"}),
        ("县里启动“乡村好声音”歌唱比赛，参赛选手来自各镇。", {"乡村好声音"}),
        ("临溪县全面推行林长制，森林覆盖率稳步提升。", {"林长制"}),
        ("松岭镇推出“两清”工作法，问题发现更及时。", {"两清工作法"}),
        ("临溪县紧盯“百日会战”行动目标，完成农田建设3万亩。", {"百日会战"}),
        ("要对标“兴水润田”工程要求，抢抓冬春时节。", {"兴水润田"}),
        (
            "松岭镇开展“春风·暖心”社区关爱“微心愿”认领计划、“银龄”助老等12个项目。",
            {"春风·暖心社区关爱微心愿认领计划", "银龄助老"},
        ),
    ],
)
def test_named_initiatives(res, sentence, expected):
    assert names(sentence, res=res) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "松岭镇破解“重建轻管”难题，村容村貌焕然一新。",  # a problem named in quotes
        "临溪县架起联系群众的“连心桥”。",  # a metaphor (的“X”)
        "松岭镇构建“县—镇—村”三级网络。",  # a formula
        "临溪县推行“党建+产业+合作社”模式。",  # a formula
        "他成为村民口中的“贴心人”。",  # a label
        "松岭镇为老人提供“保姆式”服务。",  # a manner
        "志愿者开展“面对面”服务。",  # a manner
        "临溪县组建“乡村振兴服务队”。",  # a body, left to the organizations extractor
        "临溪县秉持“绿色发展”的理念。",  # a slogan
        "“我们要把好事办好，让群众满意。”他说。",  # speech
        "村里的“两委”班子团结有力。",  # two characters
        "临溪县荣获“全国文明县城”称号。",  # an honour title
        "合作社把“溪源”品牌价值提升到3亿元。",  # a product brand's value, not a program
        "松岭镇建立“受理、交办、督办、反馈”闭环机制。",  # the steps of a process
    ],
)
def test_not_programs(res, sentence):
    assert names(sentence, res=res) == set()


def test_a_phrase_quoted_again_with_a_launching_verb_is_a_program(res):
    found = names("松岭镇打造“幸福食堂”，解决老人吃饭难。", "如今，“幸福食堂”已覆盖全镇。", res=res)
    assert found == {"幸福食堂"}


def test_an_unquoted_name_of_a_recurring_kind(res):
    found = names(
        "临溪县开办职工夜校，课程免费。", "职工夜校每周开课三次。", "报名职工夜校的学员越来越多。", res=res
    )
    assert found == {"职工夜校"}


def test_places_bodies_people_and_evidence(res):
    orgs = (Organization("临溪县文旅局", ("县文旅局",), place="临溪县"),)
    people = (Person("周明"),)
    memberships = (Membership("周明", "局长", "临溪县文旅局"),)
    a = article(
        "近年来，临溪县大力发展乡村旅游。",
        "县文旅局在滨江公园举办“乡村好声音”歌唱比赛，县文旅局局长周明说，比赛已办了三届。",
        "今年，松岭镇也引进了“乡村好声音”。",
    )
    (program,) = extract_programs(a, PLACES, orgs, people, memberships, res)
    assert program.name == "乡村好声音"
    assert "“乡村好声音”歌唱比赛" in program.aliases
    assert set(program.places) == {"临溪县", "滨江公园", "松岭镇"}
    assert program.organizations == ("临溪县文旅局",)
    assert program.people == ("周明",)
    assert program.evidence == (Evidence.of(a, a.sentences[1]), Evidence.of(a, a.sentences[2]))


def test_quotations_nest():
    text = "他说：“要用好‘红色课堂’。”"
    assert [q.content for q in quotations(text)] == ["要用好‘红色课堂’。", "红色课堂"]


_ALPHABET = "“”‘’「」、，。等的以为实施打造行动工程模式项目服务活动+—县镇村松岭溪A1"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=40), min_size=1, max_size=4))
def test_any_text_gives_programs_named_in_their_evidence(res, sentences):
    a = article(*sentences)
    for program in extract_programs(a, PLACES, (), (), (), res):
        assert program.evidence
        assert not any(mark in program.name for mark in "“”‘’")
        assert all(any(f in e.text for f in (program.name, *program.aliases)) for e in program.evidence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a quoted scheme behind a title it confers
        ("临溪县评选“红土先锋”示范党支部38个。", {"红土先锋"}),
        ("松岭镇今年命名“巾帼能手”示范户120户。", {"巾帼能手"}),
        # a verb right before or right after the quotation puts it in place
        ("松岭镇在桃源村试点“积分超市”，群众参与热情高。", {"积分超市"}),
        ("“乡贤回归”运行以来，已吸引乡贤返乡创业46人。", {"乡贤回归"}),
        ("“清风茶室”机制推行以来，群众反映问题更方便了。", {"清风茶室"}),
        # an unquoted named mechanism put in place
        ("松岭镇推行干部联户制度，每名党员联系5户群众。", {"干部联户制度"}),
        ("临溪县首创村医轮岗机制，偏远村也有了医生。", {"村医轮岗机制"}),
        # a number-prefixed service circle
        ("临溪县打造10分钟养老服务圈12个。", {"10分钟养老服务圈"}),
    ],
)
def test_named_initiatives_without_a_kind_word(res, sentence, expected):
    assert names(sentence, res=res) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "临溪县建立健全长效机制，巩固整治成果。",  # a generic mechanism
        "松岭镇推行网格化管理制度。",  # a generic mechanism
        "松岭镇完善工作制度，推行考核机制。",  # generic mechanisms
        "桃源村被评为“五星”示范村。",  # a title received, not a scheme conferred
        "他说，“好日子”运行在每个人的心里。",  # no launching verb before the quotation
        "松岭镇建立村级财务公开制度。",  # an administrative rule, not a named mechanism
        "农技站向农户推广“稻鱼共生”技术。",  # a technique spread, not a practice piloted
    ],
)
def test_not_named_initiatives(res, sentence):
    assert names(sentence, res=res) == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an unquoted campaign a launching verb puts in place, with the one joined to it
        (
            "临溪县深入实施千村万户净水入户工程和竹编技艺振兴行动。",
            {"千村万户净水入户工程", "竹编技艺振兴行动"},
        ),
        ("松岭镇持续深化邻里纠纷化解专项行动。", {"邻里纠纷化解专项行动"}),
        # a kind word, then a word saying it is being built (“X”党建品牌创建)
        ("临溪县将把“青山先锋”党建品牌创建与产业发展结合起来。", {"青山先锋"}),
        # a quoted number-prefixed service circle, even after 的
        ("居民对社区的“10分钟养老服务圈”很满意。", {"10分钟养老服务圈"}),
        # a launching verb right before a quotation (推出“X”)
        ("松岭镇推出“银龄餐桌”助老服务积分，老人吃饭更方便。", {"银龄餐桌"}),
        # a place word opening the clause right before a quotation that recurs
        ("中午，社区“松风饭堂”开门迎客。", set()),
        ("中午，社区“松风饭堂”开门迎客。“松风饭堂”由志愿者运营。", {"松风饭堂"}),
        # a verb anywhere in a clause the quotation ends
        ("松岭镇推行党员干部下沉到村“双认领”，每人联系三户。", {"双认领"}),
        # a body's ending, but a model named after it, or a service (驿站)
        ("临溪县推广“联农公司”模式，由镇统筹。", {"联农公司"}),
        ("松岭镇建设“红枫驿站”，提供饮水服务。“红枫驿站”全天开放。", {"红枫驿站"}),
    ],
)
def test_named_initiatives_on_general_cues(res, sentence, expected):
    assert names(sentence, res=res) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "临溪县开展护苗行动，守护学生安全。",  # too short a core to be a name
        "松岭镇开展了一系列志愿服务行动。",  # a count, not a name
        "临溪县实施安全生产专项行动。",  # a generic campaign
        "松岭镇建设“红枫服务站”，提供饮水服务。",  # a body (站), not a service
        "荒坡成为村民眼中的“金色粮仓”。",  # a label
        "城市“会客厅”焕然一新。",  # a place word inside a word, not a place
    ],
)
def test_not_named_initiatives_on_general_cues(res, sentence):
    assert names(sentence, res=res) == set()


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # a service site's kind ending the name, or following the quotation
        (["中午，松岭镇“杏林食堂”正式开餐。"], {"杏林食堂"}),
        (["临溪县在各村建起“和顺坊”调解室，化解纠纷。"], {"和顺坊"}),
        # one character before the kind word is a common noun
        (["中午，松岭镇“大食堂”正式开餐。"], set()),
        # parallel negated clauses are a motto; parallel verb phrases may still name a method
        (["松岭镇推行“急事不过夜、小事不出楼”工作法。"], set()),
        (["松岭镇推行“抓党建、促振兴”工作法。"], {"抓党建、促振兴"}),
        # two kind words after a two-character core
        (["临溪县启动“两山”工程行动，植树造林。"], {"两山工程行动"}),
        # a campaign to earn a standard (“X”创建) and a named method (以“X”的方式)
        (["目前全县已有12个村开展“美丽庭院”创建。"], {"美丽庭院"}),
        (["松岭镇以“以房养老”的方式吸引投资。"], {"以房养老"}),
        (["松岭镇以“更好”的成绩回报群众。"], set()),
    ],
)
def test_sites_mottos_and_methods(res, sentences, expected):
    assert names(*sentences, res=res) == expected


def test_a_quoted_program_keeps_its_mechanism_as_an_alias(res):
    found = extract_programs(
        article("松岭镇推出“院坝夜话”，听取民意。", "全镇各村已建立院坝夜话制度。"), PLACES, (), (), (), res
    )
    assert [(p.name, p.aliases) for p in found] == [("院坝夜话", ("院坝夜话制度",))]


def test_a_place_named_project_in_a_list_of_projects(res):
    places = (*PLACES, Place("青龙水库", level="named", parent="临溪县"))
    found = extract_programs(
        article("会上，县交通局负责人介绍了青龙水库引水工程、“清渠入田”改造提升等项目进展。"), places, (), (), (), res
    )
    assert {p.name for p in found} == {"青龙水库引水工程", "清渠入田改造提升"}


def test_a_place_named_project_starts_at_the_place_after_the_clause_words(res):
    places = (*PLACES, Place("青龙水库", level="named", parent="临溪县"))
    found = extract_programs(
        article("临溪县交通局就青龙水库引水工程、“清渠入田”改造提升等项目作说明。"), places, (), (), (), res
    )
    assert {p.name for p in found} == {"青龙水库引水工程", "清渠入田改造提升"}
