"""A fast force-directed layout (numpy) for graphs too big for browser physics.

networkx's spring_layout above 500 nodes needs scipy, which kg does not depend on, and
its dense layout allocates n×n×2 arrays; this one stays O(n·sample) in memory and lays
out a 5,000-node graph in about a second.
"""

from __future__ import annotations

import math

import numpy as np

# Above this many nodes in one component, repulsion is estimated from a random sample of
# the other nodes instead of all of them: exact is O(n²) per iteration.
_EXACT_LIMIT = 1000
_CHUNK = 1024


def force_layout(n: int, src: np.ndarray, dst: np.ndarray, *, seed: int = 7,
                 spacing: float = 90.0) -> np.ndarray:
    """Return an (n, 2) array of positions: each connected component laid out, then packed."""
    if n == 0:
        return np.zeros((0, 2))
    rng = np.random.default_rng(seed)
    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    keep = src != dst  # self-loops exert no force
    src, dst = src[keep], dst[keep]
    labels = _components(n, src, dst)
    sizes = np.bincount(labels)
    node_order = np.argsort(labels, kind="stable")
    node_starts = np.concatenate([[0], np.cumsum(sizes)])
    edge_comp = labels[src]
    edge_order = np.argsort(edge_comp, kind="stable")
    edge_starts = np.concatenate([[0], np.cumsum(np.bincount(edge_comp, minlength=len(sizes)))])
    local = np.empty(n, dtype=np.int64)
    laid: list[tuple[np.ndarray, np.ndarray]] = []
    for c in np.argsort(-sizes, kind="stable"):  # largest first, so it sits top-left
        members = node_order[node_starts[c]:node_starts[c + 1]]
        local[members] = np.arange(len(members))
        sel = edge_order[edge_starts[c]:edge_starts[c + 1]]
        pos = _fruchterman_reingold(len(members), local[src[sel]], local[dst[sel]], rng)
        laid.append((members, pos))
    return _pack(n, laid) * spacing


def _components(n: int, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    parent = np.arange(n)

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression keeps later finds O(1)
            parent[x], x = root, parent[x]
        return root

    for u, v in zip(src.tolist(), dst.tolist()):
        ru, rv = find(u), find(v)
        if ru != rv:
            parent[max(ru, rv)] = min(ru, rv)
    roots = np.array([find(i) for i in range(n)])
    _, labels = np.unique(roots, return_inverse=True)
    return labels


def _fruchterman_reingold(m: int, src: np.ndarray, dst: np.ndarray,
                          rng: np.random.Generator) -> np.ndarray:
    """Lay out one connected component with ideal edge length 1."""
    if m <= 6:
        return _star(m, src, dst)
    side = math.sqrt(m)
    pos = (rng.random((m, 2)) * side).astype(np.float32)
    # Fewer passes as the component grows keeps the total cost near-linear; the sampled
    # repulsion below is what makes each pass cheap.
    iterations = 60 if m <= 500 else 40 if m <= 3000 else 30
    temperature = side / 5.0
    cooling = (0.02 / 5.0) ** (1.0 / iterations)
    sample = min(m, _EXACT_LIMIT)
    for _ in range(iterations):
        disp = np.zeros((m, 2), dtype=np.float32)
        if sample == m:
            anchors = pos
            scale = np.float32(1.0)
        else:
            anchors = pos[rng.choice(m, sample, replace=False)]
            scale = np.float32(m / sample)
        ax, ay = anchors[:, 0], anchors[:, 1]
        for start in range(0, m, _CHUNK):
            block = pos[start:start + _CHUNK]
            dx = block[:, 0, None] - ax[None, :]
            dy = block[:, 1, None] - ay[None, :]
            inv = dx * dx
            inv += dy * dy
            np.maximum(inv, 1e-4, out=inv)
            np.reciprocal(inv, out=inv)
            # Repulsion k²/d along the unit vector is delta·k²/d² with k = 1.
            disp[start:start + _CHUNK, 0] += scale * np.einsum("ij,ij->i", dx, inv)
            disp[start:start + _CHUNK, 1] += scale * np.einsum("ij,ij->i", dy, inv)
        delta = pos[src] - pos[dst]
        dist = np.sqrt(np.einsum("ij,ij->i", delta, delta))[:, None]
        pull = delta * dist  # attraction d²/k along the unit vector
        np.add.at(disp, src, -pull)
        np.add.at(disp, dst, pull)
        # Gentle gravity keeps loosely tied parts of a component from drifting apart.
        disp -= (pos - pos.mean(axis=0)) * np.float32(0.01)
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp))[:, None]
        np.maximum(length, 1e-9, out=length)
        pos += disp / length * np.minimum(length, np.float32(temperature))
        temperature *= cooling
    pos = pos.astype(np.float64)
    return pos - pos.mean(axis=0)


def _star(m: int, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Tiny components are nearly always stars or paths: hub in the middle, rest around it."""
    pos = np.zeros((m, 2))
    if m == 1:
        return pos
    degree = np.bincount(np.concatenate([src, dst]), minlength=m)
    hub = int(np.argmax(degree))
    others = [i for i in range(m) if i != hub]
    for j, i in enumerate(others):
        angle = 2.0 * math.pi * j / len(others)
        pos[i] = (math.cos(angle), math.sin(angle))
    return pos


def _pack(n: int, laid: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Place components (largest first) on shelves so the drawing is roughly square."""
    out = np.zeros((n, 2))
    boxes = []
    area = 0.0
    for members, pos in laid:
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        w, h = (hi - lo) + 1.5  # margin between neighbouring components
        boxes.append((members, pos - lo, w, h))
        area += w * h
    row_width = max(math.sqrt(area) * 1.2, boxes[0][2]) if boxes else 0.0
    x = y = row_height = 0.0
    for members, pos, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        out[members] = pos + (x, y)
        x += w
        row_height = max(row_height, h)
    return out - (out.max(axis=0) + out.min(axis=0)) / 2.0
