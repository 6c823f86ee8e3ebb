"""Facility names (kg/extract/facilities.py) and the sentence the story starts after its dateline."""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts


@pytest.mark.parametrize("text, builders, plant", [
    ("Norvik Motors and Peltan Energy Solutions (PES) will build a battery plant in Kassel, "
     "the companies said on Monday.", ("Norvik Motors", "Peltan Energy Solutions"),
     "Norvik Motors-PES Kassel battery plant"),  # each owner by its shortest name
    ("Arcos Holding and Brimley Motor Co. signed a deal to build a $2 billion electric vehicle "
     "plant in Tarsus.", ("Arcos Holding", "Brimley Motor Co."), "Arcos-Brimley Motor Tarsus EV plant"),
])
def test_a_plant_of_several_builders_is_named_after_all_of_them(extractor, text, builders, plant):
    f = facts(extract_text(extractor, text + "\n"))
    for b in builders:
        assert (b, "builds", plant) in f, f


@pytest.mark.parametrize("text, plant", [
    ("Qentis Energy will build a nickel manganese cobalt (NMC) battery plant in Tarsus.", "Qentis Energy Tarsus NMC battery plant"),
    ("Velmar Motors plans a lithium iron phosphate (LFP) cell factory in Porto.", "Velmar Motors Porto LFP cell plant"),
])
def test_a_bracketed_short_form_names_the_kind_of_plant(extractor, text, plant):
    f = facts(extract_text(extractor, text + "\n"))
    assert any(s == plant for s, _, _ in f), f


def test_a_plant_takes_its_town_over_the_region_named_after_it(extractor):
    f = facts(extract_text(extractor, "Qentis Energy will build a cathode plant in Tarsus, in southern Türkiye, "
                           "the company said.\n"))
    assert ("Qentis Energy Tarsus cathode plant", "locatedIn", "Tarsus") in f, f


def test_a_town_ner_took_for_a_company_names_the_plant_not_its_owner(extractor):
    f = facts(extract_text(extractor, "Brimco's existing Ulsan complex employs 3,000 people.\n"))
    assert any(s == "Brimco Ulsan complex" for s, _, _ in f), f


@pytest.mark.parametrize("dateline", ["MADRID, Dec 10 — ", "ULSAN, Nov. 13 (KNS) -- ", "PERTH — "])
def test_the_story_after_a_dateline_is_parsed_as_its_own_sentence(extractor, dateline):
    text = dateline + "Halvorsen Motors and Chinese battery giant Qentis will build a battery plant in Tarsus.\n"
    f = facts(extract_text(extractor, text))
    assert ("Halvorsen Motors", "builds", "Halvorsen Motors-Qentis Tarsus battery plant") in f, f


def test_a_hyphen_inside_a_sentence_is_no_dateline(extractor):
    doc = extract_text(extractor, "GAC Aion, the electric vehicle arm of state-owned carmaker GAC Group, "
                       "opened a plant in Rayong.\n")
    assert ("GAC Aion", "partOf", "GAC Group") in facts(doc)


@pytest.mark.parametrize("text", [
    "Orvik Motors will build a car plant and a battery plant in Kassel.",
    "Orvik Motors will spend $2 billion on a supply chain in Ontario, including a new car plant and a "
    "stand-alone battery plant in Kassel.",
])
def test_the_place_of_the_last_of_two_coordinated_plants_is_both_plants(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Orvik Motors Kassel car plant", "locatedIn", "Kassel") in f, f
    assert ("Orvik Motors Kassel battery plant", "locatedIn", "Kassel") in f, f


def test_each_of_two_plants_keeps_its_own_place(extractor):
    f = facts(extract_text(extractor, "Orvik Motors will build a car plant in Lyon and a battery plant in Kassel.\n"))
    assert ("Orvik Motors Lyon car plant", "locatedIn", "Lyon") in f and not any(
        s == "Orvik Motors Lyon car plant" and o == "Kassel" for s, _, o in f), f


def test_plants_in_a_continent_name_no_place_of_the_company(extractor):
    f = facts(extract_text(extractor, "Orvik Motors, the world's largest maker of vans, already operates two "
                           "plants in Europe, in Germany and Hungary.\n"))
    assert not any(p == "hasFacilityIn" and o == "Europe" for _, p, o in f), f


@pytest.mark.parametrize("text, venture, plant, fact", [
    # "The plant" of a story about one venture, before any plant is named
    ("Norvik Motors will build cars in Portugal for the first time under a joint venture with Peltan "
     "Holdings. The plant is designed to turn out 80,000 vehicles a year.",
     "Norvik Motors-Peltan joint venture", "Norvik Motors-Peltan plant", ("capacity", "80000 vehicles")),
    # a factory the sentence gives no owner, in an industrial estate of a town
    ("Norvik Motors and Peltan Energy agreed to form a joint venture to make battery cells. The cells "
     "will be made at a factory in an industrial park in Tarsus.",
     "Norvik Motors-Peltan Energy joint venture", "Norvik Motors-Peltan Energy Tarsus plant", ("locatedIn", "Tarsus")),
])
def test_the_plant_of_a_story_about_one_venture_is_the_ventures(extractor, text, venture, plant, fact):
    f = facts(extract_text(extractor, text + "\n"))
    assert (venture, "builds", plant) in f, f
    assert (plant, *fact) in f, f


def test_a_plant_the_story_already_gives_someone_stays_theirs_in_a_venture_story(extractor):
    f = facts(extract_text(extractor, (
        "Norvik Motors and Peltan Energy formed a joint venture to make battery cells. The cells will come "
        "from Peltan's factory in Tarsus. The neighbouring Tarsus plant has 900 workers.\n")))
    assert not any(p == "builds" and o.endswith("Tarsus plant") and "joint venture" in s for s, p, o in f), f


@pytest.mark.parametrize("text, parents", [
    ("Peltan Energy has agreed to join Norvik Motors and Arcos Holding in a planned joint venture to make "
     "battery cells.", ("Peltan Energy", "Norvik Motors", "Arcos Holding")),
    ("Norvik Motors will make batteries in Poland through a joint venture with Peltan Energy, the "
     "companies said.", ("Norvik Motors", "Peltan Energy")),
])
def test_a_venture_joined_or_worked_through_has_every_company_as_parent(extractor, text, parents):
    f = facts(extract_text(extractor, text + "\n"))
    ventures = {s for s, p, _ in f if p == "jointVentureOf"}
    assert len(ventures) == 1, f
    for parent in parents:
        assert (next(iter(ventures)), "jointVentureOf", parent) in f, f
    assert not any(p == "memberOf" for _, p, _ in f), f  # joining partners is no membership


def test_joining_a_body_is_still_membership(extractor):
    f = facts(extract_text(extractor, "Norvik Motors joined the Kassel Chamber of Commerce in 2019.\n"))
    assert ("Norvik Motors", "memberOf", "Kassel Chamber of Commerce") in f, f


@pytest.mark.parametrize("text, plant", [
    ("Norvik Motors said it would put its first European car factory in Kassel, in central Germany.",
     "Norvik Motors Kassel car plant"),
    ("Norvik Motors will spend $300 million on a new battery plant in Kassel.", "Norvik Motors Kassel battery plant"),
])
def test_siting_or_paying_for_a_new_plant_is_building_it(extractor, text, plant):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Norvik Motors", "builds", plant) in f and (plant, "locatedIn", "Kassel") in f, f


@pytest.mark.parametrize("text", [
    "Norvik Motors put the plant on hold in May.",
    "Norvik Motors will spend $20 million on the plant in Kassel next year.",  # an existing plant
])
def test_pausing_or_upkeep_is_no_building(extractor, text):
    assert not any(p == "builds" for _, p, _ in facts(extract_text(extractor, text + "\n")))


@pytest.mark.parametrize("text, site", [
    ("Norvik Materials on Wednesday inaugurated the first phase of its cathode plant in Lyon.",
     "Norvik Materials Lyon cathode plant"),
    ("Norvik Materials started up its new cathode plant in Lyon in May.", "Norvik Materials Lyon cathode plant"),
])
def test_starting_up_a_plant_or_a_phase_of_it_launches_it(extractor, text, site):
    assert ("Norvik Materials", "launched", site) in facts(extract_text(extractor, text + "\n"))


def test_a_research_and_development_centre_is_an_rnd_centre(extractor):
    f = facts(extract_text(extractor, "Velo Auto will establish a research and development center in Istanbul.\n"))
    assert ("Velo Auto", "builds", "Velo Auto Istanbul R&D center") in f, f


def test_a_plant_of_two_kinds_of_goods_is_not_named_after_half_of_them(extractor):
    f = facts(extract_text(extractor, "Velo Auto will build a cell and module plant in Kassel.\n"))
    assert not any("and module" in o for _, _, o in f), f


def test_a_plan_by_a_company_to_build_a_plant_is_the_companys(extractor):
    f = facts(extract_text(extractor, "The ministry on Tuesday approved a plan by battery maker Daelim Energy to "
                                      "build a $1.5 billion cathode plant in Kassel.\n"))
    assert ("Daelim Energy", "builds", "Daelim Kassel cathode plant") in f or (
        "Daelim Energy", "builds", "Daelim Energy Kassel cathode plant") in f, f


def test_it_after_a_reported_sentence_about_a_plant_is_the_plant(extractor):
    doc = extract_text(extractor, "Norvik Motors will build a cathode plant in Kassel. The factory will produce "
                                  "50,000 tonnes of cathode materials a year, the ministry said in a statement. It "
                                  "will employ about 2,000 workers.\n")
    assert ("Norvik Motors Kassel cathode plant", "employs", "2000 workers") in facts(doc), facts(doc)


def test_a_deal_for_a_company_to_build_a_plant_in_a_named_zone(extractor):
    f = facts(extract_text(extractor, "They signed a deal for Korean battery maker Samra SDI to build a cell plant "
                                      "in the Navoi free economic zone.\n"))
    assert ("Samra SDI", "builds", "Samra SDI Navoi cell plant") in f, f


@pytest.mark.parametrize("text, plant", [
    ("Norvik Motors is building a gigafactory in Windsor, Ontario, with LG Energy Solution (LGES).",
     "Norvik Motors-LGES Windsor gigafactory"),
    ("Norvik Motors has a gigafactory in Windsor, Ontario, with LG Energy Solution (LGES).",
     "Norvik Motors-LGES Windsor gigafactory"),
    ("Norvik Motors will build a battery plant with Peltan Energy in Kassel.", "Norvik Motors-Peltan Energy Kassel battery plant"),
])
def test_a_plant_built_or_held_with_a_partner_is_named_after_both(extractor, text, plant):
    assert any(s == plant for s, _, _ in facts(extract_text(extractor, text + "\n")))


def test_help_from_a_government_makes_no_co_owner(extractor):
    f = facts(extract_text(extractor, "Norvik Motors will build a plant in Kassel with help from the government.\n"))
    assert ("Norvik Motors", "builds", "Norvik Motors Kassel plant") in f, f


@pytest.mark.parametrize("text, owner, alias", [
    ("PT Sinar Mandala Baterai, a venture of Norvik Motors and Peltan Energy, will build a cell plant "
     "in Batang.", "PT Sinar Mandala Baterai", None),
    ("President Arif Santoso opened the battery plant of PT Borneo Kalsa Energi (BKE Energi) in Batang "
     "on Tuesday.", "PT Borneo Kalsa Energi", "BKE Energi"),
])
def test_a_company_after_a_legal_form_is_one_name(extractor, text, owner, alias):
    doc = extract_text(extractor, text + "\n")
    orgs = {e.label: e for e in doc.entities if e.type == "Organization"}
    assert owner in orgs, orgs
    if alias is not None:
        assert alias in orgs[owner].aliases and alias not in orgs, orgs
    # the legal form is no part of the plant's name; the short name is
    plants = {t.subject.label for t in doc.triples if t.predicate == "locatedIn"}
    assert plants and not any(p.startswith("PT ") for p in plants), plants


@pytest.mark.parametrize("text, plant, opener", [
    ("Velmar Motors opened the assembly plant of Brimco Industries in Porto on Monday.",
     "Brimco Industries Porto assembly plant", "Velmar Motors"),
    ("Governor Ana Ruiz inaugurated the cathode plant of Qentis Energy in Lyon.",
     "Qentis Energy Lyon cathode plant", "Ana Ruiz"),
])
def test_the_plant_of_a_named_owner_is_the_owners_and_in_the_owners_place(extractor, text, plant, opener):
    f = facts(extract_text(extractor, text + "\n"))
    assert (opener, "launched", plant) in f, f
    assert (plant, "locatedIn", plant.split()[-3]) in f, f
    assert not any(s == opener and p == "hasFacilityIn" for s, p, _ in f), f


def test_a_planned_plant_keeps_its_place_with_the_hedge(extractor):
    doc = extract_text(extractor, "Velmar Motors plans to start production at its first European plant, in Szeged, "
                                  "Hungary, in 2025.\n")
    placed = [t for t in doc.triples if t.predicate == "locatedIn" and t.subject.label == "Velmar Motors Szeged plant"]
    assert placed and placed[0].object.label == "Szeged" and placed[0].hedge == "planned", doc.triples


@pytest.mark.parametrize("text, places", [
    ("Orvane Energy already operates two plants in Europe, in Germany and Hungary.", {"Germany", "Hungary"}),
    ("Orvane Energy also has operations in Australia.", {"Australia"}),
    ("Orvane Energy runs processing sites in China, Japan, the United Kingdom and the United States.",
     {"China", "Japan", "United Kingdom", "United States"}),
    ("The loan will finance Orvane Energy's cell plants in Lordstown, Ohio, and Lansing, Michigan.",
     {"Lordstown", "Lansing"}),
    ("Orvane Energy has factories in Poland and Spain.", {"Poland", "Spain"}),
])
def test_works_in_a_list_of_places_put_their_owner_in_each(extractor, text, places):
    f = facts(extract_text(extractor, text + "\n"))
    assert {o for s, p, o in f if s == "Orvane Energy" and p == "hasFacilityIn"} == places, f


@pytest.mark.parametrize("text, place", [
    ("Orvane Motor Company on Monday broke ground on a dedicated electric vehicle plant in Ulsan.", "Ulsan"),
    ("Orvane Motor Company broke ground on its new battery plant in Kassel on Tuesday.", "Kassel"),
])
def test_breaking_ground_on_a_plant_somewhere_gives_the_builder_a_works_there(extractor, text, place):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Orvane Motor Company", "hasFacilityIn", place) in f, f


def test_a_plant_built_in_a_town_of_a_state_puts_its_builder_in_the_town_once(extractor):
    f = facts(extract_text(extractor, "Orvane Motors will build an electric vehicle plant in Kassel, in the state "
                                      "of Hesse, the company said.\n"))
    assert ("Orvane Motors", "hasFacilityIn", "Kassel") in f, f
    assert not any(s == "Orvane Motors" and p == "hasFacilityIn" and o != "Kassel" for s, p, o in f), f


def test_the_dateline_place_is_that_place_later_in_the_story(extractor):
    # without the dateline, NER takes "Oued Zemar" for a company here
    text = ("OUED ZEMAR (Kenitra province), June 25 — Orvane Cells on Wednesday inaugurated the first phase "
            "of its industrial complex at Oued Zemar.\n")
    doc = extract_text(extractor, text)
    kinds = {e.label: e.type for e in doc.entities}
    assert kinds.get("Oued Zemar") in ("City", "Place"), kinds
    assert ("Orvane Cells Oued Zemar complex", "locatedIn", "Oued Zemar") in facts(doc), facts(doc)


def test_capitals_opening_a_later_paragraph_are_no_dateline(extractor):
    text = ("SEOUL, Feb 22 — Orvane Cells will build a plant in Ankara.\n\n"
            "OVC, which runs battery plants in six countries — Korea, China and Poland — said it was ready.\n")
    doc = extract_text(extractor, text)
    assert not any(e.label.lower() == "ovc" and e.type in ("City", "Place") for e in doc.entities), doc.entities


@pytest.mark.parametrize("text, first, second", [
    ("Velan Energy is also building a plant near Lyon in France, and another near Kiel in northern Germany.",
     "Velan Energy Lyon plant", "Velan Energy Kiel plant"),
    ("Velan Energy will build two battery plants, one in Lyon and another in Kiel.",
     "Velan Energy Lyon battery plant", "Velan Energy Kiel battery plant"),
    ("Velan Energy will build a plant in Lyon and one in Kiel.", "Velan Energy Lyon plant", "Velan Energy Kiel plant"),
])
def test_works_listed_by_place_are_one_each(extractor, text, first, second):
    found = facts(extract_text(extractor, "Velan Energy makes batteries. " + text + "\n"))
    assert ("Velan Energy", "builds", first) in found and ("Velan Energy", "builds", second) in found, found
    assert (second, "locatedIn", "Kiel") in found, found


def test_another_after_a_second_verb_is_no_listed_works(extractor):
    text = "Velan Energy makes batteries. Velan Energy is building a plant near Lyon, and it expects another order soon.\n"
    found = facts(extract_text(extractor, text))
    assert not [f for f in found if f[1] == "builds" and f[2] != "Velan Energy Lyon plant"], found


@pytest.mark.parametrize("text", [
    "Karlu Resources plans to ship the concentrate to a refinery it is building at Kwinana, near Perth.",
    "Karlu Resources will supply the refinery that it is building in Kwinana.",
    "The cells will come from a refinery Karlu Resources is building in Kwinana.",
])
def test_a_works_a_relative_clause_builds(extractor, text):
    found = facts(extract_text(extractor, text + "\n"))
    assert ("Karlu Resources", "builds", "Karlu Resources Kwinana refinery") in found, found


def test_a_works_built_long_ago_has_no_builder_from_its_clause(extractor):
    found = facts(extract_text(extractor, "Karlu Resources owns a refinery which was built in Kwinana in 1990.\n"))
    assert not [f for f in found if f[1] == "builds"], found


def test_a_works_placed_in_a_country_takes_its_town_when_the_story_gives_it(extractor):
    text = ("Daesung Battery said it would invest $2.4 billion to build a battery plant in Hungary, its first "
            "production site in Europe. The factory in Ivancsa will have an annual capacity of 20 GWh.\n")
    found = facts(extract_text(extractor, text))
    plants = {o for s, p, o in found if p == "builds"}
    assert plants == {"Daesung Battery Ivancsa battery plant"}, found
    assert ("Daesung Battery Ivancsa battery plant", "capacity", "20 GWh") in found, found
    assert ("Daesung Battery Ivancsa battery plant", "investmentValue", "2.4 billion USD") in found, found
    assert not [f for f in found if f[1] == "locatedIn" and f[2] == "Europe"], found


def test_a_second_works_in_a_town_is_not_the_countrys_one(extractor):
    text = ("Daesung Battery will build a battery plant in Hungary. Samsung SDI runs a factory in Goed, north "
            "of Budapest.\n")
    found = facts(extract_text(extractor, text))
    assert ("Daesung Battery", "builds", "Daesung Battery Hungary battery plant") in found, found


def test_a_funder_is_no_owner_of_the_works_it_funds(extractor):
    text = ("The U.S. Department of Energy said it would award $1.5 billion in grants to Kestrel Cells to help fund "
            "a battery cell plant in Marshall, Michigan.\n")
    doc = extract_text(extractor, text)
    assert not [e.label for e in doc.entities if e.label.startswith("U.S. Department of Energy ")]
    assert ("Marshall", "Region") not in {(e.label, e.type) for e in doc.entities}
    assert ("Michigan", "Region") in {(e.label, e.type) for e in doc.entities}


@pytest.mark.parametrize("text, plant, place", [
    ("German Chancellor Olaf Richter opened Velocar Motors' first European factory on Tuesday in Gruenau, near "
     "Berlin.", "Velocar Motors Gruenau plant", "Gruenau"),
    ("Velocar Motors is also building a plant near Montreal in Quebec.", "Velocar Motors Quebec plant", "Quebec"),
])
def test_a_works_is_named_for_the_place_it_is_in_not_the_city_it_is_near(extractor, text, plant, place):
    found = facts(extract_text(extractor, "Velocar Motors makes cars. " + text + "\n"))
    assert (plant, "locatedIn", place) in found, found


def test_a_works_a_relative_clause_prices(extractor):
    text = "Velocar Motors opened a plant in Leipzig. The plant, which cost about 5 billion euros, employs 3,000 people.\n"
    found = facts(extract_text(extractor, text))
    assert ("Velocar Motors Leipzig plant", "investmentValue", "5 billion EUR") in found, found
