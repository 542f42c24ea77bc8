"""history follows the lead: the device a change-log row came from

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-04

Attempts and rapport notes are logged for pulls too; `device_id` names the laptop that
pushed them, so that laptop is not sent back what it already has.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("device_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_column("device_id")
