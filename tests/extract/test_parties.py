"""Who the parties are: unfamiliar names that act as companies, partners of a venture, "the
two sides" (kg/extract/type_votes.py, kg/extract/relations/base.py, ventures.py).

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


def types(doc) -> dict[str, str]:  # noqa: ANN001
    return {e.label: e.type for e in doc.entities}


@pytest.mark.parametrize("text, name", [
    ("Velmar will invest $300 million in a cathode plant in Gliwice.", "Velmar"),
    ("Velmar produces lithium carbonate at two mines in Chile.", "Velmar"),
    ("Velmar opened a cathode factory in Gliwice on Tuesday.", "Velmar"),
    ("Velmar's plant in Gliwice will employ 800 people.", "Velmar"),
])
def test_a_lone_name_that_acts_as_a_company_is_one(extractor, text, name):
    doc = extract_text(extractor, text + "\n")
    assert types(doc).get(name) == "Organization", types(doc)


def test_a_surname_that_invests_stays_a_person(extractor):
    doc = extract_text(extractor, "The fund is run by Marta Velmar. Velmar will invest $300 million "
                                  "in a cathode plant in Gliwice.\n")
    assert types(doc).get("Marta Velmar") == "Person", types(doc)
    assert types(doc).get("Velmar", "Person") == "Person", types(doc)


@pytest.mark.parametrize("text", [
    "The lithium will be refined by a joint venture of Japan's Marumo and Kessel, the ministry said.",
    "A joint venture between Marumo and Kessel will refine the lithium, the ministry said.",
])
def test_the_partners_of_a_venture_are_companies(extractor, text):
    doc = extract_text(extractor, text + "\n")
    found = facts(doc)
    assert ("Marumo-Kessel joint venture", "jointVentureOf", "Marumo") in found, found
    assert ("Marumo-Kessel joint venture", "jointVentureOf", "Kessel") in found, found


@pytest.mark.parametrize("text", [
    "Velan Energy signed an agreement with Tarsk Mining on Monday. The two sides plan a joint venture "
    "covering mining and refining.",
    "Velan Energy signed an agreement with Tarsk Mining on Monday. The two companies will set up a "
    "joint venture to refine lithium.",
    "Velan Energy signed an agreement with Tarsk Mining on Monday. Both companies will form a joint "
    "venture to refine lithium.",
])
def test_the_two_sides_are_the_two_companies_named_last(extractor, text):
    found = facts(extract_text(extractor, text + "\n"))
    parents = {o for s, p, o in found if p == "jointVentureOf"}
    assert parents == {"Velan Energy", "Tarsk Mining"}, found


def test_a_news_agency_is_not_one_of_the_two_sides(extractor):
    text = ("Velan Energy signed an agreement with the Ministry of Mines, state news agency Norpress "
            "said. The two sides plan a joint venture covering mining and refining.\n")
    found = facts(extract_text(extractor, text))
    assert not any(p == "jointVentureOf" and "Norpress" in (s + o) for s, p, o in found), found


@pytest.mark.parametrize("text", [
    "The company plans a ₹4,000-crore plant at Sanand.",
    "Velan Energy will build a Rs 900 crore battery plant in Sanand.",
    "Velan Energy opened a 300 million-euro cathode plant in Gliwice.",
])
def test_scale_words_are_no_goods_of_a_plant(extractor, text):
    found = facts(extract_text(extractor, text + "\n"))
    goods = {o for s, p, o in found if p == "produces"}
    assert not goods & {"crore", "crores", "million", "billion"}, found


def test_two_other_companies_are_not_the_two_named_last(extractor):
    text = ("Velan Energy signed a supply deal with Tarsk Mining on Monday. Velan Energy is also in "
            "talks with two German automakers.\n")
    found = facts(extract_text(extractor, text))
    assert ("Velan Energy", "metWith", "Tarsk Mining") not in found and \
        ("Tarsk Mining", "metWith", "Velan Energy") not in found, found


@pytest.mark.parametrize("text", [
    "Velmar Cells, a joint venture between Hanvel and German carmaker Ostwerk, makes battery cells.",
    "The cells come from Velmar Cells, a joint venture between Hanvel and German carmaker Ostwerk.",
])
def test_every_company_named_between_is_a_parent(extractor, text):
    found = facts(extract_text(extractor, "Hanvel Energy will build a plant in Poland. " + text + "\n"))
    parents = {o for s, p, o in found if p == "jointVentureOf" and s == "Velmar Cells"}
    assert parents == {"Hanvel Energy", "Ostwerk"}, found


def test_a_relative_clause_after_a_venture_is_about_the_venture(extractor):
    text = ("Hanvel Energy will build a plant in Poland. The plant will supply Velmar Cells, a joint "
            "venture between Hanvel and German carmaker Ostwerk, which runs a battery cell factory in "
            "Salzgitter.\n")
    found = facts(extract_text(extractor, text))
    assert ("Velmar Cells", "hasFacilityIn", "Salzgitter") in found, found
    assert ("Ostwerk", "hasFacilityIn", "Salzgitter") not in found, found


@pytest.mark.parametrize("title", ["chief executive", "Chief Executive"])
def test_a_short_company_name_before_a_title_is_the_employer(extractor, title):
    text = f"Hanvel Energy will build a plant in Poland. Hanvel {title} Park Ji-hoon signed the deal.\n"
    found = facts(extract_text(extractor, text))
    assert ("Park Ji-hoon", "holdsPosition", "Chief Executive of Hanvel Energy") in found, found


@pytest.mark.parametrize("text, company, town", [
    ("Lyon-based Velan and German maker Korvo signed a deal.", "Velan", "Lyon"),
    ("Frankfurt-based consultancy Acme Partners said so.", "Acme Partners", "Frankfurt am Main"),
])
def test_a_based_modifier_belongs_to_the_name_it_precedes(extractor, text, company, town):
    found = facts(extract_text(extractor, text + "\n"))
    based = {(s, o) for s, p, o in found if p == "basedIn"}
    assert based == {(company, town)}, found


def test_the_subject_of_a_second_clause_is_another_than_the_first(extractor):
    text = ("Tarsk Mining and Velan Energy run the mine. Velan Energy owns 82 per cent and the Perth-based "
            "miner holds the remaining 18 per cent.\n")
    found = facts(extract_text(extractor, text))
    assert ("Velan Energy", "basedIn", "Perth") not in found, found


@pytest.mark.parametrize("text", [
    "Nordbat AG, the battery arm of Velan Energy, which runs a plant in Hamburg, said so.",
    "Nordbat AG, a unit of Velan Energy, which runs a plant in Hamburg, said so.",
])
def test_a_relative_clause_after_an_aside_is_about_the_name(extractor, text):
    found = facts(extract_text(extractor, "Velan Energy makes batteries. " + text + "\n"))
    assert ("Nordbat AG", "hasFacilityIn", "Hamburg") in found, found
    assert ("Velan Energy", "hasFacilityIn", "Hamburg") not in found, found


def test_the_two_companies_are_not_their_unnamed_venture(extractor):
    text = ("Halvard Motors and Seojin Chem agreed to form a joint venture to make battery cells. Together, the two "
            "companies will invest up to $3 billion in the venture.\n")
    found = facts(extract_text(extractor, text))
    investors = {s for s, p, o in found if p == "investmentValue"}
    assert investors == {"Halvard Motors", "Seojin Chem"}, found


def test_money_a_tagger_took_for_a_count_is_no_sales_volume(extractor):
    found = facts(extract_text(extractor, "Hanra Energy reported results on Friday. Sales rose 5 percent to "
                                          "33.7 trillion won.\n"))
    assert not [f for f in found if f[1] == "salesVolume"], found
