"""What the page receives: typed records read from a networkx graph, and the page's data.

The graph layer (kg.graph.view) hands the renderer a networkx graph whose node and edge
attributes follow a documented contract (label, type, aliases, docs; relation, evidence,
doc, confidence, ...). Any networkx graph may be rendered, so every attribute is read here,
once, as untrusted input: missing values get defaults, numbers are clamped, text is made
valid UTF-8. The builder then works with :class:`PageNode` and :class:`PageFact` only, and
hands the page one :class:`PageData`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields
from typing import Any

import networkx as nx

from kg.errors import InputError

__all__ = ["PageData", "PageFact", "PageNode", "clean", "read_graph"]


@dataclass(frozen=True)
class PageNode:
    """An entity or value as the page shows it."""

    id: str  # the node's identifier, as text
    label: str
    type: str
    aliases: tuple[str, ...]
    docs: int  # documents mentioning it


@dataclass(frozen=True)
class PageFact:
    """One edge (one assertion) as the page shows it."""

    source: str  # PageNode ids
    target: str
    key: str | None
    relation: str
    symmetric: bool
    evidence: str | None
    doc: str | None
    doc_title: str | None
    doc_date: str | None
    publisher: str | None
    confidence: float | None  # 0..1, three decimals
    rule: str | None
    s_mention: str | None
    o_mention: str | None
    qualifiers: tuple[tuple[str, str], ...]  # (name, value) in the graph's order
    hedge: str | None
    date: str | None  # YYYY[-MM[-DD]]: its own date qualifier, else its document's


@dataclass
class PageData:
    """Everything app.js reads from the page's JSON (one key per field)."""

    docs: list[dict[str, Any]]  # documents in view: id, title, date, facts, publisher
    dates: list[str]
    publishers: list[str]
    overview: dict[str, Any] | None  # ids shown first, and how many entities have facts
    nodes: list[dict[str, Any]]  # vis-network nodes (pyvis-built)
    edges: list[dict[str, Any]]  # vis-network edges (pyvis-built)
    options: dict[str, Any]  # vis-network options
    types: list[dict[str, Any]]  # legend: name, color, count
    relations: list[dict[str, Any]]  # relation filter: name, count, symmetric
    physics: bool  # whether the browser lays the graph out
    focus: str | None = None  # node id to mark and select on opening
    path: list[str] | None = None  # two node ids whose connections the page opens on

    def to_json(self) -> dict[str, Any]:
        """The page's JSON object (shallow: the node and edge dicts are not copied)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def clean(text: str) -> str:
    """Replace lone surrogates (from undecodable input) so the page is valid UTF-8."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return clean(value if isinstance(value, str) else str(value))


def _confidence(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(number):
        return None
    return round(min(1.0, max(0.0, number)), 3)


def _count(value: Any) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def _iterable(value: Any) -> bool:
    try:
        iter(value)
    except TypeError:
        return False
    return True


def _aliases(value: Any, label: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value) if _iterable(value) else [value]
    seen: dict[str, None] = {}
    for item in items:
        text = _text(item)
        if text and text != label:
            seen.setdefault(text, None)
    return tuple(seen)


def _qualifiers(value: Any) -> tuple[tuple[str, str], ...]:
    """kg.graph gives a {name: value} dict (date, place...); keep it as ordered text pairs."""
    if not isinstance(value, dict):
        return ()
    return tuple((_text(k) or "", _text(v) or "") for k, v in value.items() if v is not None)


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def _fact_date(attrs: dict[str, Any]) -> str | None:
    """The date a fact is about: its own date qualifier when extracted, else its document's.
    The same rule as kg.graph.fact_date, kept here so that any networkx graph renders."""
    qualifiers = attrs.get("qualifiers")
    if isinstance(qualifiers, dict):
        match = _DATE.match(str(qualifiers.get("date") or ""))
        if match:
            return match.group(0)
    match = _DATE.match(str(attrs.get("doc_date") or ""))
    return match.group(0) if match else None


def read_graph(graph: nx.Graph) -> tuple[list[PageNode], list[PageFact]]:
    """The graph's nodes and edges as page records; InputError for a graph the page cannot show."""
    if not isinstance(graph, nx.Graph):
        raise InputError(f"expected a networkx graph, not {type(graph).__name__}")
    ids: dict[Any, str] = {}
    taken: set[str] = set()
    nodes = []
    for node, attrs in graph.nodes(data=True):
        vis_id = clean(node if isinstance(node, str) else str(node))
        if vis_id in taken:
            raise InputError(f"two graph nodes share the identifier {vis_id!r}")
        taken.add(vis_id)
        ids[node] = vis_id
        label = _text(attrs.get("label")) or vis_id
        nodes.append(PageNode(id=vis_id, label=label, type=_text(attrs.get("type")) or "Unknown",
                              aliases=_aliases(attrs.get("aliases"), label), docs=_count(attrs.get("docs"))))
    rows = graph.edges(keys=True, data=True) if graph.is_multigraph() else \
        ((u, v, None, d) for u, v, d in graph.edges(data=True))
    facts = [
        PageFact(
            source=ids[u], target=ids[v], key=_text(key),
            relation=_text(attrs.get("relation")) or "related",
            symmetric=bool(attrs.get("symmetric")),
            evidence=_text(attrs.get("evidence")),
            doc=_text(attrs.get("doc")),
            doc_title=_text(attrs.get("doc_title")),
            doc_date=_text(attrs.get("doc_date")),
            publisher=_text(attrs.get("doc_publisher")),
            confidence=_confidence(attrs.get("confidence")),
            rule=_text(attrs.get("rule")),
            s_mention=_text(attrs.get("s_mention")),
            o_mention=_text(attrs.get("o_mention")),
            qualifiers=_qualifiers(attrs.get("qualifiers")),
            hedge=_text(attrs.get("hedge")),
            date=_fact_date(attrs),
        )
        for u, v, key, attrs in rows
    ]
    return nodes, facts
