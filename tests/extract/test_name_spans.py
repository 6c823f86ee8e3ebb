"""Name spans NER cuts short are repaired.

Sentences are our own; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


def test_a_name_cut_at_of_runs_on_over_the_name_it_leads_to(extractor):
    doc = extract_text(extractor, "The company will spend 7 billion euros on a plant in the "
                       "Southern Industrial Park of Debrecen.\n")
    labels = {e.label for e in doc.entities}
    assert "Southern Industrial Park of Debrecen" in labels, labels
    assert not any(label.endswith(" of") for label in labels), labels


def test_a_group_is_not_merged_with_its_company(extractor):
    doc = extract_text(extractor, "Velora Motor Group, which includes Velora Motor Company and Kestrel, "
                       "grew. Velora Motor Company said sales rose.\n")
    labels = {e.label for e in doc.entities if e.type == "Organization"}
    assert {"Velora Motor Group", "Velora Motor Company"} <= labels, labels


def test_a_person_name_that_begins_company_names_is_the_company(extractor):
    doc = extract_text(extractor, "Rio Tinto has completed its takeover of Arcadium Lithium. "
                       "Arcadium will be renamed Rio Tinto Lithium.\n")
    types = {e.label: e.type for e in doc.entities}
    assert types.get("Rio Tinto") == "Organization", types


@pytest.mark.parametrize("text", [
    "PERTH — Kestrel Minerals said on Friday that sales rose.\n",
    "SAO PAULO, May 2 — Kestrel Minerals said on Friday that sales rose.\n",
])
def test_a_dateline_is_a_place_not_a_company(extractor, text):
    doc = extract_text(extractor, text)
    assert not any(e.type == "Organization" and e.label.isupper() for e in doc.entities), doc.entities


def test_a_company_acronym_opening_a_line_stays_a_company(extractor):
    doc = extract_text(extractor, "BYD, the Chinese carmaker, said sales rose.\n")
    assert ("BYD", "Organization") in {(e.label, e.type) for e in doc.entities}


def test_a_company_short_name_read_as_a_person_is_the_company(extractor):
    doc = extract_text(extractor, "Nordwind Motors sold more cars. Nordwind's chief executive, Lars Holm, "
                       "said the company was in talks.\n")
    f = {(t.subject.label, t.predicate, t.object.label) for t in doc.triples}
    assert ("Lars Holm", "holdsPosition", "Chief Executive of Nordwind Motors") in f, f
    # a surname that begins a company's name stays the person's
    doc = extract_text(extractor, "Henry Ford founded Ford Motor in 1903. Ford later said sales rose.\n")
    assert ("Henry Ford", "Person") in {(e.label, e.type) for e in doc.entities}


def test_the_full_name_labels_a_company_its_short_form_is_used_more(extractor):
    doc = extract_text(extractor, "Redwood Materials will build a campus in Nevada. Redwood said the campus "
                       "would open in 2026. Redwood also recycles batteries.\n")
    labels = {e.label for e in doc.entities if e.type == "Organization"}
    assert "Redwood Materials" in labels and "Redwood" not in labels, labels


def test_a_company_name_with_a_country_word_inside_is_whole(extractor):
    mentions = extractor.nlp("Orvik Motors said its unit Orvik Morocco New Energy holds 50 percent of the venture.")._.kg_mentions
    names = {m.text for m in mentions if m.type == "Organization"}
    assert "Orvik Morocco New Energy" in names and "Morocco New Energy" not in names, names


@pytest.mark.parametrize("text, name", [
    ("Sociedad Quimica y Minera de Chile, based in Santiago, raised its lithium output.\n",
     "Sociedad Quimica y Minera de Chile"),
    ("Companhia Siderurgica e Mineradora do Norte said it would sell the mine.\n", None),
])
def test_a_company_name_joined_by_a_foreign_and_is_one_name(extractor, text, name):
    doc = extract_text(extractor, text)
    labels = {e.label for e in doc.entities}
    assert not any(label.split()[0] in ("y", "e") for label in labels), labels
    if name:
        assert name in labels, labels


@pytest.mark.parametrize("text, person, role", [
    ("Norway's Minister of Trade and Industry Jan Christian Vestre attended the opening ceremony.",
     "Jan Christian Vestre", "Minister of Trade and Industry of Norway"),
    ("Minister of Foreign Affairs Anna Berg said so.", "Anna Berg", "Minister of Foreign Affairs"),
])
def test_a_name_NER_ran_into_an_office_is_its_holder(extractor, text, person, role):
    doc = extract_text(extractor, text + "\n")
    roles = {(t.subject.label, t.object.label) for t in doc.triples if t.predicate == "holdsPosition"}
    assert (person, role) in roles, roles


def test_a_company_named_at_the_start_of_a_story_with_a_company_noun_beside_it(extractor):
    doc = extract_text(extractor, "Hydrolux, a joint venture between Norwegian aluminium group Norvik and "
                       "Swedish battery maker Kovra, opened a recycling plant in Fredrikstad on Wednesday.\n")
    kinds = {e.label: e.type for e in doc.entities}
    assert kinds.get("Hydrolux") == "Organization", kinds
