"""What the CLI prints: data is never markup or terminal control, numbers keep their type
in JSON and are rounded in tables, long text ends with an ellipsis, empty results say why.

A real on-disk store is filled with hand-made documents whose names, evidence, rules,
titles and sources carry rich markup, emoji codes, ANSI escape sequences and bidi
controls; the real `kg` command reads it in subprocesses (no spaCy pipeline is loaded).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.model import Document, Entity, Triple, Value
from kg.store import KGStore

KG = [sys.executable, "-m", "kg"]
CLOSE = "[/x]"
BOLD = "a [bold]b[/bold] :smile:"
RULE = "noun:construction:facility"
ESC = "Evil\x1b[31mRed\x1b]0;pwned\x07Corp"  # colour change, then a terminal-title OSC
BIDI = "Bidi\u202eevil"
LONG_TITLE = "[bold]A headline[/bold] that is far longer than sixty characters, so it must be cut"

ORG_A = Entity(CLOSE, "Organization")
ORG_B = Entity(BOLD, "Organization")
ORG_C = Entity(ESC, "Organization", (BIDI,))
PLACE = Entity("Manisa", "City")


def _doc(text: str, source: str, title: str, triples: list[tuple], date: str | None = None) -> Document:
    doc = Document(text=text, source=source, title=title, publisher="[red]Wire[/red]", date=date)
    doc.entities = sorted({t[0] for t in triples} | {t[2] for t in triples if isinstance(t[2], Entity)},
                          key=lambda e: (e.type, e.label, e.aliases))
    doc.triples = [Triple(s, p, o, text, 0, len(text), conf, rule, doc.id) for s, p, o, conf, rule in triples]
    return doc


def documents() -> list[Document]:
    one = f"{CLOSE} partners with {BOLD}. {ESC} will invest $2.4 billion in Manisa."
    two = f"{CLOSE} and {BOLD} work together. {ESC} has a plant in Manisa."
    money = Value("$2.4 billion", "money", 2.4e9, "USD")
    return [
        _doc(one, "/news/\x1b[2Jcleared[x].txt", LONG_TITLE, [
            (ORG_A, "partnersWith", ORG_B, 0.8666666666666667, RULE),
            (ORG_C, "investmentValue", money, 0.75, "money_invest"),
            (ORG_C, "hasFacilityIn", PLACE, 0.61234, RULE),
        ], date="2024-01-05"),
        _doc(two, "/news/two.txt", "Second", [
            (ORG_A, "partnersWith", ORG_B, 0.7, "svo_partner"),
            (ORG_C, "hasFacilityIn", PLACE, 0.5, RULE),
        ]),
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "store"
    with KGStore(path) as s:
        for doc in documents():
            assert s.add_document(doc)
    return path


def kg(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KG_DEBUG"}
    env["COLUMNS"] = "400"  # wide tables: a value is never wrapped across lines
    res = subprocess.run([*KG, *args], capture_output=True, text=True, timeout=120, env=env)
    for stream in (res.stdout, res.stderr):
        assert "Traceback" not in stream, res.stderr
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream, repr(stream)
    return res


def ok(*args: str) -> str:
    res = kg(*args)
    assert res.returncode == 0, res.stderr
    return res.stdout


LABELS = "SELECT ?s ?o ?rule ?conf WHERE { ?a a kg:Assertion ; rdf:subject ?x ; rdf:object ?y ; kg:rule ?rule ; kg:confidence ?conf . ?x rdfs:label ?s . OPTIONAL { ?y rdfs:label ?o } } ORDER BY ?s ?conf"


def test_query_table_prints_markup_literally(store):
    text = ok("query", LABELS, "--store", str(store))
    for value in (CLOSE, BOLD, RULE):
        assert value in text
    assert "\\x1b[31m" in text and "\\x07" in text  # shown as escapes, not obeyed
    assert "😄" not in text and "🚧" not in text


@pytest.mark.parametrize("fmt", ["csv", "tsv", "md"])
def test_text_formats_print_markup_literally(store, fmt):
    text = ok("query", LABELS, "--store", str(store), "--format", fmt)
    for value in (CLOSE, BOLD, RULE, "Evil\\x1b[31mRed"):
        assert value in text
    if fmt != "md":
        rows = list(csv.DictReader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
        assert {r["s"] for r in rows} >= {CLOSE, "Evil\\x1b[31mRed\\x1b]0;pwned\\x07Corp"}
        assert "0.8666666666666667" in {r["conf"] for r in rows}  # machine formats keep every digit


def test_json_keeps_numbers_and_exact_text(store):
    rows = json.loads(ok("query", LABELS, "--store", str(store), "--format", "json"))
    assert {r["s"] for r in rows} == {CLOSE, ESC}  # JSON escapes control characters itself
    confs = [r["conf"] for r in rows]
    assert all(isinstance(c, float) for c in confs) and 0.8666666666666667 in confs
    unbound = [r for r in rows if r["o"] is None]
    assert unbound, "the money value has no label: null, not an empty string"
    count = json.loads(ok("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Assertion }",
                          "--store", str(store), "--format", "json"))
    assert count == [{"n": 5}]
    dates = json.loads(ok("query", "SELECT ?d WHERE { ?doc schema:datePublished ?d }",
                          "--store", str(store), "--format", "json"))
    assert dates == [{"d": "2024-01-05"}]
    res = ok("query", "SELECT DISTINCT ?alias WHERE { ?e skos:altLabel ?alias }", "--store", str(store), "--format", "json")
    assert "\\u202e" in res and json.loads(res) == [{"alias": BIDI}]  # escaped, and the same text


def test_entities_and_merges_print_names_literally(store):
    text = ok("entities", "--store", str(store))
    assert CLOSE in text and BOLD in text and "Bidi\\u202eevil" in text and "Evil\\x1b[31mRed" in text


def test_docs_cuts_long_titles_with_an_ellipsis(store):
    text = ok("docs", "--store", str(store))
    assert LONG_TITLE[:59] + "…" in text and LONG_TITLE not in text
    assert "[red]Wire[/red]" in text
    assert "\\x1b[2Jcleared[x].txt" in text
    data = json.loads(ok("docs", "--store", str(store), "--json"))
    assert {d["title"] for d in data} == {LONG_TITLE, "Second"}
    assert all(isinstance(d["facts"], int) for d in data)


def test_support_lists_shared_facts_with_counts(store):
    rows = json.loads(ok("support", "--store", str(store), "--format", "json"))
    # partnersWith is symmetric: the store picks the direction, so compare unordered pairs
    assert {(frozenset((r["s_label"], r["o_label"])), r["p"], r["documents"]) for r in rows} == {
        (frozenset((CLOSE, BOLD)), "partnersWith", 2), (frozenset((ESC, "Manisa")), "hasFacilityIn", 2)}
    table = ok("support", "--store", str(store))
    assert f"{CLOSE}" in table and BOLD in table


def test_support_shows_amounts_as_the_rest_of_kg_does(store):
    rows = json.loads(ok("support", "--store", str(store), "--min", "1", "--format", "json"))
    money = [r for r in rows if r["p"] == "investmentValue"]
    assert [r["o_label"] for r in money] == ["2.4 billion USD"]
    table = ok("support", "--store", str(store), "--min", "1")
    assert "2.4 billion USD" in table and "2400000000" not in table


def test_support_explains_an_empty_result(store):
    res = kg("support", "--store", str(store), "--min", "3")
    assert res.returncode == 0
    assert "no fact is stated by 3 or more documents" in res.stderr and "--min" in res.stderr
    assert json.loads(kg("support", "--store", str(store), "--min", "3", "--format", "json").stdout) == []


def test_central_rounds_numbers_in_tables_only(store):
    table = ok("central", "--store", str(store))
    assert CLOSE in table and BOLD in table
    numbers = re.findall(r"\d+\.\d+", table)
    assert numbers and all(len(n.split(".")[1]) <= 4 for n in numbers), numbers
    rows = json.loads(ok("central", "--store", str(store), "--format", "json"))
    assert all(isinstance(r["pagerank"], float) and isinstance(r["degree"], int) for r in rows)
    assert any(len(repr(r["pagerank"])) > 8 for r in rows)  # full precision in JSON


def test_neighbours_and_path_print_evidence_literally(store):
    text = ok("neighbours", CLOSE, "--store", str(store))
    assert BOLD in text and "partnersWith" in text
    rows = json.loads(ok("path", CLOSE, BOLD, "--store", str(store), "--format", "json"))
    assert rows[0]["relation"] == "partnersWith" and CLOSE in rows[0]["evidence"]
    assert isinstance(rows[0]["hop"], int)


def test_errors_quoting_input_are_literal_and_one_line(store, tmp_path):
    res = kg("query", "SELECT ?x WHERE { \x1b[31m [/x] :smile:", "--store", str(store))
    assert res.returncode == 1 and len(res.stderr.strip().splitlines()) == 1
    res = kg("neighbours", "No [bold]such[/bold] \x1b[2J entity", "--store", str(store))
    assert res.returncode == 1 and "[bold]such[/bold]" in res.stderr and "\\x1b[2J" in res.stderr
    res = kg("extract", str(tmp_path / "no\x1b[31msuch [/x].txt"))
    assert res.returncode == 1 and "[/x]" in res.stderr and "\\x1b[31m" in res.stderr
    res = kg("query", "SELECT * WHERE { ?s ?p ?o }", "--store", str(store), "--format", "x\x1b[2J")
    assert res.returncode == 1 and "unknown format" in res.stderr


def test_stats_and_validate_print_names_literally(store):
    data = json.loads(ok("stats", "--store", str(store), "--json"))
    assert data["documents"] == 2
    ok("stats", "--store", str(store))
    res = kg("validate", "--store", str(store))
    assert res.returncode in (0, 1)


@pytest.mark.slow  # loads the spaCy pipeline
def test_articles_and_file_names_with_markup_and_escapes(tmp_path):
    text = ("Volkswagen and Chinese battery maker Gotion have joined hands to build a plant in Salzgitter "
            "[/x] :smile: [bold]now[/bold].")
    (tmp_path / "a[").mkdir()
    good = tmp_path / "a[/x]\x1b[31m:smile:.txt"  # the file x]... in the folder a[
    good.write_text(text)
    empty = tmp_path / "empty [bold]b[bold]\x1b]0;t\x07.txt"
    empty.write_text("\n")
    rows = json.loads(ok("extract", str(good), "--json"))
    assert any(r["p"] == "partnersWith" for r in rows)
    assert all(r["evidence"] in text for r in rows)
    table = ok("extract", str(good))
    assert "partnersWith" in table and "Gotion" in table
    store = tmp_path / "store"
    res = kg("build", str(good), str(empty), "--store", str(store))
    assert res.returncode == 1  # one input failed, the other is stored
    assert "1 added" in res.stdout and "empty [bold]b[bold]\\x1b]0;t\\x07.txt" in res.stderr
    docs = json.loads(ok("docs", "--store", str(store), "--json"))
    assert [d["source"] for d in docs] == [str(good)]
    assert "a[/x]\\x1b[31m:smile:.txt" in ok("docs", "--store", str(store))


def test_export_takes_the_format_from_the_extension(store, tmp_path):
    import pyoxigraph as ox

    ttl = tmp_path / "out" / "kg.ttl"
    assert ok("export", str(ttl), "--store", str(store)).strip() == f"wrote {ttl} (ttl)"
    triples = [q.triple for q in ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE)]
    nq = tmp_path / "kg.nq"
    ok("export", str(nq), "--store", str(store))
    quads = list(ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS))
    assert len(quads) >= len(triples) > 20
    assert {q.triple for q in quads} == set(triples)
    # --format overrides the extension
    odd = tmp_path / "odd.ttl"
    ok("export", str(odd), "--format", "nq", "--store", str(store))
    assert len(list(ox.parse(path=str(odd), format=ox.RdfFormat.N_QUADS))) == len(quads)
    # - writes to standard output
    res = kg("export", "-", "--format", "nt", "--store", str(store))
    assert res.returncode == 0 and res.stderr == ""
    assert {q.triple for q in ox.parse(res.stdout.encode(), format=ox.RdfFormat.N_TRIPLES)} == set(triples)


def test_export_csv_names_the_files_it_wrote(store, tmp_path):
    folder = tmp_path / "csv"
    out = ok("export", str(folder), "--format", "csv", "--store", str(store)).strip()
    assert out == f"wrote {folder / 'nodes.csv'} and {folder / 'edges.csv'}"
    edges = list(csv.DictReader((folder / "edges.csv").open(encoding="utf-8")))
    assert {e["relation"] for e in edges} >= {"partnersWith", "hasFacilityIn"}


@pytest.mark.parametrize("name, words", [("kg.csv", "into a folder"), ("kg", "cannot tell the export format"),
                                         ("kg.xml", "cannot tell the export format")])
def test_export_refuses_a_name_it_cannot_read_a_format_from(store, tmp_path, name, words):
    res = kg("export", str(tmp_path / name), "--store", str(store))
    assert res.returncode == 1 and words in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_closed_pipe_is_not_an_error_message(tmp_path):
    """kg export - | head -1 and kg query ... | head -1: the reader leaves early, kg stays quiet."""
    store = tmp_path / "big"
    with KGStore(store) as s:  # well over a pipe's 64 KiB of output
        for i in range(150):
            org, other = Entity(f"Company {i}", "Organization"), Entity(f"Partner {i}", "Organization")
            s.add_document(_doc(f"Company {i} partners with Partner {i}.", f"/news/{i}.txt", f"Story {i}",
                                [(org, "partnersWith", other, 0.8, "svo_partner")]))
    for args in (["export", "-", "--format", "nq"], ["query", "SELECT * WHERE { ?s ?p ?o }", "--format", "csv"]):
        proc = subprocess.Popen([*KG, *args, "--store", str(store)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = proc.stdout.readline()
        proc.stdout.close()  # what head does after its line
        err = proc.stderr.read().decode()
        proc.wait(timeout=60)
        assert first and err == "", err
