"""Support counts, raw quads and removal on the real on-disk store."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kg.errors import QueryError, StoreError
from kg.model import Entity
from kg.store import KGStore
from kg.store.rdf import document_graph_iri, document_to_quads, entity_iri

from .samples import make_doc_a, make_doc_b, make_doc_c


@pytest.fixture
def disk(tmp_path):
    with KGStore(tmp_path / "store") as s:
        yield s


def _facts(store: KGStore, min_documents: int = 1) -> dict[tuple[str, str, str], int]:
    return {
        (f["s_label"], f["p"], f["o_label"]): f["documents"] for f in store.support(min_documents)
    }


def _value(quad):
    # Oxigraph writes decimals canonically ("38550000000" for "38550000000.0"): compare values
    return tuple((t.toPython(), t.datatype) if isinstance(t, Literal) else t for t in quad)


def test_support_counts_documents_per_fact(disk):
    a, b, c = make_doc_a(), make_doc_b(), make_doc_c()
    for doc in (a, b, c):
        disk.add_document(doc)
    facts = _facts(disk)
    # c states "BYD metWith Kacır", a "Kacır metWith BYD": one symmetric fact, two documents
    assert facts[("BYD", "metWith", "Mehmet Fatih Kacır")] == 2
    assert ("Mehmet Fatih Kacır", "metWith", "BYD") not in facts
    assert facts[("BYD", "hasFacilityIn", "Manisa")] == 2
    assert facts[("BYD", "partnersWith", "Koç Holding")] == 2
    assert facts[("BYD", "hasFacilityIn", "Istanbul")] == 1
    assert facts[("Türkiye", "tradeValue", "38550000000")] == 1  # a literal object keeps its value
    assert set(_facts(disk, 2)) == {
        ("BYD", "metWith", "Mehmet Fatih Kacır"),
        ("BYD", "hasFacilityIn", "Manisa"),
        ("BYD", "partnersWith", "Koç Holding"),
    }
    assert disk.support(2)[0]["documents"] == 2
    stats = disk.stats()
    assert stats["supported_by_2plus"] == 3
    assert stats["facts_distinct"] == len(facts) == 8
    assert stats["support_histogram"] == {1: 5, 2: 3}
    assert stats["triples_total"] == 11  # assertions, one per document and fact
    with pytest.raises(QueryError):
        disk.support(0)


def test_support_falls_when_a_document_goes(disk):
    a, c = make_doc_a(), make_doc_c()
    disk.add_document(a)
    disk.add_document(c)
    assert disk.stats()["supported_by_2plus"] == 2
    assert disk.remove_document(c.id)
    assert disk.stats()["supported_by_2plus"] == 0
    assert _facts(disk)[("BYD", "metWith", "Mehmet Fatih Kacır")] == 1  # symmetric: a fixed order


def test_removal_keeps_descriptions_shared_with_other_documents(disk):
    a, b, c = make_doc_a(), make_doc_b(), make_doc_c()
    for doc in (a, b, c):
        disk.add_document(doc)
    assert disk.remove_document(a.id)
    byd = entity_iri(Entity("BYD", "Organization"))
    kacir = entity_iri(Entity("Mehmet Fatih Kacır", "Person"))
    rows = disk.query("SELECT DISTINCT ?e ?l ?t WHERE { ?e rdfs:label ?l ; a ?t }", {"e": byd})
    assert {(str(r.l), str(r.t).rsplit("#", 1)[-1]) for r in rows} == {("BYD", "Organization")}
    # Kacır is still described by c, but a's aliases (only a knew them) went with a
    assert [str(r.l) for r in disk.query("SELECT ?e ?l WHERE { ?e rdfs:label ?l }", {"e": kacir})] == ["Mehmet Fatih Kacır"]
    assert list(disk.query("SELECT ?e ?alt WHERE { ?e skos:altLabel ?alt }", {"e": kacir})) == []
    # an entity only a mentioned is gone entirely
    china = entity_iri(Entity("China", "Country"))
    assert not disk.query("ASK { ?e ?p ?o }", {"e": china}).askAnswer
    assert disk.get_document(b.id) == b and disk.get_document(c.id) == c
    assert len(disk) == len(document_to_quads(b)) + len(document_to_quads(c))


def test_documents_list_fact_counts(disk):
    a, b = make_doc_a(), make_doc_b()
    disk.add_document(a)
    disk.add_document(b)
    by_id = {d["id"]: d for d in disk.documents()}
    assert by_id[a.id]["facts"] == 6 and by_id[b.id]["facts"] == 2
    assert by_id[a.id]["entities"] == 7 and by_id[b.id]["entities"] == 3


def test_quads_and_add_quads(disk, tmp_path):
    a = make_doc_a()
    disk.add_document(a)
    quads = set(disk.quads())
    assert {_value(q) for q in quads} == {_value(q) for q in document_to_quads(a)}
    g = URIRef("http://example.org/extra")
    added = disk.add_quads([(URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal("x"), g)])
    assert added == 1 and len(disk) == len(quads) + 1
    with KGStore(tmp_path / "store", read_only=True) as reader:
        with pytest.raises(StoreError, match="read-only"):
            reader.add_quads([])
    assert document_graph_iri(a.id) in {q[3] for q in disk.quads()}
