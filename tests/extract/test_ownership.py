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


@pytest.mark.parametrize("text, unit, parent", [
    ("Memory maker Samsung SDI and KX On, the battery arm of KX Innovation, both run plants in Hungary.",
     "KX On", "KX Innovation"),
    ("Korin Chem, the battery materials unit of Korin Holdings, said it would build a plant in Poland.",
     "Korin Chem", "Korin Holdings"),
    ("Brimco Industries said its wholly owned subsidiary Brimco Power Holdings would invest $100 million.",
     "Brimco Power Holdings", "Brimco Industries"),
    ("Brimco said its battery unit Brimco Cells had raised $50 million.", "Brimco Cells", "Brimco"),
])
def test_a_unit_described_by_its_owner_is_part_of_it(extractor, text, unit, parent):
    f = facts(extract_text(extractor, text + "\n"))
    assert (unit, "partOf", parent) in f, f


def test_a_parent_named_with_group_or_holdings_is_no_short_name_of_its_unit(extractor):
    doc = extract_text(extractor, "Korin Chem will supply cells to Velmar. Korin Holdings owns 60 percent "
                                  "of Korin Chem.\n")
    labels = {e.label for e in doc.entities if e.type == "Organization"}
    assert {"Korin Chem", "Korin Holdings"} <= labels, labels


@pytest.mark.parametrize("text, unit, parent", [
    ("Norvik Motors sold 40,000 cars in Canada last year. Jean Martin, president of Norvik Canada, said "
     "sales would grow. Norvik plans a second plant.", "Norvik Canada", "Norvik"),
    ("Velmar said its sales in the region doubled. Velmar Central Asia sold 5,000 cars.",
     "Velmar Central Asia", "Velmar"),
    ("Brimco named a new chief. Brimco Europe will move to Amsterdam.", "Brimco Europe", "Brimco"),
])
def test_a_company_named_after_another_and_a_region_is_its_unit_there(extractor, text, unit, parent):
    f = facts(extract_text(extractor, text + "\n"))
    assert (unit, "partOf", parent) in f, f


def test_a_company_named_after_another_and_a_word_that_is_no_place_is_no_unit(extractor):
    f = facts(extract_text(extractor, "Brimco Industries signed a deal. Brimco said Brimco Energy will supply the "
                                      "cells, and Brimco Europe will sell them.\n"))
    assert any(s == "Brimco Europe" and p == "partOf" for s, p, _ in f), f  # the same story has a unit
    assert not any(s == "Brimco Energy" and p == "partOf" for s, p, _ in f), f


@pytest.mark.parametrize("text", [
    "Nordcell signed a supply agreement last year with German carmaker Brenner Motors, which owns a 10% "
    "stake in the company.",
    "Velmar Motors buys its cells from Brenner Energy, which holds a 5% stake in the carmaker.",
])
def test_a_stake_held_by_a_company_in_a_relative_clause_is_in_the_other_company(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    held = [(s, o) for s, p, o in f if p == "investsIn"]
    assert held and all(s != o for s, o in held) and held[0][0].startswith("Brenner"), f


def test_a_state_does_not_invest_in_itself(extractor):
    f = facts(extract_text(extractor, "Nordcell AB will build a gigafactory in Slovakia, the company and the Slovak "
                                      "government said on Tuesday, the largest foreign investment in the country.\n"))
    assert not any(p == "investsIn" and s.startswith("Government") for s, p, _ in f), f


@pytest.mark.parametrize("text", [
    "The shipyard is operated by Lumina's parent, Viet Industrial Group.",
    "Lumina Auto said its parent company, Viet Industrial Group, would pay for the plant.",
    "Viet Industrial Group, Lumina Auto's parent company, will pay.",
    "Viet Industrial Group, the parent of Lumina Auto, will pay.",
])
def test_a_parent_named_beside_its_unit_owns_it(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert any(s.startswith("Lumina") and p == "partOf" and o == "Viet Industrial Group" for s, p, o in f), f


def test_a_former_owner_owns_nothing(extractor):
    f = facts(extract_text(extractor, "Viet Industrial Group, the former owner of Lumina Auto, will pay.\n"))
    assert not any(p == "partOf" for _, p, _ in f), f


@pytest.mark.parametrize("text, unit, owner", [
    ("Kessler-owned Orvane Motors will build a plant in Slovakia.", "Orvane Motors", "Kessler"),
    ("Kessler-controlled Orvane Cells posted a loss.", "Orvane Cells", "Kessler"),
])
def test_a_company_named_owner_hyphen_owned_is_part_of_the_owner(extractor, text, unit, owner):
    assert (unit, "partOf", owner) in facts(extract_text(extractor, text + "\n"))


def test_state_owned_names_no_owner(extractor):
    f = facts(extract_text(extractor, "State-owned Orvane Motors will build a plant.\n"))
    assert not any(p == "partOf" for _, p, _ in f), f


@pytest.mark.parametrize("text", [
    "Orvane Motors named Anna Berg chief executive on Monday.",
    "Orvane Motors named Anna Berg its new chief executive on Monday.",
])
def test_a_company_naming_someone_to_a_bare_title_gives_its_office(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Anna Berg", "holdsPosition", "Chief Executive of Orvane Motors") in f, f


@pytest.mark.parametrize("text", [
    "Orvane Mining, through its subsidiary Tarvo Minerals, will run the mine.\n",
    "Orvane Mining said its unit Tarvo Minerals will run the mine.\n",
    "Orvane Mining's subsidiary Tarvo Minerals will run the mine.\n",
])
def test_its_subsidiary_x_is_part_of_the_owner(extractor, text):
    assert ("Tarvo Minerals", "partOf", "Orvane Mining") in facts(extract_text(extractor, text))


@pytest.mark.parametrize("text", [
    "Kestrel Batteries is sticking to plans to open its factory in Wroclaw next year.\n",
    "Kestrel Batteries said it hopes to start building its factory in Wroclaw next year.\n",
])
def test_a_works_a_company_calls_its_own_is_named_for_it(extractor, text):
    f = facts(extract_text(extractor, text))
    assert ("Kestrel Batteries Wroclaw plant", "locatedIn", "Wrocław") in f, f


def test_a_countrys_first_plant_is_not_built_by_the_country(extractor):
    f = facts(extract_text(extractor, "The partners would set up Pakistan's first assembly plant for electric "
                           "buses near Karachi.\n"))
    assert not any(p == "builds" and s == "Pakistan" for s, p, _ in f), f


@pytest.mark.parametrize("text, buyer, target", [
    ("Velan Energy sold a 10% stake in Tarsk Mining to Korvo Holdings.", "Korvo Holdings", "Tarsk Mining"),
    ("Andes Litio agreed to sell a 49% stake in its Salar Blanco project in northern Argentina to Japan's "
     "Kaito Trading for $950 million.", "Kaito Trading", "Salar Blanco project"),
])
def test_the_buyer_of_a_stake_invests(extractor, text, buyer, target):
    found = facts(extract_text(extractor, text + "\n"))
    invested = {(s, o) for s, p, o in found if p == "investsIn"}
    assert invested == {(buyer, target)}, found


def test_a_stake_for_sale_to_no_one_named_is_no_investment(extractor):
    found = facts(extract_text(extractor, "Velan Energy will sell its stake in Tarsk Mining.\n"))
    assert not [f for f in found if f[1] == "investsIn"], found
