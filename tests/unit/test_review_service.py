"""Coaching lists, history search and the chart series, on hand-made histories."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from leaddesk.domain.clock import fixed_clock
from leaddesk.domain.metrics import Period
from leaddesk.services.review import HistoryFilter, ReviewService
from leaddesk.store import Store
from leaddesk.store.models import Agent, Attempt, Callback, Lead

AGENT = "00000000-0000-4000-8000-0000000000a1"


class History:
    def __init__(self, store: Store, now: datetime) -> None:
        self.store = store
        self.now = now
        with store.transaction() as session:
            session.add(Agent(id=AGENT, name="agent.one", display_name="Agent One"))

    def lead(self, name: str, arrived_ago: timedelta, **kw: object) -> str:
        with self.store.transaction() as session:
            lead = Lead(
                first_name=name,
                phone_e164="+12125550100",
                arrived_at=self.now - arrived_ago,
                owner_id=AGENT,
                time_zones=["America/New_York"],
                **kw,
            )
            session.add(lead)
            session.flush()
            return lead.id

    def attempt(
        self, lead: str, outcome: str, ago: timedelta, channel: str = "phone", note: str = ""
    ) -> str:
        with self.store.transaction() as session:
            a = Attempt(
                lead_id=lead,
                agent_id=AGENT,
                channel=channel,
                outcome=outcome,
                note=note,
                started_at=self.now - ago,
            )
            session.add(a)
            session.flush()
            return a.id

    def callback(self, lead: str, due_ago: timedelta, done_after: timedelta | None) -> None:
        due = self.now - due_ago
        with self.store.transaction() as session:
            session.add(
                Callback(
                    lead_id=lead,
                    agent_id=AGENT,
                    due_at=due,
                    done_at=None if done_after is None else due + done_after,
                )
            )


H, D, M = timedelta(hours=1), timedelta(days=1), timedelta(minutes=1)


@pytest.fixture
def history(store: Store, now: datetime) -> History:
    return History(store, now)


def lists(store: Store, now: datetime) -> dict[str, list[tuple[str, str]]]:
    review = ReviewService(store, fixed_clock(now))
    out = {}
    for c in review.coaching(Period(now - 30 * D, now), AGENT):
        assert c.total == len(c.items)
        out[c.key] = [(i.lead_name, i.detail) for i in c.items]
    return out


def test_coaching_lists(history: History, store: Store, now: datetime) -> None:
    stuck = history.lead("Stuck", 5 * D, status="working")
    history.attempt(stuck, "no_answer", 4 * D)
    fresh = history.lead("Fresh", 3 * H, status="working")
    history.attempt(fresh, "no_answer", 2 * H)  # one attempt, but only 2 h ago
    reached = history.lead("Reached", 5 * D, status="reached")
    history.attempt(reached, "connected", 4 * D)
    dnc = history.lead("Dnc", 5 * D, status="do_not_call", do_not_call=True)
    history.attempt(dnc, "do_not_call", 4 * D)
    history.lead("Waiting", 10 * M)
    history.lead("Brandnew", 2 * M)
    silent = history.lead("Silent", 2 * D, status="working")
    history.attempt(silent, "voicemail_no_message", 1 * D, note="box full")
    history.attempt(silent, "voicemail_left", 20 * H)
    history.callback(reached, 2 * H, None)  # never called
    history.callback(reached, 3 * H, 5 * M)  # called in time
    history.callback(reached, 4 * H, 70 * M)  # called 1 h late
    history.callback(reached, -2 * H, None)  # not due yet

    got = lists(store, now)
    assert got["never_contacted"] == [
        ("Waiting", "no attempt in 10 min"),
        ("Brandnew", "no attempt in 2 min"),
    ]
    assert got["stuck_at_one"] == [("Stuck", "1 attempt: no answer")]
    assert got["voicemail_no_message"] == [("Silent", "box full")]
    assert got["callbacks_missed"] == [("Reached", "not called"), ("Reached", "called 1 h late")]
    assert got["waiting_past_target"] == [("Waiting", "waiting 10 min")]


def test_history_search_takes_words_literally(
    history: History, store: Store, now: datetime
) -> None:
    lead = history.lead("Ada", 2 * D, company="Acme_Corp")
    history.attempt(lead, "connected", D, note="She is 100% sure")
    history.attempt(lead, "no_answer", 20 * H, note="100 percent not there")
    other = history.lead("Grace", 2 * D, company="AcmeXCorp")
    history.attempt(other, "no_answer", 20 * H)
    review = ReviewService(store, fixed_clock(now))
    period = Period(now - 7 * D, now)

    def notes(search: str, **kw: object) -> list[str]:
        f = HistoryFilter(period, AGENT, search=search, **kw)  # type: ignore[arg-type]
        return sorted(r.lead_name + ":" + r.note for r in review.history_page(f))

    assert notes("100%") == ["Ada:She is 100% sure"]
    assert notes("acme_corp") == ["Ada:100 percent not there", "Ada:She is 100% sure"]
    assert notes("ada sure") == ["Ada:She is 100% sure"]  # every word must match
    assert notes("", outcome="no_answer") == ["Ada:100 percent not there", "Grace:"]
    assert notes("nobody") == []


def test_activity_and_contact_by_local_hour(history: History, store: Store, now: datetime) -> None:
    lead = history.lead("Ada", 3 * D)
    # now is 19:30 UTC on Nov 26, 14:30 in New York (EST, UTC-5).
    history.attempt(lead, "connected", 5 * H + 30 * M)  # 14:00 UTC = 09:00 local
    history.attempt(lead, "no_answer", 5 * H + 20 * M)  # 09:10 local
    history.attempt(lead, "email_sent", D, channel="email")
    review = ReviewService(store, fixed_clock(now))
    period = Period(now - 3 * D, now)
    days = review.activity_by_day(period, AGENT)
    assert [d.day for d in days] == ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"]
    assert [d.total for d in days] == [0, 0, 1, 2]
    assert days[-1].by_channel["phone"] == 2
    hours = review.contact_by_local_hour(period, AGENT)
    assert len(hours) == 24
    assert (hours[9].calls, hours[9].reached, hours[9].rate) == (2, 1, 0.5)
    assert sum(h.calls for h in hours) == 2  # the email is no call
