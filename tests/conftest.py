"""Shared fixtures: one loaded pipeline per test session (loading costs ~2 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "articles" / "xinhua-2024-01-05-turkiye-china-ev.txt"


@pytest.fixture(scope="session")
def extractor():
    """The real extractor on the default installed pipeline."""
    from kg.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_doc(extractor):
    """The bundled example article, extracted once."""
    from kg.ingest import parse_document

    return extractor.extract(parse_document(SEED.read_text(encoding="utf-8"), str(SEED)))


@pytest.fixture()
def extract_text(extractor):
    """Extract a snippet of text and return its triples as (s, p, o) label tuples."""
    from kg.ingest import parse_document

    def run(text: str):
        doc = extractor.extract(parse_document(text, "-"))
        return doc

    return run
