"""Layout rules, each on a small page of our own."""

from __future__ import annotations

import pytest

from govkg.ingest.layout import LayoutReader
from govkg.model import Document

PAGE = """
基层观察

村里的路修好了

□本报记者 李明 通讯员 王芳

“路修好了，果子也好卖了。”近日，东山县西坡村村民说。

今年以来，东山县新修村道120公里，惠及群众3万余人。

产业兴旺，为村民办实事

村里建起了合作社，带动农户200户。

山村夜色

晚上，西坡村文化广场上灯火通明。图为村民在广场上跳舞。

刘一 摄

民生周刊

□本报记者 赵云

记者走进南湖社区，看到居民正在排队体检。社区负责人介绍，今年已为老人提供上门服务
小区换新颜
600余次。
"""


def _read(text: str, words=()) -> list:
    doc = Document("page.txt", "page.txt", text, "utf-8", "0")
    return LayoutReader(lambda w: w in set(words)).articles(doc)


@pytest.fixture(scope="module")
def page():
    return PAGE, _read(PAGE)


def test_items_headlines_and_sections(page):
    _, articles = page
    assert [(a.headline, a.section, a.kind) for a in articles] == [
        ("村里的路修好了", "基层观察", "article"),
        ("山村夜色", None, "photo"),
        ("小区换新颜", "民生周刊", "article"),
    ]


def test_byline_credits(page):
    _, articles = page
    assert [(c.name, c.role) for c in articles[0].credits] == [("李明", "reporter"), ("王芳", "correspondent")]
    assert [(c.name, c.role) for c in articles[1].credits] == [("刘一", "photographer")]


def test_sub_headings_stay_in_their_article(page):
    _, articles = page
    texts = [s.text for s in articles[0].sentences]
    assert "产业兴旺，为村民办实事" in texts


def test_every_sentence_slices_the_source(page):
    text, articles = page
    for article in articles:
        for s in article.sentences:
            assert text[s.start:s.end] == s.text
        assert article.start < article.end


def test_headline_printed_inside_the_body_is_found_and_the_sentences_around_it_kept(page):
    _, articles = page
    body = [s.clean for s in articles[2].sentences]
    assert "小区换新颜" not in body
    assert any(s.endswith("今年已为老人提供上门服务") for s in body)


def test_a_line_broken_mid_sentence_is_joined():
    text = "标题在此\n\n本报讯(记者 林海)全县今年新建\n\n公园12个，绿道30公里。\n"
    (article,) = _read(text)
    assert [s.clean for s in article.sentences] == ["全县今年新建公园12个，绿道30公里。"]
    assert article.credits[0].name == "林海"


def test_a_short_line_broken_mid_word_is_not_a_heading():
    text = "标题在此\n\n第一段讲完了。\n\n干部们努力打\n\n通服务群众的渠道。\n"
    (article,) = _read(text, words=["打通"])
    assert [s.clean for s in article.sentences] == ["第一段讲完了。", "干部们努力打通服务群众的渠道。"]


def test_bracketed_tag_becomes_the_section_and_the_dateline_the_date():
    text = "【乡村振兴在行动】果园里的新农人\n\n2022年6月1日 08:30   来源:江城晚报\n\n江城晚报讯（记者杜鹃）昨天，记者来到果园。\n"
    (article,) = _read(text)
    assert (article.headline, article.section, article.date, article.source) == (
        "果园里的新农人", "乡村振兴在行动", "2022-06-01", "江城晚报")
    assert [(c.name, c.outlet) for c in article.credits] == [("杜鹃", "江城晚报")]


def test_page_label_and_trailing_credit():
    text = "00012版:要闻\n\n山乡巨变\n\n  全镇建成示范村8个，带动农户增收。(周游)\n"
    (article,) = _read(text)
    assert (article.section, article.headline) == ("要闻", "山乡巨变")
    assert [(c.name, c.role) for c in article.credits] == [("周游", "reporter")]
    assert article.sentences[-1].text == "全镇建成示范村8个，带动农户增收。"


def test_run_together_byline_after_captions_belongs_to_the_article():
    text = ("能人回乡记\n稿源: 海滨日报   2019-07-01 08:00:00\n\n  村委会选举现场。\n\n  记者陈刚通讯员周小英\n\n"
            "  今年换届，一批能人回到村里。\n")
    (article,) = _read(text)
    assert [(c.name, c.role, c.outlet) for c in article.credits] == [
        ("陈刚", "reporter", "海滨日报"), ("周小英", "correspondent", None)]
    assert article.date == "2019-07-01"


def test_empty_and_blank_documents_have_no_articles():
    assert _read("") == []
    assert _read("\n \u3000\n") == []


def test_crlf_line_ends_keep_offsets():
    text = "标题在此\r\n\r\n全县新建公园12个。\r\n"
    (article,) = _read(text)
    (s,) = article.sentences
    assert text[s.start:s.end] == s.text == "全县新建公园12个。"


def test_a_deck_under_the_headline_is_a_sentence_of_its_own_not_the_headline():
    text = "山里的好书记\n——记某村党支部书记\n\n□本报记者 李明\n\n他在村里干了二十年。\n"
    (article,) = _read(text)
    assert article.headline == "山里的好书记"
    assert [s.clean for s in article.sentences] == ["——记某村党支部书记", "他在村里干了二十年。"]


def test_dateline_before_the_headline_and_author_in_the_source_line():
    text = "来源：江城晚报 作者：周游 2024-01-02 10:00\n\n城东新建口袋公园\n\n今年城东建成口袋公园5个。\n"
    (article,) = _read(text)
    assert (article.headline, article.date, article.source) == ("城东新建口袋公园", "2024-01-02", "江城晚报")
    assert [(c.name, c.role) for c in article.credits] == [("周游", "reporter")]


def test_each_credit_carries_its_printed_byline_as_evidence():
    text = "标题在此\n\n□本报记者 李明\n\n本段讲完了。(周游)\n"
    (article,) = _read(text)
    for credit in article.credits:
        assert text[credit.span.start:credit.span.end] == credit.span.text
    assert [c.span.text for c in article.credits] == ["□本报记者 李明"]
    text = "标题在此\n\n本报讯(记者 林海)全县今年新建公园。\n"
    (article,) = _read(text)
    assert article.credits[0].span.text == "本报讯(记者 林海)"


@pytest.mark.parametrize(
    ("tail", "expected"),
    [("(周游)", [("周游", "reporter")]), ("（记者 陈刚 通讯员 王芳）", [("陈刚", "reporter"), ("王芳", "correspondent")]),
     ("（第一批）", [])],
)
def test_trailing_credits(tail, expected):
    text = f"山乡巨变\n\n  全镇建成示范村8个。{tail}\n"
    (article,) = _read(text)
    assert [(c.name, c.role) for c in article.credits] == expected
    assert article.sentences[-1].text.endswith("个。") is bool(expected)


def test_a_caption_with_its_credit_on_the_same_line():
    text = "小区换新颜\n\n□本报记者 李明\n\n今年小区加装电梯12部。\n\n图为居民乘坐新电梯。 王小二 摄\n\n居民都说好。\n"
    (article,) = _read(text)
    assert [(c.name, c.role) for c in article.credits] == [("李明", "reporter"), ("王小二", "photographer")]
    assert "图为居民乘坐新电梯。" in [s.text for s in article.sentences]
    photo = article.credits[1].span
    assert text[photo.start:photo.end] == photo.text == "王小二 摄"


@pytest.mark.parametrize("source_line", ["2025-03-08 09:30:12 来源：江城新闻网", "□本报记者 林小雨"])
def test_a_long_web_title_right_above_its_source_or_byline_is_the_headline(source_line):
    title = "让背街小巷“亮起来” 让居民出行“暖起来”——访江城市城市管理局局长周明远"
    (article,) = _read(f"{title}\n{source_line}\n\n今年全市改造背街小巷120条。\n")
    assert article.headline == title
    assert [s.clean for s in article.sentences] == ["今年全市改造背街小巷120条。"]


def test_a_long_paragraph_without_a_full_stop_above_a_byline_stays_a_sentence():
    text = ("江城新建口袋公园\n□本报记者 林小雨\n\n今年城东建成口袋公园5个，居民在家门口就能散步健身，"
            "不少老人说，这样的好事要多办一些，让大家都能享受到城市更新带来的便利。\n")
    (article,) = _read(text)
    assert article.headline == "江城新建口袋公园"
    assert len(article.sentences) >= 1


def test_a_short_line_above_a_paragraph_opening_with_an_inline_byline_starts_an_item():
    text = ("江城新建口袋公园\n\n本报江城讯（记者 林小雨）今年城东建成口袋公园5个。\n\n"
            "青石县新修村道30公里\n\n本报青石讯（记者周明通讯员吴桂芳）近日，青石县完成村道改造。\n")
    first, second = _read(text)
    assert (first.headline, second.headline) == ("江城新建口袋公园", "青石县新修村道30公里")
    assert [(c.name, c.role) for c in second.credits] == [("周明", "reporter"), ("吴桂芳", "correspondent")]


@pytest.mark.parametrize("desk", ["责任编辑：林 青", "（责任编辑：林 青）", "编辑 林青"])
def test_a_desk_credit_after_the_text_names_the_editor_of_that_article(desk):
    text = f"山乡巨变\n\n本报记者 周游\n\n全镇建成示范村8个，带动农户增收。\n\n{desk}\n"
    (article,) = _read(text)
    assert [(c.name, c.role) for c in article.credits] == [("周游", "reporter"), ("林青", "editor")]
    assert article.sentences[-1].text == "全镇建成示范村8个，带动农户增收。"
    editor = article.credits[-1]
    assert text[editor.span.start:editor.span.end] == editor.span.text


def test_a_page_header_with_date_and_page_editor_is_no_article_and_its_editor_edits_every_article():
    text = ("B2　乡村　　　2025年3月4日　星期二　　责编：林 青\n\n山乡巨变\n\n本报记者 周游\n\n全镇建成示范村8个。\n\n"
            "果园新事\n\n本报记者 高山\n\n果园里来了新农人。\n")
    first, second = _read(text)
    assert (first.headline, second.headline) == ("山乡巨变", "果园新事")
    for article in (first, second):
        assert ("林青", "editor", "责编") in [(c.name, c.role, c.title) for c in article.credits]
