"""Cadence: the planned sequence of touches, and what each logged outcome does to it.

A cadence is anchored at the lead's first attempt (not its arrival: a lead that waited
for its first call still gets the whole sequence). `plan_next` is the one place where an
outcome turns into the lead's next action.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from leaddesk.domain.calling_hours import CallingRules, zones_of
from leaddesk.domain.caps import DAY, Touch, budget_earliest
from leaddesk.domain.jurisdictions import LeadPlace, cap_hit, caps_for, next_open_for
from leaddesk.domain.outcomes import Channel, Effect, LeadStatus, default_channel, outcome_info

# A busy line is retried soon, but not at once: two hours moves it to another part of the day.
BUSY_RETRY = timedelta(hours=2)
# Never plan two touches closer than this, even when the cadence says "same day".
MIN_GAP = timedelta(hours=2)
# A call that did not reach the lead: the retry goes to another part of the lead's day.
FAILED_CALL_OUTCOMES = frozenset({"no_answer", "busy", "voicemail_left", "voicemail_no_message"})
# Phone types a text may go to (phonenumbers cannot tell US mobiles from landlines, so
# "fixed_or_mobile", the type the import stores for them, is allowed; "fixed_line",
# "other" and "unknown" are not). "fixed_line_or_mobile" is kept for older rows.
TEXTABLE_PHONE_TYPES = frozenset({"mobile", "fixed_or_mobile", "fixed_line_or_mobile"})
# Parts of the local day, by their first hour.
DAY_PARTS = ((0, "night"), (5, "morning"), (12, "afternoon"), (17, "evening"))
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Days a cadence plans no touch on, unless its file says otherwise ("rest_days": []):
# Sunday. Days the lead's law closes (Sunday in Alabama, ...) are closed on top of these.
DEFAULT_REST_DAYS = frozenset({6})
# An email or a social touch moved off a closed day goes out at this local hour.
WRITTEN_TOUCH_HOUR = 9


class CadenceError(ValueError):
    """A cadence definition that cannot be used."""


@dataclass(frozen=True, slots=True)
class CadenceStep:
    day: float
    channel: Channel
    voicemail: bool = False
    label: str = ""
    # A written step's message to send (optional; shown on the card when it is due).
    template: str = ""


@dataclass(frozen=True, slots=True)
class Cadence:
    name: str
    steps: tuple[CadenceStep, ...]
    rest_days: frozenset[int] = DEFAULT_REST_DAYS  # weekdays (Monday 0) without touches

    def step(self, index: int) -> CadenceStep | None:
        return self.steps[index] if 0 <= index < len(self.steps) else None


def parse_cadence(data: Mapping[str, Any]) -> Cadence:
    """A cadence from its JSON form; the first step must be a call (phone first)."""
    name = str(data.get("name") or "").strip()
    if not name:
        raise CadenceError("a cadence needs a name")
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise CadenceError(f"cadence {name!r} has no steps")
    steps: list[CadenceStep] = []
    last_day = 0.0
    for number, raw in enumerate(raw_steps, start=1):
        if not isinstance(raw, Mapping):
            raise CadenceError(f"cadence {name!r}, step {number}: expected an object")
        try:
            channel = Channel(str(raw.get("channel")))
        except ValueError:
            raise CadenceError(
                f"cadence {name!r}, step {number}: unknown channel {raw.get('channel')!r}"
            ) from None
        try:
            day = float(raw.get("day", 0))
        except (TypeError, ValueError):
            raise CadenceError(f"cadence {name!r}, step {number}: day must be a number") from None
        if day < last_day:
            raise CadenceError(f"cadence {name!r}, step {number}: days must not go backwards")
        last_day = day
        steps.append(
            CadenceStep(
                day,
                channel,
                bool(raw.get("voicemail", False)),
                str(raw.get("label", "")),
                str(raw.get("template", "")),
            )
        )
    if steps[0].channel is not Channel.PHONE:
        raise CadenceError(f"cadence {name!r}: the first touch must be a call (phone first)")
    return Cadence(name, tuple(steps), _rest_days(name, data.get("rest_days")))


def _rest_days(name: str, raw: Any) -> frozenset[int]:
    if raw is None:
        return DEFAULT_REST_DAYS
    if not isinstance(raw, list):
        raise CadenceError(f"cadence {name!r}: rest_days must be a list of weekday names")
    days = set()
    for item in raw:
        day = str(item).strip().lower()
        if day not in WEEKDAYS:
            raise CadenceError(
                f"cadence {name!r}: unknown rest day {item!r}; use weekday names like 'sunday'"
            )
        days.add(WEEKDAYS.index(day))
    if len(days) == len(WEEKDAYS):
        raise CadenceError(f"cadence {name!r}: rest_days cannot be every day of the week")
    return frozenset(days)


def cadence_to_json(cadence: Cadence) -> dict[str, Any]:
    return {
        "name": cadence.name,
        "steps": [
            {
                "day": s.day,
                "channel": s.channel.value,
                "voicemail": s.voicemail,
                "label": s.label,
                **({"template": s.template} if s.template else {}),
            }
            for s in cadence.steps
        ],
        "rest_days": [WEEKDAYS[d] for d in sorted(cadence.rest_days)],
    }


@dataclass(frozen=True, slots=True)
class LeadProgress:
    """What the cadence needs to know of a lead."""

    status: LeadStatus
    cadence_step: int  # index of the next step to perform
    first_attempt_at: datetime | None
    reached: bool = False  # reached before (a conversation or a written reply)
    attempts: int = 0  # attempts logged before this one, every channel


@dataclass(frozen=True, slots=True)
class NextAction:
    status: LeadStatus
    cadence_step: int
    at: datetime | None
    channel: Channel | None
    phone_bad: bool = False
    do_not_call: bool = False

    @property
    def ends_cadence(self) -> bool:
        return self.at is None


@dataclass(frozen=True, slots=True)
class TouchContext:
    """What places the next touch in the lead's world: calling hours in its zones, the
    touch budget over its recent history, and whether its number takes texts."""

    rules: CallingRules
    zones: tuple[str, ...] = ()
    mobile: bool = True
    history: tuple[Touch, ...] = ()  # earlier attempts (the one being logged excluded)
    jurisdictions: tuple[str, ...] = ()
    consent: str = "none"

    @property
    def place(self) -> LeadPlace:
        return LeadPlace(self.zones, self.jurisdictions, self.consent)


def plan_next(
    cadence: Cadence,
    progress: LeadProgress,
    outcome: str,
    at: datetime,
    callback_at: datetime | None = None,
    *,
    context: TouchContext | None = None,
    channel: Channel | None = None,
) -> NextAction:
    """The lead's next action after `outcome` was logged at `at` (on `channel`).

    With a `context`, the next touch also respects the touch budget, the attempt caps
    and calling hours, skips texts to numbers that are not mobile, and a retry after a
    failed call goes to another part of the lead's day. A callback keeps its exact time.
    The attempt that reaches the lifetime cap ends the cadence (status finished), unless
    the lead asked for a callback: that promise is kept on the list, blocked by the cap
    until the agent raises it.
    """
    info = outcome_info(outcome)
    effect = info.effect
    anchor = progress.first_attempt_at or at
    step_done = progress.cadence_step + 1
    reached = progress.reached or info.reached

    if effect is Effect.WON:
        return NextAction(LeadStatus.QUALIFIED, step_done, None, None)
    if effect is Effect.LOST:
        return NextAction(LeadStatus.NOT_INTERESTED, step_done, None, None)
    if effect is Effect.DO_NOT_CALL:
        return NextAction(LeadStatus.DO_NOT_CALL, step_done, None, None, do_not_call=True)
    if effect is Effect.BAD_NUMBER:
        return NextAction(LeadStatus.BAD_NUMBER, step_done, None, None, phone_bad=True)
    if effect is Effect.CALLBACK:
        if callback_at is None:
            raise ValueError("a callback outcome needs the callback time")
        return NextAction(LeadStatus.CALLBACK, step_done, callback_at, Channel.PHONE)
    if effect is Effect.RETRY_SOON:
        # The step is not used up by a busy line; try it again at another time of day.
        status = LeadStatus.REACHED if reached else LeadStatus.WORKING
        nxt = NextAction(status, progress.cadence_step, at + BUSY_RETRY, Channel.PHONE)
    else:
        skip_sms = context is not None and not context.mobile
        nxt = _advance(cadence, step_done, anchor, at, reached, skip_sms)
    if context is None or nxt.at is None or nxt.channel is None:
        return nxt
    if progress.attempts + 1 >= context.rules.caps.lifetime:
        return NextAction(LeadStatus.FINISHED, nxt.cadence_step, None, None)
    touch = Touch(at, channel or default_channel(outcome), info.code)
    return replace(
        nxt,
        at=place_touch(context, (*context.history, touch), nxt.channel, nxt.at, cadence.rest_days),
    )


def _advance(
    cadence: Cadence,
    index: int,
    anchor: datetime,
    at: datetime,
    reached: bool,
    skip_sms: bool = False,
) -> NextAction:
    step = cadence.step(index)
    while skip_sms and step is not None and step.channel is Channel.SMS:
        index += 1
        step = cadence.step(index)
    if step is None:
        return NextAction(LeadStatus.FINISHED, index, None, None)
    planned = anchor + timedelta(days=step.day)
    status = LeadStatus.REACHED if reached else LeadStatus.WORKING
    return NextAction(status, index, max(planned, at + MIN_GAP), step.channel)


def place_touch(
    context: TouchContext,
    touches: Sequence[Touch],
    channel: Channel,
    planned: datetime,
    rest_days: frozenset[int] = frozenset(),
) -> datetime:
    """The time of the next touch on `channel`, no earlier than `planned`: within the
    touch budget and the rolling 24 h cap, and, for calls and texts, inside calling hours
    (a call after a failed call in another part of the lead's day). With the lead's zone
    known, no touch on the cadence's `rest_days` (the lead's local weekday) nor on a day
    the lead's rules close altogether (an email then goes the next open day at 9:00)."""
    rules = context.rules
    when = budget_earliest(rules.budget, touches, channel, planned)
    recent = sorted(t.at for t in touches)
    if len(recent) >= rules.caps.per_24h:
        when = max(when, recent[len(recent) - rules.caps.per_24h] + DAY)
    if channel is Channel.PHONE:
        # A law's cap (3 calls in 24 h in Florida): the next call waits until it lifts.
        call_times = [t.at for t in touches if t.channel is Channel.PHONE]
        hit = cap_hit(caps_for(rules, context.place), call_times, when)
        if hit is not None:
            when = max(when, hit.until)
    zones = zones_of(context.zones)
    if zones is None:
        return when
    failed = None
    if channel is Channel.PHONE:
        calls = [t for t in touches if t.channel is Channel.PHONE]
        if calls and calls[-1].outcome in FAILED_CALL_OUTCOMES:
            failed = max(calls, key=lambda t: t.at).at
    for _ in range(len(WEEKDAYS) * 3):
        when = _after_rest_days(when, zones[0], rest_days)
        if channel in (Channel.PHONE, Channel.SMS):
            moved = other_part_of_day(context, when, failed)
        else:
            moved = _open_day(context, when, zones[0])
        if moved.astimezone(zones[0]).weekday() not in rest_days or moved == when:
            return moved
        when = moved
    return when


def _after_rest_days(when: datetime, zone: Any, rest_days: frozenset[int]) -> datetime:
    """`when`, or the start of the lead's next local day that is not a rest day."""
    local = when.astimezone(zone)
    if local.weekday() not in rest_days:
        return when
    day = local.date()
    while day.weekday() in rest_days:
        day += timedelta(days=1)
    start = datetime(day.year, day.month, day.day, WRITTEN_TOUCH_HOUR, tzinfo=zone)
    return start.astimezone(when.tzinfo)


def _open_day(context: TouchContext, when: datetime, zone: Any) -> datetime:
    """An email or a social touch: `when`, unless the lead's rules close that whole local
    day (Sunday in Alabama, a public holiday where the law closes it): then the next day
    they open, no earlier than 9:00 there."""
    local = when.astimezone(zone)
    midnight = datetime(local.year, local.month, local.day, tzinfo=zone)
    opens = next_open_for(context.rules, context.place, midnight.astimezone(when.tzinfo))
    if opens is None or opens.astimezone(zone).date() == local.date():
        return when
    there = opens.astimezone(zone)
    start = max(there, there.replace(hour=WRITTEN_TOUCH_HOUR, minute=0, second=0, microsecond=0))
    return start.astimezone(when.tzinfo)


def day_part(local: datetime) -> str:
    name = DAY_PARTS[0][1]
    for hour, part in DAY_PARTS:
        if local.hour >= hour:
            name = part
    return name


def _next_part_start(local: datetime) -> datetime:
    for hour, _ in DAY_PARTS:
        if hour > local.hour:
            return local.replace(hour=hour, minute=0, second=0, microsecond=0)
    start = local.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    return start.replace(tzinfo=local.tzinfo)


def other_part_of_day(
    context: TouchContext, when: datetime, failed_at: datetime | None
) -> datetime:
    """The first time at or after `when` inside calling hours and, when a call failed at
    `failed_at`, in another part of the lead's day than that call. Without any calling
    hours ahead, `when` is kept (the call list shows the lead as blocked)."""
    zones = zones_of(context.zones)
    assert zones is not None
    avoid = day_part(failed_at.astimezone(zones[0])) if failed_at is not None else None
    candidate: datetime | None = when
    for _ in range(16):
        assert candidate is not None
        candidate = next_open_for(context.rules, context.place, candidate)
        if candidate is None:
            return when
        local = candidate.astimezone(zones[0])
        if avoid is None or day_part(local) != avoid:
            return candidate
        candidate = _next_part_start(local).astimezone(when.tzinfo)
    return next_open_for(context.rules, context.place, when) or when


def first_action(cadence: Cadence, arrived_at: datetime) -> NextAction:
    """A new lead: call at once."""
    return NextAction(LeadStatus.NEW, 0, arrived_at, cadence.steps[0].channel)


def parse_steps(steps: Sequence[Mapping[str, Any]], name: str = "custom") -> Cadence:
    return parse_cadence({"name": name, "steps": list(steps)})
