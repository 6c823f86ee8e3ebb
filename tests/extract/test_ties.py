"""Ties between states and companies said with a shared subject: "A and B agreed to deepen
cooperation", and bilateral trade reported by one side (kg/extract/relations/verbs.py,
amounts.py).

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


def linked(found, rel: str) -> set[frozenset[str]]:  # noqa: ANN001
    return {frozenset((s, o)) for s, p, o in found if p == rel}


@pytest.mark.parametrize("text", [
    "Chile and Peru agreed on Wednesday to deepen cooperation on lithium.",
    "Chile and Peru pledged closer cooperation in copper processing.",
    "Chile and Peru agreed to expand their partnership in mining.",
    "Chile and Peru agreed to strengthen ties in mining.",
    "Chile and Peru agreed to cooperate on lithium.",
])
def test_two_states_that_deepen_cooperation_cooperate(extractor, text):
    found = facts(extract_text(extractor, text + "\n"))
    assert frozenset({"Chile", "Peru"}) in linked(found, "cooperatesWith"), found


def test_two_companies_that_agree_to_collaborate_partner(extractor):
    found = facts(extract_text(extractor, "Velan Energy and Tarsk Mining agreed to collaborate on recycling.\n"))
    assert frozenset({"Velan Energy", "Tarsk Mining"}) in linked(found, "partnersWith"), found


@pytest.mark.parametrize("text", [
    "Chile and Peru discussed Peru's cooperation with Bolivia.",
    "Chile wants closer cooperation, the minister said.",
])
def test_cooperation_of_others_or_of_one_is_no_tie_between_the_subjects(extractor, text):
    found = facts(extract_text(extractor, text + "\n"))
    assert frozenset({"Chile", "Peru"}) not in linked(found, "cooperatesWith"), found


@pytest.mark.parametrize("tail", ["", ", Chile's trade ministry said"])
def test_trade_between_the_two_countries_reported_by_one_of_them(extractor, tail):
    text = f"Chile and Peru signed a deal. Bilateral trade between the two countries reached $14.1 billion last year{tail}.\n"
    found = facts(extract_text(extractor, text))
    assert frozenset({"Chile", "Peru"}) in linked(found, "tradesWith"), found
    assert any(p == "tradeValue" and o == "14.1 billion USD" for s, p, o in found), found


@pytest.mark.parametrize("text", [
    "A memorandum of understanding between Velan Energy and Tarsk Mining was signed on Monday.",
    "The ministers witnessed the signing of a memorandum of understanding between state-owned miner "
    "Velan Energy and Korean carmaker Tarsk Mining on nickel supply.",
])
def test_a_memorandum_of_understanding_between_two_parties(extractor, text):
    found = facts(extract_text(extractor, text + "\n"))
    assert frozenset({"Velan Energy", "Tarsk Mining"}) in linked(found, "cooperatesWith"), found
