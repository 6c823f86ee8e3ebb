"""The RDF store layer: Document <-> RDF conversion and a SPARQL store (KGStore) with two
backends, Oxigraph in this process (LocalStore) and a remote endpoint (RemoteStore)."""

from __future__ import annotations

from .local import LocalStore
from .namespaces import DEFAULT_BASE, KG, PREFIXES
from .rdf import (
    document_from_dataset,
    document_from_graph,
    document_graph_iri,
    document_to_quads,
    entity_iri,
    triples_from_dataset,
)
from .remote import RemoteStore
from .store import KGStore, StoreBusyError, open_store

__all__ = [
    "DEFAULT_BASE",
    "KG",
    "KGStore",
    "LocalStore",
    "RemoteStore",
    "PREFIXES",
    "StoreBusyError",
    "document_from_dataset",
    "document_from_graph",
    "document_graph_iri",
    "document_to_quads",
    "entity_iri",
    "open_store",
    "triples_from_dataset",
]
