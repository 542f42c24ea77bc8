"""Dialing through baresip, a SIP softphone LeadDesk starts and controls itself.

`BaresipProcess` runs `baresip -f DIR` with a configuration LeadDesk writes: the control
port (`ctrl_tcp`) and SIP bound to one address (127.0.0.1 unless told otherwise; baresip's
own default listens on every interface), only the modules a call needs, and no account
in the `accounts` file: the account is added over the control port (`uanew`) so that its
password never lands on disk.

`BaresipDialer` is the `Dialer` the agent window uses: `dial(e164, lead_id)` and
`hangup()`, plus one `on_update` callback receiving `CallEvent`s while a call lasts, a
`CallSummary` when it ends and `ConnectionLost` when baresip goes away. The callback runs
on the control connection's reader thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from leaddesk.dialer import listener_lock
from leaddesk.dialer.base import DialError
from leaddesk.dialer.ctrl_tcp import BaresipError, CtrlClient
from leaddesk.dialer.events import (
    CallEvent,
    CallSummary,
    CallTracker,
    CallUpdate,
    ConnectionLost,
)
from leaddesk.dialer.listener_lock import lock_listener
from leaddesk.dialer.tel import tel_uri

log = logging.getLogger(__name__)

__all__ = [
    "BaresipDialer",
    "BaresipError",
    "BaresipProcess",
    "BaresipSettings",
    "SipAccount",
    "port_is_free",
]

INSTALL_HINT = "install it (Debian/Ubuntu: apt-get install baresip-core) or set its path"
# Characters that would end a value in baresip's account line.
_UNSAFE = re.compile(r"[\s;<>\"]")
_REGISTERED = frozenset({"REGISTER_OK", "REGISTER_FAIL"})
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# baresip's words when an audio module cannot open a device, e.g.
# "alsa: could not open auplay device 'default' (No such file or directory)".
_AUDIO_DEVICE_ERROR = re.compile(
    r"(?P<module>\w+): could not open (?P<kind>auplay|ausrc) device '(?P<device>[^']*)' "
    r"\((?P<why>[^)]*)\)"
)
_DEVICE_ROLE = {"auplay": "speaker", "ausrc": "microphone"}
# How much of the end of baresip's log is read for the reason of a failure.
_LOG_TAIL_BYTES = 65536
PID_FILE = "baresip.pid"


@dataclass(frozen=True, slots=True)
class SipAccount:
    """The agent's SIP account. `domain` is the registrar (host or host:port)."""

    user: str
    domain: str
    password: str | None = field(default=None, repr=False)
    register: bool = True
    # Where numbers are sent: sip:<e164>@<dial_domain>; the account's domain by default.
    dial_domain: str | None = None

    @property
    def aor(self) -> str:
        return f"sip:{self.user}@{self.domain}"

    def account_line(self, register_interval: int = 600) -> str:
        """The line `uanew` takes: `<sip:user@domain>;auth_pass=...;regint=N`."""
        for label, value in (("user", self.user), ("domain", self.domain)):
            if not value or _UNSAFE.search(value) or "@" in value:
                raise BaresipError(f"the SIP {label} {value!r} is empty or has invalid characters")
        line = f"<{self.aor}>"
        if self.password:
            if _UNSAFE.search(self.password):
                raise BaresipError(
                    "the SIP password has a space, ';', '<', '>' or '\"' in it, "
                    "which baresip's account line cannot carry"
                )
            line += f";auth_pass={self.password}"
        line += f";regint={register_interval if self.register else 0}"
        return line


@dataclass(frozen=True, slots=True)
class BaresipSettings:
    binary: str = "baresip"
    address: str = "127.0.0.1"  # SIP, RTP and the control port bind here only
    ctrl_port: int = 4444
    sip_port: int = 5060
    # baresip audio device specs ("alsa,default", "pulse,"); None: no device (tests).
    audio_player: str | None = None
    audio_source: str | None = None
    audio_modules: tuple[str, ...] = ()  # e.g. ("alsa.so",) or ("pulse.so",)
    # False: never configure audio devices from the agent's settings (machines without
    # sound, such as CI); the call is still placed and tracked.
    headset: bool = True
    module_path: str | None = None  # None: found next to the program
    # baresip binds a call's media (RTP/RTCP) on every interface whatever the
    # configuration says (stream.c: "we listen on all interfaces"); a narrow range at
    # least keeps those ports known, for a firewall rule.
    rtp_ports: tuple[int, int] = (10000, 10099)
    start_timeout_s: float = 5.0
    register_timeout_s: float = 8.0
    # baresip lets an outgoing call ring for ever (its call_local_timeout is for incoming
    # calls); LeadDesk hangs up after this long without an answer. None: never.
    ring_timeout_s: float | None = 60.0


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


def find_module_path(binary: str) -> Path:
    """The folder of baresip's modules next to its program (Debian: /usr/lib/baresip/modules;
    other builds: <prefix>/lib64/..., <prefix>/lib/<multiarch>/...)."""
    prefix = Path(binary).resolve().parent.parent
    candidates = [prefix / "lib" / "baresip" / "modules", prefix / "lib64" / "baresip" / "modules"]
    candidates += sorted(prefix.glob("lib/*/baresip/modules"))
    for folder in candidates:
        if (folder / "ctrl_tcp.so").is_file():
            return folder
    looked = ", ".join(str(c) for c in candidates)
    raise BaresipError(
        f"baresip's control module ctrl_tcp.so was not found (looked in {looked}): "
        "install the package baresip-core, or set the module folder"
    )


def audio_device_errors(text: str) -> list[str]:
    """baresip's device failures in `text`, in the agent's words, each once:
    "the speaker 'default' (alsa): No such file or directory"."""
    found: list[str] = []
    for match in _AUDIO_DEVICE_ERROR.finditer(_ANSI.sub("", text)):
        role = _DEVICE_ROLE[match["kind"]]
        line = f"the {role} {match['device']!r} ({match['module']}): {match['why']}"
        if line not in found:
            found.append(line)
    return found


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


def render_config(settings: BaresipSettings, module_path: Path | str) -> str:
    """baresip's `config` file: what LeadDesk needs and nothing that listens elsewhere."""
    lines = [
        "# Written by LeadDesk; rewritten at each start.",
        "poll_method\t\tepoll" if os.uname().sysname == "Linux" else "",
        f"sip_listen\t\t{settings.address}:{settings.sip_port}",
        f"net_interface\t\t{settings.address}",
        f"rtp_ports\t\t{settings.rtp_ports[0]}-{settings.rtp_ports[1]}",
        "call_max_calls\t\t4",
        f"module_path\t\t{module_path}",
        "module\t\t\tg711.so",
    ]
    lines += [f"module\t\t\t{name}" for name in settings.audio_modules]
    if settings.audio_modules:
        lines.append("module_app\t\tauloop.so")  # the headset check and test
    if settings.audio_player:
        lines.append(f"audio_player\t\t{settings.audio_player}")
        lines.append(f"audio_alert\t\t{settings.audio_player}")
    if settings.audio_source:
        lines.append(f"audio_source\t\t{settings.audio_source}")
    lines += [
        "module_app\t\taccount.so",
        "module_app\t\tmenu.so",
        "module_app\t\tctrl_tcp.so",
        f"ctrl_tcp_listen\t\t{settings.address}:{settings.ctrl_port}",
    ]
    return "\n".join(line for line in lines if line) + "\n"


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
        clean = [_ANSI.sub("", line).strip() for line in text.splitlines()]
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


UpdateListener = Callable[[CallUpdate], None]


class BaresipDialer:
    """The softphone dialer: one call at a time, events and a summary back."""

    name = "baresip"

    def __init__(
        self,
        account: SipAccount,
        on_update: UpdateListener,
        *,
        settings: BaresipSettings | None = None,
        config_dir: Path | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """With `config_dir`, LeadDesk starts its own baresip there; without it, the
        dialer attaches to a baresip already listening at settings.address:ctrl_port."""
        self.account = account
        self.settings = settings or BaresipSettings()
        self.process = BaresipProcess(config_dir, self.settings) if config_dir else None
        self._on_update = on_update
        self._monotonic = monotonic
        self._client = CtrlClient(self._on_ctrl, monotonic=monotonic)
        self._lock = threading.Lock()
        self._call: CallTracker | None = None
        self._ring_timer: threading.Timer | None = None
        self._registration: threading.Event | None = None
        self._register_result: CallEvent | None = None
        self.lost: ConnectionLost | None = None
        self._closed = False
        self._log_mark = 0  # baresip's log size when the current call was dialed
        self._looping = False  # the headset test (audio loop) is running

    # -- life cycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Start (or attach to) baresip and add the account; raises BaresipError with the
        reason: baresip missing, a port taken, no answer, registration refused.
        A dialer starts once: after `close` (or a failed start) make a new one."""
        if self._closed:
            raise BaresipError("this baresip dialer was closed; start a new one")
        if self.process is not None:
            self.process.start()
        try:
            self._connect()
            self._add_account()
            if self.settings.audio_modules:
                # The headset is opened once now: a missing device is reported at start,
                # not when a lead answers and the call is cut.
                self.check_audio()
        except BaresipError:
            self.close()
            raise

    # -- the headset ------------------------------------------------------------------------

    @property
    def has_audio(self) -> bool:
        return bool(self.settings.audio_modules)

    def _audio_failure(self, since: int, response: str) -> BaresipError:
        errors = audio_device_errors(self.process.log_text(since)) if self.process else []
        what = "; ".join(errors) or f"baresip said {response.strip() or 'nothing'}"
        return BaresipError(
            f"the headset could not be opened: {what}. Plug it in or choose the devices in "
            "Settings (Audio system, Headset), then restart the softphone"
        )

    def start_audio_loop(self) -> None:
        """Send the microphone to the speaker (the agent hears themselves) until
        `stop_audio_loop`; raises BaresipError naming the device that failed."""
        if not self.has_audio:
            raise BaresipError("the softphone runs without audio devices")
        with self._lock:
            if self._call is not None and self._call.summary is None:
                raise BaresipError("a call is in progress: test the headset after it")
        since = self.process.log_size() if self.process else 0
        response = self._client.command("auloop", "8000 1")
        if not response.ok:
            raise self._audio_failure(since, response.data)
        self._looping = True

    def stop_audio_loop(self) -> None:
        self._looping = False
        with contextlib.suppress(BaresipError):
            self._client.command("auloop_stop")

    def check_audio(self) -> None:
        """Open the microphone and the speaker once (a 0.1 s loop): a missing or busy
        device is reported now, with its name, instead of cutting the first answered call."""
        self.start_audio_loop()
        time.sleep(0.1)
        self.stop_audio_loop()

    def _connect(self) -> None:
        s = self.settings
        deadline = time.monotonic() + s.start_timeout_s
        while True:
            if self.process is not None and not self.process.running:
                raise self.process.failure()
            try:
                self._client.connect(s.address, s.ctrl_port, timeout=0.2)
                break
            except BaresipError:
                if time.monotonic() >= deadline:
                    if self.process is not None:
                        raise self.process.failure() from None
                    raise
        self._lock_control_port()
        try:
            self._client.command("reginfo", timeout=2.0)
        except BaresipError as exc:
            raise BaresipError(
                f"the program on {s.address}:{s.ctrl_port} does not answer like baresip's "
                f"ctrl_tcp module ({exc})"
            ) from None

    def _lock_control_port(self) -> None:
        """No client after LeadDesk's: ctrl_tcp has no authentication and hands the port to
        the newest client (listener_lock.py). Only for the baresip LeadDesk started."""
        if self.process is None or self.process.pid is None:
            return
        s = self.settings
        try:
            lock_listener(self.process.pid, s.address, s.ctrl_port)
        except OSError as exc:
            if not listener_lock.supported():
                log.warning(
                    "baresip's control port %s:%s stays open to other local programs "
                    "on this system (%s)",
                    s.address,
                    s.ctrl_port,
                    exc,
                )
                return
            raise BaresipError(
                f"baresip's control port {s.address}:{s.ctrl_port} could not be kept for "
                f"LeadDesk alone ({exc}); the softphone is not used"
            ) from None
        log.info("baresip's control port %s:%s locked to LeadDesk", s.address, s.ctrl_port)

    def _add_account(self) -> None:
        line = self.account.account_line()
        waiting = threading.Event() if self.account.register else None
        with self._lock:
            self._registration, self._register_result = waiting, None
        response = self._client.command("uanew", line)
        # The response echoes the account line, password included: never log it.
        if not response.ok:
            raise BaresipError(f"baresip refused the account {self.account.aor}")
        if waiting is None:
            return
        if not waiting.wait(self.settings.register_timeout_s):
            raise BaresipError(
                f"registration of {self.account.aor} got no answer within "
                f"{self.settings.register_timeout_s:g} s: check the SIP server's address"
            )
        result = self._register_result
        if result is None:
            raise BaresipError(self._lost_reason())
        if result.type != "REGISTER_OK":
            why = result.param or "no reason given"
            raise BaresipError(
                f"registration of {self.account.aor} failed: {why}; "
                "check the user name, password and server"
            )

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._cancel_ring_timer()
        self._client.close()
        if self.process is not None:
            self.process.stop()

    def __enter__(self) -> BaresipDialer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- Dialer ---------------------------------------------------------------------------

    @property
    def active_call(self) -> CallTracker | None:
        """The call in progress (for a live timer: `tracker.elapsed(monotonic())`)."""
        with self._lock:
            return self._call if self._call is not None and self._call.summary is None else None

    def dial(self, e164: str, lead_id: str) -> None:
        uri = tel_uri(e164)  # refuses anything not E.164, with the reason
        number = uri.removeprefix("tel:")
        target = f"sip:{number}@{self.account.dial_domain or self.account.domain}"
        if self._looping:
            self.stop_audio_loop()  # the call needs the headset
        with self._lock:
            if self.lost is not None:
                raise DialError(self._lost_reason())
            if self._call is not None and self._call.summary is None:
                raise DialError("a call is already in progress: hang up first")
            call = self._call = CallTracker(lead_id, number, self._monotonic())
            self._log_mark = self.process.log_size() if self.process else 0
        try:
            response = self._client.command("dial", target)
        except BaresipError as exc:
            self._forget_unstarted_call()
            raise DialError(str(exc)) from None
        if not response.ok:
            self._forget_unstarted_call()
            raise DialError(
                f"baresip could not dial {number}: {response.data.strip() or 'no reason given'}"
            )
        self._arm_ring_timer(call)

    def _arm_ring_timer(self, call: CallTracker) -> None:
        limit = self.settings.ring_timeout_s
        if limit is None:
            return
        timer = threading.Timer(limit, self._ring_timeout, args=(call, limit))
        timer.daemon = True
        with self._lock:
            if call.summary is not None:
                return
            self._cancel_ring_timer()
            self._ring_timer = timer
        timer.start()

    def _cancel_ring_timer(self) -> None:
        if self._ring_timer is not None:
            self._ring_timer.cancel()
            self._ring_timer = None

    def _ring_timeout(self, call: CallTracker, limit: float) -> None:
        with self._lock:
            if call is not self._call or call.answered_at is not None or call.summary:
                return
            call.agent_hung_up(self._monotonic(), f"no answer within {limit:g} s")
        with contextlib.suppress(BaresipError):
            self._client.command("hangup")

    def _forget_unstarted_call(self) -> None:
        with self._lock:
            if self._call is not None and self._call.call_id is None:
                self._call = None

    def hangup(self) -> None:
        with self._lock:
            call = self._call
            if call is None or call.summary is not None:
                return
            call.agent_hung_up(self._monotonic())
        try:
            self._client.command("hangup")
        except BaresipError as exc:
            raise DialError(f"could not hang up: {exc}") from None

    # -- events ---------------------------------------------------------------------------

    def _on_ctrl(self, update: CallEvent | ConnectionLost) -> None:
        if isinstance(update, ConnectionLost):
            self._on_lost(update)
            return
        summary = None
        with self._lock:
            if self._registration is not None and update.type in _REGISTERED:
                self._register_result = update
                self._registration.set()
            if self._call is not None:
                summary = self._call.feed(update)
                if summary is not None and not summary.answered and summary.sip_status is None:
                    summary = self._with_audio_error(self._call, summary)
        self._emit(update)
        if summary is not None:
            self._emit(summary)

    def _with_audio_error(self, call: CallTracker, summary: CallSummary) -> CallSummary:
        """A call cut at the answer because a headset device would not open: say so (the
        lead may have picked up and heard nothing), rather than "not answered"."""
        if self.process is None:
            return summary
        errors = audio_device_errors(self.process.log_text(self._log_mark))
        if not errors:
            return summary
        call.summary = replace(summary, audio_error="; ".join(errors))
        return call.summary

    def _on_lost(self, lost: ConnectionLost) -> None:
        reason = lost.reason
        if self.process is not None:
            # A crash closes the socket a moment before the process is reaped.
            self.process.wait(0.5)
            what = self.process.exit_description()
            if what is not None:
                reason = f"baresip stopped unexpectedly: it {what}"
        lost = ConnectionLost(reason, lost.at)
        with self._lock:
            self.lost = lost
            call, registration = self._call, self._registration
            summary = call.lost(lost.at, reason) if call is not None else None
        if registration is not None:
            registration.set()
        self._emit(lost)
        if summary is not None:
            self._emit(summary)

    def _lost_reason(self) -> str:
        if self.lost is not None:
            return self.lost.reason
        return "baresip stopped answering"

    def _emit(self, update: CallUpdate) -> None:
        try:
            self._on_update(update)
        except Exception:
            log.exception("dialer update listener failed on %r", update)

    @property
    def last_summary(self) -> CallSummary | None:
        with self._lock:
            return self._call.summary if self._call is not None else None
