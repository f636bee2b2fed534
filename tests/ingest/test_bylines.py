from __future__ import annotations

import pytest

from govkg.ingest.bylines import (
    is_byline_line,
    parse_credits,
    parse_dateline,
    parse_inline,
    parse_photo_credit,
)


def _credits(found):
    return [(c.name, c.role, c.outlet) for c in found]


@pytest.mark.parametrize(
    ("text", "outlet", "expected"),
    [
        ("□本报记者 李明 通讯员 王芳", None, [("李明", "reporter", None), ("王芳", "correspondent", None)]),
        ("记者陈刚通讯员周小英", "某某日报", [("陈刚", "reporter", "某某日报"), ("周小英", "correspondent", None)]),
        ("孙立记者钱多多", None, [("孙立", "correspondent", None), ("钱多多", "reporter", None)]),
        ("记者 赵 云", None, [("赵云", "reporter", None)]),
        ("记者吴迪 喀什记者站马丽报道", "边疆日报",
         [("马丽", "reporter", "边疆日报喀什记者站"), ("吴迪", "reporter", "边疆日报")]),
        ("本报记者 郑重 刘畅", None, [("郑重", "reporter", None), ("刘畅", "reporter", None)]),
    ],
)
def test_parse_credits(text, outlet, expected):
    assert sorted(_credits(parse_credits(text, outlet))) == sorted(expected)


def test_padded_two_character_name_keeps_the_printed_form():
    (credit,) = parse_credits("记者 赵 云")
    assert credit.alias == "赵 云"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("□本报记者 李明 通讯员 王芳", True),
        ("记者陈刚通讯员周小英", True),
        ("记者从市政府获悉，今年全市新建公园12个", False),
        ("今年以来全市新建公园", False),
    ],
)
def test_is_byline_line(line, expected):
    assert is_byline_line(line) is expected


@pytest.mark.parametrize(
    ("paragraph", "names", "rest"),
    [
        ("本报讯(记者 林海)近日，某县召开会议。", ["林海"], "近日，某县召开会议。"),
        ("江城晚报讯（记者杜鹃）昨天上午，", ["杜鹃"], "昨天上午，"),
        ("掌上某市报道(记者 方圆)“这个项目", ["方圆"], "“这个项目"),
    ],
)
def test_parse_inline(paragraph, names, rest):
    credits, skip = parse_inline(paragraph, None)
    assert [c.name for c in credits] == names
    assert paragraph[skip:] == rest


def test_inline_outlet_is_kept_unless_it_is_this_paper():
    credits, _ = parse_inline("江城晚报讯（记者杜鹃）昨天上午，", None)
    assert credits[0].outlet == "江城晚报"
    credits, _ = parse_inline("本报讯(记者 林海)近日，", "某某日报")
    assert credits[0].outlet == "某某日报"


def test_parenthesis_without_a_credit_label_is_not_a_byline():
    assert parse_inline("（第三批）试点名单公布。", None) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [("王小二 摄", ["王小二"]), ("李甲 张乙 摄", ["李甲", "张乙"]), ("本报记者 宋词 摄", ["宋词"]),
     ("游客在湖边拍摄", [])],
)
def test_photo_credit(line, names):
    assert [c.name for c in parse_photo_credit(line)] == names


@pytest.mark.parametrize(
    ("line", "date", "source"),
    [
        ("2021年3月5日 10:20   来源:江城晚报", "2021-03-05", "江城晚报"),
        ("稿源: 海滨日报   2019-07-01 08:00:00", "2019-07-01", "海滨日报"),
        ("http://news.example.cn 2010年1月2日09:30 某某在线-山城都市报", "2010-01-02", "山城都市报"),
    ],
)
def test_dateline(line, date, source):
    parsed = parse_dateline(line)
    assert (parsed.date, parsed.source) == (date, source)


def test_a_sentence_with_a_date_is_not_a_dateline():
    assert parse_dateline("2023年以来，全县共新建村级活动场所12个。") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("记者：陈刚", [("陈刚", "reporter")]),
        ("作者：周游", [("周游", "reporter")]),
        ("文/李白 图/杜甫", [("李白", "reporter"), ("杜甫", "photographer")]),
        ("本报通讯员 王芳", [("王芳", "correspondent")]),
        ("本报记者 陈刚 实习生 吴桐", [("陈刚", "reporter"), ("吴桐", "correspondent")]),
        ("记者 张三 李四 报道", [("张三", "reporter"), ("李四", "reporter")]),
        ("记者 陈刚 编辑 刘洋", [("陈刚", "reporter"), ("刘洋", "editor")]),
        ("记者 陈刚 校对 刘洋", [("陈刚", "reporter")]),  # the desk's other credits are dropped
        ("新华社记者王五", [("王五", "reporter")]),
    ],
)
def test_more_byline_forms(text, expected):
    assert [(c.name, c.role) for c in parse_credits(text)] == expected


def test_wire_dateline_opens_the_text():
    credits, skip = parse_inline("新华社南京3月8日电（记者张三、李四）全省今年", None)
    assert [(c.name, c.outlet) for c in credits] == [("张三", "新华社"), ("李四", "新华社")]
    assert "新华社南京3月8日电（记者张三、李四）全省今年"[skip:] == "全省今年"


def test_source_line_with_an_author():
    parsed = parse_dateline("来源：江城晚报 作者：周游 发布时间：2024-01-02 10:00")
    assert (parsed.source, parsed.date) == ("江城晚报", "2024-01-02")
    assert [(c.name, c.role) for c in parsed.credits] == [("周游", "reporter")]


def test_source_line_whose_author_field_has_byline_labels():
    parsed = parse_dateline("来源：江城日报   作者：记者 林小雨 通讯员 周明 吴桂芳   2025-03-16 07:52")
    assert [(c.name, c.role) for c in parsed.credits] == [
        ("林小雨", "reporter"), ("周明", "correspondent"), ("吴桂芳", "correspondent")]


@pytest.mark.parametrize(("line", "expected"), [("林 海 摄", [("林海", "林 海")]), ("周明 摄", [("周明", None)])])
def test_photo_credit_with_a_name_spaced_to_fill_the_column(line, expected):
    assert [(c.name, c.alias) for c in parse_photo_credit(line)] == expected


def test_an_intern_keeps_the_printed_title():
    credits = parse_credits("记者 林小雨 实习生 周明 通讯员 吴桂芳")
    assert [(c.name, c.role, c.title) for c in credits] == [
        ("林小雨", "reporter", None), ("周明", "correspondent", "实习生"), ("吴桂芳", "correspondent", None)]
