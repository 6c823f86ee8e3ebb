"""Words per second: the bare spaCy pipeline vs full kg extraction, on the same texts.

Usage: python benchmarks/extract_bench.py [--n 200] [--corpus DIR] [--model NAME] [--batch-size 16]

"bare" is the same model with kg's components removed, run with nlp.pipe; "kg" is the full
Extractor (entities, coreference, relations, triples), both per document as `kg build`
does today and batched as kg.build.parallel does. Target: kg / bare >= 0.8.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from benchmarks.corpus import write_corpus  # noqa: E402


def _rate(words: int, seconds: float) -> str:
    return f"{words / seconds:,.0f} words/s ({seconds:.2f} s)"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the command, inputs, rates and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200, help="articles to generate (ignored with --corpus)")
    parser.add_argument("--corpus", type=Path, help="a folder of .txt articles instead of generating")
    parser.add_argument("--model", default=None, help="spaCy package (default: kg's default)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=2, help="take the best of this many runs")
    args = parser.parse_args(argv)

    from kg.extract import Extractor, default_model
    from kg.extract.loader import KG_COMPONENTS, load_base
    from kg.ingest import expand_paths, parse_document, read_text
    from kg.build.parallel import extract_batch

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.corpus or Path(tmp)
        if not args.corpus:
            write_corpus(args.n, folder)
        docs = [parse_document(read_text(p), p) for p in expand_paths([str(folder)])]
    model = args.model or default_model()
    words = sum(len(d.body.split()) for d in docs)
    print(f"$ python benchmarks/extract_bench.py {' '.join(argv or sys.argv[1:])}".rstrip())
    print(f"inputs: {len(docs)} articles, {words:,} words; model {model}; batch size "
          f"{args.batch_size}; load average {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")

    bare = load_base(model)
    assert not set(KG_COMPONENTS) & set(bare.pipe_names)
    extractor = Extractor(model)
    bodies = [d.body for d in docs]
    list(bare.pipe(bodies[:8]))  # warm-up: first calls allocate
    extract_batch(extractor, [parse_document(d.text, d.source) for d in docs[:8]])

    fresh = lambda: [parse_document(d.text, d.source) for d in docs]  # noqa: E731
    runs = {
        "bare_pipe": lambda: list(bare.pipe(bodies, batch_size=args.batch_size)),
        "bare_single": lambda: [bare(b) for b in bodies],
        "kg_single": lambda: [extractor.extract(d) for d in fresh()],
        "kg_batch": lambda: [extract_batch(extractor, b) for b in _chunks(fresh(), args.batch_size)],
    }
    # Interleaved rounds, best of each: other load on the machine hits every variant alike.
    best = {name: float("inf") for name in runs}
    for _ in range(args.repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    t_bare, t_bare_single = best["bare_pipe"], best["bare_single"]
    t_kg_single, t_kg_batch = best["kg_single"], best["kg_batch"]

    print(f"bare spaCy, nlp.pipe           : {_rate(words, t_bare)}")
    print(f"bare spaCy, nlp(text) per doc  : {_rate(words, t_bare_single)}")
    print(f"kg extraction, per document    : {_rate(words, t_kg_single)}")
    print(f"kg extraction, batched (pipe)  : {_rate(words, t_kg_batch)}")
    print(f"ratio kg batched / bare pipe   : {t_bare / t_kg_batch:.2f}  (target >= 0.8)")
    print(f"ratio kg per-doc / bare per-doc: {t_bare_single / t_kg_single:.2f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


if __name__ == "__main__":
    sys.exit(main())
