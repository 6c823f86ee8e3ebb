"""Wire the layers: read documents, extract, store, render. The CLI and notebooks call this."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError
from kg.extract import Extractor
from kg.ingest import expand_paths, parse_document, read_text
from kg.model import Document

DEFAULT_STORE = ".kg/store"
DEFAULT_HTML = "out/graph.html"


@dataclass
class BuildReport:
    """What a build did: documents added or skipped, and inputs that failed."""

    added: list[Document] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # sources already in the store
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)


def extract_file(source: str, model: str | None = None, extractor: Extractor | None = None) -> Document:
    """Extract one file (or '-' for stdin) without touching any store."""
    extractor = extractor or Extractor(model)
    return extractor.extract(parse_document(read_text(source), source))


def build(
    paths: Iterable[str],
    store,  # noqa: ANN001  (a kg.store.KGStore)
    model: str | None = None,
    extractor: Extractor | None = None,
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Extract every input into the store, one transaction per document.

    A document already stored (same content hash) is skipped before parsing; a bad
    input is reported and the others still go in.
    """
    report = BuildReport()
    sources = expand_paths(list(paths))
    for source in sources:
        try:
            doc = parse_document(read_text(source), source)
            if store.has_document(doc.id):
                report.skipped.append(source)
            else:
                extractor = extractor or Extractor(model)
                extractor.extract(doc)
                store.add_document(doc)
                report.added.append(doc)
        except KGError as exc:
            if isinstance(exc, KGError) and _is_fatal(exc):
                raise
            report.failed.append((source, str(exc)))
        if progress is not None:
            progress(source)
    return report


def _is_fatal(exc: KGError) -> bool:
    from kg.errors import ModelError, StoreError

    return isinstance(exc, (ModelError, StoreError))


def render(store, html: str | Path, focus: str | None = None, depth: int = 1,  # noqa: ANN001
           title: str = "Knowledge graph") -> Path:
    """Write the store's graph (or an ego view around `focus`) as one HTML file."""
    from kg.graph import ego, to_networkx
    from kg.render import render_html

    graph = to_networkx(store)
    if focus:
        graph = ego(graph, focus, depth)
    return render_html(graph, Path(html), title=title)
