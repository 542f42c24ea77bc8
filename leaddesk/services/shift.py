"""Today's shift figures for the agent window's shift bar.

"Today" is the agent's local calendar day (the computer's time zone unless one is
given), from local midnight to the next. The figures use the definitions of
`leaddesk.domain.metrics`: corrected attempts are replaced by their correction and a
dial still in progress is not counted until its outcome is logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import bindparam, text

from leaddesk.domain.clock import as_utc
from leaddesk.domain.metrics import REACHED_OUTCOMES, VOICEMAIL_LEFT, median
from leaddesk.domain.outcomes import CLOSED_STATUSES
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import UTCDateTime

# Attempts replaced by a correction; SQLite runs the subquery once into a temporary index.
NOT_SUPERSEDED = "id NOT IN (SELECT supersedes_id FROM attempt WHERE supersedes_id IS NOT NULL)"


def _in_list(codes: frozenset[str] | set[str]) -> str:
    # Outcome codes and statuses come from our own tables, never from input.
    return ", ".join(f"'{code}'" for code in sorted(codes))


@dataclass(frozen=True, slots=True)
class ShiftStats:
    """What the shift bar shows."""

    day_start: datetime  # local midnight, as an aware UTC instant
    dials: int  # calls logged today
    connects: int  # calls that reached a person today
    voicemails_left: int
    never_contacted: int  # the agent's open leads that have never been attempted
    speed_to_lead_median_s: float | None  # over leads first attempted today

    @property
    def contact_rate(self) -> float | None:
        return self.connects / self.dials if self.dials else None


def local_day_start(now: datetime, tz: tzinfo | None = None) -> datetime:
    """Midnight of `now`'s calendar day in `tz` (the computer's zone when None), in UTC."""
    local = as_utc(now).astimezone(tz)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return as_utc(midnight)


_COUNTS = text(
    f"""
    SELECT
      COALESCE(SUM(CASE WHEN channel = 'phone' THEN 1 ELSE 0 END), 0),
      COALESCE(SUM(CASE WHEN channel = 'phone' AND outcome IN ({_in_list(REACHED_OUTCOMES)})
                   THEN 1 ELSE 0 END), 0),
      COALESCE(SUM(CASE WHEN outcome = '{VOICEMAIL_LEFT}' THEN 1 ELSE 0 END), 0)
    FROM attempt
    WHERE agent_id = :agent AND outcome IS NOT NULL
      AND started_at >= :start AND started_at < :end AND {NOT_SUPERSEDED}
    """
).bindparams(bindparam("start", type_=UTCDateTime()), bindparam("end", type_=UTCDateTime()))

_NEVER_CONTACTED = text(
    f"""
    SELECT COUNT(*) FROM lead
    WHERE owner_id = :agent AND deleted_at IS NULL AND NOT do_not_call
      AND status NOT IN ({_in_list({s.value for s in CLOSED_STATUSES})})
      AND arrived_at <= :now
      AND NOT EXISTS (
        SELECT 1 FROM attempt WHERE attempt.lead_id = lead.id AND attempt.outcome IS NOT NULL)
    """
).bindparams(bindparam("now", type_=UTCDateTime()))

# The agent's leads touched today, with their arrival and their first attempt ever.
_FIRST_TOUCHES = text(
    f"""
    SELECT lead.arrived_at, MIN(attempt.started_at)
    FROM lead JOIN attempt ON attempt.lead_id = lead.id
    WHERE lead.owner_id = :agent AND lead.deleted_at IS NULL
      AND attempt.outcome IS NOT NULL AND attempt.{NOT_SUPERSEDED}
      AND lead.id IN (
        SELECT lead_id FROM attempt
        WHERE started_at >= :start AND started_at < :end AND outcome IS NOT NULL)
    GROUP BY lead.id, lead.arrived_at
    """
).bindparams(
    bindparam("start", type_=UTCDateTime()),
    bindparam("end", type_=UTCDateTime()),
)


class ShiftService:
    def __init__(self, workspace: Workspace, tz: tzinfo | None = None) -> None:
        self.ws = workspace
        self.tz = tz

    def today(self) -> ShiftStats:
        now = as_utc(self.ws.clock())
        start = local_day_start(now, self.tz)
        # The next local midnight (a DST day is 23 or 25 hours long).
        end = local_day_start(start + timedelta(hours=36), self.tz)
        agent = self.ws.agent.id
        with self.ws.store.session() as session:
            row = session.execute(_COUNTS, {"agent": agent, "start": start, "end": end}).one()
            never = session.execute(_NEVER_CONTACTED, {"agent": agent, "now": now}).scalar_one()
            firsts = session.execute(
                _FIRST_TOUCHES, {"agent": agent, "start": start, "end": end}
            ).all()
        speeds = []
        for arrived_raw, first_raw in firsts:
            arrived, first = _instant(arrived_raw), _instant(first_raw)
            if start <= first < end:
                speeds.append(max(0.0, (first - arrived).total_seconds()))
        return ShiftStats(
            day_start=start,
            dials=int(row[0]),
            connects=int(row[1]),
            voicemails_left=int(row[2]),
            never_contacted=int(never),
            speed_to_lead_median_s=median(speeds),
        )


def _instant(raw: object) -> datetime:
    """A datetime read by raw SQL (SQLite gives text for aggregates) as aware UTC."""
    if isinstance(raw, str):
        raw = datetime.fromisoformat(raw)
    if not isinstance(raw, datetime):
        raise TypeError(f"expected a time, got {raw!r}")
    return as_utc(raw)
