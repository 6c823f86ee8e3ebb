"""KGStore: documents as named graphs, SPARQL over their union, on one of two backends.

Locations, and the backend class ``KGStore(location)`` returns:

* ``None`` / ``"memory"``: Oxigraph in memory (:class:`kg.store.local.LocalStore`; not
  rdflib's Memory store, whose SPARQL join ordering does not scale).
* a folder: on-disk Oxigraph (RocksDB), also ``LocalStore``; created when missing.
* ``sparql+http://host:port`` / ``sparql+https://...``: a remote endpoint with ``/query``
  and ``/update`` (what ``oxigraph serve`` exposes), :class:`kg.store.remote.RemoteStore`.

Every query sees the union of the named graphs as its default graph; each document lives
in its own named graph, so ingesting is one atomic insert and removal one ``DROP GRAPH``.

This class holds what both backends share (documents, entities, support, statistics, error
messages); a backend supplies the few primitives below the line "backend".
"""

from __future__ import annotations

import dataclasses
import urllib.error
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, Graph
from rdflib.query import Result
from rdflib.term import Identifier, Node

from kg.errors import QueryError, StoreError
from kg.identity import SAME_KEY_REASON
from kg.model import Document, Entity, Merge

from .namespaces import DEFAULT_BASE, KG
from .rdf import (
    Quad,
    document_entities,
    document_from_graph,
    document_graph_iri,
    entity_iri,
    normalize_base,
    relation_name,
    type_name,
)
from .sparql import SUPPORT, SUPPORT_HISTOGRAM, is_update, query_bindings
from .terms import from_ox, plain

__all__ = ["KGStore", "StoreBusyError", "open_store"]


class StoreBusyError(StoreError):
    """The on-disk store is open for writing by another process (or another KGStore)."""


# Without a flush, an on-disk store's memory grows with every quad written in the process
# (measured: ~1 KB per quad); flushing every 50k quads keeps a build's memory flat.
FLUSH_EVERY_QUADS = 50_000


def one_line(exc: BaseException) -> str:
    """The first line of an exception's message (its class name when it has none)."""
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def _first(result: Result) -> Any:
    for row in result:
        return row[0]
    return None


def _is_remote(location: str | Path | None) -> bool:
    return isinstance(location, str) and location.startswith(("sparql+http://", "sparql+https://"))


class KGStore:
    """A knowledge-graph store: documents as named graphs, SPARQL over their union.

    ``KGStore(location, ...)`` opens the backend the location names (see the module)."""

    kind: str  # "memory", "disk" or "sparql"

    def __new__(cls, location: str | Path | None = None, *args: Any, **kwargs: Any) -> "KGStore":
        if cls is KGStore:
            # Imported here: the backends subclass this class.
            if _is_remote(location):
                from .remote import RemoteStore as backend
            else:
                from .local import LocalStore as backend
            cls = backend
        return super().__new__(cls)

    def __init__(
        self,
        location: str | Path | None = None,
        base_iri: str = DEFAULT_BASE,
        read_only: bool = False,
        create: bool = True,
        wait: float = 0.0,
        on_wait: Callable[[float], None] | None = None,
    ) -> None:
        """Open (or create) the store at location; raise StoreError when it cannot be used.

        A folder store is created when missing unless ``create`` is False or the store is
        opened ``read_only``: then a location without a store raises StoreError("no store
        at ...") and nothing is created.

        A folder store open for writing elsewhere (another process's build, a writable
        server) is retried for up to ``wait`` seconds, calling ``on_wait(seconds waited)``
        before each retry; then :class:`StoreBusyError` is raised."""
        self.base = normalize_base(base_iri)
        self.read_only = read_only
        self.create = create and not read_only
        self.wait = max(0.0, float(wait))
        self.on_wait = on_wait
        self.location = location
        self._closed = False
        self._written = 0  # quads added since the last flush
        self._open(location)

    # --- backend ------------------------------------------------------------------------

    def _open(self, location: str | Path | None) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError

    def _dataset(self) -> Dataset:
        raise NotImplementedError

    def _run_query(self, sparql: str, init: Mapping[str, Identifier]) -> Result:
        """Run a query; raise the backend's own exceptions (mapped by _query)."""
        raise NotImplementedError

    def _run_update(self, sparql: str) -> None:
        raise NotImplementedError

    def _insert_document(self, doc: Document) -> int:
        """Write a document's quads in one transaction; return how many."""
        raise NotImplementedError

    def _insert_quads(self, batch: list[Quad | ox.Quad]) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        """Forget a failed write (a backend that queues writes overrides this)."""

    def _flush(self) -> None:
        """Persist buffered writes (an on-disk backend overrides this)."""

    def ox_quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store as pyoxigraph terms (named graphs; the default graph too when local)."""
        raise NotImplementedError

    # --- opening and closing ------------------------------------------------------------

    def close(self) -> None:
        """Release the store (and its lock on disk); further use raises StoreError."""
        if not self._closed:
            self._closed = True
            self._close()

    def __enter__(self) -> "KGStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KGStore({self.location!r}, kind={self.kind!r}, read_only={self.read_only})"

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("the store is closed")

    @property
    def dataset(self) -> Dataset:
        """An rdflib Dataset over the store (default graph = union of the named graphs)."""
        self._check_open()
        return self._dataset()

    def _check_writable(self) -> None:
        self._check_open()
        if self.read_only:
            raise StoreError("the store is open read-only")

    # --- SPARQL -------------------------------------------------------------------------

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> Result:
        """Run a read-only SPARQL query over all documents; values in bindings are bound safely."""
        if is_update(sparql):
            raise QueryError("SPARQL Update is not allowed in a query; use KGStore.update()")
        return self._query(sparql, query_bindings(bindings))

    def _query(self, sparql: str, init: Mapping[str, Identifier] | None = None) -> Result:
        self._check_open()
        try:
            return self._run_query(sparql, init or {})
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL query: {one_line(exc)}") from None
        except RuntimeError as exc:
            message = one_line(exc)
            if "projection" in message:
                # Oxigraph binds values by substitution (SEP-0007), which needs the variable
                # in the SELECT clause; rewriting the query text instead would reopen injection.
                message += "; a bound variable must be selected (list it after SELECT, or use SELECT *)"
            raise QueryError(f"cannot run query: {message}") from None
        except urllib.error.HTTPError as exc:
            raise QueryError(f"the SPARQL endpoint refused the query: {one_line(exc)}") from None
        except (OSError, ValueError) as exc:
            raise StoreError(f"query failed: {one_line(exc)}") from None

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (the only method that accepts one); kg prefixes are predeclared."""
        self._check_writable()
        try:
            self._run_update(sparql)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL update: {one_line(exc)}") from None
        except urllib.error.HTTPError as exc:
            self._rollback()
            raise QueryError(f"the SPARQL endpoint refused the update: {one_line(exc)}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            self._rollback()
            raise StoreError(f"update failed: {one_line(exc)}") from None

    # --- documents ----------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """Whether the document's named graph exists."""
        g = document_graph_iri(doc_id, self.base)
        return bool(self._query("ASK { GRAPH ?g { ?g kg:contentHash ?h } }", {"g": g}).askAnswer)

    def add_document(self, doc: Document) -> bool:
        """Add a document in one transaction; False (and no change) when it is already stored."""
        self._check_writable()
        if self.has_document(doc.id):
            return False
        merges = self._merges_with_stored(doc)
        if merges:
            doc = dataclasses.replace(doc, merges=[*doc.merges, *merges])
        try:
            written = self._insert_document(doc)
        except (OSError, ValueError, RuntimeError) as exc:
            self._rollback()
            raise StoreError(f"cannot add document {doc.id}: {one_line(exc)}") from None
        self._written += written
        if self._written >= FLUSH_EVERY_QUADS:
            self.flush()
        return True

    def _merges_with_stored(self, doc: Document) -> list[Merge]:
        """Merges for the document's entities whose IRI a stored entity spelt otherwise holds.

        One identity key, one IRI: a new "Turkiye" joins a stored "Türkiye". The build
        reconciles first (and records why), so this only catches a document added directly.
        """
        mine: dict[URIRef, Entity] = {}
        for entity in document_entities(doc):
            mine.setdefault(entity_iri(entity, self.base), entity)
        if not mine:
            return []
        values = " ".join(iri.n3() for iri in mine)
        rows = self._query(
            "SELECT ?e ?label WHERE { VALUES ?e { " + values + " } "
            "GRAPH ?g { ?e kg:mentionedIn ?g ; rdfs:label ?label } }"
        )
        stored: dict[URIRef, str] = {}
        for row in rows:
            iri, label = URIRef(str(row[0])), str(row[1])
            stored[iri] = min(label, stored.get(iri, label))  # the same one every time
        recorded = {(m.alias, m.type) for m in doc.merges}
        return [
            Merge(entity.label, stored[iri], entity.type, SAME_KEY_REASON)
            for iri, entity in mine.items()
            if iri in stored and stored[iri] != entity.label
            and (entity.label, entity.type) not in recorded
        ]

    def flush(self) -> None:
        """Write buffered data to disk: bounds memory on long builds (RocksDB memtables)."""
        self._check_open()
        self._written = 0
        try:
            self._flush()
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"cannot flush the store: {one_line(exc)}") from None

    def remove_document(self, doc_id: str) -> bool:
        """Delete a document's named graph; False when it was not stored."""
        self._check_writable()
        if not self.has_document(doc_id):
            return False
        self.update(f"DROP SILENT GRAPH {document_graph_iri(doc_id, self.base).n3()}")
        return True

    def get_document(self, doc_id: str) -> Document:
        """Read one Document back (metadata, entities, triples, merges); StoreError if absent."""
        g = document_graph_iri(doc_id, self.base)
        result = self._query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": g})
        graph = result.graph if result.graph is not None else Graph()
        return document_from_graph(graph, doc_id, self.base)

    def entities(self) -> list[Entity]:
        """Every stored entity with its canonical label, type and all aliases seen."""
        rows = self._query(
            """SELECT ?e ?label ?type ?alias WHERE { GRAPH ?g {
                 ?e kg:mentionedIn ?g ; rdfs:label ?label ; a ?type .
                 OPTIONAL { ?e skos:altLabel ?alias } } }"""
        )
        found: dict[str, tuple[str, str, set[str]]] = {}
        for row in rows:
            key = str(row[0])
            label, type_ = str(row[1]), type_name(row[2])
            entry = found.setdefault(key, (label, type_, set()))
            if row[3] is not None:
                entry[2].add(str(row[3]))
        return [Entity(label, type_, tuple(sorted(aliases))) for label, type_, aliases in found.values()]

    def document_ids(self) -> list[str]:
        """The ids of every stored document, sorted."""
        rows = self._query("SELECT DISTINCT ?id WHERE { GRAPH ?d { ?d kg:contentHash ?id } }")
        return sorted(str(row[0]) for row in rows)

    def documents(self) -> list[dict[str, Any]]:
        """Metadata of every stored document with its fact and entity counts."""
        rows = self._query(
            """
            SELECT ?d ?id ?source ?title ?publisher ?author ?date ?facts ?entities WHERE {
              GRAPH ?d {
                ?d kg:contentHash ?id ; kg:source ?source .
                OPTIONAL { ?d schema:headline ?title }
                OPTIONAL { ?d schema:publisher ?publisher }
                OPTIONAL { ?d schema:author ?author }
                OPTIONAL { ?d schema:datePublished ?date }
              }
              { SELECT ?d (COUNT(DISTINCT ?a) AS ?facts) WHERE {
                  GRAPH ?d { ?d kg:contentHash ?h . OPTIONAL { ?a a kg:Assertion } } } GROUP BY ?d }
              { SELECT ?d (COUNT(DISTINCT ?e) AS ?entities) WHERE {
                  GRAPH ?d { ?d kg:contentHash ?h . OPTIONAL { ?e kg:mentionedIn ?d } } } GROUP BY ?d }
            }
            """
        )

        def text(term: Any) -> str | None:
            return None if term is None else str(term)

        out = [
            {
                "id": str(r.id),
                "iri": str(r.d),
                "title": text(r.title),
                "publisher": text(r.publisher),
                "author": text(r.author),
                "date": text(r.date),
                "source": str(r.source),
                "facts": int(r.facts),
                "entities": int(r.entities),
            }
            for r in rows
        ]
        return sorted(out, key=lambda d: (d["date"] or "", d["title"] or "", d["id"]))

    def support(self, min_documents: int = 1) -> list[dict[str, Any]]:
        """Facts (s, p, o across named graphs) with the number of documents supporting each, most first.

        A literal object keeps its value in ``o_label``; ``o_kind`` and ``o_unit`` (None for an
        entity) say what it measures, so that it can be shown as a Value ("2.4 billion USD")."""
        if min_documents < 1:
            raise QueryError("min_documents must be at least 1")
        rows = self._query(SUPPORT)
        out = [
            {
                "s": str(r.s),
                "s_label": None if r.s_label is None else str(r.s_label),
                "p": relation_name(r.p),
                "o": str(r.o),
                "o_label": (None if r.o_label is None else str(r.o_label))
                if isinstance(r.o, URIRef)
                else str(r.o),
                "o_kind": None if r.o_kind is None else str(r.o_kind),
                "o_unit": None if r.o_unit is None else str(r.o_unit),
                "documents": int(r.n),
            }
            for r in rows
            if int(r.n) >= min_documents
        ]
        return sorted(out, key=lambda d: (-d["documents"], d["p"], d["s"], d["o"]))

    # --- raw quads ----------------------------------------------------------------------

    def quads(self) -> Iterator[Quad]:
        """Every quad of the store as rdflib terms (see ox_quads)."""
        for q in self.ox_quads():
            g = q.graph_name
            graph: Node = DATASET_DEFAULT_GRAPH_ID if isinstance(g, ox.DefaultGraph) else from_ox(g)  # type: ignore[assignment]
            yield (plain(from_ox(q.subject)), plain(from_ox(q.predicate)), plain(from_ox(q.object)), graph)  # type: ignore[arg-type,misc]

    def add_quads(self, quads: Iterable[Quad | ox.Quad]) -> int:
        """Add quads (rdflib tuples or pyoxigraph Quads) in one transaction; return how many were given."""
        self._check_writable()
        batch = list(quads)
        try:
            self._insert_quads(batch)
        except (OSError, ValueError, RuntimeError) as exc:
            self._rollback()
            raise StoreError(f"cannot add {len(batch)} quads: {one_line(exc)}") from None
        return len(batch)

    # --- statistics ---------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts: documents, entities by type, facts by relation, distinct facts and their support, quads."""
        documents = _first(self._query("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d kg:contentHash ?h } }"))
        entity_rows = self._query(
            "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e kg:mentionedIn ?g ; a ?t } } GROUP BY ?t"
        )
        relation_rows = self._query(
            "SELECT ?p (COUNT(?a) AS ?n) WHERE { GRAPH ?g { ?a a kg:Assertion ; rdf:predicate ?p } } GROUP BY ?p"
        )
        entities = {type_name(t): int(n) for t, n in entity_rows if str(t).startswith(str(KG))}
        triples = {relation_name(p): int(n) for p, n in relation_rows}
        histogram = {int(n): int(facts) for n, facts in self._query(SUPPORT_HISTOGRAM)}
        return {
            "documents": int(documents or 0),
            "entities": dict(sorted(entities.items())),
            "entities_total": sum(entities.values()),
            "triples": dict(sorted(triples.items())),
            "triples_total": sum(triples.values()),
            "facts_distinct": sum(histogram.values()),
            "supported_by_2plus": sum(count for n, count in histogram.items() if n >= 2),
            "support_histogram": dict(sorted(histogram.items())),
            "quads": len(self),
        }

    def __len__(self) -> int:
        """Total number of quads in the document graphs."""
        return int(_first(self._query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")) or 0)


def open_store(
    location: str | Path | None = None,
    base_iri: str = DEFAULT_BASE,
    read_only: bool = False,
    create: bool = True,
    wait: float = 0.0,
    on_wait: Callable[[float], None] | None = None,
) -> KGStore:
    """Open a KGStore (memory, folder or sparql+http(s) URL); see KGStore for create and wait."""
    return KGStore(location, base_iri=base_iri, read_only=read_only, create=create, wait=wait, on_wait=on_wait)
