"""Who a sentence's agreement, descriptor or pronoun points to (kg/extract/relations/base.py,
appositions.py, coref.py, mentions.py, type_votes.py).

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


@pytest.mark.parametrize("text, signers, plant", [
    ("Indonesia's state miner Arvanta signed an agreement with Germany's Kessler Zellwerk AG to develop a "
     "nickel processing facility in Sulawesi.", ("Arvanta", "Kessler Zellwerk AG"),
     "Arvanta-Kessler Zellwerk Sulawesi nickel facility"),
    ("Dorvan Motors signed a deal with Pelta Chemicals on Monday to build a cathode plant in Izmir.",
     ("Dorvan Motors", "Pelta Chemicals"), "Dorvan Motors-Pelta Chemicals Izmir cathode plant"),
    ("Velko Group has signed a memorandum with Ostra Energy to construct a battery factory in Gdansk, "
     "the companies said.", ("Velko Group", "Ostra Energy"), "Velko Group-Ostra Energy Gdansk battery plant"),
])
def test_both_parties_to_an_agreement_to_build_build_the_plant(extractor, text, signers, plant):
    f = facts(extract_text(extractor, text + "\n"))
    for s in signers:
        assert (s, "builds", plant) in f, f


def test_an_agreement_to_build_with_a_person_does_not_make_the_person_a_builder(extractor):
    f = facts(extract_text(extractor, "Dorvan Motors signed an agreement with Governor Alan Pike to build "
                                      "a cathode plant in Izmir.\n"))
    assert not any(s == "Alan Pike" and p == "builds" for s, p, _ in f), f


@pytest.mark.parametrize("text, company, country", [
    ("Indonesia's state-owned miner Arvanta signed a supply deal on Monday.", "Arvanta", "Indonesia"),
    ("South Korea's biggest battery maker Voltcell will supply the cells.", "Voltcell", "South Korea"),
    ("Brazil's largest steel company Ferrona said profits fell.", "Ferrona", "Brazil"),
])
def test_a_country_possessive_before_a_described_name_gives_its_nationality(extractor, text, company, country):
    assert (company, "nationality", country) in facts(extract_text(extractor, text + "\n"))


def test_a_country_possessive_describes_only_the_name_after_its_own_noun(extractor):
    f = facts(extract_text(extractor, "Japan's trade ministry said Velko Group would invest in the plan.\n"))
    assert not any(p == "nationality" and s == "Velko Group" for s, p, _ in f), f


@pytest.mark.parametrize("text, plant, place", [
    ("Arvanta Energy will build a nickel smelter on Sulawesi island.", "Arvanta Energy Sulawesi nickel smelter",
     "Sulawesi"),
    ("Arvanta Energy will build a nickel smelter on the island of Sulawesi.",
     "Arvanta Energy Sulawesi nickel smelter", "Sulawesi"),
    ("Arvanta Energy will build a battery plant on the outskirts of Lyon, France.",
     "Arvanta Energy Lyon battery plant", "Lyon"),
    ("Arvanta Energy will develop a cathode plant on the edge of Gdansk.", "Arvanta Energy Gdansk cathode plant",
     "Gdańsk"),
])
def test_a_plant_on_an_island_or_on_the_outskirts_of_a_town_is_there(extractor, text, plant, place):
    f = facts(extract_text(extractor, text + "\n"))
    assert (plant, "locatedIn", place) in f, f
    assert ("Arvanta Energy", "builds", plant) in f, f


@pytest.mark.parametrize("text", [
    "Kessler Zellwerk, based in Stuttgart, makes battery cells for German carmakers. Its chief executive, "
    "Anna Vogt, said demand was strong.",
    "Kessler Zellwerk, headquartered in Stuttgart, supplies carmakers. Its chief executive, Anna Vogt, "
    "spoke on Monday.",
])
def test_a_name_based_somewhere_is_a_company_and_its_chief_executive_is_its(extractor, text):
    doc = extract_text(extractor, "Germany's Kessler Zellwerk signed a deal with Arvanta.\n\n" + text + "\n")
    f = facts(doc)
    types = {t.subject.label: t.subject.type for t in doc.triples}
    assert types.get("Kessler Zellwerk") == "Organization", doc.triples
    assert ("Anna Vogt", "holdsPosition", "Chief Executive of Kessler Zellwerk") in f, f
    assert not any(o == "Chief Executive of Germany" for _, _, o in f), f


@pytest.mark.parametrize("speaker", ["Rosan", "Roeslani"])
def test_a_person_named_by_first_or_last_name_alone_stays_the_person(extractor, speaker):
    text = (f"Investment Minister Rosan Roeslani said on Tuesday the plant would open in 2027.\n\n"
            f"{speaker} told reporters in Jakarta that the company would hire 900 people.\n")
    types = {m.text: m.type for m in extractor.nlp(text)._.kg_mentions}
    assert types.get(speaker) == "Person", types


def test_the_partner_to_a_deal_to_buy_is_not_a_buyer(extractor):
    f = facts(extract_text(extractor, "Dorvan Motors signed an agreement with Pelta Chemicals to acquire a "
                                      "20% stake in Ostra Energy.\n"))
    assert ("Dorvan Motors", "investsIn", "Ostra Energy") in f, f
    assert not any(s == "Pelta Chemicals" and p == "investsIn" for s, p, _ in f), f


@pytest.mark.parametrize("text, company, country", [
    ("Hanseong Battery will set up a joint venture with U.S. carmaker Rivermark Motors.", "Rivermark Motors",
     "United States"),
    ("US carmaker Rivermark Motors will build a plant in Ohio.", "Rivermark Motors", "United States"),
    ("U.K. chipmaker Arvel Systems posted a loss on Monday.", "Arvel Systems", "United Kingdom"),
    ("Rivermark Motors, the U.S. carmaker, will build a plant in Ohio.", "Rivermark Motors", "United States"),
    ("Arvel Systems, a U.K. battery maker, posted a loss.", "Arvel Systems", "United Kingdom"),
    ("Swedish battery start-up Marvel Cells will build a plant in Sines.", "Marvel Cells", "Sweden"),
    ("French start-up Marvel Cells raised 200 million euros.", "Marvel Cells", "France"),
])
def test_a_country_name_before_a_company_noun_gives_its_nationality(extractor, text, company, country):
    assert (company, "nationality", country) in facts(extract_text(extractor, text + "\n"))


@pytest.mark.parametrize("text, unit", [
    ("Acme Motors said its China unit Velo Parts will build a plant.", "Velo Parts"),
    ("Velo Parts, the China unit of Acme Motors, will build a plant.", "Velo Parts"),
])
def test_a_unit_named_after_a_country_does_not_take_that_nationality(extractor, text, unit):
    f = facts(extract_text(extractor, text + "\n"))
    assert not any(s == unit and p == "nationality" for s, p, _ in f), f


@pytest.mark.parametrize("text, builder, plant, place", [
    ("President Ana Costa on Wednesday inaugurated a lithium refinery built by Australian miner Orvik Lithium "
     "in the state of Minas Gerais.", "Orvik Lithium", "Orvik Lithium Minas Gerais lithium refinery", "Minas Gerais"),
    ("The plant will be built by Orvik Lithium in Itinga.", "Orvik Lithium", "Orvik Lithium Itinga plant", "Itinga"),
    ("A battery plant in Itinga will be built by Orvik Lithium.", "Orvik Lithium", "Orvik Lithium Itinga battery plant",
     "Itinga"),
    ("The refinery, built by Orvik Lithium in Itinga, cost $220 million.", "Orvik Lithium",
     "Orvik Lithium Itinga refinery", "Itinga"),
])
def test_a_plant_built_by_a_company_is_built_by_it(extractor, text, builder, plant, place):
    f = facts(extract_text(extractor, text + "\n"))
    assert (builder, "builds", plant) in f, f
    assert (plant, "locatedIn", place) in f, f


def test_a_plant_built_by_a_person_is_no_company_plant(extractor):
    f = facts(extract_text(extractor, "The plant will be visited by Governor Alan Pike in Itinga.\n"))
    assert not any(p == "builds" for _, p, _ in f), f


@pytest.mark.parametrize("short, full", [
    ("Southern Cross", "Southern Cross Lithium"),
    ("Blue Ridge", "Blue Ridge Motors"),
])
def test_a_company_name_less_its_business_word_is_the_company(extractor, short, full):
    text = (f"Australian miner {full} will build a refinery in Itinga.\n\n"
            f"{short} chief executive Mark Fenwick said the refinery would open in 2027.\n")
    f = facts(extract_text(extractor, text))
    assert ("Mark Fenwick", "holdsPosition", f"Chief Executive of {full}") in f, f
    assert not any(s == short or o == short for s, _, o in f), f


def test_a_venture_named_after_its_parent_stays_apart_from_it(extractor):
    text = ("Air Lift and Qudra Energy formed a joint venture, Air Lift Qudra, to build a plant in Jubail.\n\n"
            "Air Lift chief executive Mark Fenwick said the venture would hire 300 people.\n")
    f = facts(extract_text(extractor, text))
    assert ("Air Lift Qudra", "jointVentureOf", "Air Lift") in f, f


@pytest.mark.parametrize("text, person, role", [
    ("Orvane Motors will build a plant. Orvane's chief operating officer, Kenji Ito, said production would "
     "start in 2027.", "Kenji Ito", "Chief Operating Officer of Orvane Motors"),
    ("Orvane Motors will build a plant. Sven Olsen, a senior vice president at Orvane, said demand was strong.",
     "Sven Olsen", "Senior Vice President of Orvane Motors"),
])
def test_a_short_name_ner_missed_is_the_storys_company(extractor, text, person, role):
    assert (person, "holdsPosition", role) in facts(extract_text(extractor, text + "\n"))


def test_a_first_word_two_companies_share_names_neither(extractor):
    text = ("Orvane Motors and Orvane Energy will build a plant. Sven Olsen, a senior vice president at Orvane, "
            "said demand was strong.\n")
    f = facts(extract_text(extractor, text))
    assert not any(p == "holdsPosition" and o.endswith(("Orvane Motors", "Orvane Energy")) for _, p, o in f), f


@pytest.mark.parametrize("text", [
    "Orvane Lithium posted a loss. Chief financial officer Rosa Quintana said the company would cut spending.\n",
    "Orvane Lithium posted a loss. Chief operating officer Rosa Quintana said the company would cut spending.\n",
])
def test_a_company_officer_title_names_a_person(extractor, text):
    doc = extract_text(extractor, text)
    roles = {(t.subject.label, t.object.label) for t in doc.triples if t.predicate == "holdsPosition"}
    assert any(s == "Rosa Quintana" and o.endswith("Officer of Orvane Lithium") for s, o in roles), roles


@pytest.mark.parametrize("text", [
    "The ministry welcomed the decision of Chinese battery maker Lanxin Power to build a cathode plant in Kragujevac.",
    "The ministry welcomed Lanxin Power's decision to build a cathode plant in Kragujevac.",
    "A plan by Lanxin Power to build a cathode plant in Kragujevac was approved on Monday.",
])
def test_the_one_who_decides_or_plans_to_build_builds(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Lanxin Power", "builds", "Lanxin Power Kragujevac cathode plant") in f, f


@pytest.mark.parametrize("text, role", [
    ("Minister of Economy Adrijana Stojanovic said the project would create 1,100 jobs.", "Minister of Economy"),
    ("Serbia's Minister of Economy Adrijana Stojanovic said the project would create jobs.",
     "Minister of Economy of Serbia"),
])
def test_an_office_of_a_portfolio_before_a_name_NER_missed(extractor, text, role):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Adrijana Stojanovic", "holdsPosition", role) in f, f


@pytest.mark.parametrize("text, site", [
    ("The cabinet approved a lithium plant to be built by Sinomine Resources in Masvingo.",
     "Sinomine Resources Masvingo lithium plant"),
    ("The cabinet approved a lithium plant that will be built by Sinomine Resources in Masvingo.",
     "Sinomine Resources Masvingo lithium plant"),
    ("The cabinet approved a lithium plant to be built by Sinomine Resources at its Kasaka mine.",
     "Sinomine Resources Kasaka lithium plant"),
])
def test_a_plant_to_be_built_by_a_company_is_its_build(extractor, text, site):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Sinomine Resources", "builds", site) in f, f


def test_a_countrys_news_agency_is_no_state_body(extractor):
    f = facts(extract_text(extractor, "According to South Korea's Yonsei news agency, the factory will open "
                           "in 2026.\n"))
    assert any(p == "nationality" and o == "South Korea" for _, p, o in f), f
    assert not any(p == "partOf" for _, p, _ in f), f


def test_each_company_in_a_pair_keeps_its_own_demonym(extractor):
    # a story of our own in which the parser reads "German chemicals maker BASF" as an apposition
    # of "French miner Eramet"
    text = ("PARIS, June 24 — French miner Eramet and German chemicals maker BASF have scrapped plans for a "
            "$2.6 billion nickel and cobalt refinery in Weda Bay, Indonesia, the two companies said on Monday.\n\n"
            "Eramet said it would keep working with Indonesian partners on other projects.\n")
    nationalities = {(s, o) for s, p, o in facts(extract_text(extractor, text)) if p == "nationality"}
    assert ("Eramet", "Germany") not in nationalities, nationalities
    assert ("BASF", "Germany") in nationalities, nationalities
