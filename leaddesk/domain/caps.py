"""Limits on how often a lead is touched: attempt caps and the cross-channel touch budget.

Caps stop calls outright (the call list blocks the lead, a dial is refused); the touch
budget shapes the *planning* of the next touch so that a prospect never feels watched.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from leaddesk.domain.outcomes import Channel

DAY = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class Caps:
    lifetime: int = 12  # attempts on a lead, every channel
    per_24h: int = 3  # attempts in any rolling 24 hours
    voicemails_per_day: int = 1  # messages left per lead per (local) day


@dataclass(frozen=True, slots=True)
class TouchBudget:
    max_touches: int = 3  # touches the lead notices ...
    window: timedelta = timedelta(hours=48)  # ... in any window this long
    social_per_week: int = 1


# Attempts the lead does not notice: they do not use the touch budget.
UNNOTICED_OUTCOMES = frozenset({"busy", "bad_number", "wrong_number"})


@dataclass(frozen=True, slots=True)
class Touch:
    """One earlier attempt, as the caps and the budget see it."""

    at: datetime
    channel: Channel
    outcome: str

    @property
    def noticed(self) -> bool:
        return self.outcome not in UNNOTICED_OUTCOMES


@dataclass(frozen=True, slots=True)
class CapCheck:
    ok: bool
    reason: str = ""
    until: datetime | None = None  # when the cap stops blocking (None: never)


def attempts_since(touches: Iterable[Touch], since: datetime) -> list[datetime]:
    return sorted(t.at for t in touches if t.at > since)


def check_caps(
    caps: Caps, attempt_count: int, recent: Sequence[datetime], now: datetime
) -> CapCheck:
    """May one more attempt be made at `now`? `recent` are attempt times (any order)."""
    if attempt_count >= caps.lifetime:
        return CapCheck(False, f"attempt cap reached ({caps.lifetime} attempts)")
    last_day = sorted(t for t in recent if now - DAY < t <= now)
    if len(last_day) >= caps.per_24h:
        # The cap lifts when enough of those attempts are more than 24 h old.
        until = last_day[len(last_day) - caps.per_24h] + DAY
        return CapCheck(
            False, f"{len(last_day)} attempts in the last 24 h (cap {caps.per_24h})", until
        )
    return CapCheck(True)


def voicemail_allowed(caps: Caps, voicemail_days: Iterable[date], today: date) -> bool:
    """One message per lead per local day (by default)."""
    return sum(1 for d in voicemail_days if d == today) < caps.voicemails_per_day


def budget_earliest(
    budget: TouchBudget, touches: Sequence[Touch], channel: Channel, not_before: datetime
) -> datetime:
    """The earliest time at or after `not_before` when one more touch on `channel` keeps
    the budget: at most `max_touches` noticed touches in any `window`, and at most
    `social_per_week` social touches in any 7 days."""
    at = not_before
    noticed = sorted(t.at for t in touches if t.noticed)
    if budget.max_touches > 0 and len(noticed) >= budget.max_touches:
        # Every window of length `window` ending at the new touch may hold at most
        # max_touches - 1 earlier ones: wait for the (max_touches)-th most recent to age out.
        pivot = noticed[len(noticed) - budget.max_touches]
        at = max(at, pivot + budget.window)
    if channel is Channel.SOCIAL:
        social = sorted(t.at for t in touches if t.channel is Channel.SOCIAL)
        if budget.social_per_week > 0 and len(social) >= budget.social_per_week:
            pivot = social[len(social) - budget.social_per_week]
            at = max(at, pivot + timedelta(days=7))
    return at
