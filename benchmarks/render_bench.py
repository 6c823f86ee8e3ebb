"""Render benchmark: time to write the HTML, time to the first stable view in Chromium, and
how readable that view is (label overlap and clipping).

Run:  .venv/bin/python benchmarks/render_bench.py [--sizes 100 1000 5000] [--store DIR ...]
Sizes are synthetic news-like graphs of N entities and 2N facts; each --store adds the
graph of a kg store (e.g. the development corpus: `kg build tests/gold/dev --store DIR`).
Targets (issue 4): at 5,000 nodes, under 2 s to write and under 5 s to a stable page.
Readability (issue 13): at most 5 % of the shown nodes with a label box overlapping
another one, none clipped by the canvas edge.
Not a test: it prints measurements and the ratio to each target.

The measurement only uses vis-network's API and `kgGraph.stable`, so it also runs against
pages written by older versions of kg (to compare before and after).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.render import render_html

TYPES = ["Person", "Organization", "Country", "City", "Place", "Role", "Quantity"]
RELATIONS = ["metWith", "partnersWith", "visited", "investsIn", "builds", "locatedIn", "worksFor"]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

# Shown (drawn) nodes, how many have a label box overlapping another's (vis-network's
# getBoundingBox, and its union with the label's own box), how many are clipped.
MEASURE = """() => {
  const net = kgGraph.network, canvas = net.canvas.frame.canvas;
  // vis-network measures a label only when it draws it (on screen, not too small): draw
  // every node once at zoom 1 so every label has its box, then redraw the real view.
  const scale = net.body.view.scale, ctx = net.canvas.getContext();
  net.body.view.scale = 1; ctx.save(); net.renderer._drawNodes(ctx, true); ctx.restore();
  net.body.view.scale = scale; net.redraw();
  const ids = net.body.nodeIndices;
  const boxes = ids.map(id => {
    const node = net.body.nodes[id], b = net.getBoundingBox(id), m = node.labelModule.size;
    const full = {left: b.left, right: b.right, top: b.top, bottom: b.bottom};
    if (node.labelModule.elementOptions.label && m.width > 0) {
      full.left = Math.min(full.left, m.left); full.right = Math.max(full.right, m.left + m.width);
      full.top = Math.min(full.top, m.top); full.bottom = Math.max(full.bottom, m.top + m.height);
    }
    return {b: b, full: full};
  });
  const overlapping = key => {
    const order = boxes.map((x, i) => i).sort((i, j) => boxes[i][key].left - boxes[j][key].left);
    const hit = new Set();
    for (let a = 0; a < order.length; a++) {
      const p = boxes[order[a]][key];
      for (let c = a + 1; c < order.length; c++) {
        const q = boxes[order[c]][key];
        if (q.left >= p.right) break;
        if (p.top < q.bottom && q.top < p.bottom) { hit.add(order[a]); hit.add(order[c]); }
      }
    }
    return hit.size;
  };
  let clipped = 0;
  boxes.forEach(x => {
    const a = net.canvasToDOM({x: x.full.left, y: x.full.top}), b = net.canvasToDOM({x: x.full.right, y: x.full.bottom});
    if (a.x < 0 || a.y < 0 || b.x > canvas.clientWidth || b.y > canvas.clientHeight) clipped++;
  });
  return {shown: ids.length, edges: net.body.edgeIndices.length, overlap: overlapping('b'),
          overlapFull: overlapping('full'), clipped: clipped, scale: net.getScale()};
}"""


def synthetic_graph(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """A news-like graph: n entities, 2n facts, preferential attachment, with evidence text."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(f"e{i}", label=f"Entity {i}", type=rng.choice(TYPES), aliases=[f"E{i}"], docs=rng.randint(1, 5))
    targets = [f"e{i}" for i in range(min(n, 5))]
    for j in range(2 * n):
        u = f"e{rng.randrange(n)}"
        v = rng.choice(targets) if rng.random() < 0.5 else f"e{rng.randrange(n)}"
        if u == v:
            continue
        rel = rng.choice(RELATIONS)
        g.add_edge(u, v, key=f"a{j}", relation=rel, symmetric=rel in ("metWith", "partnersWith"),
                   evidence=f"Entity {u[1:]} {rel} Entity {v[1:]} according to sentence {j}.",
                   doc=f"d{j % 50}", doc_title=f"Story {j % 50}", doc_date="2024-01-05",
                   confidence=round(rng.uniform(0.4, 0.95), 2), rule="bench", s_mention=None, o_mention=None)
        targets.append(v)
    return g


def store_graph(path: str) -> nx.MultiDiGraph:
    from kg.graph import to_networkx
    from kg.store import open_store

    with open_store(path, read_only=True) as store:
        return to_networkx(store)


def open_and_measure(path: Path) -> tuple[float, dict]:
    """Seconds from navigation until the page reports a stable view, and that view's figures."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        start = time.perf_counter()
        page.goto(path.resolve().as_uri())
        while not page.evaluate("window.kgGraph && window.kgGraph.stable"):
            if time.perf_counter() - start > 120:
                raise SystemExit("page did not become stable within 120 s")
            time.sleep(0.02)
        elapsed = time.perf_counter() - start
        figures = page.evaluate(MEASURE)
        browser.close()
    return elapsed, figures


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000])
    parser.add_argument("--store", nargs="*", default=[], help="kg stores to render as well")
    args = parser.parse_args()
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"{'graph':>12} {'nodes':>6} {'edges':>6} {'write s':>8} {'stable s':>8} {'write/2s':>9} "
          f"{'stable/5s':>9} {'shown':>6} {'overlap':>8} {'w/ label':>8} {'clipped':>7} {'MB':>5}")
    graphs = [(f"synthetic", synthetic_graph(n)) for n in args.sizes] + \
        [(Path(s).name, store_graph(s)) for s in args.store]
    with tempfile.TemporaryDirectory() as tmp:
        for i, (name, g) in enumerate(graphs):
            path = Path(tmp) / f"g{i}.html"
            t0 = time.perf_counter()
            render_html(g, path)
            write = time.perf_counter() - t0
            ready, m = open_and_measure(path)
            shown = max(1, m["shown"])
            print(f"{name[:12]:>12} {g.number_of_nodes():>6} {g.number_of_edges():>6} {write:>8.2f} "
                  f"{ready:>8.2f} {write / 2:>9.2f} {ready / 5:>9.2f} {m['shown']:>6} "
                  f"{100 * m['overlap'] / shown:>7.1f}% {100 * m['overlapFull'] / shown:>7.1f}% "
                  f"{m['clipped']:>7} {path.stat().st_size / 1e6:>5.1f}")


if __name__ == "__main__":
    main()
