"""Document <-> RDF conversion: IRIs, literals, exact round trip, the ontology file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib import namespace as ns

import kg
from kg.model import ENTITY_TYPES, RELATIONS, SYMMETRIC_RELATIONS, Entity, Value
from kg.store.namespaces import KG
from kg.store.rdf import (
    document_from_dataset,
    document_from_graph,
    document_graph_iri,
    document_to_quads,
    entity_iri,
    predicate_iri,
    relation_name,
    triples_from_dataset,
    value_literal,
)


def _graph(quads) -> Graph:
    g = Graph()
    for s, p, o, _ in quads:
        g.add((s, p, o))
    return g


def test_entity_iri_is_normalised_and_stable():
    iri = entity_iri(Entity("Mehmet Fatih Kacır", "Person"))
    assert iri == URIRef("https://w3id.org/kg/id/person/mehmet-fatih-kacir")
    assert entity_iri(Entity("İSTANBUL", "City")) == entity_iri(Entity("Istanbul", "City"))
    assert entity_iri(Entity("Türkiye", "Country")) == URIRef("https://w3id.org/kg/id/country/turkiye")
    assert entity_iri(Entity("Koç  Holding!", "Organization")).endswith("/organization/koc-holding")
    # aliases do not take part in identity; the type does
    assert entity_iri(Entity("BYD", "Organization", ("Build Your Dreams",))) == entity_iri(Entity("BYD", "Organization"))
    assert entity_iri(Entity("Georgia", "Country")) != entity_iri(Entity("Georgia", "Region"))
    assert entity_iri(Entity("BYD", "Organization"), "http://example.org/kg") == URIRef("http://example.org/kg/organization/byd")
    assert entity_iri(Entity("&", "Concept")) != entity_iri(Entity("%", "Concept"))


def test_document_graph_iri():
    assert document_graph_iri("abc") == URIRef("https://w3id.org/kg/id/doc/abc")


def test_quads_are_deterministic_and_in_the_document_graph(doc_a):
    quads = document_to_quads(doc_a)
    assert quads == document_to_quads(dataclasses.replace(doc_a))
    g = document_graph_iri(doc_a.id)
    assert {q[3] for q in quads} == {g}
    assert not any(isinstance(t, BNode) for q in quads for t in q)
    assert len(quads) == len(set(quads))
    assertions = {s for s, p, o, _ in quads if p == ns.RDF.type and o == KG.Assertion}
    assert len(assertions) == len(doc_a.triples)
    assert all(str(a).startswith("https://w3id.org/kg/id/assertion/") for a in assertions)


def test_facts_are_asserted_directly_with_typed_literals(doc_a):
    g = _graph(document_to_quads(doc_a))
    kacir, byd = entity_iri(doc_a.triples[0].subject), entity_iri(doc_a.triples[1].object)
    assert (kacir, KG.metWith, byd) in g
    assert (kacir, ns.RDF.type, KG.Person) in g
    assert (kacir, ns.RDFS.label, Literal("Mehmet Fatih Kacır")) in g
    money = g.value(entity_iri(Entity("Türkiye", "Country")), KG.tradeValue)
    assert money.datatype == ns.XSD.decimal and float(money) == 38.55e9
    year = g.value(byd, KG.plannedStart)
    assert year == Literal("2026", datatype=ns.XSD.gYear)
    doc = document_graph_iri(doc_a.id)
    assert g.value(doc, URIRef("https://schema.org/datePublished")) == Literal("2024-01-05", datatype=ns.XSD.date)
    # the unit lives on the assertion node
    a = next(g.subjects(ns.RDF.predicate, KG.tradeValue))
    assert g.value(a, KG.unit) == Literal("USD")
    assert (a, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), doc) in g


def test_value_literals_by_kind():
    assert value_literal(Value("25%", "percent", 25.0, "%")).datatype == ns.XSD.decimal
    assert value_literal(Value("Dec 2023", "date", date="2023-12")).datatype == ns.XSD.gYearMonth
    assert value_literal(Value("5 Jan", "date", date="2024-01-05")).datatype == ns.XSD.date
    assert value_literal(Value("third", "rank", 3.0)) == Literal("third")
    assert value_literal(Value("a lot", "quantity")) == Literal("a lot")
    assert value_literal(Value("huge", "money", 1e25, "USD")).datatype == ns.XSD.double


def test_round_trip_is_exact(doc_a):
    back = document_from_graph(_graph(document_to_quads(doc_a)), doc_a.id)
    assert back.triples == doc_a.triples
    assert back.merges == doc_a.merges
    assert back == doc_a


def test_round_trip_through_a_dataset(doc_a, doc_b):
    ds = Dataset()
    ds.addN(document_to_quads(doc_a))
    ds.addN(document_to_quads(doc_b))
    assert triples_from_dataset(ds, doc_b.id) == doc_b.triples
    assert document_from_dataset(ds, doc_a.id) == doc_a


def test_round_trip_sorts_entities_and_aliases(doc_a):
    # Entity order and alias order are not kept in RDF: read back sorted by (type, label).
    shuffled = dataclasses.replace(doc_a, entities=list(reversed(doc_a.entities)))
    back = document_from_graph(_graph(document_to_quads(shuffled)), doc_a.id)
    assert back.entities == sorted(shuffled.entities, key=lambda e: (e.type, e.label, e.aliases))


def test_open_relation_names_survive():
    assert relation_name(predicate_iri("signed agreement/with")) == "signed agreement/with"
    assert predicate_iri("worksFor") == KG.worksFor


def test_ontology_declares_every_relation_and_class():
    path = Path(kg.__file__).parent / "ontology.ttl"
    g = Graph().parse(path, format="turtle")
    for name in RELATIONS:
        prop = KG[name]
        kinds = set(g.objects(prop, ns.RDF.type))
        assert kinds & {ns.OWL.ObjectProperty, ns.OWL.DatatypeProperty}, name
        assert g.value(prop, ns.RDFS.label) is not None, name
        assert g.value(prop, ns.RDFS.comment) is not None, name
        assert (ns.OWL.SymmetricProperty in kinds) == (name in SYMMETRIC_RELATIONS), name
    for name in (*ENTITY_TYPES, "Assertion", "Merge"):
        assert (KG[name], ns.RDF.type, ns.OWL.Class) in g, name
    assert (KG.worksFor, ns.OWL.equivalentProperty, URIRef("https://schema.org/worksFor")) in g
    assert (KG.memberOf, ns.OWL.equivalentProperty, URIRef("http://www.wikidata.org/prop/direct/P463")) in g
    assert (KG.headquarteredIn, ns.OWL.equivalentProperty, URIRef("http://www.wikidata.org/prop/direct/P159")) in g
    assert (KG.holdsPosition, ns.OWL.equivalentProperty, URIRef("http://www.wikidata.org/prop/direct/P39")) in g
    # every kg term the store writes is declared
    declared = set(g.subjects(ns.RDF.type, None))
    from kg.store import document_to_quads as to_quads
    from .samples import make_doc_a

    used = {t for q in to_quads(make_doc_a()) for t in q[:3] if isinstance(t, URIRef) and str(t).startswith(str(KG))}
    assert used <= declared, used - declared
