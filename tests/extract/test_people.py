"""People and titles on sentences of our own: bylines, officials, residents, forms of address."""

from __future__ import annotations

import pytest

from govkg.extract.people import extract_people
from govkg.model import Article, Credit, Organization, Place, Sentence
from govkg.resources import Resources

PLACES = (
    Place("浙江省", adcode="330000", level="province"),
    Place("绍兴市", adcode="330600", level="prefecture", parent="浙江省"),
    Place("柯桥区", adcode="330603", level="county", parent="绍兴市"),
    Place("柳岸村", level="village", parent="柯桥区"),
)
ORGS = (
    Organization("柯桥区委组织部", ("绍兴市柯桥区委组织部", "区委组织部"), "柯桥区"),
    Organization("柯桥区委", ("区委",), "柯桥区"),
    Organization("浙江省委", ("省委",), "浙江省"),
    Organization("浙江省委组织部", ("组织部",), "浙江省"),
    Organization("柳岸村党支部", (), "柳岸村"),
)



def article(*sentences: str, credits: tuple[Credit, ...] = ()) -> Article:
    return Article.from_sentences(*sentences, credits=credits)


def roles(
    res: Resources, *sentences: str, credits: tuple[Credit, ...] = ()
) -> set[tuple[str, str, str | None]]:
    _, memberships = extract_people(article(*sentences, credits=credits), PLACES, ORGS, res)
    return {(m.person, m.title, m.organization) for m in memberships}


def people(res: Resources, *sentences: str) -> dict[str, bool]:
    persons, _ = extract_people(article(*sentences), PLACES, ORGS, res)
    return {p.name: p.ambiguous for p in persons}


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("绍兴市柯桥区委组织部副部长李明远介绍了情况。", ("李明远", "副部长", "柯桥区委组织部")),
        ("新任区委书记周启航上任后走访了各村。", ("周启航", "书记", "柯桥区委")),
        ("省委常委、组织部长沈卫国在会上指出。", ("沈卫国", "常委", "浙江省委")),
        ("省委常委、组织部长沈卫国在会上指出。", ("沈卫国", "部长", "浙江省委组织部")),
        ("区委组织部王强、李华两名副部长扎根基层。", ("李华", "副部长", "柯桥区委组织部")),
        ("市民刘晓雯说，公园变美了。", ("刘晓雯", "市民", None)),
        ("79岁的居民阿依古丽·买买提和邻居在看电视。", ("阿依古丽·买买提", "居民", None)),
        ("像陈家豪这样的志愿者有上百名。", ("陈家豪", "志愿者", None)),
        ("嘎查党支部书记巴特尔朝鲁深有感触。", ("巴特尔朝鲁", "书记", None)),
        ("嘎查党支部书记其木格介绍了情况。", ("其木格", "书记", None)),
        ("讲座由钱教授主讲。", ("钱教授", "教授", None)),
        ("柳岸村党支部副书记、组织委员林小川说，党员多了。", ("林小川", "组织委员", "柳岸村党支部")),
        ("柳岸村党支部副书记、组织委员林小川说，党员多了。", ("林小川", "副书记", "柳岸村党支部")),
        (
            "社区党委书记李娜组织居民开展活动。",
            ("李娜", "书记", None),
        ),  # a name that is also a dictionary word
    ],
)
def test_titles(res: Resources, sentence: str, role: tuple[str, str, str | None]) -> None:
    assert role in roles(res, sentence)


def test_title_taken_on_through_a_verb(res: Resources) -> None:
    found = roles(res, "1990年出生的钱晓峰报了名，最终成功当选柳岸村党支部书记。", "“我会尽力。”钱晓峰说。")
    assert ("钱晓峰", "书记", "柳岸村党支部") in found


def test_title_given_to_someone_unnamed_is_not_moved(res: Resources) -> None:
    found = roles(res, "区委书记周启航提出派干部到柳岸村担任村党支部书记。")
    assert ("周启航", "书记", "柳岸村党支部") not in found


@pytest.mark.parametrize(
    ("sentence", "name", "ambiguous"),
    [
        ("“日子越过越好。”孙立平说。", "孙立平", False),
        ("“草场比以前好多了。”巴特尔说。", "巴特尔", False),
        ("家住柳岸村的周永福夫妇笑着说。", "周永福", False),
        ("晚上，吴天宇和郑雅琴的婚礼在村里举行。", "郑雅琴", False),
        ("市民张女士表示很满意。", "张女士", True),
        ("“赵大爷，您的药到了！”", "赵大爷", True),
        ("意大利小伙Marco Rossi在这里举办了婚礼。", "Marco Rossi", False),
    ],
)
def test_names_in_the_text(res: Resources, sentence: str, name: str, ambiguous: bool) -> None:
    assert people(res, sentence).get(name) is ambiguous


@pytest.mark.parametrize(
    "sentence",
    [
        "区委书记高度重视此项工作。",
        "局长来到现场察看。",
        "村民房屋受损情况严重。",
        "为牧民解燃眉之急。",
        "由街道党工委书记任队长。",
        "柯桥区长期坚持这一做法。",
        "他穿着大红色的志愿者马甲巡逻。",
    ],
)
def test_no_person_in_generic_sentences(res: Resources, sentence: str) -> None:
    assert people(res, sentence) == {}


def test_bylines(res: Resources) -> None:
    credits = (
        Credit("李明远", "reporter", "绍兴日报"),
        Credit("王丽华", "correspondent"),
        Credit("赵一鸣", "photographer"),
        Credit("钱多多", "reporter", titled=False),
        Credit("孔雯", "reporter", alias="孔 雯"),
    )
    persons, memberships = extract_people(article("柯桥区召开会议。", credits=credits), PLACES, ORGS, res)
    assert {(m.person, m.title, m.organization) for m in memberships} == {
        ("李明远", "记者", "绍兴日报"),
        ("王丽华", "通讯员", None),
        ("孔雯", "记者", None),
    }
    by_name = {p.name: p for p in persons}
    assert {"赵一鸣", "钱多多"} <= set(by_name)
    assert by_name["孔雯"].aliases == ("孔 雯",)


def test_an_intern_in_the_byline_gets_the_printed_title(res: Resources) -> None:
    credits = (Credit("林小雨", "reporter"), Credit("周明", "correspondent", title="实习生"),
               Credit("吴桂芳", "correspondent"))
    _, memberships = extract_people(article("柯桥区召开会议。", credits=credits), PLACES, ORGS, res)
    assert {(m.person, m.title) for m in memberships} == {("林小雨", "记者"), ("周明", "实习生"), ("吴桂芳", "通讯员")}


def test_reporter_named_again_in_the_byline_text_is_not_lengthened(res: Resources) -> None:
    credits = (Credit("严冬", "reporter"), Credit("勇祖", "correspondent"))
    persons, _ = extract_people(article("记者严冬通讯员勇祖", credits=credits), PLACES, ORGS, res)
    assert {p.name for p in persons} == {"严冬", "勇祖"}


def test_byline_printed_without_a_title_gives_none(res: Resources) -> None:
    printed = Sentence(100, 105, "(钱多多)")
    credits = (
        Credit("钱多多", "reporter", span=printed),
        Credit("严冬", "reporter", span=Sentence(0, 6, "本报记者 严冬")),
    )
    _, memberships = extract_people(article("柯桥区召开会议。", credits=credits), PLACES, ORGS, res)
    assert {(m.person, m.title) for m in memberships} == {("严冬", "记者")}
    assert next(iter(memberships)).evidence[0].text == "本报记者 严冬"


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("养殖户李德旺说，今年收入翻了一番。", ("李德旺", "养殖户", None)),
        ("种植户王桂兰也在忙着采茶。", ("王桂兰", "种植户", None)),
        ("民宿业主田小燕介绍，周末游客很多。", ("田小燕", "民宿业主", None)),
        ("返乡青年张宏伟带着年轻人做直播。", ("张宏伟", "返乡青年", None)),
        ("脱贫户赵有福笑着说日子好了。", ("赵有福", "脱贫户", None)),
        ("护林员杨光荣每天巡山。", ("杨光荣", "护林员", None)),
        ("种植户阿西日哈一年收入3万元。", ("阿西日哈", "种植户", None)),  # a Yi name in syllables
    ],
)
def test_words_for_people_are_their_roles(res: Resources, sentence: str, role: tuple[str, str, None]) -> None:
    assert role in roles(res, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "读绘本的孙女说：“奶奶讲的故事最好听。”",
        "干部联户帮扶困难群众。",
        "他的女儿说，爸爸回来后家里热闹多了。",
        "老伴在一旁笑着说。",
        "村委会主任介绍了情况。",  # 主 of 主任 is no word for people
    ],
)
def test_family_words_and_verbs_are_not_people(res: Resources, sentence: str) -> None:
    assert people(res, sentence) == {}


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("柳岸村党支部书记、“80后”的赖春生说。", ("赖春生", "书记", "柳岸村党支部")),
        ("——记柳岸村党支部书记孙建华", ("孙建华", "书记", "柳岸村党支部")),
        ("区委常委、组织部部长李国强介绍。", ("李国强", "常委", "柯桥区委")),
        ("区委常委、组织部部长李国强介绍。", ("李国强", "部长", "柯桥区委组织部")),
        ("区委常委、组织部副部长卢海波出席。", ("卢海波", "副部长", "柯桥区委组织部")),
        ("区委书记陈明说，要抓好落实。", ("陈明", "书记", "柯桥区委")),  # 陈明|说 is not 陈|明说
        ("区委副书记艾克拜尔·艾力介绍。", ("艾克拜尔·艾力", "副书记", "柯桥区委")),
        ("种植户买买提·吐尔逊正在晾房里忙碌。", ("买买提·吐尔逊", "种植户", None)),  # not 吐尔逊正
        ("村支书王德明说，路修好了。", ("王德明", "支书", None)),
        ("区委副书记陈浩说，全区今年改造小区56个。", ("陈浩", "副书记", "柯桥区委")),  # not 陈浩说
    ],
)
def test_titles_apart_from_their_names(res: Resources, sentence: str, role: tuple[str, str, str | None]) -> None:
    assert role in roles(res, sentence)


def test_a_title_before_a_form_of_address(res: Resources) -> None:
    persons, memberships = extract_people(article("社区主任张阿姨介绍了情况。"), PLACES, ORGS, res)
    assert {p.name: p.ambiguous for p in persons} == {"张阿姨": True}
    assert {(m.person, m.title) for m in memberships} == {("张阿姨", "主任")}


def test_a_government_head_does_not_take_the_party_committee(res: Resources) -> None:
    found = roles(res, "区委副书记、区长刘志军说。")
    assert ("刘志军", "副书记", "柯桥区委") in found
    assert ("刘志军", "区长", None) in found


def test_an_office_head_belongs_to_the_office_not_its_party_group(res: Resources) -> None:
    orgs = (*ORGS, Organization("柯桥区商务局党组", ("区商务局党组",), "柯桥区"), Organization("柯桥区商务局", (), "柯桥区"))
    _, memberships = extract_people(article("区商务局党组书记、局长钟强介绍。"), PLACES, orgs, res)
    found = {(m.person, m.title, m.organization) for m in memberships}
    assert {("钟强", "书记", "柯桥区商务局党组"), ("钟强", "局长", "柯桥区商务局")} <= found


def test_a_second_title_with_its_own_body(res: Resources) -> None:
    orgs = (*ORGS, Organization("柳岸村委会", ("村委会",), "柳岸村"))
    _, memberships = extract_people(article("柳岸村党支部书记、村委会主任孙建华说。"), PLACES, orgs, res)
    found = {(m.person, m.title, m.organization) for m in memberships}
    assert {("孙建华", "书记", "柳岸村党支部"), ("孙建华", "主任", "柳岸村委会")} <= found


def test_a_title_after_a_name_and_shi(res: Resources) -> None:
    assert ("孙建华", "书记", "柳岸村党支部") in roles(res, "孙建华是柳岸村党支部书记，今年50岁。")
    assert roles(res, "大家都说，孙建华是干事的人。") == set()  # 干事 here is no post


def test_a_named_cooperative_gives_its_head(res: Resources) -> None:
    orgs = (*ORGS, Organization("杨梅专业合作社", (), None))
    _, memberships = extract_people(article("杨梅专业合作社负责人丘玉兰说。"), PLACES, orgs, res)
    assert ("丘玉兰", "负责人", "杨梅专业合作社") in {(m.person, m.title, m.organization) for m in memberships}


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("柳岸村党总支书记林小川介绍，村里种上了果树。", "书记"),  # 总支|书记, not 支书 + 记
        ("村支书林小川说，村里种上了果树。", "支书"),
    ],
)
def test_a_title_is_not_read_across_the_start_of_another(res: Resources, sentence: str, title: str) -> None:
    assert ("林小川", title) in {(person, held) for person, held, _ in roles(res, sentence)}


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("“饭菜软和。”72岁的林秀英女士说。", {"林秀英"}),
        ("住在青松社区5号楼的林秀英老人今年81岁。", {"林秀英"}),
        ("张女士说，饭菜很好。", {"张女士"}),
        ("村里的留守老人和空巢老人有了食堂。", set()),
        ("社区为高龄老人送餐。", set()),
    ],
)
def test_a_full_name_before_a_form_of_address(res: Resources, sentence: str, names: set[str]) -> None:
    assert set(people(res, sentence)) == names


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("村委会主任赵文强说，路修好了。", "赵文强"),  # 强 ends the name: 强说 is no word
        ("村委会主任周国强介绍，路修好了。", "周国强"),
        ("村委会主任周建强调，要修好路。", "周建"),  # 强调: the word after the name
    ],
)
def test_a_given_name_may_end_in_a_character_that_begins_a_verb(res: Resources, sentence: str, name: str) -> None:
    assert set(people(res, sentence)) == {name}


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("“订单不愁了。”绣娘孙巧云说。", ("孙巧云", "绣娘", None)),
        ("“竹器好卖。”篾匠钱德顺笑着说。", ("钱德顺", "篾匠", None)),
        ("“今年收成好。”菇农吴大山说。", ("吴大山", "菇农", None)),
    ],
)
def test_crafts_and_growers_are_words_for_people(res: Resources, sentence: str, role: tuple[str, str, None]) -> None:
    assert role in roles(res, sentence)


def test_a_government_head_holds_the_post_in_the_government_of_that_level(res: Resources) -> None:
    orgs = (*ORGS, Organization("柯桥区人民政府", ("柯桥区政府",), "柯桥区"))
    sentence = "柯桥区委副书记、区长孙启明说，今年要办好十件实事。"
    _, memberships = extract_people(article(sentence), PLACES, orgs, res)
    found = {(m.person, m.title, m.organization) for m in memberships}
    assert {("孙启明", "副书记", "柯桥区委"), ("孙启明", "区长", "柯桥区人民政府")} <= found
