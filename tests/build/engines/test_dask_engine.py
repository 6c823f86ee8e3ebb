"""The Dask engine on a 2-worker LocalCluster builds the same store as one process."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed")

from tests.build.test_parallel import write_articles  # noqa: E402

pytestmark = pytest.mark.slow

FACTS = """
SELECT ?g ?s ?p ?o ?evidence ?start ?end WHERE {
  GRAPH ?g { ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                kg:evidence ?evidence ; kg:start ?start ; kg:end ?end }
}
"""


def store_facts(store) -> set[tuple]:  # noqa: ANN001
    """Every stored assertion as (graph, s, p, o, evidence, start, end) strings."""
    return {tuple(str(v) for v in row) for row in store.query(FACTS)}


def test_dask_build_equals_single_process_build(tmp_path, extractor):
    from distributed import Client, LocalCluster

    from kg.build.engines.dask_engine import build_dask
    from kg.build.pipeline import build
    from kg.store import KGStore

    paths = write_articles(tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    inputs = [str(tmp_path / "in")]

    with KGStore(tmp_path / "single") as single:
        expected = build(inputs, single, extractor=extractor)
        expected_facts = store_facts(single)
        expected_docs = {i: single.get_document(i) for i in single.document_ids()}

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None, host="127.0.0.1")
    client = Client(cluster)
    try:
        with KGStore(tmp_path / "dask") as store:
            report = build_dask(inputs, store, client=client, batch_size=2)
            assert [d.source for d in report.added] == [d.source for d in expected.added] == paths
            assert report.failed == expected.failed and len(report.failed) == 1
            assert len(expected_facts) > 10
            assert store_facts(store) == expected_facts
            assert store.document_ids() == sorted(expected_docs)
            for doc_id, want in expected_docs.items():
                got = store.get_document(doc_id)
                assert {t.to_dict().__repr__() for t in got.triples} == \
                       {t.to_dict().__repr__() for t in want.triples}
                assert set(got.entities) == set(want.entities)

            # Re-running resumes: every document is already stored, nothing is sent.
            again = build_dask(inputs, store, client=client)
            assert again.skipped == paths and not again.added
    finally:
        client.close()
        cluster.close()
