"""The build layer: read documents, extract, store, render (pipeline), on one process, a
pool of worker processes (parallel) or a Dask cluster (engines).

Public: ``build``, ``render``, ``extract_file``, ``check_output`` and ``BuildReport``
(``from kg.build import build``).
"""

from __future__ import annotations

from .pipeline import DEFAULT_HTML, DEFAULT_STORE, BuildReport, build, check_output, extract_file, render

__all__ = ["DEFAULT_HTML", "DEFAULT_STORE", "BuildReport", "build", "check_output", "extract_file", "render"]
