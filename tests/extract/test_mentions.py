"""Mentions and their types (kg/extract/mentions.py): models, companies NER mistyped, name spans."""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts


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


@pytest.mark.parametrize("text, ner", [
    ("Lars Berg stepped down as chief executive of Kovalt on Friday.", "GPE"),
    ("Lars Berg stepped down as chief executive of Kovalt on Friday.", "PERSON"),
    ("Kovalt's board met on Friday.", "PERSON"),
])
def test_the_company_a_title_or_a_board_belongs_to_is_an_organisation(extractor, text, ner):
    """NER's own reading is replaced by a wrong one, as it happens in news, to test the cue."""
    from spacy.tokens import Span

    base = extractor.nlp.get_pipe("kg_entities_v1")
    doc = extractor.nlp.make_doc(text)
    for name, proc in extractor.nlp.pipeline:
        if name == "kg_entities_v1":
            break
        doc = proc(doc)
    i = next(t.i for t in doc if t.text == "Kovalt")
    doc.ents = [e for e in doc.ents if not (e.start <= i < e.end)] + [Span(doc, i, i + 1, label=ner)]
    mentions = base(doc)._.kg_mentions
    assert {m.type for m in mentions if m.text == "Kovalt"} == {"Organization"}, [(m.text, m.type) for m in mentions]


def test_the_president_of_a_country_leaves_the_country_a_country(extractor):
    mentions = extractor.nlp("Lars Berg, the president of France, spoke on Friday.")._.kg_mentions
    assert {m.type for m in mentions if m.text == "France"} == {"Country"}


def test_a_one_letter_prefix_belongs_to_a_models_name(extractor):
    mentions = extractor.nlp("Lars Berg on Tuesday flagged off the e NOVA, a compact electric SUV, "
                             "at the plant.")._.kg_mentions
    assert any(m.text == "e NOVA" for m in mentions), [(m.text, m.type) for m in mentions]
    mentions = extractor.nlp("It is a Tesla rival, said Lars Berg.")._.kg_mentions
    assert not any(m.text.startswith("a ") for m in mentions), [(m.text, m.type) for m in mentions]


def test_a_town_ner_took_for_a_product_is_the_town_in_each_mention(extractor):
    """NER may type a little-known town a product; a place preposition and the gazetteer say it
    is the town, and its other mentions follow. Built by hand so the test does not depend on
    what the tagger makes of a given sentence."""
    from spacy.tokens import Doc

    words = "Orvik built a complex in Tarsus . The Tarsus project grew .".split()
    heads = [1, 1, 3, 1, 3, 4, 1, 9, 9, 10, 10, 10]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct", "det", "compound", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "DET", "PROPN", "NOUN", "VERB", "PUNCT"]
    tags = ["NNP", "VBD", "DT", "NN", "IN", "NNP", ".", "DT", "NNP", "NN", "VBD", "."]
    lemmas = ["Orvik", "build", "a", "complex", "in", "Tarsus", ".", "the", "Tarsus", "project", "grow", "."]
    ents = ["B-ORG", "O", "O", "O", "O", "B-PRODUCT", "O", "O", "B-PRODUCT", "O", "O", "O"]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              ents=ents, sent_starts=[True] + [False] * 6 + [True] + [False] * 4)
    doc = extractor.nlp.get_pipe("kg_entities_v1")(doc)
    assert [m.type for m in doc._.kg_mentions if m.text == "Tarsus"] == ["City", "City"]


def test_a_plant_described_twice_in_apposition_is_one_site(extractor):
    f = facts(extract_text(extractor, "Orvik Motors on Sunday started work on its first Spanish factory, a car "
                                      "and battery complex in Tarsus that will employ 3,000 people.\n"))
    sites = {s for s, _, _ in f if s.endswith(("plant", "complex"))}
    assert sites == {"Orvik Motors Tarsus plant"}, f


@pytest.mark.parametrize("text, model", [
    ("Zeno Auto unveiled the X7, a mid-size electric SUV, in Shanghai on Monday.", "X7"),
    ("Zeno Auto launched its first SUV, the X7, in March.", "X7"),
    ("Zeno Auto launched its first SUV, the Zeno X7, in March.", "Zeno X7"),
])
def test_a_model_named_beside_a_car_noun_is_launched(extractor, text, model):
    assert ("Zeno Auto", "launched", model) in facts(extract_text(extractor, text + "\n"))


def test_a_hyphenated_korean_given_name_ner_cut_at_the_hyphen_is_whole(extractor):
    f = facts(extract_text(extractor, "The forum was attended by South Korean Trade Minister Lee Jae-won.\n"))
    assert ("Lee Jae-won", "holdsPosition", "Trade Minister of South Korea") in f, f


def test_a_forum_of_two_nations_keeps_both_in_its_name(extractor):
    f = facts(extract_text(extractor, "The deals were signed at the Uzbek-Korean Business Forum in Tashkent, which "
                                      "was attended by Uzbek Prime Minister Aziz Karimov.\n"))
    assert ("Aziz Karimov", "attended", "Uzbek-Korean Business Forum") in f, f


def test_a_short_name_ner_took_for_a_place_is_the_company_it_begins(extractor):
    text = ("Chinese battery materials maker Yuhai Lithium signed the deal. Yuhai, which is listed in Shenzhen, "
            "will take a 9.9% stake in Coralind Resources.\n")
    f = facts(extract_text(extractor, text))
    assert ("Yuhai Lithium", "investsIn", "Coralind Resources") in f, f


def test_a_state_that_begins_a_company_name_stays_a_place(extractor):
    doc = extract_text(extractor, "The Indiana Transmission Plant will be retooled. StarPlus Energy will build two "
                                  "plants in Kokomo, Indiana.\n")
    assert not any(e.label == "Indiana" and e.type == "Organization" for e in doc.entities), doc.entities


def test_a_surname_ner_took_for_a_company_is_the_person(extractor):
    text = ("President Luis Marca hailed the deal. \"There's no time to lose,\" Marca told the audience. "
            "Marca said the state would invest $1 billion.\n")
    doc = extract_text(extractor, text)
    assert not any(e.label == "Marca" and e.type == "Organization" for e in doc.entities), doc.entities
    assert not any(p == "investmentValue" and s.endswith("Marca") for s, p, _ in facts(doc)), facts(doc)


def test_a_company_name_that_opens_a_sentence_is_found(extractor):
    text = ("Hyonsa Motor unveiled its first electric pickup truck, the Terra EV, at a ceremony on Tuesday. "
            "The Terra EV will be built at Hyonsa's Ulsan plant.\n")
    f = facts(extract_text(extractor, text))
    assert ("Hyonsa Motor", "launched", "Terra EV") in f, f
    assert ("Hyonsa Ulsan plant", "locatedIn", "Ulsan") in f, f  # the town NER took for a company


@pytest.mark.parametrize("text, name", [
    ("Orvik Cars, owned by China's Quorra, also exports cars to the country.", "Quorra"),
    ("Orvik Cars, owned by China's Kestrel, also exports cars to the country.", "Kestrel"),
])
def test_a_name_ner_missed_after_a_countrys_is_a_company(extractor, text, name):
    types = {m.text: m.type for m in extractor.nlp(text)._.kg_mentions}
    assert types.get(name) == "Organization", types


def test_a_title_after_a_countrys_is_no_company(extractor):
    types = {m.text: m.type for m in extractor.nlp("Japan's Prime Minister spoke on Monday.")._.kg_mentions}
    assert "Prime Minister" not in types or types["Prime Minister"] != "Organization", types


@pytest.mark.parametrize("text, name", [
    ("Volta Iberia, the battery start-up backed by carmaker Seres Motors, expects to grow.", "Seres Motors"),
    ("The plant will supply battery maker Orvane Cells from 2027.", "Orvane Cells"),
])
def test_a_describing_noun_ner_took_into_a_name_is_left_out(extractor, text, name):
    texts = {m.text for m in extractor.nlp(text)._.kg_mentions if m.type == "Organization"}
    assert name in texts and not any(t.endswith(name) and t != name for t in texts), texts


def test_a_name_described_as_a_start_up_is_a_company(extractor):
    text = "Volta Iberia, the Spanish battery start-up, expects its gigafactory in Badajoz to open in 2027.\n"
    types = {m.text: m.type for m in extractor.nlp(text)._.kg_mentions}
    assert types.get("Volta Iberia") == "Organization", types


@pytest.mark.parametrize("text", [
    "Rival Orvane Motors, the market leader, sold 3.02 million vehicles last year.\n",
    "Orvane Energy, the industry leader, posted a profit.\n",
])
def test_a_company_called_a_leader_stays_a_company(extractor, text):
    doc = extract_text(extractor, text)
    kinds = {e.label: e.type for e in doc.entities}
    assert kinds.get(text.split(",")[0].removeprefix("Rival ")) == "Organization", kinds
