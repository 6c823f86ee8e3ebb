"""`kg serve` through the real command: its oxigraph server dies with it, and the read-only
server says that it serves a snapshot and how to serve live data instead."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import json

import psutil
import pytest

from kg.store import KGStore
from tests.store.samples import make_doc_a

pytestmark = pytest.mark.slow  # starts a server

KG = [sys.executable, "-m", "kg"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def start_serve(store: Path, port: int, *extra: str) -> tuple[subprocess.Popen, list[str]]:
    proc = subprocess.Popen([*KG, "serve", "--store", str(store), "--port", str(port), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    deadline = time.time() + 60
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "SPARQL endpoint" in line:
            if "--writable" not in extra:
                lines.append(proc.stdout.readline())
            return proc, lines
    proc.kill()
    raise AssertionError(f"kg serve did not start: {lines} {proc.stderr.read()}")


def gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.fixture()
def store(tmp_path) -> Path:
    path = tmp_path / "store"
    with KGStore(path) as s:
        s.add_document(make_doc_a())
    return path


def test_sigkill_of_kg_serve_stops_its_server(store):
    port = free_port()
    proc, _ = start_serve(store, port)
    children = psutil.Process(proc.pid).children()
    assert len(children) == 1 and "oxigraph" in children[0].name()
    child = children[0].pid
    assert port_open(port)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    deadline = time.time() + 10
    while time.time() < deadline and (port_open(port) or not gone(child)):
        time.sleep(0.1)
    try:
        assert gone(child), "the oxigraph server outlived kg serve"
        assert not port_open(port), "the port is still taken after kg serve was killed"
    finally:
        if not gone(child):
            os.kill(child, signal.SIGKILL)


def test_sigterm_of_kg_serve_stops_its_server(store):
    port = free_port()
    proc, _ = start_serve(store, port)
    child = psutil.Process(proc.pid).children()[0].pid
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=20)
    assert gone(child) and not port_open(port)


def test_read_only_server_says_it_serves_a_snapshot(store):
    port = free_port()
    proc, lines = start_serve(store, port)
    try:
        text = "".join(lines)
        assert "read-only" in text and "snapshot" in text
        assert f"--store sparql+http://127.0.0.1:{port}" in text and "--writable" in text
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_writable_server_serves_documents_built_into_it(store, tmp_path):
    """The documented way to keep a server live: kg serve --writable, kg build --store sparql+http://…"""
    port = free_port()
    proc, lines = start_serve(store, port, "--writable")
    try:
        assert "read-write" in "".join(lines) and "snapshot" not in "".join(lines)
        remote = f"sparql+http://127.0.0.1:{port}"
        count = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d kg:contentHash ?h } }"
        before = subprocess.run([*KG, "query", count, "--store", remote, "--format", "json"],
                                capture_output=True, text=True, timeout=120)
        assert before.returncode == 0, before.stderr
        assert before.stdout.count('"n": 1') == 1
        article = tmp_path / "b.txt"
        article.write_text("Volkswagen and Chinese battery maker Gotion have joined hands to build a plant.")
        built = subprocess.run([*KG, "build", str(article), "--store", remote], capture_output=True, text=True,
                               timeout=300)
        assert built.returncode == 0, built.stderr
        assert "1 added" in built.stdout
        after = subprocess.run([*KG, "query", count, "--store", remote, "--format", "json"],
                               capture_output=True, text=True, timeout=120)
        assert after.returncode == 0 and after.stdout.count('"n": 2') == 1, after.stdout + after.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=20)


# The README's first example query: bare kg: and rdfs: prefixes, as kg query accepts them.
README_QUERY = "SELECT DISTINCT ?company WHERE { GRAPH ?g { ?m kg:metWith ?c . ?c rdfs:label ?company } }"


def test_served_endpoint_predeclares_the_prefixes_kg_query_does(store):
    port = free_port()
    proc, _ = start_serve(store, port)
    try:
        accept = {"Accept": "application/sparql-results+json"}
        get = urllib.request.Request(f"http://127.0.0.1:{port}/query?query={urllib.parse.quote(README_QUERY)}",
                                     headers=accept)
        form = urllib.request.Request(f"http://127.0.0.1:{port}/query", headers=accept,
                                      data=urllib.parse.urlencode({"query": README_QUERY}).encode())
        direct = urllib.request.Request(f"http://127.0.0.1:{port}/query", data=README_QUERY.encode(),
                                        headers={**accept, "Content-Type": "application/sparql-query"})
        answers = []
        for request in (get, form, direct):
            with urllib.request.urlopen(request, timeout=20) as response:
                rows = json.loads(response.read())["results"]["bindings"]
            answers.append(sorted(r["company"]["value"] for r in rows))
        local = subprocess.run([*KG, "query", README_QUERY, "--store", str(store), "--format", "json"],
                               capture_output=True, text=True, timeout=120)
        assert local.returncode == 0, local.stderr
        expected = sorted(r["company"] for r in json.loads(local.stdout))
        assert expected and answers == [expected] * 3
        # the query UI is served through the same port
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=20) as response:
            assert response.status == 200 and b"<html" in response.read().lower()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
