"""Two writers on one store: the second waits for the first (kg build --wait), then writes."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from kg.store import KGStore, StoreBusyError

pytestmark = pytest.mark.slow  # two builds load the spaCy pipeline

KG = [sys.executable, "-m", "kg"]
A = "Volkswagen and Chinese battery maker Gotion have joined hands to build a battery plant in Salzgitter."
B = "German Economy Minister Anna Weber visited Japan in March 2024 and met with Toyota and Honda."


def test_two_builds_at_once_both_store_their_document(tmp_path):
    (tmp_path / "a.txt").write_text(A)
    (tmp_path / "b.txt").write_text(B)
    store = tmp_path / "store"
    # This process holds the store while both builds start, so both find it busy; once it
    # lets go, one build writes while the other waits for it in turn.
    holder = KGStore(store)
    procs = [subprocess.Popen([*KG, "build", str(tmp_path / name), "--store", str(store)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in ("a.txt", "b.txt")]
    try:
        time.sleep(4)
        assert all(p.poll() is None for p in procs)
    finally:
        holder.close()
    results = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, results):
        assert proc.returncode == 0, err
        assert "1 added" in out and "Traceback" not in err
        assert "is open for writing by another process; waiting up to 60 s (--wait)" in err
    res = subprocess.run([*KG, "docs", "--store", str(store), "--json"], capture_output=True, text=True, timeout=120)
    assert len(json.loads(res.stdout)) == 2


def test_a_writer_gives_up_after_wait_seconds_with_one_line(tmp_path):
    store = tmp_path / "store"
    update = "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 1 } }"
    with KGStore(store):  # this process holds the writer's lock
        start = time.monotonic()
        res = subprocess.run([*KG, "update", update, "--store", str(store), "--wait", "2"],
                             capture_output=True, text=True, timeout=120)
        took = time.monotonic() - start
    assert res.returncode == 1 and "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert lines[0].startswith(f"kg: store {store} is open for writing by another process; waiting up to 2 s")
    assert lines[-1].startswith("kg: error: cannot open store") and "already open" in lines[-1]
    assert len(lines) == 2 and 2 <= took < 30
    # the lock is free again: the same update goes through at once
    res = subprocess.run([*KG, "update", update, "--store", str(store), "--wait", "0"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr


def test_the_library_waits_only_when_asked(tmp_path):
    store = tmp_path / "store"
    with KGStore(store):
        start = time.monotonic()
        with pytest.raises(StoreBusyError):
            KGStore(store)
        assert time.monotonic() - start < 1
        calls = []
        with pytest.raises(StoreBusyError, match="waited"):
            KGStore(store, wait=0.6, on_wait=calls.append)
        assert calls and calls == sorted(calls) and calls[-1] < 0.6
