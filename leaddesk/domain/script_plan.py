"""Where a voicemail sits in the lead's cadence, and what it says about time.

A lead hears a handful of voicemails over its cadence. Each is placed by its position
among the voicemails the lead will actually get: the first introduces, the last (and only
the last) closes the file, those between add value and offer a time in turn. "Will
actually get" counts the cadence's remaining calls that leave a message (`"voicemail":
true`), at most the daily voicemail cap on one day, within the lifetime attempt cap.

Offers of times name real days from the lead's calendar ("tomorrow at 10 or Friday
after 2"): days the lead's rules open and the cadence does not rest, at hours the rules
allow there. Greetings follow the lead's local clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from leaddesk.domain.cadence import Cadence
from leaddesk.domain.calling_hours import CallingRules
from leaddesk.domain.jurisdictions import LeadPlace, _holidays, next_open_for, split_code
from leaddesk.domain.outcomes import Channel

# The stage of a voicemail past the cadence's plan, or once a stage's variants were all
# heard: a short note that never repeats an earlier message.
GENERIC = "generic"
WEEKDAY_WORDS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The two offered slots: a morning one, then an afternoon one on a later day.
MORNING_HOUR = 10
AFTERNOON_HOUR = 14
OFFER_DAYS_AHEAD = 14


@dataclass(frozen=True, slots=True)
class VoicemailSlot:
    """The voicemail a call to the lead would leave now."""

    position: int  # 0-based, among the voicemails the lead gets
    total: int  # voicemails the lead gets over its whole cadence
    leaves_message: bool  # False: this call leaves none (step or cap); the script is the next one's
    reason: str = ""  # why no message, in words

    @property
    def stage(self) -> str:
        return stage_at(self.position, self.total)


def stage_at(position: int, total: int) -> str:
    """introduce first, close_file last (never before), add_value and offer_time in turn
    between; past the plan, the short generic note."""
    if position >= total:
        return GENERIC
    if position == 0:
        return "introduce"
    if position == total - 1:
        return "close_file"
    return "add_value" if position % 2 == 1 else "offer_time"


def voicemail_slot(
    cadence: Cadence,
    step: int,
    voicemails_left: int,
    *,
    attempts: int,
    lifetime: int,
    voicemails_per_day: int,
    today_ok: bool,
    textable: bool = True,
    callback: bool = False,
) -> VoicemailSlot:
    """The slot of the voicemail a call at cadence step `step` leaves.

    `voicemails_left`: messages this lead already got; `attempts`: attempts logged on it;
    `today_ok`: the daily voicemail cap still allows one today. The cadence's later steps
    are counted as they will run: texts skipped when the number takes none, each step one
    attempt until the lifetime cap, at most `voicemails_per_day` messages per cadence day
    (today's counting the ones already left when the cap is used up).

    A `callback` the lead asked for is outside the plan: a message may be left (cap
    allowing), and it is never the break-up one (the plan's later voicemails follow it)."""
    per_day: dict[float, int] = {}
    ahead = 0
    leaves = False
    reason = ""
    current = cadence.step(step)
    used = attempts
    for index in range(max(step, 0), len(cadence.steps)):
        s = cadence.steps[index]
        if s.channel is Channel.SMS and not textable:
            continue
        used += 1
        if used > lifetime:
            break
        if s.channel is not Channel.PHONE or not s.voicemail:
            continue
        if index == step and not today_ok:
            per_day[s.day] = voicemails_per_day
            continue
        if per_day.get(s.day, 0) >= max(voicemails_per_day, 1):
            continue
        per_day[s.day] = per_day.get(s.day, 0) + 1
        ahead += 1
        if index == step:
            leaves = True
    if callback and today_ok:
        return VoicemailSlot(voicemails_left, voicemails_left + ahead + 2, True)
    if current is None:
        reason = "the cadence is over: a short note if you leave one"
        leaves = today_ok
    elif not leaves:
        if current.channel is Channel.PHONE and not current.voicemail and today_ok:
            reason = "this call of the cadence leaves no message: hang up at the voicemail"
        elif not today_ok:
            reason = "already left today: hang up without a message"
        elif attempts >= lifetime:
            reason = "the attempt cap is reached: no message"
        else:
            reason = "no message on this step: hang up at the voicemail"
    return VoicemailSlot(voicemails_left, voicemails_left + ahead, leaves, reason)


# -- greetings and times -------------------------------------------------------------------


def greeting(local: datetime | None) -> str:
    """Good morning / afternoon / evening by the lead's clock; Hello when unknown or at night."""
    if local is None:
        return "Hello"
    if 5 <= local.hour < 12:
        return "Good morning"
    if 12 <= local.hour < 18:
        return "Good afternoon"
    if 18 <= local.hour < 22:
        return "Good evening"
    return "Hello"


def public_holiday(place: LeadPlace, day: date) -> str | None:
    """The public holiday on `day` where the lead may be (its countries and states), None
    on a working day: no meeting is offered on it, whatever the calling law says."""
    for code in place.jurisdictions:
        country, sub = split_code(code)
        name = _holidays(country, sub, day.year).get(day)
        if name is not None:
            return name
    return None


def _hour_words(at: datetime) -> str:
    hour = at.hour % 12 or 12
    return f"{hour}" if at.minute == 0 else f"{hour}:{at.minute:02d}"


def _day_words(day: date, today: date) -> str:
    if day == today + timedelta(days=1):
        return "tomorrow"
    if (day - today).days < 7:
        return WEEKDAY_WORDS[day.weekday()]
    return f"next {WEEKDAY_WORDS[day.weekday()]}"


def offer_times(
    rules: CallingRules,
    place: LeadPlace,
    now: datetime,
    zone: Any,
    rest_days: Sequence[int] | frozenset[int] = frozenset({5, 6}),
) -> str:
    """Two real slots from tomorrow on, in the lead's days: "tomorrow at 10 or Friday
    after 2". A morning slot on the first open day, an afternoon one on a later open day
    (open: the lead's rules allow calls at that hour, neither a rest day nor a public
    holiday where the lead is). Without a zone,
    or with no such days within two weeks, a plain "this week" offer."""
    if zone is None:
        return "sometime this week"
    today = now.astimezone(zone).date()
    slots: list[tuple[date, datetime, str]] = []
    want = ((MORNING_HOUR, 12, "at"), (AFTERNOON_HOUR, 17, "after"))
    day = today
    for _ in range(OFFER_DAYS_AHEAD):
        day += timedelta(days=1)
        if day.weekday() in rest_days or public_holiday(place, day):
            continue
        hour, until, word = want[len(slots)]
        at = datetime(day.year, day.month, day.day, hour, tzinfo=zone)
        opens = next_open_for(rules, place, at)
        if opens is None:
            continue
        there = opens.astimezone(zone)
        if there.date() != day or there.hour >= until:
            continue
        slots.append((day, there, word))
        if len(slots) == len(want):
            break
    if len(slots) < len(want):
        return "sometime this week"
    (d1, t1, w1), (d2, t2, w2) = slots
    return f"{_day_words(d1, today)} {w1} {_hour_words(t1)} or {_day_words(d2, today)} {w2} {_hour_words(t2)}"
