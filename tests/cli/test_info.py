"""`kg info` and `kg --version`: what is installed and in use, through the real command."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata

from kg.extract.loader import available_models, default_model
from kg.store import KGStore
from tests.store.samples import make_doc_a, make_doc_b

KG = [sys.executable, "-m", "kg"]


def kg(*args: str, cwd=None) -> subprocess.CompletedProcess:
    res = subprocess.run([*KG, *args], capture_output=True, text=True, timeout=120, cwd=cwd)
    assert "Traceback" not in res.stderr, res.stderr
    return res


def test_version():
    res = kg("--version")
    assert res.returncode == 0 and res.stdout.startswith(f"kg {metadata.version('kg')} ")


def test_info_names_the_model_and_versions_in_use(tmp_path):
    res = kg("info", "--json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["kg"] == metadata.version("kg") and data["spacy"] == metadata.version("spacy")
    assert data["model"] == default_model() and data["models_installed"] == available_models()
    assert data["model_version"] == metadata.version(data["model_package"])
    assert data["store"] == ".kg/store" and data["store_exists"] is False and data["documents"] is None
    assert list(tmp_path.iterdir()) == []  # looking does not create the store
    text = kg("info", cwd=tmp_path).stdout
    assert f"model {default_model()}" in text and "not created yet" in text


def test_info_counts_the_documents_of_a_store(tmp_path):
    store = tmp_path / "store"
    with KGStore(store) as s:
        s.add_document(make_doc_a())
        s.add_document(make_doc_b())
    data = json.loads(kg("info", "--store", str(store), "--json").stdout)
    assert data["store_exists"] is True and data["documents"] == 2
    assert "2 documents" in kg("info", "--store", str(store)).stdout
