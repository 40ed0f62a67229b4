"""Each file source records its size and modification time when last read, so that a run over unchanged
files of current articles reads none of them again (as make and git do): re-ingest costs a ``stat``
and one query per file.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("article_sources", sa.Column(
        "size", sa.BigInteger(), nullable=True,
        comment="a file's size in bytes when last read (null for a URL or a feed's item)",
    ))
    op.add_column("article_sources", sa.Column(
        "mtime_ns", sa.BigInteger(), nullable=True,
        comment="a file's modification time when last read (ns since 1970); with size, an unchanged "
        "file of a current article is not read again",
    ))


def downgrade() -> None:
    with op.batch_alter_table("article_sources") as batch:
        batch.drop_column("mtime_ns")
        batch.drop_column("size")
