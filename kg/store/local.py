"""The local backend: Oxigraph in memory or on disk (RocksDB), driven through pyoxigraph.

Queries, updates and writes go to pyoxigraph directly (terms built without rdflib, results
converted with a cache); an rdflib Dataset over the same store (through oxrdflib's public
``OxigraphStore``) is made only for callers that ask for ``KGStore.dataset``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Iterator, Mapping

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Variable
from rdflib.graph import Graph
from rdflib.query import Result
from rdflib.term import Identifier

from kg.errors import StoreError
from kg.model import Document

from .namespaces import PREFIXES
from .rdf import Quad, document_to_ox_quads
from .store import KGStore, StoreBusyError, one_line
from .terms import TermConverter, to_ox

__all__ = ["LocalStore"]


class LocalStore(KGStore):
    """A KGStore on Oxigraph in this process: in memory, or in a folder on disk."""

    _ox: ox.Store
    _ds: Dataset | None

    # --- opening and closing ------------------------------------------------------------

    def _open(self, location: str | Path | None) -> None:
        self._ds = None
        if location is None or (isinstance(location, str) and location in ("memory", ":memory:")):
            self.kind = "memory"
            self._ox = ox.Store()
        else:
            self.kind = "disk"
            self._ox = self._open_disk(Path(location))

    def _open_disk(self, path: Path) -> ox.Store:
        if path.exists() and not path.is_dir():
            raise StoreError(f"cannot open store {path}: it is a file, not a store folder")
        # Oxigraph would happily create its files inside any folder, mixing them with
        # whatever is there; only an empty folder or an existing RocksDB one is accepted.
        if path.is_dir() and any(path.iterdir()) and not (path / "CURRENT").is_file():
            raise StoreError(f"cannot open store {path}: the folder is not empty and is not an Oxigraph store")
        if not self.create and not (path / "CURRENT").is_file():
            raise StoreError(f"no store at {path} (kg build or kg import creates one)")
        try:
            if self.read_only:
                return self._open_read_only(path)
            path.mkdir(parents=True, exist_ok=True)
            return self._open_writable(path)
        except RuntimeError as exc:  # RocksDB reports damaged files as RuntimeError
            raise StoreError(f"cannot open store {path}: {one_line(exc)}") from None
        except OSError as exc:
            raise StoreError(f"cannot open store {path}: {one_line(exc)}") from None

    def _open_writable(self, path: Path) -> ox.Store:
        # RocksDB's lock admits one writer; a second one waits (like SQLite's busy timeout)
        # and gives up after self.wait seconds.
        start = time.monotonic()
        while True:
            try:
                return ox.Store(str(path))
            except OSError as exc:
                if "lock" not in one_line(exc).casefold():
                    raise
                waited = time.monotonic() - start
                if waited >= self.wait:
                    waited_text = f" (waited {waited:.0f} s)" if self.wait else ""
                    raise StoreBusyError(
                        f"cannot open store {path}: it is already open (by this or another process){waited_text}; "
                        "close it first or open it read-only"
                    ) from None
                if self.on_wait is not None:
                    self.on_wait(waited)
                time.sleep(min(0.25, self.wait - waited))

    @staticmethod
    def _open_read_only(path: Path) -> ox.Store:
        # A read-only open lists the store's files and then opens them; a writer in another
        # process (an `oxigraph serve` that has just started and compacts) can delete one
        # in between, which RocksDB reports as "Corruption". Retrying sees the new list.
        for attempt in range(5):
            try:
                return ox.Store.read_only(str(path))
            except RuntimeError as exc:
                if attempt == 4:
                    raise StoreError(f"cannot open store {path} read-only: {one_line(exc)}") from None
                time.sleep(0.1 * (attempt + 1))
        raise AssertionError("unreachable")

    def _close(self) -> None:
        if self._ds is not None:
            self._ds.close()
        # Dropping the last reference releases RocksDB's lock.
        self._ds = None
        del self._ox

    def _dataset(self) -> Dataset:
        if self._ds is None:
            self._ds = Dataset(store=OxigraphStore(store=self._ox), default_union=True)
        return self._ds

    # --- backend primitives -------------------------------------------------------------

    def _run_query(self, sparql: str, init: Mapping[str, Identifier]) -> Result:
        # Straight to pyoxigraph rather than through oxrdflib's Store.query: the same engine,
        # but results are converted with a cache (a hub entity's IRI, a datatype or a relation
        # recurs on every row): converting a 570-row neighbourhood went from ~21 ms to ~5 ms.
        raw = self._ox.query(
            sparql,
            use_default_graph_as_union=True,
            prefixes=PREFIXES,
            substitutions={ox.Variable(k): to_ox(v) for k, v in init.items()},
        )
        term = TermConverter()
        if isinstance(raw, ox.QueryBoolean):
            out = Result("ASK")
            out.askAnswer = bool(raw)
        elif isinstance(raw, ox.QuerySolutions):
            out = Result("SELECT")
            out.vars = [Variable(v.value) for v in raw.variables]
            names = out.vars
            out.bindings = [
                {name: term(value) for name, value in zip(names, solution) if value is not None} for solution in raw
            ]
        else:
            out = Result("CONSTRUCT")
            out.graph = Graph()
            out.graph.addN((term(t.subject), term(t.predicate), term(t.object), out.graph) for t in raw)
        return out

    def _run_update(self, sparql: str) -> None:
        # An update names its graphs (or writes the real default graph): no union here.
        self._ox.update(sparql, prefixes=PREFIXES)

    def _insert_document(self, doc: Document) -> int:
        # Store.extend is one transaction; pyoxigraph terms built directly skip rdflib
        # terms and their conversion (1.5-1.7x the ingest rate).
        quads: list[Any] = document_to_ox_quads(doc, self.base)
        self._ox.extend(quads)
        return len(quads)

    def _insert_quads(self, batch: list[Quad | ox.Quad]) -> None:
        self._ox.extend([q if isinstance(q, ox.Quad) else to_ox(q) for q in batch])

    def _flush(self) -> None:
        if self.kind == "disk":
            self._ox.flush()

    def ox_quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store as pyoxigraph terms, the default graph included."""
        self._check_open()
        yield from self._ox.quads_for_pattern(None, None, None, None)
