"""Analyst corrections and reviewed articles (the review window, issue 15).

Corrections reference the article's SHA-256 and the fact's kind and offsets, never fact row ids, so
re-extraction (which deletes and rewrites the facts) keeps them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("article_sha", sa.String(64), nullable=False, comment="articles.sha256 of the article"),
        sa.Column("fact_kind", sa.String(32), nullable=False,
                  comment="force, official, money, function, job_concern or collaboration"),
        sa.Column("start_char", sa.Integer(), nullable=False, comment="offset of the fact's evidence in articles.text"),
        sa.Column("end_char", sa.Integer(), nullable=False, comment="offset one past the evidence"),
        sa.Column("action", sa.String(16), nullable=False, comment="accept, reject, correct or add"),
        sa.Column("field", sa.String(64), nullable=True, comment="the corrected attribute (correct only)"),
        sa.Column("old_value", sa.Text(), nullable=True, comment="JSON: the value before the correction"),
        sa.Column("new_value", sa.Text(), nullable=True, comment="JSON: the corrected value, or the added fact"),
        sa.Column("reviewer", sa.String(120), nullable=True, comment="who made it, where known"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, comment="when it was made (UTC)"),
        sa.Column("version", sa.Integer(), nullable=False,
                  comment="the fact's version after this correction (1, 2, ...): optimistic concurrency"),
        comment="Analyst corrections (accept, reject, correct, add), applied in every export.",
    )
    op.create_index("ix_corrections_fact", "corrections", ["article_sha", "fact_kind", "start_char", "end_char"])
    op.create_table(
        "reviewed_articles",
        sa.Column("article_sha", sa.String(64), primary_key=True, comment="articles.sha256 of the article"),
        sa.Column("reviewer", sa.String(120), nullable=True, comment="who reviewed it last, where known"),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False, comment="when it was last reviewed (UTC)"),
        comment="Articles an analyst has reviewed; the gold export writes one file for each.",
    )


def downgrade() -> None:
    op.drop_table("reviewed_articles")
    op.drop_index("ix_corrections_fact", table_name="corrections")
    op.drop_table("corrections")
