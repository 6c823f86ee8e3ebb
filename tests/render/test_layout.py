"""The numpy PageRank and force layout used for big graphs (networkx's need scipy)."""

from __future__ import annotations

import time

import numpy as np

from kg.graph.ranking import pagerank
from kg.render.layout import force_layout


def test_pagerank_ranks_the_hub_first_and_sums_to_one():
    src = np.array([0, 0, 0, 0, 4])
    dst = np.array([1, 2, 3, 4, 5])
    rank = pagerank(7, src, dst)  # node 6 is isolated
    assert abs(rank.sum() - 1.0) < 1e-9
    assert int(np.argmax(rank)) == 0
    assert rank[6] == rank.min()


def test_layout_is_deterministic_finite_and_separates_components():
    # Two triangles, a path and two isolated nodes.
    src = np.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    dst = np.array([1, 2, 0, 4, 5, 3, 7, 8, 9, 10])
    pos = force_layout(13, src, dst)
    assert pos.shape == (13, 2) and np.isfinite(pos).all()
    assert np.array_equal(pos, force_layout(13, src, dst))
    distances = np.linalg.norm(pos[:, None, :] - pos[None, :, :], axis=-1)
    assert distances[np.triu_indices(13, 1)].min() > 10  # nobody stacked on anybody
    # Neighbours sit closer than the two triangles' centres do.
    gap = np.linalg.norm(pos[[0, 1, 2]].mean(0) - pos[[3, 4, 5]].mean(0))
    assert np.linalg.norm(pos[0] - pos[1]) < gap


def test_layout_of_five_thousand_nodes_takes_seconds_not_minutes():
    rng = np.random.default_rng(0)
    n = 5000
    src = rng.integers(0, n, 10000)
    dst = rng.integers(0, n, 10000)
    started = time.monotonic()
    pos = force_layout(n, src, dst)
    assert time.monotonic() - started < 10
    assert np.isfinite(pos).all() and len(np.unique(pos.round(1), axis=0)) == n
    assert force_layout(0, src[:0], dst[:0]).shape == (0, 2)
