"""The agent's state bar, in the window's status bar: the state (Ready, On a call,
Wrap-up, Paused: reason) with the time in it, a Ready button and a Pause menu of the
team's reasons (Settings: agent_states.pause_reasons).

The state follows the work by itself: a dial or an answered call is "on a call", the
end of the call is "wrap-up", the outcome saved is "ready" again. A pause holds until
the agent picks Ready or starts a call, and silences the tray's call reminders. Every
change is stored (`services.agent_states`) for the report's time per state; the window
opening is "ready", the application quitting is "offline".
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QStatusBar, QToolButton, QWidget

from leaddesk.dialer.events import CallEvent, CallSummary
from leaddesk.domain.agent_states import DEFAULT_PAUSE_REASONS, AgentState, parse_reasons
from leaddesk.domain.clock import as_utc
from leaddesk.ui.agent.session import AgentSession
from leaddesk.ui.tray import Tray
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from leaddesk.services.agent_states import AgentStateService

log = logging.getLogger(__name__)

STATE_WORDS = {
    AgentState.READY: QT_TRANSLATE_NOOP("StateBar", "Ready"),
    AgentState.ON_CALL: QT_TRANSLATE_NOOP("StateBar", "On a call"),
    AgentState.WRAP_UP: QT_TRANSLATE_NOOP("StateBar", "Wrap-up"),
    AgentState.PAUSED: QT_TRANSLATE_NOOP("StateBar", "Paused"),
    AgentState.OFFLINE: QT_TRANSLATE_NOOP("StateBar", "Offline"),
}
# baresip's test calls from the settings are no work (softphone.TEST_CALL).
_TEST_CALL = "settings-test-call"


def configured_reasons() -> tuple[str, ...]:
    """The team's pause reasons from the agent's settings (the shipped ones when the
    settings cannot be read)."""
    from leaddesk.settings import Settings, SettingsFileError

    try:
        text = Settings.load().get("agent_states.pause_reasons")
        return parse_reasons(str(text)) or DEFAULT_PAUSE_REASONS
    except (SettingsFileError, ValueError):
        return DEFAULT_PAUSE_REASONS


class StateBar(QWidget):
    def __init__(
        self,
        session: AgentSession,
        tray: Tray,
        status_bar: QStatusBar,
        reasons: Callable[[], Sequence[str]] = configured_reasons,
    ) -> None:
        super().__init__(status_bar)
        self.session, self.tray = session, tray
        self.setObjectName("StateBar")
        self.setAccessibleName(self.tr("Agent state"))
        self._reasons = reasons
        self.state = AgentState.OFFLINE
        self.reason = ""
        self.since: datetime | None = None
        self._queue: list[tuple[str, str, datetime]] = []
        self._writing = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setObjectName("StateLabel")
        self.label.setAccessibleName(self.tr("Agent state"))
        self.ready_button = QToolButton(self)
        self.ready_button.setObjectName("StateReady")
        self.ready_button.setText(self.tr("Ready"))
        self.ready_button.setAccessibleName(self.tr("Ready for calls"))
        self.ready_button.clicked.connect(lambda: self.set_state(AgentState.READY))
        self.pause_button = QToolButton(self)
        self.pause_button.setObjectName("StatePause")
        self.pause_button.setText(self.tr("Pause"))
        self.pause_button.setAccessibleName(self.tr("Pause, with a reason"))
        self.pause_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pause_menu = QMenu(self.pause_button)
        self.pause_menu.setObjectName("StatePauseMenu")
        self.pause_menu.aboutToShow.connect(self._fill_reasons)
        self.pause_button.setMenu(self.pause_menu)
        self._fill_reasons()
        for widget in (self.label, self.ready_button, self.pause_button):
            layout.addWidget(widget)
        status_bar.addPermanentWidget(self)

        events = session.events
        events.dial_state_changed.connect(self._on_dial_state)
        events.outcome_recorded.connect(lambda _logged: self._auto(AgentState.READY))
        events.call_update.connect(self._on_call_update, Qt.ConnectionType.QueuedConnection)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._show)
        self._tick.start(1000)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.go_offline)
        self._start_shift()

    def _start_shift(self) -> None:
        """Ready as the window opens. Written here, before the window's change watch reads
        the database's version, so that this write is not taken for someone else's change
        (a refresh of the list and the card a second after opening); one small insert,
        like the migrations run before the window. Any trouble: written later instead."""
        self.state, self.reason = AgentState.READY, ""
        self.since = as_utc(self.session.backend.ws.clock())
        self._show()
        try:
            self._service().set(AgentState.READY.value, "", at=self.since)
        except Exception:
            log.warning("the agent's state is written later", exc_info=True)
            self._queue.append((AgentState.READY.value, "", self.since))
            self._write_next()

    def _service(self) -> AgentStateService:
        from leaddesk.services.agent_states import AgentStateService

        return AgentStateService(self.session.backend.ws, self._reasons())

    def _fill_reasons(self) -> None:
        self.pause_menu.clear()
        for code in self._reasons():
            action = self.pause_menu.addAction(code.replace("_", " ").capitalize())
            action.setObjectName(f"Pause_{code}")
            action.triggered.connect(lambda _c=False, c=code: self.set_state(AgentState.PAUSED, c))

    # -- following the work ---------------------------------------------------------------

    def _auto(self, state: AgentState) -> None:
        """A change the work makes; a pause holds until the agent picks Ready."""
        if self.state is AgentState.PAUSED:
            return
        self.set_state(state)

    def _on_dial_state(self, pending: object) -> None:
        if pending is not None:
            self.set_state(AgentState.ON_CALL)  # a dial ends a pause: the agent works
        else:
            self._auto(AgentState.READY)

    def _on_call_update(self, update: object) -> None:
        if isinstance(update, CallEvent) and update.type == "CALL_ESTABLISHED":
            if update.direction == "incoming":
                self.set_state(AgentState.ON_CALL)  # answering ends a pause too
        elif (
            isinstance(update, CallSummary)
            and update.lead_id != _TEST_CALL
            and self.state is AgentState.ON_CALL
        ):
            self.set_state(AgentState.WRAP_UP)

    # -- recording ------------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        return self.state is AgentState.PAUSED

    def set_state(self, state: AgentState, reason: str = "") -> None:
        if (state, reason) == (self.state, self.reason) and self.since is not None:
            return
        self.state, self.reason = state, reason
        self.since = as_utc(self.session.backend.ws.clock())
        self.tray.paused = self.paused  # a pause silences the call reminders
        self._show()
        self._queue.append((state.value, reason, self.since))
        if not self._writing:
            self._write_next()

    def _write_next(self) -> None:
        """Changes are written one after the other, in order (the service skips a change
        to the state already stored, so two in flight could swap)."""
        if not self._queue:
            self._writing = False
            return
        self._writing = True
        state, reason, at = self._queue.pop(0)
        service = self._service()

        def failed(exc: BaseException) -> None:
            self.session.fail(exc)
            self._write_next()

        self.session.runner.run(
            lambda: service.set(state, reason, at=at),
            lambda _current: self._write_next(),
            failed,
            name="agent_state",
        )

    def go_offline(self) -> None:
        """The application quits: written at once (no worker is left to run it)."""
        try:
            self._service().set(AgentState.OFFLINE.value)
        except Exception:  # the database may be gone already; the report ends the shift
            log.exception("could not record the agent going offline")

    def _show(self) -> None:
        words = QCoreApplication.translate("StateBar", STATE_WORDS[self.state])
        if self.reason:
            words = self.tr("{state}: {reason}").format(
                state=words, reason=self.reason.replace("_", " ")
            )
        if self.since is not None:
            now = as_utc(self.session.backend.ws.clock())
            seconds = max(0, int((now - self.since).total_seconds()))
            minutes, secs = divmod(seconds, 60)
            words += f" {minutes}:{secs:02d}"
        self.label.setText(words)
        self.ready_button.setEnabled(self.state is not AgentState.READY)
