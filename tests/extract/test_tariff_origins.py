"""Whom a tariff is on (kg/extract/relations/ventures.py noun rules, base.py origins).

Sentences are our own, in several phrasings each; none comes from a gold article.
"""

from __future__ import annotations

import pytest

from .helpers import extract_text, facts

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline


@pytest.mark.parametrize("text, imposer, target", [
    ("Canada will impose a 25% surtax on steel and aluminum products from China starting Dec. 1.", "Canada", "China"),
    ("Canada will impose a 25% surtax on steel from China.", "Canada", "China"),
    ("Canada already imposes a 100% tariff on Chinese-made electric vehicles.", "Canada", "China"),
    ("Brazil raised its import tariff on Chinese-built electric cars to 35%.", "Brazil", "China"),
    ("Türkiye imposed a 40% duty on vehicles made in China.", "Türkiye", "China"),
])
def test_a_tariff_is_on_the_country_the_goods_come_from(extractor, text, imposer, target):
    f = facts(extract_text(extractor, text + "\n"))
    assert (imposer, "imposesTariffOn", target) in f, f


@pytest.mark.parametrize("text", [
    "Canada imposed tariffs on steel from Monday.",
    "Canada will impose a 25% surtax on steel, the minister said in a speech from Ottawa.",
])
def test_a_from_phrase_that_names_no_country_puts_no_tariff_on_anyone(extractor, text):
    f = facts(extract_text(extractor, text + "\n"))
    assert not any(p == "imposesTariffOn" for _, p, _ in f), f
