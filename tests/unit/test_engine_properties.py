"""Properties of the lead-response engine that must hold for every input:

- no do-not-call or bad number is ever callable;
- no call is proposed outside the window in any candidate zone (DST changes included);
- caps are never exceeded when the agent works the call list;
- every non-final outcome yields a next action;
- no new lead is starved by a stream of newer ones (bounded wait).
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaddesk.domain.cadence import (
    FAILED_CALL_OUTCOMES,
    LeadProgress,
    TouchContext,
    day_part,
    plan_next,
)
from leaddesk.domain.calling_hours import CallingRules, WindowState, window_state
from leaddesk.domain.calllist import LeadFacts, Section, order
from leaddesk.domain.caps import Touch
from leaddesk.domain.clock import fixed_clock
from leaddesk.domain.outcomes import OUTCOMES, Channel, Effect, LeadStatus
from leaddesk.services.cadences import default_cadence
from leaddesk.services.calllist import CallListService, default_rules
from leaddesk.services.errors import UserError
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.scripts import ScriptService
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from leaddesk.store.models import Attempt, Lead
from tests.unit.engine_fixture import add_lead

# The team's hours alone, everywhere: these properties are about the engine's mechanics
# (cadence, caps, sections); the laws by jurisdiction have their own properties in
# tests/unit/test_jurisdiction_properties.py.
RULES = replace(default_rules(), law=None)
CADENCE = default_cadence()
ZONES = [
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "Pacific/Honolulu",
    "Europe/London",
    "Europe/Berlin",
    "Australia/Sydney",
    "Asia/Kolkata",
]
DST_DAYS = [
    datetime(2026, 3, 8, tzinfo=UTC),
    datetime(2026, 3, 29, tzinfo=UTC),
    datetime(2026, 4, 5, tzinfo=UTC),
    datetime(2026, 10, 4, tzinfo=UTC),
    datetime(2026, 10, 25, tzinfo=UTC),
    datetime(2026, 11, 1, tzinfo=UTC),
    datetime(2026, 11, 26, tzinfo=UTC),
]
instants = st.builds(
    lambda day, minutes: day + timedelta(minutes=minutes),
    st.sampled_from(DST_DAYS),
    st.integers(-2 * 24 * 60, 2 * 24 * 60),
)
zone_sets = st.lists(st.sampled_from(ZONES), min_size=0, max_size=3, unique=True).map(tuple)
VOICE = {"phone", "sms"}


def inside_everywhere(rules: CallingRules, zones: tuple[str, ...], at: datetime) -> bool:
    """The independent check: the local wall clock in each zone is inside its window."""
    if not zones:
        return False
    for name in zones:
        local = at.astimezone(ZoneInfo(name))
        window = rules.hours.window_on(local.date())
        minutes = local.hour * 60 + local.minute
        if window is None or not window.start <= minutes < window.end:
            return False
    return True


facts_strategy = st.builds(
    LeadFacts,
    lead_id=st.uuids().map(str),
    status=st.sampled_from(["new", "working", "reached", "callback"]),
    arrived_at=instants,
    next_action_at=st.none() | instants,
    next_channel=st.sampled_from(["phone", "email", "sms", "social", None]),
    attempt_count=st.integers(0, 14),
    do_not_call=st.booleans(),
    phone_bad=st.booleans(),
    time_zones=zone_sets,
    attempts_24h=st.integers(0, 4),
    has_phone=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(leads=st.lists(facts_strategy, max_size=20), now=instants)
def test_no_blocked_number_or_closed_window_is_ever_proposed(
    leads: list[LeadFacts], now: datetime
) -> None:
    windows = {f.time_zones: window_state(RULES.hours, f.time_zones, now) for f in leads}
    placed = order(leads, now, RULES, windows)
    sections = [p.section for _, p in placed]
    assert sections == sorted(sections)
    for facts, placement in placed:
        if not placement.callable:
            continue
        assert placement.section in (Section.CALLBACK, Section.NEW, Section.FOLLOW_UP)
        # Never a do-not-call lead, never a bad or missing number.
        assert not facts.do_not_call and not facts.phone_bad and facts.has_phone
        assert facts.attempt_count < RULES.caps.lifetime
        assert facts.attempts_24h < RULES.caps.per_24h
        if (facts.next_channel or "phone") in VOICE:
            assert inside_everywhere(RULES, facts.time_zones, now)


@settings(max_examples=300, deadline=None)
@given(
    outcome=st.sampled_from(sorted(OUTCOMES)),
    step=st.integers(0, len(CADENCE.steps) - 1),
    started_days=st.integers(0, 13),
    at=instants,
    zones=zone_sets,
    mobile=st.booleans(),
    history=st.lists(
        st.tuples(
            st.integers(1, 8 * 24 * 60),
            st.sampled_from(list(Channel)),
            st.sampled_from(sorted(OUTCOMES)),
        ),
        max_size=6,
    ),
)
def test_every_non_final_outcome_yields_a_next_action_in_hours(
    outcome: str,
    step: int,
    started_days: int,
    at: datetime,
    zones: tuple[str, ...],
    mobile: bool,
    history: list[tuple[int, Channel, str]],
) -> None:
    info = OUTCOMES[outcome]
    channel = sorted(info.channels)[0]
    touches = tuple(
        sorted((Touch(at - timedelta(minutes=m), c, o) for m, c, o in history), key=lambda t: t.at)
    )
    callback_at = at + timedelta(hours=20) if outcome == "callback" else None
    progress = LeadProgress(LeadStatus.WORKING, step, at - timedelta(days=started_days))
    ctx = TouchContext(RULES, zones, mobile, touches)
    nxt = plan_next(CADENCE, progress, outcome, at, callback_at, context=ctx, channel=channel)
    final = info.effect in (Effect.WON, Effect.LOST, Effect.DO_NOT_CALL, Effect.BAD_NUMBER)
    if final:
        assert nxt.at is None
        return
    if nxt.at is None:
        # Only the end of the cadence itself stops a non-final outcome.
        assert nxt.status is LeadStatus.FINISHED and nxt.cadence_step >= len(CADENCE.steps)
        return
    assert nxt.channel is not None and nxt.at > at
    if outcome == "callback":
        assert nxt.at == callback_at
        return
    if not mobile:
        assert nxt.channel is not Channel.SMS
    if nxt.channel.value in VOICE and zones and _opens_within(zones, nxt.at, days=21):
        assert inside_everywhere(RULES, zones, nxt.at)
    # The touch budget and the 24 h cap hold for the planned touch.
    planned = (*touches, Touch(at, channel, outcome))
    noticed = [t for t in planned if t.noticed and nxt.at - t.at < RULES.budget.window]
    assert len(noticed) < RULES.budget.max_touches
    assert len([t for t in planned if nxt.at - t.at < timedelta(hours=24)]) < RULES.caps.per_24h
    if outcome in FAILED_CALL_OUTCOMES and nxt.channel is Channel.PHONE and zones:
        # Another part of the lead's day, unless the zones share no other part at all.
        first = ZoneInfo(zones[0])
        failed_part = day_part(at.astimezone(first))
        if _other_part_exists(zones, nxt.at, failed_part):
            assert day_part(nxt.at.astimezone(first)) != failed_part


def _opens_within(zones: tuple[str, ...], start: datetime, days: int) -> bool:
    state = window_state(RULES.hours, zones, start)
    return state.open or state.opens_at is not None


def _other_part_exists(zones: tuple[str, ...], start: datetime, part: str) -> bool:
    """Is any time in the next three days callable in a part of the day other than `part`?

    Only times from `start` on count: across a DST change the zones' shared hours can lose
    a part of the day that existed the day before."""
    first = ZoneInfo(zones[0])
    probe = start
    while probe < start + timedelta(days=3):
        if inside_everywhere(RULES, zones, probe) and day_part(probe.astimezone(first)) != part:
            return True
        probe += timedelta(minutes=30)
    return False


@settings(max_examples=200, deadline=None)
@given(
    backlog=st.integers(0, 8),
    arrivals=st.lists(st.integers(0, 1), min_size=5, max_size=60),
    call_minutes=st.integers(2, 12),
)
def test_fresh_leads_come_first_in_arrival_order_and_the_list_drains(
    backlog: int, arrivals: list[int], call_minutes: int
) -> None:
    """The agent calls the top new lead each `call_minutes`; at most one new lead arrives
    per call, on top of a backlog that arrived days ago. A lead inside its 15 minutes is
    passed only by fresh leads that arrived before it (so, with the agent keeping up, it
    is called within the fresh leads ahead of it at its arrival); the backlog goes in
    arrival order once no fresh lead waits; every lead is called in the end."""
    start = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
    zones = ("America/New_York",)
    windows = {zones: WindowState(True, True)}
    waiting: list[LeadFacts] = []
    ahead_at_arrival: dict[str, int] = {}
    counter = 0
    limit = RULES.new_lead_max_wait

    def fresh(at: datetime) -> list[LeadFacts]:
        return [f for f in waiting if at - f.arrived_at < limit]

    def arrive(at: datetime) -> None:
        nonlocal counter
        counter += 1
        lead = LeadFacts(f"L{counter:04d}", "new", at, at, "phone", 0, False, False, zones)
        ahead_at_arrival[lead.lead_id] = len(fresh(at))
        waiting.append(lead)

    for i in range(backlog):
        arrive(start - timedelta(days=3, minutes=backlog - i))
    step = timedelta(minutes=call_minutes)
    now = start
    ticks = len(arrivals) + backlog + 10
    for tick in range(ticks):
        if tick < len(arrivals) and arrivals[tick]:
            arrive(now)
        if waiting:
            top = order(waiting, now, RULES, windows)[0][0]
            hot = fresh(now)
            if hot:
                assert top.arrived_at == min(f.arrived_at for f in hot)
                # Called after at most the fresh leads already waiting when it came.
                assert now - top.arrived_at <= ahead_at_arrival[top.lead_id] * step
            else:
                assert top.arrived_at == min(f.arrived_at for f in waiting)
            waiting.remove(top)
        now += step
    assert not waiting


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    picks=st.lists(
        st.tuples(
            st.sampled_from(
                ["no_answer", "voicemail", "busy", "connected", "callback", "voicemail"]
            ),
            st.integers(5, 400),
        ),
        min_size=10,
        max_size=40,
    ),
    zones=st.sampled_from(
        [("America/New_York",), ("America/Los_Angeles", "America/New_York"), ("Europe/London",)]
    ),
)
def test_working_the_call_list_never_exceeds_the_caps(
    picks: list[tuple[str, int]], zones: tuple[str, ...]
) -> None:
    """An agent who follows the call list and the script advice, logging what happens,
    never goes over a cap: 12 attempts a lead, 3 in any 24 hours, 1 voicemail a day."""
    now = datetime(2026, 3, 6, 14, 0, tzinfo=UTC)  # DST starts in the US two days later
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "caps.db")
        try:
            clock_now = [now]
            ws = Workspace.open(store, "caps.agent", lambda: clock_now[0])
            for i in range(3):
                add_lead(
                    ws,
                    now - timedelta(minutes=i),
                    time_zones=list(zones),
                    phone_e164=f"+1212555{i:04d}",
                    phone_type="mobile",
                )
            for action, wait_min in picks * 2:
                current = clock_now[0]
                fixed = Workspace(store, ws.agent, fixed_clock(current))
                entries = [e for e in CallListService(fixed).page(0, 50) if e.callable]
                if entries:
                    entry = entries[0]
                    channel = entry.next_channel or "phone"
                    if channel == "phone":
                        outcome = action
                        if action == "voicemail":
                            script = ScriptService(fixed).suggest(entry.lead_id)
                            outcome = (
                                "voicemail_left" if script.voicemail_ok else "voicemail_no_message"
                            )
                        callback = None
                        if outcome == "callback":
                            callback = _next_hour_inside(zones, current + timedelta(hours=20))
                        try:
                            OutcomeService(fixed).start_dial(entry.lead_id)
                        except UserError as exc:  # pragma: no cover - the list proposed it
                            raise AssertionError(
                                f"the list proposed a refused dial: {exc}"
                            ) from exc
                        OutcomeService(fixed).log(entry.lead_id, outcome, callback_at=callback)
                    else:
                        written = {
                            "email": "email_sent",
                            "sms": "text_sent",
                            "social": "social_touch",
                        }
                        OutcomeService(fixed).log(
                            entry.lead_id, written[channel], channel=Channel(channel)
                        )
                clock_now[0] = current + timedelta(minutes=wait_min)
            _assert_caps(store, zones)
        finally:
            store.close()


def _next_hour_inside(zones: tuple[str, ...], at: datetime) -> datetime:
    at = at.replace(minute=0, second=0, microsecond=0)
    while not inside_everywhere(RULES, zones, at):
        at += timedelta(hours=1)
    return at


def _assert_caps(store, zones: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    caps = RULES.caps
    with store.session() as session:
        by_lead: dict[str, list[Attempt]] = defaultdict(list)
        for attempt in session.query(Attempt).order_by(Attempt.started_at):
            by_lead[attempt.lead_id].append(attempt)
        for lead_id, attempts in by_lead.items():
            lead = session.get(Lead, lead_id)
            assert lead is not None and lead.attempt_count == len(attempts)
            assert len(attempts) <= caps.lifetime
            times = [a.started_at for a in attempts]
            for i, t in enumerate(times):
                assert sum(1 for u in times[i:] if u - t < timedelta(hours=24)) <= caps.per_24h
            zone = ZoneInfo(zones[0])
            days = [
                a.started_at.astimezone(zone).date()
                for a in attempts
                if a.outcome == "voicemail_left"
            ]
            assert all(days.count(d) <= caps.voicemails_per_day for d in days)
            for a in attempts:
                if a.channel in VOICE:
                    assert inside_everywhere(RULES, zones, a.started_at)
