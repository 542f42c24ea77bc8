"""From a real call to the attempt on disk: the path the agent window takes.

start_dial records the pending attempt, baresip places the call, SIPp plays the lead's
phone, the call's summary pre-fills the outcome, the agent confirms, and the attempt
keeps the ringing and talk time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select

from leaddesk.dialer.baresip import BaresipDialer, SipAccount
from leaddesk.dialer.events import suggest_outcome
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.workspace import Workspace
from leaddesk.store import Store
from leaddesk.store.models import Attempt, Lead
from tests.integration import sip_fixtures
from tests.integration.sip_fixtures import LOOPBACK, Sipp, Updates, needs_baresip, needs_sipp

pytestmark = [needs_baresip, needs_sipp]
sipp = sip_fixtures.sipp
make_dialer = sip_fixtures.make_dialer
baresip_settings = sip_fixtures.baresip_settings

MakeDialer = Callable[..., tuple[BaresipDialer, Updates]]


def new_lead(store: Store, ws: Workspace, now: datetime) -> str:
    with store.transaction() as session:
        lead = Lead(
            first_name="Ada",
            last_name="Lovelace",
            phone_e164="+12125550100",  # New York: inside calling hours at the test's now
            arrived_at=now - timedelta(minutes=3),
            owner_id=ws.agent.id,
        )
        session.add(lead)
        session.flush()
        return lead.id


def the_attempt(store: Store, lead_id: str) -> tuple[str, str | None, int | None, int | None]:
    """(id, outcome, duration_s, ring_s) of the lead's one attempt."""
    query = select(Attempt.id, Attempt.outcome, Attempt.duration_s, Attempt.ring_s).where(
        Attempt.lead_id == lead_id
    )
    with store.session() as session:
        row = session.execute(query).one()
        return (row.id, row.outcome, row.duration_s, row.ring_s)


def test_busy_call_is_logged_as_busy_with_its_ringing_time(
    store: Store,
    workspace: Workspace,
    now: datetime,
    sipp: Callable[..., Sipp],
    make_dialer: MakeDialer,
) -> None:
    lead_id = new_lead(store, workspace, now)
    callee = sipp("busy")
    account = SipAccount("agent", LOOPBACK, register=False, dial_domain=f"{LOOPBACK}:{callee.port}")
    dialer, updates = make_dialer(account)
    outcomes = OutcomeService(workspace)

    pending = outcomes.start_dial(lead_id)
    assert pending.phone_e164 is not None
    dialer.dial(pending.phone_e164, pending.lead_id)
    summary = updates.summary()
    assert summary.lead_id == lead_id

    suggested = suggest_outcome(summary)
    assert suggested == "busy"
    logged = outcomes.log(
        lead_id, suggested, duration_s=summary.duration_s, ring_s=summary.ring_seconds
    )
    # The pending attempt, completed: not a second row.
    assert the_attempt(store, lead_id) == (pending.attempt_id, "busy", 0, 0)
    assert logged.attempt_id == pending.attempt_id
    assert outcomes.pending_dials() == []


def test_answered_call_keeps_its_talk_time_and_the_agents_choice(
    store: Store,
    workspace: Workspace,
    now: datetime,
    sipp: Callable[..., Sipp],
    make_dialer: MakeDialer,
) -> None:
    lead_id = new_lead(store, workspace, now)
    callee = sipp("answer_then_bye", "-d", "1600")
    account = SipAccount("agent", LOOPBACK, register=False, dial_domain=f"{LOOPBACK}:{callee.port}")
    dialer, updates = make_dialer(account)
    outcomes = OutcomeService(workspace)

    pending = outcomes.start_dial(lead_id)
    dialer.dial(pending.phone_e164 or "", lead_id)
    summary = updates.summary(timeout=6)
    # Short and answered: a person or a voicemail box; nothing is pre-filled, the agent
    # says what it was.
    assert suggest_outcome(summary) is None
    outcomes.log(
        lead_id,
        "voicemail_left",
        duration_s=summary.duration_s,
        ring_s=summary.ring_seconds,
    )
    _, outcome, duration_s, ring_s = the_attempt(store, lead_id)
    assert outcome == "voicemail_left"
    assert duration_s == summary.duration_s and duration_s in (1, 2, 3)
    assert ring_s == summary.ring_seconds and ring_s in (0, 1)
    assert callee.wait() == 0, callee.errors()
