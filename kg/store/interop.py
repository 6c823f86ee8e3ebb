"""RDF in and out of a KGStore (the graph formats graphml, gexf and csv are kg.graph.export).

Export:

* ``nq``, ``trig``, ``jsonld``: every quad with its named graph (lossless: re-importing
  rebuilds the store).
* ``ttl``, ``nt``: triple formats cannot name graphs, so they hold the union of all
  graphs, each distinct triple once (what a SPARQL query over the default graph sees).

Import merges external RDF (ttl, nt, nq, trig, jsonld) in one transaction. Triples
outside any named graph go to ``graph_iri`` when given, else to ``{base}import/{hash}``
(a hash of the file's content), because the store's default graph is the union of its
named graphs and would hide them. Quads keep their graphs unless ``graph_iri`` is given.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import re
import sys
from pathlib import Path
from typing import Any, Iterable

import pyoxigraph as ox

from kg.errors import InputError, KGError
from kg.store import KGStore
from kg.store.namespaces import PREFIXES

__all__ = ["IMPORT_FORMATS", "RDF_FORMATS", "export_rdf", "import_rdf", "output_path"]

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
RDF_FORMATS = tuple(_RDF_FORMATS)
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


def output_path(out: str | Path, suffix: str) -> Path:
    """The file to write: out itself, or kg{suffix} inside out when it is a folder."""
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


def export_rdf(store: KGStore, fmt: str, out: str | Path) -> Path:
    """Write the store as ttl, nt, nq, trig or jsonld to a file (or "-": standard output)."""
    serializer, suffix = _RDF_FORMATS[fmt]
    to_stdout = str(out) == "-"
    path = Path("-") if to_stdout else output_path(out, suffix)
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
