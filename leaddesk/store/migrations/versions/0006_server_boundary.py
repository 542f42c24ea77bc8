"""server boundary: operation ids per agent with a content digest, token devices and
expiry, the access audit

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    with op.batch_alter_table("agent_token", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("device", sa.String(length=80), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
    if postgres:
        op.drop_constraint("server_op_pkey", "server_op", type_="primary")
        op.add_column(
            "server_op",
            sa.Column("digest", sa.String(length=64), server_default="", nullable=False),
        )
        op.create_primary_key("server_op_pkey", "server_op", ["agent_id", "op_id"])
    else:
        # SQLite cannot change a primary key in place: copy into a new table.
        op.create_table(
            "_server_op_new",
            sa.Column("agent_id", sa.String(length=36), nullable=False),
            sa.Column("op_id", sa.String(length=36), nullable=False),
            sa.Column("kind", sa.String(length=40), nullable=False),
            sa.Column("status", sa.String(length=12), nullable=False),
            sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("digest", sa.String(length=64), server_default="", nullable=False),
            sa.PrimaryKeyConstraint("agent_id", "op_id"),
        )
        op.execute(
            "INSERT INTO _server_op_new (agent_id, op_id, kind, status, applied_at) "
            "SELECT agent_id, op_id, kind, status, applied_at FROM server_op"
        )
        op.drop_table("server_op")
        op.rename_table("_server_op_new", "server_op")
    op.create_table(
        "auth_audit",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("agent", sa.String(length=120), nullable=True),
        sa.Column("actor", sa.String(length=120), nullable=True),
        sa.Column("device", sa.String(length=80), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("auth_audit", schema=None) as batch_op:
        batch_op.create_index("ix_auth_audit_at", ["at"], unique=False)


def downgrade() -> None:
    op.drop_table("auth_audit")
    with op.batch_alter_table("agent_token", schema=None) as batch_op:
        batch_op.drop_column("expires_at")
        batch_op.drop_column("device")
