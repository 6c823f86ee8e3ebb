"""Every example query in examples/queries runs on a real on-disk store of two documents."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from kg.model import Document, document_id
from kg.store import KGStore

from .samples import make_doc_a, make_doc_c

QUERIES = Path(__file__).resolve().parents[2] / "examples" / "queries"
FILES = sorted(QUERIES.glob("*.rq"))


def _header(text: str, key: str) -> list[str]:
    return [m.group(1).strip() for m in re.finditer(rf"^#\s*{key}:\s*(.+)$", text, re.M)]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with KGStore(tmp_path_factory.mktemp("queries") / "store") as s:
        s.add_document(make_doc_a())
        s.add_document(make_doc_c())
        yield s


def _run(store: KGStore, name: str) -> list[dict[str, str | None]]:
    text = (QUERIES / name).read_text(encoding="utf-8")
    bindings = dict(b.split("=", 1) for b in _header(text, "bind"))
    if "id" in bindings:
        bindings["id"] = make_doc_a().id
    result = store.query(text, bindings)
    columns = _header(text, "columns")[0].split()
    assert [str(v) for v in result.vars] == columns, name
    return [{c: (None if row[c] is None else str(row[c])) for c in columns} for row in result]


def test_there_are_at_least_ten_queries():
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_query_runs_with_its_columns(store, path):
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("# "), "a query starts with a comment saying what it answers"
    assert _header(text, "columns"), "a query lists its columns in a '# columns:' line"
    assert "PREFIX kg:" in text  # runs in any SPARQL tool, not only kg query
    rows = _run(store, path.name)
    assert rows, f"{path.name} returned no rows on the sample store"


def test_expected_rows(store):
    a, c = make_doc_a(), make_doc_c()
    rows = _run(store, "facts-supported-by-2plus.rq")
    assert {(r["subject"], r["relation"], r["object"], r["documents"]) for r in rows} == {
        ("BYD", "hasFacilityIn", "Manisa", "2"),
        ("BYD", "metWith", "Mehmet Fatih Kacır", "2"),
    }
    added = _run(store, "what-did-document-add.rq")
    assert {(r["subject"], r["relation"], r["object"]) for r in added} == {
        ("Mehmet Fatih Kacır", "holdsPosition", "Minister of Industry and Technology"),
        ("BYD", "plannedStart", "2026"),
        ("Türkiye", "tradeValue", "38550000000"),
        ("Türkiye", "tradesWith", "China"),
    }
    docs = _run(store, "documents.rq")
    assert [(r["id"], r["facts"]) for r in docs] == [(a.id, "6"), (c.id, "3")]
    money = _run(store, "money-values.rq")
    assert [(r["subject"], r["currency"], float(r["amount"]), r["date"]) for r in money] == [
        ("Türkiye", "USD", 38.55e9, "2022")
    ]
    edge = _run(store, "edge-provenance.rq")
    # GROUP_CONCAT has no defined order
    assert sorted((r["doc_id"], r["evidence"], frozenset(r["qualifiers"].split("; "))) for r in edge) == sorted([
        (a.id, a.triples[1].evidence, frozenset({"place=Istanbul", "date=2024-01-04"})),
        (c.id, "BYD met Mehmet Fatih Kacır in Ankara.", frozenset({"place=Ankara"})),
    ])
    people = _run(store, "people-and-positions.rq")
    assert [(r["person"], r["position"]) for r in people] == [("Mehmet Fatih Kacır", "Minister of Industry and Technology")]
    partners = _run(store, "companies-and-partners.rq")
    assert {(r["company"], r["partner"]) for r in partners} == {("BYD", "Koç Holding"), ("Koç Holding", "BYD")}
    merges = _run(store, "merges.rq")
    assert {(r["alias"], r["canonical"]) for r in merges} == {("Kacir", "Mehmet Fatih Kacır"), ("Turkey", "Türkiye")}
    types = _run(store, "entities-by-type.rq")
    byd = next(r for r in types if r["label"] == "BYD")
    assert (byd["type"], byd["documents"], byd["facts"]) == ("Organization", "2", "6")
    facility = _run(store, "facts-of-relation.rq")
    assert {(r["subject"], r["object"]) for r in facility} == {("BYD", "Manisa")} and len(facility) == 2
    say = _run(store, "which-documents-say.rq")
    assert {r["title"] for r in say} == {a.title, c.title}
    about = _run(store, "entity-facts-with-sources.rq")
    assert {r["relation"] for r in about} == {"hasFacilityIn", "metWith", "partnersWith", "plannedStart"}
    shaky = _run(store, "hedged-or-uncertain-facts.rq")
    assert {r["relation"] for r in shaky} == {"hasFacilityIn", "plannedStart"}


def _restated(doc: Document, k: int) -> Document:
    """The same facts in another document (k = 0: the document itself)."""
    if k == 0:
        return doc
    text = f"{doc.text} Restated {k}."
    return dataclasses.replace(
        doc, text=text, id=document_id(text), source=f"restated/{k}.txt", title=f"{doc.title} ({k})"
    )


@pytest.fixture(scope="module")
def repeated(tmp_path_factory):
    # Every document graph labels the entities it names again, so a label matched over
    # the union of graphs is found once per document: the case that multiplies rows.
    with KGStore(tmp_path_factory.mktemp("repeated") / "store") as s:
        for k in range(3):
            s.add_document(_restated(make_doc_a(), k))
        s.add_document(make_doc_c())
        yield s


# money-values has no document column: its rows per document are alike (tested below).
DISTINCT_ROWS = [p for p in FILES if p.name != "money-values.rq"]


@pytest.mark.parametrize("path", DISTINCT_ROWS, ids=[p.stem for p in DISTINCT_ROWS])
def test_no_row_is_repeated_when_documents_restate_entities(repeated, path):
    rows = _run(repeated, path.name)
    keys = [tuple(r.values()) for r in rows]
    assert len(keys) == len(set(keys)), path.name


def test_support_counts_every_restating_document(repeated):
    rows = _run(repeated, "facts-supported-by-2plus.rq")
    found = {(r["subject"], r["relation"], r["object"]): r["documents"] for r in rows}
    assert found[("BYD", "metWith", "Mehmet Fatih Kacır")] == "4"
    assert found[("China", "tradesWith", "Türkiye")] == "3"  # symmetric: IRI order
    assert all(int(n) >= 2 for n in found.values())
    money = _run(repeated, "money-values.rq")
    assert len(money) == 3  # one per document stating it
