from __future__ import annotations

import os
import shutil
import time
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import insert, select, update
from sqlalchemy.exc import DataError, IntegrityError

from pipeline.cli import main
from pipeline.contract import content_hash
from pipeline.ingest import processing as processing_module
from pipeline.ingest import runner as ingest_module
from pipeline.ingest import runs as runs_module
from pipeline.ingest.runner import ingest
from pipeline.ingest.runs import LockHeld, RunContext, recent_runs
from pipeline.nlp.compose import shared_nlp
from pipeline.storage.database import open_database
from pipeline.storage.repository import needs_extraction
from pipeline.storage.schema import (
    article_sources,
    articles,
    force_mentions,
    forces,
    ingest_claims,
    money_figures,
    run_locks,
    sentences,
)

DURHAM = (
    "Forces agree to share major crime teams\n\n"
    "The North Yorkshire, Cleveland and Durham forces said they would work together.\n\n"
    "Julia Mulligan, the Police and Crime Commissioner for North Yorkshire, welcomed it."
)
DORSET = "Dorset Police and Devon & Cornwall Police signed a strategic alliance.\n\nThe people of Dorset will benefit."


def stored(db_url: str, query):
    engine, _ = open_database(db_url)
    with engine.connect() as conn:
        return conn.execute(query).all()


class TestIngest:
    def test_articles_sentences_and_forces_are_stored(self, write, db_url, tmp_path):
        write("durham.txt", DURHAM)
        summary = ingest([tmp_path / "articles"], db_url)
        assert (summary.new, summary.failed) == (1, 0)
        (title,) = stored(db_url, select(articles.c.title))[0]
        assert title == "Forces agree to share major crime teams"
        assert len(stored(db_url, select(sentences.c.id))) == 3
        names = [r.name for r in stored(db_url, select(forces.c.name).join(force_mentions))]
        assert sorted(set(names)) == ["Cleveland Police", "Durham Constabulary", "North Yorkshire Police"]
        assert names.count("North Yorkshire Police") == 2

    def test_the_publication_date_reaches_the_stages(self, write, db_url, tmp_path):
        """Police Scotland exists from April 2013: 'Scotland's chief constable' names it only in later articles."""
        for year in (2010, 2015):
            write(f"{year}.txt", f"Scottish policing\n\nPublished: 3 March {year}\n\n"
                                 f"Scotland's chief constable met officers from Strathclyde Police in {year}.")
        ingest([tmp_path / "articles"], db_url)
        rows = stored(db_url, select(articles.c.published_at, forces.c.name).select_from(
            force_mentions.join(articles).join(forces)))
        named = {(str(published)[:4], name) for published, name in rows}
        assert named == {("2010", "Strathclyde Police"), ("2015", "Strathclyde Police"), ("2015", "Police Scotland")}

    def test_reingest_is_idempotent(self, write, db_url, tmp_path):
        write("durham.txt", DURHAM)
        write("dorset.md", DORSET)
        ingest([tmp_path / "articles"], db_url)
        before = stored(db_url, select(force_mentions))
        summary = ingest([tmp_path / "articles"], db_url)
        assert (summary.new, summary.updated, summary.unchanged) == (0, 0, 2)
        assert stored(db_url, select(force_mentions)) == before

    def test_changed_file_is_re_extracted(self, write, db_url, tmp_path):
        path = write("durham.txt", DURHAM)
        ingest([path], db_url)
        path.write_text(DORSET, encoding="utf-8")
        summary = ingest([path], db_url)
        assert summary.updated == 1
        assert [r.text for r in stored(db_url, select(articles.c.text))] == [DORSET]
        names = {r.name for r in stored(db_url, select(forces.c.name).join(force_mentions))}
        assert names == {"Dorset Police", "Devon and Cornwall Police"}

    def test_an_edited_file_keeps_its_article_id(self, write, db_url, tmp_path):
        path = write("durham.txt", DURHAM)
        ingest([path], db_url)
        (first,) = stored(db_url, select(articles.c.id, articles.c.sha256))
        path.write_text(DORSET, encoding="utf-8")
        assert ingest([path], db_url).updated == 1
        (edited,) = stored(db_url, select(articles.c.id, articles.c.sha256, articles.c.text))
        assert edited.id == first.id and edited.sha256 != first.sha256 and edited.text == DORSET

    def test_an_edited_file_whose_old_text_another_file_holds_gets_a_new_article(self, write, db_url, tmp_path):
        path = write("durham.txt", DURHAM)
        write("copy.txt", DURHAM)
        ingest([tmp_path / "articles"], db_url)
        (first,) = stored(db_url, select(articles.c.id))
        path.write_text(DORSET, encoding="utf-8")
        ingest([tmp_path / "articles"], db_url)
        rows = stored(db_url, select(articles.c.id, articles.c.text).order_by(articles.c.id))
        assert [(r.id == first.id, r.text) for r in rows] == [(True, DURHAM), (False, DORSET)]

    def test_copy_under_another_name_is_one_article(self, write, db_url, tmp_path):
        path = write("durham.txt", DURHAM)
        shutil.copy(path, tmp_path / "articles" / "copy.txt")
        summary = ingest([tmp_path / "articles"], db_url)
        assert (summary.new, summary.unchanged) == (1, 1)
        assert len(stored(db_url, select(articles.c.id))) == 1

    def test_bad_inputs_fail_alone(self, write, db_url, tmp_path: Path):
        write("good.txt", DURHAM)
        write("empty.txt", "")
        write("binary.txt", b"\x00\x01\x02\x03binary")
        write("latin1.txt", "Caf\u00e9 in Kent".encode("latin-1"))
        missing = tmp_path / "missing.txt"
        summary = ingest([tmp_path / "articles", missing], db_url)
        assert (summary.new, summary.failed) == (1, 4)
        joined = "\n".join(summary.errors)
        for name, problem in [("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "UTF-8"),
                              ("missing.txt", "no such file")]:
            assert any(name in e and problem in e for e in summary.errors), joined
        assert len(stored(db_url, select(articles.c.id))) == 1


    def test_an_unreadable_folder_fails_alone(self, write, db_url, tmp_path: Path, monkeypatch):
        write("good.txt", DURHAM)
        write("locked/other.txt", DORSET)
        locked, real_scandir = tmp_path / "articles" / "locked", os.scandir

        def scandir(path=".", *args):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_scandir(path, *args)

        monkeypatch.setattr(os, "scandir", scandir)
        summary = ingest([tmp_path / "articles"], db_url)
        assert (summary.new, summary.failed) == (1, 1)
        (run,) = recent_runs(open_database(db_url)[0])
        assert run["errors"] == [{"source": str(locked), "error": summary.errors[0]}]
        assert "folder cannot be read (Permission denied)" in summary.errors[0]


class SlowNLP:
    """The real pipeline, with a pause and a hook before each batch (with ``batch_size=1``, each article: the
    articles before it are stored by then)."""

    def __init__(self, pause: float = 0.0, before=None) -> None:
        self.nlp, self.pause, self.before = shared_nlp(), pause, before

    def __getattr__(self, name):  # make_doc and the rest: the real pipeline's
        return getattr(self.nlp, name)

    def pipe(self, texts, **kwargs):
        time.sleep(self.pause)
        if self.before:
            self.before()
        yield from self.nlp.pipe(texts, **kwargs)


class TestIngestRunLock:
    SHORT = timedelta(seconds=1.5)

    def test_a_batch_longer_than_the_lease_keeps_the_lock(self, write, db_url, tmp_path, monkeypatch):
        write("durham.txt", DURHAM)
        monkeypatch.setattr(runs_module, "LOCK_TTL", self.SHORT)
        engine, _ = open_database(db_url)
        attempts = []

        def second_run() -> None:
            try:
                RunContext(engine, "second").acquire_lock()
                attempts.append("took the lock")
            except LockHeld:
                attempts.append("refused")

        slow = SlowNLP(pause=2 * self.SHORT.total_seconds(), before=second_run)
        monkeypatch.setattr(processing_module, "shared_nlp", lambda model=None: slow)
        summary = ingest([tmp_path / "articles"], db_url, lock=True)
        assert attempts == ["refused"]
        assert summary.new == 1
        assert recent_runs(engine)[-1]["status"] == "completed"

    def test_a_run_that_lost_its_lock_stops_storing(self, write, db_url, tmp_path, monkeypatch):
        for name in ("a.txt", "b.txt", "c.txt"):
            write(name, f"{name}\n\n{DURHAM}")
        monkeypatch.setattr(runs_module, "LOCK_TTL", self.SHORT)
        engine, _ = open_database(db_url)
        taken, batches = [], []

        def take_over() -> None:
            batches.append(True)
            if len(batches) == 2 and not taken:  # another run takes the lock after the first article
                with engine.begin() as conn:
                    conn.execute(update(run_locks).values(holder="elsewhere:1:99", host="elsewhere", pid=1))
                taken.append(True)
                time.sleep(self.SHORT.total_seconds())  # the renewing thread notices

        monkeypatch.setattr(processing_module, "shared_nlp", lambda model=None: SlowNLP(before=take_over))
        with pytest.raises(runs_module.LockLost, match="run lock"):
            ingest([tmp_path / "articles"], db_url, lock=True, batch_size=1)
        with engine.connect() as conn:
            assert len(conn.execute(select(articles.c.id)).all()) == 1
            assert conn.execute(select(ingest_claims)).all() == []
            assert conn.execute(select(run_locks.c.holder)).scalar_one() == "elsewhere:1:99"
        (run,) = recent_runs(engine)
        assert (run["status"], run["new_count"]) == ("failed", 1)
        assert "stopped storing" in run["message"]

    def test_the_command_says_so_and_fails(self, write, db_url, tmp_path, monkeypatch):
        write("durham.txt", DURHAM)

        def lost(*args, **kwargs):
            raise runs_module.LockLost("another run took over the run lock (pid 1 on elsewhere)")

        monkeypatch.setattr(ingest_module, "ingest", lost)
        result = CliRunner().invoke(main, ["ingest", str(tmp_path / "articles"), "--db", db_url])
        assert result.exit_code == 1
        assert "error: another run took over the run lock" in result.output


class TestIngestSources:
    """Every path an article was read from is a source of it, however runs race."""

    def test_a_text_another_run_is_extracting_gets_this_runs_source_too(self, write, db_url, tmp_path, monkeypatch):
        mine = write("mine/durham.txt", DURHAM)
        theirs = write("theirs/durham.txt", DURHAM)
        engine, _ = open_database(db_url)
        with engine.begin() as conn:  # another run, on another machine, is extracting this text
            conn.execute(insert(ingest_claims).values(
                sha256=content_hash(DURHAM), holder="elsewhere:1:99", claimed_at=runs_module.utcnow()))
        others = []

        def other_run_finishes() -> None:
            with engine.begin() as conn:
                conn.execute(ingest_claims.delete())
            others.append(ingest([theirs], db_url))

        monkeypatch.setattr(ingest_module, "wait_for_other_runs", other_run_finishes)
        summary = ingest([mine], db_url)
        assert (others[0].new, summary.new, summary.skipped, summary.failed) == (1, 0, 1, 0)
        with engine.connect() as conn:
            assert sorted(conn.execute(select(article_sources.c.uri)).scalars()) == [str(mine), str(theirs)]
            assert len(conn.execute(select(articles.c.id)).all()) == 1

    def test_a_source_another_run_records_at_the_same_moment(self, write, db_url, tmp_path, monkeypatch):
        path = write("durham.txt", DURHAM)
        ingest([path], db_url)
        copy = write("copy.txt", DURHAM)
        engine, _ = open_database(db_url)
        raced = []

        def racing(conn, uri, sha256, version, stamp=None):
            if not raced:  # another run inserts the same source between this run's look and its insert
                raced.append(uri)
                with engine.begin() as other:
                    article_id = other.execute(select(articles.c.id)).scalar_one()
                    other.execute(insert(article_sources).values(
                        article_id=article_id, uri=uri, first_seen_at=runs_module.utcnow()))
                raise IntegrityError("INSERT INTO article_sources", {}, Exception("UNIQUE constraint failed"))
            return needs_extraction(conn, uri, sha256, version, stamp)

        monkeypatch.setattr(ingest_module, "needs_extraction", racing)
        summary = ingest([copy], db_url)
        assert (summary.unchanged, summary.failed, raced) == (1, 0, [str(copy)])
        with engine.connect() as conn:
            assert sorted(conn.execute(select(article_sources.c.uri)).scalars()) == [str(copy), str(path)]
    def test_a_storage_error_names_the_problem_without_the_sql(self, write, db_url, tmp_path, monkeypatch):
        write("durham.txt", DURHAM)

        def overflow(*args, **kwargs):
            raise DataError("INSERT INTO money_figures (amount) VALUES (%(amount)s)", {"amount": 10**16},
                            Exception("numeric field overflow"))

        monkeypatch.setattr(ingest_module, "save_article", overflow)
        summary = ingest([tmp_path / "articles"], db_url)
        (error,) = summary.errors
        assert "durham.txt" in error and "numeric field overflow" in error
        assert "INSERT" not in error and "10000000000000000" not in error


class TestStoredOffsets:
    def test_every_offset_pair_slices_the_stored_text(self, db_url):
        corpus = Path(__file__).resolve().parent.parent / "corpus"
        # every third article, from every folder (plain text and web pages of each round): the whole corpus, on
        # SQLite and on PostgreSQL, cost two minutes of the suite
        articles_ = sorted(p for p in corpus.rglob("*") if p.suffix in {".txt", ".html"} and "gold" not in p.parts)
        ingest(articles_[::3], db_url)
        engine, _ = open_database(db_url)
        with engine.connect() as conn:
            texts = dict(conn.execute(select(articles.c.id, articles.c.text)).all())
            assert texts, "the corpus ingested no article"
            for table in (sentences, force_mentions):
                for row in conn.execute(select(table.c.article_id, table.c.start_char, table.c.end_char, table.c.text)):
                    assert texts[row.article_id][row.start_char : row.end_char] == row.text


class TestIngestCommand:
    def test_exit_code_and_summary(self, write, db_url, tmp_path):
        write("good.txt", DURHAM)
        write("empty.txt", "")
        result = CliRunner().invoke(main, ["ingest", str(tmp_path / "articles"), "--db", db_url])
        assert result.exit_code == 1
        assert "1 new, 0 updated, 0 unchanged, 1 failed" in result.output
        assert "empty.txt: empty file" in result.output

    def test_quiet_prints_only_errors(self, write, db_url, tmp_path):
        write("good.txt", DURHAM)
        result = CliRunner().invoke(main, ["ingest", str(tmp_path / "articles"), "--db", db_url, "--quiet"])
        assert result.exit_code == 0
        assert result.output == ""

    def test_db_from_environment(self, write, db_url, tmp_path):
        write("good.txt", DURHAM)
        result = CliRunner().invoke(main, ["ingest", str(tmp_path / "articles")], env={"FORCEWATCH_DB": db_url})
        assert result.exit_code == 0, result.output
        assert len(stored(db_url, select(articles.c.id))) == 1

    def test_unusable_database_is_a_clear_error(self, write, tmp_path):
        write("good.txt", DURHAM)
        (tmp_path / "notadb").write_text("this is not a database")
        result = CliRunner().invoke(main, ["ingest", str(tmp_path / "articles"), "--db", f"sqlite:///{tmp_path / 'notadb'}"])
        assert result.exit_code == 1
        assert "cannot open database" in result.output


class TestTimeBudget:
    def test_an_article_over_its_budget_is_a_failed_input_and_the_run_goes_on(self, write, db_url, tmp_path, monkeypatch):
        from pipeline.nlp.jobs import JobConcernFinder

        original = JobConcernFinder.__call__

        def hang(self, doc):
            if "HANG" in doc.text:
                time.sleep(60)
            return original(self, doc)

        monkeypatch.setattr(JobConcernFinder, "__call__", hang)
        monkeypatch.setenv("FORCEWATCH_ARTICLE_SECONDS", "1")
        write("a_good.txt", DURHAM)
        slow = write("b_slow.txt", DORSET + "\n\nHANG")
        write("c_good.txt", DORSET)
        summary = ingest([tmp_path / "articles"], db_url)
        assert (summary.new, summary.failed) == (2, 1)
        assert summary.errors == [
            f"{slow}: extraction took longer than 1 s ({len(DORSET) + 6:,} characters; the limit is "
            "FORCEWATCH_ARTICLE_SECONDS); not stored"
        ]
        engine, _ = open_database(db_url)
        (run,) = recent_runs(engine, 1)
        engine.dispose()
        assert run["status"] == "partial"
        assert [e["error"] for e in run["errors"]] == summary.errors

    def test_a_tiny_budget_from_the_environment_fails_each_article_with_its_name(self, write, db_url):
        path = write("durham.txt", DURHAM)
        result = CliRunner().invoke(main, ["ingest", str(path), "--db", db_url], env={"FORCEWATCH_ARTICLE_SECONDS": "0.001"})
        assert result.exit_code == 1
        assert f"{path}: extraction took longer than 0.001 s" in result.output
        assert stored(db_url, select(articles.c.id)) == []

    def test_a_bad_budget_is_a_clear_error(self, write, db_url, tmp_path):
        write("durham.txt", DURHAM)
        result = CliRunner().invoke(
            main, ["ingest", str(tmp_path / "articles"), "--db", db_url], env={"FORCEWATCH_ARTICLE_SECONDS": "soon"}
        )
        assert result.exit_code == 1
        assert "FORCEWATCH_ARTICLE_SECONDS='soon': give a number of seconds" in result.output


class TestHostileInput:
    def test_hostile_runs_are_stored_cut_and_every_offset_slices_the_stored_text(self, write, db_url, tmp_path):
        write("runs.txt", "£" * 16000 + DURHAM + "\n\n" + "—" * 120000 + "\n\n" + "(£" * 3000 + " Kent Police said so.")
        write("zalgo.html", "<html><body><article><p>" + "Kent Police" + "\u0316" * 5000 + " will share HR with Essex "
              "Police.</p><p>" + "=" * 50000 + "</p></article></body></html>")
        summary = ingest([tmp_path / "articles"], db_url)
        assert (summary.new, summary.failed) == (2, 0), summary.errors
        engine, _ = open_database(db_url)
        with engine.connect() as conn:
            texts = dict(conn.execute(select(articles.c.id, articles.c.text)).all())
            assert max(len(t) for t in texts.values()) < 10_000
            for table in (sentences, force_mentions):
                for row in conn.execute(select(table.c.article_id, table.c.start_char, table.c.end_char, table.c.text)):
                    assert texts[row.article_id][row.start_char : row.end_char] == row.text
        engine.dispose()

    def test_an_implausible_amount_is_no_figure_and_the_article_is_stored(self, write, db_url, tmp_path):
        write("typo.txt", "Kent Police will save £20,000,000bn, or £2m a year, by sharing HR with Essex Police.")
        summary = ingest([tmp_path / "articles"], db_url)
        assert (summary.new, summary.failed) == (1, 0), summary.errors
        assert [(r.text, r.amount) for r in stored(db_url, select(money_figures.c.text, money_figures.c.amount))] == [
            ("£2m", 2_000_000)
        ]


class TestUnchangedFilesAreNotRead:
    """A file whose size and modification time are those recorded with its current article is not read."""

    @pytest.fixture
    def reads(self, monkeypatch):
        from pipeline.ingest import sources

        seen: list[str] = []
        real = sources.read_file

        def counting(path, *args, **kwargs):
            seen.append(Path(path).name)
            return real(path, *args, **kwargs)

        monkeypatch.setattr(sources, "read_file", counting)
        return seen

    @staticmethod
    def aged(path: Path, seconds: int = 60) -> Path:
        then = time.time() - seconds
        os.utime(path, (then, then))
        return path

    def test_a_second_run_reads_no_unchanged_file(self, write, db_url, tmp_path, reads):
        self.aged(write("durham.txt", DURHAM))
        self.aged(write("dorset.md", DORSET))
        ingest([tmp_path / "articles"], db_url)
        reads.clear()
        summary = ingest([tmp_path / "articles"], db_url)
        assert (summary.new, summary.updated, summary.unchanged, reads) == (0, 0, 2, [])

    def test_a_touched_file_is_read_again(self, write, db_url, tmp_path, reads):
        path = self.aged(write("durham.txt", DURHAM))
        ingest([path], db_url)
        self.aged(path, 30)
        reads.clear()
        assert ingest([path], db_url).unchanged == 1
        assert reads == ["durham.txt"]
        reads.clear()
        ingest([path], db_url)  # the new time was recorded
        assert reads == []

    def test_an_edit_of_the_same_size_and_time_is_seen_when_the_file_was_fresh(self, write, db_url, tmp_path):
        path = write("durham.txt", DURHAM)  # just written: not stamped ("racy")
        ingest([path], db_url)
        (stamp,) = stored(db_url, select(article_sources.c.size, article_sources.c.mtime_ns))
        assert tuple(stamp) == (None, None)
        info = path.stat()
        path.write_text(DURHAM.replace("Durham", "Dorham"), encoding="utf-8")
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
        assert ingest([path], db_url).updated == 1

    def test_a_new_pipeline_version_reads_every_file(self, write, db_url, tmp_path, reads, monkeypatch):
        path = self.aged(write("durham.txt", DURHAM))
        ingest([path], db_url)
        monkeypatch.setattr(ingest_module, "pipeline_version", lambda: "another version")
        reads.clear()
        assert ingest([path], db_url).updated == 1
        assert reads == ["durham.txt"]

    def test_a_run_over_unchanged_files_does_not_import_spacy(self, write, db_url, tmp_path):
        import subprocess
        import sys

        self.aged(write("durham.txt", DURHAM))
        ingest([tmp_path / "articles"], db_url)
        code = ("import sys; from pipeline.ingest.runner import ingest; "
                f"s = ingest([{str(tmp_path / 'articles')!r}], {db_url!r}); "
                "print(s.unchanged, 'spacy' in sys.modules, 'datasketch' in sys.modules)")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert out.stdout.split() == ["1", "False", "False"]
