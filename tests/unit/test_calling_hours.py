"""Calling hours in the lead's local time: weekdays, holidays, several zones, DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaddesk.domain.calling_hours import (
    CallingHours,
    DayWindow,
    RulesError,
    closed_reason,
    is_callable_at,
    load_rules,
    local_time,
    parse_rules,
    window_state,
)
from leaddesk.services.calllist import default_rules

HOURS = CallingHours()
NY = "America/New_York"
LA = "America/Los_Angeles"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_default_window_is_eight_to_nine_local() -> None:
    # 2026-11-26 is a Thursday; New York is UTC-5 in November.
    assert not is_callable_at(HOURS, [NY], utc(2026, 11, 26, 12, 59))  # 07:59
    assert is_callable_at(HOURS, [NY], utc(2026, 11, 26, 13, 0))  # 08:00
    assert is_callable_at(HOURS, [NY], utc(2026, 11, 27, 1, 59))  # 20:59
    assert not is_callable_at(HOURS, [NY], utc(2026, 11, 27, 2, 0))  # 21:00


def test_the_window_must_hold_in_every_candidate_zone() -> None:
    # 08:30 in New York is 05:30 in Los Angeles: a number that may be in either waits.
    at = utc(2026, 11, 26, 13, 30)
    assert is_callable_at(HOURS, [NY], at)
    assert not is_callable_at(HOURS, [NY, LA], at)
    state = window_state(HOURS, [NY, LA], at)
    assert state.opens_at == utc(2026, 11, 26, 16, 0)  # 08:00 in Los Angeles
    state = window_state(HOURS, [NY, LA], utc(2026, 11, 26, 20, 0))
    assert state.open and state.until == utc(2026, 11, 27, 2, 0)  # 21:00 in New York


def test_unknown_or_invalid_zone_is_never_callable() -> None:
    at = utc(2026, 11, 26, 18, 0)
    assert not is_callable_at(HOURS, [], at)
    assert not is_callable_at(HOURS, ["Mars/Olympus_Mons"], at)
    state = window_state(HOURS, ["Mars/Olympus_Mons"], at)
    assert not state.known
    assert closed_reason(["Mars/Olympus_Mons"], state, at) == "time zone unknown"
    assert local_time([], at) == ""


def test_blocked_reason_says_local_time_opening_and_wait() -> None:
    at = utc(2026, 11, 26, 12, 42)  # 07:42 in New York
    state = window_state(HOURS, [NY], at)
    assert closed_reason([NY], state, at) == "07:42 there, callable from 08:00, in 18 min"
    late = utc(2026, 11, 27, 3, 15)  # 22:15 in New York
    text = closed_reason([NY], window_state(HOURS, [NY], late), late)
    assert text == "22:15 there, callable from tomorrow 08:00, in 9 h 45 min"


def test_weekdays_and_holidays_are_configurable() -> None:
    rules = parse_rules(
        {
            "weekdays": {"sat": ["10:00", "14:00"], "sun": None},
            "holidays": ["2026-11-26", "12-25"],
        }
    )
    hours = rules.hours
    assert hours.days[5] == DayWindow(600, 840) and hours.days[6] is None
    # Thanksgiving 2026 is a holiday: closed all day, opens Friday 08:00.
    assert not is_callable_at(hours, [NY], utc(2026, 11, 26, 18, 0))
    state = window_state(hours, [NY], utc(2026, 11, 26, 18, 0))
    assert state.opens_at == utc(2026, 11, 27, 13, 0)
    # Saturday 09:00 is closed, 10:00 open; Sunday closed; Christmas every year.
    assert not is_callable_at(hours, [NY], utc(2026, 11, 28, 14, 0))
    assert is_callable_at(hours, [NY], utc(2026, 11, 28, 15, 0))
    assert not is_callable_at(hours, [NY], utc(2026, 11, 29, 18, 0))
    assert not is_callable_at(hours, [NY], utc(2027, 12, 25, 18, 0))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"weekdays": {"mon": ["9", "17:00"]}}, "is not a time like 08:00"),
        ({"weekdays": {"mon": ["17:00", "09:00"]}}, "ends before it starts"),
        ({"weekdays": {"funday": ["09:00", "17:00"]}}, "unknown weekday 'funday'"),
        ({"holidays": ["2026-02-30"]}, "holiday '2026-02-30' is not a date"),
        ({"caps": {"lifetime": 0}}, "at least 1"),
        ({"caps": {"lifetime": "many"}}, "must be numbers"),
    ],
)
def test_bad_rules_are_refused_with_the_reason(data: dict[str, object], message: str) -> None:
    with pytest.raises(RulesError, match=message):
        parse_rules(data)


def test_the_shipped_defaults_load() -> None:
    rules = default_rules()
    assert rules.caps.lifetime == 12 and rules.caps.per_24h == 3
    assert rules.caps.voicemails_per_day == 1
    assert rules.budget.max_touches == 3 and rules.budget.window == timedelta(hours=48)
    assert rules.hours.days[0] == DayWindow(8 * 60, 21 * 60)
    with pytest.raises(RulesError, match="not JSON"):
        load_rules("{nope")


def test_dst_spring_forward_keeps_local_hours() -> None:
    # 2026-03-08: New York moves from UTC-5 to UTC-4. 08:00 local is 13:00 UTC before
    # and 12:00 UTC on and after the change.
    assert not is_callable_at(HOURS, [NY], utc(2026, 3, 8, 11, 59))
    assert is_callable_at(HOURS, [NY], utc(2026, 3, 8, 12, 0))
    assert not is_callable_at(HOURS, [NY], utc(2026, 3, 7, 12, 30))  # 07:30 EST
    state = window_state(HOURS, [NY], utc(2026, 3, 8, 6, 0))
    assert state.opens_at == utc(2026, 3, 8, 12, 0)


ZONES = [
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "Europe/London",
    "Europe/Berlin",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
]
# Instants around the 2026 DST changes (northern March/November, southern April/October).
AROUND_DST = st.sampled_from(
    [
        utc(2026, 3, 8, 0),
        utc(2026, 3, 29, 0),
        utc(2026, 4, 5, 0),
        utc(2026, 10, 4, 0),
        utc(2026, 10, 25, 0),
        utc(2026, 11, 1, 0),
    ]
)


def _local_ok(hours: CallingHours, zone: str, at: datetime) -> bool:
    local = at.astimezone(ZoneInfo(zone))
    window = hours.window_on(local.date())
    return window is not None and window.start <= local.hour * 60 + local.minute < window.end


@settings(max_examples=150, deadline=None)
@given(
    zones=st.lists(st.sampled_from(ZONES), min_size=1, max_size=3, unique=True),
    base=AROUND_DST,
    offset_min=st.integers(min_value=-3 * 24 * 60, max_value=3 * 24 * 60),
)
def test_state_and_next_opening_agree_with_local_clocks(
    zones: list[str], base: datetime, offset_min: int
) -> None:
    at = base + timedelta(minutes=offset_min)
    state = window_state(HOURS, zones, at)
    assert state.open == all(_local_ok(HOURS, z, at) for z in zones)
    if state.open:
        assert state.until is not None and state.until > at
        # Still open one minute before it closes, closed when it closes.
        last = state.until - timedelta(minutes=1)
        assert all(_local_ok(HOURS, z, last) for z in zones)
        assert not all(_local_ok(HOURS, z, state.until) for z in zones)
    elif state.opens_at is not None:
        assert state.opens_at > at
        assert all(_local_ok(HOURS, z, state.opens_at) for z in zones)
        # Nothing earlier was open (checked every 10 minutes).
        probe = at
        while probe < state.opens_at - timedelta(minutes=1):
            assert not all(_local_ok(HOURS, z, probe) for z in zones)
            probe += timedelta(minutes=10)


def test_holiday_counts_in_the_lead_local_date() -> None:
    hours = CallingHours(holidays=frozenset({date(2026, 12, 24)}))
    # 2026-12-24 20:00 UTC is the 24th in New York (closed) but the 25th in Sydney.
    at = utc(2026, 12, 24, 20, 0)
    assert not is_callable_at(hours, [NY], at)
    assert not is_callable_at(hours, ["Australia/Sydney"], at)  # 07:00 on the 25th
    assert is_callable_at(hours, ["Australia/Sydney"], utc(2026, 12, 24, 22, 0))
