"""Ventures and groups, places inside places, and amounts paid for a site.

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from kg.extract.values import parse_money

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


@pytest.mark.parametrize("text", [
    "Ultium Cells is a joint venture between General Motors and LG Energy Solution.",
    "Ultium Cells, the joint venture formed by General Motors and LG Energy Solution, opened a plant.",
    "General Motors and LG Energy Solution launched their joint venture, Ultium Cells, on Tuesday.",
    # the parser may read the name before the comma as a clause of its own
    "Ultium Cells, the joint venture formed by investment fund General Motors and Korean battery group "
    "LG Energy Solution, on Wednesday opened a plant in Kenitra.",
])
def test_a_joint_venture_and_its_parents(extractor, text):
    f = facts(extract_text(extractor, text))
    assert ("Ultium Cells", "jointVentureOf", "General Motors") in f, f
    assert ("Ultium Cells", "jointVentureOf", "LG Energy Solution") in f, f


def test_a_venture_with_a_partner_does_not_pair_the_partner_with_the_venture(extractor):
    f = facts(extract_text(extractor, "General Motors said its joint venture with Samsung SDI, "
                                      "Cobalt Power Systems, would hire 300 people.\n"))
    assert ("General Motors", "partnersWith", "Samsung SDI") in f, f
    assert not any(p == "partnersWith" and "Cobalt Power Systems" in (s, o) for s, p, o in f), f


def test_a_group_includes_its_members_and_an_owner_owns(extractor):
    f = facts(extract_text(extractor, "Tata Group, which includes Tata Motors and Tata Steel, reported "
                                      "higher profit. Geely, the Hangzhou-based owner of Volvo Cars, said "
                                      "sales rose. The list, which includes Tata Motors, was published.\n"))
    assert ("Tata Motors", "partOf", "Tata Group") in f
    assert ("Tata Steel", "partOf", "Tata Group") in f
    assert ("Volvo Cars", "partOf", "Geely") in f
    assert sum(p == "partOf" for _, p, _ in f) == 3, f  # "the list" includes nothing


@pytest.mark.parametrize("text, inner, outer", [
    ("The loan will finance plants in Lordstown, Ohio, and Lansing, Michigan.", "Lansing", "Michigan"),
    ("Stellantis also has a gigafactory in Windsor, Ontario, with LG Energy Solution.", "Windsor", "Ontario"),
    ("The plant is in Zaragoza, in northeastern Spain.", "Zaragoza", "Spain"),
    ("The company is based in Ningde in the eastern province of Fujian.", "Ningde", "Fujian"),
])
def test_a_place_inside_a_place(extractor, text, inner, outer):
    f = facts(extract_text(extractor, text))
    assert any(s == inner and p == "locatedIn" and o.startswith(outer[:4]) for s, p, o in f), f


def test_a_list_of_towns_is_not_a_chain_of_places(extractor):
    f = facts(extract_text(extractor, "The firm has offices in Lyon, Paris and Nice.\n"))
    assert not any(p == "locatedIn" for _, p, _ in f), f


@pytest.mark.parametrize("text, amount", [
    ("Volta Energy will spend 7.34 billion euros on a cell plant in Lyon.", 7.34e9),
    ("Volta Energy opened a battery plant in Lyon. The plant cost 2 billion euros.", 2e9),
    ("Volta Energy said its $290-million cathode plant in Lyon would open in 2025.", 290e6),
    ("Volta Energy will invest $3 billion in a new factory in Lyon.", 3e9),
    ("Volta Energy will build a battery plant in Lyon. Total investment is put at 2 billion euros.", 2e9),
    ("Volta Energy will build a battery plant in Lyon. The investment is estimated at 2 billion euros.", 2e9),
    ("Volta Energy will build a battery plant in Lyon. Investment in the plant will total 2 billion euros.", 2e9),
    ("Volta Energy will build a battery plant in Lyon. The minister said the 620-million-euro project would "
     "create 1,100 jobs.", 620e6),
    ("Volta Energy opened a recycling plant in Lyon. The plant cost 120 million Norwegian crowns to build.", 120e6),
    ("Volta Energy will build a battery plant in Lyon with an investment of $1.1 billion.", 1.1e9),
    ("Volta Energy will build a battery plant in Lyon. The plant will require an investment of $1.1 billion.", 1.1e9),
])
def test_an_amount_paid_for_a_site_is_the_sites(extractor, text, amount):
    doc = extract_text(extractor, text)
    values = {(t.subject.label, t.object.number) for t in doc.triples if t.predicate == "investmentValue"}
    assert any(s.startswith("Volta Energy Lyon") and n == amount for s, n in values), values


def test_the_cost_of_something_else_is_not_the_works(extractor):
    doc = extract_text(extractor, "Volta Energy will build a battery plant in Lyon. The cost of the deal is "
                       "put at 2 billion euros.\n")
    assert not [t for t in doc.triples if t.predicate == "investmentValue" and t.subject.label.startswith(
        "Volta Energy Lyon")], facts(doc)


@pytest.mark.parametrize("text, number, unit", [
    ("$2-billion", 2e9, "USD"), ("₹7,300-crore", 7.3e10, "INR"), ("Rs 16,000 crore", 1.6e11, "INR"),
    ("RM32 billion", 3.2e10, "MYR"), ("5.5 billion reais", 5.5e9, "BRL"),
    ("150-million-U.S.-dollar", 1.5e8, "USD"),
])
def test_money_in_the_forms_news_writes_it(text, number, unit):
    value = parse_money(text)
    assert value is not None and value.number == number and value.unit == unit


def test_a_tariff_rate_belongs_to_the_state_that_sets_it(extractor):
    doc = extract_text(extractor, "Canada will impose a 100% surtax on Chinese electric vehicles. "
                                  "A separate 25% surtax on Chinese steel takes effect on Oct. 15.\n")
    f = facts(doc)
    assert ("Canada", "imposesTariffOn", "China") in f
    rates = {(t.subject.label, t.object.number) for t in doc.triples if t.predicate == "tariffRate"}
    assert rates == {("Canada", 100.0), ("Canada", 25.0)}, rates


def test_goods_shipped_to_a_state_face_its_duty(extractor):
    f = facts(extract_text(extractor, "Vehicles made in China and shipped to the United States face "
                                      "a 27.5% duty.\n"))
    assert ("United States", "imposesTariffOn", "China") in f
    assert ("United States", "tariffRate", "27.5%") in f


def test_a_company_that_pays_a_rate_does_not_set_it(extractor):
    doc = extract_text(extractor, "The European Union imposed extra duties on Chinese electric cars. "
                                  "Tesla faces a 7.8% duty.\n")
    subjects = {t.subject.label for t in doc.triples if t.predicate == "tariffRate"}
    assert subjects == {"European Union"}, subjects


@pytest.mark.parametrize("text, org, year", [
    ("Human Horizons was founded in 2017 by Ding Lei.", "Human Horizons", "2017"),
    ("Redwood Materials, founded in 2017 by JB Straubel, recycles batteries.", "Redwood Materials", "2017"),
    ("The venture, Ultium Cells, was established in 2021.", "Ultium Cells", "2021"),
])
def test_founding_dates(extractor, text, org, year):
    doc = extract_text(extractor, text)
    assert any(t.subject.label == org and t.predicate == "founded" and t.object.date == year
               for t in doc.triples), facts(doc)


def test_a_founder_who_founded_is_not_dated_as_the_company(extractor):
    f = facts(extract_text(extractor, "Jane Doe founded Acme Motors in 2016.\n"))
    assert not any(p == "founded" and s == "Jane Doe" for s, p, _ in f), f


@pytest.mark.parametrize("text, org, number", [
    ("Tesla's deliveries for 2023 totalled 1.81 million, up 38%.", "Tesla", 1.81e6),
    ("BYD's BEV sales rose 73% to about 1.57 million.", "BYD", 1.57e6),
])
def test_a_bare_count_of_sales_is_the_owners_sales_volume(extractor, text, org, number):
    doc = extract_text(extractor, text)
    volumes = {(t.subject.label, t.object.number) for t in doc.triples if t.predicate == "salesVolume"}
    assert volumes == {(org, number)}, volumes  # the 73% rise is not a volume


@pytest.mark.parametrize("text, a, rel, b", [
    ("Norway's Ministry of Industry has signed an agreement with carmaker Orvik Motors.",
     "Ministry of Industry of Norway", "cooperatesWith", "Orvik Motors"),  # a state's ministry, named with it
    # the parser may make the partner the subject of the agreement's purpose
    ("Norway's Ministry of Industry has signed an agreement with Swedish carmaker Orvik Motors to develop, "
     "make and sell cars, the agency said.", "Ministry of Industry of Norway", "cooperatesWith", "Orvik Motors"),
    ("Acme Motors signed an agreement with Beta Cells to supply batteries.",
     "Acme Motors", "partnersWith", "Beta Cells"),
    ("The agreement between Acme Motors and Beta Cells runs to 2030.",
     "Acme Motors", "partnersWith", "Beta Cells"),
])
def test_an_agreement_is_a_partnership_between_companies_and_cooperation_with_a_state(
        extractor, text, a, rel, b):
    f = facts(extract_text(extractor, text))
    assert (a, rel, b) in f or (b, rel, a) in f, f


def test_a_named_venture_links_its_parents_through_itself(extractor):
    f = facts(extract_text(extractor, "Ultium Cells is a joint venture between General Motors and "
                                      "LG Energy Solution.\n"))
    assert ("Ultium Cells", "jointVentureOf", "General Motors") in f
    assert not any(p == "partnersWith" for _, p, _ in f), f


@pytest.mark.parametrize("text, maker, product", [
    ("Volta Energy produces battery cells and modules in Lyon.", "Volta Energy", "battery cells"),
    ("Norsk Lithium will make lithium hydroxide for battery makers.", "Norsk Lithium", "lithium hydroxide"),
])
def test_what_a_maker_puts_out(extractor, text, maker, product):
    assert (maker, "produces", product) in facts(extract_text(extractor, text))


def test_a_decision_is_not_a_product(extractor):
    f = facts(extract_text(extractor, "Acme Motors made the decision to close the plant.\n"))
    assert not any(p == "produces" for _, p, _ in f), f


@pytest.mark.parametrize("text", [
    "The project lies far from the clusters around Chennai, Hosur and Coimbatore.",
    "UzAuto, Uzbekistan's largest carmaker, makes the cars.",
    "CATL already operates plants in Europe, in Germany and Hungary.",
])
def test_lists_possessives_and_continents_are_not_places_in_places(extractor, text):
    f = facts(extract_text(extractor, text))
    assert not any(p == "locatedIn" for _, p, _ in f), f


def test_a_possessive_after_a_comma_is_not_the_place_holding_the_town(extractor):
    f = facts(extract_text(extractor, "In Beijing, China's Ministry of Commerce said it opposed the decision.\n"))
    assert ("Beijing", "locatedIn", "China") not in f, f


@pytest.mark.parametrize("text, name", [
    ("China's Tianqi Lithium, which owns about a fifth of the miner, objected.", "Tianqi Lithium"),
    ("South Korean battery maker SK On said it would cut jobs.", "SK On"),
])
def test_company_names_ner_misses(extractor, text, name):
    doc = extract_text(extractor, text)
    assert (name, "Organization") in {(e.label, e.type) for e in doc.entities}


@pytest.mark.parametrize("text, backer, backed", [
    ("The U.S. Department of Energy has offered a loan of up to $7.54 billion to StarPlus Energy.",
     "U.S. Department of Energy", "StarPlus Energy"),
    ("The Ontario government has offered up to C$2.5 billion in direct and indirect support to Honda.",
     "Government of Ontario", "Honda"),
])
def test_public_backing_is_support(extractor, text, backer, backed):
    assert (backer, "supports", backed) in facts(extract_text(extractor, text))


def test_a_loan_between_companies_named_nowhere_is_not_support(extractor):
    f = facts(extract_text(extractor, "Acme gave the company a loan of $5 million.\n"))
    assert not any(p == "supports" for _, p, _ in f), f


def test_a_leader_who_receives_or_hosts_a_visitor_meets_them(extractor):
    f = facts(extract_text(extractor, "Prime Minister Pedro Sanchez, who received Robin Zeng at the "
                                      "palace on Monday, praised the deal. Xi Jinping hosted Emmanuel "
                                      "Macron in Guangzhou. The company received a grant.\n"))
    assert ("Pedro Sanchez", "metWith", "Robin Zeng") in f
    assert ("Xi Jinping", "metWith", "Emmanuel Macron") in f
    assert sum(p == "metWith" for _, p, _ in f) == 2, f


def test_people_who_sign_together_meet(extractor):
    f = facts(extract_text(extractor, "The memorandum was signed on Monday by European Commission "
                                      "President Ursula von der Leyen and Kazakh Prime Minister Alikhan "
                                      "Smailov.\n"))
    assert ("Ursula von der Leyen", "metWith", "Alikhan Smailov") in f
    assert ("Alikhan Smailov", "holdsPosition", "Prime Minister of Kazakhstan") in f


@pytest.mark.parametrize("text", [
    "Nordwind Motors agreed to set up a joint venture with Kestrel Energy to make batteries.",
    "Nordwind Motors and Kestrel Energy will form a joint venture to make batteries.",
    "The batteries will come from a joint venture of Nordwind Motors and Kestrel Energy.",
])
def test_an_unnamed_venture_is_named_from_its_parents(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    for parent in ("Nordwind Motors", "Kestrel Energy"):
        assert ("Nordwind Motors-Kestrel Energy joint venture", "jointVentureOf", parent) in f, f


def test_the_venture_later_is_the_unnamed_one_and_takes_a_name_given_later(extractor):
    text = ("Nordwind Motors agreed to set up a joint venture with Kestrel Energy. "
            "The venture will build a plant in Kassel.\n")
    f = facts(extract_text(extractor, text))
    assert ("Nordwind Motors-Kestrel Energy joint venture", "builds",
            "Nordwind Motors-Kestrel Energy Kassel plant") in f, f
    text = ("Nordwind Motors agreed to set up a joint venture with Kestrel Energy. "
            "The venture, named Nordkest Cells, will build a plant in Kassel.\n")
    f = facts(extract_text(extractor, text))
    assert ("Nordkest Cells", "jointVentureOf", "Kestrel Energy") in f, f
    assert not any("joint venture" in s for s, _, _ in f), f


@pytest.mark.parametrize("text", [
    "Ottawa imposed a 100% surtax on Chinese electric vehicles.",
    "Ottawa's 100% surtax on Chinese electric vehicles took effect.",
])
def test_a_capital_that_acts_stands_for_its_country(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Canada", "imposesTariffOn", "China") in f, f


def test_a_capital_as_a_place_stays_a_city(extractor):
    doc = extract_text(extractor, "Nordwind Motors opened an office in Ottawa, where it employs 40 people.\n")
    assert not any(e.type == "Country" and e.label == "Canada" for e in doc.entities), doc.entities


def test_money_put_into_a_company_is_an_investment_and_into_an_unnamed_venture_parenthood(extractor):
    f = facts(extract_text(extractor, "Kestrel Energy will put 510 million yuan into Nordwind Cells.\n"))
    assert ("Kestrel Energy", "investsIn", "Nordwind Cells") in f, f
    f = facts(extract_text(extractor, "Nordwind Motors and Kestrel Energy will invest 4 billion euros "
                           "in a joint venture to build batteries.\n"))
    assert not any(p == "investsIn" for _, p, _ in f), f
    assert ("Nordwind Motors-Kestrel Energy joint venture", "jointVentureOf", "Kestrel Energy") in f, f


@pytest.mark.parametrize("text, fact", [
    ("Chery Group, the state-owned carmaker based in Wuhu, Anhui province, grew.",
     ("Chery Group", "basedIn", "Wuhu")),
    ("Geely, the Hangzhou-headquartered owner of Volvo Cars, agreed.",
     ("Geely", "headquarteredIn", "Hangzhou")),
    ("Nordwind Motors, the Oslo-based carmaker, grew.", ("Nordwind Motors", "basedIn", "Oslo")),
])
def test_based_and_headquartered_in_a_description_beside_the_name(extractor, text, fact):
    f = facts(extract_text(extractor, text + "\n"))
    assert fact in f, f


def test_rates_companies_pay_are_the_imposers_tariff_rates(extractor):
    doc = extract_text(extractor, "The European Union imposed duties on Chinese electric cars on Tuesday. "
                       "BYD will pay an additional 17.0%. Geely was set at 18.8%, and Tesla obtained an "
                       "individual rate of 7.8%.\n")
    rates = {t.object.number for t in doc.triples if t.predicate == "tariffRate"
             and t.subject.label == "European Union"}
    assert {17.0, 18.8, 7.8} <= rates, facts(doc)
    doc = extract_text(extractor, "Velora Motors said its margin rose by 12% last year.\n")
    assert not any(t.predicate == "tariffRate" for t in doc.triples)


def test_the_destination_of_taxed_goods_is_the_articles_tariff_setter(extractor):
    doc = extract_text(extractor, "Extra duties of up to 35.3% on electric cars shipped from China to the "
                       "European Union came into force on Wednesday. Geely will pay an additional 18.8%.\n")
    rates = {t.object.number for t in doc.triples if t.predicate == "tariffRate"
             and t.subject.label == "European Union"}
    assert 18.8 in rates, facts(doc)


def test_its_in_a_list_is_the_item_before_and_the_next_item_is_not_described(extractor):
    f = facts(extract_text(extractor, "Bolivia signed the deal with CBC, a group made up of Kestrel Energy, "
                           "its recycling subsidiary Velo Cycle and the mining company Nordmin.\n"))
    assert ("Velo Cycle", "partOf", "Kestrel Energy") in f, f
    assert not any(s == "Nordmin" and p == "partOf" for s, p, _ in f), f


@pytest.mark.parametrize("text, holder, held", [
    ("Nordwind Motors will buy a 4.99% stake in Zeltrix for about $700 million.", "Nordwind Motors", "Zeltrix"),
    ("Kestrel Energy, which owns about 17% of Varnok, backed the plan.", "Kestrel Energy", "Varnok"),
])
def test_a_stake_is_held_in_a_company_whatever_ner_called_it(extractor, text, holder, held):
    doc = extract_text(extractor, text + "\n")
    assert (holder, "investsIn", held) in facts(doc), facts(doc)
    assert {e.label: e.type for e in doc.entities}.get(held) == "Organization"


def test_a_named_venture_survives_a_parse_that_misses_the_apposition(extractor):
    """The misparse seen in news ('X' read as a clause of its own), built by hand so the test
    does not depend on what the tagger does with a given sentence."""
    from spacy.tokens import Doc

    words = "VANCO , the joint venture formed by Al Varda and Qentis Materials , opened a plant .".split()
    heads = [13, 13, 4, 4, 13, 4, 5, 8, 6, 8, 11, 8, 13, 13, 15, 13, 13]
    deps = ["advcl", "punct", "det", "amod", "nsubj", "acl", "agent", "compound", "pobj", "cc", "compound",
            "conj", "punct", "ROOT", "det", "dobj", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "ADJ", "NOUN", "VERB", "ADP", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN",
           "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["NNP", ",", "DT", "JJ", "NN", "VBN", "IN", "NNP", "NNP", "CC", "NNP", "NNP", ",", "VBD", "DT", "NN", "."]
    lemmas = [w.lower() if p not in ("PROPN",) else w for w, p in zip(words, pos)]
    lemmas[5], lemmas[13] = "form", "open"
    ents = ["B-ORG"] + ["O"] * 6 + ["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG"] + ["O"] * 5
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)
    for name in ("kg_entities_v1", "kg_coref_v1", "kg_relations_v1"):
        doc = extractor.nlp.get_pipe(name)(doc)
    clusters = doc._.kg_resolution.clusters
    found = {(clusters[f.s].label, f.p, clusters[f.o].label) for f in doc._.kg_facts if isinstance(f.o, int)}
    assert ("VANCO", "jointVentureOf", "Al Varda") in found, found
    assert ("VANCO", "jointVentureOf", "Qentis Materials") in found, found


@pytest.mark.parametrize("text", [
    "Orvik Motors partners such as Toyota and Panasonic will supply cells.",
    "Orvik Motors said its partners, including Toyota and Panasonic, backed the plan.",
    "Orvik Motors grew fast. Several existing Orvik Motors partners, among them Toyota, Volvo, Panasonic "
    "and Envision AESC, have operations in the region.",
])
def test_partners_listed_after_the_noun_partner_with_its_owner(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Orvik Motors", "partnersWith", "Toyota") in f and ("Orvik Motors", "partnersWith", "Panasonic") in f, f


def test_partners_of_something_else_are_not_listed_partners(extractor):
    f = facts(extract_text(extractor, "Orvik Motors met partners in Lyon, and Toyota said it was pleased.\n"))
    assert not any(p == "partnersWith" for _, p, _ in f), f


@pytest.mark.parametrize("text", [
    "Orvik Motors is Kestrel Cells' largest shareholder.",
    "Orvik Motors became the biggest investor in Kestrel Cells.",
    "Kestrel Cells grew fast. Orvik Motors, which owns about a fifth of Kestrel Cells, backed the plan.",
])
def test_a_shareholder_invests_in_the_company(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Orvik Motors", "investsIn", "Kestrel Cells") in f, f


def test_the_levels_a_tariff_goes_through_are_the_imposing_states_rates(extractor):
    doc = extract_text(extractor, "Norway will impose import duties on electric cars from January. "
                                  "Plug-in hybrids start at 12% and climb through 20% to 35%, "
                                  "while the duty on batteries doubles to 50%.\n")
    rates = {(t.subject.label, t.object.number) for t in doc.triples if t.predicate == "tariffRate"}
    assert {("Norway", 12.0), ("Norway", 20.0), ("Norway", 35.0), ("Norway", 50.0)} <= rates, rates


def test_a_percentage_that_is_no_tariff_is_no_rate(extractor):
    doc = extract_text(extractor, "Norway will impose import duties on electric cars from January. "
                                  "Separately, car sales climbed to 12% of the market.\n")
    rates = {(t.subject.label, t.object.number) for t in doc.triples if t.predicate == "tariffRate"}
    assert ("Norway", 12.0) not in rates, rates



@pytest.mark.parametrize("text", [
    "Orvik Motors will invest about C$15 billion ($11 billion) in Ontario.",
    "Orvik Motors will invest 15 billion Canadian dollars, or some $11 billion, in Ontario.",
])
def test_money_in_two_currencies_is_one_amount(extractor, text):
    doc = extract_text(extractor, text + "\n")
    amounts = [t.object.unit for t in doc.triples if t.predicate == "investmentValue"]
    assert amounts == ["CAD"], amounts


def test_two_amounts_for_two_things_stay_two(extractor):
    doc = extract_text(extractor, "Orvik Motors will invest $2 billion in Lyon and $3 billion in Porto.\n")
    assert len([t for t in doc.triples if t.predicate == "investmentValue"]) == 2


@pytest.mark.parametrize("text, rel", [
    ("Norway and Chile have agreed to work together on raw materials and batteries.", "cooperatesWith"),
    ("Orvik Motors and Kestrel Cells will work together on solid-state batteries.", "partnersWith"),
])
def test_working_together_is_cooperation_of_states_and_partnership_of_companies(extractor, text, rel):
    doc = extract_text(extractor, text + "\n")
    assert any(t.predicate == rel for t in doc.triples), facts(doc)


@pytest.mark.parametrize("text", [
    "Orvik Motors, the maker of Velo, Strada and Nuvo vehicles, said sales rose.",
    "Orvik Motors, the maker of Peugeot and Fiat cars, said sales rose.",
])
def test_the_makes_a_maker_is_said_to_make_are_its_brands(extractor, text):
    doc = extract_text(extractor, text + "\n")
    brands = {s for s, p, o in facts(doc) if p == "brandOf" and o == "Orvik Motors"}
    assert len(brands) >= 2 and not any("," in b for b in brands), brands


def test_a_ministry_with_a_list_in_its_name_stays_one(extractor):
    mentions = extractor.nlp("The Ministry of Development, Industry, Trade and Services said on Monday it agreed.")._.kg_mentions
    assert any(m.text.endswith("Trade and Services") and m.text.startswith("Ministry") for m in mentions) or not any(
        m.text == "Industry" for m in mentions), [(m.text, m.type) for m in mentions]


@pytest.mark.parametrize("text, brand, owner", [
    ("Orvik Motors sells premium electric cars under its Strada brand.", "Strada", "Orvik Motors"),
    ("Kovalt Group said its Lumo brand would enter Europe.", "Lumo", "Kovalt Group"),
])
def test_a_companys_named_brand_is_its_brand(extractor, text, brand, owner):
    assert (brand, "brandOf", owner) in facts(extract_text(extractor, text + "\n"))


@pytest.mark.parametrize("text, holder, amount", [
    # money granted, lent or earmarked is the recipient's ...
    ("The Energy Department earmarked $300 million to retool its Kassel Assembly Plant in Ohio.",
     "Kassel Assembly Plant", 300e6),
    ("The government has offered a loan of up to $2 billion to Norvik Energy to help pay for two battery "
     "plants.", "Norvik Energy", 2e9),
    # ... money set aside, put in or spent is the spender's
    ("Norvik Motors has set aside $500 million for the first phase of the project.", "Norvik Motors", 500e6),
    ("Norvik Energy will put 500 million yuan into the venture.", "Norvik Energy", 500e6),
    ("Norvik Energy plans capital spending of about $1.3 billion in 2024.", "Norvik Energy", 1.3e9),
    # what a works was built for
    ("Norvik Energy runs a cell factory in Lyon, which was built for $1.1 billion in the first phase.",
     "Norvik Energy Lyon cell plant", 1.1e9),
])
def test_money_given_or_set_aside_for_something_is_an_investment(extractor, text, holder, amount):
    doc = extract_text(extractor, text + "\n")
    values = [t.object.number for t in doc.triples if t.predicate == "investmentValue" and t.subject.label == holder]
    assert values == [amount], facts(doc)


@pytest.mark.parametrize("text", [
    "Norvik Energy set the price at $30,000.",
    "Ethiopia spent about $6 billion on imported fuel last year.",
    "The city's spending of $40 million on roads was criticised.",
])
def test_prices_imports_and_public_spending_are_no_investment(extractor, text):
    assert not any(p == "investmentValue" for _, p, _ in facts(extract_text(extractor, text + "\n")))


@pytest.mark.parametrize("text, rel, amount", [
    ("Norvik Motors sold an estimated 30,000 to 35,000 cars in Peru last year.", "salesVolume", 30000),
    ("Norvik Energy will invest $2 billion to $3 billion in Peru.", "investmentValue", 2e9),
    ("Norvik Energy put the cost of its Lyon plant at between $750 million and $800 million.",
     "investmentValue", 750e6),
])
def test_a_range_is_one_amount_read_as_its_lower_end(extractor, text, rel, amount):
    doc = extract_text(extractor, text + "\n")
    assert [t.object.number for t in doc.triples if t.predicate == rel] == [amount], facts(doc)


def test_two_amounts_joined_by_and_are_two(extractor):
    doc = extract_text(extractor, "Norvik Motors sold 30,000 cars in 2023 and 35,000 cars in 2024.\n")
    assert sorted(t.object.number for t in doc.triples if t.predicate == "salesVolume") == [30000, 35000]


@pytest.mark.parametrize("text, place", [
    ("Velo Auto, headquartered in the southern Chinese city of Shenzhen, sold 3 million vehicles last year.",
     ("headquarteredIn", "Shenzhen")),
    ("Velo Auto is based in the city of Shenzhen.", ("basedIn", "Shenzhen")),
])
def test_a_seat_in_the_city_of_a_town_is_in_the_town(extractor, text, place):
    assert ("Velo Auto", *place) in facts(extract_text(extractor, text + "\n"))


def test_entering_into_a_venture_with_a_partner_makes_both_parents(extractor):
    f = facts(extract_text(extractor, "Norvik Motors is entering into an equally owned joint venture with "
                                      "Peltan Chem to mass produce battery cells.\n"))
    assert {o for s, p, o in f if p == "jointVentureOf"} == {"Norvik Motors", "Peltan Chem"}, f


def test_states_side_by_side_in_a_list_are_not_inside_each_other(extractor):
    f = facts(extract_text(extractor, "Ultra Cells runs three plants in Ohio, Tennessee and Michigan.\n"))
    assert not any(p == "locatedIn" and s in ("Ohio", "Tennessee") for s, p, _ in f), f
    f = facts(extract_text(extractor, "The plants are in Lordstown, Ohio, and Lansing, Michigan.\n"))
    assert ("Lansing", "locatedIn", "Michigan") in f, f


def test_its_joint_venture_is_a_companys_and_named_after_the_partner(extractor):
    f = facts(extract_text(extractor, "Norvik Energy operates plants in South Korea, China, Poland and the United "
                                      "States. Its joint venture with General Motors, Ultra Cells, runs three plants "
                                      "in Ohio.\n"))
    assert ("Ultra Cells", "jointVentureOf", "Norvik Energy") in f and ("Ultra Cells", "jointVentureOf",
                                                                        "General Motors") in f, f
    assert not any(s == "United States" for s, _, _ in f), f


@pytest.mark.parametrize("text, ministry", [
    ("China's commerce ministry said the decision was protectionism.", "Ministry of Commerce of China"),
    ("Japan's foreign ministry said talks would continue.", "Ministry of Foreign Affairs of Japan"),
])
def test_a_states_ministry_is_named_by_its_portfolio_and_state(extractor, text, ministry):
    f = facts(extract_text(extractor, text + "\n"))
    assert any(s == ministry and p == "partOf" for s, p, _ in f), f


def test_a_tariff_imposed_on_a_countrys_goods_targets_the_country(extractor):
    f = facts(extract_text(extractor, "The European Union will impose additional tariffs of up to 38.1% on imported "
                                      "Chinese electric cars from July.\n"))
    assert ("European Union", "imposesTariffOn", "China") in f, f


def test_a_countrys_exports_worth_an_amount_are_its_trade(extractor):
    f = facts(extract_text(extractor, "Chinese exports of electric vehicles to the EU were worth $11.5 billion "
                                      "last year.\n"))
    assert ("China", "tradeValue", "11.5 billion USD") in f, f


def test_a_countrys_possessive_stays_with_the_first_of_two_described_companies(extractor):
    f = facts(extract_text(extractor, "Chile's state copper company Codelta and lithium producer Salar Minerals "
                                      "signed a deal on Thursday.\n"))
    assert ("Codelta", "nationality", "Chile") in f, f
    assert ("Salar Minerals", "nationality", "Chile") not in f, f


def test_the_state_of_a_country_is_the_place_not_the_country(extractor):
    f = facts(extract_text(extractor, "Norvik Motors is building a $5 billion battery plant in the U.S. state of "
                                      "Georgia.\n"))
    assert ("Norvik Motors Georgia battery plant", "locatedIn", "Georgia") in f, f
    assert not any(o == "United States" for _, _, o in f), f


@pytest.mark.parametrize("text", [
    "Norvik Motors, which has its headquarters in Lyon, will build a plant in Spain.",
    "Norvik Motors grew fast. The company's headquarters are in Lyon.",
])
def test_a_companys_headquarters_in_a_town(extractor, text):
    assert ("Norvik Motors", "headquarteredIn", "Lyon") in facts(extract_text(extractor, text + "\n"))


def test_deals_signed_between_two_states_are_cooperation(extractor):
    f = facts(extract_text(extractor, "The visit produced $15.6 billion in deals signed between South Korea and "
                                      "Saudi Arabia.\n"))
    assert ("South Korea", "cooperatesWith", "Saudi Arabia") in f, f


def test_a_ministry_of_a_story_about_one_country_is_named_with_the_country(extractor):
    doc = extract_text(extractor, "Indonesia wants battery plants. Indonesia has nickel, and Indonesia's President "
                                  "welcomed the deal. Norvik Motors signed a memorandum of understanding with the "
                                  "Investment Ministry on Monday.\n")
    assert "Ministry of Investment of Indonesia" in {e.label for e in doc.entities}, doc.entities


def test_an_agreement_with_the_city_of_a_town_is_cooperation_with_the_town(extractor):
    f = facts(extract_text(extractor, "Norvik Energy signed a land purchase agreement with the city of Kassel on "
                                      "Monday.\n"))
    assert ("Norvik Energy", "cooperatesWith", "Kassel") in f, f


@pytest.mark.parametrize("text, fact", [
    ("Some $15.6 billion in deals were struck between South Korea and Saudi Arabia during the visit.",
     ("South Korea", "cooperatesWith", "Saudi Arabia")),
    ("A supply agreement was signed between Norvik Energy and Peltan Motors on Monday.",
     ("Norvik Energy", "partnersWith", "Peltan Motors")),
])
def test_an_agreement_signed_between_two_parties(extractor, text, fact):
    assert fact in facts(extract_text(extractor, text + "\n"))


def test_a_venture_formed_by_a_described_name_and_its_partner(extractor):
    text = ("Indian conglomerate Arvind Industries and South Korea's Hanul Chemical have agreed to form a 60:40 "
            "joint venture to make battery cells in India. The venture, to be called Arhan Cell Technologies, will "
            "invest 8,000 crore rupees in a 10 GWh cell factory in Dholera, Gujarat.\n")
    f = facts(extract_text(extractor, text))
    assert ("Arhan Cell Technologies", "jointVentureOf", "Arvind Industries") in f, f
    assert ("Arhan Cell Technologies", "jointVentureOf", "Hanul Chemical") in f, f
    built = [o for s, p, o in f if s == "Arhan Cell Technologies" and p == "builds"]
    assert built and "GWh" not in built[0] and built[0].endswith("Dholera cell plant"), f


def test_an_apposition_after_a_pair_describes_the_name_beside_it(extractor):
    f = facts(extract_text(extractor, "The factory belongs to a joint venture between Velmar Motors and Brimco "
                                      "Industries, Portugal's largest carmaker, which is based in Porto.\n"))
    assert ("Brimco Industries", "rankedAs", "Portugal's largest carmaker") in f, f
    assert ("Brimco Industries", "nationality", "Portugal") in f, f
    assert not any(s == "Velmar Motors" and p in ("rankedAs", "nationality") for s, p, _ in f), f


@pytest.mark.parametrize("text, plant, amount", [
    ("Kessler Chemie AG will build a cathode plant in Ohio at a cost of about $1.5 billion, the company said.",
     "Kessler Chemie Ohio cathode plant", "1.5 billion USD"),
    ("Kessler Chemie AG and Toyoda Tsusho Corp will jointly build a cathode plant in Ohio at a cost of $2 billion.",
     "Kessler Chemie-Toyoda Tsusho Ohio cathode plant", "2 billion USD"),
])
def test_a_plant_built_at_a_cost_costs_that(extractor, text, plant, amount):
    assert (plant, "investmentValue", amount) in facts(extract_text(extractor, text + "\n"))


@pytest.mark.parametrize("text", [
    "Toyoda Tsusho has invested in lithium projects in Argentina and Australia.",
    "Toyoda Tsusho invested in mines in Chile last year.",
])
def test_investing_in_things_somewhere_is_no_investment_in_the_country(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert not any(p == "investsIn" for _, p, _ in f), f


def test_investing_in_a_country_still_is(extractor):
    f = facts(extract_text(extractor, "Toyoda Tsusho Corp invested in Argentina last year.\n"))
    assert ("Toyoda Tsusho Corp", "investsIn", "Argentina") in f, f


@pytest.mark.parametrize("text, a, b", [
    ("Orvane Motors and Kessler AG will jointly develop a battery.", "Orvane Motors", "Kessler AG"),
    ("Orvane Motors and Kessler AG plan to jointly explore for lithium in Chile.", "Orvane Motors",
     "Kessler AG"),
])
def test_companies_doing_something_jointly_are_partners(extractor, text, a, b):
    assert (a, "partnersWith", b) in facts(extract_text(extractor, text + "\n"))


@pytest.mark.parametrize("text, target", [
    ("Orvane Motors plans to invest $2 billion in Mexico over the next five years.", "Mexico"),
    ("Orvane Motors will invest 500 million euros in Kessler Cells.", "Kessler Cells"),
])
def test_an_investment_phrase_after_the_amount_names_the_target(extractor, text, target):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Orvane Motors", "investsIn", target) in f, f


@pytest.mark.parametrize("text", [
    "Zentra, the Paris-headquartered group created in 2021 by the merger of Alvo Motors and Bexa, owns a stake in Orvane.\n",
    "Zentra, a group formed by the merger of Alvo Motors and Bexa, will build a plant in Lyon.\n",
])
def test_a_group_created_by_a_merger_is_no_joint_venture(extractor, text):
    doc = extract_text(extractor, text)
    assert not [t for t in doc.triples if t.predicate in ("jointVentureOf", "partnersWith")], facts(doc)


@pytest.mark.parametrize("text, number, unit", [
    ("120 million Norwegian crowns", 1.2e8, "NOK"), ("2 billion Swedish kronor", 2e9, "SEK"),
    ("5 billion zlotys", 5e9, "PLN"), ("20 billion Moroccan dirhams", 2e10, "MAD"),
])
def test_crowns_zlotys_and_dirhams(text, number, unit):
    value = parse_money(text)
    assert value is not None and value.number == number and value.unit == unit


def test_dirhams_in_a_story_about_morocco_are_moroccan(extractor):
    doc = extract_text(extractor, "Orvane Cells will build a cathode plant in Kenitra, Morocco. Total investment "
                       "is put at 20 billion dirhams, the Moroccan government said.\n")
    units = {t.object.unit for t in doc.triples if t.predicate == "investmentValue"}
    assert units == {"MAD"}, facts(doc)


@pytest.mark.parametrize("text, rate", [
    ("Brazil raised its import tax on electric cars to 18% in July, up from 10%.", 18.0),
    ("Brazil imposes a 35% import tax on electric cars.", 35.0),
    ("Brazil raised the customs tax on electric cars to 18%.", 18.0),
])
def test_an_import_tax_is_a_duty(extractor, text, rate):
    doc = extract_text(extractor, text + "\n")
    rates = {(t.subject.label, t.object.number) for t in doc.triples if t.predicate == "tariffRate"}
    assert rates == {("Brazil", rate)}, rates


def test_an_income_tax_is_no_duty(extractor):
    doc = extract_text(extractor, "Brazil cut its income tax to 15%.\n")
    assert not [t for t in doc.triples if t.predicate == "tariffRate"]


def test_an_amount_in_wire_style_before_the_works(extractor):
    doc = extract_text(extractor, "Volta Energy will build a bus plant in Lyon. The 150-million-U.S.-dollar "
                                  "facility will open in 2026.\n")
    values = {(t.subject.label, t.object.number) for t in doc.triples if t.predicate == "investmentValue"}
    assert ("Volta Energy Lyon bus plant", 1.5e8) in values, values


def test_a_government_that_signs_with_a_builder_builds_nothing(extractor):
    doc = extract_text(extractor, "Volta Energy signed an agreement with the Kenyan government to build a bus "
                                  "plant in Mombasa.\n")
    builders = {t.subject.label for t in doc.triples if t.predicate == "builds"}
    assert builders == {"Volta Energy"}, builders
