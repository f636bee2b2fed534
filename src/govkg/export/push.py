"""Sending the graph to a triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

Each document's named graph is PUT to ``ENDPOINT?graph=IRI``: PUT replaces the graph, so
pushing twice changes nothing and pushing one changed document leaves the others as they
were. A graph larger than a chunk goes as a PUT of the first chunk and POSTs of the rest.
"""

from __future__ import annotations

import http.client
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from govkg.errors import ExportError
from govkg.export.auth import ENV_PASSWORD, ENV_TOKEN, ENV_USER, Credentials, find_credentials
from govkg.export.dataset import Dataset, graph_iri, has_blank_node

# The body is N-Triples, which every Turtle parser reads, and every store takes Turtle.
CONTENT_TYPE = "text/turtle"
TRANSIENT_STATUSES = frozenset({408, 425, 429})
PERMANENT_SERVER_STATUSES = frozenset({501, 505})  # not implemented: trying again cannot help

Progress = Callable[[str, int], None]  # graph IRI, triples just stored


@dataclass(frozen=True)
class PushSettings:
    chunk_triples: int = 50_000
    retries: int = 5  # further tries after the first, for connection errors, 5xx and 429
    backoff_s: float = 0.5  # the wait before the first retry; it doubles each time
    max_backoff_s: float = 30.0
    timeout_s: float = 60.0
    graph_param: str = "graph"
    netrc_file: Path | None = None


@dataclass(frozen=True)
class PushResult:
    endpoint: str
    graphs: int
    triples: int
    requests: int
    retries: int
    skipped_default_triples: int  # a push replaces named graphs only, never the store's default graph
    credentials: str | None  # where the credentials came from, never the credentials


def push_dataset(
    dataset: Dataset,
    endpoint: str,
    settings: PushSettings = PushSettings(),  # noqa: B008 (frozen, so a shared default is safe)
    on_progress: Progress | None = None,
    env: Mapping[str, str] | None = None,
) -> PushResult:
    """PUT every named graph of ``dataset`` to ``endpoint``, in chunks, retrying transient failures."""
    if settings.chunk_triples < 1:
        raise ExportError(f"the chunk size must be at least 1 triple, not {settings.chunk_triples}")
    safe_endpoint = _checked_endpoint(endpoint)
    credentials = find_credentials(endpoint, os.environ if env is None else env, settings.netrc_file)
    client = _Client(endpoint, safe_endpoint, settings, credentials)
    triples = 0
    for term, lines in dataset.named_graphs.items():
        graph = graph_iri(term)
        if graph is None:
            raise ExportError(
                f"graph {term.decode()} has no IRI; the Graph Store Protocol addresses graphs by IRI"
            )
        for index, chunk in enumerate(_chunks(lines, settings.chunk_triples)):
            client.send("PUT" if index == 0 else "POST", graph, b"".join(chunk))
            triples += len(chunk)
            if on_progress is not None:
                on_progress(graph, len(chunk))
    return PushResult(
        endpoint=safe_endpoint,
        graphs=dataset.graph_count,
        triples=triples,
        requests=client.requests,
        retries=client.retries,
        skipped_default_triples=dataset.default_graph_size,
        credentials=credentials.source if credentials else None,
    )


def _checked_endpoint(endpoint: str) -> str:
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ExportError("the endpoint must be an http:// or https:// URL of a Graph Store Protocol service")
    if parts.username is not None or parts.password is not None:
        raise ExportError(
            f"credentials do not belong in the endpoint URL; set ${ENV_USER} and ${ENV_PASSWORD}, "
            f"or ${ENV_TOKEN}, or use a netrc file"
        )
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _chunks(lines: tuple[bytes, ...], size: int) -> list[tuple[bytes, ...]]:
    """Bounded chunks; a graph with blank nodes goes whole, since a blank node cannot span requests."""
    if len(lines) <= size or any(has_blank_node(line) for line in lines):
        return [lines]
    return [lines[start : start + size] for start in range(0, len(lines), size)]


class _Client:
    """One endpoint, its credentials, and the retry policy; counts requests and retries."""

    def __init__(
        self, endpoint: str, safe_endpoint: str, settings: PushSettings, credentials: Credentials | None
    ):
        self.endpoint = endpoint
        self.safe_endpoint = safe_endpoint
        self.settings = settings
        self.credentials = credentials
        self.requests = 0
        self.retries = 0
        self.opener = _opener(endpoint, credentials)

    def send(self, method: str, graph: str, body: bytes) -> None:
        separator = "&" if urlsplit(self.endpoint).query else "?"
        url = f"{self.endpoint}{separator}{urlencode({self.settings.graph_param: graph})}"
        for attempt in range(self.settings.retries + 1):
            request = urllib.request.Request(url, data=body, method=method)
            request.add_header("Content-Type", CONTENT_TYPE)
            if self.credentials is not None and self.credentials.token:
                request.add_header("Authorization", f"Bearer {self.credentials.token}")
            self.requests += 1
            try:
                with self.opener.open(request, timeout=self.settings.timeout_s) as response:
                    response.read()
                return
            except urllib.error.HTTPError as err:
                detail = _body_excerpt(err)
                if not _is_transient(err.code) or attempt == self.settings.retries:
                    raise ExportError(self._refusal(method, graph, err.code, err.reason, detail)) from None
                delay = _retry_after(err.headers.get("Retry-After"))
            except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
                if attempt == self.settings.retries:
                    reason = getattr(err, "reason", err)
                    raise ExportError(
                        f"{graph}: cannot reach {self.safe_endpoint} after {attempt + 1} tries: {reason}"
                    ) from None
                delay = None
            self.retries += 1
            backoff = self.settings.backoff_s * 2**attempt
            time.sleep(min(self.settings.max_backoff_s, delay if delay is not None else backoff))

    def _refusal(self, method: str, graph: str, status: int, reason: str, detail: str) -> str:
        message = f"{graph}: {method} to {self.safe_endpoint} answered HTTP {status} {reason}"
        if status in (401, 403):
            if self.credentials is None:
                return (
                    f"{message}; set ${ENV_USER} and ${ENV_PASSWORD} (or ${ENV_TOKEN}), "
                    "or add the host to a netrc file"
                )
            return f"{message}; the store refused the credentials from {self.credentials.source}"
        return f"{message}: {detail}" if detail else message


def _opener(endpoint: str, credentials: Credentials | None) -> urllib.request.OpenerDirector:
    """Answer the store's challenge: Basic (then sent up front for the rest of the push) or Digest."""
    handlers: list[urllib.request.BaseHandler] = []
    if credentials is not None and credentials.user is not None:
        basic = urllib.request.HTTPPasswordMgrWithPriorAuth()
        basic.add_password(None, endpoint, credentials.user, credentials.password, is_authenticated=False)
        digest = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        digest.add_password(None, endpoint, credentials.user, credentials.password)
        handlers += [_BasicAfterChallenge(basic), urllib.request.HTTPDigestAuthHandler(digest)]
    return urllib.request.build_opener(*handlers)


class _BasicAfterChallenge(urllib.request.HTTPBasicAuthHandler):
    """Basic auth only once the store has asked for Basic, so a Digest store never sees the password.

    urllib's own handler marks the URL authenticated after any 2xx, a Digest success
    included, and would then send Basic up front.
    """

    def http_response(self, req, response):
        return response

    https_response = http_response

    def retry_http_basic_auth(self, host, req, realm):
        response = super().retry_http_basic_auth(host, req, realm)
        if response is not None and 200 <= response.status < 300:
            self.passwd.update_authenticated(req.full_url, True)
        return response


def _is_transient(status: int) -> bool:
    return status in TRANSIENT_STATUSES or (status >= 500 and status not in PERMANENT_SERVER_STATUSES)


def _retry_after(value: str | None) -> float | None:
    return float(value) if value and value.strip().isdigit() else None


def _body_excerpt(err: urllib.error.HTTPError) -> str:
    try:
        text = err.read(400).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        return ""
    return " ".join(text.split())[:200]
