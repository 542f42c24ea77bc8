"""imports keep what a file says: salutation, unmapped columns, shared numbers, owner aliases

Revision ID: 0005
Revises: 0008
Create Date: 2026-12-04

Additive: three lead columns with server defaults and the owner_alias table (what a
lead file writes in its owner column, mapped to an agent).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("salutation", sa.String(length=20), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("extra", sa.JSON(), server_default="{}", nullable=False))
        batch_op.add_column(
            sa.Column("shared_number", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.create_table(
        "owner_alias",
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("agent_id", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["agent_id"], ["agent.id"]),
        sa.PrimaryKeyConstraint("source", "key"),
    )


def downgrade() -> None:
    op.drop_table("owner_alias")
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.drop_column("shared_number")
        batch_op.drop_column("extra")
        batch_op.drop_column("salutation")
