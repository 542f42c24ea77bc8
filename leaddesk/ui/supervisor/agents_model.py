"""The team at a glance: one row of measures per agent, and the team's row last."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from leaddesk.services.report import TEAM, AgentReport
from leaddesk.ui.supervisor.charts import duration_label
from leaddesk.ui.supervisor.tiles import NA, pct
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP

COLUMNS = (
    QT_TRANSLATE_NOOP("AgentsModel", "Agent"),
    QT_TRANSLATE_NOOP("AgentsModel", "Leads"),
    QT_TRANSLATE_NOOP("AgentsModel", "Attempts"),
    QT_TRANSLATE_NOOP("AgentsModel", "Never contacted"),
    QT_TRANSLATE_NOOP("AgentsModel", "Speed to lead"),
    QT_TRANSLATE_NOOP("AgentsModel", "Speed p90"),
    QT_TRANSLATE_NOOP("AgentsModel", "Attempts per lead"),
    QT_TRANSLATE_NOOP("AgentsModel", "2nd attempt"),
    QT_TRANSLATE_NOOP("AgentsModel", "Contact rate"),
    QT_TRANSLATE_NOOP("AgentsModel", "Voicemails left"),
    QT_TRANSLATE_NOOP("AgentsModel", "Call first"),
)
AGENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


def cells(r: AgentReport) -> list[str]:
    m = r.measures
    return [
        QCoreApplication.translate("AgentsModel", "Team") if r.agent == TEAM else r.display_name,
        f"{m.leads:,}",
        f"{m.attempts:,}",
        f"{m.never_contacted:,}"
        + ("" if m.never_contacted_pct is None else f" ({m.never_contacted_pct:.0f} %)"),
        duration_label(m.speed_to_lead_median_s, NA),
        duration_label(m.speed_to_lead_p90_s, NA),
        NA if m.median_attempts is None else f"{m.median_attempts:g}",
        pct(m.second_attempt_rate),
        pct(m.contact_rate),
        pct(m.voicemail_left_rate),
        pct(m.first_touch_call_rate),
    ]


class AgentsModel(QAbstractTableModel):
    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._reports: list[AgentReport] = []
        self._cells: list[list[str]] = []

    def set_reports(self, reports: list[AgentReport]) -> None:
        self.beginResetModel()
        self._reports = list(reports)
        self._cells = [cells(r) for r in self._reports]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._reports)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AgentsModel", COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignLeft if section == 0 else Qt.AlignmentFlag.AlignRight
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._reports):
            return None
        report = self._reports[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and report.agent == TEAM:
            font = QFont()
            font.setBold(True)
            return font
        if role == AGENT_ID_ROLE:
            return report.agent_id
        return None
