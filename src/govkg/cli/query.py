"""``govkg query`` and ``govkg serve``: thin click layers over ``govkg.query``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from govkg.errors import GovkgError
from govkg.query import DEFAULT_STORE, FORMATS, answer, load_query, open_dataset, saved_questions
from govkg.query.params import split_assignments
from govkg.query.server import Endpoint, command


def _fail(error: GovkgError) -> None:
    click.echo(f"govkg: {error}", err=True)
    sys.exit(1)


def _list_questions() -> str:
    lines = []
    for question in saved_questions().values():
        lines.append(f"{question.name}: {question.summary}")
        for line in question.description:
            lines.append(f"    {line}")
        for p in question.parameters:
            optional = ", optional" if p.optional else ""
            lines.append(f"    --param {p.name}=…  ({p.kind}{optional}) {p.description}")
        if question.network:
            lines.append(f"    network: {question.network}")
    return "\n".join(lines)


@click.command()
@click.argument("source", required=False)
@click.option(
    "--store",
    "store",
    type=click.Path(path_type=Path),
    default=None,
    help=f"Store written by `govkg build` (the store/ directory or the output directory). Default: {DEFAULT_STORE}.",
)
@click.option(
    "--graph",
    "graph",
    type=click.Path(path_type=Path),
    default=None,
    help="Query any RDF file instead (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD), loaded in memory.",
)
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a variable (repeatable). Values are RDF terms, never pasted into the query text.",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="table",
    show_default=True,
    help="table (CJK-aligned), csv, tsv, json/xml (SPARQL results; JSON-LD/RDF-XML for graphs), turtle, ntriples.",
)
@click.option(
    "--timeout", type=float, default=60.0, show_default=True, help="Give up after this many seconds."
)
@click.option(
    "--width",
    "max_width",
    type=int,
    default=60,
    show_default=True,
    help="Clip table cells to this many columns (0: never); other formats are never clipped.",
)
@click.option("--list", "list_questions", is_flag=True, help="List the saved questions and their parameters.")
def query(
    source: str | None,
    store: Path | None,
    graph: Path | None,
    params: tuple[str, ...],
    fmt: str,
    timeout: float,
    max_width: int,
    list_questions: bool,
) -> None:
    """Run SOURCE: a SPARQL query, a .rq file, or the name of a saved question (see --list).

    Named graphs are queried as one default graph. Example:
    govkg query articles-by-reporter --param reporter=林晓
    """
    try:
        if list_questions:
            click.echo(_list_questions())
            return
        if not source:
            raise click.UsageError("give a query, a .rq file or a saved question's name (or --list)")
        parsed = load_query(source)
        dataset = open_dataset(store, graph)
        output = answer(
            dataset, parsed, split_assignments(params), fmt=fmt, timeout=timeout, max_width=max_width
        )
    except GovkgError as error:
        _fail(error)
    click.echo(output if output.endswith(b"\n") else output + b"\n", nl=False)


@click.command()
@click.option(
    "--store",
    "store",
    type=click.Path(path_type=Path),
    default=DEFAULT_STORE,
    show_default=True,
    help="Store written by `govkg build` (the store/ directory or the output directory).",
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Interface to listen on (loopback by default)."
)
@click.option("--port", type=int, default=7878, show_default=True)
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Query time limit in seconds.")
@click.option("--writable", is_flag=True, help="Accept SPARQL updates at /update (read-only otherwise).")
@click.option(
    "--no-cors", is_flag=True, help="Do not send CORS headers (browser clients such as YASGUI need them)."
)
def serve(store: Path, host: str, port: int, timeout: float, writable: bool, no_cors: bool) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint (Oxigraph's server) until stopped.

    Results come as SPARQL-JSON, XML, CSV or TSV by the request's Accept header. The server reads
    the store as it was when it started: restart it after a new build.
    """
    endpoint = Endpoint(store, host, port, writable, timeout, not no_cors)
    try:
        args = command(endpoint)
    except GovkgError as error:
        _fail(error)
    mode = "read-write" if writable else "read-only"
    click.echo(f"SPARQL endpoint at {endpoint.url} ({mode}, {timeout:g} s limit); Ctrl-C stops it.", err=True)
    sys.stderr.flush()
    os.execv(args[0], args)
