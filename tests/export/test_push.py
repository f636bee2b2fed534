"""``push`` against a real Oxigraph server, and failure paths against a scripted loopback store."""

from __future__ import annotations

import base64
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

from govkg.errors import ExportError
from govkg.export import PushSettings, push, read_dataset
from govkg.export.push import push_dataset

pytestmark = pytest.mark.server

FAST = PushSettings(backoff_s=0.01, max_backoff_s=0.05, retries=3, timeout_s=10)
NO_CREDENTIALS: dict[str, str] = {"NETRC": "/nonexistent/netrc"}


def stored_graph(server, graph: str) -> set[str]:
    """The graph as the store gives it back over the Graph Store Protocol (GET)."""
    url = f"{server.store}?{urllib.parse.urlencode({'graph': graph})}"
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return {str(triple) for triple in ox.parse(response.read(), format=ox.RdfFormat.N_TRIPLES)}


def expected_graph(quads: list[ox.Quad], graph: str) -> set[str]:
    return {str(quad.triple) for quad in quads if quad.graph_name == ox.NamedNode(graph)}


def push_fixture(source, endpoint, settings=FAST, env=NO_CREDENTIALS):
    return push_dataset(read_dataset(source), endpoint, settings, env=env)


def test_push_stores_each_document_in_its_own_named_graph(build_dir, oxigraph, quads, graphs):
    result = push_fixture(build_dir, oxigraph.store)
    assert result.graphs == 2 and result.triples == len(quads)
    for graph in graphs:
        assert stored_graph(oxigraph, graph) == expected_graph(quads, graph)
    assert oxigraph.counts() == {graph: len(expected_graph(quads, graph)) for graph in graphs}


def test_pushed_graph_answers_sparql(build_dir, oxigraph, graphs):
    push_fixture(build_dir, oxigraph.store)
    rows = oxigraph.select(
        "PREFIX gk: <https://w3id.org/govkg/ontology#> "
        f"SELECT ?value ?unit WHERE {{ GRAPH <{graphs[1]}> {{ ?m a gk:Metric ; gk:value ?value ; gk:unit ?unit }} }}"
    )
    assert rows == [{"value": "1200", "unit": "人次"}]


def test_pushing_twice_changes_nothing(build_dir, oxigraph, graphs):
    push_fixture(build_dir, oxigraph.store)
    first = {graph: stored_graph(oxigraph, graph) for graph in graphs}
    counts = oxigraph.counts()
    push_fixture(build_dir, oxigraph.store)
    assert oxigraph.counts() == counts
    assert {graph: stored_graph(oxigraph, graph) for graph in graphs} == first


def test_replacing_one_document_leaves_the_others_untouched(
    build_dir, oxigraph, quads, graphs, make_build_dir, tmp_path
):
    doc_a, doc_b = graphs
    push_fixture(build_dir, oxigraph.store)
    before_b = stored_graph(oxigraph, doc_b)
    place_label = ox.Quad(
        ox.NamedNode("https://w3id.org/govkg/id/place/990101"),
        ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
        ox.Literal("临河镇", language="zh"),
        ox.NamedNode(doc_a),
    )
    changed_a = [q for q in quads if q.graph_name == ox.NamedNode(doc_a) and "metric" not in str(q.subject)]
    changed_a = [q for q in changed_a if q != place_label]
    changed_a.append(
        ox.Quad(
            place_label.subject,
            place_label.predicate,
            ox.Literal("临河新镇", language="zh"),
            place_label.graph_name,
        )
    )
    push_fixture(make_build_dir(tmp_path / "changed", changed_a), oxigraph.store)
    assert stored_graph(oxigraph, doc_a) == {str(q.triple) for q in changed_a}
    assert stored_graph(oxigraph, doc_b) == before_b
    assert "临河镇" in str(before_b)  # the other document still has its own label of the shared place


def test_a_graph_bigger_than_a_chunk_arrives_whole(build_dir, oxigraph, quads, graphs):
    settings = PushSettings(chunk_triples=7, backoff_s=0.01)
    result = push_fixture(build_dir, oxigraph.store, settings)
    sizes = [len(expected_graph(quads, graph)) for graph in graphs]
    assert result.requests == sum(-(-size // 7) for size in sizes)
    for graph in graphs:
        assert stored_graph(oxigraph, graph) == expected_graph(quads, graph)


def test_chunks_are_a_put_then_posts_to_the_graph_url(build_dir, scripted_store, quads, graphs):
    store = scripted_store()
    push_fixture(build_dir, store.url, PushSettings(chunk_triples=10))
    doc_a_size = len(expected_graph(quads, graphs[0]))
    methods = [request["method"] for request in store.requests]
    chunks_a = -(-doc_a_size // 10)
    assert methods[:chunks_a] == ["PUT"] + ["POST"] * (chunks_a - 1)
    assert methods[chunks_a] == "PUT"
    assert store.requests[0]["path"] == f"/store?graph={urllib.parse.quote(graphs[0], safe='')}"
    assert all(len(request["body"].splitlines()) <= 10 for request in store.requests)
    assert store.requests[0]["headers"]["Content-Type"] == "text/turtle"


@pytest.mark.parametrize("transient", [[503], [503, 502], [500, 429, 504], [429]])
def test_transient_failures_are_retried(build_dir, scripted_store, transient):
    store = scripted_store(transient)
    result = push_fixture(build_dir, store.url)
    assert result.retries == len(transient)
    assert result.requests == len(transient) + 2
    assert [r["path"] for r in store.requests[: len(transient) + 1]] == [store.requests[0]["path"]] * (
        len(transient) + 1
    )


@pytest.mark.parametrize("status", [400, 404, 415, 501])
def test_a_refusal_is_not_retried_and_names_the_status(build_dir, scripted_store, status):
    store = scripted_store([status])
    with pytest.raises(ExportError, match=f"HTTP {status}"):
        push_fixture(build_dir, store.url)
    assert len(store.requests) == 1


def test_retries_give_up_after_the_limit(build_dir, scripted_store):
    store = scripted_store([503] * 10)
    with pytest.raises(ExportError, match="HTTP 503"):
        push_fixture(build_dir, store.url)
    assert len(store.requests) == FAST.retries + 1


def test_an_unreachable_store_is_retried_then_reported(build_dir, closed_port):
    with pytest.raises(ExportError, match=r"cannot reach http://127\.0\.0\.1:\d+/store after 4 tries"):
        push_fixture(build_dir, f"http://127.0.0.1:{closed_port}/store")


USER, PASSWORD, TOKEN = "analyst", "s3cret-Pa55", "tok-123-secret"
BASIC = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()


def test_a_token_is_sent_with_every_request(build_dir, scripted_store):
    store = scripted_store(required_authorization=f"Bearer {TOKEN}")
    result = push_fixture(build_dir, store.url, env={**NO_CREDENTIALS, "GOVKG_TOKEN": TOKEN})
    assert [request["headers"].get("Authorization") for request in store.requests] == [f"Bearer {TOKEN}"] * 2
    assert TOKEN not in repr(result)


def test_basic_credentials_answer_the_challenge_then_go_up_front(build_dir, scripted_store):
    store = scripted_store(required_authorization=BASIC)
    result = push_fixture(
        build_dir,
        store.url,
        PushSettings(chunk_triples=20),
        env={"GOVKG_USER": USER, "GOVKG_PASSWORD": PASSWORD},
    )
    sent = [request["headers"].get("Authorization") for request in store.requests]
    assert sent[:2] == [None, BASIC]  # the challenge, then the answer
    assert sent[2:] == [BASIC] * (len(sent) - 2)  # then up front
    assert len(sent) == result.requests + 1
    assert PASSWORD not in repr(result)


def test_digest_credentials_never_reveal_the_password(build_dir, scripted_store, quads):
    store = scripted_store(digest=(USER, PASSWORD))
    result = push_fixture(build_dir, store.url, env={"GOVKG_USER": USER, "GOVKG_PASSWORD": PASSWORD})
    assert result.triples == len(quads)
    sent = [request["headers"].get("Authorization") or "" for request in store.requests]
    assert not any(header.startswith("Basic") for header in sent)
    assert sum(header.startswith("Digest ") for header in sent) == 2  # one answered challenge per graph


def test_credentials_come_from_a_netrc_file(build_dir, scripted_store, tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n", encoding="utf-8")
    netrc.chmod(0o600)
    store = scripted_store(required_authorization=BASIC)
    result = push_fixture(build_dir, store.url, env={"NETRC": str(netrc)})
    assert result.credentials == f"netrc {netrc}"
    assert store.requests[-1]["headers"]["Authorization"] == BASIC


def test_a_401_without_credentials_says_where_to_put_them(build_dir, scripted_store):
    store = scripted_store(required_authorization=BASIC)
    with pytest.raises(ExportError, match=r"HTTP 401.*GOVKG_USER and \$GOVKG_PASSWORD"):
        push_fixture(build_dir, store.url)


def test_refused_credentials_are_named_by_source_never_by_value(build_dir, scripted_store):
    store = scripted_store(required_authorization="Basic something-else")
    with pytest.raises(ExportError) as refused:
        push_fixture(build_dir, store.url, env={"GOVKG_USER": USER, "GOVKG_PASSWORD": PASSWORD})
    assert "$GOVKG_USER/$GOVKG_PASSWORD" in str(refused.value)
    assert PASSWORD not in str(refused.value) and USER not in str(refused.value)


def test_credentials_in_the_url_are_refused_without_echoing_them(build_dir):
    with pytest.raises(ExportError, match="do not belong in the endpoint URL") as refused:
        push_fixture(build_dir, f"http://{USER}:{PASSWORD}@127.0.0.1:1/store")
    assert PASSWORD not in str(refused.value)


def test_half_a_user_and_password_is_an_error(build_dir):
    with pytest.raises(ExportError, match=r"\$GOVKG_PASSWORD is not set"):
        push_fixture(build_dir, "http://127.0.0.1:1/store", env={"GOVKG_USER": USER})


def test_the_library_push_reads_a_build_directory(build_dir, oxigraph, quads, monkeypatch):
    for name in ("GOVKG_USER", "GOVKG_PASSWORD", "GOVKG_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NETRC", "/nonexistent/netrc")
    result = push(build_dir, oxigraph.store)
    assert result.triples == len(quads) and result.retries == 0
