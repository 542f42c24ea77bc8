"""Fixtures for the softphone tests: a real baresip driven by LeadDesk, SIPp as the lead.

Everything binds to 127.0.0.1 on ports the OS just handed out, and every child process
is killed in a finalizer, whatever the test did.
"""

from __future__ import annotations

import collections
import os
import random
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from leaddesk.dialer.baresip import BaresipDialer, BaresipSettings, SipAccount, port_is_free
from leaddesk.dialer.events import CallEvent, CallSummary, CallUpdate, ConnectionLost

SCENARIOS = Path(__file__).parent / "sipp"
LOOPBACK = "127.0.0.1"
# baresip's media ports for the tests: below Linux's ephemeral range (32768-60999), where
# the OS hands out no port on its own; per process, so parallel runs do not collide.
RTP_LOW = 20000 + 100 * (os.getpid() % 100)

# CI sets LEADDESK_REQUIRE_SIP=1: there a missing program fails the tests instead.
REQUIRE_SIP = os.environ.get("LEADDESK_REQUIRE_SIP") == "1"
BARESIP_MISSING = "baresip is not installed (Debian package baresip-core)"
SIPP_MISSING = "SIPp is not installed (Debian package sip-tester)"

needs_baresip = pytest.mark.skipif(
    shutil.which("baresip") is None and not REQUIRE_SIP, reason=BARESIP_MISSING
)
needs_sipp = pytest.mark.skipif(
    shutil.which("sipp") is None and not REQUIRE_SIP, reason=SIPP_MISSING
)


def require(binary: str, missing: str) -> None:
    if shutil.which(binary) is None:
        pytest.fail(f"LEADDESK_REQUIRE_SIP=1 but {missing}")


# The control, SIP and callee ports: below the media ports, and below the ephemeral
# range like them. A port the OS handed out for the asking (bind to 0) is an ephemeral
# one, which it may hand out again, as the source port of any connection (a database's,
# another test's), between the test's asking and baresip's binding.
PORTS = range(10000, 19998)
_ports = random.Random(os.getpid())
# Handed out lately (a test's ports are asked for before any is bound): not again.
_handed: collections.deque[int] = collections.deque(maxlen=512)


def free_port(pair: bool = False) -> int:
    """A port free for both TCP and UDP on 127.0.0.1 (SIP uses both); with `pair`, the
    next port is free for TCP too (baresip's SIP takes port and port + 1)."""
    for _ in range(200):
        port = _ports.choice(PORTS)
        if {port - 1, port, port + 1} & set(_handed):
            continue
        if (
            port_is_free(LOOPBACK, port)
            and port_is_free(LOOPBACK, port, socket.SOCK_DGRAM)
            and (not pair or port_is_free(LOOPBACK, port + 1))
        ):
            _handed.append(port)
            return port
    raise RuntimeError("no free port on 127.0.0.1")


def bound_sockets(pid: int) -> set[tuple[str, str, int]]:
    """(protocol, local address, port) of every IP socket the process holds (from /proc)."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        target = os.readlink(f"/proc/{pid}/fd/{fd}")
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = set()
    for table in ("tcp", "udp", "tcp6", "udp6"):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[9] in inodes:
                hex_ip, hex_port = fields[1].split(":")
                raw = bytes.fromhex(hex_ip)
                if len(raw) == 4:
                    ip = socket.inet_ntoa(raw[::-1])
                else:  # /proc prints IPv6 as four little-endian words
                    words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                    ip = socket.inet_ntop(socket.AF_INET6, words)
                found.add((table, ip, int(hex_port, 16)))
    return found


class Updates:
    """What the dialer reported, collected from its reader thread."""

    def __init__(self) -> None:
        self.items: list[CallUpdate] = []
        self._cond = threading.Condition()

    def __call__(self, update: CallUpdate) -> None:
        with self._cond:
            self.items.append(update)
            self._cond.notify_all()

    def wait_for(self, match: Callable[[CallUpdate], bool], timeout: float = 5.0) -> CallUpdate:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for item in self.items:
                    if match(item):
                        return item
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"nothing matching within {timeout} s; got {self.items}")
                self._cond.wait(left)

    def event(self, kind: str, timeout: float = 5.0) -> CallEvent:
        found = self.wait_for(lambda u: isinstance(u, CallEvent) and u.type == kind, timeout)
        assert isinstance(found, CallEvent)
        return found

    def summary(self, timeout: float = 5.0) -> CallSummary:
        found = self.wait_for(lambda u: isinstance(u, CallSummary), timeout)
        assert isinstance(found, CallSummary)
        return found

    def lost(self, timeout: float = 5.0) -> ConnectionLost:
        found = self.wait_for(lambda u: isinstance(u, ConnectionLost), timeout)
        assert isinstance(found, ConnectionLost)
        return found

    def call_event_types(self) -> list[str]:
        with self._cond:
            return [u.type for u in self.items if isinstance(u, CallEvent) and u.category == "call"]


@dataclass
class Sipp:
    """One SIPp instance playing the lead's phone (or a registrar)."""

    proc: subprocess.Popen[bytes]
    port: int
    log_dir: Path

    def wait(self, timeout: float = 5.0) -> int:
        """SIPp's exit code: 0 when the scenario ran to its end exactly as written."""
        return self.proc.wait(timeout)

    def errors(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in self.log_dir.glob("*errors*"))


@pytest.fixture
def sipp(tmp_path: Path) -> Iterator[Callable[..., Sipp]]:
    started: list[subprocess.Popen[bytes]] = []

    def start(scenario: str, *extra: str, port: int | None = None) -> Sipp:
        """SIPp running `scenario`; `port` reuses the SIP port of an earlier one (the
        same registrar address, as an account's would be)."""
        require("sipp", SIPP_MISSING)
        port = port or free_port()
        log_dir = tmp_path / f"sipp-{port}-{len(started)}"
        log_dir.mkdir()
        cmd = [
            "sipp",
            "-sf",
            str(SCENARIOS / f"{scenario}.xml"),
            "-i",
            LOOPBACK,
            "-mi",
            LOOPBACK,
            "-mp",
            str(free_port()),
            "-p",
            str(port),
            "-m",
            "1",
            "-nostdin",
            "-timeout",
            "15s",
            "-trace_err",
            "-error_file",
            str(log_dir / "errors.log"),
            *extra,
        ]
        proc = subprocess.Popen(
            cmd, cwd=log_dir, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL
        )
        started.append(proc)
        time.sleep(0.15)  # SIPp binds its socket at startup; give it that moment
        assert proc.poll() is None, f"SIPp did not start: {cmd}"
        return Sipp(proc, port, log_dir)

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait(5)


@pytest.fixture
def baresip_settings() -> BaresipSettings:
    return BaresipSettings(
        address=LOOPBACK,
        ctrl_port=free_port(),
        sip_port=free_port(pair=True),
        rtp_ports=(RTP_LOW, RTP_LOW + 99),
        start_timeout_s=5.0,
        register_timeout_s=3.0,
        headset=False,  # no sound devices here; test_baresip_audio.py brings its own
    )


@pytest.fixture
def make_dialer(
    tmp_path: Path, baresip_settings: BaresipSettings
) -> Iterator[Callable[..., tuple[BaresipDialer, Updates]]]:
    dialers: list[BaresipDialer] = []

    def make(
        account: SipAccount | None = None,
        settings: BaresipSettings | None = None,
        start: bool = True,
    ) -> tuple[BaresipDialer, Updates]:
        if (settings or baresip_settings).binary == "baresip":
            require("baresip", BARESIP_MISSING)
        updates = Updates()
        dialer = BaresipDialer(
            account or SipAccount("leaddesk", LOOPBACK, register=False),
            updates,
            settings=settings or baresip_settings,
            config_dir=tmp_path / f"baresip-{len(dialers)}",
        )
        dialers.append(dialer)
        if start:
            dialer.start()
        return dialer, updates

    yield make
    for dialer in dialers:
        dialer.close()
        assert dialer.process is not None
        assert not dialer.process.running, "baresip survived the test"
