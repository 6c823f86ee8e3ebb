"""Offices taken and left ('stepped down as', 'was appointed', 'joined ... as'), title lists and
hyphenated titles.

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


@pytest.mark.parametrize("text, person, role", [
    ("Peter Lind stepped down as chief executive of Velora Motors on Friday.",
     "Peter Lind", "Chief Executive of Velora Motors"),
    ("Marta Silva resigned as chair of Kestrel Energy.", "Marta Silva", "Chair of Kestrel Energy"),
    ("Kestrel Energy named Omar Haddad as its new chief financial officer.",
     "Omar Haddad", "Chief Financial Officer of Kestrel Energy"),
    ("Omar Haddad was appointed chairman of Kestrel Energy in May.",
     "Omar Haddad", "Chairman of Kestrel Energy"),
    ("Anna Berg joined Nordwind Motors as chief financial officer in 2019.",
     "Anna Berg", "Chief Financial Officer of Nordwind Motors"),
    ("Anna Kovacs, deputy secretary-general of the Nordic Battery Association, said demand was rising.",
     "Anna Kovacs", "Deputy Secretary-General of Nordic Battery Association"),
    ("Ole Berg, the Norwegian finance minister, spoke.", "Ole Berg", "Finance Minister of Norway"),
])
def test_an_office_named_by_a_verb_or_apposition(extractor, text, person, role):
    f = facts(extract_text(extractor, text))
    assert (person, "holdsPosition", role) in f, f


def test_leaving_an_office_is_recorded_on_the_fact(extractor):
    doc = extract_text(extractor, "Peter Lind stepped down as chief executive of Velora Motors.\n")
    held = [t for t in doc.triples if t.predicate == "holdsPosition"]
    assert held and ("status", "ended") in held[0].qualifiers, held


def test_a_list_of_titles_before_a_name_gives_one_role_each(extractor):
    doc = extract_text(extractor, "The company said Velora Motors founder, chairman and chief "
                       "executive Anton Berg would stay.\n")
    roles = {o for s, p, o in facts(doc) if s == "Anton Berg" and p == "holdsPosition"}
    assert roles == {"Founder of Velora Motors", "Chairman of Velora Motors",
                     "Chief Executive of Velora Motors"}, roles


@pytest.mark.parametrize("text, person, role", [
    ("Japan's Ambassador to India Keiichi Ono spoke.", "Keiichi Ono", "Ambassador of Japan to India"),
    ("The Australian ambassador to Seoul, Jeff Robinson, attended.", "Jeff Robinson",
     "Ambassador of Australia to South Korea"),  # posted to the country of the capital
    ("Jean Marc Leclerc, president and chief executive of Honda Canada, spoke.", "Jean Marc Leclerc",
     "President and Chief Executive of Honda Canada"),  # a company's national arm, not the country
])
def test_envoys_and_national_arms(extractor, text, person, role):
    f = facts(extract_text(extractor, text))
    assert (person, "holdsPosition", role) in f, f


def test_capitals_are_known():
    from kg.extract.places import gazetteer

    g = gazetteer()
    assert g.capital_of("Seoul") == "South Korea"
    assert g.capital_of("ottawa") == "Canada"
    assert g.capital_of("Lyon") is None


def test_a_title_with_a_possessive_pronoun_before_the_name(extractor):
    doc = extract_text(extractor, "Nordwind Motors said on Monday that sales rose. Its chief executive, "
                       "Anna Berg, said demand was strong.\n")
    assert ("Anna Berg", "holdsPosition", "Chief Executive of Nordwind Motors") in facts(doc)


def test_a_lowercase_title_joined_to_an_acronym_title(extractor):
    f = facts(extract_text(extractor, "The Korean side was led by Velora Motor Company president and CEO "
                           "Jaehoon Chang.\n"))
    assert ("Jaehoon Chang", "holdsPosition", "President and CEO of Velora Motor Company") in f, f


def test_a_company_naming_a_former_executive_of_another(extractor):
    doc = extract_text(extractor, "Kestrel Energy named former Volvo Cars executive Anna Berg as its new chief "
                                  "executive on Monday.\n")
    f = facts(doc)
    assert ("Anna Berg", "holdsPosition", "Chief Executive of Kestrel Energy") in f, f
    assert ("Anna Berg", "holdsPosition", "Executive of Volvo Cars") not in f, f  # she left that office
    worked = [t for t in doc.triples if t.predicate == "worksFor" and t.object.label == "Volvo Cars"]
    assert worked and ("status", "ended") in worked[0].qualifiers, f


def test_a_misparsed_naming_still_names_the_person(extractor):
    f = facts(extract_text(extractor, "Kestrel Energy named Anna Berg as its new chief executive on Monday.\n"))
    assert ("Anna Berg", "holdsPosition", "Chief Executive of Kestrel Energy") in f, f


@pytest.mark.parametrize("text", [
    "Jan Holm, who heads Norvik Motors, said the plant would open in May.",
    "Jan Holm will lead Norvik Motors from May.",
])
def test_heading_a_named_company_is_its_head(extractor, text):
    assert ("Jan Holm", "holdsPosition", "Head of Norvik Motors") in facts(extract_text(extractor, text + "\n"))


def test_leading_a_market_or_an_unnamed_body_is_no_office(extractor):
    f = facts(extract_text(extractor, "Norvik Motors leads the market in Europe. Jan Holm, who chairs the city "
                                      "council, welcomed the plan.\n"))
    assert not any(p == "holdsPosition" and o.startswith(("Head", "Chair")) for _, p, o in f), f


@pytest.mark.parametrize("text, person, role", [
    ("Volvo Cars appointed Sara Lind as chief financial officer in March.", "Sara Lind",
     "Chief Financial Officer of Volvo Cars"),
    ("Volvo Cars has appointed Marta Kowalska, a former banker, as chief operating officer.", "Marta Kowalska",
     "Chief Operating Officer of Volvo Cars"),
    ("Volvo Cars named Sara Lind its new chief executive on Monday.", "Sara Lind", "Chief Executive of Volvo Cars"),
    ("Volvo Cars promoted Marta Kowalska to chief operating officer.", "Marta Kowalska",
     "Chief Operating Officer of Volvo Cars"),
])
def test_a_company_appointing_someone_to_a_bare_title_gives_its_own_office(extractor, text, person, role):
    assert (person, "holdsPosition", role) in facts(extract_text(extractor, text + "\n"))


@pytest.mark.parametrize("text, person, role", [
    ("Siemens Energy said on Monday that it would cut 1,600 jobs. Tom Brandt, the interim chairman, said "
     "the step was needed.", "Tom Brandt", "Interim Chairman of Siemens Energy"),
    ("Volvo Cars sold more cars last year. The chief executive, Maria Holm, said demand was strong.",
     "Maria Holm", "Chief Executive of Volvo Cars"),
])
def test_a_bare_company_title_in_apposition_is_the_storys_company(extractor, text, person, role):
    assert (person, "holdsPosition", role) in facts(extract_text(extractor, text + "\n"))


def test_a_bare_company_title_beside_two_companies_names_none(extractor):
    f = facts(extract_text(extractor, "Volvo Cars and Siemens Energy signed a deal. Tom Brandt, the chairman, "
                                      "said it was a good day.\n"))
    assert not any(s == "Tom Brandt" and p == "holdsPosition" for s, p, _ in f), f


def test_a_former_holder_held_the_office_and_the_fact_says_so(extractor):
    doc = extract_text(extractor, "Former Prime Minister Jan Novak of Czechia met Volvo Cars executives.\n")
    held = [t for t in doc.triples if t.predicate == "holdsPosition" and t.subject.label == "Jan Novak"]
    assert held and all(("status", "ended") in t.qualifiers for t in held), doc.triples


def test_jobs_cut_are_no_workforce(extractor):
    f = facts(extract_text(extractor, "Siemens Energy said it would cut 1,600 jobs. Volvo Cars will lay off "
                                      "500 workers.\n"))
    assert not any(p == "employs" for _, p, _ in f), f


@pytest.mark.parametrize("text, person, role", [
    ("The forum, organised by Uzbekistan's Ministry of Investments, Industry and Trade, drew 8,000 people. "
     "Velmar Motors also held talks with the minister, Aziz Karimov, on new projects.", "Aziz Karimov",
     "Minister of Investments, Industry and Trade of Uzbekistan"),
    ("Kazakhstan's Ministry of Energy said output rose. Arman Dossov, the minister, said exports would grow.",
     "Arman Dossov", "Minister of Energy of Kazakhstan"),
])
def test_the_minister_of_a_ministry_named_before(extractor, text, person, role):
    doc = extract_text(extractor, text + "\n")
    assert (person, "holdsPosition", role) in facts(doc), facts(doc)
    # the list of portfolios is one ministry, not a second organisation
    assert not any(e.label.startswith("Industry and") for e in doc.entities), [e.label for e in doc.entities]


@pytest.mark.parametrize("text", [
    "The state's governor, Ana Ruiz, welcomed the plant.",
    "The country's trade minister, Jan Novak, said tariffs would rise.",
])
def test_a_title_before_a_name_with_no_holder_gives_no_bare_office(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert not any(p == "holdsPosition" and " of " not in o for _, p, o in f), f


def test_a_mayor_of_a_town_ner_took_for_a_company(extractor):
    f = facts(extract_text(extractor, "Mayor Ana Ruiz of Marseille welcomed the plant.\n"))
    assert ("Ana Ruiz", "holdsPosition", "Mayor of Marseille") in f, f
    assert not any(p == "worksFor" for _, p, _ in f), f


@pytest.mark.parametrize("title, country", [("Economy Minister", "Slovakia"), ("Finance Minister", "Slovakia")])
def test_a_capitalised_portfolio_before_minister_takes_the_storys_country(extractor, title, country):
    text = (f"Slovakia approved the aid on Monday. Slovakia wants more factories, and Slovakia's exports are rising. "
            f"{title} Denisa Kovacova said the plant would open in 2027.\n")
    assert ("Denisa Kovacova", "holdsPosition", f"{title} of {country}") in facts(extract_text(extractor, text))


@pytest.mark.parametrize("title, role", [("company chairman", "Chairman"), ("company president", "President")])
def test_a_company_title_is_the_storys_company(extractor, title, role):
    f = facts(extract_text(extractor, f"Lumina Auto sold 5,000 cars, {title} Le Van Hoang said.\n"))
    assert ("Le Van Hoang", "holdsPosition", f"{role} of Lumina Auto") in f, f


@pytest.mark.parametrize("text, role", [
    ("Canada will impose a 100% surtax on electric vehicles from China, Finance Minister Chrystal Frame said.",
     "Finance Minister of Canada"),
    ("Germany will subsidise the plant, Economy Minister Chrystal Frame said.", "Economy Minister of Germany"),
    ("The German government will subsidise the plant, Economy Minister Chrystal Frame said.",
     "Economy Minister of Germany"),
])
def test_a_minister_speaking_of_a_states_act_is_that_states(extractor, text, role):
    assert ("Chrystal Frame", "holdsPosition", role) in facts(extract_text(extractor, text + "\n"))


def test_a_company_act_gives_a_speaking_president_no_country(extractor):
    f = facts(extract_text(extractor, "Velmar Motors will build a plant, President Ana Ruiz said.\n"))
    assert not any(p == "holdsPosition" and " of " in o for _, p, o in f), f


@pytest.mark.parametrize("title, role", [
    ("managing director", "Managing Director"),
    ("non-executive director", "Non-Executive Director"),
])
def test_a_company_title_keeps_its_first_word(extractor, title, role):
    f = facts(extract_text(extractor, f"Coralind Resources {title} Sarah Quinlan said the deal was good.\n"))
    assert ("Sarah Quinlan", "holdsPosition", f"{role} of Coralind Resources") in f, f


@pytest.mark.parametrize("text, person, role", [
    ("Ulsan Mayor Kim Doo-gyeom attended the ceremony.", "Kim Doo-gyeom", "Mayor of Ulsan"),
    ("Marseille Mayor Ana Ruiz welcomed the plant.", "Ana Ruiz", "Mayor of Marseille"),
])
def test_a_towns_mayor_works_for_no_company_of_that_name(extractor, text, person, role):
    f = facts(extract_text(extractor, text + "\n"))
    assert (person, "holdsPosition", role) in f and not any(p == "worksFor" for _, p, _ in f), f


def test_an_office_in_apposition_after_a_pair_is_the_second_names(extractor):
    text = ("The ceremony was attended by Industries Secretary Arun Roy and Pham Sanh Chau, chief executive of "
            "VinFast India, the company said.\n")
    f = facts(extract_text(extractor, text))
    assert ("Pham Sanh Chau", "directorOf", "VinFast India") in f, f
    assert not any(s == "Arun Roy" and p == "directorOf" for s, p, _ in f), f


@pytest.mark.parametrize("title, roles", [
    ("Founder and chairman", ("Founder of Lumina Auto", "Chairman of Lumina Auto")),
    ("Chairman and chief executive", ("Chairman of Lumina Auto", "Chief Executive of Lumina Auto")),
])
def test_a_pair_of_company_titles_before_a_name_is_the_storys_company(extractor, title, roles):
    text = (f"Lumina Auto sold 5,000 cars in May, Lumina Auto said. Lumina Auto builds them in Hanoi.\n\n"
            f"{title} Le Van Hoang told analysts that sales would rise.\n")
    f = facts(extract_text(extractor, text))
    for role in roles:
        assert ("Le Van Hoang", "holdsPosition", role) in f, f


@pytest.mark.parametrize("text, person, role, other", [
    ("Prime Minister Han Min-su attended the ceremony, together with Governor Kim Tae-ho, Orvane chief executive "
     "Lee Min-jun, Australia's ambassador to Seoul, Jane Doyle, and director Tom Reed.", "Jane Doyle",
     "Ambassador of Australia to South Korea", "Lee Min-jun"),
    ("Guests included Orvane chief executive Lee Min-jun, the mayor of Gdansk, Jane Doyle, and director Tom Reed.",
     "Jane Doyle", "Mayor of Gdansk", "Lee Min-jun"),
])
def test_a_title_between_commas_after_a_titled_name_is_the_next_names(extractor, text, person, role, other):
    f = facts(extract_text(extractor, text + "\n"))
    assert (person, "holdsPosition", role) in f, f
    assert not any(s == other and o.startswith(role.split(" of ")[0]) for s, _, o in f), f


def test_an_untitled_name_keeps_the_title_in_apposition_after_it(extractor):
    f = facts(extract_text(extractor, "Guests included Lee Min-jun, the mayor of Gdansk, and director Tom Reed.\n"))
    assert ("Lee Min-jun", "holdsPosition", "Mayor of Gdansk") in f, f


def test_a_company_title_after_a_name_ner_mistyped_is_not_the_paragraphs_company(extractor):
    text = ("Prime Minister Han Min-su attended the ceremony, together with Korea Development Bank chairman "
            "Park Ji-hoon and Orvane chief executive Lee Min-jun.\n")
    f = facts(extract_text(extractor, text))
    assert ("Park Ji-hoon", "holdsPosition", "Chairman of Korea Development Bank") in f, f
    assert not any(s == "Lee Min-jun" and "Korea Development Bank" in o for s, _, o in f), f


def test_its_chief_executive_in_a_speech_tag_is_the_subjects_and_named_once(extractor):
    text = ("Volta Iberia, the Spanish battery start-up backed by carmaker Seres Motors, expects its gigafactory in "
            "Badajoz to start production in 2027, its chief executive Lucia Herrera said in an interview.\n")
    f = facts(extract_text(extractor, text))
    assert {o for s, p, o in f if s == "Lucia Herrera" and p == "holdsPosition"} == {"Chief Executive of Volta Iberia"}, f
    assert ("Volta Iberia Badajoz gigafactory", "plannedStart", "2027") in f, f
