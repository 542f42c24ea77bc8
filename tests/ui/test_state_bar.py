"""The agent's state bar (#19) in a real window on a demo database: ready on opening, a
pause with a reason silences the tray's call reminders, a dial is on a call, the outcome
makes the agent ready again; every change is stored for the report."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from sqlalchemy import select

from leaddesk.dialer.tel import TelDialer
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import AgentStateChange
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


class Clock:
    def __init__(self, ws: Workspace) -> None:
        self.now = ws.clock()

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.now


@pytest.fixture
def window(qtbot, demo_workspace: Workspace) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    clock = Clock(demo_workspace)
    w = MainWindow(
        Backend(replace(demo_workspace, clock=clock)),
        TelDialer(lambda _uri: True),
        tray=False,
        copy_text=lambda _t: None,
    )
    w.test_clock = clock  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.detail is not None and w.runner.active == 0, timeout=15_000)
    yield w
    w.close()


def stored(ws: Workspace) -> list[tuple[str, str]]:
    """The states recorded since the window opened (the demo's shifts come before)."""
    with ws.store.session() as session:
        rows = session.scalars(
            select(AgentStateChange)
            .where(
                AgentStateChange.agent_id == ws.agent.id,
                AgentStateChange.started_at >= ws.clock(),
            )
            .order_by(AgentStateChange.started_at)
        )
        return [(r.state, r.reason) for r in rows]


def advance(window: MainWindow, seconds: int) -> None:
    window.test_clock.now += timedelta(seconds=seconds)  # type: ignore[attr-defined]


def test_states_follow_the_work_and_a_pause_silences_reminders(
    qtbot, window: MainWindow, demo_workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    bar = window.state_bar
    assert bar.label.text().startswith("Ready")
    assert stored(demo_workspace) == [("ready", "")]

    advance(window, 60)
    pause = bar.pause_menu.findChild(QAction, "Pause_training")
    assert pause is not None
    assert [a.text() for a in bar.pause_menu.actions()] == ["Break", "Training", "Meeting"]
    pause.trigger()
    assert bar.label.text().startswith("Paused: training")
    # While paused, more leads arriving do not ring the tray.
    window.tray.last_notice = None
    window.tray.counts_changed({"new": 1, "callback": 0})
    window.tray.counts_changed({"new": 5, "callback": 2})
    assert window.tray.last_notice is None
    # An outcome logged for a written task does not end the pause: only the agent does.
    advance(window, 120)
    qtbot.mouseClick(bar.ready_button, Qt.MouseButton.LeftButton)
    assert bar.label.text().startswith("Ready") and not window.tray.paused
    window.tray.counts_changed({"new": 7, "callback": 2})
    assert window.tray.last_notice is not None  # reminders are back

    advance(window, 30)
    assert window.detail is not None and window.detail.callable
    window.calllist.table.setFocus()
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Return)  # dial (tel:)
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
    assert bar.label.text().startswith("On a call")
    advance(window, 90)
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_7)  # no answer
    qtbot.waitUntil(lambda: window.pending is None, timeout=10_000)
    qtbot.waitUntil(lambda: bar.label.text().startswith("Ready"))
    qtbot.waitUntil(lambda: window.runner.active == 0)
    assert stored(demo_workspace) == [
        ("ready", ""),
        ("paused", "training"),
        ("ready", ""),
        ("on_call", ""),
        ("ready", ""),
    ]
