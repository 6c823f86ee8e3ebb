"""The graph layer: the networkx view of a store (view), its analytics and ranking.

Public: the names below (``from kg.graph import to_networkx``); ``kg.graph.analytics``
(pandas tables: central entities, paths, neighbours, communities, SPARQL to DataFrame) and
``kg.graph.ranking`` (PageRank over the view) are imported as modules.
"""

from __future__ import annotations

from .view import (
    between_dates,
    centrality,
    connection_subgraph,
    ego,
    fact_date,
    find_node,
    query_subgraph,
    shortest_path,
    shortest_paths,
    to_networkx,
    top_nodes,
    top_subgraph,
)

__all__ = [
    "between_dates",
    "centrality",
    "connection_subgraph",
    "ego",
    "fact_date",
    "find_node",
    "query_subgraph",
    "shortest_path",
    "shortest_paths",
    "to_networkx",
    "top_nodes",
    "top_subgraph",
]
