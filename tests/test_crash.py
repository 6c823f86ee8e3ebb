"""Crash safety: a build killed with SIGKILL leaves only complete documents; a re-run finishes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.cli.test_commands import ROOT, kg

pytestmark = pytest.mark.slow

COMPANIES = ["Volta", "Nordic Cells", "Arcadia Motors", "Helio Power", "Kestrel Auto", "Borealis"]
PLACES = ["Germany", "Hungary", "Mexico", "Spain", "Poland", "Brazil"]


def article(i: int) -> str:
    a, b = COMPANIES[i % 6], COMPANIES[(i + 1) % 6]
    place = PLACES[i % 6]
    return (
        f"Article {i}. {a} and {b} have joined hands to build a battery plant in {place}. "
        f"{a} plans to invest ${i + 1}.5 billion in the project, the company said on Monday.\n"
        f"Trade Minister Ana Lopez{i} visited {place} in March 2024 and met with {a} and {b}."
    )


def assert_complete_then_resumed(inputs, store, n: int, at_least: int) -> None:
    """Some but not all documents are stored, each complete; a re-run stores the rest."""
    docs = json.loads(kg("docs", "--store", str(store), "--json").stdout)
    assert at_least <= len(docs) < n
    # Every stored document is complete: its facts match a fresh extraction of the same file.
    for d in docs:
        fresh = kg("extract", d["source"], "--json")
        assert d["facts"] == len(json.loads(fresh.stdout)), d["source"]
    rerun = kg("build", str(inputs), "--store", str(store))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{n - len(docs)} added, {len(docs)} already stored" in rerun.stdout


def test_sigkill_mid_build_leaves_complete_documents(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    # enough documents that the kill lands while some are still to store: with faster
    # extraction 60 were once all stored (the build still rendering) before the kill came
    n = 200
    for i in range(n):
        (inputs / f"a{i:03d}.txt").write_text(article(i))
    store = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(inputs), "--store", str(store)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Let it store some documents, then kill it without warning.
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.5)
        docs = kg("docs", "--store", str(store), "--json")
        if docs.returncode == 0 and len(json.loads(docs.stdout)) >= 5:
            break
    assert proc.poll() is None, "the build finished before it could be killed; make the corpus larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    assert_complete_then_resumed(inputs, store, n, at_least=5)


def _file_size_limit(limit: int):
    """Simulate a full disk: writes past `limit` bytes in one file fail with EFBIG."""
    import resource

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write instead of killing us
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_disk_full_mid_build_stops_cleanly_and_keeps_complete_documents(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    n = 30
    for i in range(n):
        (inputs / f"a{i:03d}.txt").write_text(article(i) * 20)
    store = tmp_path / "store"
    res = subprocess.run([sys.executable, "-m", "kg", "build", str(inputs), "--store", str(store)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600,
                         preexec_fn=_file_size_limit(2_000_000))
    assert res.returncode == 1
    assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert "File too large" in res.stderr or "No space" in res.stderr
    assert_complete_then_resumed(inputs, store, n, at_least=1)
