"""Render benchmark: time to write the HTML and time until the page is stable in Chromium.

Run:  .venv/bin/python benchmarks/render_bench.py [--sizes 100 1000 5000]
Targets (issue 4): at 5,000 nodes, under 2 s to write and under 5 s to a stable page.
Not a test: it prints measurements and the ratio to each target.
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


def page_ready_seconds(path: Path) -> float:
    """Seconds from navigation until the page reports a stable, drawn graph."""
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
        browser.close()
    return elapsed


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    args = parser.parse_args()
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"{'nodes':>6} {'edges':>6} {'write s':>8} {'ready s':>8} {'write/2s':>9} {'ready/5s':>9} {'MB':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            g = synthetic_graph(n)
            path = Path(tmp) / f"g{n}.html"
            t0 = time.perf_counter()
            render_html(g, path)
            write = time.perf_counter() - t0
            ready = page_ready_seconds(path)
            print(f"{n:>6} {g.number_of_edges():>6} {write:>8.2f} {ready:>8.2f} {write / 2:>9.2f} "
                  f"{ready / 5:>9.2f} {path.stat().st_size / 1e6:>6.1f}")


if __name__ == "__main__":
    main()
