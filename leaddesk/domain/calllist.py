"""Call-list priority: which section a lead belongs to now, and the order inside it.

Sections, in order: callbacks due (a promised time outranks everything; an overdue
callback stays on top until handled), new leads never attempted, follow-ups due
(earliest due first), later (next touch in the future), blocked (not callable now).

New leads: speed to lead first. A lead that arrived less than `new_lead_max_wait` ago
(15 minutes: the window in which a call still finds the lead at their desk) goes ahead of
every older never-attempted lead, and these fresh leads are called in arrival order, so
that each gets its call inside its window whenever the agent keeps up: a fresh lead is
passed only by fresh leads that arrived before it. A backlog (an import, a weekend of web
forms) follows, oldest first. A backlog is never allowed to bury a lead that just came
in; under a stream of fresh leads faster than the agent can call, the backlog waits, and
"never contacted" tells the supervisor so.

This module is the reference: `services/calllist.py` runs the same rules in SQL, and a
test checks that both agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum

from leaddesk.domain.calling_hours import (
    CallingRules,
    WindowState,
    closed_reason,
    humanize,
    local_time,
)
from leaddesk.domain.caps import DAY
from leaddesk.domain.jurisdictions import CapHit, LeadPlace, cap_words, why_closed
from leaddesk.domain.outcomes import CLOSED_STATUSES, LeadStatus


class Section(IntEnum):
    CALLBACK = 0
    NEW = 1
    FOLLOW_UP = 2
    LATER = 3
    BLOCKED = 4

    @property
    def key(self) -> str:
        return self.name.lower()


SECTION_KEYS = tuple(s.key for s in Section)

# The words a reason begins with that name its section ("new lead, waiting 3 min").
SECTION_WORDS = {Section.CALLBACK: "callback ", Section.NEW: "new lead, "}


def without_section_words(section: str, reason: str) -> str:
    """The reason less the words that name its section, for a place that shows the
    section already (the call list's chip): "waiting 3 min", "overdue by 16 min"."""
    said = next((w for s, w in SECTION_WORDS.items() if s.key == section), "")
    return reason.removeprefix(said)


# Channels that need a good phone number and calling hours.
VOICE_CHANNELS = frozenset({"phone", "sms"})
# Leads in these statuses have left the call list: their cadence ended.
LISTED_EXCLUDED = frozenset(s.value for s in CLOSED_STATUSES)


@dataclass(frozen=True, slots=True)
class LeadFacts:
    """What the priority rules need to know of one lead."""

    lead_id: str
    status: str
    arrived_at: datetime
    next_action_at: datetime | None
    next_channel: str | None
    attempt_count: int
    do_not_call: bool  # flagged on the lead or its number is on the do-not-call list
    phone_bad: bool  # the number is marked bad
    time_zones: tuple[str, ...]
    attempts_24h: int = 0  # attempts in the 24 hours before now
    has_phone: bool = True
    jurisdictions: tuple[str, ...] = ()
    consent: str = "none"
    cap: CapHit | None = None  # a law's or the team's cap that blocks a call now

    @property
    def place(self) -> LeadPlace:
        return LeadPlace(self.time_zones, self.jurisdictions, self.consent)


@dataclass(frozen=True, slots=True)
class Placement:
    section: Section
    callable: bool
    blocked_by: str  # "", "dnc", "bad_number", "cap", "cap_24h", "hours", "zone"


def is_listed(facts: LeadFacts) -> bool:
    return facts.status not in LISTED_EXCLUDED


def is_new(facts: LeadFacts) -> bool:
    return facts.status == LeadStatus.NEW and facts.attempt_count == 0


def place(facts: LeadFacts, now: datetime, rules: CallingRules, window: WindowState) -> Placement:
    """The section of a listed lead at `now`; `window` is its zones' state at `now`."""
    channel = facts.next_channel or "phone"
    voice = channel in VOICE_CHANNELS
    # Blocks that hold whatever the time.
    if facts.do_not_call:
        return Placement(Section.BLOCKED, False, "dnc")
    # A bad or missing number blocks the lead on every channel: the cadence is phone
    # first, and the agent fixes the number (or ends the lead) before anything else.
    if facts.phone_bad or not facts.has_phone:
        return Placement(Section.BLOCKED, False, "bad_number")
    if facts.attempt_count >= rules.caps.lifetime:
        return Placement(Section.BLOCKED, False, "cap")
    if voice and not window.known:
        return Placement(Section.BLOCKED, False, "zone")
    due = is_new(facts) or facts.next_action_at is None or facts.next_action_at <= now
    if not due:
        return Placement(Section.LATER, False, "")
    if facts.cap is not None or facts.attempts_24h >= rules.caps.per_24h:
        return Placement(Section.BLOCKED, False, "cap_24h")
    if voice and not window.open:
        return Placement(Section.BLOCKED, False, "hours")
    if facts.status == LeadStatus.CALLBACK:
        return Placement(Section.CALLBACK, True, "")
    if is_new(facts):
        return Placement(Section.NEW, True, "")
    return Placement(Section.FOLLOW_UP, True, "")


def sort_key(
    facts: LeadFacts, placement: Placement, now: datetime, rules: CallingRules
) -> tuple[int, int, float, str]:
    """Order inside the list: (section, tier, time key, id)."""
    section = placement.section
    if section is Section.NEW:
        fresh = now - facts.arrived_at < rules.new_lead_max_wait
        # Fresh leads first, then the backlog; each in arrival order.
        return (section, 0 if fresh else 1, facts.arrived_at.timestamp(), facts.lead_id)
    if facts.next_action_at is None:
        return (section, 1, 0.0, facts.lead_id)
    return (section, 0, facts.next_action_at.timestamp(), facts.lead_id)


def order(
    leads: list[LeadFacts],
    now: datetime,
    rules: CallingRules,
    windows: dict[tuple[str, ...], WindowState],
) -> list[tuple[LeadFacts, Placement]]:
    """The whole list in call order (reference implementation; the service uses SQL)."""
    placed = [(f, place(f, now, rules, windows[f.time_zones])) for f in leads if is_listed(f)]
    placed.sort(key=lambda fp: sort_key(fp[0], fp[1], now, rules))
    return placed


def reason(
    facts: LeadFacts,
    placement: Placement,
    now: datetime,
    window: WindowState,
    cap_until: datetime | None = None,
    lifetime_cap: int = 12,
    rules: CallingRules | None = None,
) -> str:
    """Why the lead is where it is, in the agent's words."""
    blocked = placement.blocked_by
    if blocked == "dnc":
        return "on the do-not-call list"
    if blocked == "bad_number":
        return "no phone number" if not facts.has_phone else "bad number"
    if blocked == "cap":
        return f"attempt cap reached ({lifetime_cap} attempts)"
    if blocked == "zone":
        return "time zone unknown"
    if blocked == "cap_24h" and facts.cap is not None:
        return cap_words(facts.cap, now)
    if blocked == "cap_24h":
        text = f"{facts.attempts_24h} attempts in the last 24 h"
        if cap_until is not None:
            text += f"; callable again in {humanize(cap_until - now)}"
        return text
    if blocked == "hours":
        if rules is not None and window.blocked_by is not None:
            return why_closed(rules, facts.place, window, now)
        return closed_reason(facts.time_zones, window, now)
    section = placement.section
    if section is Section.CALLBACK:
        said = SECTION_WORDS[Section.CALLBACK]
        if facts.next_action_at is None:
            return f"{said}due"
        # The promised time in the lead's words: their local clock.
        promised = local_time(facts.time_zones, facts.next_action_at)
        at = f" (promised for {promised} there)" if promised else ""
        late = now - facts.next_action_at
        if late < timedelta(minutes=1):
            return f"{said}due now{at}"
        return f"{said}overdue by {humanize(late)}{at}"
    if section is Section.NEW:
        return f"{SECTION_WORDS[Section.NEW]}waiting {humanize(now - facts.arrived_at)}"
    channel = facts.next_channel or "phone"
    if section is Section.FOLLOW_UP:
        if facts.next_action_at is None:
            return f"{channel} due"
        return f"{channel} due {humanize(now - facts.next_action_at)} ago"
    assert facts.next_action_at is not None
    return f"next: {channel} in {humanize(facts.next_action_at - now)}"


def cap_lift(recent: list[datetime], per_24h: int) -> datetime | None:
    """When the rolling 24 h cap lifts, given the attempt times in the last 24 hours."""
    if len(recent) < per_24h:
        return None
    ordered = sorted(recent)
    return ordered[len(ordered) - per_24h] + DAY
