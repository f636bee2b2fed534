"""``govkg build``: files in, graph out, a short summary on the terminal."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from govkg.engines import ENGINES
from govkg.errors import GovkgError
from govkg.ingest.files import DEFAULT_MAX_CHARS
from govkg.rdf.terms import DEFAULT_BASE

PLAIN_EVERY_SECONDS = 10.0


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for graph.ttl, graph.nq, graph.html, store/, summary.json and the build cache.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Namespace of the instance IRIs.")
@click.option("--no-html", is_flag=True, help="Skip the HTML view.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes extracting documents (default: the machine's cores).")
@click.option("--full", is_flag=True, help="Extract every document again, ignoring the cache of the last build.")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="Where documents are extracted: local processes or a dask.distributed cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="With --engine dask: the scheduler to use (default: a local cluster).")
@click.option("--max-chars", type=click.IntRange(min=1), default=DEFAULT_MAX_CHARS, show_default=True,
              help="Skip a document longer than this many characters.")
@click.option("--store-graphs", is_flag=True,
              help="Keep each document's named graph in store/ too, for GRAPH queries (about 4x the load time "
                   "and disk of the merged graph alone; graph.nq always has them).")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Report progress on standard error (a bar on a terminal, a line every 10 s otherwise).")
def build(paths: tuple[Path, ...], out: Path, base: str, no_html: bool, workers: int | None, full: bool,
          engine: str, scheduler: str | None, max_chars: int, store_graphs: bool, progress: bool) -> None:
    """Build the graph of PATHS (files or folders of .txt/.md/.html; the bundled sample when none).

    Documents unchanged since the last build into --out are read back from its cache.
    Exit status: 0 when every file was built, 2 when some were skipped (each is named
    on standard error), 1 when nothing could be built.
    """
    from govkg.pipeline import build as run_build
    from govkg.pipeline import default_workers

    reporter = ProgressReporter(sys.stderr.isatty()) if progress else None
    try:
        result = run_build(list(paths) or None, out, base=base, html=not no_html,
                           workers=workers or default_workers(), engine=engine, scheduler=scheduler, full=full,
                           max_chars=max_chars, store_graphs=store_graphs, progress=reporter)
    except GovkgError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if reporter is not None:
            reporter.close()
    summary = result.summary
    for skipped in summary.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    counts = ", ".join(f"{n} {name}" for name, n in summary.entities.items())
    rate = f"{result.chars / result.seconds / 1000:.0f}k chars/s" if result.seconds else "-"
    click.echo(f"{summary.documents} documents, {summary.articles} articles, {summary.triples} triples")
    click.echo(f"entities: {counts}")
    click.echo(f"extracted: {result.extracted} documents ({result.chars} chars, {rate}), "
               f"reused: {result.reused} unchanged")
    click.echo(f"skipped: {len(summary.skipped)} files")
    click.echo(f"wrote {out}/graph.ttl, graph.nq, {'' if no_html else 'graph.html, '}store/, summary.json, cache/")
    if summary.documents == 0:
        raise SystemExit(1)
    if summary.skipped:
        raise SystemExit(2)


class ProgressReporter:
    """A bar on a terminal; a plain line every few seconds elsewhere (CI logs)."""

    def __init__(self, tty: bool):
        self.tty = tty
        self.bar = None
        self.last_line = time.monotonic()

    def __call__(self, p) -> None:
        status = f"{p.done}/{p.total} documents, {p.chars_per_second / 1000:.0f}k chars/s, {p.skipped} skipped"
        if self.tty:
            if self.bar is None:
                self.bar = click.progressbar(length=p.total, label="building", file=sys.stderr,
                                             item_show_func=lambda s: s)
                self.bar.__enter__()
            self.bar.update(p.done - self.bar.pos, status)
        elif time.monotonic() - self.last_line >= PLAIN_EVERY_SECONDS or p.done == p.total:
            self.last_line = time.monotonic()
            click.echo(f"progress: {status}", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
