"""KGStore against real Oxigraph stores (memory, disk, and a real `oxigraph serve`)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal

from kg.errors import QueryError, StoreError
from kg.store import KGStore, open_store
from kg.store.rdf import document_graph_iri, document_to_quads, entity_iri
from kg.model import Entity


@pytest.fixture
def store():
    with KGStore("memory") as s:
        yield s


def test_memory_store_is_oxigraph():
    with KGStore(None) as s:
        assert type(s.dataset.store).__name__ == "OxigraphStore"
        assert s.kind == "memory"


def test_add_is_idempotent(store, doc_a):
    assert store.add_document(doc_a) is True
    n = len(store)
    assert n == len(document_to_quads(doc_a))
    assert store.add_document(doc_a) is False
    assert len(store) == n
    assert store.has_document(doc_a.id)
    assert not store.has_document("0" * 64)


def test_round_trip_through_the_store(store, doc_a, doc_b):
    store.add_document(doc_a)
    store.add_document(doc_b)
    back = store.get_document(doc_a.id)
    assert back.triples == doc_a.triples
    assert back == doc_a
    assert store.get_document(doc_b.id) == doc_b
    with pytest.raises(StoreError):
        store.get_document("missing")


def test_remove_deletes_exactly_one_document(store, doc_a, doc_b):
    store.add_document(doc_a)
    store.add_document(doc_b)
    assert store.remove_document(doc_a.id) is True
    assert store.remove_document(doc_a.id) is False
    assert not store.has_document(doc_a.id)
    assert len(store) == len(document_to_quads(doc_b))
    assert store.get_document(doc_b.id) == doc_b
    # shared entities keep the description given by the remaining document
    byd = entity_iri(Entity("BYD", "Organization"))
    rows = list(store.query("SELECT ?e ?l WHERE { ?e rdfs:label ?l }", {"e": byd}))
    assert [str(r.l) for r in rows] == ["BYD"]


def test_default_graph_is_the_union(store, doc_a, doc_b):
    store.add_document(doc_a)
    store.add_document(doc_b)
    rows = store.query("SELECT ?o WHERE { ?s kg:hasFacilityIn ?o } ORDER BY ?o")
    assert [str(r.o).rsplit("/", 1)[-1] for r in rows] == ["istanbul", "manisa"]


def test_query_refuses_updates(store, doc_a):
    store.add_document(doc_a)
    n = len(store)
    for update in (
        "INSERT DATA { <http://x/s> <http://x/p> <http://x/o> }",
        "DELETE WHERE { ?s ?p ?o }",
        "delete where { ?s ?p ?o }",
        "PREFIX ex: <http://x/#> # a comment with SELECT in it\nBASE <http://x/> DROP ALL",
        "WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "CLEAR ALL",
    ):
        with pytest.raises(QueryError, match="update"):
            store.query(update)
    assert len(store) == n


def test_query_allows_update_words_inside_strings(store, doc_a):
    store.add_document(doc_a)
    rows = store.query(
        'PREFIX x: <http://example.org/INSERT#>\n'
        'SELECT ?l WHERE { ?e a kg:Country ; rdfs:label ?l FILTER(?l != "INSERT DATA { }") } ORDER BY ?l'
    )
    assert [str(r[0]) for r in rows] == ["China", "Türkiye"]


def test_bindings_cannot_change_the_query(store, doc_a):
    store.add_document(doc_a)
    n = len(store)
    q = "SELECT ?e ?label WHERE { ?e rdfs:label ?label }"
    for hostile in ('"} ; DROP ALL ; {', "BYD\" } ; DROP ALL ; { \"", "> } DROP ALL {"):
        assert list(store.query(q, {"label": hostile})) == []
    rows = list(store.query(q, {"label": "BYD"}))
    assert [str(r.e) for r in rows] == [str(entity_iri(Entity("BYD", "Organization")))]
    assert list(store.query(q, {"?label": Literal("BYD")}))
    assert len(store) == n and store.has_document(doc_a.id)
    with pytest.raises(QueryError):
        store.query(q, {"label) {} ; DROP ALL ; #": "x"})
    # Oxigraph substitutes bound variables only when the SELECT projects them
    with pytest.raises(QueryError, match="bound variable must be selected"):
        store.query("SELECT ?e WHERE { ?e rdfs:label ?label }", {"label": "BYD"})


def test_malformed_query_is_a_one_line_query_error(store):
    with pytest.raises(QueryError) as info:
        store.query("SELEC ?x WHERE { ?x ?y ?z }")
    assert "\n" not in str(info.value)
    with pytest.raises(QueryError):
        store.query("SELECT ?x WHERE { ?x ?y ")


def test_update_runs_sparql_update(store, doc_a):
    store.add_document(doc_a)
    g = document_graph_iri(doc_a.id)
    store.update(f"INSERT DATA {{ GRAPH {g.n3()} {{ <http://x/s> kg:rule 'manual' }} }}")
    assert bool(store.query("ASK { <http://x/s> kg:rule 'manual' }").askAnswer)
    with pytest.raises(QueryError):
        store.update("INSERT DATA { oops")


def test_stats_and_documents(store, doc_a, doc_b):
    store.add_document(doc_a)
    store.add_document(doc_b)
    stats = store.stats()
    assert stats["documents"] == 2
    assert stats["entities"] == {"City": 2, "Country": 2, "Organization": 2, "Person": 1, "Role": 1}
    assert stats["entities_total"] == 8
    assert stats["triples"] == {
        "hasFacilityIn": 2, "holdsPosition": 1, "metWith": 1, "partnersWith": 1,
        "plannedStart": 1, "tradeValue": 1, "tradesWith": 1,
    }
    assert stats["triples_total"] == 8
    assert stats["quads"] == len(store) == len(document_to_quads(doc_a)) + len(document_to_quads(doc_b))
    docs = store.documents()
    assert [d["id"] for d in docs] == [doc_b.id, doc_a.id]  # undated first, then by date
    a = docs[1]
    assert a["title"] == doc_a.title and a["publisher"] == "Xinhua" and a["date"] == "2024-01-05"
    assert a["facts"] == 6 and a["entities"] == 7 and a["source"] == "examples/a.txt"
    assert docs[0]["date"] is None and docs[0]["facts"] == 2
    assert store.document_ids() == sorted([doc_a.id, doc_b.id])


def test_closed_store_raises(doc_a):
    s = KGStore()
    s.close()
    s.close()
    with pytest.raises(StoreError):
        s.add_document(doc_a)


# --- on disk --------------------------------------------------------------------------


def test_disk_store_persists_across_reopen_and_processes(tmp_path, doc_a):
    path = tmp_path / "nested" / "store"
    with KGStore(path) as s:
        assert s.add_document(doc_a)
        n = len(s)
    with open_store(str(path)) as s:
        assert s.has_document(doc_a.id) and len(s) == n
        assert s.get_document(doc_a.id) == doc_a
        assert s.add_document(doc_a) is False
    code = (
        "import sys; from kg.store import KGStore\n"
        "with KGStore(sys.argv[1]) as s: print(len(s), s.has_document(sys.argv[2]))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path), doc_a.id], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(n), "True"]


def test_file_as_store_is_a_store_error(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("not a store")
    with pytest.raises(StoreError, match="file"):
        KGStore(f)


def test_foreign_folder_is_a_store_error(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        KGStore(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["cat.jpg"]


def test_empty_folder_becomes_a_store(tmp_path):
    with KGStore(tmp_path) as s:
        assert len(s) == 0


def test_second_open_is_a_store_error(tmp_path, doc_a):
    path = tmp_path / "store"
    with KGStore(path) as first:
        first.add_document(doc_a)
        with pytest.raises(StoreError, match="already open"):
            KGStore(path)
        # another process gets the same error (StoreBusyError, a StoreError), and at once by default
        code = ("import sys; from kg.store import KGStore; from kg.errors import StoreError\n"
                "try:\n    KGStore(sys.argv[1])\nexcept StoreError as e:\n    sys.exit(f'{type(e).__name__}: {e}')")
        out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
        assert out.returncode != 0 and out.stderr.startswith("StoreBusyError: ") and "already open" in out.stderr
        # a read-only view can be opened next to the writer and refuses writes
        with KGStore(path, read_only=True) as reader:
            assert reader.has_document(doc_a.id)
            with pytest.raises(StoreError, match="read-only"):
                reader.remove_document(doc_a.id)
    with KGStore(path) as again:  # closing released the lock
        assert again.has_document(doc_a.id)


def test_read_only_missing_store(tmp_path):
    with pytest.raises(StoreError):
        KGStore(tmp_path / "missing", read_only=True)


# --- remote endpoint ------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_endpoint_is_a_store_error():
    with pytest.raises(StoreError, match="cannot reach"):
        KGStore(f"sparql+http://127.0.0.1:{_free_port()}")


@pytest.mark.slow
def test_remote_oxigraph_server(tmp_path, doc_a, doc_b):
    oxigraph = Path(sys.executable).parent / "oxigraph"
    assert oxigraph.exists(), "the oxigraph server CLI (PyPI package oxigraph) is a dependency of kg"
    port = _free_port()
    server = subprocess.Popen(
        [str(oxigraph), "serve", "--location", str(tmp_path / "srv"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.1)
        with KGStore(f"sparql+http://127.0.0.1:{port}/") as s:
            assert s.kind == "sparql"
            assert s.add_document(doc_a) is True
            assert s.add_document(doc_a) is False
            assert s.add_document(doc_b) is True
            assert s.has_document(doc_a.id)
            assert len(s) == len(document_to_quads(doc_a)) + len(document_to_quads(doc_b))
            rows = s.query("SELECT ?o WHERE { ?s kg:hasFacilityIn ?o } ORDER BY ?o")
            assert [str(r.o).rsplit("/", 1)[-1] for r in rows] == ["istanbul", "manisa"]
            assert list(s.query("SELECT ?e ?label WHERE { ?e rdfs:label ?label }", {"label": '"} ; DROP ALL ; {'})) == []
            assert s.get_document(doc_a.id) == doc_a
            assert s.stats()["documents"] == 2
            with KGStore() as local:
                local.add_document(doc_a)
                local.add_document(doc_b)
                assert s.support() == local.support()
            extra = ox.NamedNode("http://example.org/extra")
            quad = ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.Literal("x"), extra)
            assert s.add_quads([quad]) == 1
            assert s.query("ASK { GRAPH <http://example.org/extra> { ?s ?p 'x' } }").askAnswer
            assert quad in set(s.ox_quads())
            s.update("DROP GRAPH <http://example.org/extra>")
            with pytest.raises(QueryError):
                s.query("DELETE WHERE { ?s ?p ?o }")
            with pytest.raises(QueryError):
                s.query("SELEC nothing")
            assert s.remove_document(doc_a.id) is True
            assert len(s) == len(document_to_quads(doc_b))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_flush_is_safe_on_every_kind_of_store(tmp_path):
    from kg.store import KGStore
    from tests.store.samples import make_doc_a

    with KGStore(tmp_path / "disk") as disk, KGStore() as memory:
        for store in (disk, memory):
            store.add_document(make_doc_a())
            before = len(store)
            store.flush()
            assert len(store) == before > 0
