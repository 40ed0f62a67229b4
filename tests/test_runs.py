from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from pipeline.cli import main
from pipeline.ingest import runs as runs_module
from pipeline.ingest.runner import ingest
from pipeline.ingest.runs import DEAD_RUN_MESSAGE, LockHeld, RunContext, recent_runs
from pipeline.storage.database import open_database
from pipeline.storage.schema import ingest_errors, ingest_runs, run_locks

ARTICLE = "Kent Police and Essex Police will share their custody suites.\n\nThe forces agreed it on Monday."


@pytest.fixture
def engine(db_url):
    engine, _ = open_database(db_url)
    yield engine
    engine.dispose()


class TestRunLock:
    def test_second_run_is_refused_while_the_first_holds_it(self, engine):
        first, second = RunContext(engine, "a"), RunContext(engine, "b")
        first.acquire_lock()
        with pytest.raises(LockHeld, match="holds the run lock"):
            second.acquire_lock(wait_seconds=0.2)
        first.release_lock()
        second.acquire_lock()
        assert second.has_lock

    def test_a_lease_not_renewed_is_taken_over(self, engine, monkeypatch):
        first, second = RunContext(engine, "a"), RunContext(engine, "b")
        first.acquire_lock()
        with engine.begin() as conn:
            conn.execute(update(run_locks).values(heartbeat_at=runs_module.utcnow() - timedelta(hours=1)))
        monkeypatch.setattr(runs_module, "process_alive", lambda pid: True)  # a holder on another machine
        second.acquire_lock()
        with engine.connect() as conn:
            assert conn.execute(select(run_locks.c.holder)).scalar_one() == second.holder

    def test_a_dead_holder_on_this_host_is_taken_over(self, engine, monkeypatch):
        first, second = RunContext(engine, "a"), RunContext(engine, "b")
        first.acquire_lock()
        monkeypatch.setattr(runs_module, "process_alive", lambda pid: False)
        second.acquire_lock()
        assert second.has_lock


class TestLeaseRenewal:
    """The lease is renewed by a thread, whatever the run is doing, and a run notices when it lost it."""

    SHORT = timedelta(seconds=1.5)

    def test_the_lease_outlasts_its_length_while_the_run_works(self, engine):
        first, second = RunContext(engine, "a", lock_ttl=self.SHORT), RunContext(engine, "b", lock_ttl=self.SHORT)
        first.acquire_lock()
        time.sleep(2 * self.SHORT.total_seconds())  # one long batch of NLP: nothing renews from this thread
        with pytest.raises(LockHeld):
            second.acquire_lock()
        first.check_lock()
        first.release_lock()
        second.acquire_lock()
        assert second.has_lock
        second.release_lock()

    def test_a_run_whose_lease_was_taken_over_stops(self, engine):
        first = RunContext(engine, "a", lock_ttl=self.SHORT)
        first.acquire_lock()
        with engine.begin() as conn:  # what another run does once the lease has lapsed
            conn.execute(update(run_locks).values(holder="elsewhere:1:99", host="elsewhere", pid=1))
        deadline = time.monotonic() + 5
        while first.lock_lost_to is None and time.monotonic() < deadline:
            time.sleep(0.05)
        with pytest.raises(runs_module.LockLost, match=r"another run took over the run lock \(pid 1 on elsewhere"):
            first.check_lock()
        first.release_lock()
        with engine.connect() as conn:
            assert conn.execute(select(run_locks.c.holder)).scalar_one() == "elsewhere:1:99"

    def test_a_lease_that_could_not_be_renewed_stops_the_run(self, engine, monkeypatch):
        first = RunContext(engine, "a", lock_ttl=timedelta(hours=1))
        first.acquire_lock()
        later = runs_module.utcnow() + timedelta(hours=2)
        monkeypatch.setattr(runs_module, "utcnow", lambda: later)  # the database was unreachable meanwhile
        with pytest.raises(runs_module.LockLost, match="could not renew its run lock"):
            first.check_lock()
        first.release_lock()


class TestClaims:
    def test_one_claim_per_text(self, engine):
        first, second = RunContext(engine, "a"), RunContext(engine, "b")
        assert first.claim("abc") is True
        assert second.claim("abc") is False
        first.release_claim("abc")
        assert second.claim("abc") is True


class TestRunRecords:
    def test_runs_are_recorded_with_their_errors(self, engine, db_url, write, tmp_path):
        write("good.txt", ARTICLE)
        write("empty.txt", "")
        result = CliRunner().invoke(main, ["ingest", str(tmp_path / "articles"), "--db", db_url])
        assert result.exit_code == 1
        (run,) = recent_runs(engine)
        assert (run["status"], run["new_count"], run["failed_count"]) == ("partial", 1, 1)
        assert "empty.txt" in run["errors"][0]["source"]
        shown = CliRunner().invoke(main, ["runs", "--db", db_url])
        assert "partial" in shown.output and "empty.txt: empty file" in shown.output
        as_json = json.loads(CliRunner().invoke(main, ["runs", "--db", db_url, "--json"]).output)
        assert as_json[0]["new_count"] == 1

    def test_a_run_whose_process_is_gone_is_listed_as_interrupted(self, engine):
        gone = subprocess.Popen([sys.executable, "-c", "pass"])
        gone.wait()
        RunContext(engine, "alive")
        dead = RunContext(engine, "dead")
        with engine.begin() as conn:
            conn.execute(update(ingest_runs).where(ingest_runs.c.id == dead.run_id).values(pid=gone.pid))
        status = {run["inputs"]: (run["status"], run["message"]) for run in recent_runs(engine)}
        assert status["alive"] == ("running", None)
        assert status["dead"] == ("interrupted", DEAD_RUN_MESSAGE)

    def test_a_failed_file_is_tried_again_next_run(self, engine, db_url, write, tmp_path):
        path = write("late.txt", "")
        CliRunner().invoke(main, ["ingest", str(path), "--db", db_url])
        path.write_text(ARTICLE, encoding="utf-8")
        result = CliRunner().invoke(main, ["ingest", str(path), "--db", db_url])
        assert result.exit_code == 0 and "1 new" in result.output
        with engine.connect() as conn:
            assert conn.execute(select(ingest_runs.c.status).order_by(ingest_runs.c.id)).scalars().all() == [
                "partial", "completed"]


    def test_a_password_in_an_input_url_is_never_printed_or_stored(self, engine, db_url):
        printed = []
        url = "http://reader:s3cret@127.0.0.1:1/news/feed.xml"  # nothing listens on port 1: the fetch fails
        summary = ingest([url], db_url, on_error=printed.append)
        assert summary.failed == 1
        with engine.connect() as conn:
            stored = [*conn.execute(select(ingest_errors.c.source, ingest_errors.c.error)).one(),
                      *conn.execute(select(ingest_runs.c.inputs, ingest_runs.c.message)).one()]
        for text in [*printed, *summary.errors, *filter(None, stored)]:
            assert "s3cret" not in text
        assert "reader:***@127.0.0.1" in summary.errors[0]

    def test_counts_are_recorded_as_articles_are_stored(self, engine, db_url, write, tmp_path):
        write("a.txt", ARTICLE)
        write("b.txt", ARTICLE.replace("Kent", "Surrey"))
        seen = []

        def recorded(source, outcome) -> None:
            with engine.connect() as conn:
                seen.append(conn.execute(select(ingest_runs.c.new_count)).scalar_one())

        ingest([tmp_path / "articles"], db_url, on_progress=recorded)
        assert seen == [1, 2]

    def test_a_run_refused_by_the_lock_is_recorded_as_refused(self, engine, db_url, write):
        path = write("a.txt", ARTICLE)
        holder = RunContext(engine, "another run")
        holder.acquire_lock()
        with pytest.raises(LockHeld):
            ingest([path], db_url, lock=True)
        (refused,) = [r for r in recent_runs(engine) if r["id"] != holder.run_id]
        assert refused["status"] == "refused" and "holds the run lock" in refused["message"]


class TestWatch:
    def test_watch_runs_the_source_list(self, db_url, write, tmp_path):
        write("a.txt", ARTICLE)
        sources = tmp_path / "sources.toml"
        sources.write_text('[[sources]]\npath = "articles"\n')
        result = CliRunner().invoke(main, ["watch", "--sources", str(sources), "--db", db_url, "--runs", "1"])
        assert result.exit_code == 0, result.output
        assert "1 new" in result.output

    def test_ingest_needs_inputs(self, db_url):
        result = CliRunner().invoke(main, ["ingest", "--db", db_url])
        assert result.exit_code == 2
        assert "--sources" in result.output
