"""Corrections: stored with optimistic concurrency, applied in every export, kept across re-extraction."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import select

from pipeline.ingest.runner import ingest
from pipeline.publish.export import article_documents, export_json
from pipeline.storage.corrections import (
    CONFLICT_MESSAGE,
    ConflictError,
    CorrectionError,
    apply_corrections,
    fact_version,
    record_correction,
    reviewed_shas,
)
from pipeline.storage.database import open_database
from pipeline.storage.schema import articles, corrections


def _doc() -> dict:
    return {
        "article": {"id": 1},
        "forces": [{"name": "Kent Police", "mentions": 2}, {"name": "Essex Police", "mentions": 1}],
        "officials": [{"name": "Jane Doe", "role": "chief_constable", "start": 10, "end": 20}],
        "money": [{"amount": 2000000, "kind": "savings", "start": 30, "end": 33}],
        "functions": [], "job_concerns": [], "collaborations": [],
    }


def _c(kind, start, end, action, field=None, old=None, new=None) -> dict:
    return {"fact_kind": kind, "start_char": start, "end_char": end, "action": action, "field": field,
            "old_value": old, "new_value": new}


class TestApplyCorrections:
    def test_no_corrections_marks_everything_uncorrected(self):
        doc = apply_corrections(_doc(), [])
        assert [o["corrected"] for o in doc["officials"]] == [False]
        assert doc["officials"][0]["role"] == "chief_constable"

    def test_reject_drops_the_fact(self):
        doc = apply_corrections(_doc(), [_c("money", 30, 33, "reject")])
        assert doc["money"] == []

    def test_correct_replaces_the_value(self):
        doc = apply_corrections(_doc(), [_c("official", 10, 20, "correct", "role", "chief_constable",
                                            "deputy_chief_constable")])
        assert doc["officials"][0]["role"] == "deputy_chief_constable"
        assert doc["officials"][0]["corrected"] is True

    def test_add_appends_with_the_text_slice(self):
        text = "x" * 40 + "£5m" + "y"
        doc = apply_corrections(_doc(), [_c("money", 40, 43, "add", new={"amount": 5000000, "kind": "budget"})], text)
        assert doc["money"][-1] == {"amount": 5000000, "kind": "budget", "corrected": True, "start": 40, "end": 43,
                                    "text": "£5m"}

    def test_accept_after_reject_restores(self):
        doc = apply_corrections(_doc(), [_c("money", 30, 33, "reject"), _c("money", 30, 33, "accept")])
        assert len(doc["money"]) == 1

    def test_force_reject_by_name(self):
        doc = apply_corrections(_doc(), [_c("force", 0, 5, "reject", old="Essex Police")])
        assert [f["name"] for f in doc["forces"]] == ["Kent Police"]

    def test_input_document_untouched(self):
        doc = _doc()
        apply_corrections(doc, [_c("money", 30, 33, "reject")])
        assert doc == _doc()


def _first_fact(url: str, key: str) -> tuple[str, dict]:
    engine, _ = open_database(url)
    with engine.connect() as conn:
        for doc in article_documents(conn):
            if doc[key]:
                return doc["article"]["sha256"], doc[key][0]
    raise AssertionError(f"no {key} in the test articles")


class TestRecordCorrection:
    def test_version_conflict(self, review_db):
        sha, money = _first_fact(review_db, "money")
        engine, _ = open_database(review_db)
        with engine.begin() as conn:
            seen = fact_version(conn, sha, "money", money["start"], money["end"])
            record_correction(conn, sha=sha, kind="money", start=money["start"], end=money["end"],
                              action="accept", seen_version=seen)
        with engine.begin() as conn, pytest.raises(ConflictError, match="changed by someone else"):
            record_correction(conn, sha=sha, kind="money", start=money["start"], end=money["end"],
                              action="reject", seen_version=seen)
        assert "reload" in CONFLICT_MESSAGE
        with engine.connect() as conn:
            actions = conn.execute(select(corrections.c.action).where(corrections.c.article_sha == sha)).scalars().all()
            assert "reject" not in actions and sha in reviewed_shas(conn)

    @pytest.mark.parametrize(("kind", "action", "start", "end"), [
        ("planet", "reject", 0, 5), ("money", "delete", 0, 5), ("money", "add", 5, 5), ("money", "add", 0, 10**7),
    ])
    def test_bad_corrections_refused(self, review_db, kind, action, start, end):
        engine, _ = open_database(review_db)
        with engine.connect() as conn:
            sha = conn.execute(select(articles.c.sha256)).scalars().first()
        with engine.begin() as conn, pytest.raises(CorrectionError):
            record_correction(conn, sha=sha, kind=kind, start=start, end=end, action=action, seen_version=0)


class TestExportsApplyCorrections:
    def test_reject_and_correct_survive_reingest(self, review_db, corpus_dir):
        sha, official = _first_fact(review_db, "officials")
        _, collab = _first_fact(review_db, "collaborations")
        engine, _ = open_database(review_db)
        with engine.begin() as conn:
            record_correction(conn, sha=sha, kind="official", start=official["start"], end=official["end"],
                              action="correct", field="role", old_value=official["role"], new_value="special_constable",
                              seen_version=fact_version(conn, sha, "official", official["start"], official["end"]))
        csha, _ = _first_fact(review_db, "collaborations")
        with engine.begin() as conn:
            record_correction(conn, sha=csha, kind="collaboration", start=collab["start"], end=collab["end"],
                              action="reject", seen_version=fact_version(conn, csha, "collaboration", collab["start"],
                                                                         collab["end"]))
        # Re-extract everything: fact rows get new ids, the corrections still apply.
        with engine.begin() as conn:
            conn.execute(articles.update().values(pipeline_version="stale"))
        ingest([corpus_dir], review_db)
        out = io.StringIO()
        export_json(engine, out)
        docs = {d["article"]["sha256"]: d for d in json.loads(out.getvalue())}
        roles = {(o["start"], o["role"], o["corrected"]) for o in docs[sha]["officials"]}
        assert (official["start"], "special_constable", True) in roles
        assert (collab["start"], collab["end"]) not in {(c["start"], c["end"]) for c in docs[csha]["collaborations"]}
        assert all(not c.get("corrected") for d in docs.values() for c in d["collaborations"])


class TestConcurrentSaves:
    def test_a_save_that_read_a_stale_version_is_a_conflict_not_a_second_version(self, db, monkeypatch):
        """Two transactions that both read version 0 (simulated: the check sees the old version) cannot
        both store version 1: the unique index turns the second into the conflict message."""
        sha, money = _first_fact(db, "money")
        engine, _ = open_database(db)
        with engine.begin() as conn:
            seen = fact_version(conn, sha, "money", money["start"], money["end"])
            before = conn.execute(select(corrections.c.id)).scalars().all()
            record_correction(conn, sha=sha, kind="money", start=money["start"], end=money["end"], action="accept",
                              seen_version=seen)
        monkeypatch.setattr("pipeline.storage.corrections.fact_version", lambda *args: seen)
        with engine.begin() as conn, pytest.raises(ConflictError, match="changed by someone else"):
            record_correction(conn, sha=sha, kind="money", start=money["start"], end=money["end"], action="reject",
                              seen_version=seen)
        with engine.connect() as conn:
            new = conn.execute(select(corrections.c.action).where(corrections.c.id.not_in(before))).scalars().all()
        assert new == ["accept"]
