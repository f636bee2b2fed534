"""``govkg serve``: Oxigraph's SPARQL 1.1 Protocol server, started on a free loopback port and stopped."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from SPARQLWrapper import JSON, SPARQLWrapper

from govkg.cli import main
from govkg.query.server import Endpoint, command, free_port, wait_until_listening

pytestmark = pytest.mark.server

HEADLINES = (
    "SELECT DISTINCT ?headline WHERE { ?a <https://schema.org/headline> ?headline } ORDER BY ?headline"
)


@pytest.fixture(scope="module")
def endpoint(tiny_store: Path) -> Iterator[str]:
    govkg = shutil.which("govkg") or str(Path(sys.executable).with_name("govkg"))
    port = free_port()
    process = subprocess.Popen(
        [govkg, "serve", "--store", str(tiny_store), "--port", str(port), "--timeout", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_listening("127.0.0.1", port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2)


def get(url: str, query: str, accept: str, origin: str | None = None):
    request = urllib.request.Request(
        f"{url}/query?{urllib.parse.urlencode({'query': query})}",
        headers={"Accept": accept, **({"Origin": origin} if origin else {})},
    )
    return urllib.request.urlopen(request, timeout=30)


def test_sparqlwrapper_gets_sparql_json(endpoint):
    client = SPARQLWrapper(f"{endpoint}/query")
    client.setQuery(HEADLINES)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]
    assert [b["headline"]["value"] for b in bindings] == sorted(
        ["一碗热饭暖人心", "书香飘进社区", "湖畔书屋开门迎客"]
    )


@pytest.mark.parametrize(
    ("accept", "results_format"),
    [
        ("application/sparql-results+json", pyoxigraph.QueryResultsFormat.JSON),
        ("application/sparql-results+xml", pyoxigraph.QueryResultsFormat.XML),
        ("text/tab-separated-values", pyoxigraph.QueryResultsFormat.TSV),
    ],
)
def test_results_by_content_negotiation(endpoint, accept, results_format):
    with get(endpoint, HEADLINES, accept) as response:
        assert response.headers["Content-Type"].split(";")[0] == accept
        solutions = pyoxigraph.parse_query_results(response.read(), format=results_format)
        assert len(list(solutions)) == 3


def test_csv_by_content_negotiation(endpoint):
    with get(endpoint, HEADLINES, "text/csv") as response:
        assert response.headers["Content-Type"].split(";")[0] == "text/csv"
        assert response.read().decode("utf-8").splitlines() == [
            "headline",
            "一碗热饭暖人心",
            "书香飘进社区",
            "湖畔书屋开门迎客",
        ]


def test_named_graphs_are_one_default_graph_and_cors_is_on(endpoint):
    with get(
        endpoint,
        "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://schema.org/NewsArticle> }",
        "application/sparql-results+json",
        origin="https://yasgui.example",
    ) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert json.load(response)["results"]["bindings"][0]["n"]["value"] == "3"


def test_an_update_is_refused(endpoint):
    data = urllib.parse.urlencode({"update": "DELETE WHERE { ?s ?p ?o }"}).encode()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(urllib.request.Request(f"{endpoint}/update", data=data), timeout=30)
    assert refused.value.code == 403
    with get(endpoint, "ASK { ?s ?p ?o }", "application/sparql-results+json") as response:
        assert json.load(response)["boolean"] is True


def test_a_query_over_the_time_limit_is_cancelled(endpoint):
    started = time.monotonic()
    with get(
        endpoint,
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
        "application/sparql-results+json",
    ) as response:
        body = response.read().decode("utf-8", "replace")
    assert time.monotonic() - started < 8
    assert "cancelled" in body


@pytest.mark.parametrize(
    ("layout", "endpoint_args", "expected"),
    [
        ("tiny_store", {}, ["serve-read-only", "--union-default-graph", "--cors"]),
        ("tiny_query_store", {}, ["serve-read-only", "--cors"]),
        ("tiny_query_store", {"writable": True, "cors": False}, ["serve"]),
    ],
)
def test_the_server_command_line(layout, endpoint_args, expected, request):
    args = command(Endpoint(request.getfixturevalue(layout), port=1234, timeout=2.5, **endpoint_args))
    assert args[1] == expected[0] and set(expected[1:]) <= set(args)
    assert ("--union-default-graph" in args) == (layout == "tiny_store")
    assert args[args.index("--bind") + 1] == "127.0.0.1:1234"
    assert args[args.index("--timeout-s") + 1] == "2"
    assert ("--cors" in args) == endpoint_args.get("cors", True)


def test_serving_a_folder_without_a_store_is_refused(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path)])
    assert result.exit_code == 1 and "no store here" in result.stderr
