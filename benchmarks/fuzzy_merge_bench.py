"""What fuzzy spelling-variant merging (rapidfuzz) buys on the gold set.

Run:  .venv/bin/python benchmarks/fuzzy_merge_bench.py
Extracts every gold article with the variant threshold on (85) and off (101: never
merges) and prints entity counts, variant merges and typed-triple TP/FP/FN. Not a test.
"""
import json, sys
sys.path.insert(0, '.')
import kg.extract.coref as coref
from kg.extract import Extractor
from kg.ingest import parse_document
from kg.eval import evaluate, load_gold
from pathlib import Path
ex = Extractor()
for thr in (85.0, 101.0):
    coref.VARIANT_THRESHOLD = thr
    tot = {"entities": 0, "variant_merges": 0, "tp": 0, "fp": 0, "fn": 0, "ptp": 0, "pfp": 0}
    for gold in sorted(Path('tests/gold').glob('*_gold.json')):
        g = load_gold(gold); art = Path('tests/gold/articles') / g['article']
        doc = ex.extract(parse_document(art.read_text(), art.name))
        tot["entities"] += len(doc.entities)
        tot["variant_merges"] += sum('variant' in m.reason for m in doc.merges)
        r = evaluate(g, [t.to_dict() for t in doc.triples])
        tot["tp"] += r.triples.tp; tot["fp"] += r.triples.fp; tot["fn"] += r.triples.fn
        tot["ptp"] += r.pairs.tp; tot["pfp"] += r.pairs.fp
    print(thr, tot)
