"""One build path: kg build, --workers 2 and --engine dask read inputs through the ingest
layer and build the same store from a mixed folder (text, markdown, HTML, JSON lines)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.build.test_parallel import ARTICLES

pytestmark = pytest.mark.slow  # three builds with the spaCy pipeline, two of them multi-process

KG = [sys.executable, "-m", "kg"]

HTML = """<!doctype html>
<html><head><title>Kestrel Battery expands in Hungary</title>
<meta name="author" content="Ana Horvath"><meta property="og:site_name" content="Continental Press">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Kestrel Battery expands in Hungary</h1>
<p>Kestrel Battery will invest 1.2 billion U.S. dollars in a battery factory in Debrecen,
Hungary, creating 2,500 jobs.</p>
<p>The company signed a partnership agreement with Aurelia Steel, a supplier of battery casings,
and expects the plant to start production in 2026.</p>
</article><footer>Copyright Continental Press</footer></body></html>
"""


def write_inputs(folder: Path) -> None:
    """A folder with one input of every kind kg build reads."""
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLES["a1.txt"], encoding="utf-8")
    (folder / "b.md").write_text("Title: Mexico tariff\n\n" + ARTICLES["a3.txt"], encoding="utf-8")
    (folder / "c.html").write_text(HTML, encoding="utf-8")
    lines = [{"text": ARTICLES["a4.txt"], "title": "Kenya and Chile", "url": "https://example.org/kenya-chile"},
             {"text": ARTICLES["a5.txt"], "title": "Helion Cells", "date": "2024-02-01"}]
    (folder / "d.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")


def kg(*args: str) -> str:
    env = {**os.environ, "COLUMNS": "200"}
    res = subprocess.run([*KG, *args], capture_output=True, text=True, timeout=900, env=env)
    assert res.returncode == 0, res.stdout + res.stderr
    return res.stdout


def test_default_workers_and_dask_build_the_same_store(tmp_path):
    pytest.importorskip("distributed")
    inputs = tmp_path / "in"
    write_inputs(inputs)
    stores = {}
    for name, extra in (("default", []), ("workers", ["--workers", "2", "--batch-size", "2"]),
                        ("dask", ["--engine", "dask", "--batch-size", "2"])):
        store = tmp_path / name
        out = kg("build", str(inputs), "--store", str(store), *extra)
        assert "5 added, 0 already stored, 0 failed" in out, (name, out)
        stores[name] = store

    docs = {name: json.loads(kg("docs", "--store", str(store), "--json")) for name, store in stores.items()}
    titles = sorted(d["title"] or "" for d in docs["default"])
    # The JSON lines are two documents with their own titles, the page is its text, not markup.
    assert "Kenya and Chile" in titles and "Helion Cells" in titles and "Mexico tariff" in titles
    assert "Kestrel Battery expands in Hungary" in titles
    assert not any(t.startswith("{") or "<" in t for t in titles)
    assert {d["source"] for d in docs["default"]} >= {"https://example.org/kenya-chile", str(inputs / "c.html")}
    for name in ("workers", "dask"):
        assert sorted(docs[name], key=lambda d: d["id"]) == sorted(docs["default"], key=lambda d: d["id"]), name

    # The same quads, every one: documents, metadata, entities, facts and their provenance.
    quads = {}
    for name, store in stores.items():
        target = tmp_path / f"{name}.nq"
        kg("export", str(target), "--store", str(store))
        quads[name] = set(target.read_text(encoding="utf-8").splitlines())
    assert any("<p>" in line for line in quads["default"]) is False
    assert quads["workers"] == quads["default"]
    assert quads["dask"] == quads["default"]
