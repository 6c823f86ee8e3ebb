"""Coreference (kg/extract/coref.py): descriptions that open a paragraph."""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

PARAGRAPH_ONE = ("Danish battery maker Orvik Cells Co. Limited (OCH) signed a land deal with the town of "
                 "Kolding on Monday, Trade Minister Lars Berg told reporters.\n\n")


@pytest.mark.parametrize("second", [
    "The company will spend 2 billion euros on a battery cell plant in Kolding.",
    "The firm will build a battery cell plant in Kolding.",
])
def test_a_description_opening_a_paragraph_continues_the_last_paragraphs_subject(extractor, second):
    doc = extract_text(extractor, PARAGRAPH_ONE + second + "\n")
    plants = {e.label for e in doc.entities if e.label.endswith("plant")}
    assert plants == {"OCH Kolding battery cell plant"} or plants == {"Orvik Cells Kolding battery cell plant"}, plants


def test_a_public_body_description_is_not_taken_for_the_last_subject(extractor):
    text = ("Duties on cars shipped to the European Union came into force after the European "
            "Commission published its rules.\n\n"
            "The bloc already levies a 10% tariff on imported cars.\n")
    doc = extract_text(extractor, text)
    assert not any(t.subject.label == "European Commission" and t.predicate == "tariffRate"
                   for t in doc.triples), facts(doc)


def test_the_venture_a_company_speaks_of_is_not_the_company(extractor):
    f = facts(extract_text(extractor, "Salar Minerals, the world's second-largest lithium producer, said the venture "
                                      "would produce 280,000 tonnes of lithium carbonate a year.\n"))
    assert not any(s == "Salar Minerals" and p in ("capacity", "produces") for s, p, _ in f), f


def test_the_venture_of_a_story_is_the_named_venture(extractor):
    f = facts(extract_text(extractor, "Norvik Motors and Peltan Energy formed a joint venture, Kestrel Cells, in "
                                      "2021. The venture will produce 40 GWh of cells a year.\n"))
    assert ("Kestrel Cells", "capacity", "40 GWh") in f, f


def test_an_aside_about_the_subject_refers_to_the_subject(extractor):
    doc = extractor.nlp("Rival Kestrel Energy sold fewer cars.\n\nTesmo Motors delivered 484,507 cars, a record for "
                        "the company.\n")
    clusters = doc._.kg_resolution.clusters.values()
    assert any(c.label == "Tesmo Motors" and any(m.text == "the company" for m in c.mentions) for c in clusters)


def test_a_description_does_not_refer_to_a_name_inside_it(extractor):
    f = facts(extract_text(extractor, "Norvik Minerals ships ore to Korea.\n\nBolt Steel bought a 4.75 per cent "
                                      "stake in the ASX-listed miner.\n"))
    assert not any(o == "ASX" for _, p, o in f), f


@pytest.mark.parametrize("text, unit, parent", [
    ("Orvane Holdings said on Monday it would expand. Orvane Materials, the group's battery materials arm, "
     "will build the plant.", "Orvane Materials", "Orvane Holdings"),
    ("Kessler Group posted record sales. Voltra Cells, the group's battery unit, will build a plant in Lyon.",
     "Voltra Cells", "Kessler Group"),
])
def test_the_group_in_an_apposition_is_a_group_the_story_named(extractor, text, unit, parent):
    f = facts(extract_text(extractor, text + "\n"))
    assert (unit, "partOf", parent) in f, f


def test_the_carmaker_in_an_apposition_is_none_when_no_company_was_called_a_carmaker(extractor):
    text = ("Orvane Energy will invest in a venture with smartphone maker Quilla, according to a filing by "
            "Orvane BluePark, the carmaker's listed EV unit.\n")
    f = facts(extract_text(extractor, text))
    assert not any(s == "Orvane BluePark" and p == "partOf" for s, p, _ in f), f


@pytest.mark.parametrize("text", [
    "President Park Jae-hyun toured Uzbekistan and then flew to Astana. It is the first state visit by a South "
    "Korean president to Kazakhstan in 10 years.",
    "Orvane Motors will build a plant in Kassel. It is the largest investment in the state's history.",
])
def test_it_is_the_first_visit_speaks_of_the_visit_not_of_a_country_or_company(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert not any(p in ("rankedAs", "visited") and s in ("Uzbekistan", "Orvane Motors") for s, p, _ in f), f


VENTURE_STORY = ("Kovra, the joint venture formed by Swedish miner Orvane Mining and Chinese chemicals group "
                 "Tarvo Chemicals, on Wednesday opened its plant in Lyon.\n\n"
                 "The plant will make cathodes for carmakers in Europe.\n\n"
                 "Tarvo Chemicals, which counts Alvo Motors and Bexa among its customers, holds 51 percent of the "
                 "venture. The venture has also held talks with Quarry Phosphates about supplies.\n")


def test_a_description_set_off_after_a_name_is_that_name(extractor):
    f = facts(extract_text(extractor, VENTURE_STORY))
    assert ("Kovra", "launched", "Kovra Lyon plant") in f, f
    assert not any(s != "Kovra" and p == "launched" for s, p, _ in f), f


def test_the_venture_far_back_is_the_one_the_story_called_so(extractor):
    f = facts(extract_text(extractor, VENTURE_STORY))
    stakes = {(s, o) for s, p, o in f if p == "investsIn"}
    assert ("Tarvo Chemicals", "Kovra") in stakes, f
    assert not any(o in ("Alvo Motors", "Bexa") for _, o in stakes), f


@pytest.mark.parametrize("text", [
    "Karlu Resources will buy Nordvik Lithium. The mine is expected to produce 250,000 tonnes a year "
    "once it starts operating in 2027.",
    "Karlu Resources will buy Nordvik Lithium. The project will create 400 jobs when it opens in 2027.",
])
def test_it_in_a_clause_about_a_works_is_not_the_last_company(extractor, text):
    doc = extract_text(extractor, text + "\n")
    assert not [t for t in doc.triples if t.predicate == "plannedStart" and t.subject.type == "Organization"], \
        [(t.subject.label, t.predicate, t.object.label) for t in doc.triples]


def test_it_in_a_clause_about_a_company_is_the_company(extractor):
    doc = extract_text(extractor, "Karlu Resources said it would hire 300 people once it starts production in 2027.\n")
    assert ("Karlu Resources", "plannedStart", "2027") in {(t.subject.label, t.predicate, t.object.label)
                                                           for t in doc.triples}


def test_we_in_a_quote_is_the_story_company(extractor):
    text = ("Orlan Motors plans to double output at its plant in Jizzakh, the head of its regional business "
            "said.\n\n\"Our plant will then be able to make 100,000 cars a year,\" said Wei Lan, who runs Orlan "
            "Motors' Central Asia division. \"We also want to build a battery pack factory in Kazakhstan.\"\n")
    found = facts(extract_text(extractor, text))
    assert ("Orlan Motors Jizzakh plant", "capacity", "100000 cars") in found, found
    assert ("Orlan Motors", "builds", "Orlan Motors Kazakhstan battery pack plant") in found, found


def test_we_outside_a_quote_or_without_a_story_company_is_no_one(extractor):
    text = "Orlan Motors and Tarsk Mining signed a deal. \"We want to build a plant in Kazakhstan,\" a manager said.\n"
    found = facts(extract_text(extractor, text))
    assert not [f for f in found if f[1] == "builds"], found


@pytest.mark.parametrize("text, company, country", [
    ("Velocar Motors opened a factory in Leipzig. The U.S. carmaker said it would hire 3,000 people.",
     "Velocar Motors", "United States"),
    ("China's Orlan Motors sold more electric cars than Velocar Motors, the first time the U.S. company has "
     "lost the lead.", "Velocar Motors", "United States"),
])
def test_a_country_before_a_description_is_its_nationality(extractor, text, company, country):
    found = facts(extract_text(extractor, text + "\n"))
    nat = {(s, o) for s, p, o in found if p == "nationality"}
    assert (company, country) in nat and not [x for x in nat if x[1] == country and x[0] != company], found


def test_a_country_before_a_unit_is_where_it_is(extractor):
    found = facts(extract_text(extractor, "Velocar Motors and Tarsk met. The China unit said it would hire 3,000 people.\n"))
    assert not [f for f in found if f[1] == "nationality"], found
