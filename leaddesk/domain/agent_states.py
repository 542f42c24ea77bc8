"""Agent states: ready, on a call, wrap-up, paused (with a reason), offline; and the time
spent in each over a period, the base of every contact-center report.

A state change is a row (`agent_state`): the state holds from its start until the
agent's next change. Over a period [since, until) each state's time is the overlap of
those intervals with the period; the last change holds until `until` (the report's end,
which is "now" for a report up to now). A pause counts per reason too. No Qt, no store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class AgentState(StrEnum):
    READY = "ready"
    ON_CALL = "on_call"
    WRAP_UP = "wrap_up"
    PAUSED = "paused"
    OFFLINE = "offline"


# The pause reasons a team starts with (Settings: agent_states.pause_reasons).
DEFAULT_PAUSE_REASONS = ("break", "training", "meeting")
_REASON = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class StateError(ValueError):
    """A state or pause reason that cannot be recorded as given."""


def parse_reasons(text: str) -> tuple[str, ...]:
    """ "break, Training, lunch break" -> ("break", "training", "lunch_break"); raises
    StateError for a reason that is not a short word."""
    reasons: list[str] = []
    for part in text.split(","):
        code = re.sub(r"\s+", "_", part.strip().lower())
        if not code:
            continue
        if not _REASON.match(code):
            raise StateError(
                f"pause reason {part.strip()!r} must be a short word (letters, digits, _)"
            )
        if code not in reasons:
            reasons.append(code)
    return tuple(reasons)


def check_state(state: str, reason: str, reasons: Sequence[str]) -> tuple[AgentState, str]:
    """The state and its reason, checked: a pause needs one of `reasons`, other states none."""
    try:
        value = AgentState(state)
    except ValueError:
        known = ", ".join(s.value for s in AgentState)
        raise StateError(f"unknown agent state {state!r}; expected one of: {known}") from None
    reason = reason.strip().lower()
    if value is AgentState.PAUSED:
        if reason not in reasons:
            allowed = ", ".join(reasons)
            raise StateError(
                f"a pause needs a reason: one of {allowed}"
                if not reason
                else f"unknown pause reason {reason!r}; the team's reasons are: {allowed}"
            )
    elif reason:
        raise StateError(f"only a pause has a reason (not {value.value!r})")
    return value, reason


@dataclass(frozen=True, slots=True)
class StateChange:
    agent_id: str
    state: str
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class StateTimes:
    """Seconds in each state over a period, pauses also per reason."""

    seconds: dict[str, float] = field(default_factory=dict)
    paused_by_reason: dict[str, float] = field(default_factory=dict)
    # From when in the period the agent's states are known (None: no state recorded).
    known_from: datetime | None = None

    @property
    def active_s(self) -> float | None:
        """Time logged in (any state but offline); None when no state was recorded."""
        if not self.seconds:
            return None
        return sum(s for k, s in self.seconds.items() if k != AgentState.OFFLINE)

    def to_json(self) -> dict[str, object]:
        return {
            "states": {s.value: round(self.seconds.get(s.value, 0.0)) for s in AgentState},
            "paused_by_reason": {k: round(v) for k, v in sorted(self.paused_by_reason.items())},
        }


def time_in_states(
    changes: Iterable[StateChange], since: datetime | None, until: datetime
) -> StateTimes:
    """One agent's time per state in [since, until): `changes` may start before `since`
    (the state the agent was in when the period began)."""
    ordered = sorted(changes, key=lambda c: c.at)
    seconds: dict[str, float] = {}
    by_reason: dict[str, float] = {}
    known_from: datetime | None = None
    for change, following in zip(ordered, [*ordered[1:], None], strict=True):
        start = change.at if since is None else max(change.at, since)
        end = until if following is None else min(following.at, until)
        if end <= start:
            continue
        known_from = start if known_from is None else min(known_from, start)
        span = (end - start).total_seconds()
        seconds[change.state] = seconds.get(change.state, 0.0) + span
        if change.state == AgentState.PAUSED and change.reason:
            by_reason[change.reason] = by_reason.get(change.reason, 0.0) + span
    return StateTimes(seconds, by_reason, known_from)


def team_times(per_agent: Iterable[StateTimes]) -> StateTimes:
    seconds: dict[str, float] = {}
    by_reason: dict[str, float] = {}
    for times in per_agent:
        for k, v in times.seconds.items():
            seconds[k] = seconds.get(k, 0.0) + v
        for k, v in times.paused_by_reason.items():
            by_reason[k] = by_reason.get(k, 0.0) + v
    return StateTimes(seconds, by_reason)
