"""Standard formats in and out of a KGStore.

Export:

* ``nq``, ``trig``, ``jsonld``: every quad with its named graph (lossless: re-importing
  rebuilds the store).
* ``ttl``, ``nt``: triple formats cannot name graphs, so they hold the union of all
  graphs, each distinct triple once (what a SPARQL query over the default graph sees).
* ``graphml``, ``gexf``: the networkx view of kg.graph.to_networkx (one node per entity or
  value, one edge per assertion); list and dict attributes are written as JSON text and
  missing values as empty strings, since both formats only take scalars.
* ``csv``: a folder with ``nodes.csv`` and ``edges.csv`` of that same view.

Import merges external RDF (ttl, nt, nq, trig, jsonld) in one transaction. Triples
outside any named graph go to ``graph_iri`` when given, else to ``{base}import/{hash}``
(a hash of the file's content), because the store's default graph is the union of its
named graphs and would hide them. Quads keep their graphs unless ``graph_iri`` is given.
"""

from __future__ import annotations

import codecs
import csv
import errno
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable

import networkx as nx
import pyoxigraph as ox

from kg.errors import InputError, KGError
from kg.store import KGStore
from kg.store.namespaces import PREFIXES

__all__ = ["EXPORT_FORMATS", "IMPORT_FORMATS", "export", "import_rdf", "to_flat_graph"]

# format name -> (Oxigraph serializer, file suffix). Oxigraph's serializers keep every
# literal's lexical form (rdflib's Turtle writer rewrites "38550000000"^^xsd:decimal as
# 38550000000.0, a different term) and stream, which matters at a million quads.
_RDF_FORMATS = {
    "ttl": (ox.RdfFormat.TURTLE, ".ttl"),
    "nt": (ox.RdfFormat.N_TRIPLES, ".nt"),
    "nq": (ox.RdfFormat.N_QUADS, ".nq"),
    "trig": (ox.RdfFormat.TRIG, ".trig"),
    "jsonld": (ox.RdfFormat.JSON_LD, ".jsonld"),
}
_QUAD_FORMATS = frozenset({"nq", "trig", "jsonld"})
EXPORT_FORMATS = (*_RDF_FORMATS, "graphml", "gexf", "csv")
# file suffix -> format name (the names --format takes)
IMPORT_FORMATS = {
    ".ttl": "ttl",
    ".turtle": "ttl",
    ".nt": "nt",
    ".ntriples": "nt",
    ".nq": "nq",
    ".nquads": "nq",
    ".trig": "trig",
    ".jsonld": "jsonld",
    ".json": "jsonld",
}


def _target(out: str | Path, suffix: str) -> Path:
    path = Path(out)
    if path.is_dir():
        path = path / f"kg{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


# C1 controls and bidi/format characters that the serializers leave raw (they escape C0);
# on standard output they are written as \\u escapes, which every RDF syntax (and JSON-LD)
# reads back as the same character, so a terminal never obeys them.
_UNSAFE = re.compile(r"[\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


class _EscapingWriter:
    """A binary writer that escapes _UNSAFE characters of UTF-8 text streamed through it."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.decoder = codecs.getincrementaldecoder("utf-8")()

    def write(self, data: bytes) -> int:
        text = self.decoder.decode(bytes(data))
        self.raw.write(_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04X}", text).encode("utf-8"))
        return len(data)

    def flush(self) -> None:
        self.raw.flush()


def _export_rdf(store: KGStore, fmt: str, out: str | Path) -> Path:
    serializer, suffix = _RDF_FORMATS[fmt]
    to_stdout = str(out) == "-"
    path = Path("-") if to_stdout else _target(out, suffix)
    if fmt in _QUAD_FORMATS:
        data: Iterable[Any] = store.ox_quads()
    else:
        # dict keeps the first-seen order while dropping a triple stated in several graphs
        data = dict.fromkeys(q.triple for q in store.ox_quads())
    prefixes = None if fmt in ("nt", "nq") else dict(PREFIXES)
    try:
        if to_stdout:
            sys.stdout.flush()
            ox.serialize(data, _EscapingWriter(sys.stdout.buffer), serializer, prefixes=prefixes)
            sys.stdout.buffer.flush()
        else:
            ox.serialize(data, str(path), serializer, prefixes=prefixes)
    except OSError as exc:
        if to_stdout and (isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE or "broken pipe" in str(exc).lower()):
            raise BrokenPipeError(errno.EPIPE, "the reader of standard output went away") from None
        raise KGError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


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
    from kg.graph import to_networkx

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
    if fmt in _RDF_FORMATS:
        return _export_rdf(store, fmt, out)
    if str(out) == "-":
        raise KGError(f"only RDF formats ({', '.join(_RDF_FORMATS)}) can be written to standard output")
    if fmt == "csv":
        return _export_csv(store, out)
    if fmt in ("graphml", "gexf"):
        path = _target(out, "." + fmt)
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


def _format_for(path: Path, fmt: str | None) -> str:
    if fmt:
        name = fmt.lower().lstrip(".")
        if name in _RDF_FORMATS:
            return name
        raise InputError(f"unknown RDF format {fmt!r}; use one of {', '.join(_RDF_FORMATS)}")
    name = IMPORT_FORMATS.get(path.suffix.lower())
    if name is None:
        raise InputError(
            f"cannot tell the RDF format of {path.name}; name it .ttl, .nt, .nq, .trig or .jsonld (or give the format)"
        )
    return name


def import_rdf(store: KGStore, path: str | Path, graph_iri: str | None = None, fmt: str | None = None) -> int:
    """Merge an RDF file into the store in one transaction; return the number of new quads."""
    file = Path(path)
    if not file.is_file():
        raise InputError(f"no such file: {file}")
    name = _format_for(file, fmt)
    raw = file.read_bytes()
    if not raw.strip():
        raise InputError(f"{file} is empty")
    try:
        target = ox.NamedNode(graph_iri or f"{store.base}import/{hashlib.sha256(raw).hexdigest()[:32]}")
    except ValueError as exc:
        raise InputError(f"invalid graph IRI {graph_iri!r}: {exc}") from None
    # Oxigraph's parser, about 30 times faster than rdflib's on large files; blank nodes
    # get fresh ids, so two files (or one file twice) never share one by accident.
    parsed = ox.parse(raw, format=_RDF_FORMATS[name][0], base_iri=file.resolve().as_uri(), rename_blank_nodes=True)
    try:
        quads = [
            q
            if graph_iri is None and not isinstance(q.graph_name, ox.DefaultGraph)
            else ox.Quad(q.subject, q.predicate, q.object, target)
            for q in parsed
        ]
    except (SyntaxError, ValueError) as exc:
        text = str(exc).strip().splitlines()
        raise InputError(f"cannot parse {file.name} as {name}: {text[0] if text else type(exc).__name__}") from None
    before = len(store)
    store.add_quads(quads)
    return len(store) - before
