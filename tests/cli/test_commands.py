"""End to end through the real `kg` command and the real on-disk Oxigraph store."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.slow
KG = [sys.executable, "-m", "kg"]


def kg(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, input=stdin,
                          cwd=cwd or ROOT, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("cli")
    store, html = work / "store", work / "graph.html"
    first = kg("build", str(SEED.parent), "--store", str(store), "--html", str(html))
    assert first.returncode == 0, first.stderr
    return store, html, first


def count(store: Path) -> int:
    res = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
             "--store", str(store), "--format", "json")
    assert res.returncode == 0, res.stderr
    return int(json.loads(res.stdout)[0]["n"])


def test_build_prints_summary_and_persists(built):
    store, html, first = built
    assert "1 added" in first.stdout and "metWith" in first.stdout
    assert count(store) > 100


def test_build_twice_leaves_store_unchanged(built):
    store, _, _ = built
    before = count(store)
    again = kg("build", str(SEED), "--store", str(store))
    assert again.returncode == 0 and "1 already stored" in again.stdout
    assert count(store) == before


def test_query_reads_the_store_later(built):
    store, _, _ = built
    res = kg("query", "SELECT ?o WHERE { ?s kg:partnersWith ?o }", "--store", str(store), "--format", "csv")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[0] == "o" and len(res.stdout.splitlines()) == 2


def test_query_refuses_updates(built):
    store, _, _ = built
    before = count(store)
    res = kg("query", "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", str(store))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert count(store) == before


def test_html_is_self_contained_with_legend_and_evidence(built):
    _, html, _ = built
    page = html.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "Organization" in page and "partnersWith" in page
    assert "joined hands for the construction" in page  # evidence sentence for hover


def test_render_focus_and_stats(built, tmp_path):
    store, _, _ = built
    out = tmp_path / "focus.html"
    res = kg("render", "--store", str(store), "--html", str(out), "--focus", "Togg", "--depth", "1")
    assert res.returncode == 0, res.stderr and out.exists()
    stats = kg("stats", "--store", str(store), "--json")
    data = json.loads(stats.stdout)
    assert data["documents"] == 1 and data["triples"]["metWith"] == 7


def test_extract_json_has_the_key_facts():
    res = kg("extract", str(SEED), "--json")
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    keys = {"s", "s_type", "p", "o", "o_type", "evidence", "start", "end", "confidence", "rule", "doc"}
    assert all(keys <= set(r) for r in rows)
    facts = {(r["s"], r["p"], r["o"]) for r in rows}
    minister = next(r["s"] for r in rows if r["p"] == "visited" and r["o"] == "China")
    assert minister.endswith("Kacir")
    met = {r["o"] for r in rows if r["s"] == minister and r["p"] == "metWith"}
    assert met == {"GAC AION", "Chery", "Zeekr", "BYD", "SAIC", "Farasis", "Huawei"}
    assert ("Togg", "partnersWith", "Farasis") in facts
    trade = [r for r in rows if r["p"] == "tradeValue"]
    assert trade and trade[0]["o_value"] == pytest.approx(38.55e9) and trade[0]["o_unit"] == "USD"
    text = SEED.read_text(encoding="utf-8")
    for r in rows:
        assert r["evidence"] in text


def test_extract_reads_stdin():
    res = kg("extract", "-", "--json", stdin="Volkswagen and Chinese battery maker Gotion have joined hands.")
    assert res.returncode == 0 and "partnersWith" in res.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", "no/such/file.txt"], "no such file"),
        (["extract", "EMPTY"], "empty document"),
        (["extract", str(SEED), "--model", "xx_no_such_model"], "cannot load spaCy model"),
        (["build", "no/such/dir", "--store", "STORE"], "no such file"),
    ],
)
def test_errors_are_one_line_with_exit_1(tmp_path, args, message):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    args = [str(empty) if a == "EMPTY" else str(tmp_path / "s") if a == "STORE" else a for a in args]
    res = kg(*args)
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert message in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_eval_on_the_seed_meets_the_floors():
    gold = ROOT / "tests" / "gold" / "seed_gold.json"
    res = kg("eval", str(gold), str(SEED), "--json")
    assert res.returncode == 0, res.stderr
    scores = json.loads(res.stdout)["scores"]["triples"]
    assert scores["core"]["recall"] >= 0.9
    assert scores["all"]["precision"] >= 0.8


def test_eval_rejects_a_malformed_gold_file(tmp_path):
    bad = tmp_path / "gold.json"
    bad.write_text('{"entities": {}}')
    res = kg("eval", str(bad), str(SEED))
    assert res.returncode == 1 and "Traceback" not in res.stderr


def test_entities_merges_lists_reasons(built):
    store, _, _ = built
    res = kg("entities", "--store", str(store), "--merges")
    assert res.returncode == 0, res.stderr
    assert "Ozepeynirci" in res.stdout and "surname" in res.stdout


def test_analytics_commands(built):
    store, _, _ = built
    res = kg("path", "Togg", "Farasis", "--store", str(store), "--format", "json")
    assert res.returncode == 0, res.stderr
    hops = json.loads(res.stdout)
    assert len(hops) == 1 and hops[0]["relation"] == "partnersWith" and "joined hands" in hops[0]["evidence"]
    central = json.loads(kg("central", "--store", str(store), "-k", "3", "--format", "json").stdout)
    assert len(central) == 3 and central[0]["label"].endswith("Kacir")
    res = kg("neighbours", "No Such Entity", "--store", str(store))
    assert res.returncode == 1 and "Traceback" not in res.stderr


def test_render_shows_a_connection_and_a_period(built, tmp_path):
    store, _, _ = built
    page = tmp_path / "path.html"
    res = kg("render", "--store", str(store), "--html", str(page), "--path", "Kacir", "Farasis",
             "--since", "2020")
    assert res.returncode == 0, res.stderr
    title = re.search(r"<title>([^<]*)</title>", page.read_text(encoding="utf-8")).group(1)
    assert "how they are connected" in title and "2020" in title, title
    bad = kg("render", "--store", str(store), "--html", str(page), "--path", "Kacir")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_a_long_one_line_query_is_a_query_not_a_file_name(built):
    store, _, _ = built
    filters = " || ".join(f'CONTAINS(STR(?l), "name{i}")' for i in range(20))
    text = f"SELECT ?l WHERE {{ GRAPH ?g {{ ?e rdfs:label ?l FILTER({filters}) }} }}"
    assert len(text) > 300
    res = kg("query", text, "--store", str(store), "--format", "json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == []
