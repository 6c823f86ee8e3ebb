"""Hedges on facts (kg/extract/relations/modality.py): kept with the fact, never dropped.

Sentences are our own; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from kg.extract.relations.modality import hedge_of

from .helpers import extract_text

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


@pytest.mark.parametrize("text, verb, hedge", [
    ("Velmar Motors is in talks to buy Brimco Energy.", "buy", "considered"),
    ("Velmar Motors made a bid to buy Brimco Energy.", "buy", "planned"),
    ("Velmar Motors plans to acquire Brimco Energy.", "acquire", "planned"),
    ("Velmar Motors may build a plant in Porto.", "build", "possible"),
    ("Velmar Motors bought Brimco Energy in 2020.", "bought", None),
])
def test_the_hedge_of_a_trigger(extractor, text, verb, hedge):
    doc = extractor.nlp(text)
    assert hedge_of(next(t for t in doc if t.text == verb)) == hedge


def test_a_planned_takeover_is_kept_with_its_hedge(extractor):
    doc = extract_text(extractor, "Velmar Motors plans to acquire Brimco Energy for $2 billion.\n")
    owned = [t for t in doc.triples if t.predicate == "partOf"]
    assert [(t.subject.label, t.object.label, t.hedge) for t in owned] == [("Brimco Energy", "Velmar Motors", "planned")]
