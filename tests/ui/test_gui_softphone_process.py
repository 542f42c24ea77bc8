"""The whole application with the softphone, as an agent starts it: `leaddesk` in its
own process, the settings file saying dialer=baresip, baresip started by it with the
headset of the settings (ALSA's "null" devices: no sound card needed).

What the agent would notice: the softphone is up once the window is; logging out
(SIGTERM) stops baresip with it; and after LeadDesk was killed outright, the next start
does not fail on "port in use" because the old baresip still holds it.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from leaddesk.dialer.baresip import port_is_free
from tests.integration.sip_fixtures import (
    BARESIP_MISSING,
    LOOPBACK,
    free_port,
    needs_baresip,
    require,
)

pytestmark = [needs_baresip]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by its parent) no longer holds anything.
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split(") ")[1][0] != "Z"


def listening(port: int) -> bool:
    """Something listens on the port. Found by binding, not connecting: once LeadDesk is
    connected, baresip's control port accepts nobody else."""
    return not port_is_free(LOOPBACK, port)


def wait_for(check, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


class Agent:
    """Starts `leaddesk` like an agent would, in a home of its own."""

    def __init__(self, home: Path) -> None:
        require("baresip", BARESIP_MISSING)
        if not Path("/usr/share/alsa/alsa.conf").is_file():
            pytest.skip("ALSA's configuration (package libasound2-data) is not installed")
        self.home = home
        self.ctrl_port = free_port()
        config = home / "config" / "LeadDesk"
        config.mkdir(parents=True)
        (config / "settings.json").write_text(
            json.dumps(
                {
                    "dialer": "baresip",
                    "sip.user": "agent7",
                    "sip.domain": LOOPBACK,
                    "sip.register": "no",
                    "sip.port": free_port(pair=True),
                    "sip.ctrl_port": self.ctrl_port,
                    "audio.driver": "alsa",
                    "audio.output": "null",
                    "audio.input": "null",
                }
            )
        )
        self.env = {
            **os.environ,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "QT_QPA_PLATFORM": "offscreen",
        }
        self.env.pop("LEADDESK_DB", None)
        self.procs: list[subprocess.Popen[bytes]] = []

    @property
    def log(self) -> str:
        path = self.home / "data" / "LeadDesk" / "logs" / "leaddesk.log"
        return path.read_text(errors="replace") if path.exists() else ""

    @property
    def baresip_pid(self) -> int:
        pid_file = self.home / "data" / "LeadDesk" / "baresip" / "baresip.pid"
        return int(pid_file.read_text())

    def start(self) -> subprocess.Popen[bytes]:
        errors = self.home / f"stderr-{len(self.procs)}.txt"
        with open(errors, "wb") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", "leaddesk", "--db", str(self.home / "leads.db")],
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
        self.procs.append(proc)
        wait_for(lambda: listening(self.ctrl_port) or proc.poll() is not None, 60, "baresip")
        assert proc.poll() is None, errors.read_text(errors="replace")
        return proc

    def cleanup(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
            proc.wait(10)
        pid_file = self.home / "data" / "LeadDesk" / "baresip" / "baresip.pid"
        if pid_file.exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(pid_file.read_text()), signal.SIGKILL)


@pytest.fixture
def agent(tmp_path: Path) -> Iterator[Agent]:
    person = Agent(tmp_path)
    yield person
    person.cleanup()


def test_leaddesk_starts_its_softphone_and_stops_it_on_sigterm(agent: Agent) -> None:
    app = agent.start()
    wait_for(lambda: "baresip started" in agent.log, 10, "the start in the log")
    softphone = agent.baresip_pid
    assert alive(softphone)
    assert "softphone not started" not in agent.log

    app.send_signal(signal.SIGTERM)  # the desktop session ends
    assert app.wait(15) == 0
    wait_for(lambda: not alive(softphone), 5, "baresip to stop with LeadDesk")
    assert not listening(agent.ctrl_port)
    assert "signal SIGTERM: quitting" in agent.log


def test_after_leaddesk_was_killed_the_next_start_takes_over_the_ports(agent: Agent) -> None:
    first = agent.start()
    wait_for(lambda: "baresip started" in agent.log, 10, "the start in the log")
    orphan = agent.baresip_pid
    first.kill()  # no chance to clean up: baresip is left running, holding its ports
    first.wait(10)
    assert alive(orphan) and listening(agent.ctrl_port)

    second = agent.start()
    wait_for(lambda: agent.log.count("baresip started") >= 2, 15, "the second start")
    assert not alive(orphan)
    assert f"stopping baresip pid {orphan} left running" in agent.log
    assert "already in use" not in agent.log
    assert alive(agent.baresip_pid)
    second.send_signal(signal.SIGTERM)
    assert second.wait(15) == 0
