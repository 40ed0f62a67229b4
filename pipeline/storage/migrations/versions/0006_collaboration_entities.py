"""Collaboration entities across articles: ``collaboration_entities`` and their forces, each
collaboration mention's ``entity_id`` and ``stage_date``, and views per entity (timeline,
functions, money).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_views = importlib.import_module("pipeline.storage.migrations.versions.0004_views_and_full_text_search")
_stage = importlib.import_module("pipeline.storage.migrations.versions.0005_collaboration_stage")

ENTITY = "e.id AS entity_id, e.entity_key, e.name AS entity_name"
STAGE_DATE = "coalesce(c.stage_date, a.published_at)"


def collaborations_view(dialect: str) -> str:
    forces = _views.force_list("collaboration_forces", "collaboration_id", "c.id", dialect)
    return f"""
        SELECT c.id AS collaboration_id, {_views.ARTICLE_COLUMNS}, c.name, c.type, c.stage,
               {STAGE_DATE} AS stage_date, e.entity_key, {forces} AS forces,
               (SELECT count(*) FROM collaboration_forces cf WHERE cf.collaboration_id = c.id) AS force_count,
               {_views.SENTENCE_COLUMNS}, c.text AS evidence, c.start_char, c.end_char
        FROM collaborations c
        JOIN articles a ON a.id = c.article_id
        JOIN sentences s ON s.id = c.sentence_id
        LEFT JOIN collaboration_entities e ON e.id = c.entity_id"""


def views(dialect: str) -> dict[str, str]:
    entity_forces = _views.force_list("collaboration_entity_forces", "entity_id", "e.id", dialect)
    return {
        "collaboration_entities_view": f"""
            SELECT {ENTITY}, e.family, {entity_forces} AS forces,
                   (SELECT count(*) FROM collaborations c WHERE c.entity_id = e.id) AS mentions,
                   (SELECT count(DISTINCT c.article_id) FROM collaborations c WHERE c.entity_id = e.id) AS articles,
                   (SELECT min({STAGE_DATE}) FROM collaborations c JOIN articles a ON a.id = c.article_id
                    WHERE c.entity_id = e.id) AS first_seen,
                   (SELECT max({STAGE_DATE}) FROM collaborations c JOIN articles a ON a.id = c.article_id
                    WHERE c.entity_id = e.id) AS last_seen
            FROM collaboration_entities e""",
        "collaboration_timeline": f"""
            SELECT {ENTITY}, {STAGE_DATE} AS stage_date, c.stage, c.id AS collaboration_id, c.name, c.type,
                   {_views.ARTICLE_COLUMNS}, {_views.SENTENCE_COLUMNS}, c.text AS evidence
            FROM collaborations c
            JOIN collaboration_entities e ON e.id = c.entity_id
            JOIN articles a ON a.id = c.article_id
            JOIN sentences s ON s.id = c.sentence_id""",
        "collaboration_entity_functions": f"""
            SELECT {ENTITY}, fn.label AS function, fm.status, count(DISTINCT fm.article_id) AS articles,
                   min({STAGE_DATE}) AS first_seen, max({STAGE_DATE}) AS last_seen
            FROM function_mentions fm
            JOIN functions fn ON fn.id = fm.function_id
            JOIN collaborations c ON c.id = fm.collaboration_id
            JOIN collaboration_entities e ON e.id = c.entity_id
            JOIN articles a ON a.id = fm.article_id
            GROUP BY e.id, e.entity_key, e.name, fn.label, fm.status""",
        "collaboration_entity_money": f"""
            SELECT {ENTITY}, m.id AS money_figure_id, {_views.ARTICLE_COLUMNS}, m.amount, m.amount_high,
                   m.currency, m.kind, m.hedged, m.period, {_views.SENTENCE_COLUMNS}, m.text AS evidence
            FROM money_figures m
            JOIN collaborations c ON c.id = m.collaboration_id
            JOIN collaboration_entities e ON e.id = c.entity_id
            JOIN articles a ON a.id = m.article_id
            JOIN sentences s ON s.id = m.sentence_id""",
    }


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "collaboration_entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_key", sa.String(length=200), nullable=False,
                  comment="stable kebab-case key, e.g. merger-cumbria-lancashire"),
        sa.Column("name", sa.Text(), nullable=True, comment="the distinctive name as most often written, where it has one"),
        sa.Column("family", sa.String(length=16), nullable=False, comment="merger (into one force) or collaboration"),
        sa.Column("force_signature", sa.Text(), nullable=False, comment="its forces, '; '-separated, in name order"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entity_key"),
        comment="One collaboration across articles: the mentions of the same forces and name (storage/entities.py).",
    )
    with op.batch_alter_table("collaboration_entities", schema=None) as batch_op:
        batch_op.create_index("ix_collaboration_entities_group", ["family", "force_signature"], unique=False)
    op.create_table(
        "collaboration_entity_forces",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("force_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["collaboration_entities.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["force_id"], ["forces.id"]),
        sa.PrimaryKeyConstraint("entity_id", "force_id"),
        comment="The forces of each collaboration entity.",
    )
    with op.batch_alter_table("collaboration_entity_forces", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_collaboration_entity_forces_force_id"), ["force_id"], unique=False)
    # SQLite rebuilds the table in batch mode: the views that read it go first and come back after
    older = _views.views(dialect)
    for name in older:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    with op.batch_alter_table("collaborations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("entity_id", sa.Integer(), nullable=True,
                                      comment="the collaboration entity this mention resolves to (across articles)"))
        batch_op.add_column(sa.Column("stage_date", sa.Date(), nullable=True,
                                      comment="the date of the stage: the article's publication date"))
        batch_op.create_index(batch_op.f("ix_collaborations_entity_id"), ["entity_id"], unique=False)
        batch_op.create_foreign_key("fk_collaborations_entity_id", "collaboration_entities", ["entity_id"], ["id"],
                                    ondelete="SET NULL")
    for name, sql in older.items():
        body = collaborations_view(dialect) if name == "collaborations_view" else sql
        op.execute(f"CREATE VIEW {name} AS {body}")
    for name, sql in views(dialect).items():
        op.execute(f"CREATE VIEW {name} AS {sql}")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in reversed(list(views(dialect))):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    older = _views.views(dialect)
    for name in older:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    with op.batch_alter_table("collaborations", schema=None) as batch_op:
        batch_op.drop_constraint("fk_collaborations_entity_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_collaborations_entity_id"))
        batch_op.drop_column("stage_date")
        batch_op.drop_column("entity_id")
    for name, sql in older.items():
        body = _stage.collaborations_view(dialect, stage=True) if name == "collaborations_view" else sql
        op.execute(f"CREATE VIEW {name} AS {body}")
    with op.batch_alter_table("collaboration_entity_forces", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_collaboration_entity_forces_force_id"))
    op.drop_table("collaboration_entity_forces")
    with op.batch_alter_table("collaboration_entities", schema=None) as batch_op:
        batch_op.drop_index("ix_collaboration_entities_group")
    op.drop_table("collaboration_entities")
