"""Example-query benchmark (not a test): every query in examples/queries on a synthetic store.

    .venv/bin/python benchmarks/query_bench.py --sizes 2e4 1e5 --repeat 5

The store is built from store_bench's synthetic documents (shared entities, hubs, facts
restated by several documents), on disk, one transaction per document. Each query runs
with the bindings its `# bind:` header names, filled with the biggest hub entity, the
next one, the first document and the relation partnersWith; the p50 of --repeat warm runs
is printed with the row count.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from store_bench import make_documents  # noqa: E402

from kg.store import KGStore  # noqa: E402

QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))


def main(argv: list[str] | None = None) -> int:
    """Build one store per size and print each example query's p50 latency and rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[2e4, 1e5], help="target quad counts")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query")
    args = parser.parse_args(argv)
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    for size in (int(s) for s in args.sizes):
        docs, pool = make_documents(size)
        with tempfile.TemporaryDirectory(prefix="kg-qbench-") as folder, KGStore(Path(folder) / "store") as store:
            for doc in docs:
                store.add_document(doc)
            print(f"\n== {len(store):,} quads, {len(docs):,} documents")
            fill = {"label": pool[0].label, "subject": pool[0].label, "object": pool[1].label,
                    "id": docs[0].id, "relation": "partnersWith"}
            for path in QUERIES:
                text = path.read_text(encoding="utf-8")
                names = re.findall(r"^#\s*bind:\s*(\w+)=", text, re.M)
                bindings = {name: fill[name] for name in names}
                rows = len(store.query(text, bindings))  # warm-up
                times = []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    store.query(text, bindings)
                    times.append(time.perf_counter() - t)
                print(f"{path.stem:<30} p50 {statistics.median(times) * 1000:9.1f} ms  rows {rows:>6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
