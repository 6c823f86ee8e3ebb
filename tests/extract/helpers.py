"""Small helpers shared by the extraction tests."""

from __future__ import annotations

from kg.model import Document


def facts(doc: Document) -> set[tuple[str, str, str]]:
    """The (subject label, relation, object label) of every triple of a document."""
    return {(t.subject.label, t.predicate, t.object.label) for t in doc.triples}
