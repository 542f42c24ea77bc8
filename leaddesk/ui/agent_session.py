"""The agent's state in the window, with one owner: the lead on the card, the dial
pending on it (the wrap-up), and the outcome just logged (undoable until the next dial).

Widgets read it and listen to its signals instead of keeping their own copies: the card
cannot drift from the lead the outcome keys log on.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from leaddesk.services.leads import LeadDetail
from leaddesk.services.outcomes import LoggedOutcome, PendingDial


class AgentSession(QObject):
    # The lead on the card changed (a LeadDetail, or None).
    card_changed = Signal(object)
    # A dial started or was wrapped up (a PendingDial, or None).
    pending_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._detail: LeadDetail | None = None
        self._pending: PendingDial | None = None
        self.last_logged: LoggedOutcome | None = None

    @property
    def detail(self) -> LeadDetail | None:
        return self._detail

    @detail.setter
    def detail(self, detail: LeadDetail | None) -> None:
        self._detail = detail
        self.card_changed.emit(detail)

    @property
    def pending(self) -> PendingDial | None:
        return self._pending

    @pending.setter
    def pending(self, pending: PendingDial | None) -> None:
        self._pending = pending
        if pending is not None:
            self.last_logged = None  # a new call: the last outcome is no longer undoable
        self.pending_changed.emit(pending)

    def pins_card(self, lead_id: str) -> bool:
        """A pending call keeps the card on its lead: `lead_id` may only be previewed."""
        return self._pending is not None and self._pending.lead_id != lead_id
