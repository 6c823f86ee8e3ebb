"""Store benchmark (not a test): on-disk Oxigraph (KGStore) against rdflib's in-memory store.

    .venv/bin/python benchmarks/store_bench.py                 # 1e4 and 1e5 quads
    .venv/bin/python benchmarks/store_bench.py --million       # also 1e6
    .venv/bin/python benchmarks/store_bench.py --sizes 20000 --repeat 50

Synthetic documents go through the real conversion (kg.store.rdf): ~20 facts each over a
shared pool of entities picked with a skewed (Zipf-like) weight, so a few entities are
hubs, entities recur across documents and some facts are supported by several. Measured
per size:

* ingest rate (quads/s): KGStore.add_document per document (one transaction each, what
  `kg build` does); one bulk KGStore.add_quads of all quads; `kg import` of the store's
  own N-Quads export into an empty store; rdflib Dataset(Memory).addN;
* query latency (warm, after one untimed run) through KGStore.query, i.e. including the
  conversion of every row to rdflib terms:
  - neighbourhood: the 1-hop neighbourhood of an entity with the evidence of each fact,
    (a) p50/p95 over --entities entities drawn in proportion to the number of facts they
    take part in (what a user clicking on a fact's ends would ask for), and (b) the
    biggest hub alone, the worst case, p50/p95 over --repeat runs;
  - the facts of one relation; support counts (documents per distinct fact, grouped over
    the whole store).

Ratios are Oxigraph's speed over rdflib Memory's (ingest: rate ratio; latency: Memory p50
over Oxigraph p50). rdflib queries that exceed --budget seconds are run once only.
"""

from __future__ import annotations

import argparse
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import Dataset, URIRef  # noqa: E402

from kg.model import RELATIONS, Document, Entity, Triple, Value  # noqa: E402
from kg.store import KGStore  # noqa: E402
from kg.store.namespaces import PREFIXES  # noqa: E402
from kg.graph.export import export  # noqa: E402
from kg.store.interop import import_rdf  # noqa: E402
from kg.store.rdf import document_to_ox_quads, document_to_quads, entity_iri  # noqa: E402
from kg.store.sparql import SUPPORT_COUNTS as _SUPPORT_COUNTS  # noqa: E402

TYPES = ("Person", "Organization", "Country", "City", "Product")
FACTS_PER_DOC = 20

# Each UNION branch holds all of its patterns: with ?e bound, Oxigraph then starts every
# branch from the bound entity. Patterns after the UNION, shared by both branches, are
# joined before the binding is applied (37 ms instead of 7 ms for the hub at 1e5).
NEIGHBOURHOOD = """
SELECT ?e ?dir ?p ?other ?evidence ?doc WHERE {
  GRAPH ?doc {
    { ?a rdf:subject ?e ; rdf:object ?other ; rdf:predicate ?p ; kg:evidence ?evidence BIND("out" AS ?dir) }
    UNION
    { ?a rdf:object ?e ; rdf:subject ?other ; rdf:predicate ?p ; kg:evidence ?evidence BIND("in" AS ?dir) }
  }
}
"""
ONE_RELATION = """
SELECT ?s ?o ?conf ?doc WHERE {
  GRAPH ?doc { ?a rdf:predicate kg:partnersWith ; rdf:subject ?s ; rdf:object ?o ; kg:confidence ?conf }
}
"""
QUERIES = {"neighbourhood": NEIGHBOURHOOD, "one relation": ONE_RELATION, "support counts": _SUPPORT_COUNTS}


def make_documents(target_quads: int, seed: int = 7) -> tuple[list[Document], list[Entity]]:
    """Synthetic documents whose quads add up to about target_quads."""
    rng = random.Random(seed)
    n_entities = max(50, target_quads // 60)
    pool = [Entity(f"Entity {i} {rng.choice('ABCDEFGH')}", TYPES[i % len(TYPES)]) for i in range(n_entities)]
    # a skewed choice so that a few entities are hubs, as in news
    weights = [1.0 / (i + 1) ** 0.8 for i in range(n_entities)]
    docs: list[Document] = []
    total = 0
    while total < target_quads:
        i = len(docs)
        sentences = [f"Sentence {k} of document {i} says something about entities." for k in range(FACTS_PER_DOC)]
        text = " ".join(sentences)
        doc = Document(text=text, source=f"synthetic/{i}.txt", title=f"Synthetic {i}", date=f"2024-{1 + i % 12:02d}-01")
        subjects = rng.choices(pool, weights, k=FACTS_PER_DOC)
        objects = rng.choices(pool, weights, k=FACTS_PER_DOC)
        start = 0
        triples = []
        for k, (s, o) in enumerate(zip(subjects, objects)):
            end = start + len(sentences[k])
            relation = rng.choice(RELATIONS)
            obj: Entity | Value = o
            if k % 7 == 0:
                obj = Value(f"${k} million", "money", k * 1e6, "USD")
            triples.append(
                Triple(s, relation, obj, sentences[k], start, end, round(rng.uniform(0.4, 0.95), 2), "synthetic", doc.id)
            )
            start = end + 1
        doc.triples = triples
        doc.entities = sorted({t.subject for t in triples} | {t.object for t in triples if isinstance(t.object, Entity)},
                              key=lambda e: (e.type, e.label))
        docs.append(doc)
        total += len(document_to_quads(doc))
    return docs, pool


def timed(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def latencies(run: Callable[[], Any], repeat: int, budget: float) -> list[float]:
    first = timed(run)  # warm-up, also the only run when it is too slow
    if first > budget:
        return [first]
    out: list[float] = []
    spent = 0.0
    while len(out) < repeat and spent < budget:
        out.append(timed(run))
        spent += out[-1]
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def sample_entities(docs: list[Document], k: int, seed: int = 11) -> list[Entity]:
    """k entities drawn (with replacement) in proportion to the number of facts they are in."""
    degree: Counter[Entity] = Counter()
    for doc in docs:
        for t in doc.triples:
            degree[t.subject] += 1
            if isinstance(t.object, Entity):
                degree[t.object] += 1
    entities = sorted(degree, key=lambda e: (e.type, e.label))
    return random.Random(seed).choices(entities, [degree[e] for e in entities], k=k)


def bench(size: int, repeat: int, budget: float, memory: bool, n_entities: int) -> dict[str, Any]:
    docs, pool = make_documents(size)
    quads = [q for d in docs for q in document_to_quads(d)]
    n = len(quads)
    hub = entity_iri(pool[0])
    sampled = [entity_iri(e) for e in sample_entities(docs, n_entities)]
    result: dict[str, Any] = {"size": size, "docs": len(docs), "quads": n, "entities": len(pool)}
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-"))

    def per_entity(run: Callable[[URIRef], Any]) -> tuple[float, float, int, float]:
        times, rows = [], []
        for e in sampled:
            rows.append(run(e))  # warm-up
            times.append(min(timed(lambda: run(e)) for _ in range(3)))
        return pct(times, 0.5), pct(times, 0.95), len(times), statistics.mean(rows)

    try:
        with KGStore(folder / "per-doc") as store:
            t = timed(lambda: [store.add_document(d) for d in docs])
            result["ox_per_doc_rate"] = n / t
            assert len(store) == n, (len(store), n)
            result["ox sampled"] = per_entity(lambda e: len(store.query(NEIGHBOURHOOD, {"e": e})))
            for name, query in QUERIES.items():
                bindings = {"e": hub} if name == "neighbourhood" else None
                rows = len(store.query(query, bindings))
                lat = latencies(lambda: store.query(query, bindings), repeat, budget)
                result[f"ox {name}"] = (pct(lat, 0.5), pct(lat, 0.95), len(lat), rows)
            result["ox_stats_s"] = timed(store.stats)
            nq = export(store, "nq", folder / "export.nq")
        with KGStore(folder / "bulk") as store:
            ox_quads = [q for d in docs for q in document_to_ox_quads(d)]
            t = timed(lambda: store.add_quads(ox_quads))
            result["ox_bulk_rate"] = n / t
        with KGStore(folder / "imported") as store:
            t = timed(lambda: import_rdf(store, nq))
            assert len(store) == n
            result["ox_import_rate"] = n / t
            result["nq_mb"] = nq.stat().st_size / 1e6
        if memory:
            ds = Dataset(store="Memory", default_union=True)
            t = timed(lambda: ds.addN(quads))
            result["mem_rate"] = n / t
            init = {k: URIRef(v) for k, v in PREFIXES.items()}

            def mem_rows(query: str, bindings: dict) -> int:
                return len(list(ds.query(query, initNs=init, initBindings=bindings)))

            result["mem sampled"] = per_entity(lambda e: mem_rows(NEIGHBOURHOOD, {"e": e}))
            for name, query in QUERIES.items():
                bindings = {"e": hub} if name == "neighbourhood" else {}

                def run(query: str = query, bindings: dict = bindings) -> int:
                    return mem_rows(query, bindings)

                rows = run()
                lat = latencies(run, repeat, budget)
                result[f"mem {name}"] = (pct(lat, 0.5), pct(lat, 0.95), len(lat), rows)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def report(r: dict[str, Any], memory: bool) -> None:
    print(f"\n== {r['quads']:,} quads ({r['docs']:,} documents, {r['entities']:,} entities in the pool)")
    print(f"ingest  Oxigraph on disk, a transaction per document: {r['ox_per_doc_rate']:>12,.0f} quads/s")
    print(f"ingest  Oxigraph on disk, one bulk add_quads:         {r['ox_bulk_rate']:>12,.0f} quads/s")
    print(f"ingest  kg import of its N-Quads export ({r['nq_mb']:>5,.0f} MB):  {r['ox_import_rate']:>12,.0f} quads/s")
    if memory:
        print(f"ingest  rdflib Memory, addN:                          {r['mem_rate']:>12,.0f} quads/s")
        print(f"        ratio Oxigraph per-document / Memory: {r['ox_per_doc_rate'] / r['mem_rate']:.2f}x ; "
              f"bulk / Memory: {r['ox_bulk_rate'] / r['mem_rate']:.2f}x")
    print(f"stats() on Oxigraph: {r['ox_stats_s'] * 1000:.1f} ms")
    print(f"{'query':<26}{'Oxigraph p50':>14}{'p95':>10}{'rows':>8}" + (f"{'Memory p50':>14}{'p95':>10}{'runs':>6}{'ratio':>9}" if memory else ""))
    rows = [("neighbourhood, sampled", "sampled")] + [(f"{name}{', hub' if name == 'neighbourhood' else ''}", name) for name in QUERIES]
    for label, key in rows:
        p50, p95, runs, n = r[f"ox {key}"]
        line = f"{label:<26}{p50 * 1000:>12.2f}ms{p95 * 1000:>8.2f}ms{n:>8.0f}"
        if memory:
            m50, m95, mruns, mrows = r[f"mem {key}"]
            assert abs(mrows - n) < 1e-9, (key, mrows, n)
            line += f"{m50 * 1000:>12.1f}ms{m95 * 1000:>8.1f}ms{mruns:>6}{m50 / p50:>8.1f}x"
        print(line)
    print(f"(sampled: p50/p95 over {r['ox sampled'][2]} entities, each the best of 3 runs; rows = mean rows)")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print inputs, rates, latencies and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[1e4, 1e5], help="target quad counts")
    parser.add_argument("--million", action="store_true", help="add a 1e6-quad run")
    parser.add_argument("--repeat", type=int, default=30, help="timed runs per query")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds per query and store")
    parser.add_argument("--no-memory", action="store_true", help="skip rdflib's Memory store")
    parser.add_argument("--entities", type=int, default=50, help="sampled entities for the neighbourhood query")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes] + ([1_000_000] if args.million else [])
    memory = not args.no_memory
    import oxrdflib  # noqa: F401
    import pyoxigraph
    import rdflib

    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    print(f"inputs: sizes={sizes} repeat={args.repeat} budget={args.budget}s entities={args.entities} facts/doc={FACTS_PER_DOC} seed=7")
    print(f"python {platform.python_version()} rdflib {rdflib.__version__} pyoxigraph {pyoxigraph.__version__} "
          f"on {platform.machine()} ({platform.system()})")
    for size in sizes:
        report(bench(size, args.repeat, args.budget, memory, args.entities), memory)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
