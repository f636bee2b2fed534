"""govkg: a knowledge-graph builder for Chinese news about local government.

    >>> import govkg
    >>> result = govkg.build(["data/corpus"], out="output")
    >>> result.graph  # an rdflib.Dataset, one named graph per source document
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["build", "__version__"]

if TYPE_CHECKING:
    from govkg.pipeline import BuildResult


def build(*args: Any, **kwargs: Any) -> BuildResult:
    """Build the graph of the given files or folders; see :func:`govkg.pipeline.build`."""
    from govkg.pipeline import build as _build

    return _build(*args, **kwargs)
