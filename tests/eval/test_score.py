"""Tests of the gold-set scorer (kg.eval) and of the gold files under tests/gold/."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import GoldError
from kg.eval import (
    article_body,
    check_evidence,
    evaluate,
    evaluate_file,
    format_report,
    is_name,
    load_gold,
    parse_number,
)
from kg.model import RELATIONS, Entity, Triple, Value

GOLD_DIR = Path(__file__).resolve().parent.parent / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*_gold.json"))
SEED = GOLD_DIR / "seed_gold.json"


@pytest.fixture(scope="module")
def seed() -> dict:
    return load_gold(SEED)


def pred(s, p, o, *, s_type="Organization", o_type="Organization", evidence="...", **extra):
    """A prediction dict shaped like Triple.to_dict()."""
    return {"s": s, "s_type": s_type, "p": p, "o": o, "o_type": o_type, "evidence": evidence,
            "start": 0, "end": 3, "confidence": 0.9, "rule": "test", "doc": "d", **extra}


def from_gold(gold: dict) -> list[dict]:
    return [pred(t["s"], t["p"], t["o"], s_type=t["s_type"], o_type=t["o_type"],
                 evidence=t["evidence"]) for t in gold["triples"]]


def triple_by_id(gold: dict, tid: str) -> dict:
    return next(t for t in gold["triples"] if t["id"] == tid)


# --------------------------------------------------------------------------- gold files


def test_there_are_at_least_five_gold_files():
    assert len(GOLD_FILES) >= 5
    assert SEED in GOLD_FILES


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_loads_and_its_evidence_is_in_the_article_body(path):
    gold = load_gold(path)
    article = GOLD_DIR / "articles" / gold["article"]
    text = article.read_text(encoding="utf-8")
    assert check_evidence(gold, text) == []
    body = article_body(text)
    assert body != text  # the header block was recognised
    for t in gold["triples"]:
        assert t["evidence"] in body, t["id"]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_gold_predicate_is_in_the_vocabulary(path):
    gold = load_gold(path)
    for t in gold["triples"]:
        assert t["p"] in RELATIONS, t["id"]
        for alt in t.get("alternatives", []):
            assert alt["p"] in RELATIONS, t["id"]


@pytest.mark.parametrize("path", [p for p in GOLD_FILES if p != SEED], ids=lambda p: p.stem)
def test_written_articles_follow_the_corpus_conventions(path):
    gold = load_gold(path)
    text = (GOLD_DIR / "articles" / gold["article"]).read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0].splitlines()
    assert [line.split(":", 1)[0] for line in header] == [
        "Title", "Publisher", "Byline", "Dateline", "Note"]
    assert header[1] == "Publisher: kg test corpus (written for the project)"
    assert header[4] == "Note: written for kg's tests; not a real report."
    assert 250 <= len(article_body(text).split()) <= 450
    assert 10 <= gold["counts"]["core"] <= 20


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_perfect_predictions_score_one(path):
    gold = load_gold(path)
    report = evaluate(gold, from_gold(gold))
    for score in (report.triples, report.triples_core, report.pairs, report.pairs_core):
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert report.unmatched == [] and report.missed_core == []


# --------------------------------------------------------------------------- scoring


def test_empty_predictions_score_zero_recall(seed):
    report = evaluate(seed, [])
    assert report.triples.recall == 0 and report.triples_core.recall == 0
    assert report.pairs.recall == 0 and report.triples.f1 == 0
    assert len(report.missed_core) == seed["counts"]["core"]


def test_symmetric_relation_matches_in_either_direction(seed):
    report = evaluate(seed, [pred("Farasis Energy", "partnersWith", "Togg")])
    assert report.triples.tp == 1 and report.triples.fp == 0


def test_directed_relation_reversed_does_not_match_but_its_pair_does(seed):
    report = evaluate(seed, [pred("Türkiye", "investsIn", "China", s_type="Country",
                                  o_type="Country")])
    assert report.triples.tp == 0 and report.triples.fp == 1
    assert report.pairs.tp == 1
    assert "relation or direction differs" in report.unmatched[0]["hint"]


def test_alternative_form_matches(seed):
    report = evaluate(seed, [pred("Selcuk Colakoglu", "worksFor",
                                  "Centre for Asia-Pacific Studies", s_type="Person")])
    assert report.triples.tp == 1
    assert report.matches[0]["gold"]["id"] == "seed-15"


def test_main_form_and_alternative_both_predicted_count_once(seed):
    report = evaluate(seed, [
        pred("Selcuk Colakoglu", "directorOf", "Centre for Asia-Pacific Studies"),
        pred("Selcuk Colakoglu", "worksFor", "Centre for Asia-Pacific Studies"),
    ])
    assert (report.triples.tp, report.triples.fp) == (1, 0)
    assert report.counts["redundant"] == 1


@pytest.mark.parametrize("label", ["Turkey", "TÜRKİYE", "Republic of Turkey", "Turkiye"])
def test_turkey_matches_turkiye(seed, label):
    report = evaluate(seed, [pred(label, "seeksCooperationWith", "China")])
    assert report.triples.tp == 1


def test_country_names_are_equivalent_through_pycountry():
    gold = {
        "entities": {"Vietnam": {"type": "Country", "aliases": [], "variants": []},
                     "South Korea": {"type": "Country", "aliases": [], "variants": []}},
        "triples": [{"id": "t1", "s": "South Korea", "p": "tradesWith", "o": "Vietnam",
                     "evidence": "x", "core": True}],
    }
    report = evaluate(gold, [pred("Socialist Republic of Viet Nam", "tradesWith",
                                  "Republic of Korea")])
    assert report.triples.tp == 1


@pytest.mark.parametrize("label", ["Kacir", "Kacır", "Fatih Kacir", "mehmet fatih kacir"])
def test_surname_and_spelling_match_through_alias_or_variant(seed, label):
    report = evaluate(seed, [pred(label, "visited", "China", s_type="Person")])
    assert report.triples.tp == 1


def test_dotted_capital_i_folds(seed):
    report = evaluate(seed, [pred("Emre Ozpeynirci", "basedIn", "İSTANBUL")])
    assert report.triples.tp == 1


@pytest.mark.parametrize("subject", ["He", "he", "The minister", "the Turkish minister"])
def test_pronoun_or_description_subject_matches_nothing(seed, subject):
    report = evaluate(seed, [pred(subject, "visited", "China", s_type="Person")])
    assert report.triples.tp == 0 and report.triples.fp == 1 and report.pairs.tp == 0
    assert "pronoun or bare description" in report.unmatched[0]["hint"]


@pytest.mark.parametrize("text, expected", [
    ("Kacir", True), ("the semi-official Anadolu Agency", True),
    ("the European Union's customs union", True),
    ("the first battery factory in northwest Türkiye", True), ("US", True),
    ("Turkish Industry and Technology Minister", True),
    ("he", False), ("It", False), ("them", False), ("the minister", False),
    ("The minister", False), ("the Turkish minister", False), ("his country", False),
    ("the two nations", False), ("this expert", False), ("the company", False),
    ("its first European factory", False), ("the French carmaker", False),
])
def test_name_rule(text, expected):
    assert is_name(text, {"turkiye"}) is expected


def test_money_within_one_percent_matches(seed):
    near = pred("China", "tradeValue", "38.3 billion USD", o_type="Quantity",
                o_value=38.3e9, o_unit="USD")  # 0.65 % off
    assert evaluate(seed, [near]).triples.tp == 1


def test_money_five_percent_off_does_not_match(seed):
    far = pred("China", "tradeValue", "36.6 billion USD", o_type="Quantity",
               o_value=36.6e9, o_unit="USD")
    report = evaluate(seed, [far])
    assert report.triples.tp == 0 and report.triples.fp == 1


def test_money_without_o_value_is_parsed_from_the_label(seed):
    report = evaluate(seed, [pred("China", "investmentValue", "$2.4 bn", o_type="Quantity")])
    assert report.triples.tp == 1


def test_money_in_another_currency_does_not_match(seed):
    euros = pred("China", "investmentValue", "2.4 billion EUR", o_type="Quantity",
                 o_value=2.4e9, o_unit="EUR")
    assert evaluate(seed, [euros]).triples.tp == 0


@pytest.mark.parametrize("label, value", [("third", 3), ("3rd", None), ("third-largest", None)])
def test_rank_matches_by_number(seed, label, value):
    extra = {"o_value": value} if value is not None else {}
    report = evaluate(seed, [pred("China", "tradingPartnerRank", label, o_type="Quantity",
                                  **extra)])
    assert report.triples.tp == 1


@pytest.mark.parametrize("label, value, hit", [
    ("2022", "2022", True), ("2022-05", "2022-05", True), ("May 2022", None, True),
    ("2023", "2023", False),
])
def test_date_matches_by_year(seed, label, value, hit):
    extra = {"o_value": value} if value is not None else {}
    report = evaluate(seed, [pred("Togg", "launched", label, o_type="Date", **extra)])
    assert report.triples.tp == int(hit)


def test_duplicates_are_counted_once(seed):
    same = pred("Mehmet Fatih Kacır", "metWith", "BYD", s_type="Person")
    report = evaluate(seed, [same, dict(same), pred("Kacir", "metWith", "BYD"),
                             pred("BYD", "metWith", "Kacir")])  # symmetric: same fact
    assert report.counts["duplicates"] == 3
    assert (report.triples.tp, report.triples.fp) == (1, 0)
    assert report.pairs.tp == 1


def test_core_precision_ignores_predictions_of_non_core_facts(seed):
    report = evaluate(seed, [
        pred("Kacir", "visited", "China"),               # core
        pred("Kacir", "quotedBy", "Anadolu Agency"),     # non-core
        pred("Togg", "produces", "bicycles"),            # nothing
    ])
    assert (report.triples.tp, report.triples.fp) == (2, 1)
    assert (report.triples_core.tp, report.triples_core.fp) == (1, 1)
    assert report.triples_core.precision == 0.5
    assert report.triples.precision == pytest.approx(2 / 3)


def test_open_predicates_and_low_confidence_are_set_aside(seed):
    low = pred("Kacir", "visited", "China")
    low["confidence"] = 0.2
    report = evaluate(seed, [pred("Kacir", "admire", "China"), low], min_confidence=0.5)
    assert report.counts["open_predicate"] == 1 and report.counts["below_confidence"] == 1
    assert report.counts["scored"] == 0
    report = evaluate(seed, [pred("Kacir", "admire", "China")], include_open=True)
    assert report.triples.fp == 1


def test_triple_to_dict_output_is_scored(seed):
    china = Entity("China", "Country")
    triples = [
        Triple(china, "tradeValue", Value("38.55 billion U.S. dollars", "money", 38.55e9, "USD"),
               "evidence", 0, 8, 0.8, "rule", "doc"),
        Triple(Entity("Togg", "Organization"), "launched", Value("2022", "date", date="2022"),
               "evidence", 0, 8, 0.8, "rule", "doc"),
        Triple(china, "tradingPartnerRank", Value("third", "rank", 3.0),
               "evidence", 0, 8, 0.8, "rule", "doc"),
    ]
    report = evaluate(seed, [t.to_dict() for t in triples])
    assert report.triples.tp == 3


def test_missed_core_facts_and_unmatched_predictions_are_reported(seed):
    report = evaluate(seed, [pred("Togg", "produces", "bicycles", evidence="Togg makes bikes"),
                             pred("Togg", "basedIn", "Farasis Energy")])
    assert {m["id"] for m in report.missed_core} == {
        t["id"] for t in seed["triples"] if t["core"]}
    seed28 = next(m for m in report.missed_core if m["id"] == "seed-28")
    assert seed28["predicted_relations_for_pair"] == ["basedIn"]
    text = format_report(report, show_misses=True)
    assert "Missed core facts (24)" in text and "Togg makes bikes" in text
    assert "object 'bicycles': not a gold entity" in text
    assert "Missed core" not in format_report(report, show_misses=False)
    json.dumps(report.to_dict())  # plain JSON values only


def test_evaluate_file(seed):
    report = evaluate_file(SEED, from_gold(seed))
    assert report.triples.f1 == 1.0 and report.gold == "seed"


# --------------------------------------------------------------------------- gold errors


def _write(tmp_path: Path, content) -> Path:
    path = tmp_path / "bad_gold.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content),
                    encoding="utf-8")
    return path


def _broken(seed: dict, change) -> dict:
    gold = copy.deepcopy(seed)
    change(gold)
    return gold


@pytest.mark.parametrize("change, message", [
    (lambda g: g.pop("entities"), "no 'entities'"),
    (lambda g: g.__setitem__("triples", []), "no 'triples'"),
    (lambda g: g["triples"][0].__setitem__("o", "Atlantis"), "is not a gold entity"),
    (lambda g: g["triples"][0].__setitem__("p", "admires"), "not in the vocabulary"),
    (lambda g: g["triples"][1].__setitem__("id", "seed-01"), "duplicate triple id"),
    (lambda g: g["counts"].__setitem__("core", 99), "counts.core"),
    (lambda g: g["entities"]["Togg"].__setitem__("type", "Car"), "unknown type"),
    (lambda g: g["triples"][2].__setitem__("alternatives", [{"s": "China"}]), "missing 'p'"),
    (lambda g: g["triples"][3].__setitem__("core", "yes"), "'core'"),
])
def test_malformed_gold_raises_gold_error(tmp_path, seed, change, message):
    path = _write(tmp_path, _broken(seed, change))
    with pytest.raises(GoldError) as info:
        load_gold(path)
    text = str(info.value)
    assert "\n" not in text and message in text


def test_unparseable_quantity_raises_gold_error(tmp_path, seed):
    def change(g):
        g["entities"]["a lot"] = {"type": "Quantity", "aliases": ["much"], "variants": []}
        g["counts"]["entities"] += 1
        triple_by_id(g, "seed-41")["o"] = "a lot"
    with pytest.raises(GoldError, match="no parseable number"):
        load_gold(_write(tmp_path, _broken(seed, change)))


@pytest.mark.parametrize("content", ["{not json", "[]", "", "null"])
def test_invalid_json_raises_gold_error(tmp_path, content):
    with pytest.raises(GoldError):
        load_gold(_write(tmp_path, content))


def test_missing_gold_file_raises_gold_error(tmp_path):
    with pytest.raises(GoldError, match="not found"):
        load_gold(tmp_path / "nope.json")


def test_evaluate_validates_a_gold_dict(seed):
    with pytest.raises(GoldError):
        evaluate({"entities": {}, "triples": []}, [])


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize("text, value", [
    ("38.55 billion USD", 38.55e9), ("$1.2 billion", 1.2e9), ("1.2 billion U.S. dollars", 1.2e9),
    ("45 percent", 45), ("300,000 vehicles a year", 300_000), ("2.4bn", 2.4e9),
    ("1.2-billion-euro", 1.2e9), ("third-largest trading partner", 3), ("3rd", 3),
    ("eight cities", 8), ("largest trading partner", 1), ("Togg", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_eval_imports_neither_spacy_nor_rdflib():
    code = ("import sys, kg.eval; "
            "assert not {'spacy', 'rdflib'} & set(sys.modules), sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True)
