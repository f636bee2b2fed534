"""``govkg export`` and ``govkg push``: the built graph to files other tools load, or to a store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from govkg.errors import GovkgError
from govkg.export import EXPORTERS, PushSettings, read_dataset
from govkg.export import export as export_graph
from govkg.export.push import push_dataset

DEFAULT_SOURCE = Path("output")
_FORMAT_HELP = "; ".join(f"{name}: {exporter.description}" for name, exporter in EXPORTERS.items())


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(EXPORTERS)),
    default=None,
    help=f"The format (default: from the --out name). {_FORMAT_HELP}.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="The file to write (a directory for csv); a name ending in .gz is gzipped.",
)
@click.option(
    "--from",
    "source",
    type=click.Path(path_type=Path),
    default=DEFAULT_SOURCE,
    show_default=True,
    help="A build directory (its graph.nq, else its store/) or an .nq/.trig file.",
)
def export(fmt: str | None, out: Path, source: Path) -> None:
    """Write the built graph as Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML, GraphML, GEXF or Neo4j CSV.

    N-Triples and N-Quads are sorted, so the same graph always gives the same bytes.
    """
    try:
        result = export_graph(source, out, fmt)
    except GovkgError as err:
        raise click.ClickException(str(err)) from None
    click.echo(
        f"wrote {result.out} ({result.format}, {result.quads} quads in {result.graphs} document graphs)"
    )


@click.command()
@click.option(
    "--endpoint",
    required=True,
    help="The store's Graph Store Protocol URL, e.g. http://localhost:7878/store (see the README).",
)
@click.option(
    "--from",
    "source",
    type=click.Path(path_type=Path),
    default=DEFAULT_SOURCE,
    show_default=True,
    help="A build directory (its graph.nq, else its store/) or an .nq/.trig file.",
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=50_000,
    show_default=True,
    help="Most triples per request; a bigger graph is PUT then POSTed in parts.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="Tries again after a connection error, HTTP 5xx or 429, waiting longer each time.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Seconds to wait for each request.",
)
@click.option(
    "--graph-param",
    default="graph",
    show_default=True,
    help="The query parameter naming the graph (graph in the standard; some stores take graph-uri).",
)
@click.option(
    "--netrc",
    "netrc_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The netrc file for credentials (default: $NETRC, else ~/.netrc).",
)
def push(
    source: Path,
    endpoint: str,
    chunk_size: int,
    retries: int,
    timeout: float,
    graph_param: str,
    netrc_file: Path | None,
) -> None:
    """Send each document's named graph to a triple store (SPARQL 1.1 Graph Store HTTP Protocol).

    Each graph is replaced (HTTP PUT), so pushing again changes nothing and a changed
    document replaces only its own graph. Credentials come from $GOVKG_USER and
    $GOVKG_PASSWORD, or $GOVKG_TOKEN (a bearer token), or a netrc file; never from the
    command line.
    """
    settings = PushSettings(
        chunk_triples=chunk_size,
        retries=retries,
        timeout_s=timeout,
        graph_param=graph_param,
        netrc_file=netrc_file,
    )
    try:
        dataset = read_dataset(source)
        total = sum(len(quads) for quads in dataset.named_graphs.values())
        if sys.stderr.isatty():
            with click.progressbar(length=total, label="pushing", file=sys.stderr) as bar:
                result = push_dataset(dataset, endpoint, settings, lambda _graph, n: bar.update(n))
        else:
            result = push_dataset(dataset, endpoint, settings, _line_progress(total))
    except GovkgError as err:
        raise click.ClickException(str(err)) from None
    if result.skipped_default_triples:
        click.echo(
            f"skipped {result.skipped_default_triples} triples of the default graph "
            "(a push replaces document graphs only)",
            err=True,
        )
    click.echo(
        f"pushed {result.graphs} graphs, {result.triples} triples to {result.endpoint} "
        f"in {result.requests} requests ({result.retries} retries)"
    )


def _line_progress(total: int):
    """Plain lines for logs and pipes: one per request."""
    done = 0

    def report(graph: str, triples: int) -> None:
        nonlocal done
        done += triples
        click.echo(f"pushed {done}/{total} triples ({graph})", err=True)

    return report
