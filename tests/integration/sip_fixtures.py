"""Fixtures for the softphone tests: a real baresip driven by LeadDesk, SIPp as the lead.

Everything binds to 127.0.0.1 on ports the OS just handed out, and every child process
is killed in a finalizer, whatever the test did.
"""

from __future__ import annotations

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

needs_baresip = pytest.mark.skipif(
    shutil.which("baresip") is None,
    reason="baresip is not installed (Debian package baresip-core)",
)
needs_sipp = pytest.mark.skipif(
    shutil.which("sipp") is None,
    reason="SIPp is not installed (Debian package sip-tester)",
)


def free_port() -> int:
    """A port free for both TCP and UDP on 127.0.0.1 (SIP uses both)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind((LOOPBACK, 0))
            port = int(probe.getsockname()[1])
        if port_is_free(LOOPBACK, port, socket.SOCK_DGRAM):
            return port
    raise RuntimeError("no free port on 127.0.0.1")


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

    def start(scenario: str, *extra: str) -> Sipp:
        port = free_port()
        log_dir = tmp_path / f"sipp-{port}"
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
        sip_port=free_port(),
        start_timeout_s=5.0,
        register_timeout_s=3.0,
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
