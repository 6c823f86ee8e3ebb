"""Named works (kg/extract/relations/works.py): mines, projects and plants with names of their own."""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts


@pytest.mark.parametrize("text, works, place", [
    ("In Peru, the Tarvo copper operation in Arequipa province produces 40,000 tonnes a year.",
     "Tarvo operation", "Arequipa"),
    ("The Kelmar hard-rock project in Serbia was put on hold last year.", "Kelmar project", "Serbia"),
    ("The Moravel 2 iron ore mine in Sweden was closed last year.", "Moravel 2 mine", "Sweden"),
    ("The Kelmar project in Serbia was put on hold last year.", "Kelmar project", "Serbia"),
    ("Output rose at the Moravel mine near Kiruna, the company said.", "Moravel mine", "Kiruna"),
    ("Velkor Fyra, the flagship gigafactory in the Swedish town of Lulea, will keep running.",
     "Velkor Fyra", "Luleå"),
    ("A second brine project, Sal de Lumo, is under construction in Catamarca.", "Sal de Lumo", None),
])
def test_a_works_with_a_name_of_its_own_is_one_facility(extractor, text, works, place):
    doc = extract_text(extractor, text + "\n")
    kinds = {e.label: e.type for e in doc.entities}
    assert kinds.get(works) == "Place", kinds
    if place is not None:
        assert (works, "locatedIn", place) in facts(doc), facts(doc)


@pytest.mark.parametrize("text, not_works", [
    ("Redwood runs a recycling line in Nevada. Like the Nevada operation, the plant will use solar power.",
     "Nevada operation"),  # a state's works, not one named Nevada
    ("Last month Orvik said it would fund a Rivane factory in Georgia.", "Rivane factory"),
    ("In December Orvik Motors said it would build its first European car plant in Hungary.", "European car plant"),
    ("Orvik Motors grew fast. Sales at the Orvik Motors plant in Lyon rose.", "Orvik Motors plant"),
])
def test_an_owner_a_place_or_an_adjective_is_no_works_name(extractor, text, not_works):
    doc = extract_text(extractor, text + "\n")
    assert not_works not in {e.label for e in doc.entities}, [e.label for e in doc.entities]


def test_a_named_works_the_story_gives_an_owner_is_part_of_it(extractor):
    f = facts(extract_text(extractor, "Output rose at Kestrel Minerals' Moravel operation in Western Australia.\n"))
    assert ("Moravel operation", "partOf", "Kestrel Minerals") in f, f
    # built in the story: the builder builds it, no partOf
    f = facts(extract_text(extractor, "Kestrel Minerals will build its Moravel mine near Kiruna.\n"))
    assert ("Kestrel Minerals", "builds", "Moravel mine") in f, f
    assert not any(p == "partOf" for _, p, _ in f), f


@pytest.mark.parametrize("text, works, place", [
    ("Orvane Motors idled its Tarvo Assembly Plant in Belvidere, Illinois, last year.", "Tarvo Assembly Plant",
     "Belvidere"),
    ("Orvane Motors will retool its Tarvo Assembly Plant in Illinois.", "Tarvo Assembly Plant", "Illinois"),
])
def test_a_name_ending_in_its_kind_of_works_is_a_works(extractor, text, works, place):
    f = facts(extract_text(extractor, text + "\n"))
    assert (works, "locatedIn", place) in f, f
    assert (works, "partOf", "Orvane Motors") in f, f


def test_a_funders_its_is_no_owner_of_the_works(extractor):
    f = facts(extract_text(extractor, "The Energy Department earmarked $334.8 million to retool its Tarvo "
                           "Assembly Plant in Illinois.\n"))
    assert ("Tarvo Assembly Plant", "locatedIn", "Illinois") in f, f
    assert not any(p == "partOf" and s == "Tarvo Assembly Plant" for s, p, _ in f), f
