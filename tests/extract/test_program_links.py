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
