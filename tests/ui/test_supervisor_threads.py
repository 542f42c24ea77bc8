"""The supervisor window reads the database only on the task runner's workers: the agent
list when it opens, the history's next batch when the view scrolls to the end.

Every SQL statement is observed through an SQLAlchemy event on the real engine, and the
service calls through thin wrappers that note the thread and call the real method.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import event

from leaddesk.domain.clock import fixed_clock
from leaddesk.services.report import ReportService
from leaddesk.services.review import PAGE, HistoryFilter, HistoryRow, ReviewService
from leaddesk.store import Store
from leaddesk.ui.supervisor import SupervisorWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def sql_threads(store: Store) -> Iterator[list[tuple[bool, str]]]:
    """(ran on the GUI thread, statement) for every statement the store runs meanwhile."""
    seen: list[tuple[bool, str]] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append((_on_gui_thread(), statement))

    event.listen(store.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", before)


def observe(monkeypatch: pytest.MonkeyPatch, cls: type, name: str) -> list[tuple[bool, tuple]]:
    """Note (on the GUI thread, arguments) of each call of `cls.name`, which still runs."""
    real: Callable[..., Any] = getattr(cls, name)
    calls: list[tuple[bool, tuple]] = []

    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append((_on_gui_thread(), args))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, wrapper)
    return calls


def _idle(qtbot, window: SupervisorWindow) -> None:
    qtbot.waitUntil(lambda: window.data is not None and not window.is_loading, timeout=10_000)


def _open_history(qtbot, store: Store, now: datetime, agent_id: str | None = None):
    window = SupervisorWindow(store, fixed_clock(now), agent_id)
    qtbot.addWidget(window)
    window.period_box.setCurrentIndex(window.period_box.findData("all"))
    window.tabs.setCurrentIndex(2)
    assert window.tabs.tabText(2) == "History"
    window.show()
    _idle(qtbot, window)
    return window


def _gui_statements(statements: list[tuple[bool, str]]) -> list[str]:
    return [statement for on_gui, statement in statements if on_gui]


def test_scrolling_to_the_end_reads_the_next_batch_on_a_worker(
    qtbot, monkeypatch: pytest.MonkeyPatch, demo_store: Store, now: datetime
) -> None:
    pages = observe(monkeypatch, ReviewService, "history_page")
    with sql_threads(demo_store) as statements:
        window = _open_history(qtbot, demo_store, now)
        model, view = window.history_model, window.history_view
        assert model.total > 2 * PAGE
        assert model.rowCount() == PAGE  # the first batch fills more than the view
        view.scrollToBottom()
        assert model.fetching  # asked for, read on a worker: the window does not wait
        qtbot.waitUntil(lambda: model.rowCount() > PAGE and not window.is_loading, timeout=5000)
        assert model.rowCount() == 2 * PAGE
        rows = [model.row_at(i) for i in range(model.rowCount())]
        assert len({r.attempt_id for r in rows}) == len(rows)
        assert view.model().index(2 * PAGE - 1, 1).data() == rows[-1].lead_name
        window.close()
    assert [after for _gui, (_f, after, *_rest) in pages if after is not None] == [rows[PAGE - 1]]
    assert [on_gui for on_gui, _args in pages] == [False] * len(pages)
    assert statements and _gui_statements(statements) == []


def test_a_new_filter_drops_the_batch_of_the_old_one(
    qtbot, monkeypatch: pytest.MonkeyPatch, demo_store: Store, now: datetime
) -> None:
    window = _open_history(qtbot, demo_store, now)
    model = window.history_model
    email_total = window.review.history_count(HistoryFilter(window.period, channel="email"))
    assert 0 < email_total < PAGE < model.total
    entered, release = threading.Event(), threading.Event()
    stale: list[HistoryRow] = []
    real = window.review.history_page

    def held(f: Any, after: HistoryRow | None = None, limit: int = PAGE) -> list[HistoryRow]:
        # The next batch of every channel waits (a slow disk) while the filter changes.
        if f.channel is None and after is not None:
            entered.set()
            release.wait(10)
            rows = real(f, after, limit)
            stale.extend(rows)
            return rows
        return real(f, after, limit)

    monkeypatch.setattr(window.review, "history_page", held)
    model.fetchMore()
    assert entered.wait(5)
    with qtbot.waitSignal(model.modelReset, timeout=5000):
        window.channel_box.setCurrentIndex(window.channel_box.findData("email"))
    assert not model.fetching  # the email rows may be paged at once, not after the old batch
    release.set()
    qtbot.waitUntil(lambda: window.runner.active == 0, timeout=5000)
    assert {r.channel for r in stale} > {"email"}  # the old batch came back, other channels
    rows = [model.row_at(i) for i in range(model.rowCount())]
    assert {r.channel for r in rows} == {"email"}
    assert len(rows) == model.total == email_total
    assert len({r.attempt_id for r in rows}) == len(rows)
    window.close()


def test_a_batch_that_cannot_be_read_is_shown_and_read_again(
    qtbot, demo_store: Store, now: datetime
) -> None:
    window = _open_history(qtbot, demo_store, now)
    model, view = window.history_model, window.history_view
    assert model.rowCount() == PAGE
    with contextlib.closing(sqlite3.connect(demo_store.path)) as db:
        db.execute("ALTER TABLE attempt RENAME TO attempt_away")  # the database fails
    view.scrollToBottom()
    qtbot.waitUntil(lambda: not model.fetching, timeout=5000)
    assert model.rowCount() == PAGE
    assert "no such table" in window.last_error
    assert "Could not read more of the history" in window.status.text()
    with contextlib.closing(sqlite3.connect(demo_store.path)) as db:
        db.execute("ALTER TABLE attempt_away RENAME TO attempt")
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() - 5 * view.verticalHeader().defaultSectionSize())
    view.scrollToBottom()  # scrolling to the end again tries again
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE and not model.fetching, timeout=5000)
    window.close()


def test_the_agent_picker_fills_off_the_gui_thread(
    qtbot, monkeypatch: pytest.MonkeyPatch, demo_store: Store, now: datetime
) -> None:
    agents = observe(monkeypatch, ReviewService, "agents")
    with sql_threads(demo_store) as statements:
        window = SupervisorWindow(demo_store, fixed_clock(now))
        qtbot.addWidget(window)
        picker = window.agent_box
        # Open, painted, and no query answered yet: the picker offers everyone only.
        assert [picker.itemText(i) for i in range(picker.count())] == ["All agents"]
        assert not picker.isEnabled()
        _idle(qtbot, window)
        window.close()
    assert [picker.itemText(i) for i in range(picker.count())] == [
        "All agents",
        "Alex Chen (demo.colleague)",
        "Jordan Reyes (demo.agent)",
        "Sam Okafor (demo.supervisor)",
    ]
    assert picker.isEnabled() and picker.currentText() == "All agents"
    assert [on_gui for on_gui, _args in agents] == [False]
    assert statements and _gui_statements(statements) == []


def test_a_window_opened_for_one_agent_shows_that_agent_from_the_first_load(
    qtbot, monkeypatch: pytest.MonkeyPatch, demo_store: Store, now: datetime
) -> None:
    jordan = next(
        a
        for a, name, _ in ReviewService(demo_store, fixed_clock(now)).agents()
        if name == "demo.agent"
    )
    counts = observe(monkeypatch, ReviewService, "history_count")
    agent_reports = observe(monkeypatch, ReportService, "agent_report")
    team_reports = observe(monkeypatch, ReportService, "team_report")
    with sql_threads(demo_store) as statements:
        window = SupervisorWindow(demo_store, fixed_clock(now), jordan)
        qtbot.addWidget(window)
        model = window.history_model
        shown: list[set[str]] = []
        model.modelReset.connect(
            lambda: shown.append({model.row_at(i).agent_name for i in range(model.rowCount())})
        )
        assert window.agent_box.count() == 1 and window.agent_id == jordan  # list not in yet
        _idle(qtbot, window)
        assert window.agent_box.currentText() == "Jordan Reyes (demo.agent)"
        assert window.status.text().startswith("Jordan Reyes (demo.agent) · Last 30 days")
        assert shown == [{"Jordan Reyes"}]  # the first history is already Jordan's
        # The list coming in selected Jordan without loading anything again.
        assert [f.agent_id for _gui, (f,) in counts] == [jordan]
        assert [args[1] for _gui, args in agent_reports] == ["demo.agent"]
        assert team_reports == []
        window.period_box.setCurrentIndex(window.period_box.findData("7"))
        _idle(qtbot, window)
        assert [f.agent_id for _gui, (f,) in counts] == [jordan, jordan]
        window.close()
    assert _gui_statements(statements) == []


def test_an_agent_list_that_cannot_be_read_is_read_again_on_refresh(
    qtbot, demo_store: Store, now: datetime
) -> None:
    with contextlib.closing(sqlite3.connect(demo_store.path)) as db:
        db.execute("ALTER TABLE agent RENAME TO agent_away")  # the database fails
    window = SupervisorWindow(demo_store, fixed_clock(now))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.is_loading, timeout=10_000)
    assert "no such table: agent" in window.last_error
    assert window.agent_box.count() == 1 and not window.agent_box.isEnabled()
    with contextlib.closing(sqlite3.connect(demo_store.path)) as db:
        db.execute("ALTER TABLE agent_away RENAME TO agent")
    window.refresh_button.click()
    _idle(qtbot, window)
    assert window.agent_box.count() == 4 and window.agent_box.isEnabled()
    assert window.agent_box.currentText() == "All agents"
    assert window.history_model.total > 0
    window.close()
