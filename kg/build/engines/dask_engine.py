"""Run extraction on a Dask distributed cluster; the client writes results to the store.

The client expands paths, reads each input with the ingest layer (as kg build does: a
.jsonl file gives one document per line, an .html page its main text), skips stored
documents by content hash (so a re-run resumes), then submits batches of Documents to the
cluster. Each worker process keeps one ``Extractor`` (loaded on first use, or up front by
``client.run``) and returns each document's entities, triples and merges; the client writes them to
the configured store (local Oxigraph or a SPARQL endpoint) in input order, one
transaction per document. At most two batches per worker thread are in flight, so client
memory stays flat over any corpus length.

Workers need kg and the same spaCy model installed; run them with one thread each
(``dask worker ADDRESS --nthreads 1 --nworkers N``): spaCy holds the GIL, so extra threads
in a process only add memory.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from kg.build.parallel import extract_batch, ordered_results, write_outcomes
from kg.build.pipeline import BuildReport
from kg.ingest import expand_paths
from kg.model import Document

__all__ = ["build_dask", "extract_on_worker", "warm_worker"]

# Per worker process: model name -> Extractor. A module global lives as long as the worker.
_EXTRACTORS: dict[str | None, Any] = {}
# Guards loading and use: a worker started with several threads must not run one spaCy
# pipeline from two threads at once (and would gain nothing from it under the GIL).
_LOCK = threading.Lock()


def _extractor(model: str | None) -> Any:
    """This worker process's Extractor for `model`, loaded once."""
    extractor = _EXTRACTORS.get(model)
    if extractor is None:
        from kg.extract import Extractor

        extractor = _EXTRACTORS[model] = Extractor(model)
    return extractor


def warm_worker(model: str | None) -> str:
    """Load the model on this worker now (run on every worker via client.run)."""
    with _LOCK:
        return type(_extractor(model).nlp).__name__


def extract_on_worker(docs: list[Document], model: str | None) -> list[tuple[str, Any]]:
    """Worker task: extract a batch of Documents (read by the client's ingest layer); their
    outcomes in the same order, as kg.build.parallel's workers give them."""
    with _LOCK:
        return extract_batch(_extractor(model), docs)


def build_dask(
    sources: Iterable[str],
    store: Any,
    *,
    scheduler: str | None = None,
    client: Any = None,
    model: str | None = None,
    batch_size: int = 16,
    progress: Callable[[str], None] | None = None,
    keep_documents: bool = True,
) -> BuildReport:
    """Extract every input on a Dask cluster and write it to the store, in input order.

    ``client`` (a dask.distributed.Client) wins over ``scheduler`` (an address such as
    ``tcp://10.0.0.5:8786``); with neither, a LocalCluster of one single-threaded worker
    process per core is started for the build and closed afterwards.
    """
    from distributed import Client, LocalCluster

    own_cluster = own_client = None
    if client is None:
        if scheduler:
            client = own_client = Client(scheduler)
        else:
            own_cluster = LocalCluster(threads_per_worker=1, processes=True,
                                       dashboard_address=None)
            client = own_client = Client(own_cluster)
    try:
        return _build(client, expand_paths(list(sources)), store, model=model,
                      batch_size=batch_size, progress=progress, keep_documents=keep_documents)
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


def _build(client: Any, paths: list[str], store: Any, *, model: str | None, batch_size: int,
           progress: Callable[[str], None] | None, keep_documents: bool) -> BuildReport:
    slots = max(1, sum(client.nthreads().values()))
    started = False

    def submit(docs: list[Document]) -> Any:
        nonlocal started
        if not started:
            # Load the model on every worker at once, and fail fast (with the worker's
            # message) if it is missing there, before any real batch is queued.
            started = True
            client.run(warm_worker, model)  # re-raises a worker's ModelError
        # Whole Documents travel (their metadata too); pure=False: two batches with the
        # same texts are still separate tasks.
        return _Resolved(client.submit(extract_on_worker, docs, model, pure=False))

    items = ordered_results(paths, submit, batch_size=batch_size, max_in_flight=2 * slots,
                            skip=store.has_document)
    return write_outcomes(items, store, progress=progress, keep_documents=keep_documents)


class _Resolved:
    """Adapts a dask Future to the (status, extracted) outcomes kg.build.parallel expects."""

    def __init__(self, future: Any) -> None:
        self._future = future

    def done(self) -> bool:
        """Whether the worker has finished the batch."""
        return self._future.done()

    def result(self) -> list[tuple[str, Any]]:
        """The batch's outcomes, in the shape ordered_results reads."""
        try:
            return self._future.result()  # re-raises a worker's ModelError here
        finally:
            self._future.release()  # let the cluster drop the result now
