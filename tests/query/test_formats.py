"""Result formats: a table aligned for Chinese text, and standard formats that parse back to the same rows."""

from __future__ import annotations

import pyoxigraph
import pytest
from wcwidth import wcswidth

from govkg.errors import QueryError
from govkg.query import answer, render_table, run
from govkg.query.engine import QueryResult

QUERY = """SELECT DISTINCT ?article ?headline ?date WHERE {
  ?article schema:author/rdfs:label '林晓'@zh ; schema:headline ?headline .
  OPTIONAL { ?article schema:datePublished ?date }
} ORDER BY ?article"""


def cut_at(line: str, width: int) -> int | None:
    """The index in ``line`` where exactly ``width`` display cells have been used, if there is one."""
    used = 0
    for index, char in enumerate(line):
        if used == width:
            return index
        used += wcswidth(char)
    return len(line) if used == width else None


def test_table_columns_line_up_by_display_width(tiny):
    lines = answer(tiny, QUERY, fmt="table").decode("utf-8").splitlines()
    header, rule, *body, count = lines
    starts = [i for i, ch in enumerate(rule) if ch == "-" and i > 0 and rule[i - 1] == " "]
    assert len(starts) == 2 and len(body) == 3
    for line in [header, *body]:
        for start in starts:
            if wcswidth(line) > start:
                index = cut_at(line, start)
                assert index is not None and line[index - 2 : index] == "  " and line[index] != " "
    assert any(wcswidth(h) != len(h) for h in body)
    assert count == "(3 rows)"


def test_table_cells_show_short_iris_and_plain_literals(tiny):
    text = answer(tiny, QUERY, fmt="table").decode("utf-8")
    assert "id:article/a1/0" in text and "一碗热饭暖人心" in text and "2026-03-02" in text
    assert "^^" not in text and "@zh" not in text


@pytest.mark.parametrize("limit", [10, 0])
def test_table_clips_long_cells_unless_told_not_to(tiny, limit):
    query = "SELECT ?t WHERE { ?e gk:text ?t } ORDER BY ?t"
    text = answer(tiny, query, fmt="table", max_width=limit).decode()
    widths = [wcswidth(line) for line in text.splitlines()[2:-1]]
    full = max(wcswidth(t) for t in run(tiny, query).column("t"))
    assert max(widths) == (limit or full)
    assert ("…" in text) == (limit > 0)


def test_table_of_an_ask_and_of_a_graph(tiny):
    assert answer(tiny, "ASK { ?s a gk:Program }", fmt="table") == b"true\n"
    text = answer(tiny, "CONSTRUCT { ?p a gk:Program } WHERE { ?p a gk:Program }", fmt="table").decode()
    assert text.splitlines()[0].split() == ["subject", "predicate", "object"]
    assert "rdf:type" in text and "gk:Program" in text


@pytest.mark.parametrize(
    ("fmt", "results_format"),
    [
        ("json", pyoxigraph.QueryResultsFormat.JSON),
        ("xml", pyoxigraph.QueryResultsFormat.XML),
        ("tsv", pyoxigraph.QueryResultsFormat.TSV),
    ],
)
def test_standard_formats_parse_back_to_the_same_rows(tiny, fmt, results_format):
    expected = run(tiny, QUERY)
    parsed = pyoxigraph.parse_query_results(answer(tiny, QUERY, fmt=fmt), format=results_format)
    assert [v.value for v in parsed.variables] == list(expected.variables)
    assert [tuple(solution) for solution in parsed] == list(expected.rows)


def test_csv_has_a_header_and_plain_values(tiny):
    lines = answer(tiny, QUERY, fmt="csv").decode("utf-8").splitlines()
    assert lines[0] == "article,headline,date"
    assert lines[1] == "https://w3id.org/govkg/id/article/a1/0,一碗热饭暖人心,2026-03-02"
    assert lines[2].endswith("书香飘进社区,")


@pytest.mark.parametrize(
    ("fmt", "rdf_format"),
    [
        ("turtle", pyoxigraph.RdfFormat.TURTLE),
        ("ntriples", pyoxigraph.RdfFormat.N_TRIPLES),
        ("json", pyoxigraph.RdfFormat.JSON_LD),
        ("xml", pyoxigraph.RdfFormat.RDF_XML),
    ],
)
def test_graph_answers_in_rdf_formats(tiny, fmt, rdf_format):
    query = "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a gk:Program ; rdfs:label ?l }"
    triples = set(pyoxigraph.parse(answer(tiny, query, fmt=fmt), format=rdf_format))
    assert {t.object.value for t in triples} == {"共享书屋", "邻里食堂"}


@pytest.mark.parametrize(
    ("query", "fmt", "message"),
    [
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "csv", "answer is a graph"),
        ("SELECT * WHERE { ?s ?p ?o }", "turtle", "is for graphs"),
        ("SELECT * WHERE { ?s ?p ?o }", "yaml", "unknown format 'yaml'"),
    ],
)
def test_formats_that_do_not_fit_the_answer(tiny, query, fmt, message):
    with pytest.raises(QueryError, match=message):
        answer(tiny, query, fmt=fmt)


def test_an_empty_select_is_a_header_and_a_count():
    result = QueryResult("select", ("a", "地点"))
    assert render_table(result).splitlines() == ["a  地点", "-  ----", "(0 rows)"]
