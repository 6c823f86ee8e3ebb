"""Multi-process extraction: same triples as one process, skip-by-hash, bad inputs, ordering."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

import pytest

from kg.model import Document

ARTICLES = {
    "a1.txt": (
        "ANKARA, March 3 (Harbor Times) -- Trade Minister Leyla Demir of Turkey visited Berlin "
        "on Monday, where she met executives of Norvale Motors.\n\n"
        "Norvale Motors plans to build an electric vehicle plant in Izmir with an annual "
        "capacity of 200,000 vehicles, its chief executive Johan Brandt said."
    ),
    "a2.txt": (
        "Title: Kestrel Battery expands in Hungary\nPublisher: Continental Press\nDate: 2023-05-14\n\n"
        "Kestrel Battery will invest 1.2 billion U.S. dollars in a battery factory in Debrecen, "
        "Hungary, creating 2,500 jobs. The company signed a partnership agreement with "
        "Aurelia Steel."
    ),
    "a3.txt": (
        "Mexico imposed a 25 percent tariff on steel imported from Brazil last year. Trade "
        "between Mexico and Brazil reached 14 billion U.S. dollars in 2022, making Brazil the "
        "third-largest trading partner of Mexico."
    ),
    "a4.txt": (
        "Prime Minister Amara Mensah of Kenya met President Carlos Castillo of Chile in "
        "Nairobi on Tuesday. The two leaders discussed copper and lithium supplies."
    ),
    "a5.txt": (
        "Helion Cells, a Japanese maker of solar panels based in Nagoya, employs about 8,000 "
        "people. Its chairman Yuki Sato said Helion Cells may open a plant in Vietnam."
    ),
    "a6.txt": (
        "Brightwater Energy launched a wind farm near Tangier, Morocco, in 2021. Omar Haddad, "
        "an expert on renewable energy at the Centre for Energy Studies in Rabat, said the "
        "project makes Morocco a regional hub."
    ),
}


def write_articles(folder: Path) -> list[str]:
    """Write the test articles into folder; their paths in name order."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in sorted(ARTICLES)]


def facts(doc: Document) -> set[tuple]:
    """Everything that must agree between two builds of the same document."""
    return {
        (t.subject, t.predicate, t.object, t.evidence, t.start, t.end, t.confidence, t.rule,
         t.qualifiers, t.hedge, t.subject_span, t.object_span)
        for t in doc.triples
    }


# --- the ordered, bounded scheduler (no spaCy) ---------------------------------------------


class _LazyFuture:
    """A future that only computes when its result is asked for (so nothing is 'done')."""

    def __init__(self, docs: list[Document], log: list[str]) -> None:
        self.docs, self.log = docs, log

    def done(self) -> bool:
        return False

    def result(self) -> list:
        self.log.append(f"result:{len(self.docs)}")
        return [("ok", ([], [], [])) for _ in self.docs]


def test_ordered_results_keeps_order_and_bounds_read_ahead(tmp_path):
    from kg.build.parallel import ordered_results

    paths = []
    for i in range(40):
        path = tmp_path / f"doc{i:02d}.txt"
        path.write_text(f"Document number {i} is about trade." if i != 7 else "", encoding="utf-8")
        paths.append(str(path))
    log: list[str] = []
    read: list[str] = []

    def sources():
        for p in paths:
            read.append(p)
            yield p

    def submit(docs):
        log.append(f"submit:{len(docs)}")
        return _LazyFuture(docs, log)

    stored = {paths[3]}
    seen = []
    from kg.ingest import parse_document, read_text

    stored_ids = {parse_document(read_text(p), p).id for p in stored}
    for item in ordered_results(sources(), submit, batch_size=4, max_in_flight=2,
                                skip=stored_ids.__contains__):
        seen.append((item.source, item.status))
        # Never more than two batches read ahead of what has been yielded (+ the batch filling).
        assert len(read) - len(seen) <= 2 * 4 + 4
    assert [s for s, _ in seen] == paths
    assert dict(seen)[paths[3]] == "skipped"
    assert dict(seen)[paths[7]] == "failed"
    assert sum(1 for _, status in seen if status == "added") == 38


def test_extract_stream_propagates_worker_exception(monkeypatch, tmp_path):
    import kg.build.parallel as parallel
    from kg.errors import ModelError

    def boom(self, fn, docs):  # noqa: ANN001
        future: Future = Future()
        future.set_exception(ModelError("no model here"))
        return future

    monkeypatch.setattr(parallel._InProcess, "submit", boom)
    paths = write_articles(tmp_path)
    with pytest.raises(ModelError, match="no model here"):
        list(parallel.extract_stream(paths, model=None, workers=1))


# --- real extraction ----------------------------------------------------------------------


@pytest.mark.slow
def test_two_workers_equal_one_worker_and_sequential(tmp_path, extractor):
    from kg.build.parallel import extract_stream
    from kg.build.pipeline import extract_file

    paths = write_articles(tmp_path)
    one = list(extract_stream(paths, model=None, workers=1, batch_size=4))
    two = list(extract_stream(paths, model=None, workers=2, batch_size=2))
    assert [d.source for d in one] == [d.source for d in two] == paths
    sequential = [extract_file(p, extractor=extractor) for p in paths]
    assert sum(len(d.triples) for d in one) > 10
    for a, b, c in zip(one, two, sequential):
        assert a.id == b.id == c.id
        assert facts(a) == facts(b) == facts(c), a.source
        assert set(a.entities) == set(b.entities) == set(c.entities)
        assert a.merges == b.merges == c.merges


@pytest.mark.slow
def test_rerun_skips_stored_documents_before_parsing(tmp_path, monkeypatch):
    import kg.build.parallel as parallel
    from kg.store import KGStore

    paths = write_articles(tmp_path / "in")
    with KGStore(tmp_path / "store") as store:
        # An interrupted build: the first two documents made it into the store.
        first = parallel.build_parallel(paths[:2], store, model=None, workers=1)
        assert len(first.added) == 2
        report = parallel.build_parallel(paths, store, model=None, workers=2, batch_size=2)
        assert report.skipped == paths[:2]
        assert [d.source for d in report.added] == paths[2:]
        assert len(store.document_ids()) == 6

        # Third run: everything is stored, so neither a pool nor a model may be started.
        def refuse(*args, **kwargs):  # noqa: ANN002, ANN003
            raise AssertionError("a stored document was sent to extraction")

        monkeypatch.setattr(parallel, "ProcessPoolExecutor", refuse)
        monkeypatch.setattr(parallel, "extract_batch", refuse)
        seen: list[str] = []
        again = parallel.build_parallel([str(tmp_path / "in")], store, model=None, workers=2,
                                        progress=seen.append)
        assert again.skipped == paths and not again.added and not again.failed
        assert seen == paths


@pytest.mark.slow
def test_bad_inputs_are_reported_and_the_others_stored(tmp_path):
    from kg.build.parallel import build_parallel, extract_stream
    from kg.store import KGStore

    paths = write_articles(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    mixed = [paths[0], str(empty), paths[1], str(binary), *paths[2:]]

    stream = list(extract_stream(mixed, model=None, workers=2, batch_size=2))
    assert stream[1] == (str(empty), f"{empty}: empty document")
    assert stream[3] == (str(binary), f"{binary}: binary file, not text")
    assert [d.source for d in stream if isinstance(d, Document)] == paths

    with KGStore(None) as store:
        report = build_parallel(mixed, store, model=None, workers=2, batch_size=3,
                                keep_documents=False)
        assert [s for s, _ in report.failed] == [str(empty), str(binary)]
        assert len(report.added) == 6 and not report.added[0].triples  # light stubs
        assert sorted(store.document_ids()) == sorted(d.id for d in report.added)
