"""What plants make and how much a year; tallies and goals are not capacities.

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline

PLANT = "Nordwind Motors broke ground on an electric vehicle plant in Ravensburg. "


@pytest.mark.parametrize("second", [
    "The plant is designed to turn out 200,000 electric vehicles a year.",
    "The factory will build 200,000 electric vehicles annually.",
    "The plant will produce up to 200,000 electric vehicles per year.",
])
def test_a_plants_yearly_output_is_its_capacity_and_product(extractor, second):
    doc = extract_text(extractor, PLANT + second + "\n")
    f = facts(doc)
    site = "Nordwind Motors Ravensburg EV plant"
    assert (site, "produces", "electric vehicles") in f, f
    caps = [t.object for t in doc.triples if t.predicate == "capacity" and t.subject.label == site]
    assert caps and caps[0].number == 200000, f


@pytest.mark.parametrize("second", [
    "The plant has so far turned out more than 10,000 vehicles.",  # a tally
    "Nordwind Motors wants to build 50,000 cars a year by 2030.",  # a goal
    "Nordwind Motors will build two plants in Spain.",  # plants are no output
])
def test_tallies_goals_and_plant_counts_are_no_capacity(extractor, second):
    doc = extract_text(extractor, PLANT + second + "\n")
    assert not [t for t in doc.triples if t.predicate == "capacity"], facts(doc)


def test_bare_vehicles_are_no_product(extractor):
    f = facts(extract_text(extractor, PLANT + "The plant will turn out 200,000 vehicles a year.\n"))
    # the EV plant makes electric vehicles (its kind says so); "vehicles" alone are no product
    assert not any(p == "produces" and o.lower() == "vehicles" for _, p, o in f), f


def test_money_spent_to_build_a_plant_and_its_start_in_the_same_sentence(extractor):
    doc = extract_text(extractor, "Kestrel Energy said it would spend $3.5 billion to build a battery plant "
                       "in Kolding, with production expected to start in 2026.\n")
    site = "Kestrel Energy Kolding battery plant"
    got = {(t.subject.label, t.predicate, t.object.label) for t in doc.triples}
    assert (site, "investmentValue", "3.5 billion USD") in got, got
    assert (site, "plannedStart", "2026") in got, got


def test_what_is_built_at_a_plant_is_its_product(extractor):
    f = facts(extract_text(extractor, "The Velora X5 is built at the Velora Motors plant in Porto.\n"))
    assert ("Velora Motors Porto plant", "produces", "Velora X5") in f, f


def test_a_province_has_no_capacity(extractor):
    doc = extract_text(extractor, "The first cars will be built at Velora's factory in Jinhua, in Zhejiang "
                       "province, which can turn out 120,000 vehicles a year.\n")
    assert not any(t.predicate == "capacity" and t.subject.type in ("Region", "City", "Country")
                   for t in doc.triples), facts(doc)


@pytest.mark.parametrize("second", [
    "About 2 trillion won will be invested in the project, the company said.",
    "Total investment in the plant is put at 2 trillion won.",
    "The project, worth 2 trillion won, is to be completed by 2026.",
])
def test_an_amount_a_plant_is_worth_is_its_investment(extractor, second):
    text = "Orvik Motors will build a battery plant in Kassel. " + second + "\n"
    f = facts(extract_text(extractor, text))
    assert ("Orvik Motors Kassel battery plant", "investmentValue", "2 trillion KRW") in f, f


@pytest.mark.parametrize("text, plant, amount", [
    ("Orvik Motors will build a cathode plant in Antofagasta, which was expected to turn out 50,000 tons of "
     "LFP a year and employ 500 people.", "Orvik Motors Antofagasta cathode plant", "50000 tons"),
    ("Orvik Motors will build a battery plant in Kassel. The factory is due to start production in 2026. "
     "It could reach a capacity of up to 50 gigawatt hours.", "Orvik Motors Kassel battery plant", "50 GWh"),
    ("Orvik Motors will build a car plant in Kassel. Capacity: 50,000 vehicles a year in the first phase.",
     "Orvik Motors Kassel car plant", "50000 vehicles"),
    ("Orvik Motors will build a battery plant in Kassel. Annual capacity is to be no less than 25 gigawatt hours.",
     "Orvik Motors Kassel battery plant", "25 GWh"),
])
def test_a_capacity_whose_clause_does_not_name_the_plant_is_the_plants(extractor, text, plant, amount):
    f = facts(extract_text(extractor, text + "\n"))
    assert (plant, "capacity", amount) in f, f


def test_it_after_a_sentence_about_the_company_stays_the_company(extractor):
    f = facts(extract_text(extractor, "Orvik Motors opened a car plant in Kassel last year. "
                           "It can now build 50,000 vehicles a year.\n"))
    assert ("Orvik Motors", "capacity", "50000 vehicles") in f, f


@pytest.mark.parametrize("text, product", [
    ("Orvik Motors will build a plant in Kassel, which was designed to make 120,000 metric tons a year "
     "of lithium iron phosphate.", "lithium iron phosphate"),
    ("Orvik Motors will build a plant in Kassel, which will turn out 50,000 tons of lithium hydroxide a year.",
     "lithium hydroxide"),
])
def test_a_plant_described_by_a_relative_clause_makes_its_product(extractor, text, product):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Orvik Motors Kassel plant", "produces", product) in f, f


@pytest.mark.parametrize("text", [
    "Orvik Motors will build a battery plant in Kassel. Mass production is scheduled to start in 2028.",
    "Orvik Motors will build a battery plant in Kassel. It aims to begin production at the plant as early as 2028.",
])
def test_a_start_of_production_without_a_plant_in_its_clause_is_the_latest_plants(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert any(s == "Orvik Motors Kassel battery plant" and p == "plannedStart" and o.startswith("2028")
               for s, p, o in f), f


def test_models_listed_after_a_plants_output_are_its_products(extractor):
    f = facts(extract_text(extractor, "Orvik Motors will build a car plant in Kassel. The Kassel plant already "
                           "turns out more than 400,000 vehicles a year, including the gasoline-powered Velo "
                           "and Strada.\n"))
    assert ("Orvik Motors Kassel car plant", "produces", "Velo") in f, f
    assert ("Orvik Motors Kassel car plant", "produces", "Strada") in f, f


@pytest.mark.parametrize("text, site, amount", [
    ("Nordwind Materials opened a cathode plant in Lyon on Monday. The plant is designed to reach "
     "90,000 tonnes a year of precursors.", "Nordwind Materials Lyon cathode plant", 90000),
    ("Norvik Recycling opened a plant in Lyon that will recycle 30,000 tonnes a year of black mass.",
     "Norvik Recycling Lyon plant", 30000),
    ("Norvik Recycling opened a plant in Lyon. The plant will recycle 30,000 tonnes a year of black mass.",
     "Norvik Recycling Lyon plant", 30000),
    # the relative clause hangs from the province, the province's phrase from the verb
    ("The cars will be built at Norvik's factory in Jinhua, in Zhejiang province, which can turn out "
     "120,000 vehicles a year.", "Norvik Jinhua plant", 120000),
])
def test_what_a_works_is_designed_to_reach_or_recycle_a_year_is_its_capacity(extractor, text, site, amount):
    doc = extract_text(extractor, text + "\n")
    caps = [t.object.number for t in doc.triples if t.predicate == "capacity" and t.subject.label == site]
    assert caps == [amount], facts(doc)


@pytest.mark.parametrize("text", [
    "Nordwind Motors wants to design cars that reach 200 km an hour.",
    "Nordwind Motors sold 90,000 vehicles last year, and its sales are designed to grow.",
])
def test_designing_or_reaching_without_a_yearly_output_is_no_capacity(extractor, text):
    assert not any(p == "capacity" for _, p, _ in facts(extract_text(extractor, text + "\n")))


@pytest.mark.parametrize("text", [
    "SQM, the world's second-largest producer of the metal, supplied the plant.",
    "Zeno Auto rolled out its 8 millionth new energy vehicle this year.",
])
def test_a_word_for_goods_named_before_or_a_milestone_is_no_product(extractor, text):
    assert not any(p == "produces" for _, p, _ in facts(extract_text(extractor, text + "\n")))


def test_new_energy_vehicles_keep_their_name(extractor):
    f = facts(extract_text(extractor, "Zeno Auto makes new energy vehicles in Hefei.\n"))
    assert ("Zeno Auto", "produces", "new energy vehicles") in f, f


@pytest.mark.parametrize("text, product", [
    ("Qentis Energy will build a cathode plant in Antofagasta to make lithium iron phosphate (LFP). "
     "The plant is expected to turn out 50,000 tons of LFP a year.", "lithium iron phosphate"),
    ("Brimco makes nickel manganese cobalt (NMC) precursors. Its refinery in Porto will produce "
     "20,000 tonnes of NMC a year.", None),
])
def test_a_short_form_of_goods_is_the_goods_the_story_spelled_out(extractor, text, product):
    f = facts(extract_text(extractor, text + "\n"))
    made = {o for _, p, o in f if p == "produces"}
    if product is not None:
        assert product in made, f
    assert not any(o.isupper() for o in made), f  # never the short form as a company-like name


@pytest.mark.parametrize("text, product", [
    ("The Norvik plant in Kassel will produce up to 25,000 tonnes of battery-grade lithium carbonate a year.",
     "battery-grade lithium carbonate"),
    ("Velmar's refinery in Porto turns out 10,000 tonnes of high-purity manganese sulphate a year.",
     "high-purity manganese sulphate"),
])
def test_a_hyphenated_grade_belongs_to_the_goods(extractor, text, product):
    f = facts(extract_text(extractor, text + "\n"))
    assert product in {o for _, p, o in f if p == "produces"}, f


def test_an_equivalent_is_a_measure_not_goods(extractor):
    f = facts(extract_text(extractor, "The Velmar plant in Kassel will produce 30,000 tonnes of lithium "
                                      "carbonate equivalent (LCE) a year.\n"))
    assert not any(p == "produces" and "equivalent" in o for _, p, o in f), f


def test_money_for_a_phase_of_a_plant_is_the_plants_investment(extractor):
    doc = extract_text(extractor, "Lumina Auto will invest $200 million in the first phase of the Subang plant.\n")
    assert [t.subject.label for t in doc.triples if t.predicate == "investmentValue"] == ["Lumina Auto Subang plant"]


@pytest.mark.parametrize("second, year", [
    "Velmar has said it aims to begin production at the plant as early as 2025.|2025".split("|"),
    "The first cars are expected to roll off the line in 2026.|2026".split("|"),
    "Production is scheduled to begin in 2026.|2026".split("|"),
])
def test_a_plants_planned_start_in_several_phrasings(extractor, second, year):
    doc = extract_text(extractor, "Velmar Motors will build a plant in Porto. " + second + "\n")
    starts = [(t.subject.label, t.object.label) for t in doc.triples if t.predicate == "plannedStart"]
    assert len(starts) == 1 and starts[0][0].endswith("Porto plant") and starts[0][1] == year, doc.triples


def test_a_plant_described_by_a_relative_clause_starts_itself(extractor):
    doc = extract_text(extractor, "Velmar Motors will build a plant in Porto, which is expected to start "
                                  "production in 2027.\n")
    assert ("Velmar Motors Porto plant", "plannedStart", "2027") in facts(doc), facts(doc)


@pytest.mark.parametrize("text, year", [
    ("Velmar Motors built a plant in Porto. Commercial production started in April 2024.", "2024-04"),
    ("Velmar Motors opened a plant in Porto, which started production in 2023.", "2023"),
    ("Velmar Motors began production at its Porto plant in 2021.", "2021"),
])
def test_a_start_of_production_that_happened_launches_the_plant(extractor, text, year):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Velmar Motors Porto plant", "launched", year) in f, f
    assert not any(p == "plannedStart" for _, p, _ in f), f


def test_a_start_of_construction_launches_nothing(extractor):
    f = facts(extract_text(extractor, "Velmar Motors is building a plant in Porto. Construction started in "
                                      "April 2024.\n"))
    assert not any(p == "launched" for _, p, _ in f), f


@pytest.mark.parametrize("second, when", [
    ("Commercial production started in April.", "2024-04"),
    ("The plant started production last year.", "2023"),
])
def test_a_date_without_its_year_is_placed_by_the_articles_date(extractor, second, when):
    from kg.ingest import parse_document

    text = f"Title: Plant\nDateline: PORTO, 2024-07-03\n\nVelmar Motors built a plant in Porto. {second}\n"
    f = facts(extractor.extract(parse_document(text, "-")))
    assert ("Velmar Motors Porto plant", "launched", when) in f, f
    undated = facts(extract_text(extractor, f"Velmar Motors built a plant in Porto. {second}\n"))
    assert not any(p == "launched" for _, p, _ in undated), undated  # no article date: no guess


@pytest.mark.parametrize("text, plant", [
    ("Arhan Cell will invest $965 million in a 10 GWh cell factory in Dholera, Gujarat.", "Arhan Cell Dholera cell plant"),
    ("Arhan Cell will build a 10-gigawatt-hour battery plant in Dholera, Gujarat.", "Arhan Cell Dholera battery plant"),
])
def test_a_capacity_before_the_works_noun_is_its_capacity(extractor, text, plant):
    doc = extract_text(extractor, text + "\n")
    caps = [t.object for t in doc.triples if t.predicate == "capacity" and t.subject.label == plant]
    assert caps and caps[0].number == 10, doc.triples


def test_a_workforce_before_the_works_noun_is_no_capacity(extractor):
    f = facts(extract_text(extractor, "Arhan Cell opened a 2,000-worker plant in Dholera, Gujarat.\n"))
    assert not any(p == "capacity" for _, p, _ in f), f


@pytest.mark.parametrize("second, amount", [
    ("A second phase is expected to double capacity to 20 GWh.", "20 GWh"),
    ("The company plans to lift capacity to 100,000 vehicles as demand grows.", "100000 vehicles"),
    ("Orvane Cells will expand the plant's capacity to 40 GWh by 2030.", "40 GWh"),
])
def test_a_capacity_raised_to_an_amount_is_the_works_capacity(extractor, second, amount):
    doc = extract_text(extractor, "Orvane Cells will build a battery plant in Kassel. " + second + "\n")
    assert ("Orvane Cells Kassel battery plant", "capacity", amount) in facts(doc), doc.triples


def test_a_workforce_raised_to_a_number_is_no_capacity(extractor):
    doc = extract_text(extractor, "Orvane Cells will build a battery plant in Kassel. Orvane Cells will raise "
                                  "its workforce to 3,000 people.\n")
    assert not any(t.predicate == "capacity" for t in doc.triples), doc.triples


def test_a_sales_goal_is_no_sales_volume(extractor):
    text = ("South Korea's Hanaro Motor Co said it sold 312,000 electric vehicles in the first half.\n\n"
            "Hanaro, South Korea's second-largest carmaker, aims to sell 700,000 electric vehicles this year.\n")
    f = facts(extract_text(extractor, text))
    sales = {o for s, p, o in f if p == "salesVolume"}
    assert sales == {"312000 vehicles"}, f
    assert ("Hanaro Motor Co", "rankedAs", "South Korea's second-largest carmaker") in f, f  # "Hanaro," is the company


@pytest.mark.parametrize("text, site", [
    ("Orvane Motors will create 2,500 jobs at its plant in Lyon.", "Orvane Motors Lyon plant"),
    ("The investment will create 2,500 jobs at the Kessler plant in Lyon.", "Kessler Lyon plant"),
])
def test_jobs_created_at_a_works_are_the_works(extractor, text, site):
    doc = extract_text(extractor, text + "\n")
    assert {(t.subject.label, t.object.label) for t in doc.triples if t.predicate == "employs"} == {
        (site, "2500 jobs")}, doc.triples


@pytest.mark.parametrize("text", [
    "Orvane Motors sold 1.8 million vehicles last year, making it the world's largest EV maker.",
    "The deal makes Orvane Motors Europe's biggest battery supplier.",
])
def test_a_company_made_into_something_makes_no_product(extractor, text):
    doc = extract_text(extractor, text + "\n")
    assert not [t for t in doc.triples if t.predicate == "produces"], doc.triples


def test_a_works_that_could_deliver_tonnes_a_year_states_its_capacity(extractor):
    f = facts(extract_text(extractor, "The Tarvo project, which is still in pre-construction, could deliver "
                           "310,000 tonnes of spodumene a year.\n"))
    assert ("Tarvo project", "capacity", "310000 tonnes") in f, f
    assert not any(p == "salesVolume" for _, p, _ in f), f
