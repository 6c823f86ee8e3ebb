"""What works make: goods named by the kind of works, models off the line, models by name
(kg/extract/relations/production.py).

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from kg.extract.relations.production import goods_label

from .helpers import extract_text

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


def produced(extractor, text: str) -> set[tuple[str, str]]:
    doc = extract_text(extractor, text + "\n")
    return {(t.subject.label, t.object.label) for t in doc.triples if t.predicate == "produces"}


@pytest.mark.parametrize("text, goods", [
    ("Orvane Cells will build a cell and module plant in Nashville.", {"cells", "modules"}),
    ("Orvane Cells runs a lithium hydroxide plant in Nashville.", {"lithium hydroxide"}),
    ("Orvane Cells opened a new EV assembly plant in Nashville on Monday.", {"electric vehicles"}),
    ("Orvane Cells will put a lithium iron phosphate (LFP) battery factory in Nashville.", {"LFP batteries"}),
    ("Orvane Cells plans a car and battery complex in Nashville.", {"cars", "batteries"}),
    ("Orvane Cells is building a separator plant in Nashville.", {"separators"}),
    ("Orvane Cells will build a lithium-ion battery plant in Nashville.", {"lithium-ion batteries"}),
])
def test_the_kind_of_works_names_its_goods(extractor, text, goods):
    found = produced(extractor, text)
    assert {o for _, o in found} == goods, found
    assert all(s.startswith("Orvane Cells Nashville") for s, _ in found), found


@pytest.mark.parametrize("text", [
    "Orvane Cells opened a battery recycling plant in Nashville.",
    "Orvane Cells runs a battery plant in Nashville.",
    "Orvane Cells will build a car plant in Nashville.",
    "Orvane Cells will build a pilot plant in Nashville.",
    "Orvane Cells will build a $2 billion plant in Nashville.",
    "Orvane Cells opened its flagship gigafactory in Nashville.",
    "Orvane Cells will build a 20 GWh plant in Nashville.",
])
def test_a_works_of_processing_or_of_all_goods_of_a_kind_names_none(extractor, text):
    assert not produced(extractor, text)


@pytest.mark.parametrize("text", [
    "Korvo Motors builds the Zeta Z7 electric SUV at its assembly plant in Brno.",
    "The Zeta Z7, a mid-size sedan, rolls off the assembly line at the Korvo Motors plant in Brno.",
    "Korvo Motors opened its plant in Brno on Monday. The first Zeta Z7, a compact electric SUV, "
    "came off the line during the ceremony.",
])
def test_a_model_built_at_or_rolling_off_the_line_of_a_works(extractor, text):
    assert produced(extractor, text) == {("Korvo Motors Brno plant" if "assembly plant" not in text
                                          else "Korvo Motors Brno assembly plant", "Zeta Z7")}


def test_the_first_cars_off_the_line_are_no_model(extractor):
    text = "The first cars rolled off the line at the Korvo Motors plant in Brno in May."
    assert not produced(extractor, text)


@pytest.mark.parametrize("words, label", [
    (["EV"], "electric vehicles"),
    (["battery", "cell"], "battery cells"),
    (["lithium", "hydroxide"], "lithium hydroxide"),
    (["iodine"], "iodine"),
    (["LFP", "battery"], "LFP batteries"),
])
def test_goods_labels(words, label):
    assert goods_label(words) == label


@pytest.mark.parametrize("text", [
    "Ranxin Auto unveiled the Tide Sport, a plug-in hybrid, on Tuesday.",
    "Ranxin Auto launched its Tide Sport plug-in hybrid in Brazil.",
    "Ranxin Auto unveiled its new Tide Sport SUV.",
])
def test_a_model_named_before_its_kind_is_launched(extractor, text):
    doc = extract_text(extractor, text + "\n")
    launched = {(t.subject.label, t.object.label) for t in doc.triples if t.predicate == "launched"}
    assert launched == {("Ranxin Auto", "Tide Sport")}, launched


def test_buses_count_as_goods_and_output(extractor):
    doc = extract_text(extractor, "Zhenhua Motors will build a bus plant in Mombasa. The plant will have an annual "
                                  "production capacity of 3,000 buses.\n")
    found = {(t.predicate, t.object.label) for t in doc.triples if t.subject.label == "Zhenhua Motors Mombasa bus plant"}
    assert ("produces", "buses") in found and ("capacity", "3000 buses") in found, found
