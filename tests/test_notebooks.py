"""The notebooks: the .ipynb files are the source, committed without outputs, and run clean.

Each notebook is executed with nbclient on a real IPython kernel running this very
interpreter (the venv's python, pinned through a temporary kernelspec so that a user-level
"python3" kernelspec cannot substitute another Python), from the notebooks/ folder as
Jupyter would. A cell that raises fails the test.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
EXPECTED = ["01_build_and_explore.ipynb", "02_sparql_cookbook.ipynb", "03_your_own_articles.ipynb"]

import nbformat  # noqa: E402  (a missing test dependency must fail, not skip)

# Run after the notebook, in the same kernel: checks on the notebook's own variables.
PROBES = {
    "01_build_and_explore.ipynb": """
import sys
assert len(report.added) == 1 and not report.failed
assert graph.number_of_nodes() >= 10 and graph.number_of_edges() >= 10
assert len(top) == 10 and top["pagerank"].is_monotonic_decreasing
assert chosen is not None and len(hops) >= 1
assert set(groups["label"]) >= {"Togg", "Farasis"}
print("KERNEL", sys.executable)
""",
    # 02 closes its store at the end: only the kernel and the outputs are checked.
    "02_sparql_cookbook.ipynb": """
import sys
print("KERNEL", sys.executable)
""",
    "03_your_own_articles.ipynb": """
import sys
assert len(report.added) == 2 and not report.failed
assert len(again.added) == 0 and len(again.skipped) == 2
assert after_stats["documents"] == before_stats["documents"] + 2
assert after_stats["triples_total"] > before_stats["triples_total"]
assert len(new_entities) > 0
print("KERNEL", sys.executable)
""",
}


def _outputs(nb) -> list[dict]:
    return [out for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])]


def _html_tables(nb) -> list[str]:
    return [
        out["data"]["text/html"]
        for out in _outputs(nb)
        if "data" in out and "text/html" in out["data"] and "<table" in out["data"]["text/html"]
    ]


def _body_rows(table_html: str) -> int:
    body = table_html.split("<tbody>", 1)[-1]
    return body.count("<tr")


# --- cheap checks (not slow) -------------------------------------------------------------


def test_expected_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            # fix: in Jupyter, Edit > Clear Outputs of All Cells, then save
            assert cell.outputs == [], f"{path.name}: a code cell has outputs (clear them before committing)"
            assert cell.execution_count is None, f"{path.name}: a code cell has an execution count"
        assert "attachments" not in cell or not cell.attachments
    # no stray execution metadata either (timings, widget state)
    text = path.read_text(encoding="utf-8")
    assert '"execution":' not in text and "application/vnd.jupyter.widget-state" not in text


def test_cookbook_has_ten_explained_queries():
    nb = nbformat.read(NOTEBOOK_DIR / "02_sparql_cookbook.ipynb", as_version=4)
    queries = [c for c in nb.cells if c.cell_type == "code" and re.search(r"^(display\()?q\(", c.source, re.M)]
    assert len(queries) >= 10
    for index, cell in enumerate(nb.cells):
        if cell in queries:
            previous = nb.cells[index - 1]
            assert previous.cell_type == "markdown" and previous.source.startswith("### ")


def test_notebooks_need_no_network_or_fixed_paths():
    for path in NOTEBOOKS:
        source = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
        assert "http://" not in source.replace("http://www.wikidata", "")
        assert "/work/" not in source and "pip install" not in source
        assert "find_repo_root" in source


# --- execution with a real kernel ---------------------------------------------------------


@pytest.fixture()
def kernel_manager(tmp_path):
    """A KernelManager whose kernel is this interpreter running ipykernel."""
    import ipykernel  # noqa: F401  (must be installed: fail, never skip)
    import nbclient  # noqa: F401
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    spec_dir = tmp_path / "kernels" / "kg-test-python"
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "kg test kernel",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    specs = KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")])
    return KernelManager(kernel_name="kg-test-python", kernel_spec_manager=specs)


@pytest.mark.slow
def test_failing_cell_fails(kernel_manager, tmp_path):
    """The harness itself: an exception in any cell surfaces as CellExecutionError."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("raise ValueError('boom')"),
               nbformat.v4.new_code_cell("never = True")]
    )
    with pytest.raises(CellExecutionError, match="boom"):
        NotebookClient(nb, km=kernel_manager, timeout=60, resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert nb.cells[2].outputs == [] and nb.cells[2].execution_count is None


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path, kernel_manager):
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PROBES[path.name]))
    client = NotebookClient(
        nb,
        km=kernel_manager,
        timeout=300,
        allow_errors=False,
        resources={"metadata": {"path": str(NOTEBOOK_DIR)}},  # cwd, as in Jupyter
    )
    start = time.perf_counter()
    client.execute()  # raises CellExecutionError on the first failing cell
    elapsed = time.perf_counter() - start
    print(f"{path.name}: {elapsed:.1f} s")

    outputs = _outputs(nb)
    assert not [o for o in outputs if o.get("output_type") == "error"]
    streams = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    # the kernel really was this interpreter
    assert f"KERNEL {sys.executable}" in streams
    assert f"repository: {ROOT}" in streams
    assert "Traceback" not in streams and "Warning" not in streams, streams[-2000:]

    tables = _html_tables(nb)
    assert tables and all(_body_rows(t) >= 1 for t in tables[:3])
    iframes = [
        o["data"]["text/html"] for o in outputs if "data" in o and "srcdoc=" in o["data"].get("text/html", "")
    ]
    if path.name == "01_build_and_explore.ipynb":
        assert len(iframes) == 2
        assert iframes[0].startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in iframes[0]
        assert "&lt;script" in iframes[0]  # the whole page, escaped into the attribute
        assert "added 1, skipped 0, failed 0" in streams
        assert any(">hop<" in t for t in tables)  # the path between two companies
    elif path.name == "02_sparql_cookbook.ipynb":
        assert len(tables) >= 15  # one DataFrame per recipe (ASK and CONSTRUCT together)
        assert sum(_body_rows(t) >= 1 for t in tables) >= 14
    else:
        assert len(iframes) == 1
        assert "second build - added: 0 skipped: 2" in streams
        assert "same as before: True" in streams
    assert elapsed < 60, f"{path.name} took {elapsed:.0f} s"
