"""Whom a tariff is on (kg/extract/relations/ventures.py noun rules, base.py origins).

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


@pytest.mark.parametrize("text, imposer, target", [
    ("Canada will impose a 25% surtax on steel and aluminum products from China starting Dec. 1.", "Canada", "China"),
    ("Canada will impose a 25% surtax on steel from China.", "Canada", "China"),
    ("Canada already imposes a 100% tariff on Chinese-made electric vehicles.", "Canada", "China"),
    ("Brazil raised its import tariff on Chinese-built electric cars to 35%.", "Brazil", "China"),
    ("Türkiye imposed a 40% duty on vehicles made in China.", "Türkiye", "China"),
])
def test_a_tariff_is_on_the_country_the_goods_come_from(extractor, text, imposer, target):
    f = facts(extract_text(extractor, text + "\n"))
    assert (imposer, "imposesTariffOn", target) in f, f


@pytest.mark.parametrize("text", [
    "Canada imposed tariffs on steel from Monday.",
    "Canada will impose a 25% surtax on steel, the minister said in a speech from Ottawa.",
])
def test_a_from_phrase_that_names_no_country_puts_no_tariff_on_anyone(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert not any(p == "imposesTariffOn" for _, p, _ in f), f


@pytest.mark.parametrize("text, rate", [
    ("Brazil will impose a 35 per cent tariff on Chinese bicycles.", "35%"),
    ("Brazil will add a 35 per cent surtax, on top of the 6.1 per cent tariff that Brazil already charges.", "6.1%"),
    ("From March 1, every electric bicycle made in Vietnam will carry a 40 per cent surtax, Brazil's finance "
     "ministry said.", "40%"),
])
def test_a_rate_written_per_cent_is_the_states(extractor, text, rate):
    doc = extract_text(extractor, text + "\n")
    rates = {(t.subject.label, t.object.label) for t in doc.triples if t.predicate == "tariffRate"}
    assert ("Brazil", rate) in rates, rates


def test_the_owner_of_a_duty_sets_its_rate_not_the_clauses_subject(extractor):
    doc = extract_text(extractor, "The European Commission opened a probe into bicycles imported from Vietnam, "
                       "on top of the EU's standard 10% duty on imported bicycles.\n")
    rates = {(t.subject.label, t.object.label) for t in doc.triples if t.predicate == "tariffRate"}
    assert rates == {("EU", "10%")}, rates


def test_a_rate_in_a_while_clause_is_that_clauses_states(extractor):
    doc = extract_text(extractor, "Turkey imposed an additional 40% tariff on cars imported from China last month, "
                                  "while Canada announced a 100% surtax on Chinese EVs in August.\n")
    rates = {(t.subject.label, t.object.number) for t in doc.triples if t.predicate == "tariffRate"}
    assert rates == {("Türkiye", 40.0), ("Canada", 100.0)}, rates


@pytest.mark.parametrize("sentence, rate", [
    ("Carmaker Zhenhua will face an extra 21.3%.", 21.3),
    ("Companies that did not cooperate will be charged 38.1%.", 38.1),
])
def test_the_rate_a_maker_faces_or_is_charged(extractor, sentence, rate):
    doc = extract_text(extractor, "The EU will impose duties on Chinese EVs. " + sentence + "\n")
    rates = {(t.subject.label, t.object.number) for t in doc.triples if t.predicate == "tariffRate"}
    assert ("EU", rate) in rates, rates
