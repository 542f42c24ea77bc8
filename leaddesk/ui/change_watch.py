"""Changes made outside this window reach it within seconds, not at the next minute's
refresh: a lead added by `leaddesk import` from a script, by another LeadDesk on the same
database, or a callback coming due after a sync in another process. Speed to lead is
measured in minutes, so the tray's "new lead" notice must not wait for one.

Every `interval_ms` the store's `ChangeWatcher` (SQLite's data_version) is read on a
worker thread; when another connection committed, `Events.leads_changed` asks the window
to refresh. The window's own writes count too: they cost one extra, harmless refresh.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from leaddesk.store.engine import ChangeWatcher
from leaddesk.ui.events import Events
from leaddesk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

INTERVAL_MS = 2000


class ChangeWatch(QObject):
    def __init__(
        self,
        watcher: ChangeWatcher,
        runner: TaskRunner,
        events: Events,
        parent: QObject | None = None,
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.watcher = watcher
        self.runner = runner
        self.events = events
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        if self._busy:
            return
        self._busy = True

        def done(changed: bool) -> None:
            self._busy = False
            if changed:
                self.events.leads_changed.emit()

        def failed(exc: BaseException) -> None:
            self._busy = False  # a locked or vanished file: try again at the next tick
            log.warning("watching the database for changes: %s", exc)

        self.runner.run(self.watcher.changed, done, failed, name="db.changed")

    def stop(self) -> None:
        self.timer.stop()
        self.watcher.close()
