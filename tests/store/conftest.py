"""Fixtures of the store tests."""

from __future__ import annotations

import pytest

from kg.model import Document

from .samples import make_doc_a, make_doc_b


@pytest.fixture
def doc_a() -> Document:
    return make_doc_a()


@pytest.fixture
def doc_b() -> Document:
    return make_doc_b()
