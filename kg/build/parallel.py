"""Extract many documents on every core: lazy reading, skip-by-hash, ordered bounded streaming.

spaCy's own ``nlp.pipe(n_process=N)`` cannot carry kg's results: the kg components keep
their output on Doc extensions (``doc._.kg_resolution``, ``doc._.kg_facts``) that hold
Spans and Mentions, and spaCy ships documents between processes with ``Doc.to_bytes``
(msgpack), which fails with "can not serialize 'Mention' object". So each worker process
here loads one ``Extractor`` in its initializer and turns spaCy Docs into plain
``kg.model`` dataclasses itself; only those cross the process boundary. Inside a worker a
batch still goes through ``nlp.pipe(batch_size=...)``, which is ~20-30 % faster than one
``nlp(text)`` call per document on the CNN pipelines.

The same ordered, bounded scheduler drives the Dask engine (``kg.build.engines.dask_engine``):
anything with ``submit(fn, *args) -> future`` will do.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from kg.build.pipeline import BuildReport, known_entities, store_document
from kg.errors import InputError, KGError, ModelError, StoreError
from kg.ingest import expand_paths, load_documents
from kg.model import Document, Entity, Merge, Triple

__all__ = [
    "StreamItem", "build_parallel", "extract_batch", "extract_stream", "iter_outcomes",
    "ordered_results", "write_outcomes",
]

# Spawned, not forked: the parent may hold an open Oxigraph store (RocksDB threads) and
# rich's refresh thread, and forking a process with live threads can deadlock the child.
START_METHOD = "spawn"

# Spawned workers read these before numpy loads: one BLAS/OpenMP thread per process, so N
# workers use N cores rather than N x cores threads fighting over them (measured: 2
# workers took 8.0 s instead of 6.3 s on 200 articles without it).
_THREAD_LIMITS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")

# What a worker sends back for one document: its extraction, or the reason it failed.
_Extracted = tuple[list[Entity], list[Triple], list[Merge]]
_Outcome = tuple[str, Any]  # ("ok", _Extracted) | ("error", reason)


@dataclass
class StreamItem:
    """One input's outcome, in input order: extracted, skipped (already stored) or failed."""

    source: str
    status: str  # "added" | "skipped" | "failed"
    document: Document | None = None
    reason: str | None = None


# --- worker side ------------------------------------------------------------------------

_EXTRACTOR: Any = None  # one kg.extract.Extractor per worker process, loaded by _init_worker
_INIT_ERROR: str | None = None


def _init_worker(model: str | None) -> None:
    """Pool initializer: load the pipeline once for the life of the worker process."""
    global _EXTRACTOR, _INIT_ERROR
    try:
        from kg.extract import Extractor

        _EXTRACTOR = Extractor(model)
    except ModelError as exc:
        # A raising initializer only yields an opaque BrokenProcessPool; keep the message
        # and raise it from the first task instead.
        _INIT_ERROR = str(exc)


def _worker_extract(docs: list[Document]) -> list[_Outcome]:
    """Pool task: extract a batch with the process's Extractor (loaded by _init_worker)."""
    if _EXTRACTOR is None:
        raise ModelError(_INIT_ERROR or "worker has no extractor")
    return extract_batch(_EXTRACTOR, docs)


def extract_batch(extractor: Any, docs: list[Document]) -> list[_Outcome]:
    """Extract a batch in one ``nlp.pipe`` call; per-document input errors become outcomes."""
    real = extractor.nlp
    prepared = _prepare(real, docs)
    # Extractor.extract calls self.nlp(text) once per document; hand it the Docs that
    # nlp.pipe already made. A text not prepared (if extract's slicing ever changes) is
    # parsed on the spot, so the result is the same either way, only slower.
    extractor.nlp = _PreparedNLP(real, prepared)
    out: list[_Outcome] = []
    try:
        for doc in docs:
            try:
                extractor.extract(doc)
            except KGError as exc:
                if isinstance(exc, (ModelError, StoreError)):
                    raise
                out.append(("error", str(exc)))
            else:
                out.append(("ok", (doc.entities, doc.triples, doc.merges)))
    finally:
        extractor.nlp = real
    return out


def _prepare(nlp: Any, docs: list[Document]) -> dict[str, list[Any]]:
    """spaCy Docs for the exact texts Extractor.extract will parse, made by one nlp.pipe."""
    import kg.extract as kx

    lead_in = getattr(kx, "_LEAD_IN", None)
    # Extract parses a body over MAX_CHUNK characters in chunks with its own nlp.pipe;
    # pre-parsing it whole would be wasted work (and memory), so those are left alone.
    max_chunk = getattr(kx, "MAX_CHUNK", None)
    texts = []
    for doc in docs:
        body = doc.body
        match = lead_in.match(body) if lead_in is not None else None
        text = body[match.end():] if match else body
        if max_chunk is None or len(text) <= max_chunk:
            texts.append(text)
    prepared: dict[str, list[Any]] = {}
    for text, parsed in zip(texts, nlp.pipe(texts, batch_size=max(1, len(texts)))):
        prepared.setdefault(text, []).append(parsed)
    return prepared


class _PreparedNLP:
    """Stands in for the Language object during a batch: returns pre-parsed Docs by text."""

    def __init__(self, nlp: Any, prepared: dict[str, list[Any]]) -> None:
        self._nlp = nlp
        self._prepared = prepared

    def __call__(self, text: str) -> Any:
        """The prepared Doc for this text, or a fresh parse when none is left."""
        ready = self._prepared.get(text)
        if ready:
            return ready.pop(0)
        return self._nlp(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


# --- parent side ------------------------------------------------------------------------


class _InProcess:
    """A synchronous 'executor' for workers=1: no extra process, the model loads lazily."""

    def __init__(self, model: str | None) -> None:
        self._model = model
        self._extractor: Any = None

    def submit(self, fn: Callable[..., Any], docs: list[Document]) -> Future:
        """Run ``fn(extractor, docs)`` now and return an already-completed future."""
        future: Future = Future()
        try:
            if self._extractor is None:
                from kg.extract import Extractor

                self._extractor = Extractor(self._model)
            future.set_result(fn(self._extractor, docs))
        except BaseException as exc:  # noqa: BLE001  (re-raised by future.result())
            future.set_exception(exc)
        return future


class _Batch:
    """Documents sent to a worker together, and the future of their outcomes."""

    __slots__ = ("docs", "future", "outcomes", "left")

    def __init__(self) -> None:
        self.docs: list[Document] = []
        self.future: Any = None
        self.outcomes: list[_Outcome] | None = None
        self.left = 0  # items of this batch not yet yielded


def ordered_results(
    sources: Iterable[str],
    submit: Callable[[list[Document]], Any],
    *,
    batch_size: int = 16,
    max_in_flight: int = 4,
    skip: Callable[[str], bool] | None = None,
    load: Callable[[str], list[Document | InputError]] = load_documents,
) -> Iterator[StreamItem]:
    """Read, skip, batch and submit documents; yield one StreamItem per document, in order.

    Inputs are read by the ingest layer (``load``: kg.ingest.load_documents), as kg build
    reads them: a .jsonl file gives one document per line (a bad line fails alone), an
    .html page its main text and metadata. At most ``max_in_flight`` batches are submitted
    and not yet yielded, and at most about ``max_in_flight * batch_size`` further inputs
    are read ahead, so memory stays flat however long the corpus is (unlike Pool.imap,
    whose feeder thread reads all inputs).
    """
    queue: deque[tuple[str, str, Any]] = deque()  # (source, kind, payload) in input order
    in_flight = 0
    current = _Batch()
    read_ahead = max(1, max_in_flight) * max(1, batch_size)

    def send(batch: _Batch) -> None:
        nonlocal in_flight
        batch.future = submit(batch.docs)
        in_flight += 1

    def drain(final: bool) -> Iterator[StreamItem]:
        nonlocal in_flight
        while queue:
            source, kind, payload = queue[0]
            if kind == "skip":
                item = StreamItem(source, "skipped")
            elif kind == "fail":
                item = StreamItem(source, "failed", reason=payload)
            else:
                batch, index = payload
                if batch.future is None:
                    return  # still being filled
                if batch.outcomes is None:
                    if not (final or in_flight >= max_in_flight or batch.future.done()):
                        return
                    batch.outcomes = batch.future.result()
                status, value = batch.outcomes[index]
                doc = batch.docs[index]
                if status == "ok":
                    doc.entities, doc.triples, doc.merges = value
                    item = StreamItem(source, "added", document=doc)
                else:
                    item = StreamItem(source, "failed", reason=value)
                batch.docs[index] = None  # type: ignore[call-overload]  # free as we go
                batch.left -= 1
                if batch.left == 0:
                    in_flight -= 1
                    batch.future = batch.outcomes = None
            queue.popleft()
            yield item

    for source in sources:
        try:
            loaded = load(source)
        except KGError as exc:
            if isinstance(exc, (ModelError, StoreError)):
                raise
            queue.append((source, "fail", str(exc)))
            loaded = []
        for doc in loaded:
            if isinstance(doc, InputError):
                # "file.jsonl:3: not valid JSON": the message starts with where it failed
                queue.append((str(doc).split(": ", 1)[0], "fail", str(doc)))
            elif skip is not None and skip(doc.id):
                queue.append((doc.source, "skip", None))
            else:
                current.docs.append(doc)
                current.left += 1
                queue.append((doc.source, "doc", (current, len(current.docs) - 1)))
                if len(current.docs) >= batch_size:
                    send(current)
                    current = _Batch()
        # A long run of skipped inputs behind a half-full batch would pile up: send it early.
        if current.docs and len(queue) > read_ahead:
            send(current)
            current = _Batch()
        yield from drain(final=False)
    if current.docs:
        send(current)
    yield from drain(final=True)


def iter_outcomes(
    sources: Iterable[str],
    *,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 16,
    skip: Callable[[str], bool] | None = None,
) -> Iterator[StreamItem]:
    """Every source's outcome in input order, extracting on ``workers`` processes."""
    workers = max(1, int(workers))
    executor: _InProcess | ProcessPoolExecutor | None = None
    saved_env = {name: os.environ.get(name) for name in _THREAD_LIMITS}

    def submit(docs: list[Document]) -> Any:
        nonlocal executor
        # Started on the first document that needs extraction: a resumed build whose
        # inputs are all stored never loads a model or spawns a process.
        if executor is None:
            if workers == 1:
                executor = _InProcess(model)
            else:
                # Spawned children copy os.environ when they start (during the first
                # submits), so the limits are set now and restored when the stream ends.
                for name in _THREAD_LIMITS:
                    os.environ.setdefault(name, "1")
                executor = ProcessPoolExecutor(
                    max_workers=workers,
                    mp_context=multiprocessing.get_context(START_METHOD),
                    initializer=_init_worker,
                    initargs=(model,),
                )
        return executor.submit(_worker_extract if workers > 1 else extract_batch, docs)

    try:
        # Two batches per worker: one computing, one queued while the parent writes.
        yield from ordered_results(sources, submit, batch_size=batch_size,
                                   max_in_flight=2 * workers, skip=skip)
    finally:
        if executor is not None and not isinstance(executor, _InProcess):
            executor.shutdown(cancel_futures=True)
            for name, value in saved_env.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def extract_stream(
    sources: Iterable[str],
    *,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 16,
    skip: Callable[[str], bool] | None = None,
) -> Iterator[Document | tuple[str, str]]:
    """Extracted Documents (or (source, reason) for bad inputs) in input order; skipped omitted."""
    for item in iter_outcomes(sources, model=model, workers=workers, batch_size=batch_size, skip=skip):
        if item.status == "added":
            yield item.document  # type: ignore[misc]
        elif item.status == "failed":
            yield (item.source, item.reason or "failed")


def build_parallel(
    sources: Iterable[str],
    store: Any,
    *,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 16,
    progress: Callable[[str], None] | None = None,
    keep_documents: bool = True,
) -> BuildReport:
    """Like kg.build.pipeline.build, on ``workers`` processes; each document is one transaction.

    Inputs already stored (same content hash) are skipped before parsing, so re-running an
    interrupted build continues where it stopped. With ``keep_documents=False`` the report
    keeps only light stubs (id, source, title) of added documents, for flat memory.
    """
    paths = expand_paths(list(sources))
    items = iter_outcomes(paths, model=model, workers=workers, batch_size=batch_size,
                          skip=store.has_document)
    return write_outcomes(items, store, progress=progress, keep_documents=keep_documents)


def write_outcomes(
    items: Iterable[StreamItem],
    store: Any,
    *,
    progress: Callable[[str], None] | None = None,
    keep_documents: bool = True,
) -> BuildReport:
    """Write extracted documents to the store as they arrive and collect a BuildReport."""
    report = BuildReport()
    known = None
    for item in items:
        if item.status == "added" and item.document is not None:
            doc = item.document
            known = known if known is not None else known_entities(store)
            # Two inputs with the same text are both extracted (neither was stored when
            # they were read); the store refuses the second, which is a skip.
            if store_document(store, doc, known):
                report.record_added(doc, None if keep_documents else _stub(doc))
            else:
                report.skipped.append(item.source)
        elif item.status == "skipped":
            report.skipped.append(item.source)
        else:
            report.failed.append((item.source, item.reason or "failed"))
        if progress is not None:
            progress(item.source)
    return report


def _stub(doc: Document) -> Document:
    return Document(text="", id=doc.id, source=doc.source, title=doc.title,
                    publisher=doc.publisher, author=doc.author, date=doc.date)
