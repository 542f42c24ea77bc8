"""The SQL report agrees with the domain's definitions of the measures."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from leaddesk.domain.clock import fixed_clock
from leaddesk.domain.metrics import AttemptFact, LeadFact, Period, compute
from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.services.errors import NotFound, UserError
from leaddesk.services.report import ReportService
from leaddesk.store import Store
from leaddesk.store.models import Agent, Attempt, Lead
from tests.unit.metrics_fixture import (
    A1,
    A2,
    ATTEMPTS,
    LEADS,
    PERIOD,
    SINCE,
    T0,
    UNTIL,
    aid,
    lid,
    store_facts,
)


@pytest.fixture
def service(store: Store) -> ReportService:
    store_facts(store, LEADS, ATTEMPTS)
    return ReportService(store, fixed_clock(UNTIL + timedelta(days=30)))


def test_agent_report_matches_the_definitions(service: ReportService) -> None:
    report = service.agent_report(PERIOD, "agent.one")
    assert report.measures == compute(LEADS, ATTEMPTS, PERIOD, A1)
    assert report.measures.speed_to_lead_median_s == 120


def test_team_report_matches_the_definitions(service: ReportService) -> None:
    report = service.team_report(PERIOD)
    assert report.team.measures == compute(LEADS, ATTEMPTS, PERIOD)
    by_name = {a.agent: a for a in report.agents}
    assert set(by_name) == {"agent.one", "agent.two"}
    assert by_name["agent.one"].measures == compute(LEADS, ATTEMPTS, PERIOD, A1)
    two = by_name["agent.two"].measures
    assert (two.leads, two.attempts, two.outcomes) == (0, 1, {"voicemail_left": 1})


def test_open_period_covers_all_history(service: ReportService) -> None:
    period = service.period(None, UNTIL)
    report = service.agent_report(period, "agent.one")
    assert report.measures == compute(LEADS, ATTEMPTS, Period(None, UNTIL), A1)
    assert report.measures.leads == 9


def test_period_defaults_to_now_and_refuses_an_empty_one(service: ReportService) -> None:
    assert service.period().until == UNTIL + timedelta(days=30)
    with pytest.raises(UserError, match="is empty: --since must come before --until"):
        service.period(UNTIL, SINCE)


def test_unknown_agent_is_a_clear_error(service: ReportService) -> None:
    with pytest.raises(NotFound, match="no agent named 'nobody'"):
        service.agent_report(PERIOD, "nobody")


def test_json_has_the_contract_fields(service: ReportService) -> None:
    doc = service.agent_report(PERIOD, "agent.one").to_json()
    assert doc["agent"] == "agent.one"
    assert doc["leads"] == 8
    assert doc["never_contacted_pct"] == 12.5
    assert doc["contact_rate"] == 0.3333
    assert doc["speed_to_lead_p90_s"] == 7200
    assert doc["median_attempts"] == 1
    assert doc["channels"] == {"email": 1, "phone": 9, "sms": 1}


# -- random histories: SQL and the domain must agree on every one ------------------------

CODES = sorted(OUTCOMES)


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[LeadFact], list[AttemptFact]]:
    n_leads = draw(st.integers(0, 8))
    leads = [
        LeadFact(
            lid(i),
            T0 + timedelta(hours=draw(st.integers(-24 * 10, 24 * 10))),
            draw(st.sampled_from([A1, A1, A2, None])),
        )
        for i in range(n_leads)
    ]
    attempts: list[AttemptFact] = []
    for i in range(draw(st.integers(0, 25)) if leads else 0):
        lead = draw(st.sampled_from(leads))
        outcome = draw(st.sampled_from([*CODES, None]))
        channel = "phone"
        if outcome is not None:
            channel = sorted(c.value for c in OUTCOMES[outcome].channels)[0]
        supersedes = None
        if attempts and draw(st.integers(0, 5)) == 0:
            supersedes = draw(st.sampled_from(attempts)).id
        attempts.append(
            AttemptFact(
                aid(i),
                lead.id,
                channel,
                outcome,
                lead.arrived_at + timedelta(minutes=draw(st.integers(-30, 60 * 24 * 8))),
                draw(st.sampled_from([A1, A2])),
                draw(st.sampled_from([None, 40, 75])) if outcome == "voicemail_left" else None,
                supersedes,
            )
        )
    return leads, attempts


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(histories(), st.sampled_from([None, SINCE]))
def test_sql_and_domain_agree_on_random_histories(
    store: Store, history: tuple[list[LeadFact], list[AttemptFact]], since: datetime | None
) -> None:
    leads, attempts = history
    with store.transaction() as session:
        for model in (Attempt, Lead, Agent):
            session.execute(delete(model))
    store_facts(store, leads, attempts)
    service = ReportService(store, fixed_clock(UNTIL))
    period = Period(since, UNTIL)
    team = service.team_report(period)
    assert team.team.measures == compute(leads, attempts, period)
    for report in team.agents:
        mine = [lead for lead in leads if lead.owner_id == report.agent_id]
        assert report.measures == compute(mine, attempts, period, report.agent_id)
    one = service.agent_report(period, "agent.one")
    assert one.measures == compute([x for x in leads if x.owner_id == A1], attempts, period, A1)
