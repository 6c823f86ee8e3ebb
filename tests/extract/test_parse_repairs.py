"""Parse repairs made before the rules read a sentence (kg/extract/parse_repairs.py).

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


@pytest.mark.parametrize("text, builder, plant, amount", [
    ("Swedish battery maker Nordcell AB will build a 4.2 billion euro ($4.5 billion) gigafactory in "
     "Slovakia, the company said on Tuesday.", "Nordcell AB", "Nordcell Slovakia gigafactory", 4.2e9),
    ("Velmar Motors will build a 5.5 billion reais ($1.1 billion) car plant in Bahia, the company said.",
     "Velmar Motors", "Velmar Motors Bahia car plant", 5.5e9),
    ("Qentis Energy plans a 16,000 crore rupee ($2 billion) battery factory in Chennai.",
     "Qentis Energy", "Qentis Energy Chennai battery plant", 1.6e11),
])
def test_an_amount_with_its_conversion_in_brackets_leaves_the_plant_the_head(extractor, text, builder, plant, amount):
    doc = extract_text(extractor, text + "\n")
    assert (builder, "builds", plant) in facts(doc), facts(doc)
    values = [t.object.number for t in doc.triples if t.predicate == "investmentValue" and t.subject.label == plant]
    assert values == [pytest.approx(amount)], doc.triples


def test_the_repair_moves_the_article_and_the_place_to_the_noun(extractor):
    doc = extractor.nlp("Swedish battery maker Nordcell AB will build a 4.2 billion euro ($4.5 billion) "
                        "gigafactory in western Slovakia, the company said on Tuesday.")
    plant = next(t for t in doc if t.text == "gigafactory")
    assert plant.dep_ == "dobj" and plant.head.lemma_ == "build"
    assert {c.text for c in plant.children} >= {"a", "euro", "in"}
    assert next(t for t in doc if t.text == "euro").head.i == plant.i


def test_a_bracket_after_an_amount_with_no_noun_after_it_is_left_alone(extractor):
    text = "The company will invest 2 billion euros ($2.2 billion) in the plant."
    doc, base = extractor.nlp(text), extractor.nlp.get_pipe("parser")(
        extractor.nlp.get_pipe("tagger")(extractor.nlp.get_pipe("tok2vec")(extractor.nlp.make_doc(text))))
    assert [t.head.i for t in doc] == [t.head.i for t in base]
