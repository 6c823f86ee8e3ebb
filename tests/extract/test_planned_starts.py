"""When a works is to start (kg/extract/relations/production.py, start_rule).

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline

FIRST = "Orvane Cells will build a battery plant in Nashville"


@pytest.mark.parametrize("text", [
    f"{FIRST}, with mass production slated for the second half of 2027.",
    f"{FIRST}, with output scheduled for 2027.",
    f"{FIRST}. The plant is expected to be completed by 2027.",
    f"{FIRST}. The factory is to be completed by 2027, the company said.",
    f"{FIRST}. The plant is scheduled to be finished in 2027.",
])
def test_a_planned_start_in_a_with_phrase_or_a_completion_date(extractor, text):
    doc = extract_text(extractor, text + "\n")
    starts = {(t.subject.label, t.object.label) for t in doc.triples if t.predicate == "plannedStart"}
    assert {(s, o[:4]) for s, o in starts} == {("Orvane Cells Nashville battery plant", "2027")}, doc.triples


@pytest.mark.parametrize("text", [
    f"{FIRST}. Its first plant was completed in 2023.",
    f"{FIRST}. The company has completed its plant in Ohio in 2023.",
    f"{FIRST}. The meeting is scheduled for May 2027.",
])
def test_a_completion_that_happened_or_a_meeting_plans_no_start(extractor, text):
    doc = extract_text(extractor, text + "\n")
    assert not [t for t in doc.triples if t.predicate == "plannedStart"], doc.triples
