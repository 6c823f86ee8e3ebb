"""Export to standard formats and import of external RDF, on the real on-disk store."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from rdflib import BNode, Dataset, Graph, URIRef

from kg.errors import InputError, KGError
from kg.graph.export import EXPORT_FORMATS, export
from kg.store.interop import import_rdf
from kg.store import KGStore

from tests.store.samples import make_doc_a, make_doc_b, make_doc_c

PARSERS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}


@pytest.fixture
def store(tmp_path):
    with KGStore(tmp_path / "store") as s:
        for doc in (make_doc_a(), make_doc_b(), make_doc_c()):
            s.add_document(doc)
        yield s


def _quads(ds: Dataset) -> set:
    out = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        out.add((s, p, o, g.identifier if isinstance(g, Graph) else g))
    return out


@pytest.mark.parametrize("fmt", ["nq", "trig", "jsonld"])
def test_quad_formats_round_trip(store, tmp_path, fmt):
    path = export(store, fmt, tmp_path / f"out.{fmt}")
    assert path.is_file()
    ds = Dataset()
    ds.parse(path, format=PARSERS[fmt])
    assert _quads(ds) == set(store.quads())


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_triple_formats_hold_the_union(store, tmp_path, fmt):
    path = export(store, fmt, tmp_path / f"out.{fmt}")
    g = Graph()
    g.parse(path, format=PARSERS[fmt])
    union = {q[:3] for q in store.quads()}
    assert set(g) == union
    assert len(g) < len(store)  # shared entity descriptions appear once
    if fmt == "ttl":
        assert "@prefix kg:" in path.read_text(encoding="utf-8")


def test_export_into_a_folder_names_the_file(store, tmp_path):
    out = tmp_path / "dir"
    out.mkdir()
    assert export(store, "nq", out) == out / "kg.nq"


def test_graphml_and_gexf(store, tmp_path):
    from kg.graph import to_networkx

    view = to_networkx(store)
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = export(store, fmt, tmp_path / f"g.{fmt}")
        back = reader(path)
        assert back.number_of_nodes() == view.number_of_nodes(), fmt
        assert back.number_of_edges() == view.number_of_edges(), fmt
    back = nx.read_graphml(tmp_path / "g.graphml")
    kacir = next(n for n, d in view.nodes(data=True) if d["label"] == "Mehmet Fatih Kacır")
    assert json.loads(back.nodes[kacir]["aliases"]) == view.nodes[kacir]["aliases"]
    meet = [d for _, _, d in back.edges(data=True) if d["relation"] == "metWith"]
    assert len(meet) == 2 and {json.loads(d["qualifiers"]).get("place") for d in meet} == {"Istanbul", "Ankara"}


def test_csv_nodes_and_edges(store, tmp_path):
    from kg.graph import to_networkx

    view = to_networkx(store)
    folder = export(store, "csv", tmp_path / "csv")
    with open(folder / "nodes.csv", encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(folder / "edges.csv", encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert len(nodes) == view.number_of_nodes() and len(edges) == view.number_of_edges()
    assert {"id", "label", "type", "aliases", "docs"} <= set(nodes[0])
    byd = next(n for n in nodes if n["label"] == "BYD")
    assert byd["type"] == "Organization" and byd["docs"] == "3"
    partner = [e for e in edges if e["relation"] == "partnersWith"]
    assert len(partner) == 2 and all(e["evidence"] and e["doc"] and float(e["confidence"]) == 0.75 for e in partner)
    (tmp_path / "file").write_text("x")
    with pytest.raises(KGError):
        export(store, "csv", tmp_path / "file")


def test_unknown_export_format(store, tmp_path):
    assert set(EXPORT_FORMATS) == {"ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv"}
    with pytest.raises(KGError, match="unknown export format"):
        export(store, "xlsx", tmp_path / "x")


@pytest.mark.parametrize("fmt", ["nq", "trig", "jsonld"])
def test_export_then_import_rebuilds_the_store(store, tmp_path, fmt):
    path = export(store, fmt, tmp_path / f"out.{fmt}")
    with KGStore(tmp_path / f"copy-{fmt}") as copy:
        assert import_rdf(copy, path) == len(store)
        assert set(copy.quads()) == set(store.quads())
        assert copy.document_ids() == store.document_ids()
        assert copy.stats() == store.stats()
        assert import_rdf(copy, path) == 0  # merging again adds nothing


def test_import_triples_into_a_named_graph(tmp_path):
    ttl = tmp_path / "extra.ttl"
    ttl.write_text(
        "@prefix kg: <https://w3id.org/kg/ontology#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<https://w3id.org/kg/id/organization/byd> owl:sameAs <http://www.wikidata.org/entity/Q27423> ;\n"
        "    kg:note [ kg:text \"a blank node\" ] .\n",
        encoding="utf-8",
    )
    with KGStore(tmp_path / "store") as s:
        s.add_document(make_doc_b())
        before = set(s.quads())
        assert import_rdf(s, ttl) == 3
        new = set(s.quads()) - before
        graphs = {q[3] for q in new}
        assert len(graphs) == 1 and str(next(iter(graphs))).startswith(s.base + "import/")
        assert any(isinstance(q[2], BNode) for q in new)
        # the union default graph sees imported triples
        assert s.query("ASK { ?e owl:sameAs wd:Q27423 ; rdfs:label 'BYD' }").askAnswer
        assert import_rdf(s, ttl, graph_iri="http://example.org/links") == 3  # a fresh blank node each time
        assert (URIRef("http://example.org/links")) in {q[3] for q in s.quads()}
        assert s.stats()["documents"] == 1  # imported graphs are not documents


def test_import_nquads_keeps_graphs_and_is_one_transaction(tmp_path):
    nq = tmp_path / "data.nq"
    nq.write_text(
        '<http://x/s> <http://x/p> "one" <http://x/g1> .\n'
        '<http://x/s> <http://x/p> "two" .\n',
        encoding="utf-8",
    )
    bad = tmp_path / "bad.nq"
    bad.write_text('<http://x/s> <http://x/p> "ok" <http://x/g1> .\n<http://x/s> <http://x/p> oops .\n', encoding="utf-8")
    with KGStore(tmp_path / "store") as s:
        assert import_rdf(s, nq) == 2
        graphs = {str(q[3]) for q in s.quads()}
        assert "http://x/g1" in graphs and any(g.startswith(s.base + "import/") for g in graphs)
        n = len(s)
        with pytest.raises(InputError, match="cannot parse"):
            import_rdf(s, bad)
        assert len(s) == n  # nothing of the bad file was stored


def test_import_errors(tmp_path):
    with KGStore(tmp_path / "store") as s:
        with pytest.raises(InputError, match="no such file"):
            import_rdf(s, tmp_path / "missing.ttl")
        odd = tmp_path / "data.xyz"
        odd.write_text("<http://x/a> <http://x/b> <http://x/c> .\n")
        with pytest.raises(InputError, match="RDF format"):
            import_rdf(s, odd)
        assert import_rdf(s, odd, fmt="nt") == 1
        empty = tmp_path / "empty.ttl"
        empty.write_text("  \n")
        with pytest.raises(InputError, match="empty"):
            import_rdf(s, empty)
    with KGStore(tmp_path / "store", read_only=True) as ro:
        ok = tmp_path / "ok.nt"
        ok.write_text('<http://x/s> <http://x/p> "v" .\n')
        with pytest.raises(KGError, match="read-only"):
            import_rdf(ro, ok)
