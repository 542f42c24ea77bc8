"""Calling hours: when a lead may be called, in the lead's own local time.

The window (08:00 to 21:00 by default, per weekday, minus holidays) must hold in *every*
candidate time zone of the lead: a number whose area spans two zones is called only when
it is a decent hour in both. Local times come from zoneinfo, so DST changes are honoured.
A lead with no known zone is not called at all.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from leaddesk.domain.caps import Caps, TouchBudget

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# How far ahead the next opening is searched (long holiday runs included).
HORIZON_DAYS = 21


class RulesError(ValueError):
    """A calling-hours configuration that cannot be used."""


@dataclass(frozen=True, slots=True)
class DayWindow:
    """Open from `start` (inclusive) to `end` (exclusive), in minutes after local midnight."""

    start: int
    end: int

    def contains(self, local: datetime) -> bool:
        seconds = local.hour * 3600 + local.minute * 60 + local.second
        return self.start * 60 <= seconds < self.end * 60

    def label(self) -> str:
        return f"{_hhmm(self.start)}-{_hhmm(self.end)}"


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


DEFAULT_WINDOW = DayWindow(8 * 60, 21 * 60)


@dataclass(frozen=True, slots=True)
class CallingHours:
    days: tuple[DayWindow | None, ...] = (DEFAULT_WINDOW,) * 7  # Monday first
    holidays: frozenset[date] = frozenset()
    yearly_holidays: frozenset[tuple[int, int]] = frozenset()  # (month, day)

    def window_on(self, day: date) -> DayWindow | None:
        if day in self.holidays or (day.month, day.day) in self.yearly_holidays:
            return None
        return self.days[day.weekday()]

    def windows_on(self, day: date) -> tuple[DayWindow, ...]:
        window = self.window_on(day)
        return () if window is None else (window,)


class Hours(Protocol):
    """Anything that says when calls are open on a local day: the team's `CallingHours`,
    a law's `Schedule` (several windows a day, public holidays)."""

    def windows_on(self, day: date, /) -> tuple[DayWindow, ...]: ...

    def __hash__(self) -> int: ...


@dataclass(frozen=True, slots=True)
class CallingRules:
    """Every rule of when and how often a lead may be touched."""

    hours: CallingHours = field(default_factory=CallingHours)
    caps: Caps = field(default_factory=Caps)
    budget: TouchBudget = field(default_factory=TouchBudget)
    # A never-attempted lead waits at most this long before it outranks fresher ones.
    new_lead_max_wait: timedelta = timedelta(minutes=15)
    # The laws by jurisdiction (`leaddesk.domain.jurisdictions.RuleBook`); None: only the
    # team's hours above, everywhere.
    law: Any = None
    # The agent's own window (settings), applied on top of everything; None: as allowed.
    agent_window: DayWindow | None = None


# -- the agent's own window and caps -------------------------------------------------------


def parse_clock(text: str) -> int:
    """Minutes after midnight of an "HH:MM" time (RulesError when it is not one)."""
    return _parse_clock(text, "time")


def with_daily_window(hours: CallingHours, start: int, end: int) -> CallingHours:
    """The same calling hours with every open weekday narrowed to `start`-`end` (minutes
    after local midnight). The rules' own window is the limit (the team's policy, 08:00
    to 21:00 as shipped: the common legal window): an agent's setting can narrow a day,
    never widen it, and a day whose overlap is empty is closed. Closed days and
    holidays stay closed."""
    if not 0 <= start < end <= 24 * 60:
        raise RulesError(
            f"calling hours {_hhmm(start)}-{_hhmm(end)}: the window ends before it starts"
        )

    def narrowed(day: DayWindow | None) -> DayWindow | None:
        if day is None:
            return None
        low, high = max(day.start, start), min(day.end, end)
        return DayWindow(low, high) if low < high else None

    return replace(hours, days=tuple(narrowed(d) for d in hours.days))


def with_caps(rules: CallingRules, caps: Caps) -> CallingRules:
    """The same rules under other attempt caps (each at least 1)."""
    if min(caps.lifetime, caps.per_24h, caps.voicemails_per_day) < 1:
        raise RulesError("caps must be at least 1")
    return replace(rules, caps=caps)


# -- configuration ------------------------------------------------------------------------


def _parse_clock(text: Any, where: str) -> int:
    try:
        hours, minutes = str(text).split(":")
        value = int(hours) * 60 + int(minutes)
    except ValueError:
        raise RulesError(f"{where}: {text!r} is not a time like 08:00") from None
    if not 0 <= value <= 24 * 60 or not 0 <= int(minutes) < 60:
        raise RulesError(f"{where}: {text!r} is not a time of day")
    return value


def parse_rules(data: Mapping[str, Any]) -> CallingRules:
    """Rules from their JSON form (see leaddesk/resources/calling_hours.json)."""
    raw_days = data.get("weekdays", {})
    if not isinstance(raw_days, Mapping):
        raise RulesError('weekdays must be an object like {"mon": ["08:00", "21:00"]}')
    unknown = set(raw_days) - set(WEEKDAYS)
    if unknown:
        raise RulesError(f"unknown weekday {sorted(unknown)[0]!r}; use {', '.join(WEEKDAYS)}")
    days: list[DayWindow | None] = []
    for name in WEEKDAYS:
        raw = raw_days.get(name, ["08:00", "21:00"])
        if raw is None:
            days.append(None)
            continue
        if not isinstance(raw, Sequence) or isinstance(raw, str) or len(raw) != 2:
            raise RulesError(f"weekdays.{name}: expected [start, end] or null")
        start, end = (_parse_clock(v, f"weekdays.{name}") for v in raw)
        if end <= start:
            raise RulesError(f"weekdays.{name}: the window ends before it starts")
        days.append(DayWindow(start, end))
    holidays: set[date] = set()
    yearly: set[tuple[int, int]] = set()
    for raw in data.get("holidays", []):
        text = str(raw)
        try:
            if len(text) == 5:  # MM-DD, every year
                month, day = (int(p) for p in text.split("-"))
                date(2000, month, day)  # validates (2000 is a leap year)
                yearly.add((month, day))
            else:
                holidays.add(date.fromisoformat(text))
        except ValueError:
            raise RulesError(f"holiday {text!r} is not a date (YYYY-MM-DD or MM-DD)") from None
    caps_raw = data.get("caps", {})
    budget_raw = data.get("touch_budget", {})
    try:
        caps = Caps(
            int(caps_raw.get("lifetime", 12)),
            int(caps_raw.get("per_24h", 3)),
            int(caps_raw.get("voicemails_per_day", 1)),
        )
        budget = TouchBudget(
            int(budget_raw.get("max_touches", 3)),
            timedelta(hours=float(budget_raw.get("window_hours", 48))),
            int(budget_raw.get("social_per_week", 1)),
        )
        wait = timedelta(minutes=float(data.get("new_lead_max_wait_minutes", 15)))
    except (TypeError, ValueError, AttributeError) as exc:
        raise RulesError(f"caps and touch budget must be numbers: {exc}") from None
    if min(caps.lifetime, caps.per_24h, caps.voicemails_per_day, budget.max_touches) < 1:
        raise RulesError("caps and the touch budget must be at least 1")
    return CallingRules(
        CallingHours(tuple(days), frozenset(holidays), frozenset(yearly)), caps, budget, wait
    )


def load_rules(text: str) -> CallingRules:
    try:
        return parse_rules(json.loads(text))
    except json.JSONDecodeError as exc:
        raise RulesError(f"calling hours file is not JSON: {exc}") from None


# -- zones ----------------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def zones_of(names: Sequence[str]) -> tuple[ZoneInfo, ...] | None:
    """The zones, or None when the list is empty or names a zone that does not exist."""
    if not names:
        return None
    zones = tuple(_zone(str(n)) for n in names)
    if any(z is None for z in zones):
        return None
    return tuple(z for z in zones if z is not None)


def is_open_in(hours: Hours, zone: ZoneInfo, at: datetime) -> bool:
    local = at.astimezone(zone)
    return any(w.contains(local) for w in hours.windows_on(local.date()))


def is_callable_at(hours: CallingHours, names: Sequence[str], at: datetime) -> bool:
    """True when `at` is inside the window in every candidate zone (False if none known)."""
    zones = zones_of(names)
    return zones is not None and all(is_open_in(hours, z, at) for z in zones)


def local_time(names: Sequence[str], at: datetime) -> str:
    """ "HH:MM" in the lead's first zone, "" when unknown."""
    zones = zones_of(names[:1])
    return at.astimezone(zones[0]).strftime("%H:%M") if zones else ""


Interval = tuple[datetime, datetime]


def _intervals(hours: Hours, zone: ZoneInfo, start: datetime, days: int) -> list[Interval]:
    """The open intervals (UTC) of one zone from the local day before `start` on."""
    first = start.astimezone(zone).date() - timedelta(days=1)
    return list(_intervals_from(hours, zone, first, days))


@lru_cache(maxsize=4096)
def _intervals_from(hours: Hours, zone: ZoneInfo, first: date, days: int) -> tuple[Interval, ...]:
    # Cached: logging an outcome and building the call list ask for the same zones and
    # days again and again, and the answer depends on nothing else.
    out: list[Interval] = []
    for offset in range(days + 2):
        day = first + timedelta(days=offset)
        for window in hours.windows_on(day):
            opens = _at_local(day, window.start, zone)
            closes = _at_local(day, window.end, zone)
            if closes > opens:
                out.append((opens, closes))
    return tuple(out)


def _at_local(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    if minutes >= 24 * 60:
        day, minutes = day + timedelta(days=1), minutes - 24 * 60
    local = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=zone)
    return local.astimezone(UTC)


def _intersect(a: list[Interval], b: list[Interval]) -> list[Interval]:
    out: list[Interval] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo < hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


@dataclass(frozen=True, slots=True)
class Check:
    """One rule to hold in one zone: `hours` in the local time of `zone`. `source` says
    whose rule it is (a law's `RuleRef`, or None for the team's own window)."""

    hours: Hours
    zone: ZoneInfo
    source: Any = None


@dataclass(frozen=True, slots=True)
class WindowState:
    """Whether a set of checks holds at one instant, and until when."""

    known: bool  # False: no usable time zone
    open: bool
    until: datetime | None = None  # when it closes (open) ...
    opens_at: datetime | None = None  # ... or opens next (closed); None: not within the horizon
    blocked_by: Check | None = None  # closed: the first check that fails now


def window_state(hours: CallingHours, names: Sequence[str], now: datetime) -> WindowState:
    """The team's `hours` in every candidate zone (no law applied: see `jurisdictions`)."""
    zones = zones_of(names)
    if zones is None:
        return WindowState(False, False)
    return checks_state(tuple(Check(hours, z) for z in zones), now)


def checks_state(checks: Sequence[Check], now: datetime) -> WindowState:
    """Open when every check holds at `now`; else closed, with the first failing check
    and the next instant at which all of them hold (within the horizon)."""
    if not checks:
        return WindowState(False, False)
    merged: list[Interval] | None = None
    never: Check | None = None  # a check with no opening at all within the horizon
    for check in checks:
        ivs = _intervals(check.hours, check.zone, now, HORIZON_DAYS)
        if never is None and not any(hi > now for _, hi in ivs):
            never = check
        merged = ivs if merged is None else _intersect(merged, ivs)
    assert merged is not None
    failing = next((c for c in checks if not is_open_in(c.hours, c.zone, now)), None)
    if failing is None:
        for lo, hi in merged:
            if lo <= now < hi:
                return WindowState(True, True, until=hi)
        return WindowState(True, True)
    for lo, hi in merged:
        # The direct local-time check is the authority; the interval is only a guide.
        if lo > now:
            probe = lo
            while probe < hi and not all(is_open_in(c.hours, c.zone, probe) for c in checks):
                probe += timedelta(minutes=1)
            if probe < hi:
                return WindowState(True, False, opens_at=probe, blocked_by=failing)
    # Nothing opens within the horizon: name the rule that never opens, if one does not.
    return WindowState(True, False, blocked_by=never or failing)


def next_open(hours: CallingHours, names: Sequence[str], at: datetime) -> datetime | None:
    """`at` itself when callable then, else the next opening (None: unknown zone or none
    within the horizon)."""
    state = window_state(hours, names, at)
    if state.open:
        return at
    return state.opens_at


# -- words ----------------------------------------------------------------------------------


def humanize(delta: timedelta) -> str:
    """'18 min', '2 h 5 min', '3 d 4 h'."""
    minutes = max(0, int((delta.total_seconds() + 59) // 60))
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def closed_reason(names: Sequence[str], state: WindowState, now: datetime) -> str:
    """'07:42 there, callable from 08:00, in 18 min' (or why not at all)."""
    zones = zones_of(names)
    if zones is None or not state.known:
        return "time zone unknown"
    here = now.astimezone(zones[0])
    there = f"{here:%H:%M} there"
    if len(zones) > 1:
        there += f" ({len(zones)} zones)"
    if state.opens_at is None:
        return f"{there}, no calling hours in the next {HORIZON_DAYS} days"
    opens = state.opens_at.astimezone(zones[0])
    when = f"{opens:%H:%M}"
    if opens.date() != here.date():
        when = (
            f"{opens:%a} {when}"
            if opens.date() - here.date() > timedelta(days=1)
            else (f"tomorrow {when}")
        )
    return f"{there}, callable from {when}, in {humanize(state.opens_at - now)}"
