"""``govkg build``: files in, graph out, a short summary on the terminal."""

from __future__ import annotations

from pathlib import Path

import click

from govkg.errors import GovkgError
from govkg.rdf.terms import DEFAULT_BASE


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for graph.ttl, graph.nq, graph.html, store/ and summary.json.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Namespace of the instance IRIs.")
@click.option("--no-html", is_flag=True, help="Skip the HTML view.")
def build(paths: tuple[Path, ...], out: Path, base: str, no_html: bool) -> None:
    """Build the graph of PATHS (files or folders of .txt/.md; the bundled sample when none).

    Exit status: 0 when every file was built, 2 when some were skipped (each is named
    on standard error), 1 when nothing could be built.
    """
    from govkg.pipeline import build as run_build

    try:
        result = run_build(list(paths) or None, out, base=base, html=not no_html)
    except GovkgError as exc:
        raise click.ClickException(str(exc)) from exc
    summary = result.summary
    for skipped in summary.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    counts = ", ".join(f"{n} {name}" for name, n in summary.entities.items())
    click.echo(f"{summary.documents} documents, {summary.articles} articles, {summary.triples} triples")
    click.echo(f"entities: {counts}")
    click.echo(f"skipped: {len(summary.skipped)} files")
    click.echo(f"wrote {out}/graph.ttl, graph.nq, graph.html, store/, summary.json")
    if summary.documents == 0:
        raise SystemExit(1)
    if summary.skipped:
        raise SystemExit(2)
