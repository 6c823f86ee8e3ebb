"""kg.graph.analytics: DataFrames over a small hand-made store (no spaCy)."""

from __future__ import annotations


import networkx as nx
import pandas as pd
import pytest
from pandas.api.types import (
    is_datetime64_any_dtype,
    is_string_dtype,
)

from kg.graph import analytics
from kg.errors import KGError, QueryError
from kg.graph import to_networkx
from kg.store import KGStore
from kg.store.namespaces import KG
from kg.store.rdf import entity_iri

from tests.store import samples


@pytest.fixture(scope="module")
def docs():
    return samples.make_doc_a(), samples.make_doc_b()


@pytest.fixture(scope="module")
def store(docs):
    with KGStore() as s:
        for doc in docs:
            assert s.add_document(doc)
        yield s


@pytest.fixture(scope="module")
def graph(store):
    return to_networkx(store)


def iri(label: str, type_: str) -> str:
    return str(entity_iri(samples.Entity(label, type_)))


BYD = iri("BYD", "Organization")
KACIR = iri("Mehmet Fatih Kacır", "Person")
KOC = iri("Koç Holding", "Organization")


def test_central_entities(store, graph):
    top = analytics.central_entities(store, k=3)
    assert list(top.columns) == [
        "entity", "label", "type", "docs", "degree", "in_degree", "out_degree", "pagerank", "betweenness",
    ]
    assert list(top.index) == [1, 2, 3] and top.index.name == "rank"
    assert top["label"].tolist() == ["BYD", "Türkiye", "Mehmet Fatih Kacır"]  # degree 5, 2, 2
    byd = top.loc[1]
    assert byd["entity"] == BYD and byd["type"] == "Organization"
    assert (byd["docs"], byd["degree"], byd["in_degree"], byd["out_degree"]) == (2, 5, 1, 4)
    assert byd["betweenness"] == pytest.approx(0.388889, abs=1e-6)
    assert top["pagerank"].is_monotonic_decreasing
    for column in ("entity", "label", "type"):
        assert is_string_dtype(top[column])
    for column in ("docs", "degree", "in_degree", "out_degree"):
        assert top[column].dtype == "int64"
    assert top["pagerank"].dtype == "float64"
    # literal values (amounts, dates) are never ranked as entities
    everything = analytics.central_entities(graph, k=100)
    assert len(everything) == 8
    assert not everything["entity"].str.startswith("value:").any()
    # the graph and the store give the same answer
    pd.testing.assert_frame_equal(analytics.central_entities(graph, k=3), top)


def test_central_entities_by_type_and_k(graph):
    orgs = analytics.central_entities(graph, k=10, type="Organization")
    assert orgs["label"].tolist() == ["BYD", "Koç Holding"]
    assert analytics.central_entities(graph, k=0).empty
    with pytest.raises(ValueError):
        analytics.central_entities(graph, k=-1)


def test_communities(store):
    table = analytics.communities(store)
    assert list(table.columns) == ["entity", "label", "type", "community", "community_size", "degree"]
    assert len(table) == 8  # entities only
    groups = {
        community: sorted(rows["label"]) for community, rows in table.groupby("community")
    }
    assert groups == {
        0: ["BYD", "Istanbul", "Koç Holding", "Manisa"],
        1: ["China", "Türkiye"],
        2: ["Mehmet Fatih Kacır", "Minister of Industry and Technology"],
    }
    # numbered largest first; the best connected member leads its community
    assert table.iloc[0]["label"] == "BYD" and table.iloc[0]["degree"] == 4
    assert table.set_index("label")["community_size"].to_dict()["China"] == 2
    assert table["community"].dtype == "int64" and is_string_dtype(table["label"])


def test_communities_with_values_and_without_edges(graph):
    with_values = analytics.communities(graph, include_values=True)
    assert len(with_values) == 10
    assert "value:2026" in set(with_values["entity"])
    lonely = nx.MultiDiGraph()
    lonely.add_node("a", label="A", type="Person")
    lonely.add_node("b", label="B", type="Person")
    table = analytics.communities(lonely)
    assert table["label"].tolist() == ["A", "B"] and table["community"].tolist() == [0, 1]
    assert analytics.communities(nx.MultiDiGraph()).columns.tolist() == table.columns.tolist()


def test_neighbours(store):
    table = analytics.neighbours(store, "byd")  # case-blind, like kg render --focus
    assert list(table.columns) == [
        "neighbour", "label", "type", "relation", "direction", "evidence", "confidence", "rule", "doc", "doc_title",
    ]
    rows = list(table[["relation", "direction", "label"]].itertuples(index=False, name=None))
    assert rows == [
        ("hasFacilityIn", "out", "Istanbul"),
        ("hasFacilityIn", "out", "Manisa"),
        ("metWith", "in", "Mehmet Fatih Kacır"),
        ("partnersWith", "out", "Koç Holding"),
        ("plannedStart", "out", "2026"),
    ]
    met = table[table["relation"] == "metWith"].iloc[0]
    assert met["neighbour"] == KACIR and met["confidence"] == pytest.approx(0.8) and met["rule"] == "svo_meet"
    assert met["evidence"].startswith("Turkish Industry and Technology Minister")
    assert met["doc_title"] == "Türkiye courts Chinese EV makers"
    assert met["doc"] == samples.make_doc_a().id
    assert table["confidence"].dtype == "float64" and is_string_dtype(table["direction"])
    # an alias finds the entity too
    assert analytics.neighbours(store, "Kacir")["label"].tolist() == [
        "Minister of Industry and Technology", "BYD",
    ]
    with pytest.raises(KGError):
        analytics.neighbours(store, "Nobody At All")


def test_path(store):
    hops = analytics.path(store, "Koç Holding", "Kacir")
    assert hops["hop"].tolist() == [1, 2]
    assert hops["from"].tolist() == ["Koç Holding", "BYD"]
    assert hops["to"].tolist() == ["BYD", "Mehmet Fatih Kacır"]
    # each hop states its fact in its own direction, with evidence and provenance
    assert list(hops[["subject", "relation", "object"]].itertuples(index=False, name=None)) == [
        ("BYD", "partnersWith", "Koç Holding"),
        ("Mehmet Fatih Kacır", "metWith", "BYD"),
    ]
    assert hops.loc[0, "evidence"] == "BYD partners with Koç Holding."
    assert hops.loc[0, "doc_title"] == "BYD showroom"
    assert hops["confidence"].tolist() == pytest.approx([0.75, 0.8])
    assert hops.loc[0, "from_id"] == KOC and hops.loc[1, "to_id"] == KACIR
    assert hops["hop"].dtype == "int64" and is_string_dtype(hops["evidence"])


def test_path_edge_cases(store, graph):
    same = analytics.path(graph, "BYD", "byd")
    assert same.empty and "evidence" in same.columns
    with pytest.raises(KGError, match="no path"):
        analytics.path(graph, "China", "BYD")  # two separate components
    with pytest.raises(KGError, match="no node"):
        analytics.path(graph, "BYD", "Atlantis")


def test_degree_by_relation(store):
    table = analytics.degree_by_relation(store)
    assert list(table.columns) == [
        "entity", "label", "type", "hasFacilityIn", "holdsPosition", "metWith", "partnersWith",
        "plannedStart", "tradeValue", "tradesWith", "degree",
    ]
    assert table["label"].tolist()[:3] == ["BYD", "Mehmet Fatih Kacır", "Türkiye"]
    byd = table.set_index("label").loc["BYD"]
    assert byd[["hasFacilityIn", "metWith", "partnersWith", "plannedStart", "tradeValue"]].tolist() == [2, 1, 1, 1, 0]
    assert byd["degree"] == 5
    turkiye = table.set_index("label").loc["Türkiye"]
    assert (turkiye["tradeValue"], turkiye["tradesWith"], turkiye["degree"]) == (1, 1, 2)
    # the relation columns add up to the degree on every row
    relation_columns = table.columns[3:-1]
    assert (table[relation_columns].sum(axis=1) == table["degree"]).all()
    assert all(table[c].dtype == "int64" for c in [*relation_columns, "degree"])
    assert len(table) == 8 and not table["entity"].str.startswith("value:").any()


def test_facts_df(store, docs):
    facts = analytics.facts_df(store)
    assert len(facts) == 8
    assert list(facts.columns)[:12] == [
        "subject", "subject_type", "relation", "object", "object_type", "evidence", "confidence", "rule",
        "hedge", "doc", "doc_title", "doc_date",
    ]
    partner = facts[facts["relation"] == "partnersWith"].iloc[0]
    assert (partner["subject"], partner["object"], partner["object_type"]) == ("BYD", "Koç Holding", "Organization")
    assert partner["evidence"] == "BYD partners with Koç Holding."
    assert partner["confidence"] == pytest.approx(0.75) and partner["rule"] == "svo_partner"
    assert partner["doc"] == docs[1].id and partner["doc_title"] == "BYD showroom"
    assert pd.isna(partner["doc_date"]) and pd.isna(partner["hedge"])
    money = facts[facts["relation"] == "tradeValue"].iloc[0]
    assert money["object"] == "38.55 billion USD" and money["object_type"] == "Quantity"
    assert money["object_id"] == "value:38.55 billion USD" and money["doc_date"] == "2024-01-05"
    plant = facts[(facts["relation"] == "hasFacilityIn") & (facts["object"] == "Manisa")].iloc[0]
    assert plant["hedge"] == "will"
    assert facts["assertion"].is_unique
    assert facts.groupby("doc").size().to_dict() == {docs[0].id: 6, docs[1].id: 2}
    assert facts["confidence"].dtype == "float64"
    assert all(is_string_dtype(facts[c]) for c in facts.columns if c != "confidence")


def test_empty_store():
    with KGStore() as empty:
        assert analytics.central_entities(empty).empty
        assert analytics.communities(empty).empty
        assert analytics.degree_by_relation(empty).columns.tolist() == ["entity", "label", "type", "degree"]
        facts = analytics.facts_df(empty)
        assert facts.empty and facts["confidence"].dtype == "float64"
        with pytest.raises(KGError):
            analytics.neighbours(empty, "BYD")


def test_bad_source():
    with pytest.raises(TypeError):
        analytics.facts_df("not a store")


# --- sparql_df -------------------------------------------------------------------------


def test_sparql_df_converts_literals(store):
    frame = analytics.sparql_df(
        store,
        """
        SELECT DISTINCT ?subject ?p ?confidence ?start ?date ?title WHERE {
          ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; kg:confidence ?confidence ;
             kg:start ?start ; prov:wasDerivedFrom ?d .
          ?s rdfs:label ?subject .
          ?d schema:headline ?title .
          OPTIONAL { ?d schema:datePublished ?date }
        } ORDER BY ?title ?start ?p
        """,
    )
    assert list(frame.columns) == ["subject", "p", "confidence", "start", "date", "title"]
    assert len(frame) == 8
    assert is_string_dtype(frame["subject"]) and is_string_dtype(frame["p"])
    assert frame["confidence"].dtype == "float64"  # xsd:decimal -> float
    assert frame["start"].dtype == "int64"  # xsd:integer
    assert is_datetime64_any_dtype(frame["date"])  # xsd:date, missing for document B
    first = frame.iloc[0]
    assert first["title"] == "BYD showroom" and first["p"] == str(KG.hasFacilityIn)
    assert pd.isna(first["date"])
    assert first["confidence"] == pytest.approx(0.65)
    dated = frame[frame["title"] == "Türkiye courts Chinese EV makers"]
    assert (dated["date"] == pd.Timestamp("2024-01-05")).all()
    assert sorted(dated["start"].unique().tolist()) == [0, 95, 159]


def test_sparql_df_bindings_and_values(store):
    frame = analytics.sparql_df(
        store,
        "SELECT ?p ?s ?v WHERE { ?s ?p ?v . ?s rdfs:label ?l }",
        bindings={"p": KG.tradeValue},
    )
    assert frame["v"].tolist() == [pytest.approx(38.55e9)] and frame["v"].dtype == "float64"
    assert frame["s"].tolist() == [iri("Türkiye", "Country")]
    by_label = analytics.sparql_df(
        store, "SELECT ?name ?e WHERE { ?e rdfs:label ?name }", bindings={"name": "Koç Holding"}
    )
    assert by_label["e"].tolist() == [KOC]
    counts = analytics.sparql_df(
        store,
        "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:mentionedIn ?d ; a ?t } GROUP BY ?t ORDER BY ?t",
    )
    assert counts["n"].dtype == "int64"
    assert dict(zip(counts["t"], counts["n"]))[str(KG.Organization)] == 2


def test_sparql_df_optional_integers_and_booleans(store):
    frame = analytics.sparql_df(
        store,
        """
        SELECT DISTINCT ?a ?label ?start (BOUND(?start) AS ?has_span) WHERE {
          ?a a kg:Assertion ; rdf:subject ?s . ?s rdfs:label ?label .
          OPTIONAL { ?a kg:subjectStart ?start }
        } ORDER BY ?label ?start
        """,
    )
    assert len(frame) == 8
    assert str(frame["start"].dtype) == "Int64"  # nullable: some assertions have no subject span
    assert frame["start"].dropna().tolist() == [159, 41, 41]
    assert frame["has_span"].dtype == "bool" and frame["has_span"].tolist() == [
        False, False, False, True, True, True, False, False,
    ]


def test_sparql_df_labels_repeat_per_document(store):
    # An entity's label is stated in every document mentioning it, so a join on labels
    # yields one row per document unless DISTINCT: the converter keeps what SPARQL returns.
    query = "SELECT {} ?label WHERE {{ ?e rdfs:label ?label . FILTER(?label = \"BYD\") }}"
    assert len(analytics.sparql_df(store, query.format(""))) == 2
    assert len(analytics.sparql_df(store, query.format("DISTINCT"))) == 1


def test_sparql_df_ask_construct_and_empty(store):
    ask = analytics.sparql_df(store, "ASK { ?p kg:metWith ?o }")
    assert ask.columns.tolist() == ["ask"] and ask["ask"].tolist() == [True]
    assert analytics.sparql_df(store, "ASK { ?p kg:visited ?o }")["ask"].tolist() == [False]
    triples = analytics.sparql_df(store, "CONSTRUCT { ?s kg:metWith ?o } WHERE { ?s kg:metWith ?o }")
    assert triples.columns.tolist() == ["subject", "predicate", "object"]
    assert triples.values.tolist() == [[KACIR, str(KG.metWith), BYD]]
    empty = analytics.sparql_df(store, "SELECT ?s ?o WHERE { ?s kg:visited ?o }")
    assert empty.empty and empty.columns.tolist() == ["s", "o"]


def test_sparql_df_mixed_column_stays_object(store):
    frame = analytics.sparql_df(store, "SELECT DISTINCT ?o WHERE { ?a rdf:object ?o } ORDER BY ?o")
    assert frame["o"].dtype == object
    values = frame["o"].tolist()
    assert values[0] == iri("Istanbul", "City")
    assert "2026" in values  # a year alone is a plain literal
    assert [v for v in values if isinstance(v, float)] == [pytest.approx(38.55e9)]  # xsd:decimal


def test_sparql_df_refuses_updates(store):
    with pytest.raises(QueryError):
        analytics.sparql_df(store, "DELETE WHERE { ?s ?p ?o }")
    assert len(analytics.facts_df(store)) == 8
