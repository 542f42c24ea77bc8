"""The time-based phone measures of a shift: talk time, wrap-up, handle time, dials and
contacts per hour, inbound (returned calls) apart from outbound. Defined once here;
`leaddesk.services.report` computes the same groups in SQL and hands them to `assemble`.

Definitions (over the report's effective phone attempts, see `metrics`):

- *Outbound* / *inbound*: calls the agent placed / calls a lead made (returned calls).
- *Talk time*: the attempt's `duration_s` (from the softphone's answer to its hang-up,
  or given with `leaddesk log --duration`); summed.
- *Wrap-up time*: the attempt's `wrapup_s`, from the hang-up to the outcome being logged;
  summed.
- *Handled calls*: calls with talk time above 0. *Average handle time* (AHT): their talk
  plus wrap-up time over their number; *talk mean* and *wrap-up mean* likewise.
- *Active time*: per agent, the time spent in an agent state other than offline when the
  agent recorded states in the period; otherwise from the start of the agent's first call
  to the end of the last one's wrap-up (start + ring + talk + wrap-up). States that begin
  after the agent's first call of the period do not cover the calls: the active time is
  then not known (None), rather than every call divided by part of the time. The team's
  active time is the sum of its agents' (agent-hours), not known if one agent's is not.
- *Dials per hour*: outbound calls / active hours. *Contacts per hour*: calls that
  reached a person (both directions) / active hours.
- *By hour of day*: dials and contacts by the UTC hour in which the call started.

A rate whose denominator is zero is None, never 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from leaddesk.domain.outcomes import OUTCOMES

INBOUND = "inbound"
OUTBOUND = "outbound"


@dataclass(frozen=True, slots=True)
class CallFact:
    """One effective phone attempt, as the phone measures need it."""

    agent_id: str | None
    direction: str
    outcome: str
    started_at: datetime
    ring_s: int | None = None
    duration_s: int | None = None
    wrapup_s: int | None = None


@dataclass(frozen=True, slots=True)
class CallGroup:
    """Calls of one direction, reached or not, started in one UTC hour of the day."""

    direction: str
    reached: bool
    hour: int
    count: int
    talk_s: int = 0
    wrapup_s: int = 0
    handled: int = 0
    handled_talk_s: int = 0
    handled_wrapup_s: int = 0
    first_start: float | None = None  # Unix seconds
    last_end: float | None = None


@dataclass(frozen=True, slots=True)
class PhoneMeasures:
    calls_outbound: int = 0
    calls_inbound: int = 0
    contacts: int = 0
    talk_s: int = 0
    wrapup_s: int = 0
    handled: int = 0
    talk_mean_s: float | None = None
    wrapup_mean_s: float | None = None
    aht_s: float | None = None
    active_s: float | None = None
    dials_per_hour: float | None = None
    contacts_per_hour: float | None = None
    # UTC hour of day -> (dials, contacts)
    by_hour: dict[int, tuple[int, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "outbound_calls": self.calls_outbound,
            "inbound_calls": self.calls_inbound,
            "contacts": self.contacts,
            "talk_time_s": self.talk_s,
            "wrapup_time_s": self.wrapup_s,
            "handled_calls": self.handled,
            "talk_mean_s": _round(self.talk_mean_s),
            "wrapup_mean_s": _round(self.wrapup_mean_s),
            "aht_s": _round(self.aht_s),
            "active_hours": _round(None if self.active_s is None else self.active_s / 3600, 3),
            "dials_per_hour": _round(self.dials_per_hour, 2),
            "contacts_per_hour": _round(self.contacts_per_hour, 2),
            "by_hour": {
                f"{hour:02d}": {"dials": dials, "contacts": contacts}
                for hour, (dials, contacts) in sorted(self.by_hour.items())
            },
        }


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def is_contact(outcome: str) -> bool:
    info = OUTCOMES.get(outcome)
    return info is not None and info.reached


def group_calls(calls: Iterable[CallFact]) -> dict[str | None, list[CallGroup]]:
    """The calls grouped per agent as the SQL side groups them (for the Python path)."""
    acc: dict[tuple[str | None, str, bool, int], list[float]] = defaultdict(
        lambda: [0, 0, 0, 0, 0, 0, float("inf"), float("-inf")]
    )
    for c in calls:
        key = (c.agent_id, c.direction, is_contact(c.outcome), _utc_hour(c.started_at))
        row = acc[key]
        talk, wrap = c.duration_s or 0, c.wrapup_s or 0
        start = c.started_at.timestamp()
        row[0] += 1
        row[1] += talk
        row[2] += wrap
        if talk > 0:
            row[3] += 1
            row[4] += talk
            row[5] += wrap
        row[6] = min(row[6], start)
        row[7] = max(row[7], start + (c.ring_s or 0) + talk + wrap)
    out: dict[str | None, list[CallGroup]] = defaultdict(list)
    for (agent, direction, reached, hour), r in sorted(
        acc.items(), key=lambda kv: (kv[0][0] or "", kv[0][1:])
    ):
        out[agent].append(
            CallGroup(
                direction,
                reached,
                hour,
                int(r[0]),
                int(r[1]),
                int(r[2]),
                int(r[3]),
                int(r[4]),
                int(r[5]),
                r[6],
                r[7],
            )
        )
    return dict(out)


def _utc_hour(at: datetime) -> int:
    return at.astimezone(UTC).hour


def active_span(groups: Iterable[CallGroup]) -> float | None:
    """Seconds from the first call's start to the last call's wrap-up end."""
    starts = [g.first_start for g in groups if g.first_start is not None]
    ends = [g.last_end for g in groups if g.last_end is not None]
    if not starts or not ends:
        return None
    return max(0.0, max(ends) - min(starts))


def assemble_phone(groups: Iterable[CallGroup], active_s: float | None) -> PhoneMeasures:
    """The phone measures from one agent's (or the team's) call groups and active time."""
    rows = list(groups)
    outbound = sum(g.count for g in rows if g.direction == OUTBOUND)
    inbound = sum(g.count for g in rows if g.direction == INBOUND)
    contacts = sum(g.count for g in rows if g.reached)
    handled = sum(g.handled for g in rows)
    h_talk = sum(g.handled_talk_s for g in rows)
    h_wrap = sum(g.handled_wrapup_s for g in rows)
    hours: dict[int, tuple[int, int]] = {}
    for g in rows:
        dials, reached = hours.get(g.hour, (0, 0))
        hours[g.hour] = (
            dials + (g.count if g.direction == OUTBOUND else 0),
            reached + (g.count if g.reached else 0),
        )
    active_h = active_s / 3600 if active_s else None
    return PhoneMeasures(
        calls_outbound=outbound,
        calls_inbound=inbound,
        contacts=contacts,
        talk_s=sum(g.talk_s for g in rows),
        wrapup_s=sum(g.wrapup_s for g in rows),
        handled=handled,
        talk_mean_s=h_talk / handled if handled else None,
        wrapup_mean_s=h_wrap / handled if handled else None,
        aht_s=(h_talk + h_wrap) / handled if handled else None,
        active_s=active_s,
        dials_per_hour=outbound / active_h if active_h else None,
        contacts_per_hour=contacts / active_h if active_h else None,
        by_hour=dict(sorted(hours.items())),
    )
