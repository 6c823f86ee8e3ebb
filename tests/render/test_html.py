"""The HTML page as text: one offline file, escaped data, legend, iframe, layout switch."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import InputError, KGError
from kg.render import TYPE_COLORS, html_document, notebook_iframe, render_html
from tests.render.conftest import (
    XSS_ALERT_IMG,
    XSS_ALERT_SCRIPT,
    XSS_IMG,
    XSS_SCRIPT,
    news_graph,
    random_graph,
)

EXTERNAL_ATTR = re.compile(
    r"""\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:|//)""", re.I)
EXTERNAL_CSS = re.compile(r"""url\(\s*["']?\s*(?:https?:|//)|@import""", re.I)


def page_data(page: str) -> dict:
    """The JSON payload the page hands to vis-network."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "data block missing"
    return json.loads(match.group(1))


class _Tags(HTMLParser):
    """Tokenises like a browser does (script/style bodies are raw text, not markup)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def start_tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


def script_blocks(page: str) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in start_tags(page) if tag == "script"]


@pytest.fixture()
def cwd(tmp_path, monkeypatch) -> Path:
    """Run in an empty working directory, to prove nothing is written there."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def test_render_writes_exactly_one_file_and_nothing_in_cwd(graph, tmp_path, cwd):
    out = tmp_path / "out" / "graph.html"
    result = render_html(graph, out, title="EV talks")
    assert result == out
    assert sorted(p.name for p in out.parent.iterdir()) == ["graph.html"]
    assert list(cwd.iterdir()) == []
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>EV talks</title>" in page
    assert out.stat().st_mode & 0o044  # readable by others per umask, unlike a mkstemp file


def test_relative_path_is_written_relative_to_cwd_only(graph, cwd):
    html_document(graph)
    notebook_iframe(graph)
    html_document(random_graph(400, 800))  # the big-graph path too
    assert list(cwd.iterdir()) == []
    render_html(graph, "g.html")
    assert [p.name for p in cwd.iterdir()] == ["g.html"]


def test_page_is_self_contained(graph):
    page = html_document(graph)
    assert not EXTERNAL_ATTR.search(page)
    assert not EXTERNAL_CSS.search(page)
    assert "<link" not in page.lower()
    assert "sourceMappingURL" not in page
    # Exactly our three script elements, none with a src.
    tags = script_blocks(page)
    assert tags == [{"type": "application/json", "id": "kg-data"}, {}, {}]
    for tag, attrs in start_tags(page):
        assert "src" not in attrs and "href" not in attrs, (tag, attrs)
    assert "vis.Network" in page and "vis-network" in page  # vis-network inlined


def test_csp_forbids_network_and_pins_scripts_by_hash(graph):
    page = html_document(graph)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "default-src 'none'" in csp
    assert "connect-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert len(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", csp)) == 2


def test_legend_lists_each_type_with_its_colour_and_count(graph):
    page = html_document(graph)
    legend = re.search(r'<ul id="kg-legend"[^>]*>(.*?)</ul>', page, re.S).group(1)
    counts = {}
    for _, attrs in graph.nodes(data=True):
        counts[attrs["type"]] = counts.get(attrs["type"], 0) + 1
    for entity_type, count in counts.items():
        assert f'data-type="{entity_type}"' in legend
        assert TYPE_COLORS[entity_type] in legend
        assert re.search(rf'>{entity_type}</span> <span class="kg-count">{count}<', legend)
    relations = re.search(r'<ul id="kg-relations"[^>]*>(.*?)</ul>', page, re.S).group(1)
    assert 'data-relation="metWith"' in relations and "↔" in relations


def test_data_matches_graph_and_draws_directions(graph):
    data = page_data(html_document(graph))
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert len(data["edges"]) == graph.number_of_edges()
    assert {n["id"] for n in data["nodes"]} == set(graph.nodes)
    by_relation = {e["relation"]: e for e in data["edges"]}
    assert by_relation["visited"]["arrows"]["to"]["enabled"] is True
    assert by_relation["metWith"]["arrows"]["to"]["enabled"] is False
    # Labels start undrawn (size 0): the page shows one only where it collides with nothing.
    assert by_relation["visited"]["label"] == "visited"
    assert by_relation["visited"]["font"] == {"size": 0}
    erdogan = next(n for n in data["nodes"] if n["fullLabel"] == "Recep Tayyip Erdoğan")
    assert erdogan["aliases"] == ["Erdogan", "the president"] and erdogan["docs"] == 3
    # Importance drives size: the hub outranks a leaf.
    sizes = {n["fullLabel"]: n["size"] for n in data["nodes"]}
    assert sizes["BYD"] > sizes["2026"]
    # Parallel edges between BYD and Togg are curved apart, not drawn on top of each other.
    parallel = [e for e in data["edges"] if {e["relation"]} <= {"partnersWith", "cooperatesWith"}]
    assert len(parallel) == 2 and all(e.get("smooth", {}).get("enabled") for e in parallel)
    assert sorted(e["parallel"] for e in parallel) == [1, 1]
    assert data["physics"] is True and data["options"]["physics"]["enabled"] is True
    assert data["overview"] is None and data["focus"] is None and data["path"] is None
    assert data["docs"] == [{"id": "doc1", "title": "Türkiye and China talk EVs",
                             "date": "2024-01-05", "facts": graph.number_of_edges(),
                             "publisher": None}]
    assert data["dates"] == ["2024-01-05"] and data["publishers"] == []
    # A fact's date is its own date qualifier when there is one, else its document's.
    assert by_relation["visited"]["date"] == "2024-01-05"


def test_malicious_text_appears_only_escaped(evil_graph):
    page = html_document(evil_graph, title=XSS_SCRIPT + XSS_IMG)
    for raw in (XSS_IMG, XSS_SCRIPT, XSS_ALERT_IMG, XSS_ALERT_SCRIPT, "<img"):
        assert raw not in page
    assert "\u2028" not in page and "\u2029" not in page
    # Parsed as a browser would, the page holds only the elements of our template.
    tags = start_tags(page)
    assert len(script_blocks(page)) == 3
    assert not [t for t, _ in tags if t in ("img", "iframe", "object", "embed", "svg", "base")]
    assert not [(t, a) for t, a in tags if any(k.startswith("on") for k in a)]
    assert {t for t, _ in tags} <= {t for t, _ in start_tags(html_document(news_graph()))}
    assert page.lower().count("</script") == 3
    assert "<!--" not in page
    assert f"<title>{html.escape(XSS_SCRIPT + XSS_IMG)}</title>" in page
    legend = re.search(r'<ul id="kg-legend"[^>]*>(.*?)</ul>', page, re.S).group(1)
    assert html.escape(XSS_IMG, quote=True) in legend
    # The escaping is lossless: the page's data decodes back to the original strings.
    data = page_data(page)
    labels = {n["fullLabel"] for n in data["nodes"]}
    assert {XSS_IMG, XSS_SCRIPT, XSS_ALERT_IMG} <= labels
    aliases = [a for n in data["nodes"] for a in n["aliases"]]
    assert "`${x}` ]]> \u2028 '\"" in aliases
    assert all(e["evidence"].startswith(XSS_IMG) for e in data["edges"])


def test_lone_surrogates_do_not_break_the_file(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("a", label="bad \udcff byte", type="Person", aliases=[], docs=1)
    out = render_html(g, tmp_path / "g.html")
    assert "bad \ufffd byte" in page_data(out.read_text(encoding="utf-8"))["nodes"][0]["fullLabel"]


def test_notebook_iframe_escapes_the_whole_page(graph, evil_graph):
    frame = notebook_iframe(evil_graph, height=480)
    assert frame.startswith('<iframe srcdoc="') and frame.endswith("</iframe>")
    srcdoc = re.match(r'<iframe srcdoc="([^"]*)"', frame).group(1)
    assert "<" not in srcdoc and ">" not in srcdoc and '"' not in srcdoc
    assert html.unescape(srcdoc) == html_document(evil_graph)
    assert 'sandbox="allow-scripts"' in frame and "height:480px" in frame


def test_output_is_deterministic(graph):
    assert html_document(graph) == html_document(news_graph())


def test_large_graph_gets_python_layout_and_an_overview():
    g = random_graph(400, 800)
    data = page_data(html_document(g, layout_threshold=300))
    xs = [n["x"] for n in data["nodes"]]
    ys = [n["y"] for n in data["nodes"]]
    assert len(set(zip(xs, ys))) == len(xs)  # no two nodes stacked
    assert max(xs) - min(xs) > 500 and max(ys) - min(ys) > 500
    # The page opens on the 60 most central entities, laid out by the browser.
    overview = data["overview"]
    assert len(overview["ids"]) == 60 and overview["connected"] == 400
    assert data["physics"] is True and data["options"]["physics"]["enabled"] is True
    ranked = sorted(data["nodes"], key=lambda n: -n["importance"])
    assert ranked[0]["id"] in overview["ids"]
    # Every overview entity has a fact with another overview entity.
    chosen = set(overview["ids"])
    tied = {u for u, v in g.edges() if u in chosen and v in chosen and u != v} | \
        {v for u, v in g.edges() if u in chosen and v in chosen and u != v}
    assert tied == chosen
    # Without the overview, a big graph keeps its Python layout and no physics.
    full = page_data(html_document(g, layout_threshold=300, overview=0))
    assert full["overview"] is None and full["physics"] is False
    assert full["options"]["physics"]["enabled"] is False
    small = page_data(html_document(g, layout_threshold=1000, overview=0))
    assert small["physics"] is True and "x" not in small["nodes"][0]


def test_overview_leaves_out_entities_without_facts():
    g = random_graph(100, 150)
    for i in range(300):
        g.add_node(f"lonely{i}", label=f"Lonely {i}", type="Person")
    data = page_data(html_document(g, overview=60))
    assert not any(i.startswith("lonely") for i in data["overview"]["ids"])
    assert data["overview"]["connected"] == len({n for u, v in g.edges() if u != v for n in (u, v)})
    assert page_data(html_document(random_graph(50, 80)))["overview"] is None


def test_focus_and_path_are_marked_in_the_data(graph):
    focus = "http://kg.example/entity/byd"
    data = page_data(html_document(graph, focus=focus, title="BYD"))
    assert data["focus"] == focus
    marked = [n for n in data["nodes"] if n.get("focus")]
    assert [n["id"] for n in marked] == [focus] and marked[0]["borderWidth"] >= 3
    ends = ["http://kg.example/entity/erdogan", "http://kg.example/entity/manisa"]
    assert page_data(html_document(graph, path=tuple(ends)))["path"] == ends
    with pytest.raises(InputError):
        html_document(graph, focus="http://kg.example/entity/nobody")
    with pytest.raises(InputError):
        html_document(graph, path=(focus, "nowhere"))


def test_empty_and_sparse_graphs_render():
    assert page_data(html_document(nx.MultiDiGraph()))["nodes"] == []
    g = nx.MultiDiGraph()
    g.add_node("x")  # no attributes at all
    g.add_edge("x", "y")
    data = page_data(html_document(g))
    assert data["nodes"][0]["fullLabel"] == "x" and data["nodes"][0]["type"] == "Unknown"
    assert data["edges"][0]["relation"] == "related" and data["edges"][0]["confidence"] is None


def test_plain_digraph_is_accepted():
    g = nx.DiGraph()
    g.add_edge("a", "b", relation="visited", confidence=0.5)
    assert len(page_data(html_document(g))["edges"]) == 1


@pytest.mark.parametrize("bad", [None, {"a": 1}, [("a", "b")]])
def test_non_graph_input_raises_kgerror(bad):
    with pytest.raises(InputError):
        html_document(bad)


def test_bad_arguments_raise_kgerror(graph, tmp_path):
    with pytest.raises(KGError):
        html_document(graph, layout_threshold=-1)
    with pytest.raises(KGError):
        notebook_iframe(graph, height="600px")
    with pytest.raises(KGError):
        render_html(graph, tmp_path)  # a directory
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(KGError):
        render_html(graph, blocker / "g.html")  # parent is a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]  # no temp file left behind


def test_vis_network_comes_from_pyvis_and_is_inlined(graph):
    """The page inlines the vis-network that pyvis bundles, read in one place only."""
    from kg.render.page import vis_network_asset

    page = html_document(graph)
    js = vis_network_asset("vis-network.min.js")
    assert len(js) > 100_000 and "@version 9.1.2" in js[:500]
    assert js[:500] in page  # inlined, not linked
    assert ".vis-network" in vis_network_asset("vis-network.css")
    # No other module reaches into pyvis's package data or its private state.
    render_dir = Path(__file__).resolve().parents[2] / "kg" / "render"
    for module in render_dir.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        assert "node_ids" not in source and "_IdList" not in source, module.name
        if module.name != "page.py":
            assert '"lib"' not in source and "templates/lib" not in source, module.name
