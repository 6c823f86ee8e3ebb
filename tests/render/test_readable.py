"""Readability at real sizes, measured in headless Chromium on graphs extracted from the
development corpus (tests/gold/dev) and on synthetic graphs of 500 and 5,000 facts.

Overlap is computed from the network itself: vis-network's getBoundingBox (which includes
the label) and, stricter, the union with the label's own box (vis's box stops short of the
bottom of a label drawn under a dot).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import networkx as nx
import pytest

from kg.render import render_html
from tests.render.conftest import BASE, news_graph
from tests.render.test_browser import browser, clean, open_page  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "gold" / "dev"
# Stories that share entities (BYD, CATL, Stellantis...), so the graph has hubs, chains
# and parallel facts, plus entities without facts.
ARTICLES = [
    "am01_byd_tsingshan_chile_lithium_exit", "ap03_byd_tanjong_malim_ckd",
    "cn05_byd_tops_tesla_q4_2023", "po06_byd_mega_motor_pakistan_agreement",
    "tr03_byd_central_asia_interview", "cn02_catl_2023_results",
    "eu07_stellantis_catl_zaragoza", "eu01_catl_debrecen_land_deal",
]

# Label boxes of the shown nodes that overlap another one, clipped by the canvas edge, and
# the drawn edge labels with anything they overlap.
MEASURE = """() => {
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const count = (boxes) => {
    const hit = new Set();
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      if (overlaps(boxes[i], boxes[j])) { hit.add(i); hit.add(j); }
    }
    return hit.size;
  };
  const nodes = kgGraph.nodeBoxes();
  const net = kgGraph.network, canvas = document.getElementById('kg-network');
  let clipped = 0;
  nodes.forEach(n => {
    const a = net.canvasToDOM({x: n.full.left, y: n.full.top});
    const b = net.canvasToDOM({x: n.full.right, y: n.full.bottom});
    if (a.x < 0 || a.y < 0 || b.x > canvas.clientWidth || b.y > canvas.clientHeight) { clipped++; }
  });
  const edgeLabels = kgGraph.edgeLabelBoxes();
  let edgeHits = 0;
  edgeLabels.forEach((e, i) => {
    if (nodes.some(n => overlaps(e, n.label)) || edgeLabels.some((f, j) => j !== i && overlaps(e, f))) { edgeHits++; }
  });
  return {
    shown: nodes.length, overlapping: count(nodes), overlappingFull: count(nodes.map(n => n.full)),
    clipped: clipped, edgeLabels: edgeLabels.length, edgeLabelHits: edgeHits,
    smallestEdgeLabelPx: edgeLabels.length ? Math.min(...edgeLabels.map(e => e.px)) : null,
  };
}"""


@pytest.fixture(scope="module")
def dev_store(extractor):
    """A store of eight development-corpus articles, extracted by the real pipeline."""
    from kg.ingest import parse_document
    from kg.store import KGStore

    store = KGStore(None)
    for name in ARTICLES:
        path = DEV / f"{name}.txt"
        store.add_document(extractor.extract(parse_document(path.read_text(encoding="utf-8"), str(path))))
    yield store
    store.close()


@pytest.fixture(scope="module")
def dev_graph(dev_store) -> nx.MultiDiGraph:
    """The graph of the eight articles."""
    from kg.graph import to_networkx

    return to_networkx(dev_store)


def synthetic(facts: int) -> nx.MultiDiGraph:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from render_bench import synthetic_graph
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return synthetic_graph(facts // 2)


def connected(graph: nx.MultiDiGraph) -> set:
    return {n for u, v in graph.edges() if u != v for n in (u, v)}


def assert_readable(metrics: dict) -> None:
    assert metrics["shown"] > 0
    limit = 0.05 * metrics["shown"]
    assert metrics["overlapping"] <= limit, metrics
    assert metrics["overlappingFull"] <= limit, metrics
    assert metrics["clipped"] == 0, metrics
    assert metrics["edgeLabelHits"] == 0, metrics
    if metrics["edgeLabels"]:
        assert metrics["smallestEdgeLabelPx"] >= 12 - 1e-6, metrics


@pytest.mark.parametrize("overview", [60, 0], ids=["overview", "everything"])
def test_dev_corpus_page_is_readable_at_the_initial_view(open_page, dev_graph, overview):
    opened = open_page(dev_graph, overview=overview)
    metrics = opened.js(MEASURE)
    assert_readable(metrics)
    # some relation names are on screen without hovering (with every entity of the eight
    # articles on screen, 151 since session 10's extraction, two labels find free room)
    assert metrics["edgeLabels"] >= (3 if overview else 2), metrics
    shown = set(opened.js("kgGraph.shownNodeIds()"))
    if overview:
        assert len(shown) == 60 and "60 most central" in opened.page.inner_text("#kg-banner")
    else:
        # Exactly the entities with a fact: the ones without are hidden, and counted.
        assert shown == connected(dev_graph)
        assert opened.page.is_hidden("#kg-banner")
    isolated = len(dev_graph) - len(connected(dev_graph))
    assert isolated > 10
    assert opened.page.inner_text("#kg-isolated-count") == str(isolated)
    clean(opened)


def test_entities_without_facts_come_back_with_the_toggle(open_page, dev_graph):
    opened = open_page(dev_graph, overview=0)
    with_facts = len(connected(dev_graph))
    assert opened.js("kgGraph.drawnNodeCount()") == with_facts
    opened.page.check("#kg-show-isolated")
    opened.wait(f"kgGraph.drawnNodeCount() === {len(dev_graph)}")
    # They are placed in rows under the drawing, not on top of it.
    boxes = opened.js("kgGraph.nodeBoxes()")
    lonely = {n for n in dev_graph if n not in connected(dev_graph)}
    lowest = max(b["full"]["bottom"] for b in boxes if b["id"] not in lonely)
    assert all(b["full"]["top"] > lowest - 1 for b in boxes if b["id"] in lonely)
    # ... and their labels do not overlap one another.
    rows = [b["full"] for b in boxes if b["id"] in lonely]
    crossing = sum(1 for i, a in enumerate(rows) for c in rows[i + 1:]
                   if a["left"] < c["right"] and c["left"] < a["right"]
                   and a["top"] < c["bottom"] and c["top"] < a["bottom"])
    assert crossing == 0
    opened.page.uncheck("#kg-show-isolated")
    opened.wait(f"kgGraph.drawnNodeCount() === {with_facts}")
    clean(opened)


@pytest.mark.parametrize("facts", [500, 5000])
def test_synthetic_graphs_open_on_a_readable_overview(open_page, facts):
    graph = synthetic(facts)
    opened = open_page(graph)
    metrics = opened.js(MEASURE)
    assert_readable(metrics)
    assert metrics["shown"] == 60
    banner = opened.page.inner_text("#kg-banner")
    assert re.search(rf"60 most central of {len(connected(graph))} entities", banner)
    opened.page.click("#kg-banner-button")
    opened.wait(f"kgGraph.drawnNodeCount() === {len(connected(graph))}")
    clean(opened)


def test_hovering_an_edge_shows_its_hidden_label_at_12px(open_page, dev_graph):
    opened = open_page(dev_graph, overview=0)
    labelled = set(opened.js("kgGraph.edgeLabelBoxes().map(e => e.id)"))
    hidden = [e for e in opened.js("kgGraph.shownEdgeIds()") if e not in labelled]
    assert hidden  # the graph is dense enough that some labels had to give way
    # Pick one whose middle is on screen and not under a node.
    target = opened.js("""ids => ids.find(id => {
      const p = kgGraph.edgeDOM(id); const c = document.getElementById('kg-network').getBoundingClientRect();
      if (!p || p.x < c.left + 5 || p.y < c.top + 5 || p.x > c.right - 5 || p.y > c.bottom - 5) return false;
      const at = kgGraph.network.getNodeAt({x: p.x - c.left, y: p.y - c.top});
      return at === undefined && kgGraph.network.getEdgeAt({x: p.x - c.left, y: p.y - c.top}) === id;
    })""", hidden)
    assert target is not None
    point = opened.js("id => kgGraph.edgeDOM(id)", target)
    opened.page.mouse.move(point["x"], point["y"])
    opened.wait(f"kgGraph.edgeLabelBoxes().some(e => e.id === {target!r})")
    label = next(e for e in opened.js("kgGraph.edgeLabelBoxes()") if e["id"] == target)
    assert label["px"] >= 12 - 1e-6
    assert label["text"] == opened.js("id => kgGraph.edges.get(id).relation", target)
    opened.page.mouse.move(1, 1)  # off the canvas
    opened.wait(f"!kgGraph.edgeLabelBoxes().some(e => e.id === {target!r})")
    clean(opened)


def test_parallel_facts_are_bent_apart_so_their_labels_do_not_overlap(open_page):
    graph = news_graph()
    # Three facts between China and Türkiye, as in the two-article graph.
    graph.add_edge(BASE + "china", BASE + "turkiye", key="a-china-investsIn-turkiye",
                   relation="investsIn", symmetric=False, evidence="China invests in Türkiye.",
                   doc="doc1", doc_title="T", doc_date="2024-01-05", confidence=0.7, rule="r",
                   s_mention="China", o_mention="Türkiye")
    opened = open_page(graph)
    # Show every label of a parallel group, as hovering does one at a time.
    groups = {}
    for u, v, key in graph.edges(keys=True):
        if u != v:
            groups.setdefault(frozenset((u, v)), []).append(key)
    keys = [k for group in groups.values() if len(group) > 1 for k in group]
    # However close the two entities end up (here after a drag), the bend keeps them apart.
    for a, b in [("byd", "togg"), ("turkiye", "china")]:
        opened.js("([a, b]) => { const p = kgGraph.network.getPositions([a])[a];"
                  " kgGraph.network.moveNode(b, p.x + 100, p.y + 20); }", [BASE + a, BASE + b])
    opened.js("kgGraph.bendParallels()")
    opened.js("keys => kgGraph.forceLabels(kgGraph.edges.get().filter(e => keys.includes(e.key)).map(e => e.id))",
              keys)
    opened.wait(f"kgGraph.edgeLabelBoxes().length >= {len(keys)}")
    boxes = {b["id"]: b for b in opened.js("kgGraph.edgeLabelBoxes()")}
    pairs = {}
    for edge in opened.js("kgGraph.edges.get()"):
        if edge["id"] in boxes and edge["from"] != edge["to"]:
            pairs.setdefault(frozenset((edge["from"], edge["to"])), []).append(boxes[edge["id"]])
    parallel = [group for group in pairs.values() if len(group) > 1]
    assert sorted(len(g) for g in parallel) == [2, 3]  # BYD-Togg and Türkiye-China
    for group in parallel:
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                assert not (a["left"] < b["right"] and b["left"] < a["right"]
                            and a["top"] < b["bottom"] and b["top"] < a["bottom"]), (a, b)
    clean(opened)


def test_connection_between_two_entities_is_drawn_and_explained(open_page, dev_graph):
    from kg.graph import shortest_paths

    undirected = nx.Graph(dev_graph)
    undirected.remove_edges_from(nx.selfloop_edges(undirected))
    hub = max(undirected, key=undirected.degree)
    lengths = nx.single_source_shortest_path_length(undirected, hub)
    far = sorted((n for n, d in lengths.items() if d == 3), key=str)[0]
    expected = shortest_paths(dev_graph, hub, far)
    opened = open_page(dev_graph)
    label = lambda n: dev_graph.nodes[n]["label"]  # noqa: E731
    opened.page.fill("#kg-path-from", label(hub))
    opened.page.fill("#kg-path-to", label(far))
    opened.page.click("#kg-path-go")
    opened.wait("kgGraph.selected && kgGraph.selected.kind === 'path'")
    chains = opened.js("kgGraph.selected.chains")
    assert sorted(chains) == sorted(expected)
    on_path = {n for chain in chains for n in chain}
    assert set(opened.js("kgGraph.shownNodeIds()")) == on_path
    # Each fact of the chains is in the panel with its evidence and source, and selected.
    panel = opened.page.inner_text("#kg-details")
    assert f"How {label(hub)} and {label(far)} are connected" in panel
    steps = {frozenset(s) for chain in chains for s in zip(chain, chain[1:])}
    facts = [d for u, v, d in dev_graph.edges(data=True) if frozenset((u, v)) in steps]
    assert facts
    for fact in facts:
        assert " ".join(fact["evidence"].split())[:60] in " ".join(panel.split())
        assert (fact["doc_title"] or fact["doc"]) in panel
    assert len(opened.js("kgGraph.network.getSelectedEdges()")) == len(facts)
    assert "are connected" in opened.page.inner_text("#kg-banner")
    assert_readable(opened.js(MEASURE))
    opened.page.click("#kg-banner-button")
    opened.wait("kgGraph.drawnNodeCount() === 60")
    clean(opened)


def test_focused_page_is_titled_after_its_entity_and_marks_it(open_page, dev_graph, tmp_path):
    from kg.graph import ego, find_node

    center = find_node(dev_graph, "BYD")
    path = render_html(ego(dev_graph, center, 1), tmp_path / "byd.html", title="BYD: knowledge graph",
                       focus=center)
    opened = open_page(html_path=path)
    assert opened.page.title() == "BYD: knowledge graph"
    assert opened.page.inner_text("#kg-title") == "BYD: knowledge graph"
    assert opened.js("kgGraph.network.getSelectedNodes()") == [center]
    assert opened.js("id => kgGraph.network.body.nodes[id].options.borderWidth", center) >= 3
    assert opened.page.inner_text("#kg-details h3").strip() == "BYD"
    clean(opened)


def test_screenshot_waits_for_the_layout(tmp_path, dev_graph):
    import struct

    from kg.render.screenshot import screenshot

    page = render_html(dev_graph, tmp_path / "dev.html")
    out = screenshot(page, tmp_path / "shots" / "dev.png", width=900, height=700)
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (900, 700)
    assert not list(tmp_path.glob("kg-chromium-*"))
    with pytest.raises(Exception, match="no such file"):
        screenshot(tmp_path / "missing.html", tmp_path / "x.png")


def shown_keys(opened) -> set:
    return set(opened.js("kgGraph.shownEdgeIds().map(id => kgGraph.edges.get(id).key)"))


def test_period_sliders_show_the_facts_of_a_period_and_their_documents(open_page, dev_graph):
    from kg.graph import between_dates

    opened = open_page(dev_graph, overview=0)
    dates = opened.js("kgGraph.network && JSON.parse(document.getElementById('kg-data').textContent).dates")
    assert len(dates) >= 5
    a, b = 1, len(dates) // 2
    opened.page.fill("#kg-since", str(a))
    opened.page.fill("#kg-until", str(b))
    expected = between_dates(dev_graph, dates[a], dates[b])
    keys = {k for *_, k in expected.edges(keys=True)}
    assert 0 < len(keys) < dev_graph.number_of_edges()
    opened.wait(f"kgGraph.shownEdgeIds().length === {len(keys)}")
    assert shown_keys(opened) == keys
    assert opened.page.inner_text("#kg-period-value") == f"{dates[a]} – {dates[b]}"
    # The panel lists the documents in view, with their dates.
    panel = opened.page.inner_text("#kg-details")
    docs = {(d["doc_title"], d["doc_date"]) for *_, d in expected.edges(data=True)}
    assert f"Documents in view ({len({d['doc'] for *_, d in expected.edges(data=True)})})" in panel
    for title, date in docs:
        assert title in panel and date in panel
    outside = {d["doc_title"] for *_, d in dev_graph.edges(data=True)} - {t for t, _ in docs}
    assert outside and not any(t in panel for t in outside)
    opened.page.fill("#kg-since", "0")
    opened.page.fill("#kg-until", str(len(dates) - 1))
    opened.wait(f"kgGraph.shownEdgeIds().length === {dev_graph.number_of_edges()}")
    clean(opened)


def test_source_filter_shows_what_one_document_says(open_page, dev_graph):
    opened = open_page(dev_graph, overview=0)
    counts = {}
    for *_, d in dev_graph.edges(data=True):
        counts[d["doc"]] = counts.get(d["doc"], 0) + 1
    doc = max(counts, key=counts.get)
    # kg.graph gives each fact its document's publisher (the dev corpus has one).
    assert {d["doc_publisher"] for *_, d in dev_graph.edges(data=True)} == \
        {"kg development corpus (written for the project)"}
    opened.page.select_option("#kg-doc", "doc:" + doc)
    opened.wait(f"kgGraph.shownEdgeIds().length === {counts[doc]}")
    assert set(opened.js("kgGraph.shownEdgeIds().map(id => kgGraph.edges.get(id).doc)")) == {doc}
    assert "Documents in view (1)" in opened.page.inner_text("#kg-details")
    # The document's entry in the panel toggles the filter off again.
    opened.page.click(f'#kg-details button[data-doc="{doc}"]')
    opened.wait(f"kgGraph.shownEdgeIds().length === {dev_graph.number_of_edges()}")
    assert opened.page.input_value("#kg-doc") == ""
    clean(opened)


def test_searching_an_entity_outside_the_overview_shows_its_neighbourhood(open_page, dev_graph):
    opened = open_page(dev_graph)
    overview = set(opened.js("kgGraph.shownNodeIds()"))
    undirected = nx.Graph(dev_graph)
    undirected.remove_edges_from(nx.selfloop_edges(undirected))
    names = [dev_graph.nodes[n]["label"].casefold() for n in dev_graph]
    unique = [n for n in connected(dev_graph)
              if n not in overview and names.count(dev_graph.nodes[n]["label"].casefold()) == 1]
    outside = sorted(unique, key=lambda n: (-undirected.degree(n), str(n)))[0]
    name = dev_graph.nodes[outside]["label"]
    opened.page.fill("#kg-search", name)
    opened.page.press("#kg-search", "Enter")
    opened.wait(f"kgGraph.shownNodeIds().includes({outside!r})")
    assert set(opened.js("kgGraph.shownNodeIds()")) == {outside} | set(undirected[outside])
    assert opened.js("kgGraph.network.getSelectedNodes()") == [outside]
    assert f"Showing {name} and its" in opened.page.inner_text("#kg-banner")
    assert_readable(opened.js(MEASURE))
    opened.page.click("#kg-banner-button")
    opened.wait("kgGraph.drawnNodeCount() === 60")
    assert set(opened.js("kgGraph.shownNodeIds()")) == overview
    clean(opened)


def test_kg_render_views_are_titled_after_what_they_show(open_page, dev_store, dev_graph, tmp_path):
    from kg.graph import find_node, shortest_paths
    from kg.build.pipeline import render

    page = render(dev_store, tmp_path / "byd.html", focus="BYD", depth=1)
    opened = open_page(html_path=page)
    assert opened.page.title() == "BYD: knowledge graph"
    assert opened.js("kgGraph.network.getSelectedNodes()") == [find_node(dev_graph, "BYD")]
    clean(opened)

    hub = find_node(dev_graph, "BYD")
    far = sorted(n for n, d in nx.single_source_shortest_path_length(
        nx.Graph(dev_graph), hub).items() if d == 2)[0]
    far_label = dev_graph.nodes[far]["label"]
    page = render(dev_store, tmp_path / "path.html", path=("BYD", far_label))
    opened = open_page(html_path=page)
    assert opened.page.title() == f"BYD and {far_label}: how they are connected"
    opened.wait("kgGraph.selected && kgGraph.selected.kind === 'path'")
    assert sorted(opened.js("kgGraph.selected.chains")) == sorted(shortest_paths(dev_graph, hub, far))
    clean(opened)

    dates = sorted({d["doc_date"] for *_, d in dev_graph.edges(data=True)})
    page = render(dev_store, tmp_path / "period.html", since=dates[0], until=dates[0])
    opened = open_page(html_path=page)
    assert opened.page.title() == f"Knowledge graph ({dates[0]} to {dates[0]})"
    shown = opened.js("kgGraph.edges.get().map(e => e.date)")
    # The day itself, or a fact dated by a month or year that contains it.
    assert shown and all(dates[0].startswith(d) for d in shown)
    assert dates[0] in shown
    clean(opened)


def test_graphs_without_facts_still_finish_and_show_their_entities(open_page):
    empty = open_page(nx.MultiDiGraph())  # open_page waits for kgGraph.stable
    assert empty.js("kgGraph.drawnNodeCount()") == 0
    clean(empty)
    g = nx.MultiDiGraph()
    for i, name in enumerate(["Alpha Corporation", "Beta", "Gamma City"]):
        g.add_node(f"n{i}", label=name, type="Organization")
    opened = open_page(g)
    # No fact at all: the entities are all there is, so they are shown.
    assert opened.js("kgGraph.drawnNodeCount()") == 3
    assert opened.page.is_checked("#kg-show-isolated")
    assert_readable(opened.js(MEASURE))
    clean(opened)


def test_source_filter_shows_what_one_publisher_says(open_page):
    graph = news_graph()
    for i, (*_, data) in enumerate(graph.edges(data=True)):
        data["doc"], data["doc_publisher"] = (f"w{i % 2}", ["Wire One", "Wire <b>Two</b>"][i % 2])
    two = sum(1 for *_, d in graph.edges(data=True) if d["doc_publisher"] == "Wire <b>Two</b>")
    opened = open_page(graph)
    options = opened.page.locator("#kg-doc option").all_inner_texts()
    assert "Wire One" in options and "Wire <b>Two</b>" in options  # as text, not markup
    opened.page.select_option("#kg-doc", "pub:Wire <b>Two</b>")
    opened.wait(f"kgGraph.shownEdgeIds().length === {two}")
    assert set(opened.js("kgGraph.shownEdgeIds().map(id => kgGraph.edges.get(id).publisher)")) == \
        {"Wire <b>Two</b>"}
    assert "Documents in view (1)" in opened.page.inner_text("#kg-details")
    clean(opened)


def test_relation_list_scrolls_by_whole_rows(open_page, dev_graph):
    relations = {d["relation"] for *_, d in dev_graph.edges(data=True)}
    assert len(relations) > 12  # enough to need the scroll box
    opened = open_page(dev_graph)
    box = opened.js("""(() => { const ul = document.getElementById('kg-relations');
      const rows = Array.from(ul.querySelectorAll('li')).map(li => li.getBoundingClientRect().height);
      return {visible: ul.clientHeight, scroll: ul.scrollHeight, rows: rows}; })()""")
    assert box["scroll"] > box["visible"]
    assert len(set(box["rows"])) == 1
    assert box["visible"] % box["rows"][0] == 0  # no row cut in half
    clean(opened)


def test_a_small_window_opens_on_fewer_entities_and_stays_readable(browser, dev_graph, tmp_path):
    from tests.render.test_browser import wait_until

    page_path = render_html(dev_graph, tmp_path / "small.html")
    context = browser.new_context(viewport={"width": 960, "height": 600})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(page_path.as_uri())
        wait_until(page, "window.kgGraph && window.kgGraph.stable", 30.0)
        metrics = page.evaluate(MEASURE)
        assert 20 <= metrics["shown"] < 60
        assert_readable(metrics)
        assert f"the {metrics['shown']} most central" in page.inner_text("#kg-banner")
        assert errors == []
    finally:
        context.close()
