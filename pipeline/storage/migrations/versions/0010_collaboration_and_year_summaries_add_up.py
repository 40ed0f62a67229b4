"""``collaboration_summary`` and ``year_summary`` count money so that it adds up: each distinct savings
figure (amount and period) once, however many articles (or mentions) report it; before, every
article's figures were added, so a claim repeated in eight articles counted eight times. Neither view
is per force, so a combined figure is never counted once per partner. ``collaborations.stage_date`` now holds
the date its sentence states where it states one; its column comment says so.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_views = importlib.import_module("pipeline.storage.migrations.versions.0004_views_and_full_text_search")
KEYED = _views.KEYED


def summaries(dialect: str) -> dict[str, str]:
    year = _views.year_of("a.published_at", dialect)
    return {
        "collaboration_summary": f"""
            SELECT k.collaboration, count(DISTINCT k.article_id) AS articles,
                   (SELECT count(DISTINCT cf.force_id) FROM collaboration_forces cf JOIN {KEYED} k2
                    ON k2.id = cf.collaboration_id WHERE k2.collaboration = k.collaboration) AS forces,
                   min(a.published_at) AS first_published, max(a.published_at) AS last_published,
                   (SELECT count(DISTINCT fm.function_id) FROM function_mentions fm JOIN {KEYED} k3
                    ON k3.id = fm.collaboration_id WHERE k3.collaboration = k.collaboration
                    AND fm.status = 'shared') AS functions_shared,
                   (SELECT coalesce(sum(amount), 0) FROM (SELECT DISTINCT m.amount, m.period FROM money_figures m
                    JOIN {KEYED} k4 ON k4.id = m.collaboration_id WHERE k4.collaboration = k.collaboration
                    AND m.kind = 'savings' AND m.currency = 'GBP') figures) AS savings_claimed
            FROM {KEYED} k
            JOIN articles a ON a.id = k.article_id
            GROUP BY k.collaboration""",
        "year_summary": f"""
            SELECT y.year, y.articles, y.collaborations, coalesce(s.saved, 0) AS savings_claimed, y.job_concerns
            FROM (SELECT {year} AS year, count(*) AS articles,
                         sum((SELECT count(*) FROM collaborations c WHERE c.article_id = a.id)) AS collaborations,
                         sum((SELECT count(*) FROM job_concerns j WHERE j.article_id = a.id)) AS job_concerns
                  FROM articles a GROUP BY {year}) y
            LEFT JOIN (SELECT year, sum(amount) AS saved
                       FROM (SELECT DISTINCT {year} AS year, m.amount, m.period FROM money_figures m
                             JOIN articles a ON a.id = m.article_id
                             WHERE m.kind = 'savings' AND m.currency = 'GBP') figures
                       GROUP BY year) s
            ON s.year = y.year OR (s.year IS NULL AND y.year IS NULL)""",
    }


OLD_STAGE_DATE = "the date of the stage: the article's publication date"
NEW_STAGE_DATE = "the date of the stage: the date its sentence states, else the article's publication date"


def stage_date_comment(new: str, old: str) -> None:
    """``collaborations.stage_date`` is now the date its sentence states where it states one (SQLite keeps no
    column comments)."""
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column(
            "collaborations", "stage_date", comment=new, existing_comment=old, existing_type=sa.Date(),
            existing_nullable=True,
        )


def upgrade() -> None:
    for name, sql in summaries(op.get_bind().dialect.name).items():
        op.execute(f"DROP VIEW IF EXISTS {name}")
        op.execute(f"CREATE VIEW {name} AS {sql}")
    stage_date_comment(NEW_STAGE_DATE, OLD_STAGE_DATE)


def downgrade() -> None:
    stage_date_comment(OLD_STAGE_DATE, NEW_STAGE_DATE)
    old = _views.views(op.get_bind().dialect.name)
    for name in summaries(op.get_bind().dialect.name):
        op.execute(f"DROP VIEW IF EXISTS {name}")
        op.execute(f"CREATE VIEW {name} AS {old[name]}")
