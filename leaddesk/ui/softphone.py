"""The softphone's side of the agent window: call events in, hang-up and restart out.

A dialer that sees the call (baresip) reports from its own reader thread through
`Events.call_update`; the connection here is queued, so every update is handled on the
window's thread. While a call is live the outcome bar shows "Ringing 0:04" / "Talking
1:05"; when it ends the bar pre-selects `suggest_outcome(summary)`, says what happened
(`describe`) and fills the duration. Nothing is logged here: the agent confirms, since
SIP cannot tell a voicemail box from a person. Ringing time goes on the attempt with the
outcome. When the softphone goes away the window says why and offers a restart.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QPushButton

from leaddesk.dialer.base import Dialer, DialError
from leaddesk.dialer.events import (
    CallEvent,
    CallSummary,
    CallTracker,
    ConnectionLost,
    describe,
    live_status,
    suggest_outcome,
)

if TYPE_CHECKING:
    from leaddesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# Builds and starts a new dialer (blocking: run on a worker thread).
DialerFactory = Callable[[], Dialer]
# The lead id a test call from the settings is placed under (no attempt is recorded).
TEST_CALL = "settings-test-call"


class SoftphoneLink(QObject):
    # How the test call from the settings ended, in words for the agent.
    test_result = Signal(str)

    def __init__(
        self,
        window: MainWindow,
        restart: DialerFactory | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._restart = restart
        self._monotonic = monotonic
        self.summary: CallSummary | None = None
        self.lost: ConnectionLost | None = None
        self.restart_button = QPushButton("Restart softphone", window)
        self.restart_button.setObjectName("RestartDialer")
        self.restart_button.setAccessibleName("Restart the softphone")
        self.restart_button.setToolTip("Start the softphone again (the call list is kept)")
        self.restart_button.clicked.connect(self.restart)
        self.restart_button.hide()
        window.statusBar().addPermanentWidget(self.restart_button)
        window.events.call_update.connect(self._on_update, Qt.ConnectionType.QueuedConnection)
        window.events.dial_state_changed.connect(self._on_dial_state)
        self.attach(window.dialer)

    def attach(self, dialer: Dialer) -> None:
        """Use `dialer` from now on (the live timer only where it can see the call)."""
        self.window.dialer = dialer
        self.lost = None
        self.restart_button.hide()
        live = hasattr(dialer, "active_call")
        self.window.outcomes.live = self._live if live else None

    def _live(self) -> tuple[str, float] | None:
        call: CallTracker | None = getattr(self.window.dialer, "active_call", None)
        pending = self.window.pending
        if call is None or pending is None or call.lead_id != pending.lead_id:
            return None
        now = self._monotonic()
        return live_status(call, now), call.elapsed(now)[1]

    def _on_dial_state(self, pending: object) -> None:
        if pending is None:
            self.summary = None

    # -- updates from the dialer's thread (queued) ----------------------------------------

    def _on_update(self, update: object) -> None:
        if isinstance(update, CallEvent):
            self.window.outcomes.tick()
        elif isinstance(update, CallSummary):
            self._on_summary(update)
        elif isinstance(update, ConnectionLost):
            self._on_lost(update)

    def _on_summary(self, summary: CallSummary) -> None:
        if summary.lead_id == TEST_CALL:
            self.test_result.emit(f"Test call: {describe(summary)}")
            return
        pending = self.window.pending
        if pending is None or pending.lead_id != summary.lead_id:
            log.info("call summary for a call not pending here: %s", summary)
            return
        self.summary = summary
        self.window.outcomes.call_finished(
            suggest_outcome(summary), describe(summary), summary.duration_s
        )

    def _on_lost(self, lost: ConnectionLost) -> None:
        self.lost = lost
        message = f"The softphone stopped: {lost.reason}."
        if self._restart is not None:
            message += " Restart it with the button in the status bar."
        self.offer_restart(message)

    def offer_restart(self, message: str) -> None:
        """Say why the softphone is not in use, and offer to start it again."""
        if self._restart is not None:
            self.restart_button.show()
        self.window.show_error(message)
        if self.window.pending is None:
            self.window.outcomes.state.setText(message)

    # -- actions ----------------------------------------------------------------------------

    def ring_s(self, lead_id: str) -> int | None:
        """The ringing seconds of the ended call to this lead, for its attempt."""
        summary = self.summary
        return summary.ring_seconds if summary and summary.lead_id == lead_id else None

    def hangup(self) -> None:
        if not hasattr(self.window.dialer, "active_call"):
            self.window.statusBar().showMessage(
                "The system's phone application has the call: hang up there.", 8000
            )
            return
        try:
            self.window.dialer.hangup()
        except DialError as exc:
            self.window.show_error(str(exc))

    def test_call(self, e164: str) -> str:
        """Dial `e164` as a test (no lead, no attempt); returns what the agent is told.
        With the softphone, how it ended comes later through `test_result`."""
        if self.window.pending is not None:
            return "Log the current call first, then try the test number."
        dialer = self.window.dialer
        try:
            dialer.dial(e164, TEST_CALL)
        except DialError as exc:
            return f"The test call failed: {exc}"
        if hasattr(dialer, "active_call"):
            return f"Calling {e164} through the softphone ({dialer.name})…"
        return f"{e164} was handed to the system's phone application (tel:)."

    def restart(self) -> None:
        factory = self._restart
        if factory is None:
            return
        self.restart_button.setEnabled(False)
        self.window.statusBar().showMessage("Restarting the softphone…", 10_000)

        def done(dialer: Dialer) -> None:
            self.restart_button.setEnabled(True)
            self.close_dialer()
            self.attach(dialer)
            self.window.statusBar().showMessage("The softphone is ready.", 8000)

        def failed(exc: BaseException) -> None:
            self.restart_button.setEnabled(True)
            self.window.show_error(f"The softphone did not restart: {exc}")

        self.window.runner.run(factory, done, failed, name="dialer.restart")

    def close_dialer(self) -> None:
        close = getattr(self.window.dialer, "close", None)
        if callable(close):
            with contextlib.suppress(Exception):
                close()
