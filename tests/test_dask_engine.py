"""`ingest --engine dask`: the same rows as a local run, on a 2-worker LocalCluster; a killed worker loses nothing."""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from pipeline.config import pipeline_version
from pipeline.ingest import dask_engine
from pipeline.ingest.dask_engine import EngineUnavailable, LoadPipeline
from pipeline.ingest.runner import ingest
from pipeline.publish.export import article_documents
from pipeline.storage.schema import articles
from tests.conftest import CORPUS

distributed = pytest.importorskip("distributed")

# Volatile keys: database ids, times and the run that stored a row differ between two runs.
VOLATILE = {"id", "article_id", "sentence_id", "person_id", "collaboration_id", "ingested_at", "run_id"}


def rows(url: str) -> list[dict]:
    """Every article's export, without ids and times, in the order of its source file name."""
    def clean(value):
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if k not in VOLATILE}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    engine = create_engine(url)
    with engine.connect() as conn:
        docs = [clean(d) for d in article_documents(conn)]
    engine.dispose()
    return sorted(docs, key=lambda d: str(d["article"].get("source_path", "")).rsplit("/", 1)[-1])


def stored_count(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    engine.dispose()
    return count


@pytest.fixture(scope="module")
def cluster():
    """A 2-worker LocalCluster shared by the tests of this module (starting one takes seconds)."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0",
        silence_logs=40,
    ) as local, distributed.Client(local) as client:
        yield local, client


@pytest.fixture
def articles_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted((CORPUS / "holdout").glob("*.txt"))[:8]:
        shutil.copy(path, folder / path.name)
    return folder


class TestExtractOnDask:
    def test_a_two_worker_cluster_stores_exactly_the_rows_of_one_process(self, cluster, articles_folder, db_url,
                                                                         tmp_path):
        local, _ = cluster
        summary = ingest([articles_folder], db_url, nlp_engine="dask", scheduler=local.scheduler_address, batch_size=2)
        assert (summary.new, summary.failed) == (8, 0)
        on_dask = rows(db_url)
        alone = f"sqlite:///{tmp_path / 'alone.db'}"
        ingest([articles_folder], alone)
        assert on_dask == rows(alone)

    def test_a_rerun_on_dask_extracts_nothing(self, cluster, articles_folder, sqlite_url):
        local, _ = cluster
        ingest([articles_folder], sqlite_url, nlp_engine="dask", scheduler=local.scheduler_address)
        again = ingest([articles_folder], sqlite_url, nlp_engine="dask", scheduler=local.scheduler_address)
        assert (again.new, again.unchanged) == (0, 8)

    def test_a_worker_killed_mid_run_loses_nothing_and_stores_nothing_twice(self, cluster, articles_folder,
                                                                             sqlite_url):
        local, client = cluster
        killed: list[str] = []

        def kill_a_busy_worker() -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not killed:
                busy = [w for w, tasks in client.processing().items() if tasks]
                if busy:
                    pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                    os.kill(pid, signal.SIGKILL)
                    killed.append(busy[0])
                time.sleep(0.05)

        killer = threading.Thread(target=kill_a_busy_worker)
        killer.start()
        summary = ingest([articles_folder], sqlite_url, nlp_engine="dask", scheduler=local.scheduler_address,
                         batch_size=1)
        killer.join()
        assert killed, "no worker was busy to kill"
        assert (summary.new, summary.failed) == (8, 0)
        assert stored_count(sqlite_url) == 8
        client.wait_for_workers(2, timeout=60)  # the nanny restarts the killed worker for the other tests

    def test_without_a_scheduler_a_local_cluster_starts_and_stops(self, articles_folder, sqlite_url):
        summary = ingest([articles_folder], sqlite_url, nlp_engine="dask", workers=1, batch_size=4)
        assert (summary.new, summary.failed) == (8, 0)

    def test_nothing_to_extract_starts_no_cluster(self, monkeypatch, tmp_path, sqlite_url):
        empty = tmp_path / "empty"
        empty.mkdir()
        monkeypatch.setattr(dask_engine, "_client", lambda *a: pytest.fail("a cluster was started"))
        summary = ingest([empty], sqlite_url, nlp_engine="dask")
        assert summary.new == 0


class TestLoadPipeline:
    def test_a_worker_with_another_pipeline_version_is_refused(self):
        with pytest.raises(RuntimeError, match="install the same forcewatch"):
            LoadPipeline(None, "0" * 12).setup(object())

    def test_a_worker_with_this_version_loads_the_pipeline(self):
        LoadPipeline(None, pipeline_version()).setup(object())


class TestClient:
    def test_an_unreachable_scheduler_is_a_clear_error(self, monkeypatch, articles_folder, sqlite_url):
        monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
        with pytest.raises(EngineUnavailable, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
            ingest([articles_folder], sqlite_url, nlp_engine="dask", scheduler="tcp://127.0.0.1:9")
