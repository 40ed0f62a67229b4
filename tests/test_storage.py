from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select, text

from pipeline.config import pipeline_version
from pipeline.extract import Extraction
from pipeline.labels import FUNCTIONS
from pipeline.reader import Article
from pipeline.storage.database import DatabaseError, open_database
from pipeline.storage.repository import Outcome, save_article
from pipeline.storage.schema import Base, article_sources, articles, force_mentions, forces, functions, sentences


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
