"""Entity typing cues (kg/extract/mentions.py): product models named beside what they are."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, model", [
    ("The first two models are the T05, a small city car, and the B12, a mid-size electric SUV.", "T05"),
    ("The first two models are the T05, a small city car, and the B12, a mid-size electric SUV.", "B12"),
    ("Orvik Motors builds the Kestra Lumo electric SUV at its plant in Brno.", "Kestra Lumo"),
    ("The company unveiled the Solano, a compact electric sedan, on Monday.", "Solano"),  # a town's name too
])
def test_a_name_described_as_a_car_is_a_product(extractor, text, model):
    types = {m.text: m.type for m in extractor.nlp(text)._.kg_mentions}
    assert types.get(model) == "Product", types


def test_a_town_described_as_a_town_stays_a_town(extractor):
    mentions = extractor.nlp("Berlin, a city of four million, welcomed the plan.")._.kg_mentions
    assert {m.type for m in mentions if m.text == "Berlin"} == {"City"}


def test_a_brands_cars_leave_the_brand_a_company(extractor):
    mentions = extractor.nlp("The deal clears the way for Orvik Motors passenger cars to be built in Peru. "
                             "Orvik Motors said it was pleased.")._.kg_mentions
    assert {m.type for m in mentions if m.text == "Orvik Motors"} == {"Organization"}


@pytest.mark.parametrize("text", [
    "Lars Berg stepped down as chief executive of Kovalt on Friday. Kovalt said its lenders agreed.",
    "Kovalt's board met on Friday. Kovalt said its lenders agreed.",
])
def test_the_company_a_title_or_a_board_belongs_to_is_an_organisation(extractor, text):
    mentions = extractor.nlp(text)._.kg_mentions
    assert {m.type for m in mentions if m.text == "Kovalt"} == {"Organization"}, [(m.text, m.type) for m in mentions]


def test_the_president_of_a_country_leaves_the_country_a_country(extractor):
    mentions = extractor.nlp("Lars Berg, the president of France, spoke on Friday.")._.kg_mentions
    assert {m.type for m in mentions if m.text == "France"} == {"Country"}
