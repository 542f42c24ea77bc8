"""Leads made for the lead-response engine tests (call list, cadence, scripts, rapport)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Attempt, Lead

NY = "America/New_York"


def add_lead(ws: Workspace, arrived: datetime, **kw: Any) -> str:
    """A lead owned by the workspace's agent; New York number unless told otherwise."""
    values: dict[str, Any] = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "company": "Engines Ltd",
        "phone_e164": "+12125550100",
        "phone_type": "fixed_line_or_mobile",
        "country": "US",
        "time_zones": [NY],
        "arrived_at": arrived,
        "owner_id": ws.agent.id,
        "status": "new",
        "next_action_at": arrived,
        "next_channel": "phone",
    }
    values.update(kw)
    with ws.store.transaction() as session:
        lead = Lead(**values)
        session.add(lead)
        session.flush()
        return lead.id


def add_attempt(ws: Workspace, lead_id: str, at: datetime, outcome: str, **kw: Any) -> str:
    """A raw attempt row (history), without touching the lead's state."""
    with ws.store.transaction() as session:
        attempt = Attempt(
            lead_id=lead_id,
            agent_id=ws.agent.id,
            channel=kw.pop("channel", "phone"),
            outcome=outcome,
            started_at=at,
            ended_at=at,
            **kw,
        )
        session.add(attempt)
        session.flush()
        return attempt.id
