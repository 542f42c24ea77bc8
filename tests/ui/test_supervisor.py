"""The supervisor window driven with pytest-qt on the demo database and on an empty one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from leaddesk.domain.agent_states import StateTimes
from leaddesk.domain.clock import fixed_clock
from leaddesk.domain.metrics import Period
from leaddesk.services.report import ReportService
from leaddesk.services.review import PAGE, HistoryFilter, ReviewService
from leaddesk.services.workspace import Workspace
from leaddesk.store import Store
from leaddesk.ui.supervisor import SupervisorWindow
from leaddesk.ui.supervisor.history_model import LEAD_ID_ROLE
from leaddesk.ui.supervisor.phone_time import clock_text, row_cells

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _open(qtbot, store: Store, now: datetime, agent_id: str | None = None) -> SupervisorWindow:
    window = SupervisorWindow(store, fixed_clock(now), agent_id)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.data is not None and not window.is_loading, timeout=10_000)
    return window


def _show_tab(window: SupervisorWindow, name: str) -> None:
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.tabs.setCurrentIndex(titles.index(name))


def _wait_idle(qtbot, window: SupervisorWindow) -> None:
    qtbot.waitUntil(lambda: not window.is_loading, timeout=10_000)


def _testers(*models: object) -> list[QAbstractItemModelTester]:
    mode = QAbstractItemModelTester.FailureReportingMode.Fatal
    return [QAbstractItemModelTester(m, mode) for m in models]  # type: ignore[arg-type]


@pytest.fixture
def window(qtbot, demo_store: Store, now: datetime) -> Iterator[SupervisorWindow]:
    w = _open(qtbot, demo_store, now)
    yield w
    w.close()


def test_tiles_show_the_teams_measures(window: SupervisorWindow, demo_store, now) -> None:
    expected = ReportService(demo_store, fixed_clock(now)).team_report(window.period).team.measures
    tiles = window.tiles.tiles
    assert window.agent_box.currentText() == "All agents"
    assert window.period_box.currentText() == "Last 30 days"
    assert tiles["leads"].value.text() == f"{expected.leads:,}"
    assert tiles["never"].value.text() == f"{expected.never_contacted:,}"
    assert tiles["contact"].value.text() == f"{expected.contact_rate * 100:.0f} %"
    assert "target 6 to 8" in tiles["persistency"].detail.text()


def test_picking_an_agent_shows_that_agents_figures(
    qtbot, window: SupervisorWindow, demo_store, now
) -> None:
    index = window.agent_box.findText("Jordan Reyes (demo.agent)")
    assert index > 0
    window.agent_box.setCurrentIndex(index)
    _wait_idle(qtbot, window)
    report = ReportService(demo_store, fixed_clock(now)).agent_report(window.period, "demo.agent")
    assert window.tiles.tiles["leads"].value.text() == f"{report.measures.leads:,}"
    assert "Jordan Reyes" in window.status.text()
    assert window.history_model.total == ReviewService(demo_store, fixed_clock(now)).history_count(
        window.history_filter()
    )
    assert {window.history_model.row_at(i).agent_name for i in range(10)} == {"Jordan Reyes"}


def test_charts_are_drawn_with_their_series(window: SupervisorWindow) -> None:
    charts = window.charts()
    assert set(charts) == {"attempts", "speed", "outcomes", "hours", "activity"}
    attempts = charts["attempts"]
    assert "Attempts per lead" in attempts.title()
    labels = [s.label() for s in attempts.series()[0].barSets()]
    assert labels == ["Never contacted", "Outside target", "6 to 8 attempts"]
    never = attempts.series()[0].barSets()[0]
    assert never.at(0) == window.data.measures.never_contacted
    days = charts["activity"].series()[0].barSets()[0].count()
    assert days == 31  # every day of the period, quiet ones too
    assert window.charts_stack.currentIndex() == 0


def test_history_pages_in_batches_and_passes_the_model_tester(
    qtbot, window: SupervisorWindow
) -> None:
    window.period_box.setCurrentIndex(window.period_box.findData("all"))
    _wait_idle(qtbot, window)
    model = window.history_model
    total = window.review.history_count(window.history_filter())
    assert model.total == total > 2 * PAGE
    # The view may have asked for a batch already (Qt fetches while a view has no scroll
    # range yet); batches come whole, newest first.
    loaded = model.rowCount()
    assert loaded % PAGE == 0 and PAGE <= loaded < total
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()  # a view asks again and again while it waits: one batch comes
    assert model.fetching and model.rowCount() == loaded  # read on a worker, not yet in
    qtbot.waitUntil(lambda: not model.fetching, timeout=5000)
    assert model.rowCount() == min(total, loaded + PAGE)
    _testers(model, window.coaching_model)  # the tester fetches more itself
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.fetching, timeout=5000)
    assert model.rowCount() == model.total == total
    rows = [model.row_at(i) for i in range(model.rowCount())]
    assert len({r.attempt_id for r in rows}) == len(rows)  # no row twice across batches
    assert [r.started_at for r in rows] == sorted((r.started_at for r in rows), reverse=True)


def test_search_and_filters_narrow_the_history(qtbot, window: SupervisorWindow) -> None:
    _show_tab(window, "History")
    everything = window.history_model.total
    window.search.setText("pricing")
    qtbot.waitUntil(
        lambda: not window.is_loading and window.history_model.total < everything, timeout=5000
    )
    model = window.history_model
    assert model.total > 0
    assert all("pricing" in model.row_at(i).note.lower() for i in range(model.rowCount()))
    assert window.history_count.text() == f"{model.total:,} attempts"

    window.search.setText("")
    window.channel_box.setCurrentIndex(window.channel_box.findData("email"))
    _wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.history_model.total < everything, timeout=5000)
    assert {model.row_at(i).channel for i in range(model.rowCount())} == {"email"}
    assert model.index(0, 3).data() == "Email"

    window.outcome_box.setCurrentIndex(window.outcome_box.findData("qualified"))
    _wait_idle(qtbot, window)
    assert window.history_model.total == 0
    assert window.history_stack.currentIndex() == 1
    assert window.history_empty.text() == "No attempts match the search and filters."


def test_the_history_shows_the_leads_time_whole(qtbot, window: SupervisorWindow) -> None:
    """ "The agent's time, then the lead's: a call at 2 a.m. their time must show": the
    When column is as wide as its cells, the lead's time included."""
    _show_tab(window, "History")
    view, model = window.history_view, window.history_model
    cells = [str(model.index(row, 0).data()) for row in range(min(20, model.rowCount()))]
    assert cells and all("lead time" in cell for cell in cells)
    widest = max(view.fontMetrics().horizontalAdvance(cell) for cell in cells)
    assert view.columnWidth(0) >= widest + 8, (view.columnWidth(0), widest)


def test_double_click_in_the_history_opens_the_lead(qtbot, window: SupervisorWindow) -> None:
    _show_tab(window, "History")
    view = window.history_view
    index = window.history_model.index(2, 1)
    expected = index.data(LEAD_ID_ROLE)
    with qtbot.waitSignal(window.lead_activated, timeout=2000) as signal:
        view.doubleClicked.emit(index)
    assert signal.args == [expected]


def test_coaching_lists_show_their_leads(qtbot, window: SupervisorWindow) -> None:
    _show_tab(window, "Coaching")
    lists = window.data.coaching
    assert [c.key for c in lists] == [
        "outside_rules",
        "never_contacted",
        "stuck_at_one",
        "voicemail_no_message",
        "callbacks_missed",
        "waiting_past_target",
    ]
    assert lists[0].total == 0  # the demo's calls all kept the rules
    assert lists[1].total == window.data.measures.never_contacted
    window.coaching_lists.setCurrentRow(3)
    assert window.coaching_model.rowCount() == len(lists[3].items) > 0
    assert "Voicemail, no message" in window.coaching_hint.text()
    first = window.coaching_model.index(0, 0)
    # Each row names the lead's company: two leads of one name are told apart.
    item = lists[3].items[0]
    assert item.company
    assert window.coaching_model.headerData(1, Qt.Orientation.Horizontal) == "Company"
    assert window.coaching_model.index(0, 1).data() == item.company
    with qtbot.waitSignal(window.lead_activated, timeout=2000) as signal:
        window.coaching_view.activated.emit(first)
    assert signal.args == [lists[3].items[0].lead_id]


def test_an_empty_database_shows_empty_states(qtbot, store: Store, now: datetime) -> None:
    window = _open(qtbot, store, now)
    assert window.charts_stack.currentIndex() == 1
    assert "No attempts and no leads" in window.charts_empty.text()
    assert window.history_stack.currentIndex() == 1
    assert window.history_empty.text() == "No attempts in this period."
    assert window.tiles.tiles["speed"].value.text() == "–"
    assert window.tiles.tiles["leads"].value.text() == "0"
    _show_tab(window, "Coaching")
    assert window.coaching_stack.currentIndex() == 1
    window.close()


def test_a_workspace_opens_on_its_agent(qtbot, demo_workspace: Workspace) -> None:
    window = SupervisorWindow(demo_workspace)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.data is not None and not window.is_loading, timeout=10_000)
    assert window.agent_id == demo_workspace.agent.id
    assert window.data.reports[0].agent == "demo.agent"
    window.close()


def test_history_service_keyset_pages_match_one_query(demo_store: Store, now: datetime) -> None:
    review = ReviewService(demo_store, fixed_clock(now))
    f = HistoryFilter(Period(now - timedelta(days=60), now))
    everything = review.history_page(f, None, 10_000)
    paged = []
    after = None
    while batch := review.history_page(f, after, 37):
        paged += batch
        after = batch[-1]
    assert [r.attempt_id for r in paged] == [r.attempt_id for r in everything]
    assert review.history_count(f) == len(everything)


def test_model_tester_survives_resets(qtbot, window: SupervisorWindow) -> None:
    _testers(window.history_model, window.coaching_model)
    for key in ("today", "7", "all"):
        window.period_box.setCurrentIndex(window.period_box.findData(key))
        _wait_idle(qtbot, window)
    window.coaching_lists.setCurrentRow(1)
    window.coaching_lists.setCurrentRow(4)
    assert window.history_model.index(0, 0).isValid() == (window.history_model.rowCount() > 0)
    assert not window.history_model.index(0, 0, QModelIndex()).data(Qt.ItemDataRole.DecorationRole)


def test_agents_tab_compares_agents_and_opens_one(qtbot, window: SupervisorWindow) -> None:
    _show_tab(window, "Agents")
    model = window.agents_model
    _testers(model)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["Jordan Reyes", "Alex Chen", "Team"]
    team = window.data.measures
    assert model.index(2, 1).data() == f"{team.leads:,}"
    assert model.index(2, 0).data(Qt.ItemDataRole.FontRole).bold()
    window.agents_view.doubleClicked.emit(model.index(1, 0))
    assert window.agent_box.currentText() == "Alex Chen (demo.colleague)"
    _wait_idle(qtbot, window)
    assert window.data.reports[0].agent == "demo.colleague"
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Charts"


def test_the_phone_time_tab_shows_each_agent_and_the_teams_hours(
    qtbot, window: SupervisorWindow, demo_store, now
) -> None:
    """#19: talk, wrap-up, AHT and dials per hour for every agent and the team, as the
    report computes them, and the chart by hour of day."""
    team = ReportService(demo_store, fixed_clock(now)).team_report(window.period)
    _show_tab(window, "Phone time")
    table = window.phone_time.table
    reports = [*team.agents, team.team]
    assert table.rowCount() == len(reports)
    last = table.rowCount() - 1
    assert table.item(last, 0).text() == "Team"
    p = team.team.phone
    assert p.calls_outbound > 0  # the demo's shift has calls
    assert table.item(last, 1).text() == str(p.calls_outbound)
    assert table.item(last, 6).text() == (
        "n/a" if p.dials_per_hour is None else f"{p.dials_per_hour:.1f}"
    )
    assert f"{p.calls_outbound} outbound" in window.phone_time.summary.text()
    # The demo's agents recorded their shifts' states: the team's time Ready, and dials
    # per hour over the time logged in.
    assert table.item(last, 8).text() == clock_text(team.team.states.seconds["ready"])
    assert p.dials_per_hour is not None and 0 < p.dials_per_hour < 60
    # An agent who recorded no state: the state columns say so rather than 0.
    assert row_cells("Nobody", p, StateTimes())[8:] == ["n/a", "n/a"]
    chart = window.phone_time.chart_view.chart()
    assert chart is not None and "Dials and contacts by hour" in chart.title()
