"""The interactive graph: one offline HTML page, and networkx analytics over the built graph."""

from __future__ import annotations

from govkg.viz.html import VizReport, write_html

__all__ = ["VizReport", "write_html"]
