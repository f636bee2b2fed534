"""Fixtures for the export tests: a two-document build directory and a real Oxigraph server."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

DATA = Path(__file__).parent / "data"
TWO_DOCUMENTS = DATA / "two_documents.trig"
ID = "https://w3id.org/govkg/id/"
GRAPH_A = f"{ID}graph/doc-a"
GRAPH_B = f"{ID}graph/doc-b"


def fixture_quads() -> list[ox.Quad]:
    return list(ox.parse(path=str(TWO_DOCUMENTS), format=ox.RdfFormat.TRIG))


def write_build_dir(folder: Path, quads: list[ox.Quad]) -> Path:
    """A build output as ``govkg build`` writes it: ``graph.nq`` with a named graph per document."""
    folder.mkdir(parents=True, exist_ok=True)
    ox.serialize(quads, str(folder / "graph.nq"), ox.RdfFormat.N_QUADS)
    return folder


@pytest.fixture
def build_dir(tmp_path: Path) -> Path:
    return write_build_dir(tmp_path / "out", fixture_quads())


@pytest.fixture
def two_documents() -> Path:
    """The hand-written TriG the build directories are made from."""
    return TWO_DOCUMENTS


@pytest.fixture
def graphs() -> tuple[str, str]:
    """The two document graphs' IRIs."""
    return GRAPH_A, GRAPH_B


@pytest.fixture
def quads() -> list[ox.Quad]:
    return fixture_quads()


@pytest.fixture
def make_build_dir():
    """Write given quads as a build directory (graph.nq)."""
    return write_build_dir


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on."""
    return free_port()


class OxigraphServer:
    """``oxigraph serve`` on a free loopback port, with the SPARQL helpers the tests need."""

    def __init__(self, location: Path):
        binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = location.with_suffix(".log")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_until_ready()

    @property
    def store(self) -> str:
        return f"{self.url}/store"

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph exited: {self.log.read_text(errors='replace')}")
            try:
                self.select("ASK { ?s ?p ?o }")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        raise RuntimeError("oxigraph did not start within 30 s")

    def select(self, query: str) -> list[dict[str, str]]:
        request = urllib.request.Request(
            f"{self.url}/query",
            data=urllib.parse.urlencode({"query": query}).encode(),
            headers={"Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            results = json.load(response)
        if "boolean" in results:
            return [{"boolean": str(results["boolean"])}]
        return [{name: cell["value"] for name, cell in row.items()} for row in results["results"]["bindings"]]

    def counts(self) -> dict[str, int]:
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {row["g"]: int(row["n"]) for row in rows}

    def graph_ntriples(self, graph: str) -> set[str]:
        rows = self.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        return {f"{row['s']} {row['p']} {row['o']}" for row in rows}

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[OxigraphServer]:
    server = OxigraphServer(tmp_path / "oxigraph")
    try:
        yield server
    finally:
        server.stop()


DIGEST_REALM = "store"
DIGEST_NONCE = "5f0c1e2d"


def digest_is_valid(header: str | None, method: str, uri: str, user: str, password: str) -> bool:
    """RFC 7616 Digest with MD5 and qop=auth, checked as a store would."""
    if not header or not header.startswith("Digest "):
        return False
    fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header[len("Digest ") :]))

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    expected = md5(
        ":".join(
            [
                md5(f"{user}:{DIGEST_REALM}:{password}"),
                DIGEST_NONCE,
                fields.get("nc", ""),
                fields.get("cnonce", ""),
                "auth",
                md5(f"{method}:{uri}"),
            ]
        )
    )
    return fields.get("username") == user and fields.get("uri") == uri and fields.get("response") == expected


class ScriptedStore:
    """A tiny Graph Store on loopback that answers from a script of statuses and records each request.

    For the failure paths a real store will not produce on demand (503, 429, 401).
    """

    def __init__(
        self,
        statuses: list[int],
        required_authorization: str | None = None,
        digest: tuple[str, str] | None = None,
    ):
        self.statuses = list(statuses)
        self.required_authorization = required_authorization
        self.digest = digest
        self.requests: list[dict] = []
        store = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                store.requests.append(
                    {"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body}
                )
                authorization = self.headers.get("Authorization")
                if store.refuses(authorization, self.command, self.path):
                    status = 401
                else:
                    status = store.statuses.pop(0) if store.statuses else 204
                self.send_response(status)
                if status == 401 and store.digest:
                    challenge = f'Digest realm="{DIGEST_REALM}", nonce="{DIGEST_NONCE}", qop="auth"'
                    self.send_header("WWW-Authenticate", challenge)
                elif status == 401:
                    self.send_header("WWW-Authenticate", 'Basic realm="store"')
                if status == 429:
                    self.send_header("Retry-After", "0")
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_PUT = do_POST = _answer

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/store"

    def refuses(self, authorization: str | None, method: str, path: str) -> bool:
        if self.required_authorization is not None:
            return authorization != self.required_authorization
        if self.digest is not None:
            return not digest_is_valid(authorization, method, path, *self.digest)
        return False

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def scripted_store():
    """Call with the statuses to answer, in order (then 204), and optionally a required Authorization."""
    started: list[ScriptedStore] = []

    def start(
        statuses: list[int] = (),
        required_authorization: str | None = None,
        digest: tuple[str, str] | None = None,
    ) -> ScriptedStore:
        store = ScriptedStore(list(statuses), required_authorization, digest)
        started.append(store)
        return store

    yield start
    for store in started:
        store.stop()
