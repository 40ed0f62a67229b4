"""``force_summary`` counts money so that it adds up: each distinct savings figure once, however many
articles report it, and a figure claimed for several forces together apart from a force's own
(``savings_own``, ``savings_joint``; ``savings_claimed`` is their sum, never a combined figure once per
partner on top of its own figures).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

import importlib

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_views = importlib.import_module("pipeline.storage.migrations.versions.0004_views_and_full_text_search")


def savings(force_count: str) -> str:
    """The distinct (amount, period) savings figures (GBP) of force ``f`` with so many forces, summed."""
    return f"""(SELECT coalesce(sum(amount), 0) FROM (SELECT DISTINCT m.amount, m.period FROM money_figures m
                JOIN money_figure_forces mf ON mf.money_figure_id = m.id
                WHERE mf.force_id = f.id AND m.kind = 'savings' AND m.currency = 'GBP'
                AND (SELECT count(*) FROM money_figure_forces o WHERE o.money_figure_id = m.id) {force_count}) figures)"""


FORCE_SUMMARY = f"""
    SELECT f.id AS force_id, f.name AS force, f.kind, f.country,
           (SELECT count(DISTINCT fm.article_id) FROM force_mentions fm WHERE fm.force_id = f.id) AS articles,
           (SELECT count(DISTINCT other.force_id) FROM collaboration_forces mine
            JOIN collaboration_forces other ON other.collaboration_id = mine.collaboration_id
            AND other.force_id <> mine.force_id WHERE mine.force_id = f.id) AS partners,
           (SELECT count(DISTINCT fn.function_id) FROM collaboration_forces mine
            JOIN function_mentions fn ON fn.collaboration_id = mine.collaboration_id AND fn.status = 'shared'
            WHERE mine.force_id = f.id) AS functions_shared,
           {savings("= 1")} AS savings_own,
           {savings("> 1")} AS savings_joint,
           {savings("= 1")} + {savings("> 1")} AS savings_claimed,
           (SELECT count(*) FROM job_concerns j WHERE j.article_id IN
            (SELECT fm.article_id FROM force_mentions fm WHERE fm.force_id = f.id)) AS job_concerns
    FROM forces f"""


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS force_summary")
    op.execute(f"CREATE VIEW force_summary AS {FORCE_SUMMARY}")


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS force_summary")
    op.execute(f"CREATE VIEW force_summary AS {_views.views(op.get_bind().dialect.name)['force_summary']}")
