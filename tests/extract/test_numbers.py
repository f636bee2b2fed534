"""The quantity parser: numerals, 万/亿 scales, qualifiers, ranges, and what is not a quantity."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govkg.extract.numbers import NumberRules, chinese_integer, parse_quantity


@pytest.fixture(scope="module")
def rules() -> NumberRules:
    return NumberRules.load()


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("1260余份", "1260", "份", "余"),
        ("十几名", "10", "名", "余"),
        ("二十几户", "20", "户", "余"),
        ("一成以上", "1", "成", "以上"),
        ("三万斤", "3", "万斤", None),
        ("7万余人次", "7", "万人次", "余"),
        ("13.05亿元", "13.05", "亿元", None),
        ("856.3公顷", "856.3", "公顷", None),
        ("67%", "67", "%", None),
        ("67％", "67", "%", None),
        ("四千余名", "4000", "名", "余"),
        ("两批", "2", "批", None),
        ("七成", "7", "成", None),
        ("2.36万人", "2.36", "万人", None),
        ("百万元", "100", "万元", None),
        ("千万元", "1000", "万元", None),
        ("一万二千元", "12000", "元", None),
        ("二十多家", "20", "家", "余"),
        ("近万户", "1", "万户", "近"),
        ("上百名", "100", "名", "超"),
        ("上万名", "1", "万名", "超"),
        ("突破12亿元", "12", "亿元", "超"),
        ("超过300家", "300", "家", "超"),
        ("逾80%", "80", "%", "超"),
        ("约40%", "40", "%", "约"),
        ("25%左右", "25", "%", "约"),
        ("3000多人", "3000", "人", "余"),
        ("40多万元", "40", "万元", "余"),
        ("16余万元", "16", "万元", "余"),
        ("50个以上", "50", "个", "以上"),
        ("10分钟以内", "10", "分钟", "以内"),
        ("千年一遇", "1000", "年一遇", None),
        ("百分之九十", "90", "%", None),
        ("百分之95以上", "95", "%", "以上"),
    ],
)
def test_parse_quantity(rules, text, value, unit, qualifier):
    q = parse_quantity(text, rules)
    assert q is not None
    assert (q.value, q.unit, q.qualifier) == (Decimal(value), unit, qualifier)
    assert q.text == text


@pytest.mark.parametrize(
    ("text", "upper", "unit"),
    [("3至5个", "5", "个"), ("5-8名", "8", "名"), ("12—15万元", "15", "万元"), ("三至五名", "5", "名")],
)
def test_a_range_keeps_its_upper_bound(rules, text, upper, unit):
    q = parse_quantity(text, rules)
    assert (q.value, q.unit) == (Decimal(upper), unit)


@pytest.mark.parametrize(
    ("sentence", "text", "upper", "unit", "qualifier"),
    [
        ("年收益按6%至9%计算", "6%至9%", "9", "%", None),
        ("增收50万元至70多万元", "50万元至70多万元", "70", "万元", "余"),
    ],
)
def test_a_range_written_with_both_units_is_one_quantity(rules, sentence, text, upper, unit, qualifier):
    (q,) = rules.find(sentence)
    assert (q.text, q.value, q.unit, q.qualifier) == (text, Decimal(upper), unit, qualifier)


@pytest.mark.parametrize(
    "sentence",
    [
        "第三期培训班开班",  # ordinal
        "几十名志愿者赶来帮忙",  # a vague count
        "他一个人守着果园",  # 一 as an article
        "他1995年参军入伍",  # a year
        "85岁的老人坐在门口",  # an age
        "图书馆早上8:30开门",  # a clock time
        "咨询电话:12345678",  # a phone number
        "这批90后青年很能干",  # a cohort
        "四五个村联合办会",  # a vague estimate
        "办个一两期不难",  # a vague estimate
        "走进千家万户",  # an idiom of round numbers
        "一名队员走在前面",  # 一 as an article
        "牢记两个维护",  # a set phrase with a small numeral
        "力争在5年内建成",  # a target, not a duration achieved
        "服务窗口24小时在线",  # an opening time
        "推进五河六湖工程",  # a number inside a name
    ],
)
def test_not_quantities(rules, sentence):
    assert rules.find(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("该村有1230户4.6万人", ["1230户", "4.6万人"]),
        ("提前2年完成建设任务", ["2年"]),
        ("为期3天的集中轮训", ["3天"]),
        ("办理时间压缩至20分钟", ["20分钟"]),
        ("迎来近千名游客", ["近千名"]),
        ("总投资超2.5亿，当年见效", ["超2.5亿"]),  # a bare 万/亿 is the unit
        ("千万不要以防万一", []),
    ],
)
def test_quantities_found_in_sentences(rules, sentence, found):
    assert [q.text for q in rules.find(sentence)] == found


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("三千", 3000),
        ("一万二千", 12000),
        ("十五", 15),
        ("二十", 20),
        ("一百零五", 105),
        ("两百", 200),
        ("万千", None),
        ("一两", None),
        ("十百", None),
    ],
)
def test_chinese_integer(numeral, value):
    assert chinese_integer(numeral) == value


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("今年化解矛盾纠纷120余起。", ["120余起"]),
        ("查处违法案件8宗。", ["8宗"]),
        ("村里的茶产业从1起步。", []),  # 起步: the unit's character begins another word
    ],
)
def test_case_units(text, found):
    assert [q.text for q in NumberRules.load().find(text)] == found


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("一般咨询2至3天内答复", "2至3天", "3", "天"),  # a range of days is a duration
        ("审批三至五个工作日办结", "三至五个工作日", "5", "个工作日"),
        ("养蜂一年能挣六七万元", "六七万元", "7", "万元"),  # an estimate with a place value
        ("每晚有二三十人来跳舞", "二三十人", "30", "人"),
        ("旺季来了四五千名游客", "四五千名", "5000", "名"),
        ("志愿服务时长累计达2.3万小时", "2.3万小时", "2.3", "万小时"),  # 时长 names a duration
        ("年度考核得分96.5分", "96.5分", "96.5", "分"),  # points after a word naming a score
        ("居民累计兑换积分12万分", "12万分", "12", "万分"),
        ("森林覆盖率稳定，水质综合指数提升至0.87，", "0.87", "0.87", ""),  # a ratio has no unit
        ("耕地灌溉系数0.58", "0.58", "0.58", ""),
    ],
)
def test_durations_estimates_points_and_ratios(rules, sentence, text, value, unit):
    (q,) = rules.find(sentence)
    assert (q.text, q.value, q.unit) == (text, Decimal(value), unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "2019至2023年连续举办",  # a range of years is a period
        "这件事十分重要",  # 十分: a word
        "下午3时20分开会",  # minutes of a clock time
        "他打了5分钟电话就走了",  # a duration with no cue: narrative
        "五六个人围坐在一起",  # an estimate without a place value stays vague
        "价格指数为主要参考",  # a ratio named, no number
    ],
)
def test_not_durations_estimates_points_or_ratios(rules, sentence):
    assert rules.find(sentence) == []
