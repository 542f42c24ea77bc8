"""the other half of the phone: an attempt's direction (a returned call is inbound) and
wrap-up seconds, and the agent's state changes (ready, on call, wrap-up, paused)

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attempt", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("direction", sa.String(length=10), server_default="outbound", nullable=False)
        )
        batch_op.add_column(sa.Column("wrapup_s", sa.Integer(), nullable=True))
    op.create_table(
        "agent_state",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("agent_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.String(length=40), server_default="", nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["agent_id"], ["agent.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_agent_state_agent_started", "agent_state", ["agent_id", "started_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_agent_state_agent_started", table_name="agent_state")
    op.drop_table("agent_state")
    with op.batch_alter_table("attempt", schema=None) as batch_op:
        batch_op.drop_column("wrapup_s")
        batch_op.drop_column("direction")
