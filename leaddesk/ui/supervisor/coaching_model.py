"""One coaching list (leads never contacted, stuck at one attempt, ...) as a table model."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from leaddesk.domain.metrics import SPEED_TO_LEAD_TARGET
from leaddesk.services.review import CoachingItem
from leaddesk.ui.supervisor.history_model import LEAD_ID_ROLE
from leaddesk.ui.table_model import Index, RowsTableModel
from leaddesk.ui.timefmt import when_text
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP

COLUMNS = (
    QT_TRANSLATE_NOOP("CoachingModel", "Lead"),
    QT_TRANSLATE_NOOP("CoachingModel", "Company"),
    QT_TRANSLATE_NOOP("CoachingModel", "When"),
    QT_TRANSLATE_NOOP("CoachingModel", "What happened"),
)

# The coaching lists' titles by key, translated here (the service builds them in English).
COACHING_TITLES = {
    "outside_rules": QT_TRANSLATE_NOOP("Coaching", "Calls outside the rules"),
    "never_contacted": QT_TRANSLATE_NOOP("Coaching", "Never contacted"),
    "stuck_at_one": QT_TRANSLATE_NOOP("Coaching", "Stuck at one attempt"),
    "voicemail_no_message": QT_TRANSLATE_NOOP("Coaching", "Voicemail, no message"),
    "callbacks_missed": QT_TRANSLATE_NOOP("Coaching", "Callbacks missed"),
    "waiting_past_target": QT_TRANSLATE_NOOP("Coaching", "New leads past {minutes} min"),
}


def coaching_title(key: str, title: str) -> str:
    """A coaching list's title in the window's language; the service's for a new key."""
    template = COACHING_TITLES.get(key)
    if template is None:
        return title
    minutes = int(SPEED_TO_LEAD_TARGET.total_seconds() // 60)
    return QCoreApplication.translate("Coaching", template).format(minutes=minutes)


class CoachingModel(RowsTableModel):
    headers = COLUMNS
    context = "CoachingModel"

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
                return item.company
            if index.column() == 2:
                return when_text(item.at) if item.at else ""
            if index.column() == 3:
                return item.detail
        if role == LEAD_ID_ROLE:
            return item.lead_id
        return None
