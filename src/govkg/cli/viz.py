"""``govkg viz``, ``govkg stats`` and ``govkg path``: thin commands over :mod:`govkg.viz`."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from govkg.errors import GovkgError
from govkg.viz.analytics import connection, graph_stats
from govkg.viz.html import write_entities_html
from govkg.viz.load import load_entities
from govkg.viz.terms import CLASS_BY_KEY


def _source_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
                           help="Read this RDF file (.ttl, .nq, .nt, .trig) instead of a build output.")(command)
    return click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path), default=Path("output"),
                        show_default=True,
                        help="A build output directory (its store/ or graph.nq) or a pyoxigraph store.")(command)


def _clean_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except GovkgError as err:
            raise click.ClickException(str(err)) from err

    return run


@click.command()
@_source_options
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write [default: graph.html beside the input].")
@click.option("--focus", metavar="NAME", help="Draw only the neighbourhood of the entity with this name.")
@click.option("--hops", type=click.IntRange(min=0), default=1, show_default=True,
              help="How many links away from --focus to go.")
@click.option("--max-nodes", type=click.IntRange(min=1), help="Draw at most this many entities (the page says "
                                                               "what was left out).")
@_clean_errors
def viz(store: Path, graph_file: Path | None, out: Path | None, focus: str | None, hops: int,
        max_nodes: int | None) -> None:
    """Write the graph as one offline HTML page: search, filters, tooltips with evidence."""
    entities = load_entities(store=store, graph=graph_file)
    target = out or (graph_file.parent if graph_file else store) / "graph.html"
    report = write_entities_html(entities, target, focus=focus, hops=hops, max_nodes=max_nodes)
    click.echo(f"wrote {report.path}: {report.nodes_drawn} of {report.nodes_total} entities, "
               f"{report.edges_drawn} links ({report.seconds:.2f} s)")
    if report.note:
        click.echo(report.note)


@click.command()
@_source_options
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many to list.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@_clean_errors
def stats(store: Path, graph_file: Path | None, top: int, as_json: bool) -> None:
    """Counts per class, the most connected entities, communities, programs per region."""
    result = graph_stats(load_entities(store=store, graph=graph_file), top=top)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo("Entities per class:")
    for key, count in result.classes:
        style = CLASS_BY_KEY[key]
        click.echo(f"  {style.name_zh} {style.name_en}: {count}")
    click.echo(f"Links: {result.edges}")
    click.echo("Most connected (articles left out):")
    for r in result.most_connected:
        click.echo(f"  {r.degree:>4}  {r.label}  ({CLASS_BY_KEY[r.cls].name_en})")
    click.echo(f"Communities (Louvain): {result.community_count}")
    for c in result.communities:
        click.echo(f"  {c.size:>4}  {'、'.join(c.members)}")
    click.echo("Programs per region (a region counts the programs of the places inside it):")
    for label, count in result.programs_per_region:
        click.echo(f"  {count:>4}  {label}")


@click.command()
@click.argument("a")
@click.argument("b")
@_source_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@_clean_errors
def path(a: str, b: str, store: Path, graph_file: Path | None, as_json: bool) -> None:
    """How the entities named A and B are connected: each hop with its evidence sentence."""
    found = connection(load_entities(store=store, graph=graph_file), a, b)
    if as_json:
        click.echo(json.dumps({"from": found.source, "to": found.target, "hops": [
            {"from": h.source, "link": h.link, "to": h.target, "forward": h.forward, "evidence": h.evidence}
            for h in found.hops]}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{found.source} → {found.target}: {len(found.hops)} hop(s)")
    for i, h in enumerate(found.hops, 1):
        arrow = f"—{h.link}→" if h.forward else f"←{h.link}—"
        click.echo(f"{i}. {h.source} {arrow} {h.target}")
        click.echo(f"   依据: {h.evidence}" if h.evidence else "   依据: (no sentence in the graph names both)")
