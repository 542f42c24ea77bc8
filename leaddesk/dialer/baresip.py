"""Dialing through baresip, a SIP softphone LeadDesk starts and controls itself.

The room is split by concern: baresip_config.py (the account, the settings and the
`config` file LeadDesk writes), baresip_process.py (`BaresipProcess`: runs
`baresip -f DIR`, control port and SIP bound to one address, 127.0.0.1 unless told
otherwise; no account in the `accounts` file: it is added over the control port with
`uanew` so that its password never lands on disk) and this module, the dialer.

`BaresipDialer` is the `Dialer` the agent window uses: `dial(e164, lead_id)` and
`hangup()`, plus one `on_update` callback receiving `CallEvent`s while a call lasts, a
`CallSummary` when it ends and `ConnectionLost` when baresip goes away. The callback runs
on the control connection's reader thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from leaddesk.dialer import listener_lock
from leaddesk.dialer.baresip_config import (
    BaresipSettings,
    SipAccount,
    audio_device_errors,
    effective_source,
    find_module_path,
    render_config,
)
from leaddesk.dialer.baresip_process import BaresipProcess, port_is_free
from leaddesk.dialer.base import DialError
from leaddesk.dialer.ctrl_tcp import BaresipError, CtrlClient
from leaddesk.dialer.events import (
    CallEvent,
    CallSummary,
    CallTracker,
    CallUpdate,
    ConnectionLost,
    IncomingCall,
    caller_number,
)
from leaddesk.dialer.listener_lock import lock_listener, other_clients
from leaddesk.dialer.tel import tel_uri

log = logging.getLogger(__name__)

# The configuration and the process live in their own modules; their names stay
# importable from here, where the callers have always found them.
__all__ = [
    "BaresipDialer",
    "BaresipError",
    "BaresipProcess",
    "BaresipSettings",
    "SipAccount",
    "audio_device_errors",
    "find_module_path",
    "port_is_free",
    "render_config",
]

_REGISTERED = frozenset({"REGISTER_OK", "REGISTER_FAIL"})


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
        self._source_changed = False  # a voicemail drop switched baresip's audio source

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
        # A first answer before the lock: it proves baresip holds the connection (see
        # listener_lock). baresip answers once it has loaded its modules, which on a busy
        # machine takes a while: it has what is left of the start time, and 2 s at least.
        try:
            self._client.command("reginfo", timeout=max(2.0, deadline - time.monotonic()))
        except BaresipError as exc:
            raise BaresipError(
                f"the program on {s.address}:{s.ctrl_port} does not answer like baresip's "
                f"ctrl_tcp module ({exc})"
            ) from None
        self._lock_control_port()

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
        assert self._client.local_port is not None
        intruders = other_clients(s.address, s.ctrl_port, self._client.local_port)
        if intruders:
            raise BaresipError(
                f"another program connected to baresip's control port {s.address}:{s.ctrl_port} "
                f"while LeadDesk was starting it (from local port {intruders[0]}): it could "
                "place calls; the softphone is not used. Start it again"
            )
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
        self._restore_source()
        with self._lock:
            if self.lost is not None:
                raise DialError(self._lost_reason())
            if self._call is not None and self._call.summary is None:
                if self._call.voicemail:
                    raise DialError(
                        "the voicemail is still playing into the last call: dial again when it ends"
                    )
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

    # -- returned calls ---------------------------------------------------------------------

    @property
    def ringing_call(self) -> CallTracker | None:
        """The incoming call ringing now (not yet answered), if any."""
        with self._lock:
            call = self._call
            if call is None or not call.incoming or call.summary is not None:
                return None
            return call if call.answered_at is None else None

    def answer(self, lead_id: str = "") -> None:
        """Answer the incoming call ringing now, for `lead_id` (the lead the caller's
        number belongs to; "" when unknown): baresip's `accept`."""
        with self._lock:
            call = self._call
            if call is None or not call.incoming or call.summary is not None:
                raise DialError("no call is ringing")
            call.lead_id = lead_id
        if self._looping:
            self.stop_audio_loop()
        self._restore_source()
        try:
            response = self._client.command("accept")
        except BaresipError as exc:
            raise DialError(f"could not answer: {exc}") from None
        if not response.ok:
            raise DialError(
                f"baresip could not answer: {response.data.strip() or 'no reason given'}"
            )

    # -- voicemail drop -------------------------------------------------------------------

    def drop_voicemail(self, recording: Path) -> None:
        """Play `recording` (a WAV file) into the answered call instead of the microphone;
        baresip hangs up when it ends (its aufile source ends the call at the end of the
        file), and the call's summary names the recording."""
        if not self.settings.file_audio:
            raise DialError("voicemail drop is off: baresip was started without aufile")
        if not recording.is_file():
            raise DialError(f"the recording {recording} is missing: record it again in Settings")
        with self._lock:
            call = self._call
            if call is None or call.summary is not None or call.answered_at is None:
                raise DialError("a voicemail can be dropped only into an answered call")
            call.voicemail = str(recording)
        try:
            response = self._client.command("ausrc", f"aufile,{recording}")
        except BaresipError as exc:
            raise DialError(f"could not play the voicemail: {exc}") from None
        said = response.data.strip()
        # The switch changes baresip's configured source too: put it back before the
        # next call (`_restore_source`).
        self._source_changed = True
        if not response.ok or "no such" in said.lower() or "format" in said.lower():
            with self._lock:
                call.voicemail = None
            raise DialError(f"baresip could not play the voicemail: {said or 'no reason'}")

    def _restore_source(self) -> None:
        if not self._source_changed:
            return
        self._source_changed = False
        source = effective_source(self.settings)
        if source:
            with contextlib.suppress(BaresipError):
                self._client.command("ausrc", source)

    def claim(self, lead_id: str) -> None:
        """The incoming call in progress is for `lead_id` (known after answering, e.g. a
        lead created for an unknown number)."""
        with self._lock:
            if self._call is not None and self._call.incoming:
                self._call.lead_id = lead_id

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
        incoming = None
        with self._lock:
            if self._registration is not None and update.type in _REGISTERED:
                self._register_result = update
                self._registration.set()
            if (
                update.type == "CALL_INCOMING"
                and update.category in (None, "call")
                and update.call_id
                and (self._call is None or self._call.summary is not None)
            ):
                # A returned call while the agent is free: follow it. (While a call is in
                # progress baresip lets a second one ring out on its own.)
                number = caller_number(update.peer_uri)
                self._call = CallTracker("", number, update.at, incoming_id=update.call_id)
                self._log_mark = self.process.log_size() if self.process else 0
                incoming = IncomingCall(update.call_id, number, update.peer_uri or "", update.at)
            if self._call is not None:
                summary = self._call.feed(update)
                if summary is not None and not summary.answered and summary.sip_status is None:
                    summary = self._with_audio_error(self._call, summary)
        self._emit(update)
        if incoming is not None:
            self._emit(incoming)
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
