"""Starting baresip: what the agent is told when it cannot work, and where it listens."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from leaddesk.dialer.baresip import BaresipDialer, BaresipError, BaresipSettings, SipAccount
from leaddesk.dialer.ctrl_tcp import encode_command
from tests.integration import sip_fixtures
from tests.integration.sip_fixtures import (
    LOOPBACK,
    Sipp,
    Updates,
    bound_sockets,
    free_port,
    needs_baresip,
    needs_sipp,
)

sipp = sip_fixtures.sipp
make_dialer = sip_fixtures.make_dialer
baresip_settings = sip_fixtures.baresip_settings

MakeDialer = Callable[..., tuple[BaresipDialer, Updates]]


def test_missing_baresip_says_how_to_install_it(
    make_dialer: MakeDialer, baresip_settings: BaresipSettings
) -> None:
    settings = replace(baresip_settings, binary="baresip-not-installed-here")
    dialer, _ = make_dialer(settings=settings, start=False)
    with pytest.raises(BaresipError, match=r"not installed.*apt-get install baresip-core"):
        dialer.start()


@needs_baresip
def test_control_port_taken(make_dialer: MakeDialer, baresip_settings: BaresipSettings) -> None:
    with socket.socket() as squatter:
        squatter.bind((LOOPBACK, baresip_settings.ctrl_port))
        squatter.listen()
        dialer, _ = make_dialer(start=False)
        with pytest.raises(BaresipError, match=rf"{baresip_settings.ctrl_port}.*already in use"):
            dialer.start()
    assert dialer.process is not None and not dialer.process.running


@needs_baresip
def test_sip_port_taken(make_dialer: MakeDialer, baresip_settings: BaresipSettings) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as squatter:
        squatter.bind((LOOPBACK, baresip_settings.sip_port))
        dialer, _ = make_dialer(start=False)
        with pytest.raises(BaresipError, match=r"SIP port\) is already in use"):
            dialer.start()


@needs_baresip
@needs_sipp
def test_registration_refused(sipp: Callable[..., Sipp], make_dialer: MakeDialer) -> None:
    registrar = sipp("register_forbidden")
    account = SipAccount("agent7", f"{LOOPBACK}:{registrar.port}", password="s3cret")
    dialer, _ = make_dialer(account, start=False)
    with pytest.raises(BaresipError, match=r"registration of sip:agent7@.*failed: 403 Forbidden"):
        dialer.start()
    assert dialer.process is not None and not dialer.process.running
    # The password went over the control port only: never into a file.
    for path in dialer.process.config_dir.iterdir():
        assert "s3cret" not in path.read_text(errors="replace"), path.name


@needs_baresip
def test_registration_without_answer(
    make_dialer: MakeDialer, baresip_settings: BaresipSettings
) -> None:
    silent = free_port()  # nobody listens there
    settings = replace(baresip_settings, register_timeout_s=1.0)
    account = SipAccount("agent7", f"{LOOPBACK}:{silent}", password="pw")
    dialer, _ = make_dialer(account, settings=settings, start=False)
    with pytest.raises(BaresipError, match=r"got no answer within 1 s"):
        dialer.start()


@needs_baresip
def test_baresip_listens_on_loopback_only(
    make_dialer: MakeDialer, baresip_settings: BaresipSettings
) -> None:
    dialer, _ = make_dialer()
    assert dialer.process is not None and dialer.process.pid is not None
    config = (dialer.process.config_dir / "config").read_text()
    assert f"ctrl_tcp_listen\t\t{LOOPBACK}:" in config and f"sip_listen\t\t{LOOPBACK}:" in config
    held = bound_sockets(dialer.process.pid)
    assert ("tcp", LOOPBACK, baresip_settings.ctrl_port) in held
    assert ("udp", LOOPBACK, baresip_settings.sip_port) in held
    assert ("tcp", LOOPBACK, baresip_settings.sip_port) in held
    assert all(ip == LOOPBACK for proto, ip, _ in held if proto == "tcp"), held
    # libre's DNS resolver opens its client sockets (IPv4 and IPv6, ephemeral ports)
    # before reading any configuration; they send queries and take only their replies.
    # Everything that serves (SIP, control, media) is on loopback.
    wildcard = [s for s in held if s[1] != LOOPBACK]
    assert len(wildcard) <= 2 and all(s[0].startswith("udp") for s in wildcard), held
    assert not {port for *_, port in wildcard} & {
        baresip_settings.sip_port,
        baresip_settings.ctrl_port,
    }


@needs_baresip
@needs_sipp
def test_a_second_client_of_the_control_port_is_refused(
    sipp: Callable[..., Sipp], make_dialer: MakeDialer, baresip_settings: BaresipSettings
) -> None:
    """ctrl_tcp has no password and gives the port to the newest client: another local
    program must not get in to place calls or read call events, and LeadDesk keeps its
    connection and its calls."""
    callee = sipp("answer_then_bye", "-d", "300")
    account = SipAccount(
        "leaddesk", LOOPBACK, register=False, dial_domain=f"{LOOPBACK}:{callee.port}"
    )
    dialer, updates = make_dialer(account)
    with pytest.raises(OSError):  # timed out: the connection is never accepted
        socket.create_connection((LOOPBACK, baresip_settings.ctrl_port), timeout=1.0)
    dialer.dial("+14155550142", "lead-1")
    summary = updates.summary(timeout=6)
    assert summary.answered and summary.lead_id == "lead-1"
    assert dialer.lost is None
    assert callee.wait() == 0, callee.errors()


def test_a_program_that_gets_in_before_the_lock_is_refused(
    make_dialer: MakeDialer, baresip_settings: BaresipSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock is set once baresip has answered LeadDesk; a program that connected in
    between is not shut out by it (its connection is made), so start refuses to go on."""
    intruder: list[socket.socket] = []
    lock = BaresipDialer._lock_control_port

    def intrude_then_lock(self: BaresipDialer) -> None:
        conn = socket.create_connection((LOOPBACK, baresip_settings.ctrl_port), timeout=2.0)
        intruder.append(conn)
        # baresip takes the newest client: it answers the intruder's command, not ours
        conn.sendall(encode_command("reginfo", token="intruder"))
        conn.settimeout(5.0)
        assert b'"intruder"' in conn.recv(4096)
        lock(self)

    monkeypatch.setattr(BaresipDialer, "_lock_control_port", intrude_then_lock)
    dialer, _ = make_dialer(start=False)
    try:
        with pytest.raises(BaresipError, match=r"another program connected to baresip's"):
            dialer.start()
    finally:
        for conn in intruder:
            conn.close()
    assert intruder, "the intruder never connected"
    assert dialer.process is not None and not dialer.process.running


@pytest.fixture
def impostor() -> Iterator[int]:
    """A program on the control port that is not baresip: it answers with garbage."""
    server = socket.socket()
    server.bind((LOOPBACK, 0))
    server.listen()
    port = int(server.getsockname()[1])
    conns: list[socket.socket] = []

    def serve() -> None:
        try:
            conn, _ = server.accept()
        except OSError:
            return
        conns.append(conn)
        conn.recv(1024)
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield port
    server.close()
    thread.join(2)
    for conn in conns:
        conn.close()


def test_attaching_to_something_else_is_refused_clearly(impostor: int) -> None:
    updates = Updates()
    settings = BaresipSettings(address=LOOPBACK, ctrl_port=impostor, start_timeout_s=1.0)
    dialer = BaresipDialer(SipAccount("a", LOOPBACK, register=False), updates, settings=settings)
    with pytest.raises(BaresipError, match=r"does not answer like baresip.*malformed"):
        dialer.start()
    dialer.close()


def test_attaching_to_nothing(tmp_path: Path) -> None:
    settings = BaresipSettings(address=LOOPBACK, ctrl_port=free_port(), start_timeout_s=0.3)
    dialer = BaresipDialer(SipAccount("a", LOOPBACK, register=False), Updates(), settings=settings)
    with pytest.raises(BaresipError, match=r"cannot reach baresip's control port"):
        dialer.start()
