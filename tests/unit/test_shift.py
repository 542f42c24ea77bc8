"""The shift bar's figures: today's dials, connects, voicemails, never contacted, speed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from leaddesk.domain.clock import fixed_clock
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.shift import ShiftService, local_day_start
from leaddesk.services.workspace import Workspace
from leaddesk.store import Store
from leaddesk.store.models import Attempt, Lead


def _lead(store: Store, ws: Workspace, arrived: datetime, **kw: object) -> str:
    with store.transaction() as session:
        lead = Lead(
            first_name="Ada",
            phone_e164="+12125550100",
            arrived_at=arrived,
            owner_id=ws.agent.id,
            **kw,
        )
        session.add(lead)
        session.flush()
        return lead.id


def test_empty_database_gives_zeros(workspace: Workspace) -> None:
    stats = ShiftService(workspace, UTC).today()
    assert (stats.dials, stats.connects, stats.voicemails_left, stats.never_contacted) == (
        0,
        0,
        0,
        0,
    )
    assert stats.speed_to_lead_median_s is None
    assert stats.contact_rate is None


def test_today_counts_only_todays_logged_calls(store: Store, now: datetime) -> None:
    ws = Workspace.open(store, "test.agent", fixed_clock(now))
    service = OutcomeService(ws)
    old = _lead(store, ws, now - timedelta(days=3))
    fresh = _lead(store, ws, now - timedelta(minutes=10))
    other = _lead(store, ws, now - timedelta(hours=2))
    _lead(store, ws, now - timedelta(hours=1))  # never contacted
    service.log(old, "no_answer", at=now - timedelta(days=2))  # yesterday: not counted
    service.log(old, "voicemail_left", at=now - timedelta(hours=3))
    service.log(fresh, "connected", at=now - timedelta(minutes=4))  # 6 min after arrival
    service.log(other, "email_sent", at=now - timedelta(hours=1))  # 1 h after arrival
    service.start_dial(other)  # in progress: not a dial yet

    stats = ShiftService(ws, UTC).today()
    assert stats.dials == 2
    assert stats.connects == 1
    assert stats.voicemails_left == 1
    assert stats.contact_rate == 0.5
    assert stats.never_contacted == 1
    # First touches today: fresh (360 s) and other (3600 s); old was first touched before.
    assert stats.speed_to_lead_median_s == (360 + 3600) / 2


def test_a_corrected_attempt_counts_once(store: Store, now: datetime) -> None:
    ws = Workspace.open(store, "test.agent", fixed_clock(now))
    lead = _lead(store, ws, now - timedelta(hours=5))
    logged = OutcomeService(ws).log(lead, "no_answer", at=now - timedelta(hours=1))
    with store.transaction() as session:
        session.add(
            Attempt(
                lead_id=lead,
                agent_id=ws.agent.id,
                channel="phone",
                outcome="connected",
                started_at=now - timedelta(hours=1),
                supersedes_id=logged.attempt_id,
            )
        )
    stats = ShiftService(ws, UTC).today()
    assert (stats.dials, stats.connects) == (1, 1)


def test_today_is_the_agents_local_day() -> None:
    at = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)  # 22:00 on the 26th in New York
    start = local_day_start(at, ZoneInfo("America/New_York"))
    assert start == datetime(2026, 11, 26, 5, 0, tzinfo=UTC)
    assert local_day_start(at, UTC) == datetime(2026, 11, 27, tzinfo=UTC)
