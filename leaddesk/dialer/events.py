"""What a softphone tells us about a call, and what it suggests for the outcome.

A dialer that can see the call (baresip) reports `CallEvent`s while it lasts and one
`CallSummary` when it ends: how long it rang, whether it was answered, the talk time,
who hung up and the SIP status code. `suggest_outcome` turns a summary into the outcome
the outcome bar starts on. It is only a suggestion: SIP cannot tell a voicemail box from
a person, so the agent always confirms and nothing is logged automatically.

Times here are monotonic seconds (`time.monotonic()` in production, a fake in tests):
they measure durations; the attempt's wall-clock times come from the workspace clock.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

# Outcome codes from leaddesk.domain.outcomes.OUTCOMES.
BUSY = "busy"
NO_ANSWER = "no_answer"
CONNECTED = "connected"
VOICEMAIL_LEFT = "voicemail_left"
BAD_NUMBER = "bad_number"

BUSY_STATUSES = frozenset({486, 600, 603})  # busy here, busy everywhere, declined
NO_ANSWER_STATUSES = frozenset({408, 480, 487})  # timeout, unavailable, cancelled
BAD_NUMBER_STATUSES = frozenset({404, 484, 604})  # not found, address incomplete
# An answered call at least this long was a conversation; a shorter one may have been a
# voicemail greeting and a short message, or a lead who hung up at once: the agent picks.
LONG_CALL_S = 60.0

_STATUS = re.compile(r"^\s*([1-6]\d\d)\b")
# baresip's CALL_CLOSED reason when our side ended the call ("hangup" command).
_BY_USER = "connection reset by user"
_BY_PEER = "connection reset by peer"


class HangupBy(StrEnum):
    AGENT = "agent"  # the agent hung up (or cancelled while it rang)
    LEAD = "lead"  # the other side hung up after answering
    NETWORK = "network"  # refused or failed before an answer (busy, not found, timeout)
    LOST = "lost"  # the softphone went away: what happened is unknown


@dataclass(frozen=True, slots=True)
class CallEvent:
    """One event from the softphone, as received (baresip's names: CALL_RINGING, ...)."""

    type: str
    at: float
    call_id: str | None = None
    peer_uri: str | None = None
    param: str | None = None
    account: str | None = None
    direction: str | None = None
    category: str | None = None  # baresip's "class": call, register, other

    @classmethod
    def from_json(cls, doc: Mapping[str, object], at: float) -> CallEvent:
        """Build from a decoded ctrl_tcp event object; raises ValueError when it is not one."""
        kind = doc.get("type")
        if not isinstance(kind, str) or not kind:
            raise ValueError("event without a type")

        def text(key: str) -> str | None:
            value = doc.get(key)
            if value is None:
                return None
            if isinstance(value, bool | dict | list):
                raise ValueError(f"event field {key!r} is not text: {value!r}")
            return str(value)

        return cls(
            type=kind,
            at=at,
            call_id=text("id"),
            peer_uri=text("peeruri"),
            param=text("param"),
            account=text("accountaor"),
            direction=text("direction"),
            category=text("class"),
        )

    @property
    def sip_status(self) -> int | None:
        """The SIP status code leading the parameter ("486 Busy Here" -> 486), if any."""
        return sip_status(self.param)


@dataclass(frozen=True, slots=True)
class ConnectionLost:
    """The control connection to the softphone ended without us closing it."""

    reason: str
    at: float


@dataclass(frozen=True, slots=True)
class CallSummary:
    """What happened on one call, from dial to hang-up."""

    lead_id: str
    e164: str
    answered: bool
    ring_s: float  # from dialing until the answer, or until the end if never answered
    talk_s: float  # from the answer until the end; 0 when never answered
    hangup_by: HangupBy
    sip_status: int | None
    reason: str  # the softphone's words for the end ("486 Busy Here", ...)
    timed_out: bool = False  # LeadDesk hung up for the agent after the ring timeout
    # The softphone cut the call because a headset device would not open (which, why).
    audio_error: str | None = None
    # The lead called (a returned call): `e164` is the caller's number as given, `lead_id`
    # the lead the agent answered it for ("" when none yet).
    inbound: bool = False
    # The recorded voicemail played into the call (a voicemail drop): its file.
    voicemail: str | None = None

    @property
    def duration_s(self) -> int:
        """Talk time in whole seconds, as `OutcomeService.log(duration_s=...)` takes it."""
        return round(self.talk_s)

    @property
    def ring_seconds(self) -> int:
        """Ringing time in whole seconds, as `OutcomeService.log(ring_s=...)` takes it."""
        return round(self.ring_s)


@dataclass(frozen=True, slots=True)
class IncomingCall:
    """Someone is calling the agent (the softphone rings): `number` is the caller's
    number as the softphone gives it (the user part of the From address)."""

    call_id: str
    number: str
    peer_uri: str
    at: float


CallUpdate = CallEvent | CallSummary | ConnectionLost | IncomingCall


def caller_number(peer_uri: str | None) -> str:
    """The user part of a SIP address: "sip:+12125550101@host:5060;x=y" -> "+12125550101"
    ("" when there is none)."""
    if not peer_uri:
        return ""
    text = peer_uri.strip().strip("<>")
    for scheme in ("sips:", "sip:", "tel:"):
        if text.lower().startswith(scheme):
            text = text[len(scheme) :]
            break
    user = text.split("@", 1)[0] if "@" in text else text
    return user.split(";", 1)[0].strip()


def sip_status(text: str | None) -> int | None:
    if not text:
        return None
    match = _STATUS.match(text)
    return int(match.group(1)) if match else None


class CallState(StrEnum):
    DIALING = "dialing"
    RINGING = "ringing"
    ANSWERED = "answered"
    ENDED = "ended"


class CallTracker:
    """Follows one outgoing call through its events and sums it up when it ends.

    Pure bookkeeping (no I/O, no threads): the dialer feeds it and guards it with a lock.
    The first outgoing call id seen after dialing is this call's; events of other calls
    (an incoming call, say) are ignored.
    """

    def __init__(
        self,
        lead_id: str,
        e164: str,
        dialed_at: float,
        *,
        incoming_id: str | None = None,
    ) -> None:
        """`incoming_id`: the tracker follows that incoming call (a returned call) instead
        of the next outgoing one."""
        self.lead_id = lead_id
        self.e164 = e164
        self.dialed_at = dialed_at
        self.incoming = incoming_id is not None
        self.call_id: str | None = incoming_id
        self.voicemail: str | None = None  # the file a voicemail drop plays
        self.state = CallState.DIALING
        self.ringing_at: float | None = None
        self.answered_at: float | None = None
        self.agent_hangup_at: float | None = None
        self.hangup_reason: str | None = None
        self.summary: CallSummary | None = None

    def agent_hung_up(self, at: float, reason: str | None = None) -> None:
        """The agent (or LeadDesk for them, with `reason`) ends the call."""
        if self.agent_hangup_at is None:
            self.agent_hangup_at = at
            self.hangup_reason = reason

    def elapsed(self, now: float) -> tuple[float, float]:
        """(ringing, talking) seconds so far: what a live call timer shows."""
        end = now if self.summary is None else self.dialed_at + self._total()
        if self.answered_at is None:
            return max(0.0, end - self.dialed_at), 0.0
        return self.answered_at - self.dialed_at, max(0.0, end - self.answered_at)

    def _total(self) -> float:
        assert self.summary is not None
        return self.summary.ring_s + self.summary.talk_s

    def feed(self, event: CallEvent) -> CallSummary | None:
        """Take one event; returns the summary when this event ended the call."""
        if self.summary is not None or event.category not in (None, "call"):
            return None
        wanted = "incoming" if self.incoming else "outgoing"
        if event.call_id is None or event.direction not in (None, wanted):
            return None
        if self.call_id is None:
            self.call_id = event.call_id
        elif event.call_id != self.call_id:
            return None
        if event.type in ("CALL_RINGING", "CALL_PROGRESS"):
            if self.ringing_at is None:
                self.ringing_at = event.at
            if self.state is CallState.DIALING:
                self.state = CallState.RINGING
        elif event.type == "CALL_ESTABLISHED":
            if self.answered_at is None:
                self.answered_at = event.at
            self.state = CallState.ANSWERED
        elif event.type == "CALL_CLOSED":
            return self._close(event.at, event.param or "")
        return None

    def lost(self, at: float, reason: str) -> CallSummary | None:
        """The softphone went away mid-call; returns None when the call had already ended."""
        if self.summary is not None:
            return None
        return self._close(at, reason, lost=True)

    def _close(self, at: float, reason: str, *, lost: bool = False) -> CallSummary:
        answered = self.answered_at is not None
        status = sip_status(reason)
        words = reason.strip().lower()
        if lost:
            by = HangupBy.LOST
        elif self.agent_hangup_at is not None or words == _BY_USER:
            by = HangupBy.AGENT
        elif words == _BY_PEER or (answered and status is None):
            by = HangupBy.LEAD
        else:
            by = HangupBy.NETWORK
        if self.answered_at is not None:
            ring_s = self.answered_at - self.dialed_at
            talk_s = at - self.answered_at
        else:
            ring_s, talk_s = at - self.dialed_at, 0.0
        timed_out = self.hangup_reason if by is HangupBy.AGENT and not answered else None
        self.state = CallState.ENDED
        self.summary = CallSummary(
            lead_id=self.lead_id,
            e164=self.e164,
            answered=answered,
            ring_s=max(0.0, ring_s),
            talk_s=max(0.0, talk_s),
            hangup_by=by,
            sip_status=status,
            reason=(timed_out or reason).strip(),
            timed_out=bool(timed_out),
            inbound=self.incoming,
            voicemail=self.voicemail,
        )
        return self.summary


def live_status(call: CallTracker, now: float) -> str:
    """What the live call timer shows: "Dialing 0:02", "Ringing 0:14", "Talking 1:05"."""
    ringing, talking = call.elapsed(now)
    if call.state is CallState.ANSWERED:
        return f"Talking {_clock(talking)}"
    if call.state is CallState.RINGING:
        return f"Ringing {_clock(ringing)}"
    if call.state is CallState.DIALING:
        return f"Dialing {_clock(ringing)}"
    return f"Ended after {_clock(ringing + talking)}"


def suggest_outcome(summary: CallSummary, *, long_call_s: float = LONG_CALL_S) -> str | None:
    """The outcome the outcome bar starts on, or None when the agent must choose.

    busy (486, 600, 603) -> "busy"; never answered (487 after a cancel, 408, 480, or the
    agent hanging up while it rang) -> "no_answer"; not found (404, 484, 604) ->
    "bad_number"; answered and at least `long_call_s` long -> "connected"; answered
    and shorter -> None (a voicemail box or a quick hang-up: SIP cannot tell which).
    A lost softphone, a headset that would not open, or an unexplained failure -> None.
    """
    if summary.hangup_by is HangupBy.LOST or summary.audio_error:
        return None
    if summary.voicemail and summary.answered:
        return VOICEMAIL_LEFT  # the recording played to its end: the message was left
    if summary.answered:
        return CONNECTED if summary.talk_s >= long_call_s else None
    status = summary.sip_status
    if status in BUSY_STATUSES:
        return BUSY
    if status in NO_ANSWER_STATUSES:
        return NO_ANSWER
    if status in BAD_NUMBER_STATUSES:
        return BAD_NUMBER
    if status is None and summary.hangup_by is HangupBy.AGENT:
        return NO_ANSWER
    return None


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def describe(summary: CallSummary, *, long_call_s: float = LONG_CALL_S) -> str:
    """One line for the agent next to the pre-filled outcome."""
    who = {
        HangupBy.AGENT: "you hung up",
        HangupBy.LEAD: "they hung up",
        HangupBy.NETWORK: "the call was refused",
        HangupBy.LOST: "the softphone stopped",
    }[summary.hangup_by]
    if summary.hangup_by is HangupBy.LOST:
        return (
            f"The softphone stopped during the call ({summary.reason}); "
            "what happened is unknown: choose the outcome."
        )
    if summary.audio_error:
        return (
            f"The call was cut after {_clock(summary.ring_s)}: the headset could not be "
            f"opened ({summary.audio_error}). The lead may have answered and heard nothing: "
            "choose the outcome, then fix the devices in Settings and restart the softphone."
        )
    if summary.timed_out:
        return f"Not answered: LeadDesk hung up after {_clock(summary.ring_s)} ringing."
    if summary.voicemail and summary.answered:
        return (
            f"Voicemail dropped: the recording played for {_clock(summary.talk_s)} "
            "and the call was hung up."
        )
    if not summary.answered:
        detail = f" ({summary.reason})" if summary.sip_status is not None else ""
        return f"Not answered after {_clock(summary.ring_s)} ringing; {who}{detail}."
    text = (
        f"Answered after {_clock(summary.ring_s)} ringing; talked {_clock(summary.talk_s)}; {who}."
    )
    if summary.talk_s < long_call_s:
        text += " A short call may have been a voicemail box: choose the outcome."
    return text
