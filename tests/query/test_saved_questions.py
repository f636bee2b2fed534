"""Every saved question: its header, its parameters, and its answers on a graph whose facts we know."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib.plugins.sparql import prepareQuery

from govkg.errors import QueryError
from govkg.query import run, saved_question, saved_questions
from govkg.query.saved import read_question

QUESTIONS = saved_questions()
REQUIRED = {
    "programs-in-region",
    "officials-by-program",
    "metrics-by-region",
    "quoted-people",
    "articles-by-reporter",
    "programs-sharing-places",
    "neighbourhood",
    "evidence",
    "wikidata-places",
}


def test_the_questions_the_issue_asks_for_are_saved():
    assert set(QUESTIONS) >= REQUIRED


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_each_question_says_what_it_answers_and_parses_in_two_engines(name):
    question = QUESTIONS[name]
    assert question.summary and question.summary[0].isupper()
    assert any("\u4e00" <= ch <= "\u9fff" for line in question.description for ch in line)
    pyoxigraph.Store().query(question.text)  # parsed; evaluation is lazy, so SERVICE is not called
    prepareQuery(question.text)


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_each_parameter_is_a_selected_variable(name):
    question = QUESTIONS[name]
    select = question.text[question.text.index("SELECT") : question.text.index("WHERE")]
    for parameter in question.parameters:
        assert f"?{parameter.name}" in select.split(), parameter.name


def test_only_the_wikidata_question_needs_the_network():
    assert {name for name, q in QUESTIONS.items() if q.network} == {"wikidata-places"}
    assert "wdt:P442 ?adcode" in QUESTIONS["wikidata-places"].text


def test_a_required_parameter_must_be_given(tiny):
    with pytest.raises(QueryError, match=r"programs-in-region: needs --param region="):
        run(tiny, "programs-in-region")


def test_an_undeclared_parameter_is_refused(tiny):
    with pytest.raises(QueryError, match=r"no parameter 'place' \(parameters: region\)"):
        run(tiny, "programs-in-region", {"region": "宁波市", "place": "x"})


def test_a_header_without_a_summary_is_refused(tmp_path):
    path = tmp_path / "bare.rq"
    path.write_text("SELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"bare\.rq: a saved question starts with a comment"):
        read_question(path)


def test_a_bad_parameter_line_is_refused(tmp_path):
    path = tmp_path / "odd.rq"
    path.write_text("# Something.\n# param who (person): a person\nSELECT ?who WHERE {}\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"odd\.rq: bad parameter line"):
        read_question(path)


def rows(result, *columns):
    return sorted(tuple(values) for values in zip(*(result.column(c) for c in columns), strict=True))


# The hand-made graph: 竹园社区 ⊂ 青林街道 ⊂ 海曙区 ⊂ 宁波市 ⊂ 浙江省 ⊃ 杭州市 ⊃ 西湖区;
# 邻里食堂 runs in 竹园社区, 共享书屋 in 竹园社区 and 西湖区; 何芳 is 局长 of 海曙区民政局.
TINY_ANSWERS = [
    (
        "programs-in-region",
        {"region": "宁波"},
        ("programName", "placeName"),
        [("共享书屋", "竹园社区"), ("邻里食堂", "竹园社区")],
    ),
    (
        "programs-in-region",
        {"region": "浙江省"},
        ("programName", "placeName"),
        [("共享书屋", "竹园社区"), ("共享书屋", "西湖区"), ("邻里食堂", "竹园社区")],
    ),
    ("programs-in-region", {"region": "杭州市"}, ("programName", "placeName"), [("共享书屋", "西湖区")]),
    ("programs-in-region", {"region": "竹园社区"}, ("programName",), [("共享书屋",), ("邻里食堂",)]),
    (
        "officials-by-program",
        {},
        ("program", "person", "title", "organization"),
        [("邻里食堂", "何芳", "局长", "海曙区民政局")],
    ),
    ("officials-by-program", {"program": "共享书屋"}, ("person",), []),
    # 共享书屋 also runs in 竹园社区, so its 8 个 count for 宁波市 too; 浙江省 counts each metric once.
    (
        "metrics-by-region",
        {"region": "宁波市"},
        ("unit", "total", "metrics"),
        [("万人次", "3.5", "1"), ("个", "20", "2")],
    ),
    (
        "metrics-by-region",
        {"region": "浙江省"},
        ("unit", "total", "metrics"),
        [("万人次", "3.5", "1"), ("个", "20", "2")],
    ),
    ("metrics-by-region", {"region": "西湖区"}, ("unit", "total"), [("个", "8")]),
    ("quoted-people", {}, ("person", "program", "headline"), [("何芳", "邻里食堂", "一碗热饭暖人心")]),
    (
        "articles-by-reporter",
        {"reporter": "林晓"},
        ("headline",),
        [("一碗热饭暖人心",), ("书香飘进社区",), ("湖畔书屋开门迎客",)],
    ),
    ("articles-by-reporter", {"reporter": "陈默"}, ("headline",), [("湖畔书屋开门迎客",)]),
    ("articles-by-reporter", {"reporter": "周川"}, ("headline",), []),
    (
        "programs-sharing-places",
        {},
        ("program", "other", "place"),
        [("共享书屋", "邻里食堂", "竹园社区"), ("邻里食堂", "共享书屋", "竹园社区")],
    ),
    ("programs-sharing-places", {"program": "邻里食堂"}, ("other",), [("共享书屋",)]),
    ("evidence", {"entity": "何芳"}, ("start", "end", "headline"), [("40", "88", "一碗热饭暖人心")]),
    ("evidence", {"entity": "共享书屋"}, ("start", "end"), [("10", "40"), ("10", "40"), ("89", "120")]),
]


@pytest.mark.parametrize(("name", "params", "columns", "expected"), TINY_ANSWERS)
def test_answers_on_the_hand_made_graph(tiny, name, params, columns, expected):
    assert rows(run(tiny, name, params), *columns) == sorted(expected)


def test_the_metric_figures_are_numbers_not_strings(tiny):
    result = run(tiny, "metrics-by-region", {"region": "浙江省"})
    totals = {
        row[result.variables.index("unit")].value: row[result.variables.index("total")] for row in result.rows
    }
    assert totals["个"].datatype.value.endswith("#decimal")


def test_the_neighbourhood_stops_at_two_hops(tiny):
    result = run(tiny, "neighbourhood", {"entity": "海曙区民政局"})
    distance = {
        node: int(d)
        for node, d in zip(result.column("label"), result.column("distance"), strict=True)
        if node
    }
    assert distance["海曙区"] == 1 and distance["邻里食堂"] == 1
    assert distance["何芳"] == 2 and distance["宁波市"] == 2 and distance["局长"] == 2
    assert "浙江省" not in distance and "西湖区" not in distance


def test_the_evidence_sentence_is_the_one_the_fact_was_read_from(tiny):
    result = run(tiny, "evidence", {"entity": "邻里食堂"})
    sentences = dict(zip(result.column("kind"), result.column("sentence"), strict=True))
    assert "何芳说" in sentences["https://w3id.org/govkg/ontology#Program"]
    assert "12余个" in sentences["https://w3id.org/govkg/ontology#Metric"]


def test_saved_questions_can_be_read_from_another_folder(tmp_path):
    (tmp_path / "mine.rq").write_text(
        "# Count everything.\n# 统计。\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n"
    )
    assert saved_question("mine", tmp_path).summary == "Count everything."
