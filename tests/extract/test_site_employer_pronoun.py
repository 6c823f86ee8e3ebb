"""Rules added after reading stories of our own: visits to a company's site, an employer
named before a title that NER missed there, and 'it' after a subject no name stands for."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline

TEXT = """LISBON, June 9 -- Portuguese battery start-up Lusocell signed a supply agreement with Stellantis on Monday.
Stellantis chief executive Marco Vieri toured Lusocell's pilot line in Porto last week and met Lusocell founder Rita Gomes.
Finance director Paulo Sousa said the deal was worth 300 million euros.
The 2-billion-euro factory will make cells for small cars. It is expected to employ 1,200 people by 2028.
"""


@pytest.fixture(scope="module")
def doc(extractor):
    from kg.ingest import parse_document

    return extractor.extract(parse_document(TEXT, "-"))


def facts(doc):
    return {(t.subject.label, t.predicate, t.object.label) for t in doc.triples}


def test_employer_named_elsewhere_is_split_from_the_title(doc):
    f = facts(doc)
    assert ("Marco Vieri", "directorOf", "Stellantis") in f
    roles = {e.label for e in doc.entities if e.type == "Role"}
    assert not any("Stellantis" in r for r in roles), roles
    # a portfolio word is not a company: "Finance director" stays one title
    assert not any(e.label == "Finance" and e.type == "Organization" for e in doc.entities)


def test_touring_a_site_visits_its_owner_and_place(doc):
    f = facts(doc)
    assert ("Marco Vieri", "visited", "Lusocell") in f
    assert ("Marco Vieri", "visited", "Porto") in f
    assert ("Marco Vieri", "metWith", "Rita Gomes") in f


def test_it_after_an_unnamed_subject_is_left_unresolved(doc):
    # "It" continues "the factory"; the nearest company is not what employs the 1,200.
    wrong = [t for t in doc.triples if t.predicate == "employs" and t.subject.type == "Organization"]
    assert wrong == [], [(t.subject.label, t.object.label) for t in wrong]
