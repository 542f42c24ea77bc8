"""scale: failed authentications per address counted in the database (every server
process reads them); report aggregates per agent and day and per lead, kept by triggers
on attempt, backfilled here

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from leaddesk.store import aggregates

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_auth_audit_client_at", "auth_audit", ["client", "at"], unique=False)
    op.create_table(
        "attempt_day",
        sa.Column("agent_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("outcome", sa.String(length=30), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("words_sum", sa.Integer(), nullable=False),
        sa.Column("words_count", sa.Integer(), nullable=False),
        sa.Column("outside", sa.Integer(), nullable=False),
        sa.Column("words_max", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("agent_id", "day", "channel", "outcome"),
    )
    op.create_index("ix_attempt_day_day", "attempt_day", ["day"], unique=False)
    op.create_table(
        "lead_summary",
        sa.Column("lead_id", sa.String(length=36), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("first_call", sa.Integer(), nullable=False),
        sa.Column("retry_due", sa.Integer(), nullable=False),
        sa.Column("reached_k", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("lead_id"),
    )
    # Returned calls (0009's direction), read apart from attempt_day in the report.
    op.create_index(
        "ix_attempt_inbound",
        "attempt",
        ["started_at"],
        unique=False,
        sqlite_where=sa.text("direction = 'inbound'"),
        postgresql_where=sa.text("direction = 'inbound'"),
    )
    dialect = op.get_bind().dialect.name
    # Only the aggregates of this revision: later ones make their own tables.
    aggregates.create_triggers(op.execute, dialect, ("days",))
    aggregates.rebuild(op.execute, dialect, ("days",))


def downgrade() -> None:
    aggregates.drop_triggers(op.execute, op.get_bind().dialect.name, ("days",))
    op.drop_index("ix_attempt_inbound", table_name="attempt")
    op.drop_table("lead_summary")
    op.drop_index("ix_attempt_day_day", table_name="attempt_day")
    op.drop_table("attempt_day")
    op.drop_index("ix_auth_audit_client_at", table_name="auth_audit")
