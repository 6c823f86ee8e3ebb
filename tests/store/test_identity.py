"""One identity key per name, from the model to the store's IRIs (kg.identity).

"Türkiye" and "Turkiye" are one entity everywhere (and the store records the merge);
"AT&T" and "AT-T" are two everywhere, the store's IRIs included.
"""

from __future__ import annotations

import pytest

from kg.build.pipeline import known_entities, store_document
from kg.eval import normalize_name
from kg.extract.places import fold
from kg.extract.reconcile import KnownEntities
from kg.identity import SAME_KEY_REASON, identity_key, key_slug
from kg.model import Document, Entity, Triple
from kg.store import KGStore, entity_iri
from kg.store.rdf import slugify


def _doc(text: str, subject: Entity, obj: Entity, *extra: Entity) -> Document:
    """A document with one fact between two entities (as extraction would produce it)."""
    doc = Document(text)
    doc.entities = [subject, obj, *extra]
    doc.triples = [Triple(subject, "tradesWith", obj, text, 0, len(text), 0.9, "test", doc.id)]
    return doc


def test_keys():
    assert identity_key("Türkiye") == identity_key("TURKIYE") == identity_key("Turkiye") == "turkiye"
    assert identity_key("İSTANBUL") == "istanbul"
    assert identity_key("AT&T") != identity_key("AT-T") == identity_key("AT T")
    assert Entity("Türkiye", "Country").key == Entity("Turkiye", "Country").key
    assert Entity("AT&T", "Organization").key != Entity("AT-T", "Organization").key
    assert normalize_name("AT&T") != normalize_name("AT-T")
    assert fold("Türkiye") == "turkiye"  # extraction's folding is the same function


@pytest.mark.parametrize("label, slug", [
    ("South Korea", "south-korea"), ("Türkiye", "turkiye"), ("İstanbul", "istanbul"),
    ("Farasis Energy (Gan Zhou) Co., Ltd.", "farasis-energy-gan-zhou-co-ltd"),
    ("Mercedes-Benz", "mercedes-benz"), ("U.S.", "u-s"), ("比亚迪", "%E6%AF%94%E4%BA%9A%E8%BF%AA"),
])
def test_ordinary_names_keep_their_slugs(label, slug):
    assert slugify(label) == slug


def test_slugs_are_lossless():
    names = ["AT&T", "AT-T", "AT & T", "Canal+", "Canal", "...", "—", "x 3", "x--3"]
    keys = {identity_key(n) for n in names}
    assert len({key_slug(k) for k in keys}) == len(keys)
    assert slugify("AT&T") == "at%26t" and slugify("AT-T") == "at-t"


def test_one_document_two_spellings_one_node_and_a_merge(tmp_path):
    doc = _doc("Turkiye trades with China.", Entity("Turkiye", "Country"), Entity("China", "Country"),
               Entity("Türkiye", "Country"))
    with KGStore(tmp_path / "store") as store:
        assert store.add_document(doc)
    with KGStore(tmp_path / "store") as store:  # reopened from disk
        entities = [e for e in store.entities() if e.type == "Country"]
        assert sorted(e.label for e in entities) == ["China", "Turkiye"]
        turkiye = next(e for e in entities if e.label == "Turkiye")
        assert "Türkiye" in turkiye.aliases
        merges = store.get_document(doc.id).merges
        assert [(m.alias, m.canonical, m.reason) for m in merges] == [("Türkiye", "Turkiye", SAME_KEY_REASON)]


def test_two_documents_through_the_build_path(tmp_path):
    first = _doc("Türkiye trades with AT&T.", Entity("Türkiye", "Country"), Entity("AT&T", "Organization"))
    second = _doc("Turkiye trades with AT-T.", Entity("Turkiye", "Country"), Entity("AT-T", "Organization"))
    with KGStore(tmp_path / "store") as store:
        known = known_entities(store)
        assert store_document(store, first, known) and store_document(store, second, known)
    with KGStore(tmp_path / "store") as store:
        by_type = {(e.type, e.label) for e in store.entities()}
        assert ("Country", "Türkiye") in by_type and ("Country", "Turkiye") not in by_type
        assert {("Organization", "AT&T"), ("Organization", "AT-T")} <= by_type
        assert entity_iri(Entity("AT&T", "Organization")) != entity_iri(Entity("AT-T", "Organization"))
        merges = store.get_document(second.id).merges
        assert [(m.alias, m.canonical) for m in merges] == [("Turkiye", "Türkiye")]
        assert SAME_KEY_REASON in merges[0].reason
        # The triple of the second article now points at the stored Türkiye.
        (triple,) = store.get_document(second.id).triples
        assert triple.subject.label == "Türkiye" and triple.object.label == "AT-T"


def test_a_document_added_directly_still_records_the_merge(tmp_path):
    """Without the build's reconciliation, the store itself records who joined whom."""
    first = _doc("Türkiye trades with China.", Entity("Türkiye", "Country"), Entity("China", "Country"))
    second = _doc("TURKIYE trades with AT-T.", Entity("TURKIYE", "Country"), Entity("AT-T", "Organization"))
    third = _doc("China trades with AT&T.", Entity("China", "Country"), Entity("AT&T", "Organization"))
    with KGStore(tmp_path / "store") as store:
        for doc in (first, second, third):
            assert store.add_document(doc)
    with KGStore(tmp_path / "store") as store:
        assert [(m.alias, m.canonical, m.type, m.reason) for m in store.get_document(second.id).merges] == [
            ("TURKIYE", "Türkiye", "Country", SAME_KEY_REASON)]
        assert store.get_document(first.id).merges == []
        assert store.get_document(third.id).merges == []  # AT&T is not AT-T: nothing joined
        orgs = sorted(e.label for e in store.entities() if e.type == "Organization")
        assert orgs == ["AT&T", "AT-T"]


def test_reconciliation_looks_names_up_by_identity_key():
    known = KnownEntities([Entity("Türkiye", "Country"), Entity("AT&T", "Organization")])
    found = known.match(Entity("TURKIYE", "Country"))
    assert found is not None and found[0].label == "Türkiye"
    assert known.match(Entity("AT-T", "Organization")) is None
