"""Calls end to end: LeadDesk drives a real baresip; SIPp plays the lead's phone.

Each test checks what the agent sees after the call: answered or not, ringing and talk
time, who hung up, the SIP status, and the outcome the outcome bar would start on.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from dataclasses import replace

import pytest

from leaddesk.dialer import Dialer, DialError
from leaddesk.dialer.baresip import BaresipDialer, BaresipSettings, SipAccount
from leaddesk.dialer.events import CallState, HangupBy, describe, suggest_outcome
from tests.integration import sip_fixtures
from tests.integration.sip_fixtures import (
    LOOPBACK,
    Sipp,
    Updates,
    bound_sockets,
    needs_baresip,
    needs_sipp,
)

pytestmark = [needs_baresip, needs_sipp]
# The shared fixtures, used by name below.
sipp = sip_fixtures.sipp
make_dialer = sip_fixtures.make_dialer
baresip_settings = sip_fixtures.baresip_settings

LEAD_ID = "lead-0001"
NUMBER = "+14155550142"

MakeDialer = Callable[..., tuple[BaresipDialer, Updates]]


def account_for(callee: Sipp) -> SipAccount:
    return SipAccount("leaddesk", LOOPBACK, register=False, dial_domain=f"{LOOPBACK}:{callee.port}")


def test_answered_call_reports_ringing_and_talk_time(
    sipp: Callable[..., Sipp], make_dialer: MakeDialer
) -> None:
    callee = sipp("answer_then_bye", "-d", "1500")  # rings 0.4 s, talks 1.5 s, hangs up
    dialer, updates = make_dialer(account_for(callee))
    assert isinstance(dialer, Dialer)

    dialer.dial(NUMBER, LEAD_ID)
    updates.event("CALL_ESTABLISHED")
    live = dialer.active_call
    assert live is not None and live.state is CallState.ANSWERED
    time.sleep(0.3)
    ringing, talking = live.elapsed(time.monotonic())
    assert 0.3 <= ringing < 1.5 and talking >= 0.3  # what a live call timer shows

    summary = updates.summary(timeout=6)
    assert summary.lead_id == LEAD_ID and summary.e164 == NUMBER
    assert summary.answered
    assert 0.3 <= summary.ring_s < 1.5
    assert 1.2 <= summary.talk_s < 3.0
    assert summary.duration_s in (1, 2, 3)
    assert summary.hangup_by is HangupBy.LEAD
    assert updates.call_event_types()[:2] == ["CALL_RINGING", "CALL_ESTABLISHED"]
    # Short answered call: could be a voicemail box; the agent chooses.
    assert suggest_outcome(summary) is None
    assert "voicemail" in describe(summary)
    assert suggest_outcome(summary, long_call_s=1.0) == "connected"
    assert dialer.active_call is None
    assert callee.wait() == 0, callee.errors()


def test_agent_hangs_up_an_answered_call(
    sipp: Callable[..., Sipp], make_dialer: MakeDialer
) -> None:
    callee = sipp("answer_and_hold")
    dialer, updates = make_dialer(account_for(callee))

    dialer.dial(NUMBER, LEAD_ID)
    updates.event("CALL_ESTABLISHED")
    # baresip binds a call's media on every interface (hard-coded in its stream.c); the
    # configured RTP range keeps those ports known. Besides them only the DNS resolver's
    # two client sockets are on the wildcard address (see test_baresip_process).
    assert dialer.process is not None and dialer.process.pid is not None
    low, high = dialer.settings.rtp_ports
    wildcard = [s for s in bound_sockets(dialer.process.pid) if s[1] != LOOPBACK]
    media = [s for s in wildcard if low <= s[2] <= high]
    assert len(media) == 2 and len(wildcard) - len(media) <= 2, wildcard
    time.sleep(1.0)
    dialer.hangup()

    summary = updates.summary()
    assert summary.answered and summary.hangup_by is HangupBy.AGENT
    assert 0.9 <= summary.talk_s < 2.5
    assert callee.wait() == 0, callee.errors()  # the lead's phone got our BYE
    dialer.hangup()  # nothing left to hang up: a no-op


def test_busy_callee_suggests_busy(sipp: Callable[..., Sipp], make_dialer: MakeDialer) -> None:
    callee = sipp("busy")
    dialer, updates = make_dialer(account_for(callee))

    dialer.dial(NUMBER, LEAD_ID)
    summary = updates.summary()
    assert not summary.answered
    assert summary.sip_status == 486
    assert summary.hangup_by is HangupBy.NETWORK
    assert summary.talk_s == 0 and summary.duration_s == 0
    assert suggest_outcome(summary) == "busy"
    assert "486 Busy Here" in describe(summary)
    assert callee.wait() == 0, callee.errors()


def test_unanswered_call_cancelled_by_the_agent_suggests_no_answer(
    sipp: Callable[..., Sipp], make_dialer: MakeDialer
) -> None:
    callee = sipp("ring_until_cancel")
    dialer, updates = make_dialer(account_for(callee))

    dialer.dial(NUMBER, LEAD_ID)
    updates.event("CALL_RINGING")
    live = dialer.active_call
    assert live is not None and live.state is CallState.RINGING
    with pytest.raises(DialError, match="already in progress"):
        dialer.dial(NUMBER, LEAD_ID)
    time.sleep(1.0)
    dialer.hangup()

    summary = updates.summary()
    assert not summary.answered and summary.talk_s == 0
    assert summary.ring_s >= 1.0 and summary.ring_seconds >= 1
    assert summary.hangup_by is HangupBy.AGENT
    assert suggest_outcome(summary) == "no_answer"
    # SIPp's scenario ends only after it answered our CANCEL with 487 and got the ACK.
    assert callee.wait() == 0, callee.errors()


def test_leaddesk_gives_up_on_a_call_that_rings_too_long(
    sipp: Callable[..., Sipp], make_dialer: MakeDialer, baresip_settings: BaresipSettings
) -> None:
    callee = sipp("ring_until_cancel")
    settings = replace(baresip_settings, ring_timeout_s=1.0)
    dialer, updates = make_dialer(account_for(callee), settings=settings)

    dialer.dial(NUMBER, LEAD_ID)
    summary = updates.summary()
    assert not summary.answered and 1.0 <= summary.ring_s < 2.0
    assert summary.hangup_by is HangupBy.AGENT and summary.timed_out
    assert summary.reason == "no answer within 1 s"
    assert describe(summary) == "Not answered: LeadDesk hung up after 0:01 ringing."
    assert suggest_outcome(summary) == "no_answer"
    assert callee.wait() == 0, callee.errors()  # cancelled: 487 sent and acknowledged


def test_baresip_killed_mid_call_is_reported_clearly(
    sipp: Callable[..., Sipp], make_dialer: MakeDialer
) -> None:
    callee = sipp("answer_and_hold")
    dialer, updates = make_dialer(account_for(callee))

    dialer.dial(NUMBER, LEAD_ID)
    updates.event("CALL_ESTABLISHED")
    assert dialer.process is not None and dialer.process.pid is not None
    os.kill(dialer.process.pid, signal.SIGKILL)

    lost = updates.lost()
    assert "baresip stopped unexpectedly" in lost.reason
    assert "killed by signal 9" in lost.reason
    summary = updates.summary()
    assert summary.answered and summary.hangup_by is HangupBy.LOST
    assert suggest_outcome(summary) is None  # unknown: never guess
    assert "softphone stopped" in describe(summary)
    with pytest.raises(DialError, match="killed by signal 9"):
        dialer.dial(NUMBER, LEAD_ID)


def test_second_call_after_the_first_ends(
    sipp: Callable[..., Sipp], make_dialer: MakeDialer
) -> None:
    first = sipp("busy")
    dialer, updates = make_dialer(account_for(first))
    dialer.dial(NUMBER, LEAD_ID)
    assert updates.summary().sip_status == 486

    second = sipp("busy")
    dialer.account = account_for(second)
    dialer.dial("+14155550143", "lead-0002")
    summary = updates.wait_for(
        lambda u: getattr(u, "lead_id", None) == "lead-0002" and hasattr(u, "sip_status")
    )
    assert getattr(summary, "e164", None) == "+14155550143"
    assert first.wait() == 0 and second.wait() == 0
