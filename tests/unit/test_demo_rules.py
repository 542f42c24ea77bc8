"""The demo works its leads as an agent under the rules would: every demo call was made
at a moment the lead's calling rules allow, and the demo shows leads the rules block."""

from __future__ import annotations

from datetime import datetime

from leaddesk.domain.jurisdictions import LeadPlace, state_for
from leaddesk.services.calllist import CallListService
from leaddesk.services.rules import default_rules
from leaddesk.services.workspace import Workspace
from leaddesk.store.engine import Store
from leaddesk.store.models import Agent, Attempt, Lead


def test_every_demo_call_keeps_the_leads_rules(demo_store: Store, now: datetime) -> None:
    rules = default_rules()
    checked = 0
    with demo_store.session() as session:
        rows = session.query(Attempt, Lead).join(Lead, Lead.id == Attempt.lead_id)
        for attempt, lead in rows.filter(Attempt.channel == "phone"):
            place = LeadPlace(tuple(lead.time_zones), tuple(lead.jurisdictions), lead.consent_basis)
            assert state_for(rules, place, attempt.started_at).open, (
                lead.state,
                lead.country,
                attempt.started_at,
            )
            assert not attempt.outside_rules
            checked += 1
    assert checked > 100


def test_the_demo_list_shows_a_lead_blocked_by_a_named_law(
    demo_store: Store, now: datetime
) -> None:
    with demo_store.session() as session:
        agent = session.query(Agent).filter(Agent.is_supervisor.is_(False)).first()
        assert agent is not None
        name = agent.name
    ws = Workspace.open(demo_store, name)
    entries = CallListService(ws).page(0, 1000)
    blocked = [e for e in entries if e.blocked_by is not None]
    assert blocked, "the demo should show the rules at work"
    assert all(e.blocked_by.source or e.blocked_by.jurisdiction == "team" for e in blocked)
