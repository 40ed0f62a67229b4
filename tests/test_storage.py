from __future__ import annotations

import logging
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import event, func, inspect, select, text
from sqlalchemy.exc import OperationalError

from pipeline.config import pipeline_version
from pipeline.contract import FUNCTIONS, Article, Extraction
from pipeline.storage import database
from pipeline.storage.database import DatabaseError, open_database
from pipeline.storage.repository import Outcome, save_article
from pipeline.storage.schema import (
    Base,
    article_sources,
    articles,
    force_mentions,
    forces,
    functions,
    money_figures,
    official_mentions,
    people,
    sentences,
)


def count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def one_sentence_extraction(text: str, force: str = "Kent Police") -> Extraction:
    return Extraction(
        sentences=[{"idx": 0, "start_char": 0, "end_char": len(text), "text": text}],
        force_mentions=[{"force": force, "sentence": 0, "start_char": 0, "end_char": 4, "text": text[:4]}],
    )


class TestOpenDatabase:
    def test_migrations_create_exactly_the_models(self, db_url):
        engine, _ = open_database(db_url)

        def modelled(obj, name, type_, reflected, compare_to) -> bool:
            # full-text search: FTS5's own tables (SQLite), the GIN expression index (PostgreSQL)
            return not (name or "").startswith(("sentences_fts", "ix_sentences_fts"))

        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_object": modelled})
            assert compare_metadata(context, Base.metadata) == []

    def test_forces_reference_table_is_seeded_once(self, db_url):
        engine, ids = open_database(db_url)
        _, ids2 = open_database(db_url)
        assert ids == ids2
        assert count(engine, forces) == len(ids.forces) >= 59
        assert count(engine, functions) == len(ids.functions) == len(FUNCTIONS)

    def test_existing_database_upgrades_and_keeps_its_rows(self, sqlite_url):
        db_url = sqlite_url
        from alembic import command
        from alembic.script import ScriptDirectory

        from pipeline.storage.database import alembic_config, make_engine

        engine = make_engine(db_url)
        command.upgrade(alembic_config(engine), "0001")
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO articles (sha256, source_path, text, ingested_at, pipeline_version) "
                "VALUES ('abc', '/a.txt', 'Kent Police.', '2015-01-01 00:00:00', 'old')"
            ))
        engine, _ = open_database(db_url)
        with engine.connect() as conn:
            assert conn.execute(select(articles.c.source_path)).scalars().all() == ["/a.txt"]
            head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head

    # Statements of each stage of set-up: the first migration, a later one, the views, the seeding.
    SET_UP_STATEMENTS = [
        "CREATE INDEX ix_force_mentions_force_article", "CREATE TABLE ingest_runs", "CREATE VIEW year_summary",
        "INSERT INTO forces",
    ]

    @pytest.mark.parametrize("statement", SET_UP_STATEMENTS)
    def test_set_up_that_fails_part_way_leaves_nothing_and_the_next_run_sets_up(self, db_url, statement, monkeypatch):
        def failing_engine(url, **kwargs):
            engine = make_engine(url, **kwargs)

            @event.listens_for(engine, "before_cursor_execute")
            def disk_full(conn, cursor, sql, *args) -> None:
                if sql.lstrip().startswith(statement):
                    raise OperationalError(sql, {}, Exception("database or disk is full"))

            return engine

        make_engine = database.make_engine
        monkeypatch.setattr(database, "make_engine", failing_engine)
        with pytest.raises(DatabaseError, match="database or disk is full") as raised:
            open_database(db_url)
        assert "[SQL" not in str(raised.value) and statement not in str(raised.value)
        engine = make_engine(db_url)
        assert inspect(engine).get_table_names() == []
        monkeypatch.undo()
        engine, ids = open_database(db_url)
        assert count(engine, forces) == len(ids.forces) >= 59

    def test_a_half_made_database_from_an_older_run_is_rebuilt(self, db_url):
        from alembic import command
        from alembic.script import ScriptDirectory

        from pipeline.storage.database import alembic_config, make_engine

        engine = make_engine(db_url)
        command.upgrade(alembic_config(engine), "0001")  # tables of the first migration, then no version:
        with engine.begin() as conn:  # what a run killed during set-up by an older forcewatch left
            conn.execute(text("DELETE FROM alembic_version"))
        engine, ids = open_database(db_url)
        with engine.connect() as conn:
            head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
        assert count(engine, forces) == len(ids.forces) >= 59

    def test_a_half_made_database_that_holds_articles_is_left_alone(self, db_url):
        from alembic import command

        from pipeline.storage.database import alembic_config, make_engine

        engine = make_engine(db_url)
        command.upgrade(alembic_config(engine), "0001")
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM alembic_version"))
            conn.execute(text(
                "INSERT INTO articles (sha256, source_path, text, ingested_at, pipeline_version) "
                "VALUES ('abc', '/a.txt', 'Kent Police.', '2015-01-01 00:00:00', 'old')"
            ))
        with pytest.raises(DatabaseError, match=r"no schema version.*holds 1 article"):
            open_database(db_url)
        assert count(engine, articles) == 1

    def test_a_folder_that_is_a_file_is_a_clear_error(self, tmp_path):
        (tmp_path / "afile").write_text("not a folder")
        with pytest.raises(DatabaseError, match="afile is a file, not a folder"):
            open_database(f"sqlite:///{tmp_path / 'afile' / 'sub' / 'x.db'}")

    @pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
    def test_a_folder_where_no_file_can_be_made_is_a_clear_error(self):
        with pytest.raises(DatabaseError, match="cannot create files in /proc") as raised:
            open_database("sqlite:////proc/forcewatch-test.db")
        assert "lock" not in str(raised.value)

    def test_sqlite_pragmas(self, sqlite_url):
        engine, _ = open_database(sqlite_url)
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


    @pytest.mark.parametrize("name", ["typo.db", "missing/typo.db"])
    def test_reading_refuses_a_sqlite_file_that_does_not_exist_and_creates_nothing(self, tmp_path, name):
        url = f"sqlite:///{tmp_path / name}"
        with pytest.raises(DatabaseError, match=r"no forcewatch database at .*typo\.db.*forcewatch ingest"):
            open_database(url, create=False)
        assert list(tmp_path.iterdir()) == []

    def test_reading_refuses_a_database_without_the_schema(self, db_url, tmp_path):
        if db_url.startswith("sqlite"):
            (tmp_path / "test.db").touch()
        with pytest.raises(DatabaseError, match="no forcewatch database"):
            open_database(db_url, create=False)

    def test_reading_opens_an_existing_database(self, db_url):
        open_database(db_url)[0].dispose()
        engine, ids = open_database(db_url, create=False)
        assert ids.forces
        engine.dispose()

    @pytest.mark.parametrize("url", ["typo.db", "postgres://localhost/x"])
    def test_a_url_that_is_no_database_url_is_a_clear_error(self, url):
        with pytest.raises(DatabaseError, match="not a database URL"):
            open_database(url)


class TestSaveArticle:
    def test_new_then_unchanged_then_second_source(self, db_url):
        engine, ids = open_database(db_url)
        body = "Kent Police will share custody with Essex."
        version = pipeline_version()
        outcomes = []
        for uri in ("/a.txt", "/a.txt", "/b.txt"):
            with engine.begin() as conn:
                outcomes.append(save_article(conn, Article(uri, body, None), one_sentence_extraction(body), ids, version))
        assert outcomes == [Outcome.NEW, Outcome.UNCHANGED, Outcome.UNCHANGED]
        assert (count(engine, articles), count(engine, article_sources), count(engine, sentences)) == (1, 2, 1)

    def test_changed_text_replaces_old_rows(self, db_url):
        engine, ids = open_database(db_url)
        version = pipeline_version()
        first, second = "Kent Police will share custody.", "Kent Police will not share custody after all."
        with engine.begin() as conn:
            save_article(conn, Article("/a.txt", first, None), one_sentence_extraction(first), ids, version)
        with engine.begin() as conn:
            outcome = save_article(conn, Article("/a.txt", second, None), one_sentence_extraction(second), ids, version)
        assert outcome is Outcome.UPDATED
        with engine.connect() as conn:
            assert conn.execute(select(articles.c.text)).scalars().all() == [second]
            assert conn.execute(select(sentences.c.text)).scalars().all() == [second]
        assert count(engine, force_mentions) == 1

    def test_new_pipeline_version_re_extracts_in_place(self, db_url):
        engine, ids = open_database(db_url)
        body = "Kent Police will share custody."
        with engine.begin() as conn:
            save_article(conn, Article("/a.txt", body, None), one_sentence_extraction(body), ids, "old")
            first_id = conn.execute(select(articles.c.id)).scalar_one()
        with engine.begin() as conn:
            outcome = save_article(conn, Article("/a.txt", body, None), one_sentence_extraction(body), ids, "new")
        assert outcome is Outcome.UPDATED
        with engine.connect() as conn:
            assert conn.execute(select(articles.c.id, articles.c.pipeline_version)).all() == [(first_id, "new")]
        assert count(engine, sentences) == 1

    def test_failure_inside_the_transaction_stores_nothing(self, db_url):
        engine, ids = open_database(db_url)
        body = "Kent Police will share custody."
        broken = one_sentence_extraction(body, force="No Such Force")
        with pytest.raises(KeyError), engine.begin() as conn:
            save_article(conn, Article("/a.txt", body, None), broken, ids, "v")
        assert (count(engine, articles), count(engine, sentences), count(engine, article_sources)) == (0, 0, 0)

    def test_deleting_an_article_cascades(self, db_url):
        engine, ids = open_database(db_url)
        body = "Kent Police will share custody."
        with engine.begin() as conn:
            save_article(conn, Article("/a.txt", body, None), one_sentence_extraction(body), ids, "v")
        with engine.begin() as conn:
            conn.execute(articles.delete())
        assert (count(engine, sentences), count(engine, force_mentions), count(engine, article_sources)) == (0, 0, 0)

    BIG = 20_000_000 * 10**9 * 10**9  # "£20,000,000bn": more than NUMERIC(18, 2) holds

    @pytest.mark.parametrize(("table", "logged", "fact"), [
        (money_figures, "money_figures", {"money": {"amount": BIG}}),
        (money_figures, "money_figures", {"money": {"amount": 1_000, "amount_high": BIG}}),
        (money_figures, "money_figures", {"money": {"amount": float("inf")}}),
        (money_figures, "money_figures", {"money": {"amount": 1_000, "period": "year " * 20}}),
        (official_mentions, "people", {"officials": {"name": "Andy " * 60}}),  # the person cannot be stored
    ], ids=["amount", "amount_high", "infinite", "period", "name"])
    def test_a_value_its_column_cannot_hold_drops_the_fact_not_the_article(self, db_url, table, logged, fact, caplog):
        engine, ids = open_database(db_url)
        body = "Kent Police chief constable Alan Pughsley said the forces will save £5m by sharing custody."
        extraction = one_sentence_extraction(body)
        good = {
            "money": {"amount": 5_000_000, "amount_high": None, "kind": "savings", "currency": "GBP", "hedged": False,
                      "period": None, "forces": ["Kent Police"], "start_char": 70, "end_char": 73},
            "officials": {"name": "Alan Pughsley", "role": "chief_constable", "acting": False, "force": "Kent Police",
                          "start_char": 12, "end_char": 41},
        }
        field_name, bad = next(iter(fact.items()))
        rows = [good[field_name], {**good[field_name], **bad}]
        setattr(extraction, field_name, [{**r, "sentence": 0, "text": body[r["start_char"]:r["end_char"]]} for r in rows])
        with caplog.at_level(logging.WARNING), engine.begin() as conn:
            assert save_article(conn, Article("/a.txt", body, None), extraction, ids, "v") is Outcome.NEW
        assert (count(engine, articles), count(engine, table)) == (1, 1)
        assert "/a.txt" in caplog.text and f"a row of {logged} was not stored" in caplog.text
        if table is official_mentions:
            assert count(engine, people) == 1

    def test_nul_characters_are_replaced_so_every_offset_still_holds(self, db_url):
        engine, ids = open_database(db_url)
        body = "x" * 9000 + "\x00 Kent Police will share custody.\x00"
        start = body.index("Kent")
        extraction = Extraction(
            sentences=[{"idx": 0, "start_char": 0, "end_char": len(body), "text": body}],
            force_mentions=[{"force": "Kent Police", "sentence": 0, "start_char": start - 1, "end_char": start + 4,
                             "text": body[start - 1:start + 4]}],
        )
        with engine.begin() as conn:
            save_article(conn, Article("/a.txt", body, "Title\x00"), extraction, ids, "v")
        with engine.connect() as conn:
            text_, title = conn.execute(select(articles.c.text, articles.c.title)).one()
            sentence = conn.execute(select(sentences.c.text)).scalar_one()
            mention = conn.execute(select(force_mentions.c.start_char, force_mentions.c.end_char,
                                          force_mentions.c.text)).one()
        assert "\x00" not in text_ + title + sentence + mention.text
        assert len(text_) == len(body) and sentence == text_
        assert text_[mention.start_char:mention.end_char] == mention.text
