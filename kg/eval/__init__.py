"""Score extraction against hand-made gold files, one article or a folder of them.

`kg.eval.gold` reads and validates gold files, `kg.eval.score` matches predictions with gold
facts, `kg.eval.corpus` scores a folder and aggregates, `kg.eval.report` renders text.
This package imports neither spaCy nor rdflib.
"""

from kg.eval.gold import (
    article_body,
    check_evidence,
    is_name,
    load_gold,
    normalize_name,
    parse_number,
    validate_gold,
)
from kg.eval.report import format_report
from kg.eval.score import EvalReport, Score, evaluate, evaluate_file

__all__ = [
    "EvalReport",
    "Score",
    "article_body",
    "check_evidence",
    "evaluate",
    "evaluate_file",
    "format_report",
    "is_name",
    "load_gold",
    "normalize_name",
    "parse_number",
    "validate_gold",
]
