"""Roles named with their holder, sites named from owner and town, rankings quoted whole.

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from kg.extract.roles import role_label, title_case

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


def test_title_case_and_role_label():
    assert title_case("chief executive") == "Chief Executive"
    assert title_case("president and CEO") == "President and CEO"
    assert title_case("minister of trade, industry and energy") == "Minister of Trade, Industry and Energy"
    assert role_label("president", "United States", "Country") == "President of the United States"
    assert role_label("chair", "Acme Group", "Organization") == "Chair of Acme Group"
    assert role_label("Mayor") == "Mayor"


@pytest.mark.parametrize("text, person, role", [
    ("South Korean Trade Minister Cheon Min-su visited the plant.", "Cheon Min-su",
     "Trade Minister of South Korea"),
    ("The deal was welcomed by Hungarian Prime Minister Istvan Farkas.", "Istvan Farkas",
     "Prime Minister of Hungary"),
    ("U.S. President Joe Miller spoke by phone on Friday.", "Joe Miller",
     "President of the United States"),
    ("Bolt Energy chief executive John Smith spoke on Monday.", "John Smith",
     "Chief Executive of Bolt Energy"),
    ("John Smith, chief executive of Bolt Energy, said sales rose.", "John Smith",
     "Chief Executive of Bolt Energy"),
    ("Acme Motor Group Executive Chair Jane Park said the company would invest more.", "Jane Park",
     "Executive Chair of Acme Motor Group"),
    ("The plan was announced by Ontario Premier Doug Fraser on Monday.", "Doug Fraser",
     "Premier of Ontario"),
])
def test_a_role_is_named_with_its_holder(extractor, text, person, role):
    assert (person, "holdsPosition", role) in facts(extract_text(extractor, text))


def test_joint_titles_give_one_role_each_and_former_offices_none(extractor):
    f = facts(extract_text(extractor, "Zentra Motors founder and chairman Li Wei opened the show. "
                                      "Former President Carl Berg was not there.\n"))
    assert ("Li Wei", "holdsPosition", "Founder of Zentra Motors") in f
    assert ("Li Wei", "holdsPosition", "Chairman of Zentra Motors") in f
    assert not any(s == "Carl Berg" and p == "holdsPosition" for s, p, _ in f), f


@pytest.mark.parametrize("text, site, place", [
    ("Kestrel Power, which runs a plant in Komarno, said it would hire 500 workers.",
     "Kestrel Power Komarno plant", "Komárno"),  # named as the article spells the town
    ("Acme Motors on Monday broke ground on a dedicated electric vehicle plant in Ulsan.",
     "Acme Motors Ulsan EV plant", "Ulsan"),  # the kind is part of the name, abbreviated
    ("Zenith Cells opened a battery cell factory in Porto on Tuesday.",
     "Zenith Cells Porto battery cell plant", "Porto"),  # a factory is called a plant
    ("The T03 is assembled at the Varta Motors plant in Tychy, Poland.",
     "Varta Motors Tychy plant", "Tychy"),  # the operator named inside the phrase
    ("Orvik Cells said its Kolding plant employs 900 people.",
     "Orvik Cells Kolding plant", "Kolding"),  # the town named inside the phrase
    ("Hyundai Motor Company will open a car plant in Brno next year.",
     "Hyundai Motor Brno car plant", "Brno"),  # no 'Company' inside a plant's name
])
def test_a_site_is_named_from_owner_and_town(extractor, text, site, place):
    f = facts(extract_text(extractor, text))
    assert (site, "locatedIn", place) in f, f


def test_breaking_ground_builds_and_a_plant_in_a_country_is_named_after_it(extractor):
    f = facts(extract_text(extractor, "Acme Motors on Monday broke ground on a battery plant in Ulsan.\n"))
    assert ("Acme Motors", "builds", "Acme Motors Ulsan battery plant") in f
    # with only a country, the plant is named after the country, as news names such plants
    f = facts(extract_text(extractor, "Volta Energy will build a battery factory in Hungary.\n"))
    assert ("Volta Energy", "builds", "Volta Energy Hungary battery plant") in f, f
    # "the first plant in P" is how the story names it: the phrase is kept; "its first plant
    # in P" is still the owner's plant in P
    f = facts(extract_text(extractor, "Volta Energy and Arko Cells will build the first battery factory in Hungary.\n"))
    assert ("Volta Energy", "builds", "first battery factory in Hungary") in f, f
    f = facts(extract_text(extractor, "Volta Energy will build its first battery factory in Hungary.\n"))
    assert ("Volta Energy", "builds", "Volta Energy Hungary battery plant") in f, f
    # plants in plural are many sites, not one
    f = facts(extract_text(extractor, "Acme Motors runs plants in Lyon and Turin.\n"))
    assert not any(p == "locatedIn" and s.startswith("Acme") for s, p, _ in f), f
    # a plant described as another's first in a country is not a second plant
    f = facts(extract_text(extractor, "The Lyon plant will be Acme Motors' first factory in France.\n"))
    assert not any("France plant" in s or "France plant" in o for s, _, o in f), f
    # an indefinite "a Velo factory" points at no site
    f = facts(extract_text(extractor, "Portugal wants to host a Velo Motors factory, officials said.\n"))
    assert not any(s.endswith("plant") for s, _, _ in f), f


def test_a_later_shorter_mention_is_the_same_plant(extractor):
    doc = extract_text(extractor, "Acme Motors will build a battery plant in Ravensburg. "
                       "Output at the Ravensburg plant will reach 300,000 packs a year.\n")
    plants = {e.label for e in doc.entities if e.label.endswith("plant")}
    assert plants == {"Acme Motors Ravensburg battery plant"}, plants


@pytest.mark.parametrize("text, subject, rank", [
    ("Zenko, the world's largest maker of electric vehicle batteries, opened a plant.", "Zenko",
     "world's largest maker of electric vehicle batteries"),
    ("Tarvo is China's second-biggest smartphone seller behind Apple.", "Tarvo",
     "China's second-biggest smartphone seller"),
    ("Norsk Auto remained the largest carmaker by unit sales.", "Norsk Auto",
     "largest carmaker by unit sales"),
])
def test_a_ranking_is_quoted_whole(extractor, text, subject, rank):
    assert (subject, "rankedAs", rank) in facts(extract_text(extractor, text))


def test_a_national_office_without_its_country_takes_the_articles_country(extractor):
    text = ("LA PAZ -- Bolivia signed a lithium deal on Friday. President Luis Arce said Bolivia would "
            "export batteries. Franklin Molina Ortiz, the minister of hydrocarbons and energy, said "
            "Bolivia was ready. Bolivia has large reserves.\n")
    f = facts(extract_text(extractor, text))
    assert ("Luis Arce", "holdsPosition", "President of Bolivia") in f
    assert ("Franklin Molina Ortiz", "holdsPosition", "Minister of Hydrocarbons and Energy of Bolivia") in f


def test_no_country_is_guessed_when_the_article_names_several_equally(extractor):
    text = "Chile and Peru signed a deal. President Ana Soto welcomed it. Chile and Peru will meet again.\n"
    f = facts(extract_text(extractor, text))
    assert not any(p == "holdsPosition" and " of " in o for s, p, o in f if s == "Ana Soto"), f


def test_president_and_chief_executive_is_one_office(extractor):
    f = facts(extract_text(extractor, "Jaehoon Chang, president and chief executive of Hyundai Motor "
                                      "Company, welcomed the venture.\n"))
    assert ("Jaehoon Chang", "holdsPosition",
            "President and Chief Executive of Hyundai Motor Company") in f, f


def test_a_plant_is_never_the_place_a_company_has_a_facility_in(extractor):
    f = facts(extract_text(extractor, "General Motors makes the Lyriq at its Spring Hill plant in "
                                      "Tennessee.\n"))
    assert not any(p in ("hasFacilityIn", "locatedIn") and o.endswith("plant") for _, p, o in f), f


def test_a_capacity_in_the_phrase_of_a_plant_is_the_plants(extractor):
    doc = extract_text(extractor, "Acme Motors opened a plant in Lyon with an initial capacity of "
                                  "40,000 tonnes a year.\n")
    caps = {(t.subject.label, t.object.number) for t in doc.triples if t.predicate == "capacity"}
    assert caps == {("Acme Motors Lyon plant", 40000.0)}, caps


def test_a_capitalised_title_does_not_take_the_lowercase_words_before_it(extractor):
    f = facts(extract_text(extractor, "Bolivia signed a lithium deal, a deal President Luis Arce hailed "
                                      "as historic. Bolivia will export more. Bolivia has reserves.\n"))
    roles = {o for s, p, o in f if s == "Luis Arce" and p == "holdsPosition"}
    assert roles == {"President of Bolivia"}, roles


def test_a_chancellor_is_not_given_the_articles_country(extractor):
    text = ("China opposed the duties. China said the duties were unfair. Chancellor Olaf Scholz "
            "said Europe should talk to China.\n")
    f = facts(extract_text(extractor, text))
    assert not any(o == "Chancellor of China" for _, _, o in f), f


@pytest.mark.parametrize("text, person", [
    ("South Korean Trade Minister Cheong In-kyo and Lee Sang-deok, the ambassador, attended.", "Cheong In-kyo"),
    ("South Korean Trade Minister Cheong In-kyo and Lee Sang-deok, the ambassador, attended.", "Lee Sang-deok"),
    ("South Korean President Yoon Suk Yeol said on Monday that ties were strong.", "Yoon Suk Yeol"),
    ("Jean-Pierre Martin met Anne-Marie Dupont in Paris.", "Anne-Marie Dupont"),
])
def test_a_person_name_ner_cuts_is_whole_again(extractor, text, person):
    doc = extract_text(extractor, text)
    assert person in {e.label for e in doc.entities if e.type == "Person"}, [e.label for e in doc.entities]


def test_an_ambassador_is_named_with_both_countries(extractor):
    f = facts(extract_text(extractor, "The guests included Lee Sang-deok, South Korea's ambassador to "
                                      "Indonesia.\n"))
    assert ("Lee Sang-deok", "holdsPosition", "Ambassador of South Korea to Indonesia") in f, f


@pytest.mark.parametrize("text, person, role", [
    ("Gujarat Chief Minister Bhupendra Patel attended the event.", "Bhupendra Patel", "Chief Minister of Gujarat"),
    ("Salta Governor Gustavo Saenz welcomed the plant.", "Gustavo Saenz", "Governor of Salta"),
    ("Tran Mai Hoa, VinFast's global deputy chief executive for sales and marketing, spoke.", "Tran Mai Hoa",
     "Global Deputy Chief Executive for Sales and Marketing of VinFast"),
])
def test_states_provinces_and_fields_in_titles(extractor, text, person, role):
    assert (person, "holdsPosition", role) in facts(extract_text(extractor, text))


def test_a_title_after_a_list_belongs_to_the_last_name_only(extractor):
    f = facts(extract_text(extractor, "Guests included Bhupendra Patel, Keiichi Ono and R.C. Bhargava, "
                                      "managing director and CEO of Maruti Suzuki.\n"))
    holders = {s for s, p, o in f if p == "holdsPosition" and "Maruti" in o}
    assert holders == {"R.C. Bhargava"}, f


def test_the_company_as_subject_continues_the_entity_the_text_is_about(extractor):
    text = ("VinFast, part of the conglomerate Vingroup, listed its shares on Nasdaq in August 2023. "
            "The company builds its cars at a manufacturing complex in Hai Phong.\n")
    f = facts(extract_text(extractor, text))
    assert any(s.startswith("VinFast") and p == "locatedIn" for s, p, _ in f), f
    assert not any("Nasdaq" in s for s, _, _ in f), f


def test_a_ranking_with_two_nouns_keeps_both(extractor):
    f = facts(extract_text(extractor, "China is the world's largest producer and exporter of graphite.\n"))
    assert ("China", "rankedAs", "world's largest producer and exporter of graphite") in f, f


@pytest.mark.parametrize("text, traveller", [
    ("Emmanuel Macron had met Jiang Long in Guangzhou during his trip to China in April.", "Emmanuel Macron"),
    ("Olaf Scholz met Li Qiang in Beijing during his visit to China.", "Olaf Scholz"),
])
def test_his_trip_is_the_subjects(extractor, text, traveller):
    f = facts(extract_text(extractor, text))
    assert (traveller, "visited", "China") in f, f
    assert sum(p == "visited" for _, p, _ in f) == 1, f


def test_a_plant_placed_later_takes_its_town_into_its_name(extractor):
    doc = extract_text(extractor, "Velora Motors will build a car plant. "
                       "The factory will be located in Kassel, north of Frankfurt.\n")
    f = facts(doc)
    assert ("Velora Motors", "builds", "Velora Motors Kassel car plant") in f, f
    assert ("Velora Motors Kassel car plant", "locatedIn", "Kassel") in f, f


@pytest.mark.parametrize("text, site, place", [
    ("Norsk Cells will spend 2 billion euros on a cell plant covering 200 hectares in Tromso.",
     "Norsk Cells Tromso cell plant", "Tromsø"),  # the town as the gazetteer spells it
    ("Velora Motors on Sunday started work on its new factory, a car and battery complex in Kassel.",
     "Velora Motors Kassel plant", "Kassel"),
])
def test_a_plants_place_may_hang_from_a_clause_or_apposition(extractor, text, site, place):
    f = facts(extract_text(extractor, text))
    assert (site, "locatedIn", place) in f, f


@pytest.mark.parametrize("text, subject, rank", [
    ("Norway has overtaken Sweden as the world's largest salmon exporter.", "Norway",
     "world's largest salmon exporter"),
    ("The deal made Nordwind Motors the largest carmaker in Norway.", "Nordwind Motors",
     "largest carmaker in Norway"),
    ("India, the world's third-largest automobile market, is growing fast.", "India",
     "world's third-largest automobile market"),
    ("China's fourth-largest EV maker, Kestrel Auto, opened a plant.", "Kestrel Auto",
     "China's fourth-largest EV maker"),  # the rank before the name
])
def test_a_rank_given_by_as_make_or_a_market_apposition(extractor, text, subject, rank):
    f = facts(extract_text(extractor, text))
    assert (subject, "rankedAs", rank) in f, f


def test_a_rank_as_trading_partner_is_its_own_relation(extractor):
    f = facts(extract_text(extractor, "Trade grew fast, with Norway ranked as Poland's "
                           "seventh-largest trading partner.\n"))
    assert any(p == "tradingPartnerRank" and s == "Norway" for s, p, _ in f), f
    assert not any(p == "rankedAs" for _, p, _ in f), f


def test_a_bare_the_project_refers_back_to_the_plant(extractor):
    doc = extract_text(extractor, "Velora Motors will build a car plant in Kassel. "
                       "The project will create about 2,000 jobs.\n")
    jobs = [t for t in doc.triples if t.predicate == "employs"]
    assert jobs and jobs[0].subject.label == "Velora Motors Kassel car plant", facts(doc)
    # a named project is not the plant
    doc = extract_text(extractor, "Velora Motors will build a car plant in Kassel. "
                       "The Nordlys project will create about 2,000 jobs.\n")
    assert not any(t.subject.label.endswith("plant") for t in doc.triples if t.predicate == "employs")


def test_a_plant_in_a_park_of_a_town_is_named_after_the_town(extractor):
    doc = extract_text(extractor, "Kestrel Energy will spend 7.3 billion euros on a cell plant covering "
                       "221 hectares in the Southern Industrial Park of Kassel.\n")
    labels = {e.label for e in doc.entities}
    assert "Kestrel Energy Kassel cell plant" in labels, labels


@pytest.mark.parametrize("text, plant", [
    ("General Motors (GM) reported higher sales. GM said demand was strong. "
     "General Motors will build a battery plant in Spring Hill.", "GM Spring Hill battery plant"),
    ("Velora Motor Company reported higher sales. Velora's chief said demand was strong. "
     "Velora Motor Company will build a battery plant in Brno.", "Velora Brno battery plant"),
])
def test_a_plant_takes_the_shortest_name_the_story_uses_for_its_owner(extractor, text, plant):
    doc = extract_text(extractor, text + "\n")
    labels = {e.label for e in doc.entities}
    assert plant in labels, labels


def test_two_plants_in_one_breath_and_the_later_one_by_its_kind(extractor):
    doc = extract_text(extractor, "Velora Motors will build a new EV assembly plant in Alliston and a battery "
                       "plant next to it. Once running, the assembly plant will build up to 240,000 vehicles a year.\n")
    f = facts(doc)
    assert ("Velora Motors", "builds", "Velora Motors battery plant") in f, f
    caps = [t.subject.label for t in doc.triples if t.predicate == "capacity"]
    assert caps == ["Velora Motors Alliston EV plant"], f  # the process is no part of the name


@pytest.mark.parametrize("text, person, role", [
    ("Minister of Foreign Affairs and Trade Lars Berg told reporters on Monday.", "Lars Berg",
     "Minister of Foreign Affairs and Trade"),
    ("Minister of Industry and Technology Emre Aksoy said the plant would open in May.", "Emre Aksoy",
     "Minister of Industry and Technology"),
    ("The plan was backed by Secretary of Economy Ana Ruiz on Friday.", "Ana Ruiz", "Secretary of Economy"),
    ("Coordinating Minister for Maritime Affairs and Investment Budi Santoso attended.", "Budi Santoso",
     "Coordinating Minister for Maritime Affairs and Investment"),  # "for", and the rank word
])
def test_an_office_with_its_portfolio_before_a_name(extractor, text, person, role):
    doc = extract_text(extractor, text + "\n")
    f = facts(doc)
    assert any(s == person and p == "holdsPosition" and o.startswith(role) for s, p, o in f), f
    # the portfolio's words are no organisations
    assert not any(e.type == "Organization" for e in doc.entities), [e.label for e in doc.entities]


def test_a_capitalised_office_with_its_article_describes_the_name_before_it(extractor):
    f = facts(extract_text(extractor, "Rosaura Ruiz Vega, the Secretary of Science, Humanities, Technology and "
                           "Innovation, spoke on Monday.\n"))
    assert ("Rosaura Ruiz Vega", "holdsPosition", "Secretary of Science, Humanities, Technology and Innovation") in f, f
    # without its article, a capitalised title is the title of the name after it
    f = facts(extract_text(extractor, "Governor Ana Ruiz, Japan's Ambassador to Peru Keiichi Ono and Mayor Lars "
                           "Berg attended.\n"))
    assert not any(s == "Ana Ruiz" and "Ambassador" in o for s, _, o in f), f


@pytest.mark.parametrize("text", [
    "Lars Berg founded Kovalt Energy in 2016.",
    "Kovalt Energy, founded in 2016 by Lars Berg, makes cells.",
])
def test_a_founder_launched_the_company_and_the_year_is_its_founding(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Lars Berg", "launched", "Kovalt Energy") in f and ("Kovalt Energy", "founded", "2016") in f, f


def test_a_former_head_heads_no_longer(extractor):
    f = facts(extract_text(extractor, "The company was founded in 2017 by Ding Wei, a former president of "
                           "Orvik Motors.\n"))
    assert not any(p == "directorOf" for _, p, _ in f), f


def test_the_describer_is_not_given_the_rank_it_describes(extractor):
    f = facts(extract_text(extractor, "Norway wants more factories. Norway has cheap power, Norway says. Kestrel "
                           "Cells, which the government describes as the first Norwegian maker of cells, "
                           "opened a plant.\n"))
    assert not any(p == "rankedAs" and s.startswith("Government") for s, p, _ in f), f


def test_the_government_of_an_article_about_one_country_is_that_countrys(extractor):
    f = facts(extract_text(extractor, "Spain welcomed the plan. Spain wants more factories, and Spain has cheap "
                           "power.\n\nThe government has granted 133.7 million euros to the Orvik Motors plant in "
                           "Zaragoza from its support scheme.\n"))
    assert ("Government of Spain", "supports", "Orvik Motors Zaragoza plant") in f, f


@pytest.mark.parametrize("text, person, role", [
    ("Ohio Gov. Mike Dane said the plant would bring 2,000 jobs.", "Mike Dane", "Governor of Ohio"),
    ("Gov. Mike Dane of Ohio attended the groundbreaking ceremony.", "Mike Dane", "Governor of Ohio"),
    ("Sen. Jane Roe said the deal was good for the state.", "Jane Roe", "Senator"),
    ("Chairman Jan Holm of Norvik Motors said the plant would open in May.", "Jan Holm", "Chairman of Norvik Motors"),
])
def test_abbreviated_titles_and_holders_named_after_the_name(extractor, text, person, role):
    assert (person, "holdsPosition", role) in facts(extract_text(extractor, text + "\n"))


def test_a_title_before_a_name_outweighs_a_noun_in_its_relative_clause(extractor):
    f = facts(extract_text(extractor, "German Chancellor Olaf Lenz, whose country's carmakers sell heavily in "
                                      "China, warned against a trade war.\n"))
    assert ("Olaf Lenz", "holdsPosition", "Chancellor of Germany") in f, f


def test_a_two_word_name_ner_called_a_company_after_a_state_title_is_a_person(extractor):
    """Built by hand: what the tagger makes of a given sentence varies."""
    from spacy.tokens import Doc

    words = "Chancellor Olaf Lenz spoke .".split()
    doc = Doc(extractor.nlp.vocab, words=words, heads=[2, 2, 3, 3, 3], deps=["compound", "compound", "nsubj", "ROOT", "punct"],
              pos=["PROPN", "PROPN", "PROPN", "VERB", "PUNCT"], tags=["NNP", "NNP", "NNP", "VBD", "."],
              lemmas=["Chancellor", "Olaf", "Lenz", "speak", "."], ents=["O", "B-ORG", "I-ORG", "O", "O"])
    doc = extractor.nlp.get_pipe("kg_entities_v1")(doc)
    assert [m.type for m in doc._.kg_mentions if m.text == "Olaf Lenz"] == ["Person"]


def test_a_national_minister_with_a_portfolio_takes_the_articles_country(extractor):
    text = ("Vietnam approved the plan on Tuesday. Vietnam wants more factories, and Vietnam's exports are rising. "
            "Minister of Industry and Trade Tran Van Long welcomed the investment.\n")
    f = facts(extract_text(extractor, text))
    assert ("Tran Van Long", "holdsPosition", "Minister of Industry and Trade of Vietnam") in f, f


def test_a_bare_company_title_takes_the_company_of_its_paragraph(extractor):
    text = ("Rival Kestrel Energy sold fewer cars. Its shares fell.\n\n"
            "Tesmo Motors delivered 484,507 cars in the quarter. Its deliveries were in line with the "
            "target set by chief executive Jan Holm.\n")
    f = facts(extract_text(extractor, text))
    assert ("Jan Holm", "holdsPosition", "Chief Executive of Tesmo Motors") in f, f


def test_a_bare_company_title_in_a_paragraph_of_two_companies_stays_bare(extractor):
    text = "Tesmo Motors and Kestrel Energy agreed a deal. Chief executive Jan Holm said it was good.\n"
    f = facts(extract_text(extractor, text))
    assert not any(p == "holdsPosition" and " of " in o for _, p, o in f), f


def test_the_countrys_rank_names_the_country(extractor):
    f = facts(extract_text(extractor, "Uzbekistan wants more investment. Uzbekistan has gas, and Uzbekistan's "
                                      "exports grow. Acme will supply cells to UzAuto Motors, the country's largest "
                                      "carmaker.\n"))
    assert ("UzAuto Motors", "rankedAs", "Uzbekistan's largest carmaker") in f, f


@pytest.mark.parametrize("text, maker", [
    ("Toyota overtook Volkswagen as the world's best-selling carmaker in 2023.", "Toyota"),
    ("Toyota, the world's best-selling carmaker, said sales rose.", "Toyota"),
])
def test_best_selling_is_a_rank(extractor, text, maker):
    f = facts(extract_text(extractor, text + "\n"))
    assert (maker, "rankedAs", "world's best-selling carmaker") in f, f


@pytest.mark.parametrize("text, rank", [
    ("Orvane Motors is Kenya's first electric car maker.", "Kenya's first electric car maker"),
    ("Orvane Motors became the first carmaker in Kenya to export cars.", "first carmaker in Kenya"),
    ("Orvane Motors is the world's third-largest battery maker.", "world's third-largest battery maker"),
])
def test_an_order_with_a_scope_is_a_rank(extractor, text, rank):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Orvane Motors", "rankedAs", rank) in f, f


@pytest.mark.parametrize("text", [
    "Hungary becomes the third country, after China and Germany, to host an Orvane plant.",
    "Orvane Motors is the first big outside customer.",
    "Orvane Motors is the third company to build a plant there.",
])
def test_an_order_with_nothing_to_be_first_in_ranks_nothing(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert not any(p == "rankedAs" for _, p, _ in f), f


@pytest.mark.parametrize("text, rank", [
    ("The EU is by far Kazakhstan's largest foreign investor.", "Kazakhstan's largest foreign investor"),
    ("The EU remains by far the largest investor in Kazakhstan.", "largest investor in Kazakhstan"),
])
def test_a_rank_by_far(extractor, text, rank):
    doc = extract_text(extractor, text + "\n")
    ranks = {(t.subject.label, t.object.label) for t in doc.triples if t.predicate == "rankedAs"}
    assert ("EU", rank) in ranks, ranks


def test_a_ranked_description_of_the_stories_company_ranks_it(extractor):
    doc = extract_text(extractor, "Tarvo Lithium posted record sales. Shares of the world's second-largest "
                       "lithium producer rose 3%.\n")
    ranks = {(t.subject.label, t.object.label) for t in doc.triples if t.predicate == "rankedAs"}
    assert ranks == {("Tarvo Lithium", "world's second-largest lithium producer")}, ranks


def test_a_ranked_description_is_not_its_own_clauses_subject(extractor):
    doc = extract_text(extractor, "Orvane Motors makes buses. Tarvo Auto overtook the world's largest "
                       "carmaker in March.\n")
    ranks = {(t.subject.label, t.object.label) for t in doc.triples if t.predicate == "rankedAs"}
    assert not any(s == "Tarvo Auto" for s, _ in ranks), ranks


@pytest.mark.parametrize("text, office", [
    ("Canada's industry minister, Louise Gagnon, welcomed the deal.", "Industry Minister of Canada"),
    ("Louise Gagnon, Canada's industry minister, welcomed the deal.", "Industry Minister of Canada"),
    ("Ontario's economy minister, Louise Gagnon, welcomed the deal.", "Economy Minister of Ontario"),
])
def test_a_possessed_office_before_the_holders_name(extractor, text, office):
    found = facts(extract_text(extractor, text + "\n"))
    assert ("Louise Gagnon", "holdsPosition", office) in found, found


def test_a_bare_office_before_a_name_names_no_holder(extractor):
    found = facts(extract_text(extractor, "The governor, Louise Gagnon, welcomed the deal.\n"))
    assert not [f for f in found if f[1] == "holdsPosition" and " of " in f[2]], found


@pytest.mark.parametrize("text, person, office", [
    ("CHENNAI: Volt Mobility signed a pact with the Tamil Nadu government on Monday. Chief Minister M.K. Stalin "
     "attended.", "M.K. Stalin", "Chief Minister of Tamil Nādu"),
    ("Volt Mobility signed a pact with the Tamil Nadu government. It will create 3,500 jobs, state Industries Minister "
     "T.R.B. Rajaa said.", "T.R.B. Rajaa", "Industries Minister of Tamil Nādu"),
])
def test_a_state_office_is_the_story_states(extractor, text, person, office):
    found = facts(extract_text(extractor, text + "\n"))
    assert (person, "holdsPosition", office) in found, found


def test_a_state_office_that_names_its_province_keeps_it(extractor):
    text = "Volt Mobility will build a plant in Tamil Nadu. South Jeolla Governor Kim Yung-rok attended.\n"
    found = facts(extract_text(extractor, text))
    assert not [f for f in found if f[1] == "holdsPosition" and f[2].endswith("of Tamil Nādu")], found


def test_a_state_before_its_government_is_the_state(extractor):
    found = facts(extract_text(extractor, "Volt Mobility signed a memorandum of understanding with the Tamil Nadu "
                                          "government on Monday.\n"))
    assert ("Volt Mobility", "cooperatesWith", "Government of Tamil Nādu") in found, found


@pytest.mark.parametrize("text, office", [
    ("Trade Representative Katherine Tai said so.", "Trade Representative"),
    ("The review was led by the office of U.S. Trade Representative Katherine Tai.",
     "Trade Representative of the United States"),
])
def test_a_portfolio_before_a_title_is_no_employer(extractor, text, office):
    found = facts(extract_text(extractor, text + "\n"))
    assert ("Katherine Tai", "holdsPosition", office) in found, found
    assert not [f for f in found if f[1] in ("worksFor", "directorOf")], found


@pytest.mark.parametrize("text, office", [
    ("Brandenburg state premier Dietmar Wolke attended.", "Premier of Brandenburg"),
    ("Gujarat Chief Minister Bhupendra Patel attended.", "Chief Minister of Gujarat"),
])
def test_a_state_in_a_title_names_the_office_without_its_kind(extractor, text, office):
    found = facts(extract_text(extractor, text + "\n"))
    assert any(p == "holdsPosition" and o == office for s, p, o in found), found
