"""The remote backend: a SPARQL 1.1 endpoint (``/query`` and ``/update``, what ``oxigraph
serve`` exposes), through rdflib's SPARQLUpdateStore."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Mapping

import pyoxigraph as ox
from rdflib import Dataset
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result
from rdflib.term import Identifier

from kg.errors import QueryError, StoreError
from kg.model import Document

from .namespaces import PREFIXES
from .rdf import Quad, document_to_quads
from .store import KGStore, one_line
from .terms import TermConverter, to_ox

__all__ = ["RemoteStore"]


class RemoteStore(KGStore):
    """A KGStore on a remote SPARQL 1.1 endpoint, located as ``sparql+http(s)://host:port``."""

    _ds: Dataset

    def _open(self, location: str | Path | None) -> None:
        self.kind = "sparql"
        url = str(location)[len("sparql+") :].rstrip("/")
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
        self._ds = Dataset(store=store, default_union=True)
        try:
            result = self._ds.query("ASK {}")
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {one_line(exc)}") from None
        if isinstance(result, tuple):
            raise StoreError(f"SPARQL endpoint {url} refused a query: {result[1]}")

    def _close(self) -> None:
        self._ds.close()

    def _dataset(self) -> Dataset:
        return self._ds

    def _run_query(self, sparql: str, init: Mapping[str, Identifier]) -> Result:
        result = self._ds.query(sparql, initNs=PREFIXES, initBindings=dict(init))
        if isinstance(result, tuple):
            # rdflib's SPARQL connector returns (code, message, None) on an HTTP error.
            raise QueryError(f"the SPARQL endpoint refused the query: {result[1]}")
        if result.type == "SELECT":
            # Evaluate now, so that errors surface here and no open iterator holds the store.
            result.bindings = list(result.bindings)
        return result

    def _run_update(self, sparql: str) -> None:
        # The store directly: Dataset.update with a union default graph would fall back to
        # rdflib's own update engine.
        self._ds.store.update(sparql, PREFIXES, {}, None)

    def _rollback(self) -> None:
        # SPARQLUpdateStore keeps a failed edit queued and would resend it with the next one.
        self._ds.store.rollback()

    def _insert_document(self, doc: Document) -> int:
        # SPARQLUpdateStore sends one INSERT DATA request.
        quads = document_to_quads(doc, self.base)
        self._ds.addN(quads)
        return len(quads)

    def _insert_quads(self, batch: list[Quad | ox.Quad]) -> None:
        term = TermConverter()
        self._ds.addN(
            (term(q.subject), term(q.predicate), term(q.object), term(q.graph_name))  # type: ignore[misc]
            if isinstance(q, ox.Quad)
            else q
            for q in batch
        )

    def ox_quads(self) -> Iterator[ox.Quad]:
        """Every quad of the named graphs as pyoxigraph terms."""
        for r in self._query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
            yield ox.Quad(to_ox(r.s), to_ox(r.p), to_ox(r.o), to_ox(r.g))
