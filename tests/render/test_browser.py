"""The rendered page in a real headless Chromium, offline: drawing, panel, filters, XSS.

Needs Debian's chromium at /usr/bin/chromium (`apt-get install chromium`; the Makefile does
it). A missing browser is a failure, not a skip: these tests are the only proof the page works.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from kg.render import notebook_iframe, render_html
from tests.render.conftest import BASE, malicious_graph, news_graph, random_graph

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module; fails loudly when the binary is not installed."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Opened:
    """A loaded graph page and what it did: errors, blocked and attempted requests."""

    def __init__(self, page, url: str) -> None:
        self.page = page
        self.url = url
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.requests: list[str] = []

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def wait(self, expression: str, timeout: float = 15.0) -> None:
        wait_until(self.page, expression, timeout)


def wait_until(target, expression: str, timeout: float = 15.0) -> None:
    """Poll a JS expression until truthy. Playwright's wait_for_function evals the predicate
    inside the page, which the page's CSP (no 'unsafe-eval') refuses; evaluate() is exempt."""
    deadline = time.monotonic() + timeout
    while not target.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for: {expression}")
        time.sleep(0.05)


@pytest.fixture()
def open_page(browser, tmp_path):
    """Render a graph (or take an HTML file), open it offline and wait until it is drawn."""
    contexts = []

    def open_(graph=None, *, html_path: Path | None = None, wait: bool = True, **kwargs) -> Opened:
        path = html_path or render_html(graph, tmp_path / f"graph{len(contexts)}.html", **kwargs)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.resolve().as_uri())

        def route(r):
            if r.request.url == opened.url:
                r.continue_()
            else:
                opened.blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.on("request", lambda req: req.url != opened.url and not req.url.startswith(
            ("data:", "blob:")) and opened.requests.append(req.url))
        page.on("pageerror", lambda exc: opened.errors.append(f"pageerror: {exc}"))
        page.on("console", lambda msg: msg.type in ("error", "warning") and opened.errors.append(
            f"console.{msg.type}: {msg.text}"))
        page.goto(opened.url)
        if wait:
            wait_until(page, "window.kgGraph && window.kgGraph.stable", 30.0)
        return opened

    yield open_
    for context in contexts:
        context.close()


def clean(opened: Opened) -> None:
    assert opened.errors == []
    assert opened.blocked == []
    assert opened.requests == []


def freeze(opened: Opened) -> None:
    """Stop physics so nodes stay where the mouse is aimed (the page stops it once laid out)."""
    opened.page.uncheck("#kg-physics")
    opened.wait("!kgGraph.network.physics.physicsEnabled")


def test_page_loads_offline_and_draws_every_node_and_edge(open_page):
    graph = news_graph()
    opened = open_page(graph)
    counts = opened.js("[kgGraph.nodes.length, kgGraph.edges.length,"
                       " kgGraph.drawnNodeCount(), kgGraph.drawnEdgeCount()]")
    assert counts == [graph.number_of_nodes(), graph.number_of_edges()] * 2
    assert opened.js("id => kgGraph.nodes.get(id).type", BASE + "byd") == "Organization"
    assert opened.page.inner_text("#kg-legend").count("\n") >= 6
    clean(opened)


def test_hovering_a_node_shows_type_aliases_and_documents(open_page):
    opened = open_page(news_graph())
    freeze(opened)
    point = opened.js("id => kgGraph.nodeDOM(id)", BASE + "erdogan")
    opened.page.mouse.move(point["x"], point["y"])
    tip = opened.page.locator("#kg-tooltip")
    tip.wait_for(state="visible", timeout=5_000)
    text = tip.inner_text()
    assert "Recep Tayyip Erdoğan" in text
    assert "Type: Person" in text and "Erdogan, the president" in text and "Documents: 3" in text
    clean(opened)


def test_clicking_an_edge_shows_its_evidence_with_marked_mentions(open_page):
    opened = open_page(news_graph())
    freeze(opened)
    edge_id = opened.js("kgGraph.edges.get({filter: e => e.relation === 'visited'})[0].id")
    point = opened.js("id => kgGraph.edgeDOM(id)", edge_id)
    opened.page.mouse.move(point["x"], point["y"])
    opened.page.locator("#kg-tooltip").wait_for(state="visible", timeout=5_000)
    assert "Li Qiang visited Türkiye on Friday." in opened.page.inner_text("#kg-tooltip")
    opened.page.mouse.click(point["x"], point["y"])
    assert opened.js("kgGraph.selected") == {"kind": "edge", "id": edge_id}
    panel = opened.page.inner_text("#kg-details")
    assert "Li Qiang visited Türkiye on Friday." in panel
    assert "Türkiye and China talk EVs" in panel and "2024-01-05" in panel
    assert "0.85" in panel and "rule.visited" in panel
    assert opened.page.inner_text("#kg-details mark.kg-s") == "Li Qiang"
    assert opened.page.inner_text("#kg-details mark.kg-o") == "Türkiye"
    clean(opened)


def test_clicking_a_node_lists_its_connections(open_page):
    opened = open_page(news_graph())
    freeze(opened)
    point = opened.js("id => kgGraph.nodeDOM(id)", BASE + "byd")
    opened.page.mouse.click(point["x"], point["y"])
    panel = opened.page.inner_text("#kg-details")
    assert panel.strip().startswith("BYD")
    assert "Organization" in panel and "Connections (7)" in panel
    opened.page.get_by_role("button", name=re.compile("hasFacilityIn")).click()
    assert "BYD will build a plant in Manisa." in opened.page.inner_text("#kg-details")
    clean(opened)


def test_unchecking_a_type_hides_its_nodes_and_their_edges(open_page):
    graph = news_graph()
    opened = open_page(graph)
    people = {n for n, a in graph.nodes(data=True) if a["type"] == "Person"}
    touching = sum(1 for u, v in graph.edges() if u in people or v in people)
    opened.page.uncheck('input.kg-type[data-type="Person"]')
    opened.wait(f"kgGraph.drawnNodeCount() === {len(graph) - len(people)}")
    shown = set(opened.js("kgGraph.shownNodeIds()"))
    assert shown == set(graph.nodes) - people
    assert opened.js("kgGraph.drawnEdgeCount()") == graph.number_of_edges() - touching
    assert "showing" in opened.page.inner_text("#kg-stats")
    opened.page.check('input.kg-type[data-type="Person"]')
    opened.wait(f"kgGraph.drawnNodeCount() === {len(graph)}")
    clean(opened)


def test_confidence_slider_and_relation_filter_hide_edges(open_page):
    graph = news_graph()
    opened = open_page(graph)
    opened.page.fill("#kg-confidence", "0.5")
    expected = sum(1 for *_, d in graph.edges(data=True) if d["confidence"] >= 0.5)
    opened.wait(f"kgGraph.drawnEdgeCount() === {expected}")
    kept = opened.js("kgGraph.shownEdgeIds().map(id => kgGraph.edges.get(id).confidence)")
    assert len(kept) == expected and min(kept) >= 0.5
    assert opened.page.inner_text("#kg-confidence-value") == "0.50"
    opened.page.uncheck('input.kg-relation[data-relation="visited"]')
    opened.wait(f"kgGraph.drawnEdgeCount() === {expected - 1}")
    # Entities left without a shown fact disappear by default (China has only weak edges).
    opened.wait("kgGraph.drawnNodeCount() < kgGraph.nodes.length")
    assert BASE + "china" not in opened.js("kgGraph.shownNodeIds()")
    hidden = len(graph) - opened.js("kgGraph.drawnNodeCount()")
    assert opened.page.inner_text("#kg-isolated-count") == str(hidden)
    opened.page.check("#kg-show-isolated")
    opened.wait(f"kgGraph.drawnNodeCount() === {len(graph)}")
    clean(opened)


def test_search_by_alias_selects_and_focuses_the_entity(open_page):
    opened = open_page(news_graph())
    opened.page.fill("#kg-search", "the minis")
    assert "Ömer Bolat" in opened.page.inner_text("#kg-search-results")
    opened.page.press("#kg-search", "Enter")
    opened.wait(
        f"kgGraph.network.getSelectedNodes()[0] === {BASE + 'bolat'!r}")
    assert opened.page.inner_text("#kg-details h3").strip() == "Ömer Bolat"
    opened.page.fill("#kg-search", "no such thing")
    assert opened.page.inner_text("#kg-search-note") == "No entity matches."
    clean(opened)


def test_physics_stops_after_layout_and_the_toggle_restarts_it(open_page):
    opened = open_page(news_graph())
    assert opened.js("kgGraph.network.physics.physicsEnabled") is False
    assert not opened.page.is_checked("#kg-physics")
    opened.page.check("#kg-physics")
    opened.wait("kgGraph.network.physics.physicsEnabled")
    freeze(opened)
    clean(opened)


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-alone"])
def test_malicious_labels_and_evidence_run_no_script(open_page, tmp_path, csp):
    title = '<img src=x onerror="window.__pwned=1">'
    path = render_html(malicious_graph(), tmp_path / "evil.html", title=title)
    if not csp:  # prove the text handling is safe even without the CSP safety net
        page = path.read_text(encoding="utf-8")
        page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
        path.write_text(page, encoding="utf-8")
    opened = open_page(html_path=path)
    freeze(opened)
    # Put every untrusted string on screen: tooltips, both panels, search results.
    for node_id in opened.js("kgGraph.nodes.getIds()"):
        point = opened.js("id => kgGraph.nodeDOM(id)", node_id)
        opened.page.mouse.move(point["x"], point["y"])
        opened.page.locator("#kg-tooltip").wait_for(state="visible", timeout=5_000)
        opened.page.mouse.click(point["x"], point["y"])
        opened.page.mouse.move(0, 0)
    for edge_id in opened.js("kgGraph.edges.getIds()"):
        opened.js("id => kgGraph.showEdge(id)", edge_id)
    opened.page.fill("#kg-search", "<")
    assert opened.page.locator("#kg-search-results li").count() >= 2
    opened.page.wait_for_timeout(200)
    assert opened.js("window.__pwned") is None
    assert opened.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert opened.js("document.scripts.length") == 3
    assert "<img src=x" in opened.page.inner_text("#kg-details")  # shown, as text
    assert opened.page.title().startswith("<img src=x")
    clean(opened)


def test_notebook_iframe_runs_the_page_sandboxed(browser):
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
        page.set_content(notebook_iframe(news_graph(), height=500))
        frame = page.frame_locator("iframe")
        frame.locator("#kg-legend").wait_for()
        inner = next(f for f in page.frames if f != page.main_frame)
        wait_until(inner, "window.kgGraph && window.kgGraph.stable", 30.0)
        assert inner.evaluate("kgGraph.drawnNodeCount()") == len(news_graph())
        assert errors == []
    finally:
        context.close()


def test_large_graph_opens_on_an_overview_and_shows_everything_on_request(open_page):
    graph = random_graph(2000, 4000)
    started = time.monotonic()
    opened = open_page(graph)
    elapsed = time.monotonic() - started
    assert opened.js("kgGraph.drawnNodeCount()") == 60
    assert "60 most central of 2000" in opened.page.inner_text("#kg-banner")
    opened.page.click("#kg-banner-button")
    opened.wait("kgGraph.drawnNodeCount() === 2000")
    assert opened.js("kgGraph.network.physics.physicsEnabled") is False
    assert opened.js("kgGraph.drawnEdgeCount()") == 4000
    # Everything is back on the Python layout: no two nodes stacked.
    positions = opened.js("Object.values(kgGraph.network.getPositions()).map(p => [p.x, p.y])")
    assert len({(round(x), round(y)) for x, y in positions}) == 2000
    assert elapsed < 20, f"2,000-node page took {elapsed:.1f} s to render and draw"
    opened.page.fill("#kg-confidence", "0.9")
    opened.wait("kgGraph.drawnEdgeCount() < 800")
    opened.page.click("#kg-banner-button")
    opened.wait("kgGraph.drawnNodeCount() <= 60")
    clean(opened)
