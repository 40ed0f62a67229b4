"""The fact views apply analysts' corrections (migration 0013), on SQLite and on PostgreSQL."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import text

from pipeline.ingest.runner import ingest
from pipeline.storage.corrections import fact_version, record_correction
from pipeline.storage.database import open_database
from tests.conftest import CORPUS

ARTICLE = "101_evolve_specialist_ops.txt"
VIEWS = {"official": "officials_view", "money": "money_view", "function": "functions_view",
         "job_concern": "job_concerns_view", "collaboration": "collaborations_view"}


@pytest.fixture
def stored(db_url, tmp_path):
    """The URL of a database holding one corpus article, and its SHA-256 and text."""
    shutil.copy(CORPUS / ARTICLE, tmp_path / ARTICLE)
    ingest([tmp_path / ARTICLE], db_url)
    engine, _ = open_database(db_url)
    with engine.connect() as conn:
        sha, body = conn.execute(text("SELECT sha256, text FROM articles")).one()
    return engine, sha, body


def rows(engine, view: str) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(text(f"SELECT * FROM {view} ORDER BY start_char")).mappings()]


def correct(engine, sha: str, kind: str, row: dict, action: str, **values) -> None:
    with engine.begin() as conn:
        seen = fact_version(conn, sha, kind, row["start_char"], row["end_char"])
        record_correction(conn, sha=sha, kind=kind, start=row["start_char"], end=row["end_char"], action=action,
                          seen_version=seen, **values)


class TestViewsApplyCorrections:
    def test_nothing_corrected_before_any_correction(self, stored):
        engine, _, _ = stored
        for view in VIEWS.values():
            assert rows(engine, view), view
            assert not any(r["corrected"] for r in rows(engine, view)), view

    def test_a_rejected_fact_is_gone_until_accepted(self, stored):
        engine, sha, _ = stored
        first, *others = rows(engine, "officials_view")
        correct(engine, sha, "official", first, "reject")
        assert [r["official_mention_id"] for r in rows(engine, "officials_view")] == [
            r["official_mention_id"] for r in others]
        correct(engine, sha, "official", first, "accept")
        assert len(rows(engine, "officials_view")) == len(others) + 1

    def test_corrected_values_and_the_corrected_column(self, stored):
        engine, sha, _ = stored
        money = rows(engine, "money_view")[0]
        correct(engine, sha, "money", money, "correct", field="kind", old_value=money["kind"], new_value="spending")
        correct(engine, sha, "money", money, "correct", field="amount", old_value=float(money["amount"]),
                new_value=2500000)
        correct(engine, sha, "money", money, "correct", field="forces", old_value=None,
                new_value=["Durham Constabulary", "Cleveland Police"])
        after = {r["money_figure_id"]: r for r in rows(engine, "money_view")}
        fixed = after[money["money_figure_id"]]
        assert (fixed["kind"], float(fixed["amount"]), fixed["forces"]) == (
            "spending", 2500000.0, "Cleveland Police; Durham Constabulary")
        assert fixed["corrected"] and not any(r["corrected"] for k, r in after.items() if k != money["money_figure_id"])

        job = rows(engine, "job_concerns_view")[0]
        correct(engine, sha, "job_concern", job, "correct", field="stance", old_value=job["stance"], new_value="concern")
        assert rows(engine, "job_concerns_view")[0]["stance"] == "concern"

        collab = rows(engine, "collaborations_view")[0]
        correct(engine, sha, "collaboration", collab, "correct", field="stage", old_value=collab["stage"],
                new_value="ended")
        assert rows(engine, "collaborations_view")[0]["stage"] == "ended"

        function = rows(engine, "functions_view")[0]
        correct(engine, sha, "function", function, "correct", field="status", old_value=function["status"],
                new_value="excluded")
        assert rows(engine, "functions_view")[0]["status"] == "excluded"

    def test_a_fact_an_analyst_added_is_a_row(self, stored):
        engine, sha, body = stored
        start = body.index("Durham")
        span = {"start_char": start, "end_char": start + len("Durham")}
        correct(engine, sha, "money", span, "add",
                new_value={"amount": 40000, "kind": "budget", "hedged": False, "period": None,
                           "forces": ["Durham Constabulary"]})
        added = [r for r in rows(engine, "money_view") if r["money_figure_id"] is None]
        assert len(added) == 1
        row = added[0]
        assert (float(row["amount"]), row["kind"], row["forces"], row["evidence"]) == (
            40000.0, "budget", "Durham Constabulary", "Durham")
        assert row["sentence"] in body and row["corrected"]
        correct(engine, sha, "money", span, "reject")
        assert all(r["money_figure_id"] is not None for r in rows(engine, "money_view"))


class TestSummariesCountCorrectedFacts:
    def savings(self, engine) -> dict[str, float]:
        with engine.connect() as conn:
            return {r.force: float(r.savings_claimed) for r in conn.execute(text(
                "SELECT force, savings_claimed FROM force_summary WHERE savings_claimed > 0"))}

    def test_a_rejected_saving_is_not_counted_and_a_corrected_one_is(self, stored):
        engine, sha, _ = stored
        saving = next(r for r in rows(engine, "money_view") if r["kind"] == "savings")
        before = self.savings(engine)
        assert before
        correct(engine, sha, "money", saving, "reject")
        assert sum(self.savings(engine).values()) < sum(before.values())
        correct(engine, sha, "money", saving, "accept")
        assert self.savings(engine) == before
        correct(engine, sha, "money", saving, "correct", field="amount", old_value=float(saving["amount"]),
                new_value=float(saving["amount"]) + 1000)
        assert sum(self.savings(engine).values()) > sum(before.values())

    def test_a_rejected_collaboration_leaves_the_year_summary(self, stored):
        engine, sha, _ = stored
        with engine.connect() as conn:
            before = conn.execute(text("SELECT sum(collaborations) FROM year_summary")).scalar_one()
        for collab in rows(engine, "collaborations_view"):
            correct(engine, sha, "collaboration", collab, "reject")
        with engine.connect() as conn:
            assert before > 0 and conn.execute(text("SELECT sum(collaborations) FROM year_summary")).scalar_one() == 0
            assert conn.execute(text("SELECT count(*) FROM collaboration_timeline")).scalar_one() == 0
