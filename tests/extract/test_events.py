"""Gatherings people attend and sites leaders open.

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


@pytest.mark.parametrize("text, person, event", [
    ("Governor Anna Berg attended the groundbreaking ceremony for the Velora Motors plant in Kassel.",
     "Anna Berg", "groundbreaking ceremony for the Velora Motors Kassel plant"),
    ("Speaking at a press conference in Kassel, Tomas Weber said demand was rising.",
     "Tomas Weber", "press conference in Kassel"),
    ("Jonas Holm met investors on the sidelines of the Nordic Energy Summit.",
     "Jonas Holm", "Nordic Energy Summit"),
    ("Lisa Park told the Global Battery Forum that demand was rising.",
     "Lisa Park", "Global Battery Forum"),
    ("The deal was signed by Omar Haddad and Lena Vogt at the Gulf Investment Forum in Riyadh.",
     "Lena Vogt", "Gulf Investment Forum"),
])
def test_people_attend_gatherings(extractor, text, person, event):
    f = facts(extract_text(extractor, text))
    assert (person, "attended", event) in f, f


def test_a_later_bare_gathering_is_the_stories_latest_and_a_vague_one_is_no_node(extractor):
    doc = extract_text(extractor, "Anna Berg spoke at the Nordic Energy Summit in Oslo. "
                       "The ceremony was attended by Jonas Holm.\n")
    assert ("Jonas Holm", "attended", "Nordic Energy Summit") in facts(doc)
    # no earlier gathering: "the opening ceremony" alone names nothing an analyst could use
    doc = extract_text(extractor, "The opening ceremony was attended by Jonas Holm and Lisa Park.\n")
    assert not any(p == "attended" for _, p, _ in facts(doc))
    assert not any(e.type == "Event" for e in doc.entities)


@pytest.mark.parametrize("text, opener, site", [
    ("President Marta Silva inaugurated the Norden Batteries factory on Friday.",
     "Marta Silva", "Norden Batteries plant"),
    ("Velora Motors opened its Porto plant in March.", "Velora Motors", "Velora Motors Porto plant"),
])
def test_opening_a_site_is_launching_not_building_it(extractor, text, opener, site):
    f = facts(extract_text(extractor, text))
    assert (opener, "launched", site) in f, f
    assert not any(p == "builds" for _, p, _ in f), f


@pytest.mark.parametrize("text", [
    "Around 300 guests attended the Nordic Energy Summit, among them Prime Minister Jonas Holm.",
    "The announcement was made at the Nordic Energy Summit in Oslo in the presence of Jonas Holm, "
    "the prime minister.",
])
def test_guests_listed_or_present_attend(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert ("Jonas Holm", "attended", "Nordic Energy Summit") in f, f


@pytest.mark.parametrize("text", [
    "The Nordic Energy Summit was attended by Jonas Holm, chair of Vesta Group, Vesta Group President "
    "and Chief Executive Erik Lund, First Vice Minister of Industry Anna Berg and Bergen Mayor Lars Dahl.",
    "Jonas Holm attended the Nordic Energy Summit, together with Vesta Group chairman Erik Lund, "
    "Industry Minister Anna Berg and Lars Dahl.",
    "Around 300 guests attended the Nordic Energy Summit, among them Prime Minister Jonas Holm, "
    "Vesta Group chairman Erik Lund, Industry Minister Anna Berg and Lars Dahl, Bergen's mayor.",
])
def test_every_guest_of_a_long_list_attends(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    guests = {s for s, p, o in f if p == "attended" and o == "Nordic Energy Summit"}
    assert guests == {"Jonas Holm", "Erik Lund", "Anna Berg", "Lars Dahl"}, f



def test_arriving_in_a_place_is_visiting_it(extractor):
    f = facts(extract_text(extractor, "Jonas Holm arrived in Lisbon on Tuesday for talks with Marta Silva.\n"))
    assert ("Jonas Holm", "visited", "Lisbon") in f, f
    f = facts(extract_text(extractor, "The shipment arrived in Lisbon on Tuesday.\n"))
    assert not any(p == "visited" for _, p, _ in f), f


def test_a_guest_received_in_a_place_visits_it(extractor):
    f = facts(extract_text(extractor, "Ivan Petrov said that when President Lars Berg received him in Oslo, "
                           "they discussed trade.\n"))
    assert ("Ivan Petrov", "visited", "Oslo") in f, f
    assert not any(s == "Lars Berg" and p == "visited" for s, p, _ in f), f  # the host is at home


def test_a_leader_who_flags_off_a_model_launches_it(extractor):
    f = facts(extract_text(extractor, "The company built the car at its plant in Kassel. Prime Minister Lars Berg "
                           "on Tuesday flagged off the Orvik Nova, a compact electric SUV, at the plant.\n"))
    assert any(s == "Lars Berg" and p == "launched" and "Nova" in o for s, p, o in f), f
    f = facts(extract_text(extractor, "The regulator flagged off concerns about Orvik Motors on Monday.\n"))
    assert not any(p == "launched" for _, p, _ in f), f


def test_a_ceremony_placed_by_its_verb_is_attended_by_the_guests(extractor):
    f = facts(extract_text(extractor, "Ahmet Demir attended the signing ceremony in Ankara together with "
                                      "Velo Auto Chairman Li Wei.\n"))
    assert ("Ahmet Demir", "attended", "signing ceremony in Ankara") in f, f
    assert ("Li Wei", "attended", "signing ceremony in Ankara") in f, f


@pytest.mark.parametrize("text", [
    "The signing ceremony in Ankara was witnessed by President Ahmet Demir and Velo Auto chairman Li Wei.",
    "President Ahmet Demir witnessed the signing ceremony in Ankara.",
])
def test_witnessing_a_ceremony_is_attending_it(extractor, text):
    assert ("Ahmet Demir", "attended", "signing ceremony in Ankara") in facts(extract_text(extractor, text + "\n"))


def test_witnessing_a_rise_is_no_attendance(extractor):
    f = facts(extract_text(extractor, "Analysts witnessed a sharp rise in sales in Ankara.\n"))
    assert not any(p == "attended" for _, p, _ in f), f


@pytest.mark.parametrize("text", [
    "Chancellor Olaf Lenz and Economy Minister Jan Weber attended the Berlin Energy Forum with Elon Musk, who flew "
    "in from California.",
    "Chancellor Olaf Lenz attended the Berlin Energy Forum with Elon Musk and Economy Minister Jan Weber.",
])
def test_those_who_attend_with_the_guests_attend_too(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert {p for p, r, e in f if r == "attended" and e == "Berlin Energy Forum"} >= {"Olaf Lenz", "Elon Musk"}, f


@pytest.mark.parametrize("text, person, event", [
    ("Dorvan Motors signed the deal at the Gulf Investment Forum in Riyadh. The agreements were signed at the "
     "forum, which Yoon Suk Yeol attended along with about 400 business representatives.", "Yoon Suk Yeol",
     "Gulf Investment Forum"),
    ("Ministers met at the Nordic Battery Summit in Oslo. The summit, which Prime Minister Ana Costa attended, "
     "closed on Monday.", "Ana Costa", "Nordic Battery Summit"),
])
def test_a_gathering_a_relative_clause_says_someone_attended(extractor, text, person, event):
    assert (person, "attended", event) in facts(extract_text(extractor, text + "\n"))


@pytest.mark.parametrize("text, event", [
    ("Ivan Cao spoke on the sidelines of the fourth Tashkent Mobility Forum, where he sat on a panel.",
     "Tashkent Mobility Forum"),
    ("Ministers met at the Saudi-Korean Investment Forum in Riyadh. President Yoon Suk Yeol attended the forum.",
     "Saudi-Korean Investment Forum"),
])
def test_a_gatherings_name_has_no_edition_and_keeps_its_hyphenated_first_word(extractor, text, event):
    f = facts(extract_text(extractor, text + "\n"))
    assert any(p == "attended" and o == event for _, p, o in f), f


@pytest.mark.parametrize("text, a, b", [
    ("Kazakh President Kassym Tolegen and South Korean President Park Jae-hyun held talks in Astana on Wednesday.",
     "Kassym Tolegen", "Park Jae-hyun"),
    ("Deputy Prime Minister Serik Zhumangarin and Trade Minister Ahn Duk-geun also met on the sidelines of the "
     "visit.", "Serik Zhumangarin", "Ahn Duk-geun"),
])
def test_people_who_held_talks_or_met_together_met_each_other(extractor, text, a, b):
    assert (a, "metWith", b) in facts(extract_text(extractor, text + "\n"))


def test_a_meeting_still_to_be_arranged_with_no_one_named_meets_no_one(extractor):
    f = facts(extract_text(extractor, "Trade Minister Ahn Duk-geun held talks with the unions on Monday.\n"))
    assert not any(p == "metWith" for _, p, _ in f), f


def test_telling_a_news_agency_is_a_quote_and_telling_a_committee_is_not(extractor):
    f = facts(extract_text(extractor, "Minister Alemu Sime told the Standing Committee on Urban Infrastructure and "
                                      "Transport that imports fell. Kebede Ali told Reuters that sales rose.\n"))
    assert ("Kebede Ali", "quotedBy", "Reuters") in f, f
    assert not any(s == "Alemu Sime" and p == "quotedBy" for s, p, _ in f), f


@pytest.mark.parametrize("text", [
    "Orvane Lithium will open its plant in Antofagasta in 2026.",
    "Orvane Lithium still plans to start up its hydroxide plant in Antofagasta in 2026.",
    "Orvane Lithium is set to inaugurate its plant in Antofagasta in 2026.",
])
def test_a_works_to_be_opened_is_not_launched_yet(extractor, text):
    doc = extract_text(extractor, "Orvane Lithium, a Chilean miner, sold more lithium. " + text + "\n")
    assert not [t for t in doc.triples if t.predicate == "launched"], facts(doc)
    assert [t.object.label for t in doc.triples if t.predicate == "plannedStart"] == ["2026"], facts(doc)
