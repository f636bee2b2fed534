"""Traditional → simplified for extraction: same length, original characters back in the facts."""

from __future__ import annotations

import pytest

from govkg.ingest.script import Restorer, converter
from govkg.model import Article, ArticleFacts, Credit, Evidence, Metric, Place, Program, Sentence


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("區委書記說：發展經濟是頭等大事。", "区委书记说：发展经济是头等大事。"),
        ("這裡的街道乾淨整潔", "这里的街道干净整洁"),  # 乾 → 干 as a character
        ("乾坤大挪移", "乾坤大挪移"),  # but 乾坤 is a phrase that keeps 乾
        ("於是後來", "于是后来"),
        ("新建公園12個，投入3億元", "新建公园12个，投入3亿元"),
        ("plain ASCII 123", "plain ASCII 123"),
    ],
)
def test_conversion_is_character_for_character(traditional, simplified):
    converted = converter().simplified(traditional)
    assert converted == simplified
    assert len(converted) == len(traditional)


@pytest.mark.parametrize(
    ("text", "traditional"),
    [
        ("區人民政府召開會議，部署今年冬季供暖保障工作。", True),
        ("区人民政府召开会议，部署今年冬季供暖保障工作。", False),
        ("著名作家在乾隆年间的故事", False),  # simplified text keeps a few characters OpenCC would change
        ("Only Latin letters here.", False),
    ],
)
def test_traditional_text_is_recognised(text, traditional):
    assert converter().is_traditional(text) is traditional


def test_restorer_puts_back_the_printed_characters():
    original = "臺北市舉辦「綠色出行」活動，參與者達5萬人次。"
    converted = converter().simplified(original)
    sentence = Sentence(0, len(original), converted)
    article = Article("d", 0, "article", converted[:10], 0, len(original), credits=(Credit("张偉", "reporter"),),
                      sentences=(sentence,))
    ev = Evidence.of(article, sentence)
    facts = ArticleFacts(
        article,
        places=(Place("台北市", evidence=(ev,)),),
        programs=(Program("绿色出行", aliases=("「绿色出行」活动",), evidence=(ev,)),),
        metrics=(Metric(5, "万人次", "5万人次", measure="参与者", evidence=(ev,)),),
    )
    back = Restorer(original, converted).facts(facts)
    assert back.article.sentences[0].text == original
    assert back.article.headline == original[:10]
    assert back.places[0].name == "台北市" and back.places[0].aliases == ("臺北市",)
    assert back.places[0].evidence[0].text == original
    assert back.programs[0].aliases == ("「绿色出行」活动", "綠色出行", "「綠色出行」活動")
    assert back.metrics[0].measure == "參與者"
    assert back.metrics[0].evidence[0].text == original
    assert back.article.credits[0].name == "张偉"  # not in the text: nothing to restore
