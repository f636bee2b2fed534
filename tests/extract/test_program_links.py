"""Where a program runs, on paragraphs of our own: the sites the text names, not places in passing."""

from __future__ import annotations

import pytest

from govkg.extract.program_links import joined
from govkg.extract.programs import extract_programs
from govkg.model import Article, Place, Sentence

VILLAGE_PLACES = (
    Place("临溪县", level="county"),
    Place("松岭镇", level="township", parent="临溪县"),
    Place("桃源村", level="village", parent="松岭镇"),
    Place("杏花村", level="village", parent="松岭镇"),
)


def paragraph(*sentences: str) -> Article:
    """Sentences of one paragraph, written end to end."""
    out, pos = [], 0
    for s in sentences:
        out.append(Sentence(pos, pos + len(s), s))
        pos += len(s)
    return Article("doc", 0, "article", "标题", 0, pos, sentences=tuple(out))


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # the villages it is piloted in, not the town that pilots it nor the county
        (["临溪县松岭镇大力发展乡村治理。", "松岭镇在桃源村、杏花村试点“积分超市”。"], {"桃源村", "杏花村"}),
        # the sites of a pilot named in the paragraph after it
        (["松岭镇推行“积分超市”。", "目前，以桃源村、杏花村等6个村为试点。"], {"松岭镇", "桃源村", "杏花村"}),
        # a place named as a companion is not where it runs
        (["桃源村是远近闻名的茶叶村。", "桃源村的党员同松岭镇干部一起推行“积分超市”。"], {"桃源村"}),
        # one place named before it: that place and the place the article is about
        (["临溪县大力发展乡村旅游。", "临溪县还在松岭镇举办“乡村好声音”歌唱比赛。"], {"临溪县", "松岭镇"}),
    ],
)
def test_where_a_program_runs(res, sentences, expected):
    (program,) = extract_programs(paragraph(*sentences), VILLAGE_PLACES, (), (), (), res)
    assert set(program.places) == expected


def test_joined_texts_keep_where_each_text_starts():
    texts = ["松岭镇推行“积分超市”。", "", "目前，以桃源村为试点。"]
    text, starts = joined(texts)
    assert [text[s : s + len(t)] for s, t in zip(starts, texts, strict=True)] == texts


COMMUNITY_PLACES = (
    Place("临溪县", level="county"),
    Place("松岭街道", level="subdistrict", parent="临溪县"),
    Place("桃源社区", level="community", parent="松岭街道"),
)


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # a bare level word opening the clause stands for the place of that level named last
        (["临溪县桃源社区党委书记表示，社区将推出“银龄餐桌”。"], {"桃源社区"}),
        (["松岭街道召开会议。", "会上介绍，街道推行干部下沉到社区“双认领”。"], {"松岭街道"}),
        # no place of that level named before: the place the article is about
        (["临溪县召开会议。", "会上介绍，街道推行干部下沉到村“双认领”。"], {"临溪县"}),
    ],
)
def test_a_bare_level_word_names_the_site(res, sentences, expected):
    (program,) = extract_programs(paragraph(*sentences), COMMUNITY_PLACES, (), (), (), res)
    assert set(program.places) == expected


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # a later short form (the name without its first two characters, with a kind word) is a mention
        (["临溪县开展“石桥夜谈”活动。", "桃源村已开展夜谈活动20场。"], {"临溪县", "桃源村"}),
        # a short form of a five-character name needs no kind word
        (["临溪县推出“松乡好管家”。", "桃源村的好管家上门服务。"], {"临溪县", "桃源村"}),
        # two characters alone are not a mention
        (["临溪县开展“石桥夜谈”活动。", "桃源村夜谈很热闹。"], {"临溪县"}),
    ],
)
def test_a_short_form_is_a_mention(res, sentences, expected):
    (program,) = extract_programs(paragraph(*sentences), VILLAGE_PLACES, (), (), (), res)
    assert set(program.places) == expected
    assert not {"夜谈活动", "好管家"} & set(program.aliases)  # a place, not an alias: too loose for metrics


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # introduced as one unit's own (该镇推行“X”): that unit, not the county the article is about
        (["临溪县松岭镇大力发展乡村治理。", "该镇推行“积分超市”，群众参与热情高。"], {"松岭镇"}),
        # introduced county-wide, then taken up by a unit: both
        (
            [
                "临溪县大力发展乡村治理。",
                "近年来，临溪县坚持党建引领，探索推广“积分超市”模式。",
                "桃源村干部说，村里依托“积分超市”发展产业。",
            ],
            {"临溪县", "桃源村"},
        ),
    ],
)
def test_a_unit_named_deictically_at_first_mention_runs_it(res, sentences, expected):
    (program,) = extract_programs(paragraph(*sentences), VILLAGE_PLACES, (), (), (), res)
    assert set(program.places) == expected


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # a sentence's opening frame (在X，…) sets where a program it introduces runs
        (["临溪县大力发展乡村治理。", "在松岭镇，村民说起“积分超市”模式，个个赞不绝口。"], {"松岭镇"}),
        # not a frame: more than a few words after the place
        (["临溪县大力发展乡村治理。", "在松岭镇召开的会议上，干部介绍了“积分超市”模式。"], {"临溪县"}),
    ],
)
def test_an_opening_frame_names_the_site(res, sentences, expected):
    (program,) = extract_programs(paragraph(*sentences), VILLAGE_PLACES, (), (), (), res)
    assert set(program.places) == expected


RESERVOIR_PLACES = (*VILLAGE_PLACES, Place("青龙水库", level="named", parent="临溪县"))


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # a program the text gives to the county, in an article about one of its villages
        (
            ["桃源村位于松岭镇。", "桃源村种茶已有百年。", "借着临溪县实施茶乡产业振兴工程的东风，桃源村发展起民宿。"],
            {"茶乡产业振兴工程": {"临溪县"}},
        ),
        # the village's own program still gets the village
        (["桃源村位于松岭镇。", "桃源村种茶已有百年。", "桃源村推出“茶香课堂”，培训茶农。"], {"茶香课堂": {"桃源村"}}),
        # a place inside another item of the list is that item's site; one a name opens with is its own
        (
            ["临溪县召开交通会。", "会上，县交通局负责人介绍了青龙水库引水工程、“清渠入田”改造提升等项目进展。"],
            {"青龙水库引水工程": {"临溪县", "青龙水库"}, "清渠入田改造提升": {"临溪县"}},
        ),
    ],
)
def test_enclosing_places_and_places_in_names(res, sentences, expected):
    programs = extract_programs(paragraph(*sentences), RESERVOIR_PLACES, (), (), (), res)
    assert {p.name: set(p.places) for p in programs} == expected
