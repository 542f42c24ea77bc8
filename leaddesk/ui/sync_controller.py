"""Background sync in the agent window: one `SyncService.run_once()` round at a time,
off the GUI thread, on a timer and soon after each logged outcome.

The controller is a QObject owned by the main window. It turns each round's outcome
into the few words of the shift bar's Sync tile (`Events.sync_state_changed`):
"Local only" (no server), "3 pending", "Synced 14:02", "Offline, retrying", "Error: sign
in with leaddesk login". The full reason goes to the status bar when the state changes.
A pull that brought anything asks the call list to refresh (`Events.leads_changed`).

The token is only ever asked of `Credentials` (through its provider) by the service,
on the worker; this module never sees, shows or logs it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

from leaddesk.services.credentials import Credentials, normalize_url
from leaddesk.services.errors import UserError
from leaddesk.services.sync import SyncError, SyncResult, SyncService, SyncState
from leaddesk.services.workspace import Workspace
from leaddesk.ui.events import Events
from leaddesk.ui.tasks import TaskRunner
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000  # a round every minute
RETRY_MS = 15_000  # sooner while the server cannot be reached
SOON_MS = 1_500  # after an outcome: a few quick ones share one round
FIRST_MS = 2_000  # the first round, once the call list had the CPU
LOCAL_ONLY = QT_TRANSLATE_NOOP("Sync", "Local only")  # shown through local_only()
MAX_REASON = 60


@dataclass(frozen=True, slots=True)
class RoundReport:
    """What a round on the worker hands to the GUI thread (plain data only)."""

    state: SyncState
    result: SyncResult | None
    keychain_warning: str | None


def local_only() -> str:
    """The tile's words with no server configured (translated)."""
    return QCoreApplication.translate("Sync", LOCAL_ONLY)


def short_reason(reason: str) -> str:
    """The tile's few words for a failure; the full reason goes to the status bar."""
    if "leaddesk login" in reason or "LEADDESK_TOKEN" in reason:
        return QCoreApplication.translate("Sync", "sign in with leaddesk login")
    reason = reason.strip() or QCoreApplication.translate("Sync", "unknown")
    return reason if len(reason) <= MAX_REASON else reason[: MAX_REASON - 1] + "…"


def tile_text(state: SyncState, keychain_warning: str | None = None) -> str:
    """The Sync tile's words for a service state (translated; the reasons are the
    service's, in English)."""
    if state.status == "offline":
        if state.pending:
            return QCoreApplication.translate(
                "Sync", "Offline, retrying ({pending} pending)"
            ).format(pending=state.pending)
        return QCoreApplication.translate("Sync", "Offline, retrying")
    if state.status == "error":
        if keychain_warning and "leaddesk login" in state.reason:
            return QCoreApplication.translate("Sync", "Error: no keychain, set LEADDESK_TOKEN")
        return error_text(state.reason)
    if state.status == "synced" and state.last_sync_at is not None:
        text = QCoreApplication.translate("Sync", "Synced {time}").format(
            time=f"{state.last_sync_at.astimezone():%H:%M}"
        )
    elif state.pending:
        text = QCoreApplication.translate("Sync", "{pending} pending").format(pending=state.pending)
    elif state.status == "never":
        text = QCoreApplication.translate("Sync", "Not synced yet")
    else:
        text = QCoreApplication.translate("Sync", "Synced")
    if keychain_warning:
        text += " · " + QCoreApplication.translate("Sync", "Token for this session only")
    return text


def error_text(reason: str) -> str:
    return QCoreApplication.translate("Sync", "Error: {reason}").format(reason=short_reason(reason))


class SyncController(QObject):
    """Runs sync rounds for the window; `server_url` is a URL, "" / None for none, or a
    callable read before each round (the settings' "server.url", so a change made in
    the Settings dialog applies from the next round)."""

    def __init__(
        self,
        workspace: Workspace,
        events: Events,
        runner: TaskRunner,
        server_url: str | Callable[[], str] | None,
        credentials: Credentials | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
        retry_ms: int = RETRY_MS,
        soon_ms: int = SOON_MS,
        timeout: float = 15.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SyncController")
        self.ws = workspace
        self.events = events
        self.runner = runner
        self._url_source = server_url if callable(server_url) else (lambda: server_url or "")
        self.credentials = credentials or Credentials()
        self.interval_ms = interval_ms
        self.retry_ms = retry_ms
        self.timeout = timeout
        self.service: SyncService | None = None
        self.text = local_only()
        self.rounds = 0  # finished rounds (tests and the log)
        self._running = False
        self._again = False
        self._stopped = threading.Event()
        self._last_status = ""
        self._url_problem = ""
        self._timer = QTimer(self)
        self._timer.setObjectName("SyncTimer")
        self._timer.timeout.connect(self.sync_now)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(soon_ms)
        self._soon.timeout.connect(self.sync_now)
        events.outcome_recorded.connect(lambda _logged: self._soon.start())
        if parent is not None:
            parent.installEventFilter(self)

    # -- life ---------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    def start(self, first_ms: int = FIRST_MS) -> None:
        """Show the pending count now, the first round after `first_ms`, then a round
        every `interval_ms`."""
        if not self._service():
            self._show(self._url_problem or local_only())
            # A server set later in the settings is picked up on the next tick.
            self._timer.start(self.interval_ms)
            return
        service = self.service
        assert service is not None
        self.runner.run(service.state, self._on_first_state, self._on_broken, name="sync_state")
        self._timer.start(self.interval_ms)
        QTimer.singleShot(max(0, first_ms), self, self.sync_now)

    def stop(self) -> None:
        """No more rounds; the connection is closed now, or by a running round's end."""
        self._timer.stop()
        self._soon.stop()
        self._stopped.set()
        if not self._running and self.service is not None:
            self.service.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self.parent():
            self.stop()
        return False

    def _service(self) -> SyncService | None:
        """The service for the configured URL (rebuilt when the setting changed)."""
        url = (self._url_source() or "").strip()
        if self.service is not None and self.service.url != (normalize_url(url) if url else ""):
            if self._running:
                return self.service  # changes after this round
            self.service.close()
            self.service = None
        if url and self.service is None:
            try:
                self.service = SyncService(
                    self.ws,
                    url,
                    self.credentials.provider(url, self.ws.agent.name),
                    timeout=self.timeout,
                )
            except UserError as exc:  # an address the service cannot use
                self._url_problem = error_text(str(exc))
                return None
            log.info("background sync with %s every %d s", url, self.interval_ms // 1000)
        self._url_problem = ""
        return self.service

    # -- rounds -------------------------------------------------------------------------

    def sync_now(self) -> None:
        """Start a round unless one is running (then one more follows it)."""
        if self._stopped.is_set():
            return
        if self._running:
            self._again = True
            return
        service = self._service()
        if service is None:
            self._show(self._url_problem or local_only())
            return
        self._running = True
        self._again = False
        stopped = self._stopped
        credentials = self.credentials

        def work() -> RoundReport:
            result: SyncResult | None = None
            try:
                result = service.run_once()
            except SyncError:
                pass  # the service's state says offline or error, and why
            except Exception:
                log.exception("sync round with %s failed", service.url)
            finally:
                if stopped.is_set():
                    service.close()
            return RoundReport(service.state(), result, credentials.warning)

        self.runner.run(work, self._on_round, self._on_failed, name="sync_round")

    def _on_first_state(self, state: SyncState) -> None:
        if self.rounds == 0:  # a finished round already said more
            self._show(tile_text(state, self.credentials.warning))

    def _on_round(self, report: RoundReport) -> None:
        self._running = False
        self.rounds += 1
        state = report.state
        self._show(tile_text(state, report.keychain_warning))
        if state.status != self._last_status:
            if state.status in ("offline", "error"):
                log.warning("sync %s: %s", state.status, state.reason)
                self.events.status_message.emit(
                    self.tr("Sync {status}: {reason}").format(
                        status=self.tr("offline")
                        if state.status == "offline"
                        else self.tr("error"),
                        reason=state.reason,
                    )
                )
            elif self._last_status in ("offline", "error"):
                self.events.status_message.emit(
                    self.tr("Sync is back: {state}").format(state=self.text)
                )
            if report.keychain_warning and self._last_status == "":
                self.events.status_message.emit(report.keychain_warning)
        self._last_status = state.status
        self._timer.setInterval(self.retry_ms if state.status == "offline" else self.interval_ms)
        if report.result is not None and report.result.pulled:
            self.events.leads_changed.emit()
        if self._again:
            self.sync_now()

    def _on_failed(self, exc: BaseException) -> None:
        # Only a broken database lands here (a round's own failures are in its state).
        self._running = False
        self._on_broken(exc)

    def _on_broken(self, exc: BaseException) -> None:
        self._last_status = "error"
        self._show(error_text(str(exc)))

    def _show(self, text: str) -> None:
        if text != self.text or text == local_only():
            self.text = text
            self.events.sync_state_changed.emit(text)
