"""Growing a knowledge base through the CLI: many inputs, bad inputs, docs/remove/update."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_commands import kg

pytestmark = pytest.mark.slow

A = "Volkswagen and Chinese battery maker Gotion have joined hands to build a battery plant in Salzgitter."
B = "German Economy Minister Anna Weber visited Japan in March 2024 and met with Toyota and Honda."
HTML = f"""<!DOCTYPE html><html><head><title>Weber in Tokyo</title>
<meta name="author" content="Jo Reporter"><meta property="article:published_time" content="2024-03-05">
</head><body><nav>Home | World</nav><article><h1>Weber in Tokyo</h1><p>{B}</p>
<p>She said the talks went well and that cooperation would deepen in the years to come.</p></article>
<footer>Copyright</footer></body></html>"""


def facts(store) -> int:
    res = kg("stats", "--store", str(store), "--json")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def test_mixed_folder_stores_good_files_and_reports_bad_ones(tmp_path):
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "a.txt").write_text(A)
    (inputs / "sub" / "page.html").write_text(HTML)
    (inputs / "feed.jsonl").write_text(json.dumps({"text": B.replace("Japan", "Korea"), "title": "T"}) + "\n{oops\n")
    (inputs / "empty.txt").write_text("  ")
    (inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    store = tmp_path / "store"
    res = kg("build", str(inputs), "--store", str(store))
    assert res.returncode == 1, res.stdout
    assert "Traceback" not in res.stderr
    for reason in ("empty document", "binary file", "not valid JSON"):
        assert reason in res.stderr
    assert facts(store)["documents"] == 3
    docs = json.loads(kg("docs", "--store", str(store), "--json").stdout)
    assert {d["title"] for d in docs} >= {"Weber in Tokyo", "T"}


def test_remove_deletes_one_document_and_keeps_the_other(tmp_path):
    (tmp_path / "a.txt").write_text(A)
    (tmp_path / "b.txt").write_text(B)
    store = tmp_path / "store"
    assert kg("build", str(tmp_path / "a.txt"), "--store", str(store)).returncode == 0
    only_a = facts(store)
    assert kg("build", str(tmp_path / "b.txt"), "--store", str(store)).returncode == 0
    docs = json.loads(kg("docs", "--store", str(store), "--json").stdout)
    b_id = next(d["id"] for d in docs if d["source"].endswith("b.txt"))
    res = kg("remove", b_id[:16], "--store", str(store))
    assert res.returncode == 0, res.stderr
    assert facts(store) == only_a


def test_update_is_the_only_writer(tmp_path):
    (tmp_path / "a.txt").write_text(A)
    store = tmp_path / "store"
    kg("build", str(tmp_path / "a.txt"), "--store", str(store))
    insert = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> 'c' } }"
    assert kg("query", insert, "--store", str(store)).returncode == 1
    assert kg("update", insert, "--store", str(store)).returncode == 0
    ask = kg("query", "ASK { GRAPH <urn:x> { <urn:a> <urn:b> 'c' } }", "--store", str(store))
    assert ask.stdout.strip() == "true"


def test_bind_values_cannot_change_the_query(tmp_path):
    (tmp_path / "a.txt").write_text(A)
    store = tmp_path / "store"
    kg("build", str(tmp_path / "a.txt"), "--store", str(store))
    before = facts(store)
    q = "SELECT ?e ?label WHERE { ?e rdfs:label ?label }"
    for value in ['Gotion', '" } ; DROP ALL ; { "', "x' . ?a ?b ?c"]:
        res = kg("query", q, "--store", str(store), "--bind", f"label={value}", "--format", "json")
        assert res.returncode == 0, res.stderr
        rows = json.loads(res.stdout)
        assert all(r["label"] == value for r in rows)
    assert facts(store) == before


def test_html_output_never_overwrites_other_files(tmp_path):
    (tmp_path / "a.txt").write_text(A)
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    store = tmp_path / "store"
    res = kg("build", str(tmp_path / "a.txt"), "--store", str(store), "--html", str(notes))
    assert res.returncode == 1 and "--force" in res.stderr
    assert notes.read_text() == "my notes"
    assert not store.exists()  # refused before anything was written
    res = kg("render", "--store", str(tmp_path / "nope"), "--html", str(tmp_path / "g.html"))
    assert res.returncode == 1 and "Traceback" not in res.stderr


def test_validate_export_import_and_support(tmp_path):
    (tmp_path / "a.txt").write_text(A)
    (tmp_path / "b.txt").write_text(A + " Gotion said the plant would open in 2026.")
    store = tmp_path / "store"
    assert kg("build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--store", str(store)).returncode == 0
    res = kg("validate", "--store", str(store), "--json")
    assert res.returncode == 0 and json.loads(res.stdout)["conforms"] is True
    support = json.loads(kg("support", "--store", str(store), "--min", "2", "--format", "json").stdout)
    assert any(r["p"] == "partnersWith" and r["documents"] == 2 for r in support)
    dump = tmp_path / "dump.nq"
    assert kg("export", str(dump), "--format", "nq", "--store", str(store)).returncode == 0
    copy = tmp_path / "copy"
    res = kg("import", str(dump), "--store", str(copy))
    assert res.returncode == 0, res.stderr
    assert facts(copy) == facts(store)
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle {")
    before = facts(copy)
    res = kg("import", str(bad), "--store", str(copy))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert facts(copy) == before


def test_build_with_workers_and_dask_equals_single_process(tmp_path):
    from tests.test_crash import article

    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(6):
        (inputs / f"a{i}.txt").write_text(article(i))
    results = {}
    for name, extra in (("one", []), ("two", ["--workers", "2"]), ("dask", ["--engine", "dask"])):
        store = tmp_path / name
        res = kg("build", str(inputs), "--store", str(store), *extra)
        assert res.returncode == 0, res.stderr
        results[name] = facts(store)
    assert results["one"] == results["two"] == results["dask"]
    assert results["one"]["documents"] == 6


def test_spelling_variants_across_documents_become_one_entity(tmp_path):
    (tmp_path / "a.txt").write_text("Volkswagen and Chinese battery maker Gotion Energy have joined hands to build a plant.")
    (tmp_path / "b.txt").write_text("Gotion Enrgy will invest $2 billion in a plant in Hungary, the company said.")
    store = tmp_path / "store"
    for name in ("a.txt", "b.txt"):  # two separate ingests: the second must reuse the first
        assert kg("build", str(tmp_path / name), "--store", str(store)).returncode == 0
    # the company, not the plants named after it
    q = ("SELECT DISTINCT ?e WHERE { ?e rdfs:label ?l . "
         "FILTER(STRSTARTS(?l, 'Gotion') && CONTAINS(STR(?e), '/organization/')) }")
    rows = json.loads(kg("query", q, "--store", str(store), "--format", "json").stdout)
    assert len(rows) == 1
    merges = kg("entities", "--store", str(store), "--merges")
    assert "Gotion Enrgy" in merges.stdout and "spelling variant" in merges.stdout


def test_unknown_table_format_is_refused_everywhere(tmp_path):
    (tmp_path / "a.txt").write_text(A)
    store = tmp_path / "store"
    assert kg("build", str(tmp_path / "a.txt"), "--store", str(store)).returncode == 0
    for args in (["query", "SELECT * WHERE { ?s ?p ?o }"], ["support"], ["central"]):
        res = kg(*args, "--store", str(store), "--format", "xml")
        assert res.returncode == 1 and "Traceback" not in res.stderr
        assert "unknown format 'xml'" in res.stderr
