"""One correction per fact and version: two reviewers saving the same fact at once cannot both win.

The version check in ``record_correction`` reads before it writes; two transactions that read the same
version could otherwise both insert. The unique index makes the second insert fail, and the second
reviewer gets the conflict message.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("uq_corrections_fact_version", "corrections",
                    ["article_sha", "fact_kind", "start_char", "end_char", "version"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_corrections_fact_version", table_name="corrections")
