"""Places inside places (kg/extract/relations/located.py).

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


@pytest.mark.parametrize("text, inner, outer", [
    ("The plant will be built in Jinhua, a city in Zhejiang province.", "Jinhua", "Zhejiang"),
    ("The mine is located in the Pilbara region of Western Australia.", "Pilbara", "Western Australia"),
    ("Orvane Motors is based in Wuhu, in China's Anhui province.", "Wuhu", "Anhui"),
])
def test_a_place_described_as_in_a_larger_one_is_in_it(extractor, text, inner, outer):
    assert (inner, "locatedIn", outer) in facts(extract_text(extractor, text + "\n"))


def test_a_province_after_a_countrys_is_the_province_not_the_country(extractor):
    f = facts(extract_text(extractor, "Orvane Motors is based in Wuhu, in China's Anhui province.\n"))
    assert ("Wuhu", "locatedIn", "China") not in f, f


@pytest.mark.parametrize("text, site, country", [
    ("Orvane Cells already supplies carmakers from its Polish factory.\n", "Orvane Cells Poland plant", "Poland"),
    ("Orvane Cells said its Hungarian plant would employ 900 people.\n", "Orvane Cells Hungary plant", "Hungary"),
])
def test_a_works_named_for_its_country_is_in_it(extractor, text, site, country):
    doc = extract_text(extractor, text)
    assert (site, "locatedIn", country) in facts(doc), facts(doc)


def test_a_continent_names_no_place_of_a_works(extractor):
    doc = extract_text(extractor, "Orvane Cells already supplies carmakers from its European factory.\n")
    assert not [t for t in doc.triples if t.predicate == "locatedIn"], facts(doc)


@pytest.mark.parametrize("text", [
    "Orvane Motors will build a cell plant on a site near Lyon.\n",
    "Orvane Motors will build a cell plant on 200 acres of land in Lyon.\n",
    "Orvane Motors will build a cell plant on a greenfield site in Lyon.\n",
])
def test_a_works_on_a_site_in_a_place_is_in_it(extractor, text):
    doc = extract_text(extractor, text)
    assert ("Orvane Motors Lyon cell plant", "locatedIn", "Lyon") in facts(doc), facts(doc)


def test_a_town_keeps_the_name_the_story_gives_it(extractor):
    # the register calls it "Cheongju-si"; the story, and its readers, "Cheongju"
    doc = extract_text(extractor, "Orvane Cells will build a battery plant in Cheongju, south of Seoul.\n")
    assert ("Orvane Cells Cheongju battery plant", "locatedIn", "Cheongju") in facts(doc), facts(doc)


def test_a_state_NER_missed_after_a_town_holds_the_town(extractor):
    doc = extract_text(extractor, "Orvane Cells will build a plant in Krishnagiri, Tamil Nadu.\n")
    assert ("Krishnagiri", "locatedIn", "Tamil Nādu") in facts(doc), facts(doc)
