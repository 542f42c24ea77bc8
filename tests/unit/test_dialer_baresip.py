"""The baresip dialer's own logic against a scripted control port: what it sends, what
it reports, and how it refuses bad input. (Real baresip: tests/integration.)"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from leaddesk.dialer import Dialer, DialError
from leaddesk.dialer.baresip import (
    BaresipDialer,
    BaresipError,
    BaresipProcess,
    BaresipSettings,
    SipAccount,
    find_module_path,
    render_config,
)
from leaddesk.dialer.events import CallEvent, CallSummary, CallUpdate, ConnectionLost, HangupBy
from tests.unit.ctrl_peer import ScriptedBaresip

OUT = {"direction": "outgoing", "class": "call", "id": "c1"}


class Clock:
    """Monotonic seconds the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Collected:
    def __init__(self) -> None:
        self.items: list[CallUpdate] = []
        self.cond = threading.Condition()

    def __call__(self, item: CallUpdate) -> None:
        with self.cond:
            self.items.append(item)
            self.cond.notify_all()

    def seen(self, kind: str) -> None:
        with self.cond:
            assert self.cond.wait_for(
                lambda: any(getattr(i, "type", None) == kind for i in self.items), 3
            ), self.items

    def summary(self) -> CallSummary:
        with self.cond:
            assert self.cond.wait_for(
                lambda: any(isinstance(i, CallSummary) for i in self.items), 3
            ), self.items
            return next(i for i in self.items if isinstance(i, CallSummary))


@pytest.fixture
def peer() -> Iterator[ScriptedBaresip]:
    p = ScriptedBaresip()
    yield p
    p.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def updates() -> Collected:
    return Collected()


@pytest.fixture
def dialer(peer: ScriptedBaresip, clock: Clock, updates: Collected) -> Iterator[BaresipDialer]:
    settings = BaresipSettings(ctrl_port=peer.port, start_timeout_s=2)
    d = BaresipDialer(
        SipAccount("agent7", "pbx.example.com", register=False),
        updates,
        settings=settings,
        monotonic=clock,
    )
    d.start()
    yield d
    d.close()


def test_is_a_dialer_and_dials_the_number_at_the_account_domain(
    dialer: BaresipDialer, peer: ScriptedBaresip
) -> None:
    assert isinstance(dialer, Dialer) and dialer.name == "baresip"
    assert peer.wait_command("uanew") == "<sip:agent7@pbx.example.com>;regint=0"
    dialer.dial(" +14155550142 ", "lead-1")
    assert peer.wait_command("dial") == "sip:+14155550142@pbx.example.com"


def test_call_facts_come_back_as_a_summary(
    dialer: BaresipDialer, peer: ScriptedBaresip, clock: Clock, updates: Collected
) -> None:
    dialer.dial("+14155550142", "lead-1")
    clock.now += 3
    peer.send(peer.event("CALL_RINGING", **OUT))
    updates.seen("CALL_RINGING")  # events are timed when they arrive
    clock.now += 9
    peer.send(peer.event("CALL_ESTABLISHED", **OUT))
    updates.seen("CALL_ESTABLISHED")
    clock.now += 75
    peer.send(peer.event("CALL_CLOSED", param="Connection reset by peer", **OUT))
    summary = updates.summary()
    assert (summary.lead_id, summary.answered, summary.hangup_by) == ("lead-1", True, HangupBy.LEAD)
    assert (summary.ring_seconds, summary.duration_s) == (12, 75)
    kinds = [i.type for i in updates.items if isinstance(i, CallEvent)]
    assert kinds == ["CALL_RINGING", "CALL_ESTABLISHED", "CALL_CLOSED"]
    assert dialer.active_call is None and dialer.last_summary == summary


def test_a_closed_dialer_does_not_start_again(dialer: BaresipDialer) -> None:
    dialer.close()
    with pytest.raises(BaresipError, match="was closed"):
        dialer.start()


def test_hangup_marks_the_agent_and_sends_the_command(
    dialer: BaresipDialer, peer: ScriptedBaresip, updates: Collected
) -> None:
    dialer.hangup()  # no call: nothing sent
    dialer.dial("+14155550142", "lead-1")
    peer.send(peer.event("CALL_RINGING", **OUT))
    peer.after["hangup"] = [peer.event("CALL_CLOSED", param="Connection reset by user", **OUT)]
    dialer.hangup()
    assert updates.summary().hangup_by is HangupBy.AGENT
    assert [c for c, _ in peer.commands].count("hangup") == 1


@pytest.mark.parametrize("number", ["4155550142", "+1 415 555 0142", "", "+0123456"])
def test_a_number_not_in_international_format_is_refused(
    dialer: BaresipDialer, peer: ScriptedBaresip, number: str
) -> None:
    with pytest.raises(DialError, match="international format"):
        dialer.dial(number, "lead-1")
    assert "dial" not in [c for c, _ in peer.commands]


def test_baresip_refusing_the_dial_is_a_dial_error_and_frees_the_line(
    dialer: BaresipDialer, peer: ScriptedBaresip
) -> None:
    peer.refuse["dial"] = "invalid SIP URI"
    with pytest.raises(DialError, match="could not dial \\+14155550142: invalid SIP URI"):
        dialer.dial("+14155550142", "lead-1")
    assert dialer.active_call is None
    del peer.refuse["dial"]
    dialer.dial("+14155550142", "lead-1")  # the agent can try again


def test_losing_baresip_mid_call(
    dialer: BaresipDialer, peer: ScriptedBaresip, updates: Collected
) -> None:
    dialer.dial("+14155550142", "lead-1")
    peer.send(peer.event("CALL_ESTABLISHED", **OUT))
    peer.drop()
    summary = updates.summary()
    assert summary.hangup_by is HangupBy.LOST
    lost = [i for i in updates.items if isinstance(i, ConnectionLost)]
    assert len(lost) == 1 and "closed the control connection" in lost[0].reason
    with pytest.raises(DialError, match="closed the control connection"):
        dialer.dial("+14155550142", "lead-2")


def test_registration_refused_is_reported_with_the_server_reason(
    peer: ScriptedBaresip, updates: Collected
) -> None:
    account = SipAccount("agent7", "pbx.example.com", password="pw")
    peer.after["uanew"] = [
        peer.event("REGISTERING", **{"class": "register"}),
        peer.event("REGISTER_FAIL", param="401 Unauthorized", **{"class": "register"}),
    ]
    d = BaresipDialer(account, updates, settings=BaresipSettings(ctrl_port=peer.port))
    with pytest.raises(
        BaresipError, match=r"registration of sip:agent7@pbx\.example\.com failed: 401"
    ):
        d.start()
    assert peer.wait_command("uanew") == "<sip:agent7@pbx.example.com>;auth_pass=pw;regint=600"


def test_account_line_refuses_what_baresip_cannot_carry() -> None:
    with pytest.raises(BaresipError, match="password has a space"):
        SipAccount("a", "b", password="x;y").account_line()
    with pytest.raises(BaresipError, match="SIP user"):
        SipAccount("a@b", "c").account_line()
    with pytest.raises(BaresipError, match="SIP domain"):
        SipAccount("a", "").account_line()
    assert "pw" not in repr(SipAccount("a", "b", password="pw"))


def test_config_binds_to_the_chosen_address_only(tmp_path: Path) -> None:
    settings = BaresipSettings(ctrl_port=4999, sip_port=5999, rtp_ports=(7000, 7009))
    text = render_config(settings, "/opt/baresip/modules")
    assert "module_path\t\t/opt/baresip/modules" in text
    assert "ctrl_tcp_listen\t\t127.0.0.1:4999" in text
    assert "sip_listen\t\t127.0.0.1:5999" in text
    assert "net_interface\t\t127.0.0.1" in text
    assert "rtp_ports\t\t7000-7009" in text
    assert "module_app\t\tctrl_tcp.so" in text and "menu.so" in text
    process = BaresipProcess(tmp_path / "bs", settings)
    process.write_config("/opt/baresip/modules")
    assert (tmp_path / "bs" / "accounts").read_text() == ""  # the account goes over ctrl_tcp


def test_baresip_without_its_control_module_is_explained(tmp_path: Path) -> None:
    program = tmp_path / "bin" / "baresip"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    (tmp_path / "lib" / "baresip" / "modules").mkdir(parents=True)  # but no ctrl_tcp.so
    process = BaresipProcess(tmp_path / "bs", BaresipSettings(binary=str(program)))
    with pytest.raises(BaresipError, match=r"ctrl_tcp\.so was not found .*baresip-core"):
        process.start()
    assert process.pid is None  # nothing was started
    ctrl = tmp_path / "lib" / "baresip" / "modules" / "ctrl_tcp.so"
    ctrl.write_bytes(b"")
    assert find_module_path(str(program)) == ctrl.parent
