"""Counterparts: "X hosted his Vietnamese counterpart Y" (kg/extract/relations/counterparts.py).

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


def offices(text: str, extractor) -> set[tuple[str, str]]:  # noqa: ANN001
    return {(s, o) for s, p, o in facts(extract_text(extractor, text + "\n")) if p == "holdsPosition"}


@pytest.mark.parametrize("text, host, guest", [
    ("Chile and Peru agreed on Wednesday to deepen cooperation, as President Ana Rojas hosted her "
     "Peruvian counterpart Luis Vargas for a state visit.",
     ("Ana Rojas", "President of Chile"), ("Luis Vargas", "President of Peru")),
    ("Indian Foreign Minister Raj Mehta met his Chinese counterpart Wang Lin in Delhi on Monday.",
     ("Raj Mehta", "Foreign Minister of India"), ("Wang Lin", "Foreign Minister of China")),
    ("Prime Minister Anan Chai met his Malaysian counterpart Ibrahim Salleh in Bangkok on Monday.",
     ("Anan Chai", "Prime Minister of Thailand"), ("Ibrahim Salleh", "Prime Minister of Malaysia")),
])
def test_a_counterpart_holds_the_same_office_of_the_other_side(extractor, text, host, guest):
    found = offices(text, extractor)
    assert host in found and guest in found, found


def test_no_other_side_no_guess(extractor):
    found = offices("Finance Minister Omar Haddad met his Egyptian counterpart.", extractor)
    assert found == {("Omar Haddad", "Finance Minister")}, found


def test_the_other_side_is_not_a_country_of_another_paragraph(extractor):
    text = ("Chile and Peru signed a deal on lithium.\n\n"
            "Prime Minister Anan Chai met his Malaysian counterpart Ibrahim Salleh in Bangkok on Monday.")
    found = offices(text, extractor)
    assert ("Anan Chai", "Prime Minister of Thailand") in found, found
