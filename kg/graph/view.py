"""A networkx view of a KGStore for rendering and analytics.

The graph schema is a contract shared with kg.render:

* node id: entity IRI; a literal object is a node ``"value:" + label``.
* node attrs: ``label`` (str), ``type`` (str: an entity type, or "Quantity" / "Date" /
  "Text" for values), ``aliases`` (sorted list[str]), ``docs`` (int, documents mentioning it).
* edges: a MultiDiGraph edge per assertion, keyed by the assertion IRI, subject -> object.
* edge attrs: ``relation``, ``symmetric``, ``evidence``, ``doc``, ``doc_title``, ``doc_date``,
  ``doc_publisher``,
  ``confidence`` (float), ``rule``, ``s_mention``, ``o_mention`` (surface text of the
  mentions when their spans are known, else None); plus ``qualifiers`` (dict) and ``hedge``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

import networkx as nx
import pandas as pd

from kg.errors import KGError
from kg.graph.ranking import graph_pagerank
from kg.model import SYMMETRIC_RELATIONS, Kind, Value
from kg.store import KGStore
from kg.store.rdf import relation_name, slugify, type_name
from kg.store.namespaces import KG

__all__ = [
    "between_dates", "centrality", "connection_subgraph", "ego", "fact_date", "find_node",
    "query_subgraph", "shortest_path", "shortest_paths", "to_networkx", "top_nodes",
    "top_subgraph",
]

_NODES = """
SELECT ?e ?t ?l ?g WHERE { GRAPH ?g { ?e kg:mentionedIn ?g ; a ?t ; rdfs:label ?l } }
"""
_ALIASES = """
SELECT DISTINCT ?e ?alt WHERE { GRAPH ?g { ?e kg:mentionedIn ?g ; skos:altLabel ?alt } }
"""
_EDGES = """
SELECT ?a ?s ?p ?o ?ev ?start ?end ?conf ?rule ?id ?title ?date ?publisher
       ?ss ?se ?os ?oe ?vtext ?vkind ?vnum ?unit ?vdate ?hedge WHERE {
  GRAPH ?g {
    ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
       kg:evidence ?ev ; kg:start ?start ; kg:end ?end ; kg:confidence ?conf ; kg:rule ?rule .
    ?g kg:contentHash ?id .
    OPTIONAL { ?g schema:headline ?title }
    OPTIONAL { ?g schema:datePublished ?date }
    OPTIONAL { ?g schema:publisher ?publisher }
    OPTIONAL { ?a kg:subjectStart ?ss ; kg:subjectEnd ?se }
    OPTIONAL { ?a kg:objectStart ?os ; kg:objectEnd ?oe }
    OPTIONAL { ?a kg:valueText ?vtext }
    OPTIONAL { ?a kg:valueKind ?vkind }
    OPTIONAL { ?a kg:valueNumber ?vnum }
    OPTIONAL { ?a kg:unit ?unit }
    OPTIONAL { ?a kg:valueDate ?vdate }
    OPTIONAL { ?a kg:hedge ?hedge }
  }
}
"""
_QUALIFIERS = """
SELECT ?a ?name ?value ?i WHERE {
  GRAPH ?g { ?a kg:qualifier ?q . ?q kg:name ?name ; kg:value ?value ; kg:index ?i }
}
"""


def _opt(term: Any) -> str | None:
    return None if term is None else str(term)


def _mention(evidence: str, start: int, lo: Any, hi: Any) -> str | None:
    # Spans are document offsets; the evidence sentence starts at `start` in the document.
    if lo is None or hi is None:
        return None
    a, b = int(lo) - start, int(hi) - start
    if 0 <= a <= b <= len(evidence):
        return evidence[a:b]
    return None


def to_networkx(store: KGStore) -> nx.MultiDiGraph:
    """Return every entity, value and fact of the store as a MultiDiGraph (schema above)."""
    graph = nx.MultiDiGraph()

    labels: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, str] = {}
    docs: dict[str, set[str]] = defaultdict(set)
    for e, t, label, g in store.query(_NODES):
        if not str(t).startswith(str(KG)):
            continue
        key = str(e)
        labels[key][str(label)] += 1
        types[key] = type_name(t)
        docs[key].add(str(g))
    aliases: dict[str, set[str]] = defaultdict(set)
    for e, alt in store.query(_ALIASES):
        aliases[str(e)].add(str(alt))

    for key in sorted(labels):
        # The most used spelling wins; ties go to the alphabetically first for stability.
        label = sorted(labels[key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        others = (aliases[key] | set(labels[key])) - {label}
        graph.add_node(key, label=label, type=types[key], aliases=sorted(others), docs=len(docs[key]))

    qualifiers: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for a, name, value, i in store.query(_QUALIFIERS):
        qualifiers[str(a)].append((int(i), str(name), str(value)))

    value_docs: dict[str, set[str]] = defaultdict(set)
    edges = []
    for r in store.query(_EDGES):
        s, o = str(r.s), str(r.o)
        if r.vkind is not None:
            value = Value(
                text=_opt(r.vtext) or "",
                kind=str(r.vkind),
                number=None if r.vnum is None else float(str(r.vnum)),
                unit=_opt(r.unit),
                date=_opt(r.vdate),
            )
            o = "value:" + value.label
            if o not in graph:
                graph.add_node(o, label=value.label, type=value.type, aliases=[], docs=0)
            value_docs[o].add(str(r.id))
        for node in (s, o):
            if node not in graph:  # an assertion about an IRI with no entity description
                # .value: a plain str, as the schema says; networkx's GraphML and GEXF
                # writers refuse a str subclass such as a Kind member.
                graph.add_node(node, label=node.rsplit("/", 1)[-1], type=Kind.CONCEPT.value,
                               aliases=[], docs=0)
        relation = relation_name(r.p)
        start = int(r.start)
        evidence = str(r.ev)
        attrs = {
            "relation": relation,
            "symmetric": relation in SYMMETRIC_RELATIONS,
            "evidence": evidence,
            "doc": str(r.id),
            "doc_title": _opt(r.title),
            "doc_date": _opt(r.date),
            "doc_publisher": _opt(r.publisher),
            "confidence": float(str(r.conf)),
            "rule": str(r.rule),
            "s_mention": _mention(evidence, start, r.ss, r.se),
            "o_mention": _mention(evidence, start, r.os, r.oe),
            "qualifiers": {name: value for _, name, value in sorted(qualifiers.get(str(r.a), []))},
            "hedge": _opt(r.hedge),
        }
        edges.append((str(r.id), start, str(r.a), s, o, attrs))
    for node, seen in value_docs.items():
        graph.nodes[node]["docs"] = len(seen)
    for _, _, key, s, o, attrs in sorted(edges, key=lambda e: e[:3]):
        graph.add_edge(s, o, key=key, **attrs)
    return graph


def find_node(graph: nx.MultiDiGraph, label: str) -> str:
    """Return the id of the node named label (id, label or alias; case- and accent-blind)."""
    if label in graph:
        return label
    wanted, slug = label.casefold(), slugify(label)

    def names(node: str) -> list[str]:
        data = graph.nodes[node]
        return [str(data.get("label", ""))] + [str(a) for a in data.get("aliases", [])]

    for test in (
        lambda n: n.casefold() == wanted,
        lambda n: slugify(n) == slug,
    ):
        hits = [node for node in graph if any(test(n) for n in names(node))]
        if hits:
            # A label shared by several nodes: the best connected is the likely meaning.
            return max(hits, key=lambda n: (graph.degree(n), graph.nodes[n].get("docs", 0), str(n)))
    raise KGError(f"no node named {label!r} in the graph")


def ego(graph: nx.MultiDiGraph, label: str, depth: int = 1) -> nx.MultiDiGraph:
    """Return the subgraph within depth hops (either direction) of the node named label."""
    center = find_node(graph, label)
    return nx.ego_graph(graph, center, radius=depth, undirected=True)


def top_nodes(graph: nx.MultiDiGraph, k: int = 10) -> list[tuple[str, float]]:
    """Return the k nodes with the highest PageRank as (node id, score), best first."""
    ranks = graph_pagerank(graph)
    return sorted(ranks.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def centrality(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Return one row per node (index: node id) with degree, PageRank and betweenness."""
    columns = ["label", "type", "docs", "degree", "in_degree", "out_degree", "pagerank", "betweenness"]
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=columns)
    ranks = graph_pagerank(graph)
    undirected = nx.Graph(graph)
    # Exact betweenness is cubic; sample pivots on big graphs (seeded for stable output).
    sample = None if undirected.number_of_nodes() <= 1000 else 500
    between = nx.betweenness_centrality(undirected, k=sample, seed=0)
    rows = {
        node: {
            "label": data.get("label", node),
            "type": data.get("type"),
            "docs": data.get("docs", 0),
            "degree": graph.degree(node),
            "in_degree": graph.in_degree(node),
            "out_degree": graph.out_degree(node),
            "pagerank": ranks.get(node, 0.0),
            "betweenness": between.get(node, 0.0),
        }
        for node, data in graph.nodes(data=True)
    }
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    frame.index.name = "id"
    return frame.sort_values(["pagerank", "label"], ascending=[False, True], kind="stable")


def shortest_path(graph: nx.MultiDiGraph, a: str, b: str) -> list[dict[str, Any]]:
    """Return the hops of a shortest undirected path from a to b, each with its evidence."""
    source, target = find_node(graph, a), find_node(graph, b)
    undirected = nx.Graph()
    undirected.add_nodes_from(graph.nodes)
    for u, v, key, data in graph.edges(keys=True, data=True):
        best = undirected.get_edge_data(u, v)
        # Among parallel facts between two nodes, show the most confident one.
        if best is None or data.get("confidence", 0.0) > best["confidence"]:
            undirected.add_edge(u, v, key=key, subject=u, object=v, confidence=data.get("confidence", 0.0))
    try:
        nodes = nx.shortest_path(undirected, source, target)
    except nx.NetworkXNoPath:
        raise KGError(f"no path between {a!r} and {b!r}") from None
    hops: list[dict[str, Any]] = []
    for u, v in zip(nodes, nodes[1:]):
        link = undirected.edges[u, v]
        s, o, key = link["subject"], link["object"], link["key"]
        hop = dict(graph.edges[s, o, key])
        hop.update(
            {
                "key": key,
                "from": u,
                "to": v,
                "subject": s,
                "object": o,
                "subject_label": graph.nodes[s].get("label"),
                "object_label": graph.nodes[o].get("label"),
            }
        )
        hops.append(hop)
    return hops


def top_subgraph(graph: nx.MultiDiGraph, k: int) -> nx.MultiDiGraph:
    """The subgraph of the k most important nodes (PageRank) and the facts among them."""
    if k < 1:
        raise KGError("--max-nodes must be at least 1")
    keep = [node for node, _ in top_nodes(graph, k)]
    return graph.subgraph(keep).copy()


def query_subgraph(graph: nx.MultiDiGraph, store: KGStore, sparql: str) -> nx.MultiDiGraph:
    """Exactly what a query returns: CONSTRUCT facts as edges, or SELECT'ed entities and their facts."""
    result = store.query(sparql)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        wanted = {(str(s), relation_name(p), str(o)) for s, p, o in result}
        keep = [
            (u, v, key) for u, v, key, data in graph.edges(keys=True, data=True)
            if (u, data.get("relation"), v) in wanted
            or (data.get("symmetric") and (v, data.get("relation"), u) in wanted)
        ]
        return graph.edge_subgraph(keep).copy()
    if result.type != "SELECT":
        raise KGError("--query needs a SELECT or CONSTRUCT query")
    nodes = {str(term) for row in result for term in row if term is not None and str(term) in graph}
    return graph.subgraph(nodes).copy()


def shortest_paths(graph: nx.MultiDiGraph, a: str, b: str, limit: int = 12) -> list[list[str]]:
    """Every shortest chain of facts (read in either direction) from a to b, as node-id
    lists, at most limit of them; raises KGError when there is none."""
    source, target = find_node(graph, a), find_node(graph, b)
    if source == target:
        raise KGError(f"{a!r} and {b!r} are the same entity")
    undirected = nx.Graph()
    undirected.add_nodes_from(graph.nodes)
    undirected.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    try:
        paths = nx.all_shortest_paths(undirected, source, target)
        found = []
        for path in paths:
            found.append(path)
            if len(found) >= limit:
                break
    except nx.NetworkXNoPath:
        raise KGError(f"no path between {a!r} and {b!r}") from None
    return found


def connection_subgraph(graph: nx.MultiDiGraph, a: str, b: str,
                        limit: int = 12) -> tuple[nx.MultiDiGraph, str, str]:
    """The shortest chains between a and b: their entities and every fact between two
    consecutive entities of a chain (all parallel facts, both directions). Returns the
    subgraph and the ids of a and b."""
    paths = shortest_paths(graph, a, b, limit)
    pairs = {frozenset(step) for path in paths for step in zip(path, path[1:])}
    keep = [(u, v, k) for u, v, k in graph.edges(keys=True) if frozenset((u, v)) in pairs]
    return graph.edge_subgraph(keep).copy(), paths[0][0], paths[0][-1]


_DATE_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def fact_date(data: dict[str, Any]) -> str | None:
    """The date a fact is about (YYYY, YYYY-MM or YYYY-MM-DD): its own date qualifier when
    one was extracted, else its document's date."""
    for value in ((data.get("qualifiers") or {}).get("date"), data.get("doc_date")):
        match = _DATE_PREFIX.match(str(value or ""))
        if match:
            return match.group(0)
    return None


def _period(value: str, end: bool) -> str:
    """A date bound 'YYYY[-MM[-DD]]' as the first (or last) day it covers."""
    match = _DATE_PREFIX.fullmatch(value.strip())
    if not match:
        raise KGError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = match.groups()
    if day:
        return f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}-{31 if end else 1:02d}"
    return f"{year}-12-31" if end else f"{year}-01-01"


def between_dates(graph: nx.MultiDiGraph, since: str | None = None,
                  until: str | None = None) -> nx.MultiDiGraph:
    """The facts dated within [since, until] (bounds 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD',
    inclusive, either may be None) and the entities they link. A fact's date is its own
    date qualifier, else its document's; a partial date ('2024-03') is in range when any
    day of it is; facts with no date at all are left out once a bound is given."""
    if since is None and until is None:
        return graph.copy()
    lo = _period(since, end=False) if since else None
    hi = _period(until, end=True) if until else None
    if lo and hi and lo > hi:
        raise KGError(f"--since {since} is after --until {until}")
    keep = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        date = fact_date(data)
        if date is None:
            continue
        first, last = _period(date, end=False), _period(date, end=True)
        if (lo is None or last >= lo) and (hi is None or first <= hi):
            keep.append((u, v, key))
    return graph.edge_subgraph(keep).copy()
