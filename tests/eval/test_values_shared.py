"""Extraction and eval read amounts with one parser (kg.values): same string, same value."""

from __future__ import annotations

import copy

import pytest

from kg.eval import evaluate, load_gold, parse_number
from kg.eval.score import UNITS, parse_unit
from kg.extract.values import parse_money, parse_quantity, parse_rank
from tests.eval.test_score import SEED, pred

CASES = [  # text, value, unit
    ("2.4 bln", 2.4e9, None),
    ("$1.2 billion", 1.2e9, "USD"),
    ("RM32 billion", 3.2e10, "MYR"),
    ("₹7,300 crore", 7.3e10, "INR"),
    ("5.5 billion reais", 5.5e9, "BRL"),
    ("THB2.3bn", 2.3e9, "THB"),
    ("C$15 billion", 1.5e10, "CAD"),
]


@pytest.mark.parametrize("text, value, unit", CASES)
def test_money_reads_the_same_in_extraction_and_eval(text, value, unit):
    money = parse_money(text)  # what extraction stores
    assert money is not None and money.number == pytest.approx(value)
    assert parse_number(text) == pytest.approx(value)  # what eval compares
    assert money.unit == parse_unit(text) == unit
    assert unit is None or unit in UNITS


def test_quantity_and_rank_read_the_same():
    quantity = parse_quantity("27 gigawatt hours", "gigawatt hours")
    assert quantity is not None and quantity.number == parse_number("27 gigawatt hours") == 27
    rank = parse_rank("third-largest")
    assert rank is not None and rank.number == parse_number("third-largest") == 3


@pytest.mark.parametrize("text", ["a country of 2 billion", "Europe's 5 billion", "brand 7 million"])
def test_currency_words_stand_alone(text):
    """'country' is not lira, 'Europe' not euros, 'brand' not rand."""
    assert parse_unit(text) is None and parse_money(text).unit is None


def test_gold_and_prediction_in_ringgit_match_through_the_shared_parser():
    """A gold 'RM32 billion' (no number for eval's old parser) matches extraction's value."""
    gold = copy.deepcopy(load_gold(SEED))
    gold.pop("counts", None)
    gold["entities"]["RM32 billion"] = {"type": "Quantity"}
    gold["triples"].append({"id": "rm", "s": "China", "p": "investmentValue", "o": "RM32 billion"})
    money = parse_money("a combined RM32 billion")
    hit = pred("China", "investmentValue", money.text, o_type="Quantity",
               o_value=money.number, o_unit=money.unit)
    other = pred("China", "investmentValue", "32 billion baht", o_type="Quantity",
                 o_value=3.2e10, o_unit="THB")
    assert evaluate(gold, [hit]).triples.tp == 1
    assert evaluate(gold, [other]).triples.tp == 0
