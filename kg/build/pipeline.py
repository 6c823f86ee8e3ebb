"""Wire the layers: read documents, extract, store, render. The CLI and notebooks call this."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError
from kg.extract import Extractor
from kg.extract.reconcile import KnownEntities, reconcile
from kg.errors import InputError, OutputError
from kg.ingest import iter_documents, load_documents, looks_english
from kg.model import Document

DEFAULT_STORE = ".kg/store"
DEFAULT_HTML = "out/graph.html"


@dataclass
class BuildReport:
    """What a build did: documents added or skipped, and inputs that failed."""

    added: list[Document] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # sources already in the store
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    warnings: list[str] = field(default_factory=list)

    def record_added(self, doc: Document, kept: Document | None = None) -> None:
        """Count a stored document (or the light copy `kept`) and warn if it is not English."""
        self.added.append(kept if kept is not None else doc)
        if not looks_english(doc.body):
            self.warnings.append(f"{doc.source}: does not look like English; extraction may miss facts")


def extract_file(source: str, model: str | None = None, extractor: Extractor | None = None) -> Document:
    """Extract one file (or '-' for stdin) without touching any store."""
    docs = load_documents(source)
    if len(docs) != 1:
        raise InputError(f"{source}: holds {len(docs)} documents; extract takes one (use build)")
    if isinstance(docs[0], InputError):
        raise docs[0]
    extractor = extractor or Extractor(model)
    return extractor.extract(docs[0])


def store_document(store, doc: Document, known: KnownEntities) -> bool:  # noqa: ANN001
    """Map the document's entities onto stored ones, then add it in one transaction."""
    reconcile(doc, known)
    return store.add_document(doc)


def known_entities(store) -> KnownEntities:  # noqa: ANN001
    """The store's entities, indexed for cross-document resolution."""
    return KnownEntities(store.entities())


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
    known: KnownEntities | None = None
    for item in iter_documents(list(paths)):
        if isinstance(item, InputError):
            report.failed.append((str(item).split(": ", 1)[0], str(item)))
        else:
            try:
                if store.has_document(item.id):
                    report.skipped.append(item.source)
                else:
                    extractor = extractor or Extractor(model)
                    extractor.extract(item)
                    known = known if known is not None else known_entities(store)
                    store_document(store, item, known)
                    report.record_added(item)
            except KGError as exc:
                if _is_fatal(exc):
                    raise
                report.failed.append((item.source, f"{item.source}: {exc}"))
        if progress is not None:
            progress(item.source if isinstance(item, Document) else str(item))
    return report


def _is_fatal(exc: KGError) -> bool:
    from kg.errors import ModelError, StoreError

    return isinstance(exc, (ModelError, StoreError))


def check_output(path: str | Path, force: bool = False) -> Path:
    """Refuse to overwrite a file that is not an HTML page unless forced."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path}: is a folder, not a file")
    if path.exists() and not force:
        head = path.read_bytes()[:512].lstrip().lower()
        if not head.startswith((b"<!doctype html", b"<html")) and path.stat().st_size > 0:
            raise OutputError(f"{path}: exists and is not an HTML page; use --force to overwrite")
    return path


def render(store, html: str | Path, focus: str | None = None, depth: int = 1,  # noqa: ANN001
           title: str | None = None, force: bool = False, max_nodes: int | None = None,
           query: str | None = None, path: tuple[str, str] | None = None,
           since: str | None = None, until: str | None = None) -> Path:
    """Write the store's graph, or a view of it (ego, top-k, query result, the connection
    between two entities, a date range), as one HTML file. Without a title, the page is
    named after what it shows (the focus entity, the two connected entities, the period)."""
    from kg.graph import (
        between_dates, connection_subgraph, ego, find_node, query_subgraph, to_networkx,
        top_subgraph,
    )
    from kg.render import render_html

    html = check_output(html, force)
    graph = to_networkx(store)
    if since or until:
        graph = between_dates(graph, since, until)
    if query:
        graph = query_subgraph(graph, store, query)
    center = None
    if focus:
        center = find_node(graph, focus)
        graph = ego(graph, center, depth)
    ends = None
    if path:
        graph, a, b = connection_subgraph(graph, path[0], path[1])
        ends = (a, b)
    if max_nodes:
        kept = top_subgraph(graph, max_nodes)
        # The focus and the two ends of a connection stay, whatever their rank.
        wanted = {center, *(ends or ())} - {None}
        if wanted - set(kept):
            kept = graph.subgraph(set(kept) | wanted).copy()
        graph = kept
    if title is None:
        title = _view_title(graph, center, ends, since, until)
    return render_html(graph, Path(html), title=title, focus=center, connect=ends)


def _view_title(graph, center, ends, since, until) -> str:  # noqa: ANN001
    def label(node: str) -> str:
        return str(graph.nodes[node].get("label") or node)

    if ends:
        title = f"{label(ends[0])} and {label(ends[1])}: how they are connected"
    elif center is not None:
        title = f"{label(center)}: knowledge graph"
    else:
        title = "Knowledge graph"
    if since or until:
        title += f" ({since or '…'} to {until or '…'})"
    return title
