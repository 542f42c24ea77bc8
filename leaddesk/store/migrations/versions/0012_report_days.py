"""report days: leads per owner and arrival day (lead_fact, lead_day) and calls per agent
and day with their hours (call_day), kept by triggers, backfilled here, so that the team report
reads no per-lead or per-attempt rows for whole days

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from leaddesk.store import aggregates

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None

SETS = ("leads", "calls")


def upgrade() -> None:
    op.create_table(
        "lead_fact",
        sa.Column("lead_id", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("arrived_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("persist", sa.Integer(), nullable=False),
        sa.Column("first_call", sa.Integer(), nullable=False),
        sa.Column("retry_due", sa.Integer(), nullable=False),
        sa.Column("second", sa.Integer(), nullable=False),
        sa.Column("speed", sa.BigInteger(), nullable=True),
        sa.Column("bucket", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("lead_id"),
    )
    # The speed-to-lead ranks: leads with a speed only (an imported lead writes neither).
    op.create_index(
        "ix_lead_fact_owner_speed",
        "lead_fact",
        ["owner_id", "bucket", "speed", "arrived_at"],
        unique=False,
        sqlite_where=sa.text("speed IS NOT NULL"),
        postgresql_where=sa.text("speed IS NOT NULL"),
    )
    op.create_index(
        "ix_lead_fact_speed",
        "lead_fact",
        ["bucket", "speed", "arrived_at"],
        unique=False,
        sqlite_where=sa.text("speed IS NOT NULL"),
        postgresql_where=sa.text("speed IS NOT NULL"),
    )
    op.create_index("ix_lead_fact_arrived", "lead_fact", ["arrived_at"], unique=False)
    op.create_table(
        "lead_day",
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("persist", sa.Integer(), nullable=False),
        sa.Column("first_call", sa.Integer(), nullable=False),
        sa.Column("retry_due", sa.Integer(), nullable=False),
        sa.Column("second", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.Integer(), nullable=False),
        sa.Column("leads", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "owner_id", "persist", "first_call", "retry_due", "second", "bucket", "day"
        ),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "call_day",
        sa.Column("agent_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("reached", sa.Integer(), nullable=False),
        sa.Column("calls", sa.Integer(), nullable=False),
        sa.Column("talk_s", sa.BigInteger(), nullable=False),
        sa.Column("wrapup_s", sa.BigInteger(), nullable=False),
        sa.Column("handled", sa.Integer(), nullable=False),
        sa.Column("handled_talk_s", sa.BigInteger(), nullable=False),
        sa.Column("handled_wrapup_s", sa.BigInteger(), nullable=False),
        sa.Column("first_start", sa.BigInteger(), nullable=False),
        sa.Column("last_end", sa.BigInteger(), nullable=False),
        *(sa.Column(f"h{hour:02d}", sa.Integer(), nullable=False) for hour in range(24)),
        sa.PrimaryKeyConstraint("agent_id", "direction", "reached", "day"),
        sqlite_with_rowid=False,
    )
    dialect = op.get_bind().dialect.name
    # Backfilled before the triggers exist: one pass each, not a trigger per lead.
    aggregates.rebuild(op.execute, dialect, SETS)
    aggregates.create_triggers(op.execute, dialect, SETS)


def downgrade() -> None:
    aggregates.drop_triggers(op.execute, op.get_bind().dialect.name, SETS)
    op.drop_table("call_day")
    op.drop_table("lead_day")
    op.drop_index("ix_lead_fact_arrived", table_name="lead_fact")
    op.drop_index("ix_lead_fact_speed", table_name="lead_fact")
    op.drop_index("ix_lead_fact_owner_speed", table_name="lead_fact")
    op.drop_table("lead_fact")
