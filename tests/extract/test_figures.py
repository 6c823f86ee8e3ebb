"""Figures a story gives without a subject: fact-box lines and bare sales sentences
(kg/extract/relations/figures.py).

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline

STORY = "Velan Energy, a battery maker based in Lyon, reported results on Friday.\n\n"


def sales(text: str, extractor) -> set[tuple[str, float]]:  # noqa: ANN001
    doc = extract_text(extractor, text)
    return {(t.subject.label, t.object.number) for t in doc.triples if t.predicate == "salesVolume"}


@pytest.mark.parametrize("box, number", [
    ("THE YEAR IN FIGURES\n- Lithium-ion battery sales: 390 gigawatt hours (GWh), up 35%\n", 390),
    ("Key numbers:\n- Power battery systems: 321 GWh sold, up 32%\n", 321),
    ("Deliveries: 1.2 million vehicles, up 8%\n", 1.2e6),
])
def test_a_fact_box_line_is_the_story_companys(extractor, box, number):
    assert ("Velan Energy", number) in sales(STORY + box, extractor)


@pytest.mark.parametrize("line", [
    "Research and development: 18.4 billion yuan, up 18%\n",
    "Revenue: 40.9 billion yuan, up 22%\n",
    "Margin: 22%\n",
])
def test_other_figures_are_not_sales(extractor, line):
    assert sales(STORY + line, extractor) == set()


@pytest.mark.parametrize("sentence, number", [
    ("Deliveries reached 1.8 million units.", 1.8e6),
    ("Total sales rose 12% to 30,000 cars.", 30000),
])
def test_bare_sales_are_the_story_companys(extractor, sentence, number):
    assert ("Velan Energy", number) in sales(STORY + sentence + "\n", extractor)


@pytest.mark.parametrize("sentence", [
    "Revenue grew 22% to 40.9 billion yuan.",
    "Iodine sales fell 5% to 9,000 tonnes.",
    "Quarterly deliveries reached 300,000 units.",
])
def test_revenue_and_part_sales_are_not_the_companys_volume(extractor, sentence):
    assert sales(STORY + sentence + "\n", extractor) == set()


def test_a_fact_box_capacity_is_the_story_plants(extractor):
    text = ("Velan Energy opened a car plant in Rayong on Monday.\n\nKey numbers:\n"
            "- Capacity: 50,000 vehicles a year in the first phase\n")
    doc = extract_text(extractor, text)
    found = {(t.subject.label, t.object.number) for t in doc.triples if t.predicate == "capacity"}
    assert ("Velan Energy Rayong car plant", 50000) in found, found


def test_no_story_company_no_owner(extractor):
    text = "Velan Energy and Tarsk Mining both reported results.\n\nDeliveries: 1.2 million vehicles\n"
    assert sales(text, extractor) == set()


def test_a_hyphenated_number_word_is_no_amount(extractor):
    text = "Velan Energy sold 2.6 lakh scooters in 2023, making it India's third-largest two-wheeler maker.\n"
    assert sales(text, extractor) == {("Velan Energy", 260000)}


def test_an_agreement_abbreviation_is_no_company(extractor):
    text = ("Velan Energy signed a pact with the Tamil Nadu government.\n\nThe MoU was exchanged at the "
            "Secretariat. Velan Energy already operates a plant at Hosur.\n\nThe Bengaluru-based company sold "
            "2.6 lakh scooters in 2023.\n")
    doc = extract_text(extractor, text)
    assert "MoU" not in {e.label for e in doc.entities}
    # with no "MoU" subject beside it, "the company" opening the last paragraph is Velan Energy
    assert ("Velan Energy", "salesVolume", "260000 scooters") in {(t.subject.label, t.predicate, t.object.label)
                                                                  for t in doc.triples}
