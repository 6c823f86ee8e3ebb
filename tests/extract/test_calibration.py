"""Rule confidences come from measured precision on the gold set."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.extract.calibration import (
    HEDGE_FACTOR,
    TABLE_PATH,
    calibrated,
    rule_confidences,
)
from tests.conftest import ROOT


def test_calibrated_confidence_uses_the_table_and_the_hedge():
    table = {"verb:meet:dobj": 0.9}
    assert calibrated("verb:meet:dobj", 0.5, False, table) == 0.9
    assert calibrated("verb:meet:dobj", 0.5, True, table) == round(0.9 * HEDGE_FACTOR, 3)
    assert calibrated("unknown:rule", 0.42, False, table) == 0.42


def test_shipped_table_is_well_formed():
    table = rule_confidences(TABLE_PATH)
    assert table and all(0.0 < v <= 1.0 for v in table.values())


@pytest.mark.slow
def test_table_matches_a_fresh_measurement():
    """Changing a rule means re-running scripts/calibrate_rules.py (it rewrites the table)."""
    res = subprocess.run([sys.executable, "scripts/calibrate_rules.py", "--check"], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, "kg/extract/rule_confidence.json is stale: run scripts/calibrate_rules.py"


def test_min_precision_drops_the_facts_of_imprecise_rules_and_never_for_a_hedge(extractor):
    """Facts of rules measured below the bar go; a hedged fact of a precise rule stays,
    though its own confidence is below the bar."""
    from kg.extract import Extractor
    from kg.ingest import parse_document

    text = ("Orvik Motors plans to build a battery plant in Kassel. Turkish Trade Minister Emre Aksoy said so at a "
            "press conference in Kassel.\n")
    loose = extractor.extract(parse_document(text, "-"))
    table = extractor.confidences
    hedged = [t for t in loose.triples if t.hedge]
    assert hedged, "the sentence gives hedged facts"
    bar = min(table.get(t.rule, 1.0) for t in hedged)  # every hedged fact's rule passes the bar
    assert any(t.confidence < bar for t in hedged)  # ... though the hedge put it below
    strict = Extractor(nlp=extractor.nlp, min_precision=bar)
    kept = {t.key for t in strict.extract(parse_document(text, "-")).triples}
    assert all(t.key in kept for t in hedged)
    below = [t for t in loose.triples if table.get(t.rule, 1.0) < bar]
    assert below and not any(t.key in kept for t in below)
