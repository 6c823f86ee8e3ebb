"""Scaling: 2 workers vs 1, Dask LocalCluster vs local processes, and an end-to-end build.

Usage: python benchmarks/scale_bench.py [--n 500] [--corpus DIR] [--workers 2]
                                        [--batch-size 16] [--only scale,dask,e2e]

Each phase runs in a fresh subprocess, so timings include starting workers and loading the
model (what a user waits for) and peak RSS belongs to that phase alone. Targets on a
2-core machine: 2 workers / 1 worker >= 1.6x; Dask / local multi-process >= 0.8x;
end-to-end peak RSS < 2 GB.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout


class PeakRSS:
    """Samples the summed RSS of this process and its children (ru_maxrss only gives the max child)."""

    def __init__(self, interval: float = 0.2) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def _run(self, interval: float) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(interval)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _rusage_mb() -> dict[str, float]:
    # ru_maxrss is in KiB on Linux; "children" is the largest waited-for child, not a sum.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rss_self_mb": round(own, 1), "rss_children_max_mb": round(kids, 1)}


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def phase(name: str, corpus: str, workers: int, batch_size: int, store_dir: str | None) -> dict:
    """Run one measured phase in this process and return its numbers."""
    from kg.ingest import expand_paths
    from kg.build.parallel import build_parallel, extract_stream
    from kg.store import KGStore

    paths = expand_paths([corpus])
    out: dict = {"phase": name, "docs": len(paths), "workers": workers}
    with PeakRSS() as peak:
        start = time.perf_counter()
        if name == "stream":
            triples = 0
            for item in extract_stream(paths, model=None, workers=workers, batch_size=batch_size):
                triples += len(getattr(item, "triples", ()))
            out["triples"] = triples
        elif name == "local":
            with KGStore(None) as store:
                report = build_parallel(paths, store, model=None, workers=workers,
                                        batch_size=batch_size, keep_documents=False)
            out["added"] = len(report.added)
        elif name == "dask":
            from distributed import Client, LocalCluster

            from kg.build.engines.dask_engine import build_dask

            t0 = time.perf_counter()
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, host="127.0.0.1")
            client = Client(cluster)
            out["cluster_start_s"] = round(time.perf_counter() - t0, 2)
            try:
                with KGStore(None) as store:
                    report = build_dask(paths, store, client=client, batch_size=batch_size,
                                        keep_documents=False)
                out["added"] = len(report.added)
            finally:
                client.close()
                cluster.close()
        elif name == "e2e":
            with KGStore(store_dir) as store:
                report = build_parallel(paths, store, model=None, workers=workers,
                                        batch_size=batch_size, keep_documents=False)
                out["added"], out["failed"] = len(report.added), len(report.failed)
            out["store_mb"] = round(_dir_size(Path(store_dir)) / 2**20, 1)
        out["seconds"] = round(time.perf_counter() - start, 2)
    out["docs_per_s"] = round(len(paths) / out["seconds"], 2)
    out["peak_rss_tree_mb"] = round(peak.peak / 2**20, 1)
    out.update(_rusage_mb())
    return out


def _cpu_task(_: int) -> int:
    total = 0
    for i in range(20_000_000):
        total += i
    return total


def cpu_ceiling() -> float:
    """Speedup of 2 pure-Python CPU tasks on 2 processes vs 1: what the machine allows now."""
    start = time.perf_counter()
    _cpu_task(0)
    one = time.perf_counter() - start
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_cpu_task, [0])  # start both workers before timing
        start = time.perf_counter()
        pool.map(_cpu_task, [0, 1], chunksize=1)
        two = time.perf_counter() - start
    return 2 * one / two


def run_phase(name: str, args: argparse.Namespace, corpus: str, workers: int,
              store_dir: str | None = None) -> dict:
    """Run a phase in a fresh interpreter and return its JSON result."""
    cmd = [sys.executable, __file__, "--phase", name, "--corpus", corpus, "--workers", str(workers),
           "--batch-size", str(args.batch_size)]
    if store_dir:
        cmd += ["--store", store_dir]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  {name:6} workers={workers}: {json.dumps(result)}", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    """Generate (or take) a corpus, run the phases and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=500, help="articles to generate")
    parser.add_argument("--corpus", help="a folder of .txt articles instead of generating")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--only", default="scale,dask,e2e", help="phases: scale, dask, e2e")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.phase:  # child process
        print(json.dumps(phase(args.phase, args.corpus, args.workers, args.batch_size, args.store)))
        return 0

    from benchmarks.corpus import write_corpus

    only = set(args.only.split(","))
    print(f"$ python benchmarks/scale_bench.py {' '.join(argv or sys.argv[1:])}".rstrip())
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        corpus = args.corpus
        if not corpus:
            corpus = str(Path(tmp) / "corpus")
            write_corpus(args.n, Path(corpus))
        n = len(list(Path(corpus).glob("*.txt")))
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in Path(corpus).glob("*.txt"))
        ceiling = cpu_ceiling()
        print(f"inputs: {n} articles, {words:,} words in {corpus}; {os.cpu_count()} CPUs; "
              f"load average {os.getloadavg()[0]:.2f}; batch size {args.batch_size}")
        print(f"CPU ceiling now (2 pure-Python tasks on 2 processes vs 1): {ceiling:.2f}x")
        results: dict[str, dict] = {}
        if "scale" in only:
            results["w1"] = run_phase("stream", args, corpus, 1)
            results["wN"] = run_phase("stream", args, corpus, args.workers)
            print(f"ratio {args.workers} workers / 1 worker: "
                  f"{results['w1']['seconds'] / results['wN']['seconds']:.2f}x  (target >= 1.6x)")
        if "dask" in only:
            results["local"] = run_phase("local", args, corpus, args.workers)
            results["dask"] = run_phase("dask", args, corpus, args.workers)
            print(f"ratio Dask LocalCluster / local multi-process (throughput): "
                  f"{results['local']['seconds'] / results['dask']['seconds']:.2f}x  (target >= 0.8x; "
                  f"cluster start {results['dask']['cluster_start_s']} s not included)")
        if "e2e" in only:
            e2e = run_phase("e2e", args, corpus, args.workers, store_dir=str(Path(tmp) / "store"))
            print(f"end to end: {e2e['added']} documents into the on-disk store in {e2e['seconds']} s, "
                  f"{e2e['docs_per_s']} docs/s, peak RSS {e2e['peak_rss_tree_mb']} MB (all processes), "
                  f"store {e2e['store_mb']} MB on disk")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
