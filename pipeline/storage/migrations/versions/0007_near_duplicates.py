"""Near-duplicate articles: ``article_signatures`` (a MinHash per article), ``near_duplicates`` (pairs
telling the same story) and the view ``article_stories`` (each article's story).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# An article's story is the lowest id among itself and the articles it was found to repeat or be repeated by.
ARTICLE_STORIES = """
    SELECT a.id AS article_id,
           coalesce((SELECT min(other) FROM (
               SELECT d.other_id AS other FROM near_duplicates d WHERE d.article_id = a.id
               UNION SELECT d.article_id FROM near_duplicates d WHERE d.other_id = a.id) AS linked
               WHERE other < a.id), a.id) AS story_id,
           a.title, a.published_at
    FROM articles a"""


def upgrade() -> None:
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False,
                  comment="datasketch MinHash hash values, little-endian uint64"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id"),
        comment="A MinHash of each article's word 5-grams, to find the same story told twice.",
    )
    op.create_table(
        "near_duplicates",
        sa.Column("article_id", sa.Integer(), nullable=False, comment="the later stored article of the pair"),
        sa.Column("other_id", sa.Integer(), nullable=False, comment="the earlier stored article of the pair"),
        sa.Column("similarity", sa.Float(), nullable=False, comment="estimated Jaccard similarity, 0 to 1"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["other_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "other_id"),
        comment="Pairs of articles that tell the same story (estimated Jaccard similarity).",
    )
    with op.batch_alter_table("near_duplicates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_near_duplicates_other_id"), ["other_id"], unique=False)
    op.execute(f"CREATE VIEW article_stories AS {ARTICLE_STORIES}")


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS article_stories")
    with op.batch_alter_table("near_duplicates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_near_duplicates_other_id"))
    op.drop_table("near_duplicates")
    op.drop_table("article_signatures")
