"""Outcome codes (dispositions) and channels: the shared vocabulary of CLI.md.

Each outcome says which channels it may be logged on, whether the lead was reached,
and what it does to the cadence. The GUI's outcome bar, the CLI and the reports all
read this one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Channel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    SMS = "sms"
    SOCIAL = "social"


class Effect(StrEnum):
    """What an outcome does to the lead's cadence."""

    WON = "won"  # cadence ends, the lead is qualified
    LOST = "lost"  # cadence ends, the lead declined
    CONTINUE = "continue"  # next touch per cadence
    RETRY_SOON = "retry_soon"  # busy: retry sooner, at another time
    CALLBACK = "callback"  # a callback at the agreed time
    BAD_NUMBER = "bad_number"  # the number is marked bad
    DO_NOT_CALL = "do_not_call"  # number on the do-not-call list, cadence ends
    REACHED_IN_WRITING = "reached_in_writing"  # the lead answered in writing


class LeadStatus(StrEnum):
    NEW = "new"  # never attempted
    WORKING = "working"  # in its cadence
    CALLBACK = "callback"  # a callback is scheduled
    REACHED = "reached"  # reached (conversation or written reply), cadence goes on
    QUALIFIED = "qualified"  # won: cadence ended
    NOT_INTERESTED = "not_interested"  # declined: cadence ended
    DO_NOT_CALL = "do_not_call"  # asked not to be contacted
    BAD_NUMBER = "bad_number"  # no good number left
    FINISHED = "finished"  # cadence ran out without reaching the lead


CLOSED_STATUSES = frozenset(
    {
        LeadStatus.QUALIFIED,
        LeadStatus.NOT_INTERESTED,
        LeadStatus.DO_NOT_CALL,
        LeadStatus.BAD_NUMBER,
        LeadStatus.FINISHED,
    }
)


@dataclass(frozen=True, slots=True)
class OutcomeInfo:
    code: str
    channels: frozenset[Channel]
    label: str
    reached: bool  # a person was reached (counts for the contact rate)
    voicemail_reached: bool
    effect: Effect
    key: str  # the one-key shortcut in the outcome bar


_PHONE = frozenset({Channel.PHONE})
_WRITTEN = frozenset({Channel.EMAIL, Channel.SMS, Channel.SOCIAL})
_ANY = frozenset(Channel)

OUTCOMES: dict[str, OutcomeInfo] = {
    info.code: info
    for info in (
        OutcomeInfo("qualified", _PHONE, "Qualified", True, False, Effect.WON, "1"),
        OutcomeInfo("connected", _PHONE, "Connected", True, False, Effect.CONTINUE, "2"),
        OutcomeInfo("callback", _PHONE, "Callback", True, False, Effect.CALLBACK, "3"),
        OutcomeInfo("not_interested", _PHONE, "Not interested", True, False, Effect.LOST, "4"),
        OutcomeInfo("voicemail_left", _PHONE, "Voicemail left", False, True, Effect.CONTINUE, "5"),
        OutcomeInfo(
            "voicemail_no_message",
            _PHONE,
            "Voicemail, no message",
            False,
            True,
            Effect.CONTINUE,
            "6",
        ),
        OutcomeInfo("no_answer", _PHONE, "No answer", False, False, Effect.CONTINUE, "7"),
        OutcomeInfo("busy", _PHONE, "Busy", False, False, Effect.RETRY_SOON, "8"),
        OutcomeInfo("wrong_number", _PHONE, "Wrong number", False, False, Effect.BAD_NUMBER, "9"),
        OutcomeInfo("bad_number", _PHONE, "Bad number", False, False, Effect.BAD_NUMBER, "B"),
        OutcomeInfo("do_not_call", _ANY, "Do not call", False, False, Effect.DO_NOT_CALL, "D"),
        OutcomeInfo(
            "email_sent",
            frozenset({Channel.EMAIL}),
            "Email sent",
            False,
            False,
            Effect.CONTINUE,
            "E",
        ),
        OutcomeInfo(
            "text_sent", frozenset({Channel.SMS}), "Text sent", False, False, Effect.CONTINUE, "T"
        ),
        OutcomeInfo(
            "social_touch",
            frozenset({Channel.SOCIAL}),
            "Social touch",
            False,
            False,
            Effect.CONTINUE,
            "S",
        ),
        OutcomeInfo("replied", _WRITTEN, "Replied", True, False, Effect.REACHED_IN_WRITING, "R"),
    )
}


class OutcomeError(ValueError):
    """An outcome that cannot be logged as given."""


class Direction(StrEnum):
    """Who placed a call: the agent (outbound), or the lead calling back (inbound)."""

    OUTBOUND = "outbound"
    INBOUND = "inbound"


# What a returned call can end with: the lead is on the line (reached), or the caller
# says it is not the lead's number, or asks not to be called.
INBOUND_OUTCOMES = frozenset(
    {"qualified", "connected", "callback", "not_interested", "wrong_number", "do_not_call"}
)


def check_direction(code: str, channel: Channel, direction: str) -> Direction:
    """The direction of an attempt, checked against its outcome and channel."""
    try:
        value = Direction(direction)
    except ValueError:
        raise OutcomeError(
            f"unknown direction {direction!r}; expected one of: outbound, inbound"
        ) from None
    if value is Direction.INBOUND:
        if channel is not Channel.PHONE:
            raise OutcomeError("an inbound attempt is a call: its channel is phone")
        if code not in INBOUND_OUTCOMES:
            allowed = ", ".join(sorted(INBOUND_OUTCOMES))
            raise OutcomeError(
                f"outcome {code!r} cannot end a call the lead made (allowed: {allowed})"
            )
    return value


def outcome_info(code: str) -> OutcomeInfo:
    try:
        return OUTCOMES[code]
    except KeyError:
        known = ", ".join(OUTCOMES)
        raise OutcomeError(f"unknown outcome {code!r}; expected one of: {known}") from None


def default_channel(code: str) -> Channel:
    """The channel an outcome is logged on when none is given."""
    info = outcome_info(code)
    if len(info.channels) == 1:
        return next(iter(info.channels))
    return Channel.PHONE if Channel.PHONE in info.channels else Channel.EMAIL


def check_channel(code: str, channel: Channel) -> None:
    info = outcome_info(code)
    if channel not in info.channels:
        allowed = ", ".join(sorted(c.value for c in info.channels))
        raise OutcomeError(
            f"outcome {code!r} cannot be logged on channel {channel.value!r} (allowed: {allowed})"
        )


def parse_channel(text: str) -> Channel:
    try:
        return Channel(text)
    except ValueError:
        known = ", ".join(c.value for c in Channel)
        raise OutcomeError(f"unknown channel {text!r}; expected one of: {known}") from None
