"""One small ingested database per test module: the NLP model load is slow, so modules share it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from pipeline.ingest.runner import ingest
from tests.conftest import CORPUS

ARTICLES = ("101_evolve_specialist_ops.txt", "102_nersou_commissioners.txt", "105_cheshire_merseyside_next_stage.txt")
SCRIPT_TEXT = (
    "Kent Police and Essex Police <script>window.pwned = 1; alert(1)</script> will share a firearms unit, "
    "saving <img src=x onerror=\"window.pwned = 2\"> £2m a year, said Chief Constable Jane Doe of Kent Police.\n"
)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("review_corpus")
    for name in ARTICLES:
        shutil.copy(CORPUS / name, folder / name)
    (folder / "900_script_article.txt").write_text("Forces share firearms unit\n\n" + SCRIPT_TEXT, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def review_db(tmp_path_factory, corpus_dir: Path) -> str:
    """A SQLite URL of a database holding the few articles above (module scope: ingest once)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('review_db') / 'review.db'}"
    ingest([corpus_dir], url)
    return url


@pytest.fixture
def db(review_db: str, tmp_path: Path) -> str:
    """A private copy of the module's database, so that each test's corrections are its own."""
    target = tmp_path / "copy.db"
    with sqlite3.connect(review_db.removeprefix("sqlite:///")) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return f"sqlite:///{target}"
