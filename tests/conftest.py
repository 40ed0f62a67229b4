"""Shared fixtures: one spaCy pipeline per session, throw-away SQLite databases, article files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.nlp.compose import shared_nlp

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared"
CORPUS = PROJECT / "corpus"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return shared_nlp()


# The storage and ingestion tests run on SQLite and on PostgreSQL. PostgreSQL needs this to name a
# database they may wipe (.ci/run starts a local server and sets it); without it they are skipped
# with a reason, so the summary line shows them.
PG_URL = os.environ.get("FORCEWATCH_TEST_PG_URL")
BACKENDS = ["sqlite", "postgresql"]
PG_SKIP_REASON = "PostgreSQL: set FORCEWATCH_TEST_PG_URL to a database the tests may wipe"


def reset_postgres(url: str) -> None:
    """An empty public schema: every test starts from a database with no tables."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path: Path) -> str:
    """A fresh database on each backend under test."""
    if request.param == "postgresql":
        if not PG_URL:
            pytest.skip(PG_SKIP_REASON)
        reset_postgres(PG_URL)
        return PG_URL
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """For behaviour that is SQLite's own (pragmas, files)."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def write(tmp_path: Path):
    """Write an article file under tmp_path/articles and return its path."""
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)

    def _write(name: str, content: str | bytes) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
