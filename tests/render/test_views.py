"""Views of the graph that the page and `kg render` offer: connections and periods."""

from __future__ import annotations

import pytest

from kg.errors import KGError
from kg.graph import between_dates, connection_subgraph, fact_date, shortest_paths
from tests.render.conftest import BASE, news_graph


def dated_graph():
    g = news_graph()
    dates = {"visited": "2023-11-02", "investsIn": "2024-03", "hasFacilityIn": "2026",
             "produces": None}
    for _, _, data in g.edges(data=True):
        if data["relation"] in dates:
            data["doc_date"] = dates[data["relation"]]
        if data["relation"] == "plannedStart":
            data["qualifiers"] = {"date": "2026-06-01"}
    return g


def relations(graph):
    return sorted(d["relation"] for *_, d in graph.edges(data=True))


def test_a_fact_is_dated_by_its_own_date_else_its_document():
    g = dated_graph()
    by_relation = {d["relation"]: d for *_, d in g.edges(data=True)}
    assert fact_date(by_relation["plannedStart"]) == "2026-06-01"  # qualifier wins
    assert fact_date(by_relation["investsIn"]) == "2024-03"
    assert fact_date(by_relation["produces"]) is None
    assert fact_date({"doc_date": "2024-01-05T10:00:00"}) == "2024-01-05"


def test_between_dates_keeps_facts_whose_date_overlaps_the_period():
    g = dated_graph()
    assert relations(between_dates(g, "2023-11", "2023-11")) == ["visited"]
    # '2024-03' is in a period that ends on 2024-03-10; '2026' starts after it.
    march = relations(between_dates(g, "2024-01-05", "2024-03-10"))
    assert "investsIn" in march and "hasFacilityIn" not in march and "visited" not in march
    assert relations(between_dates(g, since="2026-06")) == ["hasFacilityIn", "plannedStart"]
    everything = between_dates(g)
    assert everything.number_of_edges() == g.number_of_edges()
    # Facts without any date are left out once a bound is given, and so are lone entities.
    assert "produces" not in relations(between_dates(g, until="2030"))
    assert BASE + "ev" not in between_dates(g, until="2030")
    with pytest.raises(KGError):
        between_dates(g, "2025", "2024")
    with pytest.raises(KGError):
        between_dates(g, "last week")


def test_shortest_paths_and_the_connection_subgraph():
    g = news_graph()
    paths = shortest_paths(g, "Erdogan", "Manisa")
    assert paths == [[BASE + "erdogan", BASE + "li", BASE + "turkiye", BASE + "byd", BASE + "manisa"]]
    sub, a, b = connection_subgraph(g, "Togg", "China")
    assert (a, b) == (BASE + "togg", BASE + "china")
    assert set(sub) == {BASE + "togg", BASE + "turkiye", BASE + "china"}
    # Every fact between consecutive entities, both directions: basedIn and two tradesWith.
    assert relations(sub) == ["basedIn", "tradesWith", "tradesWith"]
    with pytest.raises(KGError):
        shortest_paths(g, "Togg", "Togg")
    g.add_node(BASE + "alone", label="Alone", type="Person")
    with pytest.raises(KGError, match="no path"):
        shortest_paths(g, "Togg", "Alone")
