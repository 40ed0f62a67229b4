"""The stage of each collaboration (proposed, agreed, operating, expanded or ended), also in
``collaborations_view``.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# the view helpers of revision 0004 (a module name that starts with a digit: imported by name)
_views = importlib.import_module("pipeline.storage.migrations.versions.0004_views_and_full_text_search")


def collaborations_view(dialect: str, *, stage: bool) -> str:
    forces = _views.force_list("collaboration_forces", "collaboration_id", "c.id", dialect)
    return f"""
        SELECT c.id AS collaboration_id, {_views.ARTICLE_COLUMNS}, c.name, c.type,{" c.stage," if stage else ""}
               {forces} AS forces,
               (SELECT count(*) FROM collaboration_forces cf WHERE cf.collaboration_id = c.id) AS force_count,
               {_views.SENTENCE_COLUMNS}, c.text AS evidence, c.start_char, c.end_char
        FROM collaborations c
        JOIN articles a ON a.id = c.article_id
        JOIN sentences s ON s.id = c.sentence_id"""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.execute("DROP VIEW IF EXISTS collaborations_view")
    with op.batch_alter_table("collaborations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("stage", sa.String(length=16), nullable=True, comment="proposed, agreed, operating, expanded or ended")
        )
    op.execute(f"CREATE VIEW collaborations_view AS {collaborations_view(dialect, stage=True)}")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.execute("DROP VIEW IF EXISTS collaborations_view")
    with op.batch_alter_table("collaborations", schema=None) as batch_op:
        batch_op.drop_column("stage")
    op.execute(f"CREATE VIEW collaborations_view AS {collaborations_view(dialect, stage=False)}")
