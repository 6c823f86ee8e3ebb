"""SHACL validation (kg/shapes.ttl) of built graphs and of hand-broken ones."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.errors import KGError
from kg.store import KGStore
from kg.store.namespaces import KG, PROV, RDF, RDFS
from kg.store.rdf import document_graph_iri, document_to_quads, entity_iri
from kg.model import Entity
from kg.store.validate import SHAPES_PATH, ValidationReport, load_shapes, validate

from tests.store.samples import make_doc_a, make_doc_b, make_doc_c


def _graph(doc) -> Graph:
    g = Graph()
    for s, p, o, _ in document_to_quads(doc):
        g.add((s, p, o))
    return g


def test_shapes_parse():
    shapes = load_shapes()
    assert len(shapes) > 50 and SHAPES_PATH.name == "shapes.ttl"


def test_store_of_built_documents_conforms(tmp_path):
    with KGStore(tmp_path / "store") as store:
        for doc in (make_doc_a(), make_doc_b(), make_doc_c()):
            store.add_document(doc)
        report = validate(store)
    assert isinstance(report, ValidationReport)
    assert report.conforms, report.violations
    assert report.violations == [] and report.graphs == 3
    assert "conforms" in str(report)


def test_broken_graph_reports_readable_violations():
    doc = make_doc_a()
    g = _graph(doc)
    byd = entity_iri(Entity("BYD", "Organization"))
    meet = next(a for a in g.subjects(RDF.predicate, KG.metWith))
    g.set((meet, KG.confidence, Literal(1.7)))
    g.remove((meet, KG.evidence, None))
    g.add((byd, RDFS.label, Literal("BYD Auto")))
    report = validate(g)
    assert not report.conforms
    assert len(report.violations) == 3, report.violations
    assert all("\n" not in v for v in report.violations)
    conf = next(v for v in report.violations if "confidence" in v)
    assert "1.7" in conf and "[0, 1]" in conf and "metWith" in conf and "Mehmet Fatih Kacır" in conf
    assert any("kg:evidence" in v and "evidence sentence" in v for v in report.violations)
    label = next(v for v in report.violations if "rdfs:label" in v)
    assert "'BYD'" in label and "'BYD Auto'" in label and "exactly one" in label


def test_more_broken_shapes():
    doc = make_doc_a()
    g = _graph(doc)
    d = document_graph_iri(doc.id)
    a = next(iter(g.subjects(RDF.type, KG.Assertion)))
    g.set((a, KG.start, Literal(500)))  # after its end
    g.remove((d, KG.text, None))
    manisa = entity_iri(Entity("Manisa", "City"))
    g.add((manisa, RDF.type, KG.Country))  # two kg classes
    stray = URIRef("https://w3id.org/kg/id/assertion/stray")
    g.add((stray, RDF.type, KG.Assertion))
    g.add((stray, PROV.wasDerivedFrom, URIRef("http://example.org/not-a-document")))
    report = validate(g)
    joined = "\n".join(report.violations)
    assert "kg:start" in joined and "<= kg:end" in joined
    assert "document" in joined and "kg:text" in joined
    assert "exactly one kg class" in joined and "Manisa" in joined
    stray_lines = [v for v in report.violations if "stray" in v]
    # subject, predicate, object, evidence, start, end, confidence, rule, source document
    assert len(stray_lines) == 9


def test_dataset_is_validated_graph_by_graph():
    a, c = make_doc_a(), make_doc_c()
    ds = Dataset()
    ds.addN(document_to_quads(a))
    ds.addN(document_to_quads(c))
    assert validate(ds).conforms  # Kacır has aliases in a only: fine, per graph
    # the same entity labelled differently in two documents is legitimate...
    kacir = entity_iri(Entity("Mehmet Fatih Kacır", "Person"))
    gc = document_graph_iri(c.id)
    ds.remove((kacir, RDFS.label, None, gc))
    ds.add((kacir, RDFS.label, Literal("Mehmet Fatih Kacir"), gc))
    assert validate(ds).conforms
    # ...two labels in one document are not, and the line names the document
    ds.add((kacir, RDFS.label, Literal("M. F. Kacır"), gc))
    report = validate(ds)
    assert len(report.violations) == 1
    assert report.violations[0].startswith(f"[doc {c.id[:12]}]")


def test_validate_rejects_other_inputs():
    with pytest.raises(KGError):
        validate("not a graph")  # type: ignore[arg-type]


@pytest.mark.slow
def test_extracted_document_conforms(extract_text, tmp_path):
    doc = extract_text(
        "Turkish Trade Minister Omer Bolat met executives of BYD in Ankara on Monday. "
        "BYD will build a $1 billion plant in Manisa, the company said."
    )
    assert doc.triples
    with KGStore(tmp_path / "store") as store:
        store.add_document(doc)
        report = validate(store)
    assert report.conforms, report.violations
