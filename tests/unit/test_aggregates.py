"""The report aggregates the database keeps (leaddesk.store.aggregates) are exactly what
the attempts say, whatever happened to the attempts and in whatever order: new ones,
dials wrapped up, corrections, deletions; and a report read from them is the report
computed from the raw attempts, for any period."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, text, update

from leaddesk.domain.clock import fixed_clock
from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.services.report import ReportService
from leaddesk.store import Store, aggregates
from leaddesk.store.models import (
    Agent,
    Attempt,
    AttemptDay,
    CallDay,
    Lead,
    LeadDay,
    LeadFact,
    LeadSummary,
)
from tests.unit.metrics_fixture import A1, A2, T0, UNTIL, lid

CODES = sorted(OUTCOMES)
LEADS = 5


def _channel(outcome: str | None) -> str:
    if outcome is None:
        return "phone"
    return sorted(c.value for c in OUTCOMES[outcome].channels)[0]


# One step of a history: ("new", lead, agent, outcome, minutes, words, outside, direction,
# (ring, talk, wrap-up)), ("wrap", k, outcome), ("correct", k, outcome), ("delete", k),
# ("talk", k, (ring, talk, wrap-up)), k picking an earlier attempt, or ("lead", lead,
# owner, minutes, deleted): a lead moved to another owner, arrival or deleted.
times = st.tuples(
    st.sampled_from([None, 0, 12]),
    st.sampled_from([None, 0, 45, 3600]),
    st.sampled_from([None, 0, 20]),
)
steps = st.lists(
    st.one_of(
        st.tuples(
            st.just("new"),
            st.integers(0, LEADS - 1),
            st.sampled_from([A1, A2]),
            st.sampled_from([*CODES, None]),
            # Often within the same hours: calls that share a group.
            st.one_of(st.integers(0, 90), st.integers(-60 * 24, 60 * 24 * 6)),
            st.sampled_from([None, 40, 75]),
            st.booleans(),
            # Returned calls: the aggregates do not split them, the report must.
            st.sampled_from(["outbound", "outbound", "inbound"]),
            times,
        ),
        st.tuples(st.just("wrap"), st.integers(0, 1000), st.sampled_from(CODES)),
        st.tuples(st.just("correct"), st.integers(0, 1000), st.sampled_from([*CODES, None])),
        st.tuples(st.just("delete"), st.integers(0, 1000)),
        st.tuples(st.just("talk"), st.integers(0, 1000), times),
        st.tuples(
            st.just("lead"),
            st.integers(0, LEADS - 1),
            st.sampled_from([A1, A2, None]),
            st.integers(-60 * 24 * 2, 60 * 24 * 3),
            st.booleans(),
        ),
    ),
    max_size=30,
)
instants = st.integers(-60 * 24 * 2, 60 * 24 * 8).map(lambda m: T0 + timedelta(minutes=m))


def _setup(store: Store) -> None:
    with store.transaction() as session:
        for model in (Attempt, Lead, Agent):
            session.execute(delete(model))
        session.add_all([Agent(id=A1, name="agent.one"), Agent(id=A2, name="agent.two")])
        session.flush()
        for i in range(LEADS):
            owner = [A1, A2, None][i % 3]
            session.add(Lead(id=lid(i), first_name=f"L{i}", arrived_at=T0, owner_id=owner))


def _play(store: Store, history: list[tuple[Any, ...]]) -> None:
    """Each step its own transaction, as the app writes them."""
    made: list[str] = []
    for n, step in enumerate(history):
        with store.transaction() as session:
            if step[0] == "lead":
                _, lead, owner, minutes, deleted = step
                session.execute(
                    update(Lead)
                    .where(Lead.id == lid(lead))
                    .values(
                        owner_id=owner,
                        arrived_at=T0 + timedelta(minutes=minutes),
                        deleted_at=T0 if deleted else None,
                    )
                )
                continue
            if step[0] == "new":
                _, lead, agent, outcome, minutes, words, outside, direction, spans = step
                session.add(
                    Attempt(
                        id=f"a{n:03d}",
                        lead_id=lid(lead),
                        agent_id=agent,
                        channel=_channel(outcome),
                        outcome=outcome,
                        started_at=T0 + timedelta(minutes=minutes),
                        script_words=words if outcome == "voicemail_left" else None,
                        outside_rules=outside,
                        direction=direction,
                        ring_s=spans[0],
                        duration_s=spans[1],
                        wrapup_s=spans[2],
                    )
                )
                made.append(f"a{n:03d}")
                continue
            if not made:
                continue
            target = session.get(Attempt, made[step[1] % len(made)])
            if target is None:
                continue
            if step[0] == "wrap" and target.outcome is None:
                session.execute(
                    update(Attempt)
                    .where(Attempt.id == target.id)
                    .values(outcome=step[2], channel=_channel(step[2]))
                )
            elif step[0] == "correct":
                session.add(
                    Attempt(
                        id=f"a{n:03d}",
                        lead_id=target.lead_id,
                        agent_id=target.agent_id,
                        channel=_channel(step[2]),
                        outcome=step[2],
                        started_at=target.started_at,
                        supersedes_id=target.id,
                    )
                )
                made.append(f"a{n:03d}")
            elif step[0] == "talk":
                ring, talk, wrap = step[2]
                session.execute(
                    update(Attempt)
                    .where(Attempt.id == target.id)
                    .values(ring_s=ring, duration_s=talk, wrapup_s=wrap)
                )
            elif step[0] == "delete":
                session.execute(
                    update(Attempt)
                    .where(Attempt.supersedes_id == target.id)
                    .values(supersedes_id=None)
                )
                session.execute(delete(Attempt).where(Attempt.id == target.id))


def _tables(store: Store) -> tuple[list[Any], list[Any]]:
    with store.session() as session:
        days = [
            tuple(r)
            for r in session.execute(
                select(AttemptDay.__table__).order_by(*AttemptDay.__table__.primary_key)
            )
        ]
        leads = [
            tuple(r) for r in session.execute(select(LeadSummary.__table__).order_by("lead_id"))
        ]
        for model in (LeadFact, LeadDay, CallDay):
            table = model.__table__
            rows = session.execute(select(table).order_by(*table.primary_key))
            leads.extend((table.name, *r) for r in rows)
    return days, leads


def _check(store: Store, history: list[tuple[Any, ...]], since: datetime, until: datetime) -> None:
    _setup(store)
    _play(store, history)
    kept = _tables(store)
    with store.transaction() as session:
        dialect = session.get_bind().dialect.name
        aggregates.rebuild(lambda sql: session.execute(text(sql)), dialect)
    assert kept == _tables(store)  # what the triggers kept is what the attempts say
    clock = fixed_clock(UNTIL + timedelta(days=30))
    fast, slow = ReportService(store, clock), ReportService(store, clock, aggregates=False)
    for period in (
        fast.period(None, until),
        fast.period(min(since, until - timedelta(seconds=1)), until),
    ):
        assert fast.team_report(period).to_json() == slow.team_report(period).to_json()
        assert (
            fast.agent_report(period, "agent.one").to_json()
            == slow.agent_report(period, "agent.one").to_json()
        )


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps, instants, instants)
def test_aggregates_follow_every_change_and_the_report_agrees_with_raw_sql(
    store: Store, history: list[tuple[Any, ...]], since: datetime, until: datetime
) -> None:
    _check(store, history, since, until)


def test_the_triggers_exist_at_head(store: Store) -> None:
    """A later migration that rebuilds `attempt` on SQLite would drop them silently."""
    with store.session() as session:
        names = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    assert set(aggregates.TRIGGERS) <= names


@pytest.fixture(scope="module")
def pg_store(pg_url: str) -> Iterator[Store]:
    import uuid

    import psycopg

    from leaddesk.store.migrate import open_url

    name = f"leaddesk_agg_{uuid.uuid4().hex[:10]}"
    admin = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    store = open_url(f"{pg_url.rsplit('/', 1)[0]}/{name}")
    try:
        yield store
    finally:
        store.close()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps, instants, instants)
def test_the_same_on_postgresql(
    pg_store: Store, history: list[tuple[Any, ...]], since: datetime, until: datetime
) -> None:
    _check(pg_store, history, since, until)


def test_a_returned_call_on_a_whole_day_counts_once_and_as_inbound(store: Store) -> None:
    """attempt_day does not split direction: the report takes the whole days' returned
    calls out of it and counts them apart, as the raw attempts say."""
    _setup(store)
    with store.transaction() as session:
        session.add(
            Attempt(
                id="in1",
                lead_id=lid(0),
                agent_id=A1,
                channel="phone",
                outcome="connected",
                started_at=T0 + timedelta(hours=1),
                direction="inbound",
            )
        )
        session.add(
            Attempt(
                id="out1",
                lead_id=lid(0),
                agent_id=A1,
                channel="phone",
                outcome="no_answer",
                started_at=T0 + timedelta(hours=2),
            )
        )
    clock = fixed_clock(T0 + timedelta(days=5))
    fast, slow = ReportService(store, clock), ReportService(store, clock, aggregates=False)
    period = fast.period(None, T0 + timedelta(days=5))  # whole days: read from attempt_day
    report = fast.agent_report(period, "agent.one")
    assert report.measures.attempts == 2
    assert report.measures.inbound == 1
    assert report.measures.contact_rate == 0.0  # the one outbound call reached no one
    assert report.to_json() == slow.agent_report(period, "agent.one").to_json()


def test_calls_of_one_hour_logged_out_of_order_keep_the_hours_first_start(store: Store) -> None:
    """call_hour keeps each hour's first start and last end: a call synced late, earlier
    than those already counted, moves the start back (the agent's active time grows)."""
    _setup(store)
    for n, (minutes, talk) in enumerate(((40, 60), (5, 30), (20, None))):
        with store.transaction() as session:
            session.add(
                Attempt(
                    id=f"c{n}",
                    lead_id=lid(n),
                    agent_id=A1,
                    channel="phone",
                    outcome="connected",
                    started_at=T0 + timedelta(minutes=minutes),
                    duration_s=talk,
                    wrapup_s=10,
                )
            )
    kept = _tables(store)
    with store.transaction() as session:
        aggregates.rebuild(lambda sql: session.execute(text(sql)), "sqlite")
    assert kept == _tables(store)
    clock = fixed_clock(T0 + timedelta(days=5))
    fast, slow = ReportService(store, clock), ReportService(store, clock, aggregates=False)
    period = fast.period(None, T0 + timedelta(days=5))
    report = fast.agent_report(period, "agent.one").to_json()
    # From 09:05 to the end of the 09:40 call's talk and wrap-up: 36 min 10 s.
    assert report["active_hours"] == round((35 * 60 + 70) / 3600, 3)
    assert report == slow.agent_report(period, "agent.one").to_json()
