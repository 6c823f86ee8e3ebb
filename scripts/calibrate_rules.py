"""Measure each extraction rule's precision on the gold set and write it as its confidence.

Run:  .venv/bin/python scripts/calibrate_rules.py            # writes kg/extract/rule_confidence.json
      .venv/bin/python scripts/calibrate_rules.py --check    # exit 1 if the file is out of date

For every gold article (tests/gold and the development corpus in tests/gold/dev, less the
articles held out for measuring), kg extracts with the rules' prior (hand-set) confidences; each
prediction that matches a gold triple counts for its rule, each that matches nothing counts
against it (redundant ones, which restate a matched fact, count for neither, and so do those
unmatched only because a plant is named otherwise than in the gold). The written
confidence is the precision smoothed towards the prior: (tp + K·prior) / (tp + fp + K), so
a rule seen twice does not jump to 1.0. Rules the gold never exercises keep their prior.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.eval import evaluate, load_gold  # noqa: E402
from kg.extract import Extractor  # noqa: E402
from kg.extract.calibration import TABLE_PATH  # noqa: E402
from kg.ingest import parse_document  # noqa: E402

K = 2.0
GOLD = ROOT / "tests" / "gold"


# Development-corpus articles kept out of every measurement that tunes kg, calibration
# included, so that scoring them shows how kg does on news it was not fitted to.
HELD_OUT = ("am05", "ap03", "cn04", "eu05", "mi04", "na03", "po02", "tr04")


def gold_pairs() -> list[tuple[Path, Path]]:
    """(gold file, article) for every gold file whose article is present: the test stories
    and the development corpus, less its held-out articles."""
    pairs = []
    for gold in sorted(GOLD.glob("*_gold.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        article = GOLD / "articles" / data["article"]
        if article.exists():
            pairs.append((gold, article))
    for gold in sorted((GOLD / "dev").glob("*.gold.json")):
        article = gold.with_name(gold.name.removesuffix(".gold.json") + ".txt")
        if article.exists() and not article.name.startswith(HELD_OUT):
            pairs.append((gold, article))
    return pairs


def _site_named_otherwise(u: dict) -> bool:
    """Whether a prediction is unmatched only because a site (a plant kg names from owner,
    town and kind) is named otherwise in the gold, or is one the gold leaves out: that
    measures the naming, not the rule, so it counts neither for nor against the rule."""
    hint = u.get("hint", "")
    return (u.get("s_type") == "Place" and f"subject {u['s']!r}: not a gold entity" in hint) or (
        u.get("o_type") == "Place" and f"object {u['o']!r}: not a gold entity" in hint)


def measure() -> dict[str, dict[str, float]]:
    """Per-rule tp, fp, prior and calibrated confidence over the gold set."""
    extractor = Extractor(calibrated=False)
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    prior: dict[str, list[float]] = defaultdict(list)
    for gold, article in gold_pairs():
        doc = extractor.extract(parse_document(article.read_text(encoding="utf-8"), article.name))
        for t in doc.triples:
            if not t.hedge:
                prior[t.rule].append(t.confidence)
        report = evaluate(load_gold(gold), [t.to_dict() for t in doc.triples])
        for m in report.matches:
            tp[m["prediction"]["rule"]] += 1
        for u in report.unmatched:
            if _site_named_otherwise(u):
                continue
            fp[u["rule"]] += 1
    table = {}
    for rule in sorted(set(tp) | set(fp)):
        p = max(prior[rule]) if prior[rule] else 0.7
        table[rule] = {"tp": tp[rule], "fp": fp[rule], "prior": round(p, 3),
                       "confidence": round((tp[rule] + K * p) / (tp[rule] + fp[rule] + K), 3)}
    return table


def main() -> None:
    """Write (or check) the calibration table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    table = measure()
    text = json.dumps(table, indent=1, sort_keys=True) + "\n"
    if args.check:
        current = TABLE_PATH.read_text(encoding="utf-8") if TABLE_PATH.exists() else ""
        sys.exit(0 if current == text else 1)
    TABLE_PATH.write_text(text, encoding="utf-8")
    for rule, row in table.items():
        print(f"{rule:40} tp={row['tp']:3} fp={row['fp']:3} prior={row['prior']:.2f} -> {row['confidence']:.2f}")


if __name__ == "__main__":
    main()
