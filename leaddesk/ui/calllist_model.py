"""The call list as a Qt table model: rows come from the engine already sorted and
filtered, a batch at a time (canFetchMore/fetchMore), never all at once.

The model keeps the loaded entries (plain CallListEntry dataclasses, lead ids first);
fetching runs on the task runner, so scrolling never blocks the window. `refresh`
starts over (after an outcome, a search, an import) and drops stale answers by
generation number.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from leaddesk.domain.calllist import without_section_words
from leaddesk.ui.tasks import TaskRunner
from leaddesk.ui.timefmt import clock_text, relative_text
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP, channel_name, section_name

log = logging.getLogger(__name__)

BATCH = 200
Index = QModelIndex | QPersistentModelIndex


class Entry(Protocol):
    """What the model reads of an engine CallListEntry."""

    lead_id: str
    name: str
    company: str
    phone_e164: str | None
    section: str
    callable: bool
    reason: str
    local_time: Any
    attempts: int
    next_action_at: datetime | None
    next_channel: str | None


PageFn = Callable[[int, int, "str | None"], Sequence[Any]]
SummaryFn = Callable[["str | None"], tuple[int, dict[str, int]]]

LEAD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
SECTION_ROLE = Qt.ItemDataRole.UserRole + 3
CALLABLE_ROLE = Qt.ItemDataRole.UserRole + 4
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 5

COLUMNS = ("lead", "reason", "local_time", "attempts", "next")
HEADERS = {
    "lead": QT_TRANSLATE_NOOP("CallList", "Lead"),
    "reason": QT_TRANSLATE_NOOP("CallList", "Why now"),
    "local_time": QT_TRANSLATE_NOOP("CallList", "Local"),
    "attempts": QT_TRANSLATE_NOOP("CallList", "Attempts"),
    "next": QT_TRANSLATE_NOOP("CallList", "Next touch"),
}


class CallListModel(QAbstractTableModel):
    """Rows of the call list; `refreshed` fires when a fresh first batch is in."""

    refreshed = Signal()
    summary_changed = Signal(int, dict)  # total, counts per section
    loading_changed = Signal(bool)
    failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        fetch_page: PageFn,
        fetch_summary: SummaryFn,
        now: Callable[[], datetime],
        batch: int = BATCH,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._fetch_page = fetch_page
        self._fetch_summary = fetch_summary
        self._now = now
        self._batch = batch
        self._entries: list[Any] = []
        self._rows: dict[str, int] = {}
        self._total = 0
        self._search: str | None = None
        self._generation = 0
        self._fetching = False
        self._loading = False
        self._exhausted = False
        self._pending_summary: tuple[int, dict[str, int]] | None = None

    # -- loading ------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    @property
    def loaded(self) -> int:
        return len(self._entries)

    @property
    def search(self) -> str | None:
        return self._search

    @property
    def loading(self) -> bool:
        return self._loading

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    def refresh(
        self, search: str | None = None, *, keep_search: bool = False, keep_loaded: bool = False
    ) -> None:
        """Load the first batch again (for `search`, or the current one with keep_search).
        With keep_loaded, as many rows as are loaded now come back (a periodic refresh
        does not pull a scrolled list back to its first batch).

        The first batch and the counts are read in parallel (SQLite WAL readers do not
        wait for each other): the list paints as soon as its rows are in.
        """
        if not keep_search:
            self._search = (search or "").strip() or None
        self._generation += 1
        batch = self._batch
        if keep_loaded:
            loaded = len(self._entries)
            batch = max(batch, -(-loaded // batch) * batch)
        generation, text = self._generation, self._search
        fetch_page, fetch_summary = self._fetch_page, self._fetch_summary
        self._set_loading(True)
        self._pending_summary = None

        def rows_in(entries: list[Any]) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self._entries = entries
            self._rows = {e.lead_id: i for i, e in enumerate(entries)}
            self._exhausted = len(entries) < batch
            self._total = len(entries) if self._exhausted else len(entries) + 1
            self._fetching = False
            self.endResetModel()
            self._set_loading(False)
            if self._pending_summary is not None:
                summary_in(self._pending_summary)
            self.refreshed.emit()

        def summary_in(result: tuple[int, dict[str, int]]) -> None:
            if generation != self._generation:
                return
            if self._loading:
                self._pending_summary = result  # applied once the rows are in
                return
            total, counts = result
            self._total = max(total, len(self._entries))
            self.summary_changed.emit(self._total, counts)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._set_loading(False)
                self.failed.emit(str(exc))

        self._runner.run(
            lambda: list(fetch_page(0, batch, text)), rows_in, failed, name="calllist.first_page"
        )
        self._runner.run(lambda: fetch_summary(text), summary_in, failed, name="calllist.summary")

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return False
        return len(self._entries) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetching or not self.canFetchMore():
            return
        self._fetching = True
        generation, offset, text = self._generation, len(self._entries), self._search
        batch, fetch_page = self._batch, self._fetch_page

        def done(entries: list[Any]) -> None:
            if generation != self._generation or offset != len(self._entries):
                return
            self._fetching = False
            fresh = [e for e in entries if e.lead_id not in self._rows]
            if len(entries) < batch:
                self._exhausted = True
            if not fresh:
                # The list shrank under us (leads worked elsewhere): stop asking.
                self._exhausted = True
                self._total = len(self._entries)
                return
            if not self._exhausted:
                self._total = max(self._total, len(self._entries) + len(fresh) + 1)
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for i, entry in enumerate(fresh, start=first):
                self._entries.append(entry)
                self._rows[entry.lead_id] = i
            self.endInsertRows()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._fetching = False
                self.failed.emit(str(exc))

        self._runner.run(
            lambda: list(fetch_page(offset, batch, text)), done, failed, name="calllist.page"
        )

    # -- lookups ------------------------------------------------------------------------

    def entry(self, row: int) -> Any:
        return self._entries[row]

    def lead_id(self, row: int) -> str | None:
        return self._entries[row].lead_id if 0 <= row < len(self._entries) else None

    def row_of(self, lead_id: str) -> int | None:
        return self._rows.get(lead_id)

    # -- the model interface ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("CallList", HEADERS[COLUMNS[section]])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == LEAD_ID_ROLE:
            return entry.lead_id
        if role == ENTRY_ROLE:
            return entry
        if role == SECTION_ROLE:
            return entry.section
        if role == CALLABLE_ROLE:
            return bool(entry.callable)
        if role == SUBTITLE_ROLE:
            if column == "lead":
                return entry.company or ""
            if column == "reason":
                return section_name(entry.section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.name}: {entry.reason}" if entry.reason else entry.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == "reason":  # read out whole: a screen reader does not see the chip
                return str(entry.reason or "")
            return self._display(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == "attempts":
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, entry: Any, column: str) -> str:
        if column == "lead":
            return str(entry.name)
        if column == "reason":
            return without_section_words(entry.section, str(entry.reason or ""))
        if column == "local_time":
            return clock_text(entry.local_time)
        if column == "attempts":
            return str(entry.attempts)
        if column == "next":
            if entry.next_action_at is None:
                return "—"
            now = self._now()
            if entry.next_action_at <= now:
                if entry.callable:
                    return QCoreApplication.translate("CallList", "due now")
                return QCoreApplication.translate("CallList", "due, waiting")
            when = relative_text(entry.next_action_at, now)
            channel = entry.next_channel or ""
            if channel and channel != "phone":
                return QCoreApplication.translate("CallList", "{channel} {when}").format(
                    channel=channel_name(channel), when=when
                )
            return when
        return ""
