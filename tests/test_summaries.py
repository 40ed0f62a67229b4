"""Summary views add up: a figure reported in several articles counts once, and a figure claimed for
several forces together is kept apart from each force's own (force_summary, migration 0008; collaboration_summary
and year_summary, migration 0009)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from pipeline.ingest.runner import ingest

ARTICLES = {
    "a.txt": "Kent custody deal agreed\n\nKent Police will save £2m a year by sharing custody suites, the force said.\n",
    "b.txt": "Custody savings confirmed\n\nThe chief constable said Kent Police will save £2m a year from the custody deal.\n",
    "c.txt": "Joint unit planned\n\nKent Police and Essex Police will together save £5m a year through a joint "
             "serious crime unit.\n",
    "d.txt": "Crime unit approved\n\nCommissioners confirmed that Kent Police and Essex Police will together save £5m "
             "a year through a joint serious crime unit.\n",
}


@pytest.fixture
def stored(write, db_url):
    for name, body in ARTICLES.items():
        folder = write(name, body).parent
    ingest([folder], db_url)
    return db_url


def query(url: str, sql: str) -> list:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text(sql)).all()
    engine.dispose()
    return rows


@pytest.fixture
def summary(stored):
    rows = query(stored, "SELECT force, savings_own, savings_joint, savings_claimed FROM force_summary "
                         "WHERE force IN ('Kent Police', 'Essex Police')")
    return {force: (float(own), float(joint), float(claimed)) for force, own, joint, claimed in rows}


class TestForceSummary:
    def test_a_figure_in_two_articles_counts_once(self, summary):
        assert summary["Kent Police"][0] == 2_000_000

    def test_a_joint_figure_is_apart_from_a_force_s_own(self, summary):
        assert summary["Kent Police"] == (2_000_000, 5_000_000, 7_000_000)
        assert summary["Essex Police"] == (0, 5_000_000, 5_000_000)


class TestCollaborationSummary:
    def test_a_figure_in_two_articles_counts_once(self, stored):
        rows = query(stored, "SELECT articles, savings_claimed FROM collaboration_summary WHERE savings_claimed > 0")
        assert [(articles, float(saved)) for articles, saved in rows] == [(2, 5_000_000)]


class TestYearSummary:
    def test_each_distinct_figure_once(self, stored):
        rows = query(stored, "SELECT articles, savings_claimed FROM year_summary")
        assert [(articles, float(saved)) for articles, saved in rows] == [(4, 7_000_000)]
