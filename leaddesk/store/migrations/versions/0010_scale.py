"""scale: failed authentications per address counted in the database (every server
process reads them)

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-04
"""

from alembic import op

revision = "0010"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_auth_audit_client_at", "auth_audit", ["client", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_auth_audit_client_at", table_name="auth_audit")
