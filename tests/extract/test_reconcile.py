"""Cross-document resolution: one IRI per real entity across documents."""

from kg.extract.reconcile import KnownEntities, reconcile
from kg.model import Document, Entity, Triple

FARASIS = Entity("Nordvik Energy", "Organization", ("Nordvik",))
PERSON = Entity("Olav Berg Lund", "Person", ("Berg Lund",))


def doc_with(*pairs):
    doc = Document(text="x" * 50, source="-")
    entities = {}
    for s, o in pairs:
        entities[s.key], entities[o.key] = s, o
    doc.entities = list(entities.values())
    doc.triples = [Triple(s, "partnersWith", o, "x", 0, 1, 0.8, "test", doc.id) for s, o in pairs]
    return doc


def test_alias_spelling_variant_and_fuller_name_map_to_known_entities():
    known = KnownEntities([FARASIS, PERSON])
    other = Entity("Akira Motors", "Organization")
    doc = doc_with(
        (Entity("Nordvik", "Organization"), other),             # a stored alias
        (Entity("Nordvick Energy", "Organization"), other),     # a spelling variant
        (Entity("Olaf Berg Lund", "Person"), other),            # variant of a stored person
    )
    reconcile(doc, known)
    labels = {t.subject.label for t in doc.triples}
    assert labels == {"Nordvik Energy", "Olav Berg Lund"}
    reasons = {m.alias: m.reason for m in doc.merges}
    assert "alias" in reasons["Nordvik"] and "spelling variant" in reasons["Nordvick Energy"]
    # the renamed entity keeps the surface form it had as an alias
    nordvik = next(e for e in doc.entities if e.label == "Nordvik Energy")
    assert "Nordvick Energy" in nordvik.aliases


def test_different_entities_stay_apart_and_new_ones_are_learned():
    known = KnownEntities([FARASIS])
    doc = doc_with((Entity("Norvolt", "Organization"), Entity("Nordvik Enevold", "Person")))
    reconcile(doc, known)
    assert {e.label for e in doc.entities} == {"Norvolt", "Nordvik Enevold"}
    assert not doc.merges
    later = doc_with((Entity("Norvolt", "Organization"), Entity("Akira Motors", "Organization")))
    reconcile(later, known)
    assert not later.merges and known.match(Entity("Akira Motors", "Organization")) is not None


def test_acronym_and_suffix():
    known = KnownEntities([Entity("Anatolian News Agency", "Organization"), Entity("Helio Power", "Organization")])
    doc = doc_with((Entity("ANA", "Organization"), Entity("Helio Power Ltd", "Organization")))
    reconcile(doc, known)
    assert {e.label for e in doc.entities} == {"Anatolian News Agency", "Helio Power"}


def test_a_name_stored_as_a_place_or_company_keeps_that_type():
    from kg.extract.reconcile import KnownEntities, reconcile
    from kg.model import Document, Entity, Triple

    known = KnownEntities([Entity("Ningde", "City"), Entity("Acme Motors", "Organization")])
    doc = Document(text="", id="d", source="-", entities=[
        Entity("Ningde", "Organization"), Entity("Acme Motors", "Person"), Entity("Jane Doe", "Person")])
    doc.triples = [Triple(Entity("Jane Doe", "Person"), "worksFor", Entity("Acme Motors", "Person"),
                          "-", 0, 1, 0.9, "test", "d")]
    reconcile(doc, known)
    types = {e.label: e.type for e in doc.entities}
    assert types == {"Ningde": "City", "Acme Motors": "Organization", "Jane Doe": "Person"}
    assert doc.triples[0].object.type == "Organization"
    assert {m.reason for m in doc.merges} == {"same name stored as City", "same name stored as Organization"}


def test_a_company_name_ner_read_as_a_person_joins_the_stored_company():
    known = KnownEntities([FARASIS])
    doc = doc_with((Entity("Norvolt", "Organization"), Entity("Nordvik Energy", "Person")))
    reconcile(doc, known)
    assert {(e.label, e.type) for e in doc.entities} == {("Norvolt", "Organization"),
                                                       ("Nordvik Energy", "Organization")}
    assert [m.reason for m in doc.merges] == ["same name stored as Organization"]


def test_a_descriptor_word_does_not_make_another_company_but_a_business_line_does():
    known = KnownEntities([Entity("Farasis Energy", "Organization"), Entity("Tata Motors", "Organization"),
                           Entity("Tata Steel", "Organization")])
    doc = doc_with((Entity("Farasis", "Organization"), Entity("Tata", "Organization")))
    reconcile(doc, known)
    assert {e.label for e in doc.entities} == {"Farasis Energy", "Tata"}
    assert [m.alias for m in doc.merges] == ["Farasis"]
