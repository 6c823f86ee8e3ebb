"""Distributed execution engines for `kg build` beyond one machine (optional extras)."""

from __future__ import annotations

__all__ = ["build_dask"]


def build_dask(*args, **kwargs):  # noqa: ANN002, ANN003, ANN201  (signature in dask_engine)
    """Build on a Dask cluster; see kg.build.engines.dask_engine.build_dask (imports dask lazily)."""
    from kg.build.engines.dask_engine import build_dask as run

    return run(*args, **kwargs)
