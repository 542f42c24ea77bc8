"""call rank: the call list's maintained priority key per listed lead, kept by triggers
on lead and dnc_number, backfilled here

Revision ID: 0011
Revises: 0012
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from leaddesk.store import call_rank

revision = "0011"
down_revision = "0012"
branch_labels = None
depends_on = None

WALK = ["owner_id", "grp", "voice", "next_at", "lead_id", "attempts", "place"]
NEW = ["owner_id", "grp", "voice", "arrived_at", "lead_id", "attempts", "place"]
PLACE = ["owner_id", "place", "grp", "voice", "next_at", "attempts"]


def upgrade() -> None:
    op.create_table(
        "call_rank",
        sa.Column("lead_id", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("grp", sa.Integer(), nullable=False),
        sa.Column("voice", sa.Integer(), nullable=False),
        sa.Column("next_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("arrived_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("lead_id"),
    )
    dialect = op.get_bind().dialect.name
    call_rank.create_triggers(op.execute, dialect)
    call_rank.rebuild(op.execute, dialect)
    # Indexes after the backfill: built once, sorted, rather than row by row.
    op.create_index("ix_call_rank_walk", "call_rank", WALK, unique=False)
    op.create_index(
        "ix_call_rank_new",
        "call_rank",
        NEW,
        unique=False,
        sqlite_where=sa.text("grp = 1"),
        postgresql_where=sa.text("grp = 1"),
    )
    op.create_index("ix_call_rank_place", "call_rank", PLACE)
    if dialect == "sqlite":
        op.execute("ANALYZE call_rank")


def downgrade() -> None:
    call_rank.drop_triggers(op.execute, op.get_bind().dialect.name)
    op.drop_index("ix_call_rank_place", table_name="call_rank")
    op.drop_index("ix_call_rank_new", table_name="call_rank")
    op.drop_index("ix_call_rank_walk", table_name="call_rank")
    op.drop_table("call_rank")
