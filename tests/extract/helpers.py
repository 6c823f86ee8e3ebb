"""Small helpers shared by the extraction tests."""

from __future__ import annotations

from kg.extract import Extractor
from kg.ingest import parse_document
from kg.model import Document


def extract_text(extractor: Extractor, text: str) -> Document:
    """Extract a short text as if it came from stdin."""
    return extractor.extract(parse_document(text, "-"))


def facts(doc: Document) -> set[tuple[str, str, str]]:
    """The (subject label, relation, object label) of every triple of a document."""
    return {(t.subject.label, t.predicate, t.object.label) for t in doc.triples}
