"""Near-duplicate articles: the same story told by two outlets is linked, and counted once in article_stories."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from pipeline.ingest.runner import ingest
from pipeline.storage.stories import THRESHOLD, from_bytes, signature, to_bytes
from tests.conftest import CORPUS

ORIGINAL = CORPUS / "101_evolve_specialist_ops.txt"
OTHER = CORPUS / "102_nersou_commissioners.txt"


def retold(path: Path) -> str:
    """The same story as another outlet runs it: a new headline and closing line, the body kept."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(["North East forces join up armed and roads units", *lines[1:], "", "Reporting by a wire service."])


def stories(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT s.story_id, src.uri FROM article_stories s JOIN article_sources src ON src.article_id = s.article_id"
        )).all()
    engine.dispose()
    return {Path(uri).name: story for story, uri in rows}


class TestSignature:
    def test_a_signature_survives_storage(self):
        minhash = signature(ORIGINAL.read_text(encoding="utf-8"))
        assert from_bytes(to_bytes(minhash)).jaccard(minhash) == 1.0

    def test_a_retold_story_is_similar_and_another_story_is_not(self):
        own = signature(ORIGINAL.read_text(encoding="utf-8"))
        assert own.jaccard(signature(retold(ORIGINAL))) >= THRESHOLD
        assert own.jaccard(signature(OTHER.read_text(encoding="utf-8"))) < THRESHOLD


class TestStories:
    @pytest.fixture
    def folder(self, write):
        write("a_original.txt", ORIGINAL.read_text(encoding="utf-8"))
        write("b_other.txt", OTHER.read_text(encoding="utf-8"))
        return write("c_retold.txt", retold(ORIGINAL)).parent

    def test_the_same_story_is_one_story(self, folder, db_url):
        ingest([folder], db_url)
        found = stories(db_url)
        assert found["a_original.txt"] == found["c_retold.txt"] != found["b_other.txt"]

    def test_the_story_does_not_depend_on_ingest_order(self, folder, tmp_path):
        forward, backward = f"sqlite:///{tmp_path / 'f.db'}", f"sqlite:///{tmp_path / 'b.db'}"
        ingest([folder / "a_original.txt", folder / "b_other.txt", folder / "c_retold.txt"], forward)
        ingest([folder / "c_retold.txt", folder / "b_other.txt", folder / "a_original.txt"], backward)
        for found in (stories(forward), stories(backward)):
            assert found["a_original.txt"] == found["c_retold.txt"] != found["b_other.txt"]

    def test_re_extraction_keeps_one_pair(self, folder, sqlite_url, monkeypatch):
        ingest([folder], sqlite_url)
        monkeypatch.setattr("pipeline.ingest.runner.pipeline_version", lambda: "another-version")
        ingest([folder], sqlite_url)
        engine = create_engine(sqlite_url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM near_duplicates")).scalar_one() == 1
        engine.dispose()

    def test_stories_far_apart_in_time_are_not_compared(self, write, sqlite_url):
        body = ORIGINAL.read_text(encoding="utf-8").splitlines()
        write("early.txt", "\n".join([body[0], f"Published: {date(2015, 3, 3):%d %B %Y}", *body[1:]]))
        late = write("late.txt", "\n".join([body[0], f"Published: {date(2019, 3, 3):%d %B %Y}", *body[1:], "Updated."]))
        ingest([late.parent], sqlite_url)
        found = stories(sqlite_url)
        assert found["early.txt"] != found["late.txt"]
