"""Every attempt on the lead, across channels, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QWidget

from leaddesk.services.leads import AttemptInfo
from leaddesk.ui.icons import icon
from leaddesk.ui.table_model import Index, RowsTableModel
from leaddesk.ui.timefmt import duration_text, when_text
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP, channel_name, outcome_label

HEADERS = (
    QT_TRANSLATE_NOOP("HistoryView", "When"),
    QT_TRANSLATE_NOOP("HistoryView", "Channel"),
    QT_TRANSLATE_NOOP("HistoryView", "Outcome"),
    QT_TRANSLATE_NOOP("HistoryView", "Agent"),
    QT_TRANSLATE_NOOP("HistoryView", "Note"),
)


class LeadHistoryModel(RowsTableModel):
    """The lead card's history: one lead's attempts, newest first (the supervisor's
    `HistoryModel` pages a whole team's)."""

    headers = HEADERS
    context = "HistoryView"

    def set_attempts(self, attempts: tuple[AttemptInfo, ...]) -> None:
        self._replace_rows(attempts)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        a = self._row(index)
        if a is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == 0:
                return when_text(a.at)
            if col == 1:
                return channel_name(a.channel)
            if col == 2:
                extra = f" ({duration_text(a.duration_s)})" if a.duration_s else ""
                if a.callback_at:
                    extra += f" → {when_text(a.callback_at)}"
                return outcome_label(a.outcome_label) + extra
            if col == 3:
                return a.agent_name
            return a.note
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            return icon({"phone": "phone", "email": "email", "sms": "sms"}.get(a.channel, "social"))
        if role == Qt.ItemDataRole.ToolTipRole and col == 4 and a.note:
            return a.note
        return None


class HistoryView(QTableView):
    """The attempts table; says so when the lead has none yet."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.history.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect(),
                int(Qt.AlignmentFlag.AlignCenter),
                self.tr("No attempts yet: the first touch is a call."),
            )
            painter.end()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryTable")
        self.setAccessibleName(self.tr("Attempt history"))
        self.history = LeadHistoryModel(self)
        self.setModel(self.history)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(28)
        # The header and one row: in a small window the history gives way to the script,
        # the rapport notes and the outcome keys (it scrolls).
        self.setMinimumHeight(56)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        for col, width in enumerate((140, 84, 200, 116, 120)):
            self.setColumnWidth(col, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
