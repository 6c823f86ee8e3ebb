"""`kg serve`: a real `oxigraph` server process over an on-disk store, queried over HTTP."""

from __future__ import annotations

import json
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.store.serve import find_oxigraph, start_server
from kg.store import KGStore

from tests.store.samples import make_doc_a, make_doc_b

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _needs_oxigraph():
    try:
        find_oxigraph()
    except StoreError:
        pytest.skip("the oxigraph server CLI is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _select(url: str, query: str) -> list[dict]:
    request = urllib.request.Request(
        f"{url}/query?query={urllib.parse.quote(query)}",
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("application/sparql-results+json")
        return json.loads(response.read())["results"]["bindings"]


def _build(path: Path, *docs) -> None:
    with KGStore(path) as s:
        for doc in docs:
            s.add_document(doc)


def test_read_only_server_answers_sparql(tmp_path):
    path = tmp_path / "store"
    _build(path, make_doc_a(), make_doc_b())
    server = start_server(path, port=_free_port())
    try:
        assert server.running() and server.url.startswith("http://127.0.0.1:")
        # the default graph is the union of the documents, as in kg query
        rows = _select(server.url, "SELECT ?o WHERE { ?s <https://w3id.org/kg/ontology#hasFacilityIn> ?o } ORDER BY ?o")
        assert [r["o"]["value"].rsplit("/", 1)[-1] for r in rows] == ["istanbul", "manisa"]
        rows = _select(server.url, "PREFIX kg: <https://w3id.org/kg/ontology#> SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Assertion }")
        assert rows[0]["n"]["value"] == "8"
        # the prefixes kg query predeclares are predeclared here too; a query's own PREFIX wins
        rows = _select(server.url, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Assertion }")
        assert rows[0]["n"]["value"] == "8"
        rows = _select(server.url, "PREFIX kg: <urn:other#> SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Assertion }")
        assert rows[0]["n"]["value"] == "0"
        # read-only: updates are refused
        data = urllib.parse.urlencode({"update": "CLEAR ALL"}).encode()
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"{server.url}/update", data=data, timeout=10)
        # kg can read the store while the read-only server runs, and even write to it
        with KGStore(path) as writer:
            assert len(writer) > 0
    finally:
        code = server.stop()
    assert not server.running() and code is not None


def test_writable_server_and_locking(tmp_path):
    path = tmp_path / "store"
    _build(path, make_doc_a())
    with KGStore(path) as writer:
        # a writer holds the lock: a writable server cannot start and says why
        with pytest.raises(StoreError, match="open for writing elsewhere"):
            start_server(path, port=_free_port(), read_only=False)
        assert writer.has_document(make_doc_a().id)
    with start_server(path, port=_free_port(), read_only=False) as server:
        assert not server.read_only
        # and while a writable server runs, kg can only open the store read-only
        with pytest.raises(StoreError, match="already open"):
            KGStore(path)
        with KGStore(path, read_only=True) as reader:
            assert reader.has_document(make_doc_a().id)
        # writes go through the server (the remote backend)
        with KGStore(f"sparql+{server.url}") as remote:
            assert remote.add_document(make_doc_b())
        rows = _select(server.url, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert rows[0]["n"]["value"] == "2"
        # updates sent to the endpoint get kg's prefixes too
        data = urllib.parse.urlencode({"update": "INSERT DATA { GRAPH <urn:notes> { <urn:a> rdfs:label 'A' } }"})
        with urllib.request.urlopen(f"{server.url}/update", data=data.encode(), timeout=10) as response:
            assert response.status in (200, 204)
        rows = _select(server.url, "SELECT ?l WHERE { GRAPH <urn:notes> { <urn:a> rdfs:label ?l } }")
        assert [r["l"]["value"] for r in rows] == ["A"]
    with KGStore(path) as again:  # the server released the lock
        assert len(again.document_ids()) == 2


def test_start_errors(tmp_path):
    with pytest.raises(StoreError, match="no store there"):
        start_server(tmp_path / "missing")
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        start_server(folder)
    path = tmp_path / "store"
    _build(path, make_doc_b())
    with start_server(path, port=_free_port()) as first:
        port = int(first.url.rsplit(":", 1)[1])
        with pytest.raises(StoreError, match="already in use"):
            start_server(path, port=port)
        assert first.running()


def test_find_oxigraph_prefers_the_venv():
    assert Path(find_oxigraph()).parent == Path(sys.executable).parent
