"""Render a knowledge graph as one self-contained interactive HTML page (pyvis + vis-network).

The page inlines vis-network's JS and CSS, fetches nothing, writes nothing but the file
asked for, and treats every label, alias and evidence sentence as untrusted text.
"""

from __future__ import annotations

from kg.render.builder import TYPE_COLORS, html_document, notebook_iframe, render_html, type_color

__all__ = ["TYPE_COLORS", "html_document", "notebook_iframe", "render_html", "type_color"]
