"""The VALUES plan hint: where it goes, that it is made of escaped terms, and that answers do not change."""

from __future__ import annotations

import pyoxigraph
import pytest

from govkg.query import run, saved_questions
from govkg.query.hints import with_values
from govkg.query.params import bind

NAME = {pyoxigraph.Variable("x"): pyoxigraph.Literal("宁波", language="zh")}
BLOCK = ' VALUES (?x) { ("宁波"@zh) } '


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT ?x WHERE { ?s ?p ?x }", "SELECT ?x WHERE {" + BLOCK + " ?s ?p ?x }"),
        ("SELECT * { ?s ?p ?x }", "SELECT * {" + BLOCK + " ?s ?p ?x }"),
        ("ASK { ?s ?p ?x }", "ASK {" + BLOCK + " ?s ?p ?x }"),
        (
            "CONSTRUCT { ?s ?p ?x } WHERE { ?s ?p ?x }",
            "CONSTRUCT { ?s ?p ?x } WHERE {" + BLOCK + " ?s ?p ?x }",
        ),
        ("CONSTRUCT WHERE { ?s ?p ?x }", "CONSTRUCT WHERE { ?s ?p ?x }"),
        ("SELECT ?s WHERE { ?s ?p ?x }", "SELECT ?s WHERE { ?s ?p ?x }"),
        ("SELECT (STR(?x) AS ?y) WHERE { ?s ?p ?x }", "SELECT (STR(?x) AS ?y) WHERE { ?s ?p ?x }"),
        ("SELECT ?x WHERE { ?s ex:select ?x }", "SELECT ?x WHERE {" + BLOCK + " ?s ex:select ?x }"),
        (
            "# SELECT ?x {\nSELECT ?x WHERE { ?s <http://e/?x{> '{' }",
            "# SELECT ?x {\nSELECT ?x WHERE {" + BLOCK + " ?s <http://e/?x{> '{' }",
        ),
        (
            "SELECT ?x { { SELECT ?s WHERE { ?s ?p ?x } } { SELECT ?x ?s { ?s ?q ?x } } }",
            "SELECT ?x {"
            + BLOCK
            + " { SELECT ?s WHERE { ?s ?p ?x } } { SELECT ?x ?s {"
            + BLOCK
            + " ?s ?q ?x } } }",
        ),
    ],
)
def test_the_block_opens_each_where_clause_that_projects_the_variable(query, expected):
    assert with_values(query, NAME) == expected


@pytest.mark.parametrize("value", ['x" } } DROP ALL #', "a\\\nb", "'''", '"""}'])
def test_a_hostile_value_is_written_as_one_escaped_literal(value):
    hinted = with_values(
        "SELECT ?x WHERE { ?s ?p ?x }", {pyoxigraph.Variable("x"): pyoxigraph.Literal(value)}
    )
    store = pyoxigraph.Store()
    store.add(
        pyoxigraph.Quad(
            pyoxigraph.NamedNode("http://e/s"), pyoxigraph.NamedNode("http://e/p"), pyoxigraph.Literal(value)
        )
    )
    assert [s["x"].value for s in store.query(hinted)] == [value]


QUESTIONS = saved_questions()


@pytest.mark.parametrize("name", sorted(n for n, q in QUESTIONS.items() if q.parameters and not q.network))
def test_every_saved_question_takes_the_hint_for_each_parameter(name):
    question = QUESTIONS[name]
    bindings = {
        pyoxigraph.Variable(p.name): pyoxigraph.Literal("x", language="zh") for p in question.parameters
    }
    hinted = with_values(question.text, bindings)
    for parameter in question.parameters:
        assert f"VALUES (?{parameter.name})" in hinted
    pyoxigraph.Store().query(hinted)


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("metrics-by-region", {"region": "浙江省"}),
        ("neighbourhood", {"entity": "何芳"}),
        ("programs-sharing-places", {"program": "共享书屋"}),
        ("evidence", {"entity": "海曙区民政局"}),
    ],
)
def test_the_hint_does_not_change_the_answer(tiny, name, params):
    question = QUESTIONS[name]
    substitutions = bind(params, question.kinds)
    plain = tiny.store.query(question.text, substitutions=substitutions)
    assert [tuple(s) for s in plain] == list(run(tiny, name, params).rows)
