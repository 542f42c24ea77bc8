"""The supervisor review window: pick an agent (or all) and a period; read the measures,
the charts, the history of attempts and the coaching lists; export a PDF.

Data comes from `ReportService` and `ReviewService` on the task runner's worker
threads as plain dataclasses; this widget only lays them out and never reads the
database on the GUI thread: not the agent list (the picker fills when it is in, and until
then the agent the window was opened for is the filter), not the history's next batches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.clock import Clock, as_utc, system_clock
from leaddesk.domain.metrics import Measures, Period
from leaddesk.domain.outcomes import OUTCOMES, Channel
from leaddesk.services.errors import NotFound
from leaddesk.services.report import AgentReport, ReportService
from leaddesk.services.review import (
    PAGE,
    CoachingList,
    DayActivity,
    HistoryFilter,
    HistoryRow,
    HourContact,
    ReviewService,
)
from leaddesk.services.shift import local_day_start
from leaddesk.services.workspace import Workspace
from leaddesk.store.engine import Store
from leaddesk.ui.style import BAD, OK
from leaddesk.ui.supervisor.agent_picker import AgentPicker, agent_label
from leaddesk.ui.supervisor.agents_model import AGENT_ID_ROLE, AgentsModel
from leaddesk.ui.supervisor.charts import all_charts, chart_title
from leaddesk.ui.supervisor.coaching_model import CoachingModel, coaching_title
from leaddesk.ui.supervisor.history_model import LEAD_ID_ROLE, HistoryModel, channel_text
from leaddesk.ui.supervisor.tiles import MeasureTiles
from leaddesk.ui.tasks import TaskRunner
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP, outcome_label

PERIODS = (
    ("today", QT_TRANSLATE_NOOP("SupervisorWindow", "Today")),
    ("7", QT_TRANSLATE_NOOP("SupervisorWindow", "Last 7 days")),
    ("30", QT_TRANSLATE_NOOP("SupervisorWindow", "Last 30 days")),
    ("90", QT_TRANSLATE_NOOP("SupervisorWindow", "Last 90 days")),
    ("all", QT_TRANSLATE_NOOP("SupervisorWindow", "All time")),
)
CHART_KEYS = ("attempts", "speed", "outcomes", "hours", "activity")  # 3 columns


@dataclass(frozen=True, slots=True)
class ReviewData:
    """Everything one refresh shows, computed off the GUI thread."""

    period: Period
    reports: list[AgentReport]  # one agent, or every agent then the team last
    measures: Measures
    activity: list[DayActivity]
    hours: list[HourContact]
    coaching: list[CoachingList]


def period_for(key: str, now: datetime) -> Period:
    now = as_utc(now).replace(microsecond=0)
    if key == "today":
        start = local_day_start(now)
        return Period(start, max(now, start + timedelta(seconds=1)))
    if key == "all":
        return Period(None, now)
    return Period(now - timedelta(days=int(key)), now)


def _table(name: str, accessible: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    return view


def _empty_state(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setProperty("muted", True)
    label.setStyleSheet("font-size: 11pt; padding: 24px;")
    return label


class SupervisorWindow(QWidget):
    """`SupervisorWindow(store, clock, agent_id, parent)`; a Workspace may stand for the
    first argument (its store, clock and agent are used)."""

    lead_activated = Signal(str)
    loaded = Signal()  # a refresh finished (its figures are on screen)

    def __init__(
        self,
        store: Store | Workspace,
        clock: Clock | None = None,
        agent_id: str | None = None,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        if isinstance(store, Workspace):
            ws = store
            store, clock = ws.store, clock or ws.clock
            if agent_id is None and not ws.agent.is_supervisor:
                agent_id = ws.agent.id
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("SupervisorWindow")
        self.setWindowTitle(self.tr("Supervisor review · LeadDesk"))
        self.setAccessibleName(self.tr("Supervisor review"))
        self.resize(1240, 860)
        self.store = store
        self.clock: Clock = clock or system_clock
        self.reports = ReportService(store, self.clock)
        self.review = ReviewService(store, self.clock)
        self.runner = runner or TaskRunner(self)
        self.data: ReviewData | None = None
        self.last_error = ""
        self._generation = 0
        self._history_generation = 0
        self._loading = 0

        self._build_header(agent_id)
        self.tiles = MeasureTiles(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("SupervisorTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_charts(), self.tr("Charts"))
        self.tabs.addTab(self._build_agents(), self.tr("Agents"))
        self.tabs.addTab(self._build_history(), self.tr("History"))
        self.tabs.addTab(self._build_coaching(), self.tr("Coaching"))
        self.status = QLabel("", self)
        self.status.setObjectName("SupervisorStatus")
        self.status.setProperty("muted", True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(12)
        layout.addLayout(self.header)
        layout.addWidget(self.tiles)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh_history)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        self.refresh()

    # -- building -------------------------------------------------------------------------

    def _build_header(self, agent_id: str | None) -> None:
        title = QLabel(self.tr("Supervisor review"), self)
        title.setObjectName("SupervisorTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        # Filled on a worker; until then `agent_id` (the window's filter) is the agent
        # the window was opened for.
        self.agent_box = AgentPicker(self.runner, self.review.agents, agent_id, self)
        self.agent_box.failed.connect(self._agents_failed)
        self.period_box = QComboBox(self)
        self.period_box.setObjectName("PeriodPicker")
        self.period_box.setAccessibleName(self.tr("Period"))
        for key, label in PERIODS:
            self.period_box.addItem(QCoreApplication.translate("SupervisorWindow", label), key)
        self.period_box.setCurrentIndex(2)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("RefreshButton")
        self.refresh_button.setAccessibleName(self.tr("Refresh"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"), self)
        self.pdf_button.setObjectName("ExportPdfButton")
        self.pdf_button.setAccessibleName(self.tr("Export PDF"))
        self.agent_box.picked.connect(self.refresh)
        self.period_box.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button.clicked.connect(self._ask_pdf)

        self.header = QHBoxLayout()
        self.header.setSpacing(8)
        self.header.addWidget(title)
        self.header.addStretch(1)
        for caption, box in (
            (self.tr("Agent"), self.agent_box),
            (self.tr("Period"), self.period_box),
        ):
            caption_label = QLabel(caption, self)
            caption_label.setProperty("muted", True)
            caption_label.setBuddy(box)
            self.header.addWidget(caption_label)
            self.header.addWidget(box)
        self.header.addSpacing(8)
        self.header.addWidget(self.refresh_button)
        self.header.addWidget(self.pdf_button)

    def _build_charts(self) -> QWidget:
        page = QWidget()
        page.setObjectName("ChartsPage")
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.setSpacing(8)
        self.chart_views: dict[str, QChartView] = {}
        for i, key in enumerate(CHART_KEYS):
            view = QChartView()
            view.setObjectName(f"ChartView_{key}")
            view.setAccessibleName(chart_title(key))
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(190)
            self.chart_views[key] = view
            if key == "activity":
                grid.addWidget(view, 1, 1, 1, 2)
            else:
                grid.addWidget(view, i // 3, i % 3)
        self.charts_empty = _empty_state(
            self.tr(
                "No attempts and no leads in this period.\nPick a longer period or another agent."
            ),
            "ChartsEmpty",
        )
        self.charts_stack = QStackedWidget()
        self.charts_stack.addWidget(page)
        self.charts_stack.addWidget(self.charts_empty)
        return self.charts_stack

    def _build_agents(self) -> QWidget:
        page = QWidget()
        self.agents_model = AgentsModel(self)
        self.agents_view = _table("AgentsTable", self.tr("Measures per agent"))
        self.agents_view.setModel(self.agents_model)
        header = self.agents_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)
        self.agents_view.doubleClicked.connect(self._review_agent)
        self.agents_view.activated.connect(self._review_agent)
        hint = QLabel(
            self.tr("Double-click an agent to review their history and coaching lists."), page
        )
        hint.setObjectName("AgentsHint")
        hint.setProperty("muted", True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.agents_view, 1)
        return page

    def _review_agent(self, index: QModelIndex) -> None:
        agent_id = index.data(AGENT_ID_ROLE)
        if self.agent_box.select(str(agent_id) if agent_id else None):
            self.tabs.setCurrentIndex(0)

    def _build_history(self) -> QWidget:
        page = QWidget()
        self.search = QLineEdit(page)
        self.search.setObjectName("HistorySearch")
        self.search.setAccessibleName(self.tr("Search the history"))
        self.search.setPlaceholderText(self.tr("Search lead, company, phone or note…"))
        self.search.setClearButtonEnabled(True)
        self.channel_box = QComboBox(page)
        self.channel_box.setObjectName("ChannelFilter")
        self.channel_box.setAccessibleName(self.tr("Channel"))
        self.channel_box.addItem(self.tr("Every channel"), None)
        for channel in Channel:
            self.channel_box.addItem(channel_text(channel.value), channel.value)
        self.outcome_box = QComboBox(page)
        self.outcome_box.setObjectName("OutcomeFilter")
        self.outcome_box.setAccessibleName(self.tr("Outcome"))
        self.outcome_box.addItem(self.tr("Every outcome"), None)
        for code, info in OUTCOMES.items():
            self.outcome_box.addItem(outcome_label(info.label), code)
        self.history_count = QLabel("", page)
        self.history_count.setObjectName("HistoryCount")
        self.history_count.setProperty("muted", True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.channel_box.currentIndexChanged.connect(self.refresh_history)
        self.outcome_box.currentIndexChanged.connect(self.refresh_history)

        self.history_model = HistoryModel(self.runner, self)
        self.history_model.failed.connect(self._history_page_failed)
        self.history_view = _table("HistoryTable", self.tr("History of attempts"))
        self.history_view.setModel(self.history_model)
        header = self.history_view.horizontalHeader()
        for column, width in enumerate((150, 170, 120, 80, 170, 80, 170)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.history_view.doubleClicked.connect(self._activate)
        self.history_view.activated.connect(self._activate)
        self.history_empty = _empty_state(self.tr("No attempts match."), "HistoryEmpty")
        self.history_stack = QStackedWidget()
        self.history_stack.addWidget(self.history_view)
        self.history_stack.addWidget(self.history_empty)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.channel_box)
        filters.addWidget(self.outcome_box)
        filters.addWidget(self.history_count)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.history_stack, 1)
        return page

    def _build_coaching(self) -> QWidget:
        page = QWidget()
        self.coaching_lists = QListWidget(page)
        self.coaching_lists.setObjectName("CoachingLists")
        self.coaching_lists.setAccessibleName(self.tr("Coaching lists"))
        self.coaching_lists.setFixedWidth(260)
        self.coaching_lists.setSpacing(1)
        self.coaching_lists.currentRowChanged.connect(self._show_coaching)
        self.coaching_hint = QLabel("", page)
        self.coaching_hint.setObjectName("CoachingHint")
        self.coaching_hint.setWordWrap(True)
        self.coaching_model = CoachingModel(self)
        self.coaching_view = _table("CoachingTable", self.tr("Leads to coach on"))
        self.coaching_view.setModel(self.coaching_model)
        header = self.coaching_view.horizontalHeader()
        header.resizeSection(0, 220)
        header.resizeSection(1, 160)
        header.setStretchLastSection(True)
        self.coaching_view.doubleClicked.connect(self._activate)
        self.coaching_view.activated.connect(self._activate)
        self.coaching_empty = _empty_state(self.tr("Nothing to coach on here."), "CoachingEmpty")
        self.coaching_stack = QStackedWidget()
        self.coaching_stack.addWidget(self.coaching_view)
        self.coaching_stack.addWidget(self.coaching_empty)
        right = QVBoxLayout()
        right.addWidget(self.coaching_hint)
        right.addWidget(self.coaching_stack, 1)
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.coaching_lists)
        layout.addLayout(right, 1)
        return page

    # -- state ----------------------------------------------------------------------------

    @property
    def agent_id(self) -> str | None:
        return self.agent_box.agent_id

    @property
    def period(self) -> Period:
        return period_for(str(self.period_box.currentData()), self.clock())

    @property
    def is_loading(self) -> bool:
        """A refresh, the agent list or a batch of the history is being read."""
        return self._loading > 0 or self.agent_box.is_loading or self.history_model.fetching

    def history_filter(self) -> HistoryFilter:
        return HistoryFilter(
            self.period,
            self.agent_id,
            self.channel_box.currentData(),
            self.outcome_box.currentData(),
            self.search.text(),
        )

    # -- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        self.agent_box.load()  # the agent list, if a first try failed
        agent_id, period = self.agent_id, self.period
        agent_name = self.agent_box.agent_name(agent_id) if agent_id else None
        self.status.setText(self.tr("Computing the measures…"))
        self._loading += 1

        def work() -> ReviewData:
            if agent_id is None:
                team = self.reports.team_report(period)
                reports = [*team.agents, team.team]
                measures = team.team.measures
            else:
                name = agent_name or self._name_of(agent_id)
                one = self.reports.agent_report(period, name)
                reports, measures = [one], one.measures
            return ReviewData(
                period,
                reports,
                measures,
                self.review.activity_by_day(period, agent_id),
                self.review.contact_by_local_hour(period, agent_id),
                self.review.coaching(period, agent_id),
            )

        self.runner.run(
            work,
            lambda data: self._loaded(generation, agent_id, data),
            lambda error: self._failed(generation, error),
            name="supervisor review",
        )
        self.refresh_history()

    def _failed(self, generation: int, error: BaseException) -> None:
        self._loading -= 1
        if generation != self._generation:
            return
        self.last_error = str(error)
        self.status.setText(self.tr("Could not compute the report: {error}").format(error=error))
        self.loaded.emit()

    def _name_of(self, agent_id: str) -> str:
        """An agent's login name, read on the worker while the picker's list is not in."""
        for aid, name, _display in self.review.agents():
            if aid == agent_id:
                return name
        raise NotFound(f"no agent with id {agent_id}")

    def _agents_failed(self, error: str) -> None:
        self.last_error = error
        self.status.setText(
            self.tr("Could not read the list of agents: {error}").format(error=error)
        )

    def _loaded(self, generation: int, agent_id: str | None, data: ReviewData) -> None:
        self._loading -= 1
        if generation != self._generation:
            return
        self.data = data
        m = data.measures
        self.tiles.set_measures(m)
        empty = m.leads == 0 and m.attempts == 0
        self.charts_stack.setCurrentIndex(1 if empty else 0)
        if not empty:
            for key, chart in all_charts(m, data.activity, data.hours).items():
                old = self.chart_views[key].chart()
                self.chart_views[key].setChart(chart)
                if old is not None and old is not chart:
                    old.deleteLater()
        self._fill_coaching(data.coaching)
        self.agents_model.set_reports(data.reports)
        since = (
            data.period.since.astimezone().strftime("%d %b %Y")
            if data.period.since
            else self.tr("the start")
        )
        self.status.setText(
            self.tr(
                "{agent} · {period} (from {since}) · {leads:,} leads, {attempts:,} attempts"
            ).format(
                agent=self._agent_text(agent_id, data),
                period=self.period_box.currentText(),
                since=since,
                leads=m.leads,
                attempts=m.attempts,
            )
        )
        self.loaded.emit()

    def _agent_text(self, agent_id: str | None, data: ReviewData) -> str:
        """Whom the figures are about, from the figures (the picker may not be filled)."""
        if agent_id is None:
            return self.agent_box.itemText(0)
        one = data.reports[0]
        return agent_label(one.agent, one.display_name)

    def refresh_history(self) -> None:
        self._history_generation += 1
        generation = self._history_generation
        f = self.history_filter()
        self._loading += 1

        def work() -> tuple[int, list[HistoryRow]]:
            return self.review.history_count(f), self.review.history_page(f, None, PAGE)

        def done(result: tuple[int, list[HistoryRow]]) -> None:
            self._loading -= 1
            if generation != self._history_generation:
                return
            total, rows = result
            self.history_model.reset(
                total, rows, lambda after, limit: self.review.history_page(f, after, limit)
            )
            self.history_stack.setCurrentIndex(0 if total else 1)
            self.history_empty.setText(
                self.tr("No attempts match the search and filters.")
                if f.search.strip() or f.channel or f.outcome
                else self.tr("No attempts in this period.")
            )
            self.history_count.setText(self.tr("{count:,} attempts").format(count=total))

        def failed(error: BaseException) -> None:
            self._loading -= 1
            self.last_error = str(error)
            self.history_count.setText(self.tr("could not load the history"))

        self.runner.run(work, done, failed, name="supervisor history")

    def _history_page_failed(self, error: str) -> None:
        self.last_error = error
        self.status.setText(
            self.tr(
                "Could not read more of the history (scroll down to try again): {error}"
            ).format(error=error)
        )

    def _fill_coaching(self, lists: list[CoachingList]) -> None:
        current = max(0, self.coaching_lists.currentRow())
        self.coaching_lists.blockSignals(True)
        self.coaching_lists.clear()
        for c in lists:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, c.key)
            title_text = coaching_title(c.key, c.title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title_text}: {c.total}")
            item.setToolTip(c.hint)
            row = QWidget()
            row.setObjectName(f"Coaching_{c.key}")
            title = QLabel(title_text, row)
            count = QLabel(f"{c.total:,}", row)
            count.setObjectName("CoachingCount")
            color = OK if c.total == 0 else BAD
            count.setStyleSheet(f"font-weight: 600; color: {color};")
            line = QHBoxLayout(row)
            line.setContentsMargins(10, 7, 10, 7)
            line.addWidget(title, 1)
            line.addWidget(count)
            item.setSizeHint(row.sizeHint())
            self.coaching_lists.addItem(item)
            self.coaching_lists.setItemWidget(item, row)
        self.coaching_lists.blockSignals(False)
        self.coaching_lists.setCurrentRow(min(current, len(lists) - 1))
        self._show_coaching(self.coaching_lists.currentRow())

    def _show_coaching(self, row: int) -> None:
        if self.data is None or not 0 <= row < len(self.data.coaching):
            return
        c = self.data.coaching[row]
        shown = ""
        if len(c.items) < c.total:
            shown = " " + self.tr("The {count} most relevant are listed.").format(
                count=len(c.items)
            )
        self.coaching_hint.setText(f"<b>{coaching_title(c.key, c.title)}</b>: {c.hint}{shown}")
        self.coaching_model.set_items(c.items)
        self.coaching_stack.setCurrentIndex(0 if c.items else 1)

    # -- actions --------------------------------------------------------------------------

    def _activate(self, index: QModelIndex) -> None:
        lead_id = index.data(LEAD_ID_ROLE)
        if lead_id:
            self.lead_activated.emit(str(lead_id))

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(2)
        self.search.setFocus()
        self.search.selectAll()

    def _ask_pdf(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the report as PDF"), "leaddesk-report.pdf", self.tr("PDF (*.pdf)")
        )
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> int:
        """Write the report on screen as a PDF; returns its page count."""
        from leaddesk.ui.supervisor.pdf import write_report_pdf

        if self.data is None:
            raise RuntimeError("the report is still being computed")
        pages = write_report_pdf(path, self.data.reports, self.data.activity, self.data.hours)
        self.status.setText(self.tr("Saved {path} (%n page(s))", "", pages).format(path=path))
        return pages

    def charts(self) -> dict[str, QChart]:
        return {key: view.chart() for key, view in self.chart_views.items()}

    def closeEvent(self, event: Any) -> None:
        self.runner.wait(10_000)
        super().closeEvent(event)
