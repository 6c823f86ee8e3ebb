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
