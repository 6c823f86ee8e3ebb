"""Rules added after reading stories of our own (not in the repository).

Visits to a company's site; an employer named before a title that NER missed there;
'it' after a subject no name stands for; building with a partner; Georgia the U.S. state;
two titled people in one phrase; a company's executives and its sites; ownership, founding,
stakes and passives; names NER misses or mistypes where they recur.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline

TEXT = """LISBON, June 9 -- Portuguese battery start-up Lusocell signed a supply agreement with Stellantis on Monday.
Stellantis chief executive Marco Vieri toured Lusocell's pilot line in Porto last week and met Lusocell founder Rita Gomes.
Finance director Paulo Sousa said the deal was worth 300 million euros.
The 2-billion-euro factory will make cells for small cars. It is expected to employ 1,200 people by 2028.
"""


@pytest.fixture(scope="module")
def doc(extractor):
    return extract_text(extractor, TEXT)


def test_employer_named_elsewhere_is_split_from_the_title(doc):
    f = facts(doc)
    assert ("Marco Vieri", "directorOf", "Stellantis") in f
    roles = {e.label for e in doc.entities if e.type == "Role"}
    # the employer names the role once, after the title, never glued in front of it
    assert "Chief Executive of Stellantis" in roles, roles
    assert not any(r.startswith("Stellantis") for r in roles), roles
    # a portfolio word is not a company: "Finance director" stays one title
    assert not any(e.label == "Finance" and e.type == "Organization" for e in doc.entities)


def test_touring_a_site_visits_its_owner_and_place(doc):
    f = facts(doc)
    assert ("Marco Vieri", "visited", "Lusocell") in f
    assert ("Marco Vieri", "visited", "Porto") in f
    assert ("Marco Vieri", "metWith", "Rita Gomes") in f


def test_it_after_an_unnamed_subject_is_left_unresolved(doc):
    # "It" continues "the factory"; the nearest company is not what employs the 1,200.
    wrong = [t for t in doc.triples if t.predicate == "employs" and t.subject.type == "Organization"]
    assert wrong == [], [(t.subject.label, t.object.label) for t in wrong]


US_TEXT = """ATLANTA, Oct. 14 -- Acme Motors opened a battery plant in Georgia on Tuesday.
Georgia Governor Brian Kemp attended the opening. The United States is Acme's largest market.
"""
CAUCASUS_TEXT = """TBILISI, May 2 -- Georgia signed a transit agreement with Azerbaijan on Friday.
Georgian Prime Minister Irakli Kobakhidze said trade with Azerbaijan would grow.
"""


def _typed(extractor, text):
    doc = extract_text(extractor, text)
    return doc, {(e.label, e.type) for e in doc.entities}


def test_georgia_is_the_us_state_in_a_us_story_and_the_country_otherwise(extractor):
    doc, entities = _typed(extractor, US_TEXT)
    assert ("Georgia", "Region") in entities and ("Georgia", "Country") not in entities
    assert not [t for t in doc.triples if t.predicate == "nationality" and t.object.label == "Georgia"]
    doc, entities = _typed(extractor, CAUCASUS_TEXT)
    assert ("Georgia", "Country") in entities
    assert ("Irakli Kobakhidze", "holdsPosition", "Prime Minister of Georgia") in facts(doc)


PLANT_TEXT = """WARSAW, Feb. 3 -- Acme Motors will build a second plant with Beta Power in Gdansk, the company said.
Gamma Cells opened a joint-venture battery plant in Porto last year.
"""


def test_building_with_a_partner_and_a_place_after_the_partner(extractor):
    doc, _ = _typed(extractor, PLANT_TEXT)
    f = facts(doc)
    assert ("Acme Motors", "partnersWith", "Beta Power") in f
    assert ("Acme Motors", "hasFacilityIn", "Gdańsk") in f  # the gazetteer spelling
    plants = {t.object.label for t in doc.triples if t.predicate == "builds"}
    assert any(p.startswith("Acme Motors") and "Gdansk" in p for p in plants), plants
    # "joint-venture battery plant": the label does not start at the split word
    assert not any(e.label.startswith("venture") for e in doc.entities), [e.label for e in doc.entities]


VISIT_TEXT = """BERLIN, Sept. 9 -- German Chancellor Anna Weber and Bavaria premier Jonas Keller attended the launch.
Weber met senior Volvo executives at the company's factory in Gothenburg on Tuesday.
She also visited the headquarters of battery maker Lumacell in Munich.
"""


def test_two_titled_people_in_one_phrase_keep_their_own_titles(extractor):
    doc, _ = _typed(extractor, VISIT_TEXT)
    f = facts(doc)
    assert ("Anna Weber", "holdsPosition", "Chancellor of Germany") in f
    assert ("Jonas Keller", "holdsPosition", "Bavaria premier") in f


def test_meeting_a_company_s_executives_at_its_site(extractor):
    doc, entities = _typed(extractor, VISIT_TEXT)
    f = facts(doc)
    assert ("Anna Weber", "metWith", "Volvo") in f
    assert ("Volvo", "hasFacilityIn", "Gothenburg") in f
    assert ("Lumacell", "Organization") in entities  # named after "battery maker", missed by NER
    assert ("Anna Weber", "visited", "Lumacell") in f


OWNERSHIP_TEXT = """PARIS, April 4 -- Renault's battery unit Ampera opened a plant in Douai.
Ampera is expanding through a partnership with Stellantis, the maker of Peugeot and Fiat cars.
"""
# on its own: after the lines above, NER no longer reads "Geely" as a name
CONTROL_TEXT = "Geely, which also controls carmaker Volvo Cars, plans a new plant in Hungary.\n"


def test_units_brands_and_control(extractor):
    doc, _ = _typed(extractor, OWNERSHIP_TEXT)
    f = facts(doc)
    assert ("Ampera", "partOf", "Renault") in f
    assert ("Peugeot", "brandOf", "Stellantis") in f
    assert ("Fiat", "brandOf", "Stellantis") in f
    assert ("Volvo Cars", "partOf", "Geely") in facts(_typed(extractor, CONTROL_TEXT)[0])


STATES_TEXT = """CANBERRA, May 15 -- Chile and Australia signed a memorandum of understanding on lithium on Thursday.
According to Chile's Ministry of Mining, exports of lithium carbonate rose last year.
Chinese producer Ganfeng, the world's largest lithium maker, welcomed the deal.
"""


def test_signing_states_ministries_and_appositive_ranks(extractor):
    doc, _ = _typed(extractor, STATES_TEXT)
    f = facts(doc)
    assert ("Chile", "cooperatesWith", "Australia") in f or ("Australia", "cooperatesWith", "Chile") in f
    assert ("Ministry of Mining of Chile", "partOf", "Chile") in f
    assert ("Ganfeng", "nationality", "China") in f
    ranks = {t.object.text for t in doc.triples if t.subject.label == "Ganfeng" and t.predicate == "rankedAs"}
    assert any("largest" in r for r in ranks), ranks


COMPANY_TEXT = """NEW YORK, Nov. 12 -- Electric truck maker Rivian Automotive said on Wednesday that it had signed a deal.
Rivian, which is based in Irvine, California, builds pickup trucks. Rivian executive Wassym Bensaid said sales rose.
Swedish battery maker Northvolt, founded in 2016 by former Tesla executive Peter Carlsson, builds batteries.
Volkswagen owns about 21 percent of Northvolt. BMW holds a 5 percent stake in Northvolt.
"""


def test_company_facts_founding_stakes_and_staff(extractor):
    doc, entities = _typed(extractor, COMPANY_TEXT)
    f = facts(doc)
    # the company goes by its full name, though the story shortens it more often
    assert ("Rivian Automotive", "basedIn", "Irvine") in f  # NER reads one "Rivian" as a nationality
    assert ("Wassym Bensaid", "worksFor", "Rivian Automotive") in f  # "Rivian executive": its short name
    assert ("Peter Carlsson", "worksFor", "Tesla") in f  # an executive is not the head
    assert ("Peter Carlsson", "directorOf", "Tesla") not in f
    assert ("Volkswagen", "investsIn", "Northvolt") in f
    assert ("BMW", "investsIn", "Northvolt") in f
    founded = {(t.subject.label, t.object.text) for t in doc.triples if t.predicate == "founded"}
    assert ("Northvolt", "2016") in founded


def test_passive_agents_act_on_the_patient(extractor):
    doc, _ = _typed(extractor, "Tesla, headed by Elon Musk, delivered 1.64 million vehicles last year.\n")
    assert ("Elon Musk", "directorOf", "Tesla") in facts(doc)
    doc, _ = _typed(extractor, "Chinese carmaker BYD, which is backed by Berkshire Hathaway, opened a plant in Szeged.\n")
    assert any(t.predicate == "supports" and t.object.label == "BYD" and t.subject.label.startswith("Berkshire")
               for t in doc.triples), facts(doc)


def test_adjective_of_a_plural_country_is_not_an_employer(extractor):
    doc, _ = _typed(extractor, "MANILA, July 8 -- Philippine President Ferdinand Marcos Jr. met Japanese Prime Minister Shigeru Ishiba.\n")
    f = facts(doc)
    assert not [t for t in doc.triples if t.predicate in ("directorOf", "worksFor")], f
    assert ("Ferdinand Marcos Jr.", "holdsPosition", "President of the Philippines") in f, f


MINING_TEXT = """RIO DE JANEIRO, April 2 -- Brazilian miner Vale agreed to sell a stake in its nickel unit.
Vale, headquartered in Rio de Janeiro, is the world's largest producer of iron ore.
Orion Minerals, a joint venture between Acme Mining and Beta Resources, will buy the stake.
Beta Resources, which is 67 percent owned by Acme Mining, is based in Perth.
Gamma Metals is wholly owned by Acme Mining.
"""


def test_recurring_names_joint_ventures_and_ownership(extractor):
    doc, _ = _typed(extractor, MINING_TEXT)
    f = facts(doc)
    assert ("Vale", "headquarteredIn", "Rio de Janeiro") in f  # NER missed this "Vale"
    assert ("Orion Minerals", "jointVentureOf", "Acme Mining") in f
    assert ("Orion Minerals", "jointVentureOf", "Beta Resources") in f
    assert ("Acme Mining", "investsIn", "Beta Resources") in f
    assert ("Gamma Metals", "partOf", "Acme Mining") in f


DEALS_TEXT = """LONDON, Nov. 14 -- Acme Motors acquired battery maker Beta Cells in 2020.
Japan's Nippon Steel and South Korea's POSCO will buy the remaining shares.
Last year Acme Motors bought Gamma Metals' Canadian assets.
"""


def test_acquisitions_and_a_country_s_companies(extractor):
    doc, _ = _typed(extractor, DEALS_TEXT)
    f = facts(doc)
    assert ("Beta Cells", "partOf", "Acme Motors") in f
    assert ("Nippon Steel", "nationality", "Japan") in f
    assert ("POSCO", "nationality", "South Korea") in f
    assert ("Gamma Metals", "partOf", "Acme Motors") not in f  # its assets were bought, not the company


PLACES_TEXT = """WARSAW, Feb. 3 -- Acme Motors opened a plant in Szeged, Hungary.
Beta Cells builds a factory in the eastern Hungarian city of Debrecen.
Frankfurt-based consultancy Auto Insight Partners expects sales to rise.
Ferenc Kovacs, the mayor of Debrecen, welcomed the plant. Jane Roe, the chief executive of Acme Motors, said sales rose.
"""


def test_places_in_countries_based_firms_and_public_offices(extractor):
    doc, _ = _typed(extractor, PLACES_TEXT)
    f = facts(doc)
    assert ("Szeged", "locatedIn", "Hungary") in f
    assert ("Debrecen", "locatedIn", "Hungary") in f
    assert any(s == "Auto Insight Partners" and p == "basedIn" and o.startswith("Frankfurt") for s, p, o in f), f
    assert ("Ferenc Kovacs", "holdsPosition", "Mayor of Debrecen") in f
    assert ("Jane Roe", "directorOf", "Acme Motors") in f
    # a company office is a role named with its company, and the company is directed
    assert ("Jane Roe", "holdsPosition", "Chief Executive of Acme Motors") in f


def test_a_planned_plant_is_hedged_and_an_announced_one_is_not(extractor):
    doc, _ = _typed(extractor, "BYD plans a second plant in Turkey. Acme Motors announced a battery factory in Porto.\n")
    hedges = {(t.subject.label, t.predicate, t.object.label): t.hedge for t in doc.triples}
    assert hedges[("BYD", "hasFacilityIn", "Türkiye")] == "planned"
    assert hedges[("Acme Motors", "hasFacilityIn", "Porto")] is None


def test_trade_between_the_two_countries_named_before(extractor):
    text = ("JAKARTA, May 15 -- Indonesia and Australia signed a minerals pact on Thursday.\n"
            "Trade between the two countries reached 18 billion Australian dollars in 2024.\n")
    doc, _ = _typed(extractor, text)
    values = {(t.subject.label, t.object.unit, t.object.number) for t in doc.triples if t.predicate == "tradeValue"}
    assert values & {("Indonesia", "AUD", 18e9), ("Australia", "AUD", 18e9)}, values


def test_acronyms_are_companies_not_country_codes_and_units_in_two_words(extractor):
    text = ("SEOUL, Aug. 28 -- Samsung SDI and General Motors will build a battery plant in New Carlisle, Indiana.\n"
            "The plant will have an annual capacity of 27 gigawatt hours. GM President Mark Reuss said demand was strong.\n"
            "Samsung SDI chief executive Choi Yoon-ho said the plant would open in 2027.\n")
    doc, entities = _typed(extractor, text)
    f = facts(doc)
    assert not any(o == "Gambia" for _, _, o in f), f  # "GM" is also Gambia's ISO code
    assert ("Samsung SDI", "Organization") in entities  # NER stops at "Samsung"
    assert any(s == "Choi Yoon-ho" and p == "directorOf" and o == "Samsung SDI" for s, p, o in f), f
    caps = [t.object for t in doc.triples if t.predicate == "capacity"]
    assert caps and caps[0].unit == "GWh" and caps[0].number == 27


def test_offices_in_apposition_and_partial_ownership(extractor):
    text = ("SANTIAGO, June 2 -- Felipe Larrain, a former finance minister, advises the company. "
            "Jane Roe, the finance minister of Chile, said exports rose.\n")
    doc, _ = _typed(extractor, text)
    f = facts(doc)
    assert ("Jane Roe", "holdsPosition", "Finance Minister of Chile") in f
    assert not any(s == "Jane Roe" and p == "nationality" for s, p, _ in f), f  # the office is Chile's
    assert not any(s == "Felipe Larrain" and p == "holdsPosition" for s, p, o in f)  # a former office
    doc, _ = _typed(extractor, "Orion Metals is partly owned by Acme Mining. Gamma Metals is owned by Acme Mining.\n")
    f = facts(doc)
    assert ("Acme Mining", "investsIn", "Orion Metals") in f
    assert ("Orion Metals", "partOf", "Acme Mining") not in f
    assert ("Gamma Metals", "partOf", "Acme Mining") in f


def test_a_name_ending_like_a_company_is_a_company(extractor):
    doc, entities = _typed(extractor, "Teck Resources, based in Vancouver, acquired copper miner Aur Resources in 2007.\n")
    assert ("Teck Resources", "Organization") in entities
    assert ("Aur Resources", "partOf", "Teck Resources") in facts(doc)


def test_relative_pronoun_objects_and_currency_words_outside_amounts(extractor):
    text = ("LONDON, July 19 -- India's Tata Group will build a 4 billion pound battery plant in Somerset.\n"
            "It will supply Jaguar Land Rover, which Tata Group bought in 2008.\n")
    doc, entities = _typed(extractor, text)
    assert any(s == "Jaguar Land Rover" and p == "partOf" and o.startswith("Tata") for s, p, o in facts(doc))
    assert not any(e.label.startswith("pound") for e in doc.entities), [e.label for e in doc.entities]


def test_descriptions_follow_their_nationality_and_skip_their_own_subject(extractor):
    text = ("HANGZHOU, May 2 -- Chinese carmaker Leapmotor sold 290,000 cars last year.\n\n"
            "Leapmotor has a partnership with Stellantis, the maker of Peugeot and Fiat cars. "
            "Stellantis holds a 21 percent stake in the Chinese company.\n\n"
            "Acme Cells signed a deal with Renault Group, under which it will supply cells "
            "for the French carmaker's small models.\n")
    doc, _ = _typed(extractor, text)
    f = facts(doc)
    assert ("Stellantis", "investsIn", "Leapmotor") in f  # not Stellantis itself, not Fiat
    assert ("Renault Group", "nationality", "France") in f  # "the French carmaker" is not the supplier
    assert ("Acme Cells", "nationality", "France") not in f
