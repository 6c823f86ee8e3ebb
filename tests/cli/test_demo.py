"""`make demo` without a browser: the graph is built and rendered, the screenshot skipped.

Runs the real Makefile target with the installed .venv (`-o` keeps make from reinstalling
it) and CHROMIUM pointing at a path where there is none. A user who is not root cannot
install Chromium; when the tests run as root, DEMO_INSTALL_CHROMIUM=0 takes that path (the
.venv's Python lives under /root here, so the demo cannot simply be run as another user).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.slow  # builds the example with the spaCy pipeline


def test_demo_without_chromium_builds_and_skips_the_screenshot(tmp_path):
    out, store = tmp_path / "out", tmp_path / "store"
    stamp = ROOT / ".venv" / ".kg-installed"
    assert stamp.is_file(), "run make install (or make test) first: the demo uses the installed .venv"
    missing = tmp_path / "no-chromium-here"
    res = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "-o", ".venv/.kg-installed", "demo", f"CHROMIUM={missing}",
         f"DEMO_OUT={out}", f"DEMO_STORE={store}", "DEMO_INSTALL_CHROMIUM=0"],
        capture_output=True, text=True, timeout=600,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    assert "pip install" not in res.stdout  # the installed .venv was used as it is
    assert "1 added" in res.stdout and "Example query" in res.stdout
    assert "Togg" in (out / "graph.html").read_text(encoding="utf-8")
    assert f"Screenshot skipped: no Chromium at {missing}" in res.stdout
    assert "Installing" not in res.stdout
    assert not (out / "graph.png").exists() and not (out / ".chromium").exists()
    assert (store / "CURRENT").is_file()


def test_demo_with_chromium_takes_the_screenshot(tmp_path):
    chromium = Path("/usr/bin/chromium")
    assert chromium.is_file(), "make test installs Debian's chromium for the browser tests"
    out, store = tmp_path / "out", tmp_path / "store"
    stamp = ROOT / ".venv" / ".kg-installed"
    res = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "-o", ".venv/.kg-installed", "demo",
         f"DEMO_OUT={out}", f"DEMO_STORE={store}", "DEMO_INSTALL_CHROMIUM=0"],
        capture_output=True, text=True, timeout=600,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    assert f"Screenshot: {out}/graph.png" in res.stdout
    assert (out / "graph.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not (out / ".chromium").exists()
