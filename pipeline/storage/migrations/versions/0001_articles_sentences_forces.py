"""Articles, their sources and sentences, the forces reference table and force mentions.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def article_fk() -> sa.Column:
    return sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
        comment="the article",
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True, comment="SHA-256 of the normalised text"),
        sa.Column("source_path", sa.Text, nullable=False, comment="where the article was first read from"),
        sa.Column("title", sa.Text, comment="the headline, or the start of the first line"),
        sa.Column("published_at", sa.Date, comment="publication date where known"),
        sa.Column("text", sa.Text, nullable=False, comment="normalised text; every offset points into it"),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False,
                  comment="when it was last extracted (UTC)"),
        sa.Column("pipeline_version", sa.String(64), nullable=False, comment="package version + models/ digest"),
        comment="One row per distinct article text (identified by its SHA-256).",
    )
    op.create_table(
        "article_sources",
        sa.Column("id", sa.Integer, primary_key=True),
        article_fk(),
        sa.Column("uri", sa.Text, nullable=False, unique=True, comment="absolute file path or URL"),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False, comment="when it was first read (UTC)"),
        comment="Every file path or URL an article was read from; one article may have several.",
    )
    op.create_index("ix_article_sources_article_id", "article_sources", ["article_id"])
    op.create_table(
        "sentences",
        sa.Column("id", sa.Integer, primary_key=True),
        article_fk(),
        sa.Column("idx", sa.Integer, nullable=False, comment="0-based position in the article"),
        sa.Column("start_char", sa.Integer, nullable=False, comment="offset of the first character in articles.text"),
        sa.Column("end_char", sa.Integer, nullable=False, comment="offset one past the last character"),
        sa.Column("text", sa.Text, nullable=False, comment="articles.text[start_char:end_char]"),
        sa.UniqueConstraint("article_id", "idx", name="uq_sentences_article_idx"),
        comment="Sentences of each article, with 0-based index and character offsets.",
    )
    op.create_index("ix_sentences_article_id", "sentences", ["article_id"])
    op.create_table(
        "forces",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(120), nullable=False, unique=True, comment="canonical (official) name"),
        sa.Column("kind", sa.String(32), nullable=False, comment="territorial, special, crown_dependency or former"),
        sa.Column("country", sa.String(64), nullable=False),
        sa.Column("note", sa.Text),
        comment="Reference table of UK police forces, seeded from models/forces.json.",
    )
    op.create_table(
        "force_mentions",
        sa.Column("id", sa.Integer, primary_key=True),
        article_fk(),
        sa.Column("sentence_id", sa.Integer, sa.ForeignKey("sentences.id", ondelete="CASCADE"), nullable=False,
                  comment="the source sentence"),
        sa.Column("force_id", sa.Integer, sa.ForeignKey("forces.id"), nullable=False, comment="the canonical force"),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False, comment="the words as written: 'Herts', 'the Met', ..."),
        comment="Each place an article names a police force, resolved to the canonical force.",
    )
    op.create_index("ix_force_mentions_article_id", "force_mentions", ["article_id"])
    op.create_index("ix_force_mentions_sentence_id", "force_mentions", ["sentence_id"])
    op.create_index("ix_force_mentions_force_id", "force_mentions", ["force_id"])
    op.create_index("ix_force_mentions_force_article", "force_mentions", ["force_id", "article_id"])


def downgrade() -> None:
    op.drop_table("force_mentions")
    op.drop_table("forces")
    op.drop_table("sentences")
    op.drop_table("article_sources")
    op.drop_table("articles")
