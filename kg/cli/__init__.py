"""The `kg` command line: one small module per command group over one output and error layer.

``app`` is the typer app and ``main`` the entry point (``kg = "kg.cli:main"``).
"""

from __future__ import annotations

# Importing the command modules registers their commands on the app, in this order in --help.
# isort: off
from . import build, evaluate, data, explore, view, info  # noqa: F401
# isort: on
from .app import app
from .errors import main

__all__ = ["app", "main"]
