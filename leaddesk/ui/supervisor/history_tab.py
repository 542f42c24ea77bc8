"""The supervisor window's History tab: the attempts of the agent and period under
review, newest first, narrowed in SQL by a search and the channel and outcome filters.

The count and the first batch are read together on the task runner, the next batches by
the model when the view scrolls to the end (`HistoryModel`); a newer search or filter
drops the answer of an older one by generation number. Its words keep the window's
translation context ("SupervisorWindow"), where they were translated before this tab
had a module of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.metrics import Period
from leaddesk.domain.outcomes import OUTCOMES, Channel
from leaddesk.services.review import PAGE, HistoryFilter, HistoryRow, ReviewService
from leaddesk.ui.supervisor.history_model import (
    LEAD_ID_ROLE,
    HistoryModel,
    channel_text,
    widest_when,
)
from leaddesk.ui.supervisor.tables import empty_state, table_view
from leaddesk.ui.tasks import TaskRunner
from leaddesk.ui.vocabulary import outcome_label

Scope = Callable[[], tuple[Period, "str | None"]]  # the window's period and agent


class HistoryTab(QWidget):
    """`HistoryTab(runner, review, scope)`; `refresh()` reads the history of `scope()`."""

    lead_activated = Signal(str)
    failed = Signal(str)  # the count and first batch could not be read
    page_failed = Signal(str)  # a next batch could not be read; scrolling tries again

    def __init__(
        self,
        runner: TaskRunner,
        review: ReviewService,
        scope: Scope,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._review = review
        self._scope = scope
        self._generation = 0
        self._loading = 0

        self.search = QLineEdit(self)
        self.search.setObjectName("HistorySearch")
        self.search.setAccessibleName(
            QCoreApplication.translate("SupervisorWindow", "Search the history")
        )
        self.search.setPlaceholderText(
            QCoreApplication.translate("SupervisorWindow", "Search lead, company, phone or note…")
        )
        self.search.setClearButtonEnabled(True)
        self.channel_box = QComboBox(self)
        self.channel_box.setObjectName("ChannelFilter")
        self.channel_box.setAccessibleName(
            QCoreApplication.translate("SupervisorWindow", "Channel")
        )
        self.channel_box.addItem(
            QCoreApplication.translate("SupervisorWindow", "Every channel"), None
        )
        for channel in Channel:
            self.channel_box.addItem(channel_text(channel.value), channel.value)
        self.outcome_box = QComboBox(self)
        self.outcome_box.setObjectName("OutcomeFilter")
        self.outcome_box.setAccessibleName(
            QCoreApplication.translate("SupervisorWindow", "Outcome")
        )
        self.outcome_box.addItem(
            QCoreApplication.translate("SupervisorWindow", "Every outcome"), None
        )
        for code, info in OUTCOMES.items():
            self.outcome_box.addItem(outcome_label(info.label), code)
        self.count = QLabel("", self)
        self.count.setObjectName("HistoryCount")
        self.count.setProperty("muted", True)

        # Typing waits for a pause before asking the database.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.channel_box.currentIndexChanged.connect(self.refresh)
        self.outcome_box.currentIndexChanged.connect(self.refresh)

        self.model = HistoryModel(runner, self)
        self.model.failed.connect(self.page_failed)
        self.view = table_view(
            "HistoryTable", QCoreApplication.translate("SupervisorWindow", "History of attempts")
        )
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        when = self.view.fontMetrics().horizontalAdvance(widest_when()) + 20
        for column, width in enumerate((when, 170, 120, 80, 170, 80, 170)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.doubleClicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.empty = empty_state(
            QCoreApplication.translate("SupervisorWindow", "No attempts match."), "HistoryEmpty"
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.channel_box)
        filters.addWidget(self.outcome_box)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)

    @property
    def loading(self) -> bool:
        """The count and first batch, or a next batch, are being read."""
        return self._loading > 0 or self.model.fetching

    def filter(self) -> HistoryFilter:
        period, agent_id = self._scope()
        return HistoryFilter(
            period,
            agent_id,
            self.channel_box.currentData(),
            self.outcome_box.currentData(),
            self.search.text(),
        )

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        """Read the count and the first batch again (another agent, period or filter)."""
        self._generation += 1
        generation = self._generation
        f = self.filter()
        review = self._review
        self._loading += 1

        def work() -> tuple[int, list[HistoryRow]]:
            return review.history_count(f), review.history_page(f, None, PAGE)

        def done(result: tuple[int, list[HistoryRow]]) -> None:
            self._loading -= 1
            if generation != self._generation:
                return
            total, rows = result
            self.model.reset(total, rows, lambda after, limit: review.history_page(f, after, limit))
            self.stack.setCurrentIndex(0 if total else 1)
            self.empty.setText(
                QCoreApplication.translate(
                    "SupervisorWindow", "No attempts match the search and filters."
                )
                if f.search.strip() or f.channel or f.outcome
                else QCoreApplication.translate("SupervisorWindow", "No attempts in this period.")
            )
            self.count.setText(
                QCoreApplication.translate("SupervisorWindow", "{count:,} attempts").format(
                    count=total
                )
            )

        def failed(error: BaseException) -> None:
            self._loading -= 1
            if generation != self._generation:
                return
            self.count.setText(
                QCoreApplication.translate("SupervisorWindow", "could not load the history")
            )
            self.failed.emit(str(error))

        self._runner.run(work, done, failed, name="supervisor history")

    def _activate(self, index: QModelIndex) -> None:
        lead_id = index.data(LEAD_ID_ROLE)
        if lead_id:
            self.lead_activated.emit(str(lead_id))
