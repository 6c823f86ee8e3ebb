"""networkx view of a store: schema of nodes and edges, ego views, paths, centrality."""

from __future__ import annotations


import networkx as nx
import pandas as pd
import pytest

from kg.errors import KGError
from kg.graph import centrality, ego, find_node, shortest_path, to_networkx, top_nodes
from kg.store import KGStore
from kg.store.rdf import entity_iri

from tests.store import samples


@pytest.fixture(scope="module")
def docs():
    return samples.make_doc_a(), samples.make_doc_b()


@pytest.fixture(scope="module")
def graph(docs):
    with KGStore() as store:
        for doc in docs:
            store.add_document(doc)
        return to_networkx(store)


def iri(label: str, type_: str) -> str:
    return str(entity_iri(samples.Entity(label, type_)))


def test_nodes_and_edges(graph, docs):
    assert isinstance(graph, nx.MultiDiGraph)
    # 8 entities + 2 literal values
    assert graph.number_of_nodes() == 10
    assert graph.number_of_edges() == sum(len(d.triples) for d in docs) == 8
    kacir = graph.nodes[iri("Mehmet Fatih Kacır", "Person")]
    assert kacir == {
        "label": "Mehmet Fatih Kacır",
        "type": "Person",
        "aliases": ["Kacir", "Mehmet Fatih Kacir"],
        "docs": 1,
    }
    assert graph.nodes[iri("BYD", "Organization")]["docs"] == 2
    assert graph.nodes[iri("Istanbul", "City")]["docs"] == 2
    money = graph.nodes["value:38.55 billion USD"]
    assert money["type"] == "Quantity" and money["label"] == "38.55 billion USD" and money["docs"] == 1
    assert graph.nodes["value:2026"]["type"] == "Date"
    for _, data in graph.nodes(data=True):
        assert set(data) == {"label", "type", "aliases", "docs"}


def test_edge_attributes(graph, docs):
    doc_a = docs[0]
    edges = graph.get_edge_data(iri("Mehmet Fatih Kacır", "Person"), iri("BYD", "Organization"))
    assert len(edges) == 1
    key, data = next(iter(edges.items()))
    assert key.startswith("https://w3id.org/kg/id/assertion/")
    assert data["relation"] == "metWith" and data["symmetric"] is True
    assert data["evidence"] == doc_a.triples[1].evidence
    assert data["doc"] == doc_a.id
    assert data["doc_title"] == doc_a.title and data["doc_date"] == "2024-01-05"
    assert data["confidence"] == pytest.approx(0.8) and isinstance(data["confidence"], float)
    assert data["rule"] == "svo_meet"
    assert data["s_mention"] == "Mehmet Fatih Kacır" and data["o_mention"] == "BYD"
    assert data["qualifiers"] == {"place": "Istanbul", "date": "2024-01-04"}
    role = graph.get_edge_data(iri("Mehmet Fatih Kacır", "Person"), iri("Minister of Industry and Technology", "Role"))
    (role_data,) = role.values()
    assert role_data["o_mention"] == "Industry and Technology Minister" and role_data["symmetric"] is False
    trade = graph.get_edge_data(iri("Türkiye", "Country"), "value:38.55 billion USD")
    (trade_data,) = trade.values()
    assert trade_data["s_mention"] is None and trade_data["o_mention"] == "$38.55 billion"
    b = docs[1]
    (partner,) = graph.get_edge_data(iri("BYD", "Organization"), iri("Koç Holding", "Organization")).values()
    assert partner["doc"] == b.id and partner["doc_date"] is None and partner["hedge"] is None
    expected = {"relation", "symmetric", "evidence", "doc", "doc_title", "doc_date", "confidence", "rule", "s_mention", "o_mention"}
    for _, _, data in graph.edges(data=True):
        assert expected <= set(data)


def test_empty_store_gives_empty_graph():
    with KGStore() as store:
        g = to_networkx(store)
    assert g.number_of_nodes() == 0
    assert top_nodes(g) == []
    assert centrality(g).empty


def test_find_node_by_label_or_alias(graph):
    kacir = iri("Mehmet Fatih Kacır", "Person")
    assert find_node(graph, "mehmet fatih kacır") == kacir
    assert find_node(graph, "KACIR") == kacir
    assert find_node(graph, "Mehmet Fatih KACIR") == kacir
    assert find_node(graph, "turkey") == iri("Türkiye", "Country")
    assert find_node(graph, kacir) == kacir
    with pytest.raises(KGError, match="Atlantis"):
        find_node(graph, "Atlantis")


def test_ego(graph):
    sub = ego(graph, "byd", 1)
    labels = {d["label"] for _, d in sub.nodes(data=True)}
    assert labels == {"BYD", "Mehmet Fatih Kacır", "Manisa", "Istanbul", "Koç Holding", "2026"}
    assert isinstance(sub, nx.MultiDiGraph) and sub.number_of_edges() == 5
    assert ego(graph, "Kacir", 2).number_of_nodes() == 7
    with pytest.raises(KGError):
        ego(graph, "nobody", 1)


def test_shortest_path_with_evidence(graph, docs):
    hops = shortest_path(graph, "Minister of Industry and Technology", "Koç Holding")
    assert [h["relation"] for h in hops] == ["holdsPosition", "metWith", "partnersWith"]
    assert hops[0]["from"] == iri("Minister of Industry and Technology", "Role")
    assert hops[0]["subject"] == iri("Mehmet Fatih Kacır", "Person")  # walked against the arrow
    assert hops[-1]["to"] == iri("Koç Holding", "Organization")
    assert hops[-1]["evidence"] == "BYD partners with Koç Holding."
    assert all(h["key"].startswith("https://w3id.org/kg/id/assertion/") for h in hops)
    assert shortest_path(graph, "BYD", "byd") == []
    with pytest.raises(KGError, match="no path"):
        shortest_path(graph, "Türkiye", "BYD")


def test_top_nodes_and_centrality(graph):
    top = top_nodes(graph, 3)
    assert len(top) == 3 and all(isinstance(score, float) for _, score in top)
    assert top == sorted(top, key=lambda kv: -kv[1])
    frame = centrality(graph)
    assert isinstance(frame, pd.DataFrame) and len(frame) == graph.number_of_nodes()
    assert list(frame.columns) == ["label", "type", "docs", "degree", "in_degree", "out_degree", "pagerank", "betweenness"]
    byd = iri("BYD", "Organization")
    assert frame.loc[byd, "degree"] == 5
    assert frame["betweenness"].idxmax() == byd
    assert frame["pagerank"].sum() == pytest.approx(1.0)


def test_top_and_query_subgraphs():
    from kg.graph import query_subgraph, to_networkx, top_subgraph
    from kg.store import KGStore
    from tests.store.samples import make_doc_a, make_doc_b

    with KGStore() as store:
        store.add_document(make_doc_a())
        store.add_document(make_doc_b())
        graph = to_networkx(store)
        top = top_subgraph(graph, 3)
        assert top.number_of_nodes() == 3
        assert set(top.nodes) <= set(graph.nodes)
        sub = query_subgraph(graph, store, "CONSTRUCT { ?s kg:partnersWith ?o } WHERE { ?s kg:partnersWith ?o }")
        assert sub.number_of_edges() >= 1
        assert {d["relation"] for _, _, d in sub.edges(data=True)} == {"partnersWith"}
        sel = query_subgraph(graph, store, "SELECT ?e WHERE { ?e a kg:City }")
        assert sel.number_of_nodes() >= 1
        assert {d["type"] for _, d in sel.nodes(data=True)} == {"City"}
