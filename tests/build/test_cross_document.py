"""One entity per thing across documents: related articles built into one store.

The example article and four development-corpus articles about the same companies (CATL,
Stellantis, BYD) go into one store; each company and each person must be one entity there,
whatever name, short form or type a single article gives it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.eval.gold import normalize_name
from kg.build.pipeline import build
from kg.store import open_store

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent.parent
ARTICLES = [ROOT / "examples" / "articles" / "xinhua-2024-01-05-turkiye-china-ev.txt",
            *(ROOT / "tests" / "gold" / "dev" / f"{n}.txt" for n in (
                "eu01_catl_debrecen_land_deal", "eu07_stellantis_catl_zaragoza",
                "cn02_catl_2023_results", "eu02_eu_definitive_ev_duties"))]


@pytest.fixture(scope="module")
def entities(extractor, tmp_path_factory):
    store_dir = tmp_path_factory.mktemp("xdoc") / "store"
    with open_store(str(store_dir)) as store:
        report = build([str(p) for p in ARTICLES], store, extractor=extractor)
        assert len(report.added) == len(ARTICLES) and not report.failed
        return store.entities()


def names(e):  # noqa: ANN001, ANN201
    return {normalize_name(x) for x in (e.label, *e.aliases)}


@pytest.mark.parametrize("company", ["catl", "stellantis", "byd", "farasis"])
def test_a_company_is_one_entity(entities, company):
    found = [e for e in entities if e.type == "Organization" and company in names(e)]
    assert len(found) == 1, [(e.label, e.type) for e in found]


def test_no_two_people_share_a_name(entities):
    people = [e for e in entities if e.type == "Person"]
    by_name: dict[str, list[str]] = {}
    for e in people:
        by_name.setdefault(normalize_name(e.label), []).append(e.label)
    assert all(len(v) == 1 for v in by_name.values()), by_name


def test_a_name_has_one_type_across_documents(entities):
    seen: dict[str, set[str]] = {}
    for e in entities:
        if e.type in ("Organization", "Person", "Country", "City"):
            seen.setdefault(normalize_name(e.label), set()).add(e.type)
    split = {k: v for k, v in seen.items() if len(v) > 1}
    assert not split, split
