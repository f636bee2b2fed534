"""``govkg serve``: the SPARQL 1.1 Protocol endpoint is Oxigraph's own server (PyPI ``oxigraph``).

It already speaks the protocol (GET/POST ``/query``, ``/update`` when writable), negotiates
SPARQL-JSON/XML/CSV/TSV by ``Accept``, sends CORS headers and enforces a time limit; govkg
only finds the store, builds the command line and checks the choices.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import QueryError
from govkg.query.dataset import open_store, store_location


@dataclass(frozen=True)
class Endpoint:
    """What to serve and how."""

    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    writable: bool = False
    timeout: float = 30.0
    cors: bool = True

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/query"


def oxigraph_executable() -> str:
    """The ``oxigraph`` command installed next to this Python (a venv) or on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise QueryError("the `oxigraph` server is not installed (pip install oxigraph)")
    return found


def command(endpoint: Endpoint) -> list[str]:
    """The Oxigraph command line; the default graph is the one ``govkg query`` reads (see dataset.py)."""
    location = store_location(endpoint.store)
    if endpoint.writable:
        location.mkdir(parents=True, exist_ok=True)
    elif not (location / "CURRENT").is_file():
        raise QueryError(f"{location}: no store here (write one with `govkg build PATH --out DIR`)")
    if endpoint.timeout <= 0:
        raise QueryError(f"the query time limit must be positive, not {endpoint.timeout}")
    mode = "serve" if endpoint.writable else "serve-read-only"
    args = [
        oxigraph_executable(),
        mode,
        "--location",
        str(location),
        "--bind",
        f"{endpoint.host}:{endpoint.port}",
    ]
    if (location / "CURRENT").is_file() and open_store(location).union:
        args.append("--union-default-graph")
    args += ["--timeout-s", str(max(1, round(endpoint.timeout)))]
    if endpoint.cors:
        args.append("--cors")
    return args


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def wait_until_listening(host: str, port: int, process: subprocess.Popen, within: float = 20.0) -> None:
    """Return once the server accepts connections; fail with its own message if it exits first."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            stderr = process.stderr.read().decode("utf-8", "replace").strip() if process.stderr else ""
            raise QueryError(
                f"the SPARQL server stopped at start-up: {stderr or f'exit status {process.returncode}'}"
            )
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    process.terminate()
    raise QueryError(f"the SPARQL server did not listen on {host}:{port} within {within:g} s")


def start(endpoint: Endpoint) -> subprocess.Popen:
    """Start the server as a child process and wait until it listens (the caller stops it)."""
    process = subprocess.Popen(command(endpoint), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_until_listening(endpoint.host, endpoint.port, process)
    return process
