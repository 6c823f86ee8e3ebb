"""Reports as text: one article's scores, with the facts to read."""

from __future__ import annotations

from typing import Any, Mapping

from kg.eval.score import EvalReport


def _fmt_triple(item: Mapping[str, Any]) -> str:
    return f"{item.get('s')} -{item.get('p')}-> {item.get('o')}"


def _clip(text: Any, width: int = 110) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_report(report: EvalReport, show_misses: bool = False) -> str:
    """Render a report as text; show_misses adds missed core facts and unmatched predictions."""
    c = report.counts
    lines = [
        f"Gold: {report.gold} ({c['gold_triples']} triples, {c['gold_core']} core; "
        f"{c['gold_pairs']} entity pairs, {c['gold_core_pairs']} core)",
        f"Predictions: {c['predictions']} read, {c['scored']} scored "
        f"({c['duplicates']} duplicates removed, {c['open_predicate']} open-predicate and "
        f"{c['below_confidence']} below-confidence set aside; {c['redundant']} redundant)",
        "",
        f"{'':16}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}",
    ]
    for name, score in (("typed triples", report.triples), ("  core", report.triples_core),
                        ("entity pairs", report.pairs), ("  core", report.pairs_core)):
        lines.append(f"{name:16}{score.precision:7.3f}{score.recall:7.3f}{score.f1:7.3f}"
                     f"{score.tp:6d}{score.fp:6d}{score.fn:6d}")
    lines.append(f"Matched triples with gold entity types: {c['type_agreement']} of "
                 f"{report.triples.tp}")
    lines.append("The gold is not exhaustive: read the unmatched predictions before quoting "
                 "precision.")
    if show_misses:
        lines += ["", f"Missed core facts ({len(report.missed_core)}):"]
        for m in report.missed_core:
            near = m.get("predicted_relations_for_pair")
            extra = f"  [pair predicted as {', '.join(near)}]" if near else ""
            lines.append(f"  {m.get('id', '')}  {_fmt_triple(m)}{extra}")
            lines.append(f"      \"{_clip(m.get('evidence'))}\"")
        lines += ["", f"Predictions that matched nothing ({len(report.unmatched)}):"]
        for u in report.unmatched:
            lines.append(f"  {_fmt_triple(u)}  [{u.get('rule', '?')}, "
                         f"{u.get('confidence', '?')}]  {u['hint']}")
            lines.append(f"      \"{_clip(u.get('evidence'))}\"")
    return "\n".join(lines)
