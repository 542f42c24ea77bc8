"""Cadence: the planned sequence of touches, and what each logged outcome does to it.

A cadence is anchored at the lead's first attempt (not its arrival: a lead that waited
for its first call still gets the whole sequence). `plan_next` is the one place where an
outcome turns into the lead's next action.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from leaddesk.domain.outcomes import Channel, Effect, LeadStatus, outcome_info

# A busy line is retried soon, but not at once: two hours moves it to another part of the day.
BUSY_RETRY = timedelta(hours=2)
# Never plan two touches closer than this, even when the cadence says "same day".
MIN_GAP = timedelta(hours=2)


class CadenceError(ValueError):
    """A cadence definition that cannot be used."""


@dataclass(frozen=True, slots=True)
class CadenceStep:
    day: float
    channel: Channel
    voicemail: bool = False
    label: str = ""


@dataclass(frozen=True, slots=True)
class Cadence:
    name: str
    steps: tuple[CadenceStep, ...]

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
            CadenceStep(day, channel, bool(raw.get("voicemail", False)), str(raw.get("label", "")))
        )
    if steps[0].channel is not Channel.PHONE:
        raise CadenceError(f"cadence {name!r}: the first touch must be a call (phone first)")
    return Cadence(name, tuple(steps))


def cadence_to_json(cadence: Cadence) -> dict[str, Any]:
    return {
        "name": cadence.name,
        "steps": [
            {"day": s.day, "channel": s.channel.value, "voicemail": s.voicemail, "label": s.label}
            for s in cadence.steps
        ],
    }


@dataclass(frozen=True, slots=True)
class LeadProgress:
    """What the cadence needs to know of a lead."""

    status: LeadStatus
    cadence_step: int  # index of the next step to perform
    first_attempt_at: datetime | None
    reached: bool = False  # reached before (a conversation or a written reply)


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


def plan_next(
    cadence: Cadence,
    progress: LeadProgress,
    outcome: str,
    at: datetime,
    callback_at: datetime | None = None,
) -> NextAction:
    """The lead's next action after `outcome` was logged at `at`."""
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
        return NextAction(status, progress.cadence_step, at + BUSY_RETRY, Channel.PHONE)

    return _advance(cadence, step_done, anchor, at, reached)


def _advance(
    cadence: Cadence, index: int, anchor: datetime, at: datetime, reached: bool
) -> NextAction:
    step = cadence.step(index)
    if step is None:
        return NextAction(LeadStatus.FINISHED, index, None, None)
    planned = anchor + timedelta(days=step.day)
    status = LeadStatus.REACHED if reached else LeadStatus.WORKING
    return NextAction(status, index, max(planned, at + MIN_GAP), step.channel)


def first_action(cadence: Cadence, arrived_at: datetime) -> NextAction:
    """A new lead: call at once."""
    return NextAction(LeadStatus.NEW, 0, arrived_at, cadence.steps[0].channel)


def parse_steps(steps: Sequence[Mapping[str, Any]], name: str = "custom") -> Cadence:
    return parse_cadence({"name": name, "steps": list(steps)})
