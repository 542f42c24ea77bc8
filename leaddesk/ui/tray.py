"""Notifications in the system tray: new leads and callbacks coming due.

Where the desktop has no tray (offscreen, some Wayland sessions) the notice goes to the
status bar instead; `last_notice` keeps the latest for tests either way.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from leaddesk.ui.icons import app_icon


class Tray(QObject):
    activated = Signal()
    fallback = Signal(str)  # a notice with no tray to show it

    def __init__(self, window: QWidget, *, enabled: bool = True) -> None:
        super().__init__(window)
        self.last_notice: tuple[str, str] | None = None
        # The agent paused (state bar, #19): no call reminders until they are ready.
        self.paused = False
        self._counts: dict[str, int] | None = None
        self._own = 0  # the agent's own acts since the counts were last compared
        self.icon: QSystemTrayIcon | None = None
        if enabled and QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(app_icon(), self)
            self.icon.setToolTip("LeadDesk")
            menu = QMenu(window)
            menu.setObjectName("TrayMenu")
            menu.addAction(self.tr("Show LeadDesk"), self.activated.emit)
            self.icon.setContextMenu(menu)
            self.icon.activated.connect(lambda _reason: self.activated.emit())
            self.icon.show()

    @property
    def available(self) -> bool:
        return self.icon is not None

    def notify(self, title: str, message: str) -> None:
        self.last_notice = (title, message)
        if self.icon is not None and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, message, app_icon(), 8000)
        else:
            self.fallback.emit(f"{title}: {message}")

    def own_change(self) -> None:
        """The agent logged or took back an outcome: the lead it returns to a section
        (a callback, a new lead) is not news. The next counts compared take off as many
        leads as the agent's acts since the last ones."""
        self._own += 1

    def counts_changed(self, counts: dict[str, int]) -> None:
        """Compare with the previous counts (of the whole list, never a search's): more
        new leads or more callbacks due than the agent's own acts explain?"""
        previous, self._counts = self._counts, dict(counts)
        own, self._own = self._own, 0
        if previous is None:
            return
        due = counts.get("callback", 0) - previous.get("callback", 0)
        taken = min(own, max(due, 0))
        due -= taken
        new = counts.get("new", 0) - previous.get("new", 0) - (own - taken)
        if self.paused:
            return
        if new > 0:
            self.notify(
                self.tr("%n new lead(s)", "", new), self.tr("Call now: speed to lead counts.")
            )
        if due > 0:
            self.notify(
                self.tr("%n callback(s) due", "", due), self.tr("A lead asked to be called now.")
            )

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
