"""Score a folder of gold articles: per-article rows, the micro-average and a per-relation table.

A folder holds `NAME.gold.json` beside `NAME.txt` (the development corpus layout) or
`NAME_gold.json` with the gold's `article` file beside it or under `articles/`.  Extraction
is passed in as a function, so this module stays free of spaCy.
"""

from __future__ import annotations

import fnmatch
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import GoldError
from kg.eval.gold import load_gold
from kg.eval.score import MISS_CLASSES, EvalReport, Score, evaluate


@dataclass(frozen=True)
class GoldArticle:
    """One gold file and the article text it describes."""

    name: str
    gold_path: Path
    article_path: Path


@dataclass
class RelationRow:
    """Precision and recall of one relation over a corpus, with why its gold facts were missed."""

    relation: str
    gold: int = 0
    gold_core: int = 0
    found: int = 0  # gold facts matched
    found_core: int = 0
    predicted_tp: int = 0  # predictions with this relation that matched a gold fact
    predicted_fp: int = 0  # predictions with this relation that matched nothing
    misses: Counter = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        """Matched predictions over scored predictions with this relation."""
        n = self.predicted_tp + self.predicted_fp
        return self.predicted_tp / n if n else 0.0

    @property
    def recall(self) -> float:
        """Matched gold facts over gold facts with this relation."""
        return self.found / self.gold if self.gold else 0.0

    @property
    def core_recall(self) -> float:
        """Matched core gold facts over core gold facts with this relation."""
        return self.found_core / self.gold_core if self.gold_core else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The row as plain JSON values."""
        return {"relation": self.relation, "gold": self.gold, "gold_core": self.gold_core,
                "found": self.found, "found_core": self.found_core,
                "predicted_tp": self.predicted_tp, "predicted_fp": self.predicted_fp,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "core_recall": round(self.core_recall, 4),
                "misses": {k: self.misses.get(k, 0) for k in MISS_CLASSES}}


@dataclass
class CorpusReport:
    """Scores of every article of a folder, their micro-average and the per-relation table."""

    folder: str
    articles: list[tuple[str, EvalReport]]
    triples: Score
    triples_core: Score
    relations: list[RelationRow]

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        """The report as plain JSON values; details adds each article's full report."""
        rows = []
        for name, r in self.articles:
            row = {"article": name, "triples": r.triples.to_dict(),
                   "core": r.triples_core.to_dict(), "predictions": r.counts["scored"],
                   "gold_triples": r.counts["gold_triples"]}
            if details:
                row["report"] = r.to_dict()
            rows.append(row)
        return {"folder": self.folder, "articles": rows,
                "micro": {"triples": self.triples.to_dict(), "core": self.triples_core.to_dict()},
                "relations": [row.to_dict() for row in self.relations]}


def find_gold_articles(folder: str | Path, only: Iterable[str] = (),
                       exclude: Iterable[str] = ()) -> list[GoldArticle]:
    """The gold files of a folder paired with their articles, sorted by name.

    `only` and `exclude` are glob patterns on the article name (e.g. `eu0*`).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"not a folder: {folder}")
    only, exclude = list(only), list(exclude)
    found: list[GoldArticle] = []
    for gold_path in sorted([*folder.glob("*.gold.json"), *folder.glob("*_gold.json")]):
        name = gold_path.name.removesuffix(".gold.json").removesuffix("_gold.json")
        if only and not any(fnmatch.fnmatch(name, p) for p in only):
            continue
        if any(fnmatch.fnmatch(name, p) for p in exclude):
            continue
        found.append(GoldArticle(name, gold_path, _article_for(gold_path, name)))
    if not found:
        raise GoldError(f"no gold files (*.gold.json or *_gold.json) selected in {folder}")
    return found


def _article_for(gold_path: Path, name: str) -> Path:
    folder = gold_path.parent
    candidates = [folder / f"{name}.txt"]
    article = load_gold(gold_path).get("article")
    if isinstance(article, str) and article:
        candidates += [folder / article, folder / "articles" / article]
    for path in candidates:
        if path.is_file():
            return path
    raise GoldError(f"{gold_path}: no article found (looked for "
                    f"{', '.join(str(p) for p in candidates)})")


def evaluate_corpus(articles: list[GoldArticle],
                    extract: Callable[[GoldArticle], list[dict]],
                    folder: str = "", **options: Any) -> CorpusReport:
    """Extract and score every article; options are those of `kg.eval.evaluate`."""
    reports = [(a.name, evaluate(load_gold(a.gold_path), extract(a), **options))
               for a in articles]
    return aggregate(reports, folder)


def aggregate(reports: list[tuple[str, EvalReport]], folder: str = "") -> CorpusReport:
    """Micro-average and per-relation table of per-article reports."""
    total, core = Score(), Score()
    rows: dict[str, RelationRow] = {}

    def row(p: str) -> RelationRow:
        return rows.setdefault(p, RelationRow(p))

    for _, r in reports:
        for mine, theirs in ((total, r.triples), (core, r.triples_core)):
            mine.tp += theirs.tp
            mine.fp += theirs.fp
            mine.fn += theirs.fn
        for m in r.matches:
            g = row(m["gold"]["p"])
            g.gold += 1
            g.found += 1
            if m["gold"].get("core"):
                g.gold_core += 1
                g.found_core += 1
            row(m["prediction"]["p"]).predicted_tp += 1
        for m in r.missed:
            g = row(m["p"])
            g.gold += 1
            g.gold_core += bool(m.get("core"))
            g.misses[m.get("miss", "both_missing")] += 1
        for u in r.unmatched:
            row(u["p"]).predicted_fp += 1
    ordered = sorted(rows.values(), key=lambda x: (-x.gold, -x.predicted_fp, x.relation))
    return CorpusReport(folder, reports, total, core, ordered)


def format_corpus(report: CorpusReport) -> str:
    """Per-article table, micro-average and per-relation table as text."""
    width = max([len(n) for n, _ in report.articles] + [7])
    head = f"{'article':{width}}{'P':>7}{'R':>7}{'coreR':>7}{'pred':>6}{'gold':>6}{'core':>6}"
    lines = [head]
    for name, r in report.articles:
        lines.append(f"{name:{width}}{r.triples.precision:7.3f}{r.triples.recall:7.3f}"
                     f"{r.triples_core.recall:7.3f}{r.counts['scored']:6d}"
                     f"{r.counts['gold_triples']:6d}{r.counts['gold_core']:6d}")
    t, c = report.triples, report.triples_core
    lines += [
        "",
        f"micro-average over {len(report.articles)} articles: precision {t.precision:.3f} "
        f"(TP {t.tp}, FP {t.fp}), recall {t.recall:.3f}, core recall {c.recall:.3f} "
        f"({c.tp} of {c.tp + c.fn})",
        "",
        "per relation (gold facts missed because: other = the pair was found with another "
        "relation, unlinked = both entities found but not linked, one = one entity missing, "
        "none = neither found)",
        f"{'relation':22}{'gold':>6}{'core':>6}{'R':>7}{'coreR':>7}{'TP':>5}{'FP':>5}{'P':>7}"
        f"{'other':>7}{'unlinked':>9}{'one':>5}{'none':>6}",
    ]
    for x in report.relations:
        m = x.misses
        lines.append(
            f"{x.relation:22}{x.gold:6d}{x.gold_core:6d}{x.recall:7.3f}{x.core_recall:7.3f}"
            f"{x.predicted_tp:5d}{x.predicted_fp:5d}{x.precision:7.3f}"
            f"{m['other_relation']:7d}{m['entities_unlinked']:9d}"
            f"{m['one_entity_missing']:5d}{m['both_missing']:6d}")
    return "\n".join(lines)
