"""Who a works or a company belongs to (kg/extract/relations/ownership.py, appositions.py).

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

OPENED = "Norvik Motors opened a plant in Zaragoza in May. "


@pytest.mark.parametrize("text, site, operator", [
    ("Run by the local unit Norvik Iberia SA, the plant in Zaragoza will make 100,000 cars a year.",
     "Zaragoza plant", "Norvik Iberia SA"),
    (OPENED + "The plant, which is operated by Norvik Iberia, will make 100,000 cars a year.",
     "Norvik Motors Zaragoza plant", "Norvik Iberia"),
    (OPENED + "The plant is owned by Norvik Iberia.", "Norvik Motors Zaragoza plant", "Norvik Iberia"),
    ("The Lyon factory belongs to a joint venture between Norvik Motors and Arcos Holding.",
     "Lyon plant", "Norvik Motors-Arcos joint venture"),
])
def test_a_works_is_part_of_the_company_that_runs_or_owns_it(extractor, text, site, operator):
    assert (site, "partOf", operator) in facts(extract_text(extractor, text + "\n"))


def test_a_person_who_runs_a_plant_does_not_own_it(extractor):
    f = facts(extract_text(extractor, "The Norvik Motors plant in Lyon is run by Jan Holm.\n"))
    assert not any(p == "partOf" for _, p, _ in f), f


@pytest.mark.parametrize("text, company", [
    ("Velta Motor Company, an associated company of Arcos Holding, will assemble the cars.", "Velta Motor Company"),
    ("Velta Motor Company, an affiliate of Arcos Holding, will assemble the cars.", "Velta Motor Company"),
    # a local company's country in brackets is part of its name
    ("Velta Motor India (Private) Limited, an associated company of Arcos Holding, will assemble the cars.",
     "Velta Motor India (Private) Limited"),
])
def test_an_associated_company_is_part_of_its_group(extractor, text, company):
    assert (company, "partOf", "Arcos Holding") in facts(extract_text(extractor, text + "\n"))


def test_a_sister_company_is_no_part_of_the_other(extractor):
    f = facts(extract_text(extractor, "Velta Motor Company, a sister company of Arcos Holding, will assemble "
                                      "the cars.\n"))
    assert not any(p == "partOf" for _, p, _ in f), f


@pytest.mark.parametrize("text", [
    "Kestrel Energy counts Volkswagen and Goldman Sachs among its shareholders.",
    "Kestrel Energy grew fast. Its investors include Volkswagen and Goldman Sachs.",
])
def test_listed_shareholders_invest_in_the_company(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Volkswagen", "investsIn", "Kestrel Energy") in f and ("Goldman Sachs", "investsIn", "Kestrel Energy") in f, f


def test_listed_customers_do_not_invest(extractor):
    f = facts(extract_text(extractor, "Kestrel Energy counts Volkswagen and Toyota among its customers.\n"))
    assert not any(p == "investsIn" for _, p, _ in f), f


def test_a_unit_of_a_named_group_owned_by_another(extractor):
    f = facts(extract_text(extractor, "Scania, a unit of Volkswagen's Traton group, will invest.\n"))
    assert ("Scania", "partOf", "Traton") in f and ("Traton", "partOf", "Volkswagen") in f, f


def test_a_possessed_brand_is_no_owned_group(extractor):
    f = facts(extract_text(extractor, "Stellantis's Jeep brand sold more cars.\n"))
    assert not any(p == "partOf" for _, p, _ in f), f
