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


@pytest.mark.parametrize("text, site", [
    ("Orvane Lithium began output from its Mariana project on Wednesday.", "Mariana project"),
    ("Orvane Lithium said it had started production at its Salar del Norte brine project.",
     "Salar del Norte project"),
    ("Orvane Lithium has started production at its Lyon plant.", "Orvane Lithium Lyon plant"),
])
def test_a_company_that_began_output_at_its_works_opened_it(extractor, text, site):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Orvane Lithium", "launched", site) in f, f


def test_a_start_still_to_come_opens_nothing(extractor):
    f = facts(extract_text(extractor, "Orvane Lithium will start production at its Lyon plant in 2027.\n"))
    assert not any(p == "launched" for _, p, _ in f), f


def test_what_a_works_cost_does_not_set_it_apart_from_the_storys_works(extractor):
    text = ("Orvane Lithium began output from its Salar del Norte project on Wednesday. The $780 million project, "
            "a joint venture with Japan's Hoshino Trading, is designed to produce 40,000 tonnes of lithium carbonate "
            "a year.\n")
    doc = extract_text(extractor, text)
    f = facts(doc)
    assert ("Salar del Norte project", "investmentValue", "780 million USD") in f, f
    assert ("Salar del Norte project", "capacity", "40000 tonnes") in f, f
    assert ("Hoshino Trading", "nationality", "Japan") in f, f


@pytest.mark.parametrize("text", [
    f"{FIRST}. The plant will open in 2027.",
    f"{FIRST}, which is due to open in 2027.",
    f"{FIRST}. The factory is expected to open in 2027.",
    f"{FIRST}. It will make 50,000 tonnes a year when it opens in 2027.",
])
def test_a_works_that_will_open_plans_its_start(extractor, text):
    doc = extract_text(extractor, text + "\n")
    starts = {(t.subject.label, t.object.label[:4]) for t in doc.triples if t.predicate == "plannedStart"}
    assert starts == {("Orvane Cells Nashville battery plant", "2027")}, doc.triples


@pytest.mark.parametrize("text", [
    "Orvane Cells opened its battery plant in Nashville in 2023.",
    "Orvane Cells said the talks would open in 2027.",
])
def test_opening_a_works_or_talks_plans_no_start(extractor, text):
    doc = extract_text(extractor, text + "\n")
    assert not [t for t in doc.triples if t.predicate == "plannedStart"], doc.triples


@pytest.mark.parametrize("text, rel, year", [
    ("The plant is expected to be operational by the end of 2026.", "plannedStart", "2026"),
    ("It will go into operation in 2026.", "plannedStart", "2026"),
    ("The plant became operational in 2020.", "launched", "2020"),
])
def test_a_works_that_will_be_or_became_operational(extractor, text, rel, year):
    doc = extract_text(extractor, "Zhenhua Motors will build a bus plant in Mombasa. " + text + "\n")
    assert ("Zhenhua Motors Mombasa bus plant", rel, year) in facts(doc), facts(doc)


def test_a_works_coming_online_in_a_relative_clause(extractor):
    doc = extract_text(extractor, "Zhenhua Motors will build a bus plant in Mombasa, which will come online in 2027.\n")
    assert ("Zhenhua Motors Mombasa bus plant", "plannedStart", "2027") in facts(doc), facts(doc)
