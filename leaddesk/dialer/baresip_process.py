"""The baresip process: LeadDesk starts and stops its own baresip (`baresip -f DIR`) with
the configuration of baresip_config.py, stops one an earlier LeadDesk left running,
checks its ports first and reads its log for the reason of a failure.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from leaddesk.dialer.baresip_config import (
    ANSI,
    BaresipSettings,
    find_module_path,
    render_config,
)
from leaddesk.dialer.ctrl_tcp import BaresipError

log = logging.getLogger(__name__)

__all__ = ["PID_FILE", "BaresipProcess", "port_is_free"]

INSTALL_HINT = "install it (Debian/Ubuntu: apt-get install baresip-core) or set its path"
# How much of the end of baresip's log is read for the reason of a failure.
_LOG_TAIL_BYTES = 65536
PID_FILE = "baresip.pid"


def port_is_free(address: str, port: int, kind: int = socket.SOCK_STREAM) -> bool:
    with socket.socket(socket.AF_INET, kind) as probe:
        if kind == socket.SOCK_STREAM:
            # As baresip binds its own: connections in TIME_WAIT after a crash do not
            # keep the port (a listener there still does).
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((address, port))
        except OSError:
            return False
    return True


def _command_line(pid: int) -> str:
    """The command line of process `pid`, space-joined ("" when unknown): /proc on Linux,
    `ps` on macOS and the BSDs. Windows has neither: there a leftover baresip is not
    looked for, and the port check says which port is taken."""
    proc = Path(f"/proc/{pid}/cmdline")
    if Path("/proc/self").exists():
        try:
            return proc.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            return ""
    if os.name != "posix":
        return ""
    try:
        out = subprocess.run(
            ["ps", "-o", "command=", "-p", str(pid)], capture_output=True, text=True, timeout=2
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def _alive(pid: int) -> bool:
    if Path("/proc/self").exists():
        try:  # a zombie (exited, not yet reaped) holds no port: not alive
            return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1][:1] != "Z"
        except (OSError, IndexError):
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class BaresipProcess:
    """Starts and stops one baresip with its own configuration directory."""

    def __init__(self, config_dir: Path, settings: BaresipSettings) -> None:
        self.config_dir = config_dir
        self.settings = settings
        self.log_path = config_dir / "baresip.log"
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def binary_path(self) -> str:
        found = shutil.which(self.settings.binary)
        if found is None:
            raise BaresipError(
                f"baresip is not installed ({self.settings.binary!r} not found): {INSTALL_HINT}"
            )
        return found

    def check_ports(self) -> None:
        s = self.settings
        checks = (
            (s.ctrl_port, socket.SOCK_STREAM, "control"),
            (s.sip_port, socket.SOCK_DGRAM, "SIP"),
            (s.sip_port, socket.SOCK_STREAM, "SIP"),
            (s.sip_port + 1, socket.SOCK_STREAM, "SIP TLS"),  # baresip takes the next one too
        )
        for port, kind, role in checks:
            if not port_is_free(s.address, port, kind):
                raise BaresipError(
                    f"port {s.address}:{port} (baresip's {role} port) is already in use by "
                    "another program: close it or choose another port"
                )

    def check_modules(self, module_path: Path | str) -> None:
        """Every audio module asked for is installed (else: which, and what to do)."""
        for name in self.settings.audio_modules:
            if not (Path(module_path) / name).is_file():
                system = name.removesuffix(".so")
                raise BaresipError(
                    f"baresip's audio module for {system} ({name}) is not installed in "
                    f"{module_path}: install it, or choose another audio system in Settings"
                )

    def stop_leftover(self) -> None:
        """Stop a baresip an earlier LeadDesk started from this folder and could not stop
        (it was killed): it would hold the ports. Only a process whose command line names
        this configuration folder is touched."""
        pid_file = self.config_dir / PID_FILE
        try:
            pid = int(pid_file.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return
        if f"-f {self.config_dir}" in _command_line(pid):
            log.warning("stopping baresip pid %s left running by an earlier LeadDesk", pid)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGTERM)
                deadline = time.monotonic() + 2.0
                while time.monotonic() < deadline and _alive(pid):
                    time.sleep(0.05)
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
                    time.sleep(0.1)
        with contextlib.suppress(OSError):
            pid_file.unlink()

    def write_config(self, module_path: Path | str) -> None:
        self.config_dir.mkdir(parents=True, exist_ok=True)
        config = render_config(self.settings, module_path)
        (self.config_dir / "config").write_text(config, encoding="utf-8")
        # The account is added over the control port; an empty file keeps baresip from
        # writing its template with example accounts.
        (self.config_dir / "accounts").write_text("", encoding="utf-8")
        (self.config_dir / "contacts").write_text("", encoding="utf-8")

    def start(self) -> None:
        """Start baresip; returns once it runs (its control port may still be opening)."""
        if self.running:
            return
        binary = self.binary_path()
        modules = self.settings.module_path or find_module_path(binary)
        self.check_modules(modules)
        self.config_dir.mkdir(parents=True, exist_ok=True)
        self.stop_leftover()
        self.check_ports()
        self.write_config(modules)
        with open(self.log_path, "wb") as out:
            self._proc = subprocess.Popen(
                [binary, "-f", str(self.config_dir), "-4"],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # the agent's Ctrl+C in a terminal is not for it
            )
        with contextlib.suppress(OSError):
            (self.config_dir / PID_FILE).write_text(f"{self._proc.pid}\n", encoding="ascii")
        log.info("baresip started (pid %s, config %s)", self._proc.pid, self.config_dir)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def exit_description(self) -> str | None:
        """'exited with code 1' / 'was killed by signal 9 (SIGKILL)'; None while it runs."""
        if self._proc is None:
            return None
        code = self._proc.poll()
        if code is None:
            return None
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = "unknown"
            return f"was killed by signal {-code} ({name})"
        return f"exited with code {code}"

    def log_size(self) -> int:
        try:
            return self.log_path.stat().st_size
        except OSError:
            return 0

    def log_text(self, since: int = 0) -> str:
        """baresip's output from byte `since` on (at most the last 64 KiB)."""
        try:
            with open(self.log_path, "rb") as handle:
                size = handle.seek(0, os.SEEK_END)
                handle.seek(max(since, size - _LOG_TAIL_BYTES))
                return handle.read().decode("utf-8", errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines: int = 6) -> str:
        text = self.log_text()
        clean = [ANSI.sub("", line).strip() for line in text.splitlines()]
        return " | ".join(line for line in clean[-lines:] if line)

    def failure(self) -> BaresipError:
        """Why baresip is not running, as an error the agent can act on."""
        tail = self.log_tail()
        if "Address already in use" in tail:
            return BaresipError(
                f"baresip could not open its ports on {self.settings.address} "
                f"(SIP {self.settings.sip_port}, control {self.settings.ctrl_port}): "
                "another program uses one of them; choose other ports"
            )
        what = self.exit_description() or "is not answering"
        return BaresipError(f"baresip {what}: {tail or 'no output'}")

    def wait(self, timeout: float) -> int | None:
        if self._proc is None:
            return None
        with contextlib.suppress(subprocess.TimeoutExpired):
            return self._proc.wait(timeout)
        return None

    def stop(self, timeout: float = 1.5) -> None:
        """Stop baresip; killed if it is not gone within `timeout` (it lingers trying to
        unregister from a server that does not answer)."""
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            if proc is not None:
                self._proc = proc  # keep the exit status readable
            return
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout)
        self._proc = proc
        with contextlib.suppress(OSError):
            (self.config_dir / PID_FILE).unlink()
