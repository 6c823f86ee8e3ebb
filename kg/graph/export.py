"""The store's graph in graph formats, and the one export entry point for every format.

* ``graphml``, ``gexf``: the networkx view of kg.graph.to_networkx (one node per entity or
  value, one edge per assertion); list and dict attributes are written as JSON text and
  missing values as empty strings, since both formats only take scalars.
* ``csv``: a folder with ``nodes.csv`` and ``edges.csv`` of that same view.
* RDF formats (ttl, nt, nq, trig, jsonld) are written by kg.store.interop.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import KGError
from kg.store import KGStore
from kg.store.interop import RDF_FORMATS, export_rdf, output_path

from .view import to_networkx

__all__ = ["EXPORT_FORMATS", "export", "to_flat_graph"]

EXPORT_FORMATS = (*RDF_FORMATS, "graphml", "gexf", "csv")


def _scalar(value: Any) -> str | int | float | bool:
    if value is None:
        return ""
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple, set)):
        return json.dumps(sorted(value) if isinstance(value, set) else list(value), ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def to_flat_graph(store: KGStore) -> nx.MultiDiGraph:
    """Return kg.graph.to_networkx(store) with every attribute a scalar (GraphML/GEXF-safe)."""
    source = to_networkx(store)
    flat = nx.MultiDiGraph()
    for node, data in source.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    for s, o, key, data in source.edges(keys=True, data=True):
        flat.add_edge(s, o, key=key, **{k: _scalar(v) for k, v in data.items()})
    return flat


_NODE_COLUMNS = ["id", "label", "type", "aliases", "docs"]
_EDGE_COLUMNS = [
    "id", "source", "target", "relation", "symmetric", "confidence", "evidence", "doc",
    "doc_title", "doc_date", "rule", "s_mention", "o_mention", "qualifiers", "hedge",
]


def _export_csv(store: KGStore, out: str | Path) -> Path:
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise KGError(f"cannot write CSV files into {folder}: it is a file, give a folder")
    folder.mkdir(parents=True, exist_ok=True)
    graph = to_flat_graph(store)
    with open(folder / "nodes.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=_NODE_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for node, data in graph.nodes(data=True):
            writer.writerow({"id": node, **data})
    with open(folder / "edges.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=_EDGE_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for s, o, key, data in graph.edges(keys=True, data=True):
            writer.writerow({"id": key, "source": s, "target": o, **data})
    return folder


def export(store: KGStore, fmt: str, out: str | Path) -> Path:
    """Write the store as ttl|nt|nq|trig|jsonld|graphml|gexf (a file) or csv (a folder); return the path.

    ``out`` "-" writes an RDF format to standard output."""
    fmt = fmt.lower().lstrip(".")
    if fmt in RDF_FORMATS:
        return export_rdf(store, fmt, out)
    if str(out) == "-":
        raise KGError(f"only RDF formats ({', '.join(RDF_FORMATS)}) can be written to standard output")
    if fmt == "csv":
        return _export_csv(store, out)
    if fmt in ("graphml", "gexf"):
        path = output_path(out, "." + fmt)
        graph = to_flat_graph(store)
        try:
            if fmt == "graphml":
                nx.write_graphml(graph, path)
            else:
                nx.write_gexf(graph, path)
        except OSError as exc:
            raise KGError(f"cannot write {path}: {exc.strerror or exc}") from None
        return path
    raise KGError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
