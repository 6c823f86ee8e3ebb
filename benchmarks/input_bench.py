"""Large single inputs: extraction time per MB and peak memory at 1, 5 and 20 MB.

Run:  .venv/bin/python benchmarks/input_bench.py [--sizes 1 5 20]
Each size runs in a fresh process (so peak RSS is its own). A flat s/MB column means no
quadratic slow-down; issue 7 asks for bounded memory and linear time. Not a test.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

PARAGRAPHS = [
    "Volkswagen and Chinese battery maker Gotion have joined hands to build a battery plant in Salzgitter.",
    "German Economy Minister Anna Weber visited Japan in March 2024 and met with Toyota, Honda and Nissan.",
    "BYD, the Chinese automaker, plans to invest $1 billion in a plant in Manisa, the company said on Tuesday.",
    "Mary Chen, chief executive of Nova Motors, told Reuters that the firm would start production in 2026.",
    "The European Union imposed tariffs of up to 35.3 percent on electric vehicles made in China.",
]


def one(mb: float) -> dict:
    """Extract one document of about `mb` megabytes in this process and measure it."""
    from kg.extract import Extractor
    from kg.ingest import parse_document

    target = int(mb * 1_000_000)
    parts, size, i = [], 0, 0
    while size < target:
        p = PARAGRAPHS[i % len(PARAGRAPHS)] + f" (item {i})"
        parts.append(p)
        size += len(p.encode()) + 2
        i += 1
    text = "\n\n".join(parts)
    extractor = Extractor()
    start = time.perf_counter()
    doc = extractor.extract(parse_document(text, f"{mb}MB"))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mb": round(len(text.encode()) / 1e6, 2), "seconds": round(seconds, 1),
            "s_per_mb": round(seconds / (len(text.encode()) / 1e6), 1),
            "triples": len(doc.triples), "peak_rss_mb": round(peak)}


def main() -> None:
    """Run each size in its own interpreter and print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20])
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"{'MB':>6} {'seconds':>8} {'s/MB':>6} {'triples':>8} {'peak RSS MB':>12}")
    for mb in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(mb)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['mb']:>6} {r['seconds']:>8} {r['s_per_mb']:>6} {r['triples']:>8} {r['peak_rss_mb']:>12}")


if __name__ == "__main__":
    main()
