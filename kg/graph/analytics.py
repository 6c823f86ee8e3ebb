"""Analytics over a knowledge graph, as pandas DataFrames (for notebooks and scripts).

Every function takes a :class:`kg.store.KGStore` (the graph is read through
:func:`kg.graph.to_networkx`) or, to avoid reading the store again, the MultiDiGraph that
``to_networkx`` returned. Results are DataFrames with explicit dtypes: text columns are
pandas ``string``, counts ``int64``, scores ``float64``; a missing text is ``<NA>``.

Entities are the nodes of the graph that stand for things (people, organisations,
places...); literal values (amounts, dates) are graph nodes too, with ids starting
``value:``, but are left out of the entity rankings, communities and relation tables.

``sparql_df`` is the odd one out: it runs a SPARQL query on the store and converts the
rdflib result to a DataFrame (literals through ``.toPython()``, IRIs as str).
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any, Mapping

import networkx as nx
import pandas as pd
from rdflib import BNode, Literal, URIRef

from kg.graph.view import centrality, find_node, shortest_path, to_networkx
from kg.store import KGStore

__all__ = [
    "central_entities",
    "communities",
    "degree_by_relation",
    "facts_df",
    "neighbours",
    "path",
    "sparql_df",
]

VALUE_PREFIX = "value:"
STRING = pd.StringDtype()


# --- helpers ------------------------------------------------------------------------------


def _graph(source: KGStore | nx.MultiDiGraph) -> nx.MultiDiGraph:
    if isinstance(source, nx.MultiDiGraph):
        return source
    if isinstance(source, KGStore):
        return to_networkx(source)
    raise TypeError(f"expected a KGStore or a networkx MultiDiGraph, not {type(source).__name__}")


def _is_entity(node: str) -> bool:
    return not str(node).startswith(VALUE_PREFIX)


def _frame(rows: list[dict[str, Any]], dtypes: Mapping[str, Any]) -> pd.DataFrame:
    """Build a DataFrame with exactly these columns (in order) and dtypes, even when empty."""
    frame = pd.DataFrame(rows, columns=list(dtypes))
    return frame.astype(dict(dtypes)) if len(dtypes) else frame


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("label", node))


def _type(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("type", ""))


# --- graph analytics ---------------------------------------------------------------------


_CENTRAL = {
    "entity": STRING,
    "label": STRING,
    "type": STRING,
    "docs": "int64",
    "degree": "int64",
    "in_degree": "int64",
    "out_degree": "int64",
    "pagerank": "float64",
    "betweenness": "float64",
}


def central_entities(store: KGStore | nx.MultiDiGraph, k: int = 10, type: str | None = None) -> pd.DataFrame:  # noqa: A002
    """The k most central entities by PageRank (ties: label), best first.

    Columns: entity (IRI), label, type, docs (documents mentioning it), degree,
    in_degree, out_degree, pagerank, betweenness. ``type`` keeps one entity type only
    (e.g. "Organization"). The index is the rank, starting at 1.
    """
    if k < 0:
        raise ValueError(f"k must be >= 0, not {k}")
    graph = _graph(store)
    table = centrality(graph)
    table = table[[_is_entity(n) for n in table.index]]
    if type is not None:
        table = table[table["type"] == type]
    table = table.head(k).reset_index().rename(columns={"id": "entity"})
    frame = _frame(table.to_dict("records"), _CENTRAL)
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="rank")
    return frame


_COMMUNITIES = {
    "entity": STRING,
    "label": STRING,
    "type": STRING,
    "community": "int64",
    "community_size": "int64",
    "degree": "int64",
}


def communities(store: KGStore | nx.MultiDiGraph, include_values: bool = False) -> pd.DataFrame:
    """Entities grouped into communities (greedy modularity on the undirected projection).

    Parallel facts between two entities add weight to their link. Communities are
    numbered from 0, largest first (ties: the alphabetically first label); an entity with
    no fact is a community of its own. Columns: entity, label, type, community,
    community_size, degree (in the projection). Rows are sorted by community, then by
    degree (descending) and label. Literal values join only with ``include_values=True``.
    """
    graph = _graph(store)
    simple = nx.Graph()
    simple.add_nodes_from(n for n in graph if include_values or _is_entity(n))
    for u, v in graph.edges():
        if u == v or u not in simple or v not in simple:
            continue
        weight = simple.get_edge_data(u, v, {}).get("weight", 0)
        simple.add_edge(u, v, weight=weight + 1)
    if simple.number_of_nodes() == 0:
        return _frame([], _COMMUNITIES)
    if simple.number_of_edges() == 0:
        groups = [{n} for n in simple]
    else:
        groups = [set(c) for c in nx.community.greedy_modularity_communities(simple, weight="weight")]
    groups.sort(key=lambda c: (-len(c), min(_label(graph, n) for n in c)))
    rows = []
    for index, members in enumerate(groups):
        for node in members:
            rows.append(
                {
                    "entity": node,
                    "label": _label(graph, node),
                    "type": _type(graph, node),
                    "community": index,
                    "community_size": len(members),
                    "degree": simple.degree(node),
                }
            )
    rows.sort(key=lambda r: (r["community"], -r["degree"], r["label"], r["entity"]))
    return _frame(rows, _COMMUNITIES)


_NEIGHBOURS = {
    "neighbour": STRING,
    "label": STRING,
    "type": STRING,
    "relation": STRING,
    "direction": STRING,
    "evidence": STRING,
    "confidence": "float64",
    "rule": STRING,
    "doc": STRING,
    "doc_title": STRING,
}


def neighbours(store: KGStore | nx.MultiDiGraph, label: str) -> pd.DataFrame:
    """Every fact linking the entity named label to another node, one row per fact.

    ``label`` is matched like ``kg render --focus`` (label, alias or IRI; case- and
    accent-blind); an unknown name raises :class:`kg.errors.KGError`. ``direction`` is
    "out" when the entity is the subject of the fact and "in" when it is the object.
    Columns: neighbour (node id), label, type, relation, direction, evidence,
    confidence, rule, doc (content hash), doc_title. Sorted by relation, direction, label.
    """
    graph = _graph(store)
    center = find_node(graph, label)
    rows = []
    for direction, edges in (
        ("out", graph.out_edges(center, data=True)),
        ("in", graph.in_edges(center, data=True)),
    ):
        for u, v, data in edges:
            other = v if direction == "out" else u
            rows.append(
                {
                    "neighbour": other,
                    "label": _label(graph, other),
                    "type": _type(graph, other),
                    "relation": data.get("relation"),
                    "direction": direction,
                    "evidence": data.get("evidence"),
                    "confidence": data.get("confidence"),
                    "rule": data.get("rule"),
                    "doc": data.get("doc"),
                    "doc_title": data.get("doc_title"),
                }
            )
    rows.sort(key=lambda r: (r["relation"] or "", r["direction"], r["label"], r["doc"] or "", r["evidence"] or ""))
    return _frame(rows, _NEIGHBOURS)


_PATH = {
    "hop": "int64",
    "from": STRING,
    "to": STRING,
    "subject": STRING,
    "relation": STRING,
    "object": STRING,
    "evidence": STRING,
    "confidence": "float64",
    "rule": STRING,
    "doc": STRING,
    "doc_title": STRING,
    "from_id": STRING,
    "to_id": STRING,
}


def path(store: KGStore | nx.MultiDiGraph, a: str, b: str) -> pd.DataFrame:
    """How two entities are connected: the hops of a shortest path, each with its evidence.

    Wraps :func:`kg.graph.shortest_path` (edges are followed in either direction; among
    parallel facts the most confident is shown). ``from``/``to`` are the labels in path
    order; ``subject``/``relation``/``object`` state the fact in its own direction.
    An empty frame when a and b are the same node; :class:`kg.errors.KGError` when a
    name is unknown or there is no path.
    """
    graph = _graph(store)
    rows = []
    for index, hop in enumerate(shortest_path(graph, a, b), start=1):
        rows.append(
            {
                "hop": index,
                "from": _label(graph, hop["from"]),
                "to": _label(graph, hop["to"]),
                "subject": hop.get("subject_label"),
                "relation": hop.get("relation"),
                "object": hop.get("object_label"),
                "evidence": hop.get("evidence"),
                "confidence": hop.get("confidence"),
                "rule": hop.get("rule"),
                "doc": hop.get("doc"),
                "doc_title": hop.get("doc_title"),
                "from_id": hop["from"],
                "to_id": hop["to"],
            }
        )
    return _frame(rows, _PATH)


def degree_by_relation(store: KGStore | nx.MultiDiGraph) -> pd.DataFrame:
    """How many facts of each relation every entity takes part in (as subject or object).

    One row per entity with at least one fact: entity, label, type, then one int64
    column per relation (sorted by name; 0 when none) and ``degree``, their sum. Sorted
    by degree (descending), then label. Facts about literal values count for the entity.
    """
    graph = _graph(store)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for u, v, data in graph.edges(data=True):
        relation = str(data.get("relation"))
        for node in {u, v}:
            if _is_entity(node):
                counts[node][relation] += 1
    relations = sorted({r for c in counts.values() for r in c})
    fixed = {"entity": STRING, "label": STRING, "type": STRING}
    # A relation named like a fixed column (none in the kg vocabulary) gets a "rel:" prefix.
    column = {r: f"rel:{r}" if r in fixed or r == "degree" else r for r in relations}
    dtypes = {**fixed, **{column[r]: "int64" for r in relations}, "degree": "int64"}
    rows = []
    for node, c in counts.items():
        row: dict[str, Any] = {"entity": node, "label": _label(graph, node), "type": _type(graph, node)}
        row.update({column[r]: c.get(r, 0) for r in relations})
        row["degree"] = sum(c.values())
        rows.append(row)
    rows.sort(key=lambda r: (-r["degree"], r["label"], r["entity"]))
    return _frame(rows, dtypes)


_FACTS = {
    "subject": STRING,
    "subject_type": STRING,
    "relation": STRING,
    "object": STRING,
    "object_type": STRING,
    "evidence": STRING,
    "confidence": "float64",
    "rule": STRING,
    "hedge": STRING,
    "doc": STRING,
    "doc_title": STRING,
    "doc_date": STRING,
    "subject_id": STRING,
    "object_id": STRING,
    "assertion": STRING,
}


def facts_df(store: KGStore | nx.MultiDiGraph) -> pd.DataFrame:
    """Every fact with its provenance, one row per assertion, in document and text order.

    Columns: subject, subject_type, relation, object, object_type (labels and types),
    evidence (the sentence), confidence, rule, hedge, doc (content hash), doc_title,
    doc_date, subject_id, object_id (node ids) and assertion (the kg:Assertion IRI).
    """
    graph = _graph(store)
    rows = [
        {
            "subject": _label(graph, u),
            "subject_type": _type(graph, u),
            "relation": data.get("relation"),
            "object": _label(graph, v),
            "object_type": _type(graph, v),
            "evidence": data.get("evidence"),
            "confidence": data.get("confidence"),
            "rule": data.get("rule"),
            "hedge": data.get("hedge"),
            "doc": data.get("doc"),
            "doc_title": data.get("doc_title"),
            "doc_date": data.get("doc_date"),
            "subject_id": u,
            "object_id": v,
            "assertion": key,
        }
        for u, v, key, data in graph.edges(keys=True, data=True)
    ]
    return _frame(rows, _FACTS)


# --- SPARQL ------------------------------------------------------------------------------


def _python(term: Any) -> Any:
    """An RDF term as a plain Python value: IRIs and blank nodes as str, literals via toPython()."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        value = term.toPython()
        # rdflib gives the Literal back when it cannot convert (unknown datatype, bad value).
        if isinstance(value, Literal):
            return str(value)
        # kg writes xsd:decimal only for numbers that were floats; pandas has no Decimal dtype.
        return float(value) if isinstance(value, Decimal) else value
    return str(term)


def _column(values: list[Any]) -> pd.Series | list[Any]:
    """Pick a dtype for one result column from the Python values in it."""
    present = [v for v in values if v is not None]
    missing = len(present) < len(values)
    if not present:
        return pd.Series(values, dtype=object)
    if all(isinstance(v, bool) for v in present):
        return pd.Series(values, dtype="boolean" if missing else "bool")
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return pd.Series(values, dtype="Int64" if missing else "int64")
    if all(isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) for v in present):
        return pd.Series([None if v is None else float(v) for v in values], dtype="float64")
    if all(isinstance(v, str) for v in present):
        return pd.Series(values, dtype=STRING)
    if all(isinstance(v, _dt.date) for v in present):
        try:
            return pd.Series(pd.to_datetime(values))
        except (TypeError, ValueError, OverflowError):
            pass
    return pd.Series(values, dtype=object)


def sparql_df(store: KGStore, query: str, bindings: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Run a read-only SPARQL query on the store and return the result as a DataFrame.

    SELECT: one column per projected variable, in order; literals are converted with
    ``.toPython()`` (xsd:integer -> int, xsd:decimal/double -> float, xsd:date ->
    datetime64, xsd:boolean -> bool, strings -> string), IRIs to str, unbound to missing.
    xsd:decimal becomes float, since pandas has no decimal dtype. A column mixing kinds of
    value stays ``object``. ASK: one row, one bool column ``ask``.
    CONSTRUCT/DESCRIBE: columns subject, predicate, object. The kg prefixes are
    predeclared; ``bindings`` binds variables safely (see :meth:`KGStore.query`).
    """
    result = store.query(query, bindings)
    if result.type == "ASK":
        return pd.DataFrame({"ask": pd.Series([bool(result.askAnswer)], dtype="bool")})
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        triples = sorted(result.graph or [], key=lambda t: tuple(str(x) for x in t))
        names = ["subject", "predicate", "object"]
        data = {name: _column([_python(t[i]) for t in triples]) for i, name in enumerate(names)}
        return pd.DataFrame(data, columns=names)
    names = [str(v) for v in (result.vars or [])]
    rows = [[_python(row[i]) for i in range(len(names))] for row in result]
    data = {name: _column([row[i] for row in rows]) for i, name in enumerate(names)}
    return pd.DataFrame(data, columns=names)
