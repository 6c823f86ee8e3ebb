"""Node importance (PageRank) shared by analytics and rendering, in numpy.

networkx's pagerank needs scipy, which kg does not depend on. Facts are read as undirected:
direction is arbitrary for many relations (said/quotedBy, symmetric ones), so a node's
importance should not depend on which side of an edge it sits. Parallel facts add weight.
"""

from __future__ import annotations

import networkx as nx
import numpy as np


def pagerank(n: int, src: np.ndarray, dst: np.ndarray, *, damping: float = 0.85,
             iterations: int = 100, tol: float = 1.0e-9) -> np.ndarray:
    """Return the PageRank of each of n nodes over the given edges, read as undirected."""
    if n == 0:
        return np.zeros(0)
    # Direction is arbitrary for many relations (said/quotedBy, symmetric ones), so a
    # node's importance should not depend on which side of an edge it sits.
    a = np.concatenate([src, dst]).astype(np.int64)
    b = np.concatenate([dst, src]).astype(np.int64)
    out_degree = np.bincount(a, minlength=n).astype(float)
    dangling = out_degree == 0
    safe = np.where(dangling, 1.0, out_degree)
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        spread = np.bincount(b, weights=rank[a] / safe[a], minlength=n)
        new = (1.0 - damping) / n + damping * (spread + rank[dangling].sum() / n)
        done = np.abs(new - rank).sum() < tol
        rank = new
        if done:
            break
    return rank


def graph_pagerank(graph: nx.Graph) -> dict[str, float]:
    """PageRank of every node of a (multi)graph, keyed by node id."""
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = [(index[u], index[v]) for u, v in graph.edges()]
    src = np.array([p[0] for p in pairs], dtype=np.int64)
    dst = np.array([p[1] for p in pairs], dtype=np.int64)
    return dict(zip(nodes, pagerank(len(nodes), src, dst).tolist()))
