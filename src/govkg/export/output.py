"""Writing an export file whole or not at all, gzipped when its name ends in ``.gz``."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def open_output(path: Path) -> Iterator[BinaryIO]:
    """A binary stream to ``path``: written to a temporary file beside it, moved in place when complete.

    The gzip header carries no name and no time, so the same export gives the same bytes.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with open(partial, "wb") as raw:
            if path.suffix == ".gz":
                with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as zipped:
                    yield zipped
            else:
                yield raw
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
