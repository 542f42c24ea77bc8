"""The agent's history of attempts as a table model fed in batches.

The model keeps the rows fetched so far and asks the service for the next batch (keyset
paging, newest first) when the view scrolls near the end, as Anki's browser table does.
Filtering and search happen in SQL; the model never sorts or filters a million rows.

A batch is read on the task runner's worker threads, never on the GUI thread: a view
calls fetchMore again and again while it waits, so one fetch is in flight at a time, and
an answer that belongs to an earlier `reset` (another filter) is dropped by generation
number, as the call list's model does. A failed batch is reported through `failed` and
the next fetchMore (the view scrolling to the end again) tries it again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.services.review import PAGE, HistoryRow
from leaddesk.ui.style import ACCENT, BAD, OK
from leaddesk.ui.table_model import Index, RowsTableModel
from leaddesk.ui.tasks import TaskRunner
from leaddesk.ui.timefmt import duration_text, when_text
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP, outcome_label

COLUMNS = (
    QT_TRANSLATE_NOOP("SupervisorHistory", "When"),
    QT_TRANSLATE_NOOP("SupervisorHistory", "Lead"),
    QT_TRANSLATE_NOOP("SupervisorHistory", "Agent"),
    QT_TRANSLATE_NOOP("SupervisorHistory", "Channel"),
    QT_TRANSLATE_NOOP("SupervisorHistory", "Outcome"),
    QT_TRANSLATE_NOOP("SupervisorHistory", "Duration"),
    QT_TRANSLATE_NOOP("SupervisorHistory", "Script"),
    QT_TRANSLATE_NOOP("SupervisorHistory", "Note"),
)
LEAD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CHANNEL_TEXT = {
    "phone": QT_TRANSLATE_NOOP("SupervisorHistory", "Call"),
    "email": QT_TRANSLATE_NOOP("SupervisorHistory", "Email"),
    "sms": QT_TRANSLATE_NOOP("SupervisorHistory", "Text"),
    "social": QT_TRANSLATE_NOOP("SupervisorHistory", "Social"),
}
REACHED_COLOR = QColor(OK)

FetchPage = Callable[[HistoryRow | None, int], list[HistoryRow]]


def channel_text(channel: str) -> str:
    """A channel as the supervisor's history names it ("Call", "Text")."""
    text = CHANNEL_TEXT.get(channel)
    return QCoreApplication.translate("SupervisorHistory", text) if text else channel


def outcome_text(code: str | None) -> str:
    if code is None:
        return QCoreApplication.translate("SupervisorHistory", "Dialing…")
    info = OUTCOMES.get(code)
    return outcome_label(info.label) if info else code


def when_cell(row: HistoryRow) -> str:
    """The agent's time, then the lead's: a call at 2 a.m. their time must show."""
    return _when(row.started_at, row.lead_local)


def _when(at: datetime, lead_local: datetime | None) -> str:
    text = when_text(at)
    if lead_local is not None:
        text += QCoreApplication.translate("SupervisorHistory", " · {time} lead time").format(
            time=f"{lead_local:%H:%M} {lead_local.tzname() or ''}".strip()
        )
    return text


def widest_when() -> str:
    """A When cell as wide as they come (a long day and month, a four-letter zone): the
    column is made this wide, so the lead's time is never the part cut."""
    wide = datetime(2026, 12, 30, 22, 22, tzinfo=ZoneInfo("America/Anchorage"))
    return _when(wide, wide)


class HistoryModel(RowsTableModel):
    """Attempts of one filter, newest first; `reset` starts a filter over, `fetchMore`
    reads the next batch on `runner`."""

    headers = COLUMNS
    context = "SupervisorHistory"

    failed = Signal(str)  # a batch could not be read; fetchMore tries again

    def __init__(self, runner: TaskRunner, parent: object | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._total = 0
        self._fetch: FetchPage | None = None
        self._generation = 0
        self._fetching = False

    # -- loading ------------------------------------------------------------------------

    def reset(self, total: int, first: list[HistoryRow], fetch: FetchPage | None) -> None:
        """Show a new result: its full count, its first batch (both read on a worker) and
        how to get more. A batch of the previous result still in flight is dropped."""
        self._generation += 1
        self.beginResetModel()
        self._total = max(total, len(first))
        self._rows = list(first)
        self._fetch = fetch
        self._fetching = False
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    @property
    def fetching(self) -> bool:
        """A batch is being read."""
        return self._fetching

    def row_at(self, row: int) -> HistoryRow:
        item: HistoryRow = self._rows[row]
        return item

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._fetch is None:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        fetch = self._fetch
        if self._fetching or fetch is None or not self.canFetchMore(parent):
            return
        generation = self._generation
        after = self._rows[-1] if self._rows else None
        self._fetching = True

        def done(batch: list[HistoryRow]) -> None:
            if generation != self._generation:
                return  # rows of an earlier filter
            if not batch:
                self._fetching = False
                self._total = len(self._rows)  # the history shrank since it was counted
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
            self._rows.extend(batch)
            self._total = max(self._total, len(self._rows))
            # Cleared before endInsertRows: a view that asks for more from its slot reads
            # after these rows, and is not turned away.
            self._fetching = False
            self.endInsertRows()

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            self._fetching = False
            self.failed.emit(str(error))

        self._runner.run(lambda: fetch(after, PAGE), done, failed, name="supervisor history page")

    # -- the model ----------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self._row(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 7 and row.note:
                return row.note
            if column == 1:
                return f"{row.lead_name} · {row.company}" if row.company else row.lead_name
            if column == 4 and row.manual:
                return self.tr("A call made outside LeadDesk, recorded after the fact")
            if column == 4 and row.taken_back:
                return self.tr("The agent took the earlier attempt back (undo)")
            if column == 4 and row.corrects:
                return self.tr("This attempt corrects an earlier one")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            if row.outcome is None:
                return QColor(ACCENT)
            info = OUTCOMES.get(row.outcome)
            if info and info.reached:
                return REACHED_COLOR
            if row.outcome in ("do_not_call", "wrong_number", "bad_number"):
                return QColor(BAD)
            return None
        if role == LEAD_ID_ROLE:
            return row.lead_id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column)
        return None

    @staticmethod
    def _display(row: HistoryRow, column: int) -> str:
        if column == 0:
            return when_cell(row)
        if column == 1:
            return row.lead_name
        if column == 2:
            return row.agent_name
        if column == 3:
            return channel_text(row.channel)
        if column == 4:
            if row.taken_back:
                return QCoreApplication.translate("SupervisorHistory", "Taken back (undo)")
            corrected = QCoreApplication.translate("SupervisorHistory", " (corrected)")
            manual = QCoreApplication.translate("SupervisorHistory", " (manual)")
            return (
                outcome_text(row.outcome)
                + (corrected if row.corrects else "")
                + (manual if row.manual else "")
            )
        if column == 5:
            return duration_text(row.duration_s) if row.duration_s else ""
        if column == 6:
            if not row.script:
                return ""
            if not row.script_words:
                return str(row.script)
            return QCoreApplication.translate(
                "SupervisorHistory", "{script} ({words} words)"
            ).format(script=row.script, words=row.script_words)
        if column == 7:
            return " ".join(row.note.split())
        return ""
