"""Errors raised by the kg library; the CLI turns each into a one-line message."""

from __future__ import annotations


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class KGWarning(UserWarning):
    """Something the user should know that does not stop the work (e.g. a small model)."""


class InputError(KGError):
    """An input document is missing, empty, unreadable or not text."""


class ModelError(KGError):
    """A spaCy pipeline could not be found or loaded."""


class StoreError(KGError):
    """The RDF store could not be opened, read or written."""


class QueryError(KGError):
    """A SPARQL query is malformed or not allowed (e.g. an update on a read-only path)."""


class GoldError(KGError):
    """A gold file for evaluation is malformed."""


class OutputError(KGError):
    """An output path cannot be written (exists and is not ours to overwrite, or is a folder)."""
