"""Bodies on sentences of our own: anchored on a place or a bare level word, written in full."""

from __future__ import annotations

import pytest

from govkg.extract.organizations import extract_organizations
from govkg.extract.places import extract_places
from govkg.model import Article, Credit, Organization
from govkg.resources import Resources

# An article about one district, so that a bare 区 or 团 + 区委 refers to it.
ABOUT = ("柯桥区推进基层治理。", "柯桥区持续发力。")



def article(*sentences: str, credits: tuple[Credit, ...] = ()) -> Article:
    return Article.from_sentences(*sentences, credits=credits)


def orgs(res: Resources, *sentences: str, credits: tuple[Credit, ...] = ()) -> dict[str, Organization]:
    a = article(*sentences, credits=credits)
    return {o.name: o for o in extract_organizations(a, extract_places(a, res), res)}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("绍兴市柯桥区委组织部副部长李明远介绍了情况。", "柯桥区委组织部"),
        ("柯桥区人力资源和社会保障局局长说，就业形势稳定。", "柯桥区人力资源和社会保障局"),
        ("柯桥区华舍街道蜀阜社区党委书记王丽华表示。", "蜀阜社区党委"),
        ("额济纳旗达来呼布镇吉日嘎郎图嘎查党支部书记说。", "吉日嘎郎图嘎查党支部"),
        ("柯桥区政府印发了实施方案。", "柯桥区政府"),
        ("柯桥区融媒体中心的记者来到现场。", "柯桥区融媒体中心"),
        ("国务院新闻办公室举行发布会。", "国务院新闻办公室"),
        ("松岭镇组建“银发先锋”志愿服务队，为老人上门服务。", "“银发先锋”志愿服务队"),
        ("镇里组建了“夜间巡逻小分队”。", "夜间巡逻小分队"),
        ("于一体的青瓷坊·富民工坊带动了就业。", "青瓷坊·富民工坊"),
    ],
)
def test_named_bodies(res: Resources, sentence: str, name: str) -> None:
    assert name in orgs(res, sentence)


@pytest.mark.parametrize(
    ("sentence", "name", "alias"),
    [
        ("区人社局局长介绍了政策。", "柯桥区人力资源和社会保障局", "区人社局"),
        ("团区委联合区党校开设课程。", "柯桥区团区委", "团区委"),
        ("团区委联合区党校开设课程。", "柯桥区党校", "区党校"),
        ("团区委组宣部部长说。", "柯桥区团区委组宣部", "团区委组宣部"),
        ("1个区“两新”工委统筹全局。", "柯桥区“两新”工委", "区“两新”工委"),
    ],
)
def test_bare_level_words_stand_for_the_article_place(
    res: Resources, sentence: str, name: str, alias: str
) -> None:
    found = orgs(res, *ABOUT, sentence)
    assert alias in found[name].aliases
    assert found[name].place == "柯桥区"


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("柯桥区联合25个村支部开展活动。", {"柯桥区村支部", "村支部"}),
        ("柯桥区依托社区党群服务中心打造阵地。", {"柯桥区依托社区党群服务中心"}),
        ("柯桥区委办公室组队到村里开展慰问。", {"柯桥区委办公室组队"}),
        ("社区组建志愿者服务队时，他第一个报名。", {"志愿者服务队"}),
        ("活动灵活“成团”开课。", {"成团"}),
        ("“8+N”志愿服务队共980支。", {"8+N志愿服务队", "“8+N”志愿服务队"}),
        ("由村委会自主运行。", {"村委会"}),
        ("市场监管部门加强检查。", {"柯桥区场监管部门"}),
    ],
)
def test_generic_words_are_not_bodies(res: Resources, sentence: str, absent: set[str]) -> None:
    assert not absent & set(orgs(res, *ABOUT, sentence))


def test_short_office_form_is_an_alias(res: Resources) -> None:
    found = orgs(res, "柯桥区委办公室一行来到村里。", "随后，柯桥区委办一行召开座谈会。")
    assert "柯桥区委办" not in found
    assert "柯桥区委办" in found["柯桥区委办公室"].aliases


def test_chain_text_is_kept_as_alias(res: Resources) -> None:
    found = orgs(res, "绍兴市柯桥区委组织部副部长介绍了情况。")
    assert "绍兴市柯桥区委组织部" in found["柯桥区委组织部"].aliases


def test_department_written_into_a_title(res: Resources) -> None:
    found = orgs(res, "浙江省委常委、组织部长在会上讲话。")
    assert {"浙江省委", "浙江省委组织部"} <= set(found)


def test_reporters_outlet_is_a_body(res: Resources) -> None:
    credits = (Credit("李明远", "reporter", "绍兴日报"), Credit("王丽华", "correspondent"))
    found = orgs(res, "柯桥区召开会议。", credits=credits)
    assert found["绍兴日报"].place == "绍兴市"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("入驻嘎查的青草坡生态养殖有限公司收购了羔羊。", "青草坡生态养殖有限公司"),
        ("柯桥区联合绿源纺织集团开展培训。", "绿源纺织集团"),
    ],
)
def test_companies(res: Resources, sentence: str, name: str) -> None:
    assert name in orgs(res, sentence)


def test_village_party_branch_needs_the_article_to_have_one_village(res: Resources) -> None:
    one = orgs(res, "柯桥区柳岸村开展活动。", "干部到村担任村党支部书记。")
    two = orgs(res, "柯桥区柳岸村和桃溪村开展活动。", "干部到村担任村党支部书记。")
    assert "柳岸村党支部" in one
    assert not any(name.endswith("村党支部") for name in two)


def test_a_lecturer_team_written_alone_is_the_article_place(res: Resources) -> None:
    found = orgs(res, *ABOUT, "区里统筹巾帼讲师团师资力量开设课程。")
    assert "巾帼讲师团" in found["柯桥区巾帼讲师团"].aliases


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("椒园镇司法所所长说，矛盾纠纷少了。", "椒园镇司法所"),
        ("椒园镇卫生院的医生定期到村义诊。", "椒园镇卫生院"),
        ("椒园镇中心小学的学生也来参观。", "椒园镇中心小学"),
        ("宣恩县图书馆、宣恩县文化馆送书下乡。", "宣恩县文化馆"),
        ("宣恩县人民医院的专家坐诊。", "宣恩县人民医院"),
        ("火石村杨梅专业合作社带动农户200户。", "火石村杨梅专业合作社"),
        ("于都县同福镇联合党委书记说。", "同福镇联合党委"),
        ("于都县同福镇派出所民警上门服务。", "同福镇派出所"),
        ("湖南省住房和城乡建设厅有关负责人参加了调研。", "湖南省住房和城乡建设厅"),  # 住 begins 住房
        ("于都县经济开发区管委会主任说。", "于都县经济开发区管委会"),
        ("于都县火石社区党委书记、居委会主任说。", "火石社区居委会"),  # the party body's place
        ("于都县政协主席出席会议。", "于都县政协"),
        ("于都县人大常委会主任出席会议。", "于都县人大常委会"),
        ("于都县农业农村局党组书记说。", "于都县农业农村局"),  # the office whose party group it is
    ],
)
def test_bodies_by_kind_word(res: Resources, sentence: str, name: str) -> None:
    assert name in orgs(res, sentence)


def test_a_standard_short_form_is_written_in_full(res: Resources) -> None:
    found = orgs(res, "湖南省隆回县推进金银花产业。", "县农业农村局联合省农科院建设试验基地。")
    assert "省农科院" in found["湖南省农业科学院"].aliases


@pytest.mark.parametrize(
    ("sentence", "department"),
    [
        ("宣恩县委常委、组织部部长介绍了情况。", "宣恩县委组织部"),
        ("宣恩县委常委、宣传部副部长出席活动。", "宣恩县委宣传部"),
        ("宣恩县委常委、统战部长出席活动。", "宣恩县委统战部"),
    ],
)
def test_a_department_in_a_title_chain_is_the_committee_s(res: Resources, sentence: str, department: str) -> None:
    assert {"宣恩县委", department} <= set(orgs(res, sentence))


def test_a_bare_village_word_stands_for_the_village_named_before_it(res: Resources) -> None:
    found = orgs(res, "火石村和东关村都种茶。", "在东关村，村党支部书记带头修路。")
    assert "东关村党支部" in found
    assert "火石村党支部" not in found


@pytest.mark.parametrize(
    ("sentence", "present"),
    [
        ("柳岸村党支部书记、村委会主任说。", True),  # the committee of the article's one village, by its post
        ("由村委会自主运行。", False),  # any village's committee
    ],
)
def test_a_bare_village_committee(res: Resources, sentence: str, present: bool) -> None:
    assert ("柳岸村委会" in orgs(res, "柯桥区柳岸村开展活动。", sentence)) is present


def test_a_bare_township_word_before_a_title_stands_for_the_township_of_the_sentence(res: Resources) -> None:
    found = orgs(res, "于都县梓山镇和禾丰镇都种脐橙。", "记者来到禾丰镇坳脑村采访，镇党委书记介绍了情况。")
    assert "禾丰镇党委" in found
    assert "梓山镇党委" not in found


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("杨梅专业合作社负责人介绍了情况。", "杨梅专业合作社"),
        ("他创办了绿源家庭农场。", "绿源家庭农场"),
        ("白鹭湾红军纪念馆每年接待游客50万人次。", "白鹭湾红军纪念馆"),
    ],
)
def test_bodies_named_without_a_place(res: Resources, sentence: str, name: str) -> None:
    assert name in orgs(res, sentence)


@pytest.mark.parametrize("sentence", ["农民专业合作社发展迅速。", "全村有家庭农场12家。", "成立合作社后收入增加。"])
def test_kinds_of_bodies_are_not_names(res: Resources, sentence: str) -> None:
    assert orgs(res, sentence) == {}


@pytest.mark.parametrize(
    ("sentences", "name"),
    [
        # a title written across the end of a body word (党总支书记: 支书 is no title here)
        (("临溪县松岭镇桃源社区党总支书记李晓梅说，社区很热闹。",), "桃源社区党总支"),
        (("临溪县松岭镇桃源社区党支部书记李晓梅说。",), "桃源社区党支部"),
    ],
)
def test_a_body_word_before_a_title(res: Resources, sentences: tuple[str, ...], name: str) -> None:
    assert name in orgs(res, *sentences)


@pytest.mark.parametrize(
    ("sentences", "not_a_name"),
    [
        # 和 joining two bodies starts no name: 团区委和区妇联 are two bodies
        ((*ABOUT, "团区委和区妇联联合举办活动。"), "柯桥区团区委和区妇联"),
        # 从 ends a name: the institute is where experts come from
        (("临溪县松岭镇从省农科院引进专家。",), "松岭镇从省农科院"),
    ],
)
def test_function_words_end_a_body(res: Resources, sentences: tuple[str, ...], not_a_name: str) -> None:
    found = orgs(res, *sentences)
    assert not any(not_a_name in n or any(not_a_name in a for a in o.aliases) for n, o in found.items())
