"""Tests of folder scoring (kg.eval.corpus): pairing gold with articles, aggregation, misses."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import GoldError
from kg.eval import load_gold
from kg.eval.corpus import aggregate, evaluate_corpus, find_gold_articles, format_corpus
from kg.eval.score import evaluate

GOLD = Path(__file__).resolve().parent.parent / "gold"
DEV = GOLD / "dev"


def gold_predictions(gold: dict, drop: set[str] = frozenset()) -> list[dict]:
    """The gold's own triples as predictions (minus the ids in drop), typed as in the gold."""
    ents = gold["entities"]
    return [{"s": t["s"], "s_type": ents[t["s"]]["type"], "p": t["p"], "o": t["o"],
             "o_type": ents[t["o"]]["type"], "confidence": 1.0, "rule": "gold"}
            for t in gold["triples"] if t["id"] not in drop]


def test_dev_corpus_pairs_every_gold_file_with_its_article():
    articles = find_gold_articles(DEV)
    assert len(articles) == 44
    assert all(a.article_path.name == f"{a.name}.txt" for a in articles)
    assert len({a.name[:2] for a in articles}) == 8  # one prefix per region or theme


def test_old_layout_finds_articles_under_articles_folder():
    names = {a.name for a in find_gold_articles(GOLD)}
    assert "seed" in names and "mexico-ev-tariffs" in names
    assert all(a.article_path.is_file() for a in find_gold_articles(GOLD))


def test_only_and_exclude_select_by_glob():
    assert {a.name[:2] for a in find_gold_articles(DEV, only=["eu*"])} == {"eu"}
    left = find_gold_articles(DEV, exclude=["eu*", "am*"])
    assert len(left) == 44 - len(find_gold_articles(DEV, only=["eu*", "am*"]))
    with pytest.raises(GoldError, match="no gold files"):
        find_gold_articles(DEV, only=["nothing-like-this*"])
    with pytest.raises(GoldError, match="not a folder"):
        find_gold_articles(DEV / "missing")


def test_perfect_predictions_score_one_and_missing_ones_are_classified():
    articles = find_gold_articles(DEV, only=["eu01*", "cn02*"])
    golds = {a.name: load_gold(a.gold_path) for a in articles}
    first = articles[0].name
    dropped = golds[first]["triples"][0]

    def extract(a):  # the gold itself, minus one fact of the first article
        return gold_predictions(golds[a.name], {dropped["id"]} if a.name == first else set())

    report = evaluate_corpus(articles, extract)
    total = sum(len(g["triples"]) for g in golds.values())
    assert report.triples.fp == 0
    assert report.triples.tp + report.triples.fn == total
    assert report.triples.fn <= 1  # an alternative form may still cover the dropped fact
    row = {r.relation: r for r in report.relations}[dropped["p"]]
    assert row.gold == sum(t["p"] == dropped["p"] for g in golds.values() for t in g["triples"])
    if report.triples.fn:
        # both entities still occur in other predicted facts, or the pair under another relation
        assert sum(row.misses.values()) == 1
    text = format_corpus(report)
    assert "micro-average over 2 articles" in text and dropped["p"] in text


def test_miss_classes_name_what_was_found():
    gold = load_gold(GOLD / "seed_gold.json")
    first = gold["triples"][0]
    preds = [p for p in gold_predictions(gold) if {p["s"], p["o"]} & {first["s"], first["o"]}
             and p["p"] != first["p"]]
    other = [{**first, "p": "near" if first["p"] != "near" else "memberOf",
              "s_type": gold["entities"][first["s"]]["type"],
              "o_type": gold["entities"][first["o"]]["type"]}]
    assert evaluate(gold, other).missed[0]["miss"] == "other_relation"
    nothing = evaluate(gold, [])
    assert {m["miss"] for m in nothing.missed} == {"both_missing"}
    some = evaluate(gold, preds)
    classes = {m["miss"] for m in some.missed}
    assert classes <= {"other_relation", "entities_unlinked", "one_entity_missing",
                       "both_missing"}
    assert "one_entity_missing" in classes or "entities_unlinked" in classes
    report = aggregate([("seed", some)])
    assert report.to_dict()["micro"]["triples"]["tp"] == some.triples.tp


@pytest.mark.slow
def test_cli_scores_a_folder_as_json(tmp_path):
    for name in ("cn02_catl_2023_results", "po03_ethiopia_ice_import_ban"):
        for suffix in (".txt", ".gold.json"):
            shutil.copy(DEV / f"{name}{suffix}", tmp_path)
    run = subprocess.run([sys.executable, "-m", "kg", "eval", str(tmp_path), "--json"],
                         capture_output=True, text=True, check=True)
    data = json.loads(run.stdout)
    assert [a["article"] for a in data["articles"]] == ["cn02_catl_2023_results",
                                                        "po03_ethiopia_ice_import_ban"]
    assert isinstance(data["micro"]["core"]["recall"], float)
    assert {r["relation"] for r in data["relations"]} >= {"said"}
    bad = subprocess.run([sys.executable, "-m", "kg", "eval", str(tmp_path), "x.txt"],
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
