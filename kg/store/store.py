"""KGStore: a thin wrapper around an rdflib Dataset over Oxigraph or a SPARQL 1.1 endpoint.

Locations:

* ``None`` / ``"memory"``: Oxigraph in memory (not rdflib's Memory store, whose SPARQL
  join ordering does not scale).
* a folder: on-disk Oxigraph (RocksDB) through oxrdflib; created when missing.
* ``sparql+http://host:port`` / ``sparql+https://...``: a remote endpoint with
  ``/query`` and ``/update`` (what ``oxigraph serve`` exposes), through rdflib's
  SPARQLUpdateStore.

Every query sees the union of the named graphs as its default graph; each document lives
in its own named graph, so ingesting is one atomic insert and removal one ``DROP GRAPH``.

Local stores write and query pyoxigraph directly (terms built without rdflib, results
converted with caches); rdflib's Dataset stays the interface for the remote endpoint and
for callers that want it (``KGStore.dataset``).
"""

from __future__ import annotations

import re
import time
import urllib.error
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from oxrdflib._converter import from_ox, to_ox  # the converters oxrdflib itself uses
from rdflib import BNode, Dataset, Literal, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, Graph
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result
from rdflib.term import Identifier, Node

from kg.errors import QueryError, StoreError
from kg.model import SYMMETRIC_RELATIONS, Document, Entity

from .namespaces import DEFAULT_BASE, KG, PREFIXES, XSD
from .rdf import (
    Quad,
    document_from_graph,
    document_graph_iri,
    document_to_ox_quads,
    document_to_quads,
    normalize_base,
    predicate_iri,
    relation_name,
    type_name,
)

__all__ = ["KGStore", "StoreBusyError", "open_store"]


class StoreBusyError(StoreError):
    """The on-disk store is open for writing by another process (or another KGStore)."""

# Without a flush, an on-disk store's memory grows with every quad written in the process
# (measured: ~1 KB per quad); flushing every 50k quads keeps a build's memory flat.
FLUSH_EVERY_QUADS = 50_000

# Prologue = BASE / PREFIX declarations and comments; the keyword after it decides
# whether the text is a query or an update. Strings cannot occur in a prologue, so a
# keyword inside a literal further on is never mistaken for the operation.
_PROLOGUE = re.compile(
    r"(?:\s+|\#[^\n]*(?:\n|$)|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)*",
    re.IGNORECASE,
)
_UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _operation(sparql: str) -> str:
    """Return the upper-cased first keyword after the prologue ('' when there is none)."""
    text = sparql.lstrip("\ufeff")
    rest = text[_PROLOGUE.match(text).end() :]  # type: ignore[union-attr]
    word = re.match(r"[A-Za-z]+", rest)
    return word.group(0).upper() if word else ""


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def _term(value: Any) -> Identifier:
    if isinstance(value, BNode):
        raise QueryError("blank nodes cannot be bound in a query")
    if isinstance(value, Identifier):
        return value
    if isinstance(value, (str, bool, int, float)):
        return Literal(value)
    raise QueryError(f"cannot bind a {type(value).__name__} in a query; use str, number or an RDF term")


# Documents supporting each fact: the distinct named graphs holding an assertion of it.
# A symmetric relation counts once whichever direction a document gave it.
_SYMMETRIC = ", ".join(predicate_iri(r).n3() for r in sorted(SYMMETRIC_RELATIONS))
_SUPPORT_COUNTS = f"""
SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {{
  GRAPH ?g {{ ?a a kg:Assertion ; rdf:subject ?s0 ; rdf:predicate ?p ; rdf:object ?o0 }}
  BIND(?p IN ({_SYMMETRIC}) && isIRI(?o0) && STR(?o0) < STR(?s0) AS ?swap)
  BIND(IF(?swap, ?o0, ?s0) AS ?s)
  BIND(IF(?swap, ?s0, ?o0) AS ?o)
}}
GROUP BY ?s ?p ?o
"""
# Labels come from the documents stating the fact (each document graph labels every entity
# it names): a label looked up in the union of all graphs would be joined once per
# document naming the entity, which makes the query quadratic in the number of documents.
_SUPPORT = f"""
SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) (SAMPLE(?sl) AS ?s_label) (SAMPLE(?ol) AS ?o_label)
       (SAMPLE(?kind) AS ?o_kind) (SAMPLE(?unit) AS ?o_unit) WHERE {{
  GRAPH ?g {{ ?a a kg:Assertion ; rdf:subject ?s0 ; rdf:predicate ?p ; rdf:object ?o0 }}
  OPTIONAL {{ GRAPH ?g {{ ?s0 rdfs:label ?sl0 }} }}
  OPTIONAL {{ GRAPH ?g {{ ?o0 rdfs:label ?ol0 }} }}
  OPTIONAL {{ GRAPH ?g {{ ?a kg:valueKind ?kind }} }}
  OPTIONAL {{ GRAPH ?g {{ ?a kg:unit ?unit }} }}
  BIND(?p IN ({_SYMMETRIC}) && isIRI(?o0) && STR(?o0) < STR(?s0) AS ?swap)
  BIND(IF(?swap, ?o0, ?s0) AS ?s)
  BIND(IF(?swap, ?s0, ?o0) AS ?o)
  BIND(IF(?swap, ?ol0, ?sl0) AS ?sl)
  BIND(IF(?swap, ?sl0, ?ol0) AS ?ol)
}}
GROUP BY ?s ?p ?o
"""
_SUPPORT_HISTOGRAM = f"""
SELECT ?n (COUNT(*) AS ?facts) WHERE {{ {{ {_SUPPORT_COUNTS} }} }} GROUP BY ?n
"""


def _plain(term: Node) -> Node:
    # Oxigraph reports simple literals as xsd:string-typed; rdflib parsers give them no
    # datatype. One spelling (none) makes quads comparable across the two.
    if isinstance(term, Literal) and term.datatype == XSD.string and term.language is None:
        return Literal(str(term))
    return term


def _oxigraph_query(inner: ox.Store, sparql: str, init: Mapping[str, Identifier]) -> Result:
    # Straight to pyoxigraph rather than through oxrdflib's Store.query: the same engine,
    # but results are converted with a cache (a hub entity's IRI, a datatype or a relation
    # recurs on every row): converting a 570-row neighbourhood went from ~21 ms to ~5 ms.
    raw = inner.query(
        sparql,
        use_default_graph_as_union=True,
        prefixes=PREFIXES,
        substitutions={ox.Variable(k): to_ox(v) for k, v in init.items()},
    )
    term = _TermConverter()
    if isinstance(raw, ox.QueryBoolean):
        out = Result("ASK")
        out.askAnswer = bool(raw)
    elif isinstance(raw, ox.QuerySolutions):
        out = Result("SELECT")
        out.vars = [Variable(v.value) for v in raw.variables]
        names = out.vars
        out.bindings = [
            {name: term(value) for name, value in zip(names, solution) if value is not None} for solution in raw
        ]
    else:
        out = Result("CONSTRUCT")
        out.graph = Graph()
        out.graph.addN((term(t.subject), term(t.predicate), term(t.object), out.graph) for t in raw)
    return out


class _TermConverter:
    """pyoxigraph term -> rdflib term, remembering the terms it has already made."""

    def __init__(self) -> None:
        self.made: dict[Any, Node] = {}

    def __call__(self, t: Any) -> Node:
        got = self.made.get(t)
        if got is None:
            if isinstance(t, ox.NamedNode):
                got = URIRef(t.value)
            elif isinstance(t, ox.Literal):
                got = (
                    Literal(t.value, lang=t.language)
                    if t.language
                    else Literal(t.value, datatype=self(t.datatype))
                )
            elif isinstance(t, ox.BlankNode):
                got = BNode(t.value)
            else:
                got = from_ox(t)
            self.made[t] = got
        return got


def _first(result: Result) -> Any:
    for row in result:
        return row[0]
    return None


class KGStore:
    """A knowledge-graph store: documents as named graphs, SPARQL over their union."""

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
        self.kind: str
        self._written = 0  # quads added since the last flush
        self._ds: Dataset | None = self._open(location)

    # --- opening and closing ------------------------------------------------------------

    def _open(self, location: str | Path | None) -> Dataset:
        if location is None or (isinstance(location, str) and location in ("memory", ":memory:")):
            self.kind = "memory"
            return Dataset(store=OxigraphStore(store=ox.Store()), default_union=True)
        if isinstance(location, str) and location.startswith(("sparql+http://", "sparql+https://")):
            self.kind = "sparql"
            return self._open_remote(location[len("sparql+") :].rstrip("/"))
        self.kind = "disk"
        return Dataset(store=OxigraphStore(store=self._open_disk(Path(location))), default_union=True)

    def _open_disk(self, path: Path) -> ox.Store:
        if path.exists() and not path.is_dir():
            raise StoreError(f"cannot open store {path}: it is a file, not a store folder")
        # Oxigraph would happily create its files inside any folder, mixing them with
        # whatever is there; only an empty folder or an existing RocksDB one is accepted.
        if path.is_dir() and any(path.iterdir()) and not (path / "CURRENT").is_file():
            raise StoreError(f"cannot open store {path}: the folder is not empty and is not an Oxigraph store")
        if not self.create and not (path / "CURRENT").is_file():
            raise StoreError(f"no store at {path} (kg build or kg import creates one)")
        try:
            if self.read_only:
                return self._open_read_only(path)
            path.mkdir(parents=True, exist_ok=True)
            return self._open_writable(path)
        except RuntimeError as exc:  # RocksDB reports damaged files as RuntimeError
            raise StoreError(f"cannot open store {path}: {_one_line(exc)}") from None
        except OSError as exc:
            raise StoreError(f"cannot open store {path}: {_one_line(exc)}") from None

    def _open_writable(self, path: Path) -> ox.Store:
        # RocksDB's lock admits one writer; a second one waits (like SQLite's busy timeout)
        # and gives up after self.wait seconds.
        start = time.monotonic()
        while True:
            try:
                return ox.Store(str(path))
            except OSError as exc:
                if "lock" not in _one_line(exc).casefold():
                    raise
                waited = time.monotonic() - start
                if waited >= self.wait:
                    waited_text = f" (waited {waited:.0f} s)" if self.wait else ""
                    raise StoreBusyError(
                        f"cannot open store {path}: it is already open (by this or another process){waited_text}; "
                        "close it first or open it read-only"
                    ) from None
                if self.on_wait is not None:
                    self.on_wait(waited)
                time.sleep(min(0.25, self.wait - waited))

    @staticmethod
    def _open_read_only(path: Path) -> ox.Store:
        # A read-only open lists the store's files and then opens them; a writer in another
        # process (an `oxigraph serve` that has just started and compacts) can delete one
        # in between, which RocksDB reports as "Corruption". Retrying sees the new list.
        for attempt in range(5):
            try:
                return ox.Store.read_only(str(path))
            except RuntimeError as exc:
                if attempt == 4:
                    raise StoreError(f"cannot open store {path} read-only: {_one_line(exc)}") from None
                time.sleep(0.1 * (attempt + 1))
        raise AssertionError("unreachable")

    def _open_remote(self, url: str) -> Dataset:
        store = SPARQLUpdateStore(
            query_endpoint=f"{url}/query",
            update_endpoint=None if self.read_only else f"{url}/update",
            returnFormat="xml",  # lossless for both solutions and graphs (CONSTRUCT)
            # POST so that long queries fit; the parameter makes Oxigraph's default graph
            # the union of the named graphs, like the local stores (other servers need it
            # configured server-side, e.g. Fuseki's unionDefaultGraph).
            method="POST",
            params={"union-default-graph": ""},
        )
        ds = Dataset(store=store, default_union=True)
        try:
            result = ds.query("ASK {}")
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {_one_line(exc)}") from None
        if isinstance(result, tuple):
            raise StoreError(f"SPARQL endpoint {url} refused a query: {result[1]}")
        return ds

    def close(self) -> None:
        """Release the store (and its lock on disk); further use raises StoreError."""
        if self._ds is not None:
            ds, self._ds = self._ds, None
            ds.close()

    def __enter__(self) -> "KGStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KGStore({self.location!r}, kind={self.kind!r}, read_only={self.read_only})"

    @property
    def dataset(self) -> Dataset:
        """The underlying rdflib Dataset (default graph = union of the named graphs)."""
        if self._ds is None:
            raise StoreError("the store is closed")
        return self._ds

    def _writable(self) -> Dataset:
        if self.read_only:
            raise StoreError("the store is open read-only")
        return self.dataset

    # --- SPARQL -------------------------------------------------------------------------

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> Result:
        """Run a read-only SPARQL query over all documents; values in bindings are bound safely."""
        if _operation(sparql) in _UPDATE_KEYWORDS:
            raise QueryError("SPARQL Update is not allowed in a query; use KGStore.update()")
        init: dict[str, Identifier] = {}
        for name, value in (bindings or {}).items():
            var = name.lstrip("?$")
            # The remote store writes names into a VALUES clause: only plain names pass.
            if not _VARIABLE.fullmatch(var):
                raise QueryError(f"invalid variable name in bindings: {name!r}")
            init[var] = _term(value)
        return self._query(sparql, init)

    def _query(self, sparql: str, init: Mapping[str, Identifier] | None = None) -> Result:
        ds = self.dataset
        inner = self._oxigraph()
        try:
            if inner is not None:
                return _oxigraph_query(inner, sparql, init or {})
            result = ds.query(sparql, initNs=PREFIXES, initBindings=dict(init or {}))
            if isinstance(result, tuple):
                # rdflib's SPARQL connector returns (code, message, None) on an HTTP error.
                raise QueryError(f"the SPARQL endpoint refused the query: {result[1]}")
            if result.type == "SELECT":
                # Evaluate now, so that errors surface here and no open iterator holds the store.
                result.bindings = list(result.bindings)
            return result
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL query: {_one_line(exc)}") from None
        except RuntimeError as exc:
            message = _one_line(exc)
            if "projection" in message:
                # Oxigraph binds values by substitution (SEP-0007), which needs the variable
                # in the SELECT clause; rewriting the query text instead would reopen injection.
                message += "; a bound variable must be selected (list it after SELECT, or use SELECT *)"
            raise QueryError(f"cannot run query: {message}") from None
        except urllib.error.HTTPError as exc:
            raise QueryError(f"the SPARQL endpoint refused the query: {_one_line(exc)}") from None
        except (OSError, ValueError) as exc:
            raise StoreError(f"query failed: {_one_line(exc)}") from None

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (the only method that accepts one); kg prefixes are predeclared."""
        ds = self._writable()
        store = ds.store
        # Calling the store directly: Dataset.update with a union default graph would fall
        # back to rdflib's own (slow) update engine instead of Oxigraph's.
        graph = None if isinstance(store, SPARQLUpdateStore) else DATASET_DEFAULT_GRAPH_ID
        try:
            store.update(sparql, PREFIXES, {}, graph)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL update: {_one_line(exc)}") from None
        except urllib.error.HTTPError as exc:
            self._rollback(store)
            raise QueryError(f"the SPARQL endpoint refused the update: {_one_line(exc)}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            self._rollback(store)
            raise StoreError(f"update failed: {_one_line(exc)}") from None

    @staticmethod
    def _rollback(store: Any) -> None:
        # SPARQLUpdateStore keeps a failed edit queued and would resend it with the next one.
        if isinstance(store, SPARQLUpdateStore):
            store.rollback()

    # --- documents ----------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """Whether the document's named graph exists."""
        g = document_graph_iri(doc_id, self.base)
        return bool(self._query("ASK { GRAPH ?g { ?g kg:contentHash ?h } }", {"g": g}).askAnswer)

    def add_document(self, doc: Document) -> bool:
        """Add a document in one transaction; False (and no change) when it is already stored."""
        ds = self._writable()
        if self.has_document(doc.id):
            return False
        inner = self._oxigraph()
        try:
            if inner is not None:
                # Store.extend is one transaction; pyoxigraph terms built directly skip
                # rdflib terms and their conversion (1.5-1.7x the ingest rate).
                quads: list[Any] = document_to_ox_quads(doc, self.base)
                inner.extend(quads)
            else:
                # SPARQLUpdateStore sends one INSERT DATA request.
                quads = document_to_quads(doc, self.base)
                ds.addN(quads)
        except (OSError, ValueError, RuntimeError) as exc:
            self._rollback(ds.store)
            raise StoreError(f"cannot add document {doc.id}: {_one_line(exc)}") from None
        self._written += len(quads)
        if self._written >= FLUSH_EVERY_QUADS:
            self.flush()
        return True

    def _oxigraph(self) -> ox.Store | None:
        # The pyoxigraph store under a local (memory or disk) store; None for a remote one.
        inner = getattr(self.dataset.store, "_inner", None)
        return inner if isinstance(inner, ox.Store) else None

    def flush(self) -> None:
        """Write buffered data to disk: bounds memory on long builds (RocksDB memtables)."""
        self._written = 0
        inner = self._oxigraph() if self.kind == "disk" else None
        if inner is not None:
            try:
                inner.flush()
            except (OSError, RuntimeError) as exc:
                raise StoreError(f"cannot flush the store: {_one_line(exc)}") from None

    def remove_document(self, doc_id: str) -> bool:
        """Delete a document's named graph; False when it was not stored."""
        self._writable()
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
        rows = self._query(_SUPPORT)
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

    def ox_quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store as pyoxigraph terms (named graphs; the default graph too when local)."""
        inner = self._oxigraph()
        if inner is not None:
            yield from inner.quads_for_pattern(None, None, None, None)
            return
        for r in self._query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
            yield ox.Quad(to_ox(r.s), to_ox(r.p), to_ox(r.o), to_ox(r.g))

    def quads(self) -> Iterator[Quad]:
        """Every quad of the store as rdflib terms (see ox_quads)."""
        for q in self.ox_quads():
            g = q.graph_name
            graph: Node = DATASET_DEFAULT_GRAPH_ID if isinstance(g, ox.DefaultGraph) else from_ox(g)  # type: ignore[assignment]
            yield (_plain(from_ox(q.subject)), _plain(from_ox(q.predicate)), _plain(from_ox(q.object)), graph)  # type: ignore[arg-type,misc]

    def add_quads(self, quads: Iterable[Quad | ox.Quad]) -> int:
        """Add quads (rdflib tuples or pyoxigraph Quads) in one transaction; return how many were given."""
        ds = self._writable()
        batch = list(quads)
        inner = self._oxigraph()
        try:
            if inner is not None:
                inner.extend([q if isinstance(q, ox.Quad) else to_ox(q) for q in batch])
            else:
                term = _TermConverter()
                ds.addN(
                    (term(q.subject), term(q.predicate), term(q.object), term(q.graph_name))  # type: ignore[misc]
                    if isinstance(q, ox.Quad)
                    else q
                    for q in batch
                )
        except (OSError, ValueError, RuntimeError) as exc:
            self._rollback(ds.store)
            raise StoreError(f"cannot add {len(batch)} quads: {_one_line(exc)}") from None
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
        histogram = {int(n): int(facts) for n, facts in self._query(_SUPPORT_HISTOGRAM)}
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
