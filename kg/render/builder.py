"""networkx graph → pyvis network → one self-contained, offline, script-safe HTML page."""

from __future__ import annotations

import hashlib
import html
import json
import math
import os
import secrets
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from pyvis.network import Network

from kg.errors import InputError
from kg.graph.ranking import pagerank
from kg.model import Kind
from kg.render.data import PageData, PageFact, PageNode, clean, read_graph
from kg.render.layout import force_layout
from kg.render.page import fill_page

# Fixed colours per entity type (Tableau 10 plus greys for literal values), so a type
# looks the same in every page and legend.
TYPE_COLORS: dict[str, str] = {
    Kind.PERSON: "#e15759",
    Kind.ORGANIZATION: "#4e79a7",
    Kind.COUNTRY: "#59a14f",
    Kind.CITY: "#8cd17d",
    Kind.REGION: "#b6992d",
    Kind.PLACE: "#499894",
    Kind.PRODUCT: "#f28e2b",
    Kind.EVENT: "#b07aa1",
    Kind.ROLE: "#ff9da7",
    Kind.CONCEPT: "#9c755f",
    "Quantity": "#bab0ac",
    "Date": "#79706e",
}
# Types outside the ontology still get a stable colour, picked by a hash of the name.
_EXTRA_COLORS = ("#76b7b2", "#edc948", "#d37295", "#a0cbe8", "#ffbe7d", "#86bcb6", "#d4a6c8")
_VALUE_TYPES = frozenset({"Quantity", "Date", "Text"})
_LABEL_MAX = 40
# Above this many entities with facts, the page opens on an overview: the most central
# entities and the facts among them, with a note and a button to show everything.
OVERVIEW_NODES = 60


def type_color(entity_type: str) -> str:
    """Return the fixed colour used for an entity type (a hash-picked one for unknown types)."""
    if entity_type in TYPE_COLORS:
        return TYPE_COLORS[entity_type]
    digest = hashlib.sha256(entity_type.encode("utf-8", "surrogatepass")).digest()
    return _EXTRA_COLORS[digest[0] % len(_EXTRA_COLORS)]


def html_document(graph: nx.MultiDiGraph, *, title: str = "Knowledge graph",
                  layout_threshold: int = 300, focus: Any = None,
                  path: tuple[Any, Any] | None = None,
                  overview: int = OVERVIEW_NODES) -> str:
    """Return the interactive page for a graph as one self-contained HTML string.

    focus: a node id to mark and select when the page opens. path: two node ids whose
    shortest connections the page shows when it opens. overview: above this many entities
    with facts, the page opens on the most central ones (0 turns the overview off).
    """
    if not isinstance(layout_threshold, int) or isinstance(layout_threshold, bool) \
            or layout_threshold < 0:
        raise InputError(
            f"layout_threshold must be a non-negative integer, not {layout_threshold!r}")
    if not isinstance(overview, int) or isinstance(overview, bool) or overview < 0:
        raise InputError(f"overview must be a non-negative integer, not {overview!r}")
    nodes, facts = read_graph(graph)
    for node in ([focus] if focus is not None else []) + list(path or []):
        if node not in graph:
            raise InputError(f"{node!r} is not a node of the graph")
    if path is not None and len(path) != 2:
        raise InputError("path must be a pair of node ids")
    title = clean(title) if isinstance(title, str) else "Knowledge graph"
    page = _page_data(nodes, facts, layout_threshold, overview)
    if focus is not None:
        page.focus = clean(focus if isinstance(focus, str) else str(focus))
        for node in page.nodes:
            if node["id"] == page.focus:
                node.update(borderWidth=4, borderWidthSelected=5, focus=True)
                node["color"]["border"] = "#111111"
    if path is not None:
        page.path = [clean(n if isinstance(n, str) else str(n)) for n in path]
    return fill_page(page, title)


def render_html(graph: nx.MultiDiGraph, path: str | os.PathLike[str], *,
                title: str = "Knowledge graph", layout_threshold: int = 300,
                focus: Any = None, connect: tuple[Any, Any] | None = None,
                overview: int = OVERVIEW_NODES) -> Path:
    """Write the interactive page for a graph to path (one file, nothing else) and return it.

    focus marks and selects one node; connect=(a, b) opens the page on the shortest
    connections between two nodes (see html_document).
    """
    target = Path(path)
    if target.is_dir():
        raise InputError(f"cannot write the graph page to {target}: it is a directory")
    document = html_document(graph, title=title, layout_threshold=layout_threshold,
                             focus=focus, path=connect, overview=overview)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename, so a reader never sees half a page; "x" mode
        # (not mkstemp) so the file gets the usual umask permissions.
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            with open(tmp, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(document)
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise InputError(f"cannot write the graph page to {target}: {exc.strerror or exc}") from exc
    return target


def notebook_iframe(graph: nx.MultiDiGraph, height: int = 600, *,
                    title: str = "Knowledge graph", layout_threshold: int = 300) -> str:
    """Return an <iframe srcdoc> embedding the page, for Jupyter and VS Code notebooks."""
    if not isinstance(height, int) or isinstance(height, bool) or not 50 <= height <= 10000:
        raise InputError(f"height must be an integer number of pixels (50-10000), not {height!r}")
    document = html_document(graph, title=title, layout_threshold=layout_threshold)
    # allow-scripts without allow-same-origin: the page runs, but in an opaque origin that
    # cannot reach the notebook's cookies, storage or DOM.
    return (
        f'<iframe srcdoc="{html.escape(document, quote=True)}" '
        f'title="{html.escape(title, quote=True)}" sandbox="allow-scripts" '
        f'style="width:100%;height:{height}px;border:1px solid #ddd"></iframe>'
    )


# --- building the data -------------------------------------------------------------------

def _short(label: str) -> str:
    flat = " ".join(label.split())
    return flat if len(flat) <= _LABEL_MAX else flat[: _LABEL_MAX - 1].rstrip() + "…"


def _overview(n: int, src: np.ndarray, dst: np.ndarray, rank: np.ndarray,
              k: int) -> list[int] | None:
    """The k most central entities that have a fact among themselves, or None when every
    entity with a fact fits. Central entities left without a tie inside the set give their
    place to the best-ranked neighbours of the set, so the overview has no loose nodes."""
    links = src != dst
    src, dst = src[links], dst[links]
    degree = np.bincount(np.concatenate([src, dst]), minlength=n)
    connected = np.flatnonzero(degree > 0)
    if k == 0 or len(connected) <= k:
        return None
    order = connected[np.argsort(-rank[connected], kind="stable")]
    chosen = np.zeros(n, dtype=bool)
    chosen[order[:k]] = True
    tied = np.zeros(n, dtype=bool)
    both = chosen[src] & chosen[dst]
    tied[src[both]] = True
    tied[dst[both]] = True
    chosen &= tied
    while chosen.sum() < k:
        # Neighbours of the set, best ranked first.
        frontier = np.zeros(n, dtype=bool)
        frontier[dst[chosen[src]]] = True
        frontier[src[chosen[dst]]] = True
        frontier &= ~chosen
        candidates = np.flatnonzero(frontier)
        if candidates.size == 0:
            rest = order[~chosen[order]]
            if rest.size == 0:
                break
            candidates = rest[:1]  # a new component: its most central entity
        best = candidates[np.argsort(-rank[candidates], kind="stable")]
        chosen[best[: k - int(chosen.sum())]] = True
    return sorted(np.flatnonzero(chosen).tolist(), key=lambda i: (-rank[i], i))


def _page_data(nodes: list[PageNode], facts: list[PageFact], layout_threshold: int,
               overview_k: int = OVERVIEW_NODES) -> PageData:
    index = {node.id: i for i, node in enumerate(nodes)}
    src = np.array([index[f.source] for f in facts], dtype=np.int64)
    dst = np.array([index[f.target] for f in facts], dtype=np.int64)
    n = len(nodes)
    rank = pagerank(n, src, dst)
    importance = _normalise(rank)
    big = n > layout_threshold
    overview = _overview(n, src, dst, rank, overview_k)
    # Positions from Python whenever the browser is not asked to lay out everything: big
    # graphs, and graphs that open on an overview (their "show everything" view).
    positions = force_layout(n, src, dst) if big or overview is not None else None

    # pyvis's public add_node/add_edge check membership in a list, so building is quadratic
    # in the node count (measured with pyvis 0.3.2: 0.1 s at 2,000 nodes, 0.6 s at 5,000,
    # 9 s at 20,000); kg accepts that rather than patch pyvis's internals. directed=True
    # because the undirected add_edge also rescans every edge.
    net = Network(directed=True)
    type_counts: Counter[str] = Counter(node.type for node in nodes)
    for i, node in enumerate(nodes):
        color = type_color(node.type)
        weight = float(importance[i])
        extra: dict[str, Any] = {}
        if positions is not None:
            extra.update(x=round(float(positions[i, 0]), 1), y=round(float(positions[i, 1]), 1))
        net.add_node(
            node.id,
            label=_short(node.label),
            shape="diamond" if node.type in _VALUE_TYPES else "dot",
            color={"background": color, "border": _darker(color),
                   "highlight": {"background": color, "border": "#111111"},
                   "hover": {"background": color, "border": "#111111"}},
            size=round(10 + 26 * math.sqrt(weight), 1),
            font={"size": round(13 + 7 * weight)},
            fullLabel=node.label,
            type=node.type,
            aliases=list(node.aliases),
            docs=node.docs,
            importance=round(weight, 4),
            **extra,
        )

    relation_counts: Counter[str] = Counter(fact.relation for fact in facts)
    symmetric_relations = {fact.relation for fact in facts if fact.symmetric}
    curves = _parallel_smooth(list(zip(src.tolist(), dst.tolist())))
    for j, fact in enumerate(facts):
        confidence = fact.confidence
        net.add_edge(
            fact.source, fact.target,
            id=f"e{j}",
            label=_short(fact.relation),
            # Drawn at size 0 (not at all) until the page finds room for it (see app.js).
            font={"size": 0},
            arrows={"to": {"enabled": not fact.symmetric, "scaleFactor": 0.6}},
            width=round(1 + 2.5 * (confidence if confidence is not None else 0.5), 2),
            # Dashed lines cost canvas ~2x per frame, too slow for thousands of edges.
            dashes=not big and confidence is not None and confidence < 0.5,
            **curves[j],
            relation=fact.relation,
            symmetric=fact.symmetric,
            key=fact.key,
            evidence=fact.evidence,
            doc=fact.doc,
            doc_title=fact.doc_title,
            doc_date=fact.doc_date,
            publisher=fact.publisher,
            confidence=confidence,
            rule=fact.rule,
            s_mention=fact.s_mention,
            o_mention=fact.o_mention,
            qualifiers=[list(pair) for pair in fact.qualifiers],
            hedge=fact.hedge,
            date=fact.date,
        )

    net_nodes, net_edges, _heading, _height, _width, net_options = net.get_network_data()
    options = json.loads(net_options)
    options.update(_options(big, positions is None or overview is not None))
    types = sorted(type_counts, key=_type_order)
    docs: dict[str, dict[str, Any]] = {}
    for fact in facts:
        if fact.doc is None:
            continue
        entry = docs.setdefault(fact.doc, {"id": fact.doc, "title": fact.doc_title,
                                           "date": fact.doc_date, "facts": 0,
                                           "publisher": fact.publisher})
        entry["facts"] += 1
    return PageData(
        docs=sorted(docs.values(), key=lambda d: (d["date"] or "", d["title"] or "", d["id"])),
        dates=sorted({f.date for f in facts if f.date}),
        publishers=sorted({f.publisher for f in facts if f.publisher}),
        overview=None if overview is None else {
            "ids": [nodes[i].id for i in overview],
            "connected": int(np.count_nonzero(np.bincount(
                np.concatenate([src[src != dst], dst[src != dst]]), minlength=n))),
        },
        nodes=net_nodes,
        edges=net_edges,
        options=options,
        types=[{"name": t, "color": type_color(t), "count": type_counts[t]} for t in types],
        relations=[
            {"name": r, "count": c, "symmetric": r in symmetric_relations}
            for r, c in sorted(relation_counts.items(), key=lambda rc: (-rc[1], rc[0]))
        ],
        physics=positions is None or overview is not None,
    )


def _normalise(values: np.ndarray) -> np.ndarray:
    if values.size == 0:
        return values
    lo, hi = float(values.min()), float(values.max())
    if hi - lo < 1e-12:
        return np.full(values.shape, 0.15)
    return (values - lo) / (hi - lo)


def _darker(color: str) -> str:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.7) for c in (r, g, b)))


def _type_order(entity_type: str) -> tuple[int, str]:
    known = list(TYPE_COLORS)
    return (known.index(entity_type), "") if entity_type in known else (len(known), entity_type)


def _parallel_smooth(pairs: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Per-edge curve options: parallel edges bend to alternating sides, loops fan out."""
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for j, (a, b) in enumerate(pairs):
        groups[(min(a, b), max(a, b))].append(j)
    extra: list[dict[str, Any]] = [{} for _ in pairs]
    for (a, b), members in groups.items():
        if a == b:
            for k, j in enumerate(members):
                extra[j] = {"selfReference": {"size": 14 + 6 * k, "angle": round(0.8 * k, 2)}}
            continue
        if len(members) == 1:
            continue
        offsets = [0] if len(members) % 2 else []
        step = 1
        while len(offsets) < len(members):
            offsets += [step, -step]
            step += 1
        for j, offset in zip(members, offsets):
            if offset == 0:
                continue
            # curvedCW is relative to the edge's direction, so a reversed edge flips side.
            clockwise = (offset > 0) != (pairs[j][0] != a)
            extra[j] = {"smooth": {"enabled": True,
                                   "type": "curvedCW" if clockwise else "curvedCCW",
                                   "roundness": round(min(0.9, 0.2 * abs(offset)), 2)},
                        # The page re-bends these once it knows the nodes' distance.
                        "parallel": abs(offset)}
    return extra


def _options(big: bool, physics: bool) -> dict[str, Any]:
    """vis-network options: browser physics lays out small graphs and overviews, Python
    positions hold the rest. Physics stops once the page has laid the graph out."""
    face = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"
    options: dict[str, Any] = {
        "autoResize": True,
        "nodes": {
            "borderWidth": 1.5,
            # A bold label is wider than the box the page laid the labels out with.
            "labelHighlightBold": False,
            "font": {"face": face,
                     "color": "#1d1d1f", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "color": {"color": "#9aa4ad", "highlight": "#222222", "hover": "#4a5560",
                      "inherit": False, "opacity": 0.85},
            # The page sets the size so labels are 12 px on screen at any zoom, and shows
            # a label only where it overlaps no other label (hover shows the rest).
            "font": {"size": 12, "face": face, "color": "#444444", "strokeWidth": 3,
                     "strokeColor": "#ffffff", "align": "horizontal"},
            "smooth": False,
            "selectionWidth": 2,
            "hoverWidth": 1.5,
            "labelHighlightBold": False,
            # A label drawn smaller than 1 px is not drawn: that is how the page hides one.
            "scaling": {"label": {"drawThreshold": 2, "maxVisible": 1000}},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "keyboard": {"enabled": False},
            "multiselect": False,
            "dragNodes": True,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
        },
        "layout": {"randomSeed": 7, "improvedLayout": not big},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.01,
                                 "springLength": 110, "springConstant": 0.08,
                                 "avoidOverlap": 0.4},
            "maxVelocity": 50,
            "minVelocity": 0.75,
            "stabilization": {"enabled": physics, "iterations": 400, "updateInterval": 25,
                              "fit": True},
        },
    }
    return options
