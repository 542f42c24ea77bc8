"""honest outcomes: manual attempts and the do-not-call audit

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

`attempt.manual` marks a call made outside LeadDesk and recorded after the fact (no
dial record). `dnc_audit` keeps who put a number on the do-not-call list or took it
off, when and why: a number taken off by mistake must be traceable.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attempt", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("manual", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.create_table(
        "dnc_audit",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("phone_e164", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("agent_id", sa.String(length=36), nullable=True),
        sa.Column("agent_name", sa.String(length=120), nullable=False, server_default=""),
        sa.Column("lead_id", sa.String(length=36), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("dnc_audit", schema=None) as batch_op:
        batch_op.create_index("ix_dnc_audit_phone", ["phone_e164", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("dnc_audit", schema=None) as batch_op:
        batch_op.drop_index("ix_dnc_audit_phone")
    op.drop_table("dnc_audit")
    with op.batch_alter_table("attempt", schema=None) as batch_op:
        batch_op.drop_column("manual")
