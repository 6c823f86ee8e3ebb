"""The layers point one way: a module imports only from its own layer or the ones below.

    cli → build → (ingest | extract | eval | store | graph | render) → model, values, identity, errors

Read from the source (every import, also those inside functions), so a lazy import that
reaches back up fails here too. Within the middle layer, the allowed edges are listed.
"""

from __future__ import annotations

import ast
from pathlib import Path

KG = Path(__file__).resolve().parent.parent / "kg"

RANK = {"model": 0, "errors": 0, "values": 0, "identity": 0, "ingest": 1, "extract": 1, "eval": 1, "store": 1, "graph": 1, "render": 1,
        "build": 2, "cli": 3, "__main__": 4, "__init__": 4}
# Imports between middle-layer packages: the graph layer reads the store, eval scores what
# extraction and ingest produce, rendering draws the graph layer's view.
# At the bottom, kg.values (parsing text into model Values) builds on kg.model, and
# kg.model keys its entities with kg.identity.
ALLOWED = {("values", "model"), ("model", "identity"), ("graph", "store"), ("render", "graph"), ("eval", "extract"), ("eval", "ingest"),
           ("extract", "ingest")}
# Extraction never imports rdflib or the store; rendering never imports spaCy.
FORBIDDEN_LIBRARIES = {"extract": {"rdflib", "pyoxigraph", "oxrdflib"}, "render": {"spacy"}}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(("kg", *path.relative_to(KG).with_suffix("").parts[:-1]))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((name, node.lineno))
    return found


def test_layers_point_one_way():
    wrong = []
    for path in sorted(KG.rglob("*.py")):
        here = _layer(".".join(("kg", *path.relative_to(KG).with_suffix("").parts)))
        for name, line in _imports(path):
            top = name.split(".")[0]
            if here in FORBIDDEN_LIBRARIES and top in FORBIDDEN_LIBRARIES[here]:
                wrong.append(f"{path.relative_to(KG.parent)}:{line} imports {name}")
            if top != "kg" or name == "kg":
                continue
            there = _layer(name)
            if there == here or RANK[there] < RANK[here]:
                continue
            if RANK[there] == RANK[here] and (here, there) in ALLOWED:
                continue
            wrong.append(f"{path.relative_to(KG.parent)}:{line} ({here}) imports {name} ({there})")
    assert not wrong, "imports against the layering:\n" + "\n".join(wrong)
