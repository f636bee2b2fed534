"""The ``govkg`` command: a thin layer over the library, one module per command group.

Commands load lazily, so ``govkg --help`` and ``govkg build`` do not import the browser,
server or export code.
"""

from __future__ import annotations

import importlib

import click

COMMANDS = {
    "build": "govkg.cli.build:build",
    "query": "govkg.cli.query:query",
    "serve": "govkg.cli.query:serve",
    "viz": "govkg.cli.viz:viz",
    "stats": "govkg.cli.viz:stats",
    "path": "govkg.cli.viz:path",
    "export": "govkg.cli.export:export",
    "push": "govkg.cli.export:push",
}


def _load(target: str) -> click.Command | None:
    module, _, attr = target.partition(":")
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError):
        return None


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, target in COMMANDS.items() if _load(target) is not None]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return _load(COMMANDS[name]) if name in COMMANDS else None


@click.group(cls=LazyGroup)
@click.version_option(package_name="govkg")
def main() -> None:
    """Build a knowledge graph of Chinese local-government news, and query, view and export it."""
