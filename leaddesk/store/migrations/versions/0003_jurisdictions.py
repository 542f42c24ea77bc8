"""calling rules by jurisdiction: a lead's jurisdictions and consent basis, and the
attempts made outside the rules

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04

Existing leads get their jurisdictions from their number and address here, as new ones
do when they are written.
"""

import sqlalchemy as sa
from alembic import op

from leaddesk.domain.jurisdictions import lead_jurisdictions

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("jurisdictions", sa.JSON(), server_default="[]", nullable=False)
        )
        batch_op.add_column(
            sa.Column("consent_basis", sa.String(length=20), server_default="none", nullable=False)
        )
        batch_op.add_column(
            sa.Column("consent_source", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("attempt", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("outside_rules", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    bind = op.get_bind()
    lead = sa.table(
        "lead",
        sa.column("id", sa.String),
        sa.column("phone_e164", sa.String),
        sa.column("country", sa.String),
        sa.column("state", sa.String),
        sa.column("jurisdictions", sa.JSON),
    )
    rows = bind.execute(sa.select(lead.c.id, lead.c.phone_e164, lead.c.country, lead.c.state))
    by_place: dict[tuple[str | None, str, str], list[str]] = {}
    for lead_id, e164, country, state in rows:
        by_place.setdefault((e164, country or "", state or ""), []).append(lead_id)
    for (e164, country, state), ids in by_place.items():
        codes = list(lead_jurisdictions(e164, country, state))
        if codes:
            bind.execute(lead.update().where(lead.c.id.in_(ids)).values(jurisdictions=codes))


def downgrade() -> None:
    with op.batch_alter_table("attempt", schema=None) as batch_op:
        batch_op.drop_column("outside_rules")
    with op.batch_alter_table("lead", schema=None) as batch_op:
        batch_op.drop_column("consent_at")
        batch_op.drop_column("consent_source")
        batch_op.drop_column("consent_basis")
        batch_op.drop_column("jurisdictions")
