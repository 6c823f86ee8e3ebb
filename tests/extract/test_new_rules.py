"""New rules on short texts of our own: lead-in skipping, offices, ventures, facilities."""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline

TEXT = """by Jane Roe
OSLO, May 3 -- Norway's Minister of Energy, Olav Lund, attended the Nordic Battery Summit in Bergen.
Lund visited Sweden after meeting executives of Volvo Cars, Northvolt and Scania.
Acme Motors and Beta Power formed a joint venture, Gamma Cells, last year.
Sara Lind, Acme Motors' vice president for sales, said demand was strong.
Acme Motors will build an electric vehicle plant in Gdansk. The plant is expected to employ 2,000 people.
The Institute for Mobility Research (IMR) said it welcomed the investment of 300 million ringgit.
"""


@pytest.fixture(scope="module")
def doc(extractor):
    return extract_text(extractor, TEXT)


def rules(doc):
    return {(t.subject.label, t.predicate, t.object.label): t.rule for t in doc.triples}


def test_lead_in_is_skipped_and_office_in_apposition(doc):
    f = facts(doc)
    assert ("Olav Lund", "holdsPosition", "Minister of Energy of Norway") in f
    assert ("Olav Lund", "nationality", "Norway") in f


def test_attended_event(doc):
    assert any(s == "Olav Lund" and p == "attended" for s, p, _ in facts(doc))


def test_met_executives_of_companies(doc):
    met = {o for s, p, o in facts(doc) if p == "metWith" and s == "Olav Lund"}
    assert "Volvo Cars" in met


def test_joint_venture_parents(doc):
    f = facts(doc)
    assert ("Gamma Cells", "jointVentureOf", "Acme Motors") in f
    assert ("Gamma Cells", "jointVentureOf", "Beta Power") in f


def test_owner_role_in_apposition(doc):
    assert ("Sara Lind", "worksFor", "Acme Motors") in facts(doc)


def test_facility_keeps_modifier_chain_and_definite_reference(doc):
    f = facts(doc)
    plants = {o for s, p, o in f if p == "builds" and s == "Acme Motors"}
    # named from its owner, town and kind, as news names plants; "The plant" later refers to it
    assert plants == {"Acme Motors Gdansk EV plant"}
    assert any(s == "Acme Motors Gdansk EV plant" and p == "employs" for s, p, _ in f)
    assert ("Acme Motors Gdansk EV plant", "locatedIn", "Gdańsk") in f


def test_unclosed_bracket_is_trimmed(doc):
    labels = {e.label for e in doc.entities}
    assert not any("(" in label for label in labels)


def test_ringgit_currency():
    from kg.extract.values import parse_money

    assert parse_money("4 billion ringgit").unit == "MYR"


def test_trim_drops_unclosed_bracket(extractor):
    from kg.extract.spans import trim

    d = extractor.nlp.make_doc("the Institute for Trade (ITR")
    assert trim(d[0:len(d)]).text == "Institute for Trade"
