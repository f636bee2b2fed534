"""Running queries: substitution of parameters, union of named graphs, errors that say where."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from govkg.errors import QueryError
from govkg.query import Query, load_query, open_dataset, open_graph, open_store, run
from govkg.query.engine import execute

TINY = Path(__file__).parent / "fixtures" / "tiny.trig"


def test_named_graphs_are_queried_as_one_default_graph(tiny):
    result = run(tiny, "SELECT DISTINCT ?h WHERE { ?a schema:headline ?h } ORDER BY ?h")
    assert result.column("h") == sorted(["一碗热饭暖人心", "书香飘进社区", "湖畔书屋开门迎客"])


@pytest.mark.parametrize("layout", ["tiny_store", "tiny_query_store"])
def test_both_store_layouts_answer_like_the_file(tiny, layout, request):
    query = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    assert run(open_store(request.getfixturevalue(layout)), query).rows == run(tiny, query).rows


def test_the_layouts_are_told_apart(tiny_store, tiny_query_store):
    assert open_store(tiny_store).union is True
    assert open_store(tiny_query_store).union is False


def test_the_query_layout_keeps_the_documents_graphs(tiny_query_store):
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    assert run(open_store(tiny_query_store), query).column("g") == [
        "https://w3id.org/govkg/id/graph/a1",
        "https://w3id.org/govkg/id/graph/b2",
    ]


def test_a_build_output_directory_opens_its_store(tiny_store):
    assert len(open_store(tiny_store.parent).store) == len(open_store(tiny_store).store)


@pytest.mark.parametrize(
    ("query", "line", "column"),
    [
        ("SELECT * WHERE { ?s ?p ?o ", 1, 27),
        ("SELECT ?s\nWHERE {\n  ?s ?p ?o\n} ORDER ?s", 4, 11),
        ("PREFIX x: <http://x/>\nSELECT *\nWHERE { ?s x:p ?o }\nGROUP ?s", 4, 9),
    ],
)
def test_syntax_errors_give_line_and_column(tiny, query, line, column):
    with pytest.raises(QueryError, match=rf"^query: syntax error at line {line}, column {column}: "):
        run(tiny, query)


def test_syntax_errors_in_a_file_name_the_file(tiny, tmp_path):
    path = tmp_path / "broken.rq"
    path.write_text("SELECT ?s WHERE {\n  ?s ?p ?o\n}\nLIMIT ten\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"broken\.rq: syntax error at line 4, column 7"):
        run(tiny, str(path))


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("missing.rq", r"missing\.rq: no such file"),
        ("no-such-question", r"no-such-question: neither a saved question"),
    ],
)
def test_unknown_query_sources(source, message):
    with pytest.raises(QueryError, match=message):
        load_query(source)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"graph": "nowhere.ttl"}, r"nowhere\.ttl: no such file"),
        ({"store": "nowhere/store"}, r"nowhere/store: no such store"),
    ],
)
def test_unknown_datasets(kwargs, message):
    with pytest.raises(QueryError, match=message):
        open_dataset(**kwargs)


def test_an_rdf_file_that_does_not_parse_is_named(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text("<http://x/a> <http://x/p> .\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"bad\.ttl: not valid"):
        open_graph(path)


def test_an_unknown_rdf_extension_is_refused(tmp_path):
    path = tmp_path / "graph.xyz"
    path.write_text("", encoding="utf-8")
    with pytest.raises(QueryError, match=r"graph\.xyz: unknown RDF format"):
        open_graph(path)


SLOW = (
    "SELECT (COUNT(*) AS ?n) WHERE { "
    + " ".join(f"VALUES ?v{i} {{ {' '.join(map(str, range(10)))} }}" for i in range(7))
    + " }"
)


def test_a_query_over_its_time_limit_is_stopped_with_a_clear_error(tiny):
    with pytest.raises(QueryError, match=r"no answer within the time limit of 0\.05 s"):
        run(tiny, SLOW, timeout=0.05)


def test_after_a_time_out_the_next_query_gets_a_fresh_worker(tmp_path):
    dataset = open_graph(TINY)
    with pytest.raises(QueryError, match="time limit"):
        run(dataset, SLOW, timeout=0.05)
    assert run(dataset, "ASK { ?s a gk:Program }", timeout=5).boolean is True


def test_a_timed_out_worker_thread_ends_once_its_query_does():
    dataset = open_graph(TINY)
    before = set(threading.enumerate())
    with pytest.raises(QueryError, match="time limit"):
        run(dataset, SLOW, timeout=0.05)
    started = [t for t in threading.enumerate() if t not in before and t.name == "govkg-query"]
    assert len(started) == 1
    started[0].join(timeout=120)
    assert not started[0].is_alive()


def test_a_query_within_its_time_limit_answers(tiny):
    assert run(tiny, "ASK { ?s ?p ?o }", timeout=30).boolean is True


def test_errors_raised_while_reading_results_reach_the_caller(tiny):
    def refuse(results):
        raise QueryError("refused")

    with pytest.raises(QueryError, match="refused"):
        execute(tiny.store, "SELECT * WHERE { ?s ?p ?o }", consume=refuse, timeout=10)


def test_a_bound_variable_must_be_selected(tiny):
    with pytest.raises(QueryError, match=r"\?name is not in the SELECT clause"):
        run(tiny, "SELECT ?p WHERE { ?p rdfs:label ?name }", {"name": '"林晓"@zh'})


@pytest.mark.parametrize(("layout", "rows"), [("tiny_store", 2), ("tiny_query_store", 1), ("tiny", 1)])
def test_a_triple_held_by_two_graphs(layout, rows, request):
    """The union of named graphs repeats it (so the saved questions say DISTINCT); the merge does not."""
    dataset = request.getfixturevalue(layout)
    dataset = dataset if layout == "tiny" else open_store(dataset)
    assert len(run(dataset, "SELECT ?p WHERE { ?p rdfs:label '共享书屋'@zh }").rows) == rows


def test_inline_queries_know_the_contract_prefixes(tiny):
    result = run(
        tiny, Query("SELECT DISTINCT ?l WHERE { ?p a gk:Program ; rdfs:label ?l } ORDER BY ?l", "inline")
    )
    assert result.column("l") == ["共享书屋", "邻里食堂"]
