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
from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.clock import Clock, as_utc, system_clock
from leaddesk.domain.metrics import Measures, Period
from leaddesk.services.errors import NotFound
from leaddesk.services.report import AgentReport, ReportService
from leaddesk.services.review import (
    CoachingList,
    DayActivity,
    HistoryFilter,
    HourContact,
    ReviewService,
)
from leaddesk.services.shift import local_day_start
from leaddesk.services.workspace import Workspace
from leaddesk.store.engine import Store
from leaddesk.ui import screen_fit
from leaddesk.ui.style import BAD, OK
from leaddesk.ui.supervisor.agent_picker import AgentPicker, agent_label
from leaddesk.ui.supervisor.agents_model import AGENT_ID_ROLE, AgentsModel
from leaddesk.ui.supervisor.charts import all_charts, chart_title, paint_for
from leaddesk.ui.supervisor.coaching_model import CoachingModel, coaching_title
from leaddesk.ui.supervisor.history_model import LEAD_ID_ROLE
from leaddesk.ui.supervisor.history_tab import HistoryTab
from leaddesk.ui.supervisor.phone_time import PhoneTimePanel
from leaddesk.ui.supervisor.tables import empty_state, table_view
from leaddesk.ui.supervisor.tiles import MeasureTiles
from leaddesk.ui.tasks import TaskRunner
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP

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


PREFERRED_SIZE = QSize(1240, 860)


class SupervisorWindow(QWidget):
    """`SupervisorWindow(store, clock, agent_id, parent)`; a Workspace may stand for the
    first argument (its store, clock and agent are used)."""

    lead_activated = Signal(str)
    loaded = Signal()  # a refresh finished (its figures are on screen)

    def fit_to(self, available: QRect | None = None) -> None:
        """Size the window to the screen's available area (or `available`)."""
        screen_fit.place(self, PREFERRED_SIZE, available)

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
        screen_fit.place(self, PREFERRED_SIZE)  # never larger than the screen
        self.store = store
        self.clock: Clock = clock or system_clock
        self.reports = ReportService(store, self.clock)
        self.review = ReviewService(store, self.clock)
        self.runner = runner or TaskRunner(self)
        self.data: ReviewData | None = None
        self.last_error = ""
        self._generation = 0
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
        self.phone_time = PhoneTimePanel(self)  # #19: talk, wrap-up, AHT, per hour
        self.tabs.addTab(self.phone_time, self.tr("Phone time"))
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

        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        # A window of its own closes as every other does; tabs switch from the keyboard.
        for keys in ("Esc", "Ctrl+W"):
            QShortcut(QKeySequence(keys), self, self.close)
        QShortcut(QKeySequence("Ctrl+Tab"), self, lambda: self.step_tab(1))
        QShortcut(QKeySequence("Ctrl+Shift+Tab"), self, lambda: self.step_tab(-1))
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self.step_tab(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self.step_tab(-1))
        self.refresh()

    def step_tab(self, step: int) -> None:
        """The next (1) or previous (-1) tab, round the end."""
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

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
            view.setMinimumHeight(150)  # two rows fit a 1280x720 laptop
            self.chart_views[key] = view
            if key == "activity":
                grid.addWidget(view, 1, 1, 1, 2)
            else:
                grid.addWidget(view, i // 3, i % 3)
        self.charts_empty = empty_state(
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
        self.agents_view = table_view("AgentsTable", self.tr("Measures per agent"))
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
        self.history = HistoryTab(self.runner, self.review, lambda: (self.period, self.agent_id))
        self.history.lead_activated.connect(self.lead_activated)
        self.history.failed.connect(self._history_failed)
        self.history.page_failed.connect(self._history_page_failed)
        # The tab's parts by the names the window's callers (and tests) know them by.
        self.search, self.channel_box = self.history.search, self.history.channel_box
        self.outcome_box, self.history_count = self.history.outcome_box, self.history.count
        self.history_model, self.history_view = self.history.model, self.history.view
        self.history_empty, self.history_stack = self.history.empty, self.history.stack
        return self.history

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
        self.coaching_view = table_view("CoachingTable", self.tr("Leads to coach on"))
        self.coaching_view.setModel(self.coaching_model)
        header = self.coaching_view.horizontalHeader()
        header.resizeSection(0, 200)
        header.resizeSection(1, 170)
        header.resizeSection(2, 150)
        header.setStretchLastSection(True)
        self.coaching_view.doubleClicked.connect(self._activate)
        self.coaching_view.activated.connect(self._activate)
        self.coaching_empty = empty_state(self.tr("Nothing to coach on here."), "CoachingEmpty")
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
        return self._loading > 0 or self.agent_box.is_loading or self.history.loading

    def history_filter(self) -> HistoryFilter:
        return self.history.filter()

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
                self.chart_views[key].setChart(paint_for(chart, self.palette()))
                if old is not None and old is not chart:
                    old.deleteLater()
        self._fill_coaching(data.coaching)
        self.agents_model.set_reports(data.reports)
        self.phone_time.set_reports(data.reports)
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
        self.history.refresh()

    def _history_failed(self, error: str) -> None:
        self.last_error = error

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
        self.history.focus_search()

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
