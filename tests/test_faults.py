"""Faults done for real: killed processes, runs at the same time, full disks, read-only databases."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from pipeline.storage.schema import article_sources, articles, force_mentions, sentences
from tests.conftest import CORPUS

ARTICLES = sorted(CORPUS.glob("*.txt"))


def forcewatch(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "pipeline", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def finished(process: subprocess.Popen, timeout: float = 240) -> tuple[int, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out + err


def new_count(output: str) -> int:
    match = re.search(r"(\d+) new, (\d+) updated, (\d+) unchanged", output)
    assert match, output
    return int(match.group(1))


def consistent(url: str) -> dict[str, int]:
    """Check that no article is half-stored and nothing is duplicated; return the row counts."""
    engine = create_engine(url)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        bare = conn.execute(
            select(func.count()).select_from(articles).where(
                ~select(sentences.c.id).where(sentences.c.article_id == articles.c.id).exists()
            )
        ).scalar_one()
        assert bare == 0, "an article was stored without its sentences"
        for table, key in ((sentences, (sentences.c.article_id, sentences.c.idx)),
                           (force_mentions, (force_mentions.c.article_id, force_mentions.c.start_char))):
            dupes = conn.execute(select(*key).group_by(*key).having(func.count() > 1)).all()
            assert dupes == [], f"duplicated rows in {table.name}"
        counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                  for t in (articles, sentences, force_mentions)}
    engine.dispose()
    return counts


@pytest.fixture
def article_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in ARTICLES:
        shutil.copy(path, folder / path.name)
    return folder


def stored_articles(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
    except Exception:  # the schema may not exist yet while the process starts
        return 0
    finally:
        engine.dispose()


def process_states() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, state letter) of every process, from /proc."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        found[int(stat.parent.name)] = (int(fields[1]), fields[0])
    return found


def running(pids: list[int]) -> list[int]:
    states = process_states()
    return [pid for pid in pids if pid in states and states[pid][1] not in "ZX"]  # a zombie has ended


class TestKilledRun:
    @pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
    def test_sigkill_with_workers_ends_the_workers(self, article_dir, db_url):
        process = forcewatch("ingest", str(article_dir), "--db", db_url, "--quiet", "--workers", "2",
                             "--batch-size", "1")
        deadline, workers = time.monotonic() + 120, []
        while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.1)
            workers = [pid for pid, (parent, _) in process_states().items() if parent == process.pid]
        assert len(workers) == 2, "the run did not start two workers"
        while stored_articles(db_url) < 1 and time.monotonic() < deadline:
            time.sleep(0.05)  # the workers are at work
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 5
        while running(workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = running(workers)
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        assert left == [], "worker processes outlived the killed run"

    def test_sigkill_mid_ingest_leaves_a_consistent_database_and_the_next_run_completes(self, article_dir, db_url):
        process = forcewatch("ingest", str(article_dir), "--db", db_url, "--quiet", "--batch-size", "1")
        deadline = time.monotonic() + 120
        while stored_articles(db_url) < 3 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        partial = consistent(db_url)
        assert 0 < partial["articles"] < len(ARTICLES)

        code, output = finished(forcewatch("ingest", str(article_dir), "--db", db_url))
        assert code == 0, output
        assert new_count(output) == len(ARTICLES) - partial["articles"]
        assert consistent(db_url)["articles"] == len(ARTICLES)
        runs = json.loads(finished(forcewatch("runs", "--db", db_url, "--json"))[1])
        assert [r["status"] for r in runs] == ["completed", "interrupted"]
        assert runs[1]["new_count"] == partial["articles"]  # counted as it stored them, although killed


class TestKilledSetUp:
    # A process killed (SIGKILL) at each stage of first-time set-up: the first migration, a later
    # one, the views, the seeding of the reference tables.
    KILL_ON = """
import os, signal, sys
from sqlalchemy import event
from pipeline.storage import database

make_engine = database.make_engine

def killed_engine(url, **kwargs):
    engine = make_engine(url, **kwargs)
    @event.listens_for(engine, "before_cursor_execute")
    def kill(conn, cursor, statement, *args):
        if statement.lstrip().startswith(sys.argv[2]):
            os.kill(os.getpid(), signal.SIGKILL)
    return engine

database.make_engine = killed_engine
database.open_database(sys.argv[1])
"""

    @pytest.mark.parametrize("statement", [
        "CREATE INDEX ix_force_mentions_force_article", "CREATE TABLE ingest_runs", "CREATE VIEW year_summary",
        "INSERT INTO forces",
    ])
    def test_the_next_run_sets_up_and_ingests(self, article_dir, db_url, statement):
        killed = subprocess.run([sys.executable, "-c", self.KILL_ON, db_url, statement], capture_output=True)
        assert killed.returncode == -signal.SIGKILL
        code, output = finished(forcewatch("ingest", str(article_dir / ARTICLES[0].name), "--db", db_url))
        assert code == 0, output
        assert new_count(output) == 1


    @pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the worker processes through Linux /proc")
    def test_sigterm_mid_ingest_with_workers_ends_the_workers_and_records_the_run_as_interrupted(self, tmp_path,
                                                                                                   sqlite_url):
        # Three distinct copies of the corpus, in batches of 32 (about 100 kB, more than a pipe holds):
        # the parent has queued more text for each worker than the worker has read when the signal comes.
        folder = tmp_path / "many"
        folder.mkdir()
        for copy in range(3):
            for path in ARTICLES:
                (folder / f"{copy}-{path.name}").write_text(f"{path.read_text(encoding='utf-8')}\n\nCopy {copy}.\n")
        process = forcewatch("ingest", str(folder), "--db", sqlite_url, "--workers", "2")
        children: set[int] = set()
        deadline = time.monotonic() + 120
        while stored_articles(sqlite_url) < 1 and time.monotonic() < deadline and process.poll() is None:
            children |= {int(p) for p in Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()}
            time.sleep(0.05)
        assert process.poll() is None and len(children) >= 2, "the run ended before it could be stopped"
        os.kill(process.pid, signal.SIGTERM)
        try:
            code, _ = finished(process, timeout=60)
        except subprocess.TimeoutExpired:
            for pid in [process.pid, *children]:
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)
            pytest.fail("forcewatch ingest --workers 2 did not end on SIGTERM")
        assert code != 0
        assert not [pid for pid in children if alive(pid)], "a worker outlived forcewatch"
        assert "interrupted" in finished(forcewatch("runs", "--db", sqlite_url))[1]


def alive(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


class TestConcurrentRuns:
    def test_two_processes_at_once_split_the_work_and_duplicate_nothing(self, article_dir, db_url):
        first = forcewatch("ingest", str(article_dir), "--db", db_url, "--batch-size", "2")
        second = forcewatch("ingest", str(article_dir), "--db", db_url, "--batch-size", "2")
        (code1, out1), (code2, out2) = finished(first), finished(second)
        assert (code1, code2) == (0, 0), out1 + out2
        assert new_count(out1) + new_count(out2) == len(ARTICLES)
        assert consistent(db_url)["articles"] == len(ARTICLES)

    def test_two_processes_over_copies_of_the_same_texts_record_every_path(self, tmp_path, db_url):
        copies = []
        for name in ("first", "second"):
            folder = tmp_path / name
            folder.mkdir()
            for path in ARTICLES:
                shutil.copy(path, folder / path.name)
            copies.append(folder)
        first, second = (forcewatch("ingest", str(folder), "--db", db_url, "--batch-size", "2") for folder in copies)
        (code1, out1), (code2, out2) = finished(first), finished(second)
        assert (code1, code2) == (0, 0), out1 + out2
        assert new_count(out1) + new_count(out2) == len(ARTICLES)
        assert consistent(db_url)["articles"] == len(ARTICLES)
        engine = create_engine(db_url)
        with engine.connect() as conn:
            recorded = set(conn.execute(select(article_sources.c.uri)).scalars())
        engine.dispose()
        assert recorded == {str(folder / path.name) for folder in copies for path in ARTICLES}

    def test_a_scheduled_run_exits_clearly_while_another_holds_the_lock(self, article_dir, db_url, tmp_path):
        sources = tmp_path / "sources.toml"
        sources.write_text(f'[[sources]]\npath = "{article_dir}"\n')
        first = forcewatch("ingest", "--sources", str(sources), "--db", db_url, "--batch-size", "1")
        deadline = time.monotonic() + 120
        while stored_articles(db_url) < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        code, output = finished(forcewatch("ingest", "--sources", str(sources), "--db", db_url))
        assert code == 75, output
        assert "holds the run lock" in output
        assert finished(first)[0] == 0


class TestUnwritableDatabase:
    def test_read_only_database(self, article_dir, tmp_path):
        db = tmp_path / "ro.db"
        one = article_dir / ARTICLES[0].name
        assert finished(forcewatch("ingest", str(one), "--db", f"sqlite:///{db}"))[0] == 0
        code, output = finished(forcewatch("ingest", str(article_dir), "--db", f"sqlite:///file:{db}?mode=ro&uri=true"))
        assert code == 1
        assert "cannot write to" in output and "readonly" in output
        assert consistent(f"sqlite:///{db}")["articles"] == 1

    def test_full_disk(self, article_dir, tmp_path):
        mount = tmp_path / "small"
        mount.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1200k", "tmpfs", str(mount)],
                          capture_output=True).returncode != 0:
            pytest.skip("cannot mount a small tmpfs here (needs root)")
        try:
            url = f"sqlite:///{mount / 'full.db'}"
            code, output = finished(forcewatch("ingest", str(article_dir), "--db", url))
            assert code == 1
            assert "database or disk is full" in output and "nothing half-written" in output
            assert 0 < consistent(url)["articles"] < len(ARTICLES)
        finally:
            subprocess.run(["umount", str(mount)], check=False)
