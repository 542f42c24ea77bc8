"""The call list model over a real demo database: batches, searches, Qt's model checks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from leaddesk.services.calllist import CallListService
from leaddesk.services.leads import AttemptInfo, LeadService
from leaddesk.services.workspace import Workspace
from leaddesk.ui.backend import Backend
from leaddesk.ui.calllist_model import (
    COLUMNS,
    LEAD_ID_ROLE,
    SECTION_ROLE,
    SUBTITLE_ROLE,
    CallListModel,
)
from leaddesk.ui.history_view import LeadHistoryModel
from leaddesk.ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def runner(qtbot):  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    # Every answer delivered before the test's model goes away.
    qtbot.waitUntil(lambda: r.active == 0, timeout=15_000)


def _model(workspace: Workspace, runner: TaskRunner, batch: int) -> CallListModel:
    backend = Backend(workspace)
    return CallListModel(runner, backend.page, backend.summary, lambda: backend.now, batch=batch)


def test_model_loads_a_batch_at_a_time_in_engine_order(qtbot, runner, demo_workspace) -> None:
    model = _model(demo_workspace, runner, batch=40)
    # Rows and counts arrive separately (the count may come after the first batch).
    with qtbot.waitSignals([model.refreshed, model.summary_changed], timeout=10_000):
        model.refresh()
    service = CallListService(demo_workspace)
    total = service.total()
    assert model.total == total > 120
    assert model.rowCount() == 40  # only the first batch, not every lead
    assert model.canFetchMore()
    expected = [e.lead_id for e in service.page(0, 120)]
    assert [model.lead_id(r) for r in range(40)] == expected[:40]

    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 80, timeout=10_000)
    assert [model.lead_id(r) for r in range(80)] == expected[:80]
    # Qt's checks from here on (the tester asks for more rows itself, so not earlier).
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    # Each row says who, why and which section, as the engine put it.
    first = service.page(0, 1)[0]
    assert model.data(model.index(0, COLUMNS.index("lead"))) == first.name
    reason = model.index(0, COLUMNS.index("reason"))
    assert model.data(reason, SUBTITLE_ROLE) == "Callback"  # the chip over the reason
    # Under the chip the reason leaves off what the chip says; read out, it is whole.
    assert first.reason.startswith("callback overdue by ")
    assert model.data(reason) == first.reason.removeprefix("callback ")
    assert model.data(reason, Qt.ItemDataRole.AccessibleTextRole) == first.reason
    new_row = next(r for r in range(80) if model.data(model.index(r, 0), SECTION_ROLE) == "new")
    assert model.data(model.index(new_row, COLUMNS.index("reason"))).startswith("waiting ")
    assert model.data(model.index(0, 0), SECTION_ROLE) == first.section
    assert model.data(model.index(0, 0), LEAD_ID_ROLE) == first.lead_id
    del tester


def test_search_and_counts_come_from_the_engine(qtbot, runner, demo_workspace) -> None:
    model = _model(demo_workspace, runner, batch=50)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    summaries: list[tuple[int, dict[str, int]]] = []
    model.summary_changed.connect(lambda total, counts: summaries.append((total, counts)))
    with qtbot.waitSignals([model.refreshed, model.summary_changed], timeout=10_000):
        model.refresh()
    service = CallListService(demo_workspace)
    assert summaries[-1][1] == service.counts()
    name = service.page(0, 1)[0].name.split()[1]
    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        model.refresh(name)
    assert model.search == name
    assert 0 < model.rowCount() == service.total(name)
    for row in range(model.rowCount()):
        assert name.lower() in model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole).lower()
    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        model.refresh("zzz no such lead")
    assert model.rowCount() == 0
    assert not model.canFetchMore()


def test_a_stale_answer_never_replaces_a_newer_search(qtbot, runner, demo_workspace) -> None:
    model = _model(demo_workspace, runner, batch=50)
    model.refresh("zzz no such lead")
    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        model.refresh()  # the newer request wins, whichever finishes first
    qtbot.waitUntil(lambda: runner.active == 0)
    assert model.search is None
    assert model.rowCount() == 50


def test_history_model_passes_qt_checks(qtbot, demo_workspace) -> None:
    lead = next(e for e in CallListService(demo_workspace).page(0, 300) if e.attempts >= 2)
    detail = LeadService(demo_workspace).detail(lead.lead_id)
    model = LeadHistoryModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_attempts(detail.history)
    assert model.rowCount() == len(detail.history) >= 2
    assert all(isinstance(a, AttemptInfo) for a in detail.history)
    # Newest first, across channels.
    times = [a.at for a in detail.history]
    assert times == sorted(times, reverse=True)
    assert model.data(model.index(0, 2)).startswith(detail.history[0].outcome_label)
    model.set_attempts(())
    assert model.rowCount() == 0


def test_a_periodic_refresh_keeps_the_rows_scrolled_to(qtbot, runner, demo_workspace) -> None:
    model = _model(demo_workspace, runner, batch=40)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        model.refresh()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 80, timeout=10_000)
    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        model.refresh(keep_search=True, keep_loaded=True)
    assert model.rowCount() == 80
    assert model.canFetchMore()
