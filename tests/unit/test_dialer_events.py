"""From softphone events to what the agent sees: ringing and talk time, who hung up,
and the outcome the outcome bar starts on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaddesk.dialer.events import (
    LONG_CALL_S,
    CallEvent,
    CallState,
    CallSummary,
    CallTracker,
    HangupBy,
    caller_number,
    describe,
    live_status,
    sip_status,
    suggest_outcome,
)
from leaddesk.domain.outcomes import OUTCOMES, Channel


def ev(kind: str, at: float, param: str | None = None, call_id: str = "c1", **kw: str) -> CallEvent:
    return CallEvent(
        type=kind,
        at=at,
        call_id=call_id,
        param=param,
        direction=kw.get("direction", "outgoing"),
        category=kw.get("category", "call"),
    )


def run(*events: CallEvent, hangup_at: float | None = None) -> CallSummary:
    tracker = CallTracker("lead-1", "+14155550142", dialed_at=100.0)
    if hangup_at is not None:
        tracker.agent_hung_up(hangup_at)
    summaries = [s for e in events if (s := tracker.feed(e)) is not None]
    assert len(summaries) == 1
    return summaries[0]


def test_answered_call_that_the_lead_ends() -> None:
    summary = run(
        ev("CALL_RINGING", 100.2),
        ev("CALL_ESTABLISHED", 108.0),
        ev("CALL_CLOSED", 200.0, "Connection reset by peer"),
    )
    assert summary.answered
    assert summary.ring_s == pytest.approx(8.0) and summary.ring_seconds == 8
    assert summary.talk_s == pytest.approx(92.0) and summary.duration_s == 92
    assert summary.hangup_by is HangupBy.LEAD and summary.sip_status is None
    assert suggest_outcome(summary) == "connected"
    assert describe(summary) == "Answered after 0:08 ringing; talked 1:32; they hung up."


def test_short_answered_call_is_left_to_the_agent() -> None:
    summary = run(
        ev("CALL_ESTABLISHED", 120.0),
        ev("CALL_CLOSED", 145.0, "Connection reset by user"),
    )
    assert summary.hangup_by is HangupBy.AGENT
    assert suggest_outcome(summary) is None
    assert "voicemail" in describe(summary) and "you hung up" in describe(summary)


def test_busy() -> None:
    summary = run(ev("CALL_CLOSED", 101.5, "486 Busy Here"))
    assert (summary.answered, summary.sip_status, summary.hangup_by) == (
        False,
        486,
        HangupBy.NETWORK,
    )
    assert summary.ring_s == pytest.approx(1.5) and summary.talk_s == 0
    assert suggest_outcome(summary) == "busy"
    assert (
        describe(summary)
        == "Not answered after 0:02 ringing; the call was refused (486 Busy Here)."
    )


def test_agent_gives_up_while_it_rings() -> None:
    summary = run(
        ev("CALL_RINGING", 100.3),
        ev("CALL_CLOSED", 130.0, "Connection reset by user"),
        hangup_at=129.9,
    )
    assert summary.hangup_by is HangupBy.AGENT and summary.sip_status is None
    assert not summary.timed_out
    assert suggest_outcome(summary) == "no_answer"
    assert describe(summary) == "Not answered after 0:30 ringing; you hung up."


def test_leaddesk_hanging_up_after_the_ring_timeout() -> None:
    tracker = CallTracker("lead-1", "+14155550142", dialed_at=0.0)
    tracker.feed(ev("CALL_RINGING", 0.5))
    tracker.agent_hung_up(60.0, "no answer within 60 s")
    summary = tracker.feed(ev("CALL_CLOSED", 60.1, "Connection reset by user"))
    assert summary is not None and summary.timed_out
    assert summary.reason == "no answer within 60 s"
    assert suggest_outcome(summary) == "no_answer"
    assert describe(summary) == "Not answered: LeadDesk hung up after 1:00 ringing."


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("486 Busy Here", "busy"),
        ("600 Busy Everywhere", "busy"),
        ("603 Decline", "busy"),
        ("487 Request Terminated", "no_answer"),
        ("408 Request Timeout", "no_answer"),
        ("480 Temporarily Unavailable", "no_answer"),
        ("404 Not Found", "bad_number"),
        ("484 Address Incomplete", "bad_number"),
        ("503 Service Unavailable", None),
        ("Connection refused", None),
    ],
)
def test_unanswered_call_by_status(reason: str, expected: str | None) -> None:
    assert suggest_outcome(run(ev("CALL_CLOSED", 110.0, reason))) == expected


def test_softphone_lost_mid_call_is_never_guessed() -> None:
    tracker = CallTracker("lead-1", "+14155550142", dialed_at=0.0)
    tracker.feed(ev("CALL_ESTABLISHED", 5.0))
    summary = tracker.lost(300.0, "baresip stopped unexpectedly: it was killed by signal 9")
    assert summary is not None
    assert summary.hangup_by is HangupBy.LOST and summary.talk_s == pytest.approx(295.0)
    assert suggest_outcome(summary) is None  # even though it was long
    assert "softphone stopped" in describe(summary)
    assert tracker.lost(301.0, "again") is None  # one summary per call


def test_events_of_other_calls_and_registrations_are_ignored() -> None:
    tracker = CallTracker("lead-1", "+14155550142", dialed_at=0.0)
    assert tracker.feed(ev("REGISTER_OK", 0.1, category="register")) is None
    assert tracker.feed(ev("CALL_INCOMING", 0.2, call_id="in", direction="incoming")) is None
    assert tracker.feed(ev("CALL_RINGING", 0.3)) is None
    assert tracker.feed(ev("CALL_CLOSED", 0.4, "486 Busy Here", call_id="other")) is None
    assert tracker.state is CallState.RINGING
    summary = tracker.feed(ev("CALL_CLOSED", 2.0, "487 Request Terminated"))
    assert summary is not None and summary.ring_s == pytest.approx(2.0)
    assert tracker.feed(ev("CALL_CLOSED", 3.0, "late duplicate")) is None


def test_live_timer() -> None:
    tracker = CallTracker("lead-1", "+14155550142", dialed_at=10.0)
    assert tracker.elapsed(12.0) == (2.0, 0.0)
    assert live_status(tracker, 12.0) == "Dialing 0:02"
    tracker.feed(ev("CALL_RINGING", 12.5))
    assert live_status(tracker, 14.0) == "Ringing 0:04"
    tracker.feed(ev("CALL_ESTABLISHED", 16.0))
    assert tracker.state is CallState.ANSWERED
    assert tracker.elapsed(20.0) == (6.0, 4.0)
    assert live_status(tracker, 81.0) == "Talking 1:05"
    tracker.feed(ev("CALL_CLOSED", 30.0, "Connection reset by peer"))
    assert tracker.state is CallState.ENDED
    assert tracker.elapsed(99.0) == (6.0, 14.0)  # frozen at the end
    assert live_status(tracker, 99.0) == "Ended after 0:20"


def test_sip_status_reads_only_a_leading_code() -> None:
    assert sip_status("486 Busy Here") == 486
    assert sip_status(" 503 Service Unavailable") == 503
    assert sip_status("Connection reset by peer") is None
    assert sip_status("4860 odd") is None
    assert sip_status(None) is None


summaries = st.builds(
    CallSummary,
    lead_id=st.just("lead-1"),
    e164=st.just("+14155550142"),
    answered=st.booleans(),
    ring_s=st.floats(min_value=0, max_value=600),
    talk_s=st.floats(min_value=0, max_value=7200),
    hangup_by=st.sampled_from(HangupBy),
    sip_status=st.none() | st.integers(min_value=100, max_value=699),
    reason=st.text(max_size=30),
)


@settings(max_examples=100)
@given(summaries)
def test_suggestion_is_always_a_phone_outcome_and_never_claims_a_voicemail(
    summary: CallSummary,
) -> None:
    code = suggest_outcome(summary)
    if code is not None:
        assert Channel.PHONE in OUTCOMES[code].channels
        assert not OUTCOMES[code].voicemail_reached  # SIP cannot tell: the agent says so
    if summary.answered and code is not None:
        assert code == "connected" and summary.talk_s >= LONG_CALL_S
    if summary.hangup_by is HangupBy.LOST:
        assert code is None
    assert describe(summary)


@pytest.mark.parametrize(
    ("peer", "number"),
    [
        ("sip:+12125550101@127.0.0.1:5060", "+12125550101"),
        ("<sips:2125550101@pbx.example.com;transport=tls>", "2125550101"),
        ("sip:+33612345678;cpc=ordinary@host", "+33612345678"),
        ("tel:+12125550101", "+12125550101"),
        (None, ""),
    ],
)
def test_the_callers_number_is_the_user_part_of_the_sip_address(
    peer: str | None, number: str
) -> None:
    assert caller_number(peer) == number
