"""Agent state changes pushed by laptops (kind "agent_state"): append-only rows, stored
once by their id, logged for the agent's other laptops and for supervisors (never for
the laptop that pushed them), and read by the team's report
(`leaddesk.services.report`, over the server's database)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from leaddesk.server import changes
from leaddesk.server.bulk import insert_ignoring_duplicates
from leaddesk.store.models import AgentStateChange


def store_states(
    session: Session,
    agent_id: str,
    rows: Sequence[dict[str, Any]],
    now: datetime,
    device: str | None,
) -> int:
    """Insert the agent's new state changes (one already here, by id, is left as it
    is) and log them; returns how many were new."""
    if not rows:
        return 0
    unique = list({row["id"]: row for row in rows}.values())
    table = AgentStateChange.__table__
    inserted = set(
        session.scalars(
            insert_ignoring_duplicates(session, table).returning(table.c.id),
            unique,
        )
    )
    changes.record(
        session,
        [("agent_state", row["id"], agent_id) for row in unique if row["id"] in inserted],
        now,
        device,
    )
    return len(inserted)
