"""``govkg query`` in-process (CliRunner) and once as the installed command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.query import saved_questions

TINY = Path(__file__).parent / "fixtures" / "tiny.trig"


def invoke(*args: str):
    return CliRunner().invoke(main, ["query", *args], catch_exceptions=False)


def test_a_saved_question_with_a_parameter_as_json():
    result = invoke(
        "articles-by-reporter", "--graph", str(TINY), "--param", "reporter=陈默", "--format", "json"
    )
    assert result.exit_code == 0
    bindings = json.loads(result.stdout)["results"]["bindings"]
    assert [b["headline"]["value"] for b in bindings] == ["湖畔书屋开门迎客"]


def test_a_query_file_against_a_store(tiny_store, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("SELECT (COUNT(DISTINCT ?p) AS ?programs) WHERE { ?p a gk:Program }\n", encoding="utf-8")
    result = invoke(str(path), "--store", str(tiny_store), "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["programs", "2"]


def test_the_default_table_output():
    result = invoke(
        "SELECT DISTINCT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name",
        "--graph",
        str(TINY),
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["name", "----", "何芳", "周川", "林晓", "陈默", "(4 rows)"]


def test_list_shows_every_saved_question_and_its_parameters():
    result = invoke("--list")
    assert result.exit_code == 0
    for name, question in saved_questions().items():
        assert f"{name}: {question.summary}" in result.stdout
        for parameter in question.parameters:
            assert f"--param {parameter.name}=" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["SELECT * WHERE { ?s ?p }", "--graph", str(TINY)],
            "govkg: query: syntax error at line 1, column 25",
        ),
        (["missing.rq", "--graph", str(TINY)], "govkg: missing.rq: no such file"),
        (["SELECT * WHERE { ?s ?p ?o }", "--store", "no/such/dir"], "govkg: no/such/dir: no such store"),
        (["programs-in-region", "--graph", str(TINY)], "govkg: programs-in-region: needs --param region="),
        (["programs-in-region", "--graph", str(TINY), "-p", "region"], "expected name=value"),
        (
            ["SELECT * WHERE { ?s ?p ?o }", "--graph", str(TINY), "--store", "x"],
            "either a store or an RDF file",
        ),
    ],
)
def test_errors_are_one_line_and_exit_with_status_1(args, message):
    result = invoke(*args)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("govkg: ") and message in result.stderr
    assert result.stdout == ""


def test_a_time_out_is_an_error():
    slow = (
        "SELECT (COUNT(*) AS ?n) WHERE { "
        + " ".join(f"VALUES ?v{i} {{ 0 1 2 3 4 5 6 7 8 9 }}" for i in range(7))
        + " }"
    )
    result = invoke(slow, "--graph", str(TINY), "--timeout", "0.05")
    assert result.exit_code == 1
    assert "no answer within the time limit of 0.05 s" in result.stderr


def test_every_command_has_help():
    for command in ("query", "serve"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "--store" in result.stdout


def test_the_installed_command(tiny_store):
    govkg = shutil.which("govkg") or str(Path(sys.executable).with_name("govkg"))
    done = subprocess.run(
        [
            govkg,
            "query",
            "articles-by-reporter",
            "-p",
            "reporter=林晓",
            "--store",
            str(tiny_store.parent),
            "-f",
            "tsv",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "?reporter\t?article\t?headline\t?section\t?date"
    assert len(done.stdout.splitlines()) == 4
