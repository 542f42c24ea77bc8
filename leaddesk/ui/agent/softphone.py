"""The softphone's side of the agent window: call events in, hang-up and restart out.

A dialer that sees the call (baresip) reports from its own reader thread through
`Events.call_update`; the connection here is queued, so every update is handled on the
window's thread. While a call is live the outcome bar shows "Ringing 0:04" / "Talking
1:05"; when it ends the bar pre-selects `suggest_outcome(summary)`, says what happened
(`describe`) and fills the duration. Nothing is logged here: the agent confirms, since
SIP cannot tell a voicemail box from a person. Ringing time goes on the attempt with the
outcome. When the softphone goes away the window says why and offers a restart.

With a `SoftphoneSetup` (the settings' dialer), a restart and a change of the dialer's
settings re-read them: the new dialer starts on a worker thread and replaces the old one
at once, or after the call in progress is logged. "Test headset" loops the microphone to
the speaker for a few seconds so that the agent hears themselves.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton

from leaddesk.dialer.baresip import BaresipDialer
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
from leaddesk.ui.agent.session import AgentSession
from leaddesk.ui.outcome_bar import OutcomeBar

if TYPE_CHECKING:
    from leaddesk.ui.dialer_setup import DialerChoice, SoftphoneSetup

log = logging.getLogger(__name__)

# Builds and starts a new dialer (blocking: run on a worker thread).
DialerFactory = Callable[[], Dialer]
# The lead id a test call from the settings is placed under (no attempt is recorded).
TEST_CALL = "settings-test-call"
# How long "Test headset" lets the agent hear themselves.
HEADSET_TEST_MS = 5000


class SoftphoneLink(QObject):
    # How the test call from the settings ended, in words for the agent.
    test_result = Signal(str)
    # What the headset test is doing, in words for the agent.
    headset_result = Signal(str)
    # A new dialer is in use (after a restart or a change of settings).
    dialer_changed = Signal()

    def __init__(
        self,
        session: AgentSession,
        bar: OutcomeBar,
        status_bar: QStatusBar,
        restart: DialerFactory | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(session)
        self.session, self.bar = session, bar
        # How to start the softphone again when there is no setup (`use_setup`): the
        # application restarts from the settings; a window built on a given dialer
        # (tests, an embedding) may pass a factory instead.
        self._restart = restart
        self._monotonic = monotonic
        self.summary: CallSummary | None = None
        self.lost: ConnectionLost | None = None
        self.setup: SoftphoneSetup | None = None
        self._reconfigure_waiting = False
        self._switching = False
        # Which dialer is in use, at a glance: "Softphone · agent7@sip.example.com" or
        # "Phone app (tel:)"; "Softphone stopped" with the restart button beside it.
        self.status_label = QLabel(status_bar)
        self.status_label.setObjectName("DialerStatus")
        self.status_label.setAccessibleName(self.tr("Dialer"))
        status_bar.addPermanentWidget(self.status_label)
        self.restart_button = QToolButton(status_bar)
        self.restart_button.setText(self.tr("Restart softphone"))
        self.restart_button.setObjectName("RestartDialer")
        self.restart_button.setAccessibleName(self.tr("Restart the softphone"))
        self.restart_button.setToolTip(self.tr("Start the softphone again (the call list is kept)"))
        self.restart_button.clicked.connect(self.restart)
        self.restart_button.hide()
        status_bar.addPermanentWidget(self.restart_button)
        session.events.call_update.connect(self._on_update, Qt.ConnectionType.QueuedConnection)
        session.events.dial_state_changed.connect(self._on_dial_state)
        self.attach(session.dialer)

    def attach(self, dialer: Dialer) -> None:
        """Use `dialer` from now on (the live timer only where it can see the call)."""
        self.session.dialer = dialer
        self.lost = None
        self.restart_button.hide()
        self._show_dialer()
        live = hasattr(dialer, "active_call")
        self.bar.live = self._live if live else None

    def _live(self) -> tuple[str, float] | None:
        call: CallTracker | None = getattr(self.session.dialer, "active_call", None)
        pending = self.session.pending
        if call is None or pending is None or call.lead_id != pending.lead_id:
            return None
        now = self._monotonic()
        return live_status(call, now), call.elapsed(now)[1]

    def _on_dial_state(self, pending: object) -> None:
        if pending is None:
            self.summary = None
            if self._reconfigure_waiting:
                self._reconfigure_waiting = False
                self.reconfigure()

    # -- updates from the dialer's thread (queued) ----------------------------------------

    def _on_update(self, update: object) -> None:
        if isinstance(update, CallEvent):
            self.bar.tick()
        elif isinstance(update, CallSummary):
            self._on_summary(update)
        elif isinstance(update, ConnectionLost):
            self._on_lost(update)

    def _on_summary(self, summary: CallSummary) -> None:
        if summary.lead_id == TEST_CALL:
            self.test_result.emit(self.tr("Test call: {result}").format(result=describe(summary)))
            return
        pending = self.session.pending
        if pending is None or pending.lead_id != summary.lead_id:
            log.info("call summary for a call not pending here: %s", summary)
            return
        self.summary = summary
        self.bar.call_finished(suggest_outcome(summary), describe(summary), summary.duration_s)
        if summary.audio_error:
            self.offer_restart(
                self.tr("The headset could not be opened: {error}.").format(
                    error=summary.audio_error
                )
            )

    def _show_dialer(self) -> None:
        dialer = self.session.dialer
        if isinstance(dialer, BaresipDialer):
            text = self.tr("Softphone · {account}").format(
                account=dialer.account.aor.removeprefix("sip:")
            )
            tip = self.tr("Calls go through the built-in softphone (baresip)")
        elif getattr(dialer, "name", "") == "manual":
            text = self.tr("Desk phone (dial by hand)")
            tip = self.tr("Enter records the dial and shows the number to dial by hand")
        else:
            text = self.tr("Phone app (tel:)")
            tip = self.tr("Numbers are handed to the system's phone application")
        self.status_label.setText(text)
        self.status_label.setToolTip(tip)

    def _on_lost(self, lost: ConnectionLost) -> None:
        self.status_label.setText(self.tr("Softphone stopped"))
        self.lost = lost
        message = self.tr("The softphone stopped: {reason}.").format(reason=lost.reason)
        if self._restart is not None or self.setup is not None:
            message += " " + self.tr("Restart it with the button in the status bar.")
        self.offer_restart(message)

    def offer_restart(self, message: str) -> None:
        """Say why the softphone is not in use, and offer to start it again."""
        if not isinstance(self.session.dialer, BaresipDialer):
            self.status_label.setText(self.tr("Phone app (tel:) · softphone off"))
        if self._restart is not None or self.setup is not None:
            self.restart_button.show()
        self.session.fail(message)
        if self.session.pending is None:
            self.bar.state.setText(message)

    # -- actions ----------------------------------------------------------------------------

    def ring_s(self, lead_id: str) -> int | None:
        """The ringing seconds of the ended call to this lead, for its attempt."""
        summary = self.summary
        return summary.ring_seconds if summary and summary.lead_id == lead_id else None

    def hangup(self) -> None:
        if not hasattr(self.session.dialer, "active_call"):
            self.session.say(
                self.tr("The system's phone application has the call: hang up there."), 8000
            )
            return
        try:
            self.session.dialer.hangup()
        except DialError as exc:
            self.session.fail(str(exc))

    def test_call(self, e164: str) -> str:
        """Dial `e164` as a test (no lead, no attempt); returns what the agent is told.
        With the softphone, how it ended comes later through `test_result`."""
        if self.session.pending is not None:
            return self.tr("Log the current call first, then try the test number.")
        dialer = self.session.dialer
        try:
            dialer.dial(e164, TEST_CALL)
        except DialError as exc:
            return self.tr("The test call failed: {error}").format(error=exc)
        if hasattr(dialer, "active_call"):
            return self.tr("Calling {number} through the softphone ({name})…").format(
                number=e164, name=dialer.name
            )
        return self.tr("{number} was handed to the system's phone application (tel:).").format(
            number=e164
        )

    def restart(self) -> None:
        """Start the softphone again: from the settings when there is a setup (it may ask
        for the password again), else with the factory it was started with."""
        if self.setup is not None:
            self.reconfigure()
            return
        factory = self._restart
        if factory is None:
            return
        self.restart_button.setEnabled(False)
        self.session.say(self.tr("Restarting the softphone…"), 10_000)

        def done(dialer: Dialer) -> None:
            self.restart_button.setEnabled(True)
            self.close_dialer()
            self.attach(dialer)
            self.session.say(self.tr("The softphone is ready."), 8000)
            self.dialer_changed.emit()

        def failed(exc: BaseException) -> None:
            self.restart_button.setEnabled(True)
            self.session.fail(self.tr("The softphone did not restart: {error}").format(error=exc))

        self.session.runner.run(factory, done, failed, name="dialer.restart")

    def use_setup(self, setup: SoftphoneSetup, choice: DialerChoice | None = None) -> None:
        """Restarts and setting changes go through `setup` from now on; `choice` is what
        it answered at start-up (its problem, if any, is shown with a restart button)."""
        self.setup = setup
        if choice is not None and choice.problem:
            self.offer_restart(choice.problem)

    def reconfigure(self) -> None:
        """Replace the dialer by the one the settings ask for now (after the call in
        progress is logged). The old softphone stops before the new one starts: they
        share ports."""
        setup = self.setup
        if setup is None:
            return
        if self.session.pending is not None:
            self._reconfigure_waiting = True
            self.session.say(
                self.tr("The new dialer settings apply once this call is logged."), 10_000
            )
            return
        if self._switching:
            self._reconfigure_waiting = True
            return
        start = setup.prepare()  # may ask for the password: this (the GUI) thread
        self._switching = True
        self.restart_button.setEnabled(False)
        self.session.say(self.tr("Starting the dialer…"), 10_000)
        old = self.session.dialer

        def work() -> DialerChoice:
            close = getattr(old, "close", None)
            if callable(close):
                with contextlib.suppress(Exception):
                    close()
            return start()

        def done(choice: DialerChoice) -> None:
            self._switching = False
            self.restart_button.setEnabled(True)
            self.attach(choice.dialer)
            self.dialer_changed.emit()
            if choice.problem:
                self.offer_restart(choice.problem)
            else:
                self.session.say(self.ready_text(), 8000)
                if self.session.pending is None:
                    self.bar.state.setText(self.ready_text())
            if self._reconfigure_waiting and self.session.pending is None:
                self._reconfigure_waiting = False
                self.reconfigure()

        def failed(exc: BaseException) -> None:
            self._switching = False
            self.restart_button.setEnabled(True)
            self.session.fail(self.tr("The dialer did not start: {error}").format(error=exc))

        self.session.runner.run(work, done, failed, name="dialer.reconfigure")

    def ready_text(self) -> str:
        if hasattr(self.session.dialer, "active_call"):
            return self.tr("The softphone is ready.")
        return self.tr("Calls go to the system's phone application (tel:).")

    # -- the headset --------------------------------------------------------------------------

    @property
    def can_test_headset(self) -> bool:
        dialer = self.session.dialer
        return isinstance(dialer, BaresipDialer) and dialer.has_audio

    def test_headset(self) -> str:
        """Loop the microphone to the speaker for a few seconds; returns what the agent
        is told now (the result comes through `headset_result`)."""
        dialer = self.session.dialer
        if not isinstance(dialer, BaresipDialer) or not dialer.has_audio:
            return self.tr("The headset test needs the softphone (Dialer: baresip) running.")
        if self.session.pending is not None:
            return self.tr("Log the current call first, then test the headset.")
        start, stop = dialer.start_audio_loop, dialer.stop_audio_loop

        def started(_none: None) -> None:
            self.headset_result.emit(
                self.tr(
                    "Speak now: you should hear yourself in the headset for {seconds} seconds."
                ).format(seconds=HEADSET_TEST_MS // 1000)
            )
            QTimer.singleShot(HEADSET_TEST_MS, self, finish)

        def finish() -> None:
            self.session.runner.run(
                stop,
                lambda _n: self.headset_result.emit(
                    self.tr("Headset test done. Heard nothing? Check the devices above.")
                ),
                name="headset.stop",
            )

        def failed(exc: BaseException) -> None:
            self.headset_result.emit(str(exc))

        self.session.runner.run(start, started, failed, name="headset.start")
        return self.tr("Opening the headset…")

    def close_dialer(self) -> None:
        close = getattr(self.session.dialer, "close", None)
        if callable(close):
            with contextlib.suppress(Exception):
                close()
