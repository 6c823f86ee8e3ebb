"""Bad stores, concurrent use and foreign-language input, through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from tests.cli.test_commands import ROOT, kg
from tests.test_crash import article

pytestmark = pytest.mark.slow

GERMAN = ("Volkswagen und der chinesische Batteriehersteller Gotion bauen gemeinsam ein Werk in "
          "Salzgitter. Die Produktion soll im Jahr 2026 beginnen, teilte das Unternehmen mit.")


def one_line_error(res: subprocess.CompletedProcess, *words: str) -> None:
    assert res.returncode == 1, res.stdout
    assert "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    for w in words:
        assert w in lines[0]


def test_store_path_that_is_a_file(tmp_path):
    (tmp_path / "a.txt").write_text(article(1))
    f = tmp_path / "store.txt"
    f.write_text("precious")
    one_line_error(kg("build", str(tmp_path / "a.txt"), "--store", str(f)), str(f))
    assert f.read_text() == "precious"


def test_foreign_folder_as_store_is_refused_and_untouched(tmp_path):
    (tmp_path / "a.txt").write_text(article(1))
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.jpg").write_bytes(b"\xff\xd8\xff")
    one_line_error(kg("build", str(tmp_path / "a.txt"), "--store", str(folder)))
    assert sorted(p.name for p in folder.iterdir()) == ["cat.jpg"]
    one_line_error(kg("stats", "--store", str(tmp_path / "missing")))


def test_second_writer_gets_a_clear_message_while_a_build_runs(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(40):
        (inputs / f"a{i:03d}.txt").write_text(article(i))
    store = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(inputs), "--store", str(store)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 60
        while not store.exists() and time.time() < deadline:
            time.sleep(0.2)
        time.sleep(1.0)
        assert proc.poll() is None, "build finished too early to test concurrent use"
        (tmp_path / "b.txt").write_text(article(99))
        second = kg("build", str(tmp_path / "b.txt"), "--store", str(store), "--wait", "0")
        one_line_error(second, "open")
        reader = kg("stats", "--store", str(store), "--json")  # read-only access works meanwhile
        assert reader.returncode == 0, reader.stderr
        assert json.loads(reader.stdout)["documents"] >= 0
    finally:
        proc.wait(timeout=300)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("extra", [[], ["--workers", "2"]])
def test_other_language_warns_but_is_processed(tmp_path, extra):
    (tmp_path / "de.txt").write_text(GERMAN)
    res = kg("build", str(tmp_path / "de.txt"), "--store", str(tmp_path / "store"), *extra)
    assert res.returncode == 0, res.stderr
    assert "warning" in res.stderr and "English" in res.stderr
    assert "1 added" in res.stdout


def test_windows_line_endings_and_bom_give_the_same_document(tmp_path):
    text = article(3)
    (tmp_path / "unix.txt").write_text(text)
    (tmp_path / "win.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    store = tmp_path / "store"
    res = kg("build", str(tmp_path / "unix.txt"), str(tmp_path / "win.txt"), "--store", str(store))
    assert res.returncode == 0, res.stderr
    assert "1 added, 1 already stored" in res.stdout


def test_corrupted_store_gives_one_line_and_is_not_rewritten(tmp_path):
    (tmp_path / "a.txt").write_text(article(1))
    store = tmp_path / "store"
    assert kg("build", str(tmp_path / "a.txt"), "--store", str(store)).returncode == 0
    manifests = list(store.glob("MANIFEST-*"))
    assert manifests
    for m in manifests:
        m.write_bytes(b"garbage")

    def data_files():  # RocksDB's own LOG/OPTIONS/LOCK files change on every open attempt
        return sorted((p.name, p.read_bytes()) for p in store.iterdir()
                      if p.name.startswith(("MANIFEST", "CURRENT")) or p.suffix in (".sst", ".log"))

    before = data_files()
    one_line_error(kg("stats", "--store", str(store)), "store")
    one_line_error(kg("build", str(tmp_path / "a.txt"), "--store", str(store)), "store")
    assert data_files() == before
