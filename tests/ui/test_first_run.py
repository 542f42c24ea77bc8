"""The first run: the agent's own database is empty and the window says how to start
(import a lead file, open the demo, connect to a team server); a demo window says it
is one, in its title and its status bar."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaddesk.domain.clock import fixed_clock
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _window(qtbot, workspace, demo: bool = False):  # type: ignore[no-untyped-def]
    from leaddesk.dialer.tel import TelDialer
    from leaddesk.ui.agent.window import MainWindow
    from leaddesk.ui.backend import Backend

    window = MainWindow(Backend(workspace), TelDialer(lambda _uri: True), tray=False, demo=demo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.runner.active == 0 and window._started, timeout=10_000)
    return window


def test_an_empty_database_shows_three_ways_in(qtbot, tmp_path: Path, now, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QDialog

    store = open_store(tmp_path / "own.db")
    window = _window(qtbot, Workspace.open(store, None, fixed_clock(now)))
    calllist = window.calllist
    assert calllist.stack.currentWidget() is calllist.welcome
    assert "No leads to work yet" in calllist.empty.text()
    buttons = (calllist.welcome_import, calllist.welcome_demo, calllist.welcome_server)
    assert all(b.isVisible() and b.isEnabled() for b in buttons)
    assert "DEMO" not in window.windowTitle() and not window.demo_label.isVisible()

    calllist.welcome_import.click()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "ImportDialog") is not None, timeout=3_000)
    window.findChild(QDialog, "ImportDialog").close()

    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(  # the second window itself is not started in a test
        QProcess,
        "startDetached",
        lambda program, args: (started.append((program, args)) or True, 0),
    )
    calllist.welcome_demo.click()
    assert started and started[0][1][-1] == "--demo"
    assert "Opening the demo" in window.statusBar().currentMessage()
    window.close()
    store.close()


def test_a_search_with_no_match_is_not_the_welcome(qtbot, demo_workspace) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_workspace)
    window.calllist.search.setText("zzzz no such lead")
    qtbot.waitUntil(lambda: "No lead matches" in window.calllist.empty.text(), timeout=5_000)
    assert not window.calllist.welcome_import.isVisible()
    window.close()


def test_a_demo_window_says_so(qtbot, demo_workspace) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_workspace, demo=True)
    assert window.windowTitle().endswith("DEMO")
    assert window.demo_label.isVisible()
    assert "not yours" in window.demo_label.text()
    assert not window.calllist.welcome_demo.isEnabled()  # already the demo
    window.close()
