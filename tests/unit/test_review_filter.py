"""One definition of "the attempts that count" for the supervisor's side-by-side views:
the voicemail coaching list, attempts per day and contact by local hour take the same
attempts (inside the period, of the chosen agent, corrections replacing what they
correct), so a chart never disagrees with a list."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import bindparam, text

from leaddesk.domain.clock import fixed_clock
from leaddesk.domain.metrics import Period
from leaddesk.services.review import ReviewService, attempts_where
from leaddesk.store import Store
from leaddesk.store.models import Agent, Attempt, Lead, UTCDateTime

ONE, TWO = "00000000-0000-4000-8000-0000000000b1", "00000000-0000-4000-8000-0000000000b2"
D, H = timedelta(days=1), timedelta(hours=1)


def _seed(store: Store, now: datetime) -> dict[str, str]:
    """Attempts around a 3-day period; returns their ids by what each one tests."""
    with store.transaction() as session:
        session.add_all([Agent(id=ONE, name="agent.one"), Agent(id=TWO, name="agent.two")])
        lead = Lead(
            first_name="Ada",
            phone_e164="+12125550100",
            arrived_at=now - 10 * D,
            owner_id=ONE,
            time_zones=["America/New_York"],
        )
        session.add(lead)
        session.flush()

        def attempt(
            key: str,
            agent: str,
            ago: timedelta,
            outcome: str = "voicemail_no_message",
            supersedes_id: str | None = None,
        ) -> Attempt:
            row = Attempt(
                lead_id=lead.id,
                agent_id=agent,
                channel="phone",
                outcome=outcome,
                started_at=now - ago,
                supersedes_id=supersedes_id,
            )
            session.add(row)
            session.flush()
            ids[key] = row.id
            return row

        ids: dict[str, str] = {}
        attempt("inside", ONE, D)
        attempt("at_since", ONE, 3 * D)  # the first instant of the period counts
        attempt("before", ONE, 3 * D + H)
        attempt("at_until", ONE, timedelta(0))  # the period ends before `until`
        attempt("other_agent", TWO, D)
        wrong = attempt("corrected", ONE, 2 * D)
        attempt("correction", ONE, 2 * D - H, outcome="connected", supersedes_id=wrong.id)
    return ids


def _selected(store: Store, period: Period, agent: str | None, alias: str) -> set[str]:
    table = f"attempt {alias}" if alias else "attempt"
    column = f"{alias}.id" if alias else "id"
    sql = f"SELECT {column} FROM {table} WHERE {attempts_where(period, agent, alias)}"
    binds = [bindparam("until", type_=UTCDateTime())]
    params: dict[str, object] = {"until": period.until}
    if period.since is not None:
        binds.append(bindparam("since", type_=UTCDateTime()))
        params["since"] = period.since
    if agent is not None:
        params["agent"] = agent
    with store.session() as session:
        return {str(r[0]) for r in session.execute(text(sql).bindparams(*binds), params)}


@pytest.mark.parametrize("alias", ["", "a"])
def test_the_clause_takes_the_period_the_agent_and_corrections(
    store: Store, now: datetime, alias: str
) -> None:
    ids = _seed(store, now)
    period = Period(now - 3 * D, now)
    expect_one = {ids["inside"], ids["at_since"], ids["correction"]}
    assert _selected(store, period, ONE, alias) == expect_one
    assert _selected(store, period, None, alias) == expect_one | {ids["other_agent"]}
    all_history = Period(None, now)
    assert _selected(store, all_history, ONE, alias) == expect_one | {ids["before"]}


def test_lists_and_charts_count_the_same_attempts(store: Store, now: datetime) -> None:
    _seed(store, now)
    review = ReviewService(store, fixed_clock(now))
    period = Period(now - 3 * D, now)
    for agent, voicemails, attempts in ((ONE, 2, 3), (None, 3, 4)):
        lists = {c.key: c for c in review.coaching(period, agent)}
        assert lists["voicemail_no_message"].total == voicemails
        assert sum(d.total for d in review.activity_by_day(period, agent)) == attempts
        hours = review.contact_by_local_hour(period, agent)
        assert sum(h.calls for h in hours) == attempts
        assert sum(h.reached for h in hours) == 1  # the correction reached Ada
