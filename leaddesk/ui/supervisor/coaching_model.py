"""One coaching list (leads never contacted, stuck at one attempt, ...) as a table model."""

from __future__ import annotations

from PySide6.QtCore import Qt

from leaddesk.services.review import CoachingItem
from leaddesk.ui.supervisor.history_model import LEAD_ID_ROLE, when_text
from leaddesk.ui.table_model import Index, RowsTableModel

COLUMNS = ("Lead", "When", "What happened")


class CoachingModel(RowsTableModel):
    headers = COLUMNS

    def set_items(self, items: list[CoachingItem]) -> None:
        self._replace_rows(items)

    def item_at(self, row: int) -> CoachingItem:
        item: CoachingItem = self._rows[row]
        return item

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        item = self._row(index)
        if item is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == 0:
                return item.lead_name
            if index.column() == 1:
                return when_text(item.at) if item.at else ""
            if index.column() == 2:
                return item.detail
        if role == LEAD_ID_ROLE:
            return item.lead_id
        return None
