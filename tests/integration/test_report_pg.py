"""The report's SQL on PostgreSQL (the team server's database) agrees with the domain."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, timedelta

import pytest

from leaddesk.domain.clock import fixed_clock
from leaddesk.domain.metrics import Period, compute
from leaddesk.services.report import ReportService
from leaddesk.services.review import HistoryFilter, ReviewService
from leaddesk.services.shift import ShiftService
from leaddesk.services.workspace import Workspace, agent_info
from leaddesk.store import Store
from leaddesk.store.migrate import open_url
from leaddesk.store.models import Agent
from tests.unit.metrics_fixture import A1, ATTEMPTS, LEADS, PERIOD, T0, UNTIL, store_facts

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    import psycopg

    name = f"leaddesk_report_{uuid.uuid4().hex[:10]}"
    admin = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    store = open_url(f"{pg_url.rsplit('/', 1)[0]}/{name}")
    try:
        store_facts(store, LEADS, ATTEMPTS)
        yield store
    finally:
        store.close()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_reports_on_postgresql_match_the_definitions(pg_store: Store) -> None:
    service = ReportService(pg_store, fixed_clock(UNTIL))
    for period in (PERIOD, Period(None, UNTIL)):
        team = service.team_report(period)
        assert team.team.measures == compute(LEADS, ATTEMPTS, period)
        one = service.agent_report(period, "agent.one")
        mine = [lead for lead in LEADS if lead.owner_id == A1]
        assert one.measures == compute(mine, ATTEMPTS, period, A1)


def test_review_and_shift_queries_run_on_postgresql(pg_store: Store) -> None:
    review = ReviewService(pg_store, fixed_clock(UNTIL))
    f = HistoryFilter(PERIOD, A1, search="lead")
    assert (
        review.history_count(f) == len(review.history_page(f, None, 500)) == 12
    )  # with the pending dial
    lists = {c.key: c.total for c in review.coaching(PERIOD, A1)}
    assert lists["never_contacted"] == 1
    assert lists["voicemail_no_message"] == 1
    assert sum(d.total for d in review.activity_by_day(PERIOD, A1)) == 11
    assert sum(h.calls for h in review.contact_by_local_hour(PERIOD, A1)) == 0  # no zones
    with pg_store.session() as session:
        agent = agent_info(session.get(Agent, A1))
    ws = Workspace(pg_store, agent, fixed_clock(T0 + timedelta(hours=3)))
    stats = ShiftService(ws, UTC).today()
    # Calls on Nov 2: L1, L2, L5 (the correction), L6, L7, L9, L10; L2 and L5 connected.
    assert (stats.dials, stats.connects, stats.never_contacted) == (7, 2, 1)
    # First touches that day: 0, 30, 60, 120 | 600, 3600, 7200 s and L9's 13 days.
    assert stats.speed_to_lead_median_s == 360
