"""One error hierarchy, so that callers (the CLI above all) can turn any failure into a clear message."""

from __future__ import annotations


class GovkgError(Exception):
    """Base of every error govkg raises on purpose."""

    code = "E000"


class InputError(GovkgError):
    """A source file that cannot be read as text (missing, empty, binary, undecodable)."""

    code = "E100"

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class QueryError(GovkgError):
    """A SPARQL query that does not parse, names an unknown file or times out."""

    code = "E200"


class ExportError(GovkgError):
    """An export or push that cannot be done (unknown format, refused by the store)."""

    code = "E300"
