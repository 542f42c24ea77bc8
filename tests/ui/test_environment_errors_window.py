"""The environment in the way, as the agent window shows it (offscreen, a real SQLite
file): a dialog that says what happened and what to do, in words, no SQLAlchemy message
or web address; nothing dialed or saved; the window keeps working once the cause goes.

The locked database is another connection holding the write lock. The read-only file,
the full disk and permission denied are SQLite's own answers on the window's
connections: `PRAGMA query_only` (SQLITE_READONLY), `PRAGMA max_page_count` (SQLITE_FULL),
and a database file that can no longer be opened (SQLITE_CANTOPEN: mode 000, or under
root, which ignores modes, its folder moved away). tests/unit/test_environment_errors.py
makes the same problems with the file system for the command line."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import event

from leaddesk.dialer.tel import TelDialer
from leaddesk.services.demo import generate
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from leaddesk.store.engine import Store
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from tests.conftest import NOW
from tests.ui.test_workspace_loop import RecordingOpener

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv("LEADDESK_BUSY_TIMEOUT_MS", "500")
    folder = tmp_path / "data"
    s = open_store(folder / "leaddesk.db")
    generate(s, NOW, leads=20)
    with s.connection() as conn:
        conn.exec_driver_sql("SELECT 1")
    s.engine.dispose()
    vacuum = sqlite3.connect(folder / "leaddesk.db", isolation_level=None)
    vacuum.execute("VACUUM")  # no free pages: the next big write must grow the file
    vacuum.close()
    yield s
    s.close()


@pytest.fixture
def window(qtbot: Any, store: Store, clock: Any) -> Iterator[MainWindow]:
    opener = RecordingOpener()
    ws = Workspace.open(store, None, clock)
    w = MainWindow(Backend(ws), TelDialer(opener), tray=False, copy_text=lambda _t: None)
    w.opener = opener  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.detail is not None and w.runner.active == 0, timeout=15_000)
    yield w
    w.close()


def _on_connect(store: Store, pragma: str) -> Callable[[], None]:
    """Run `pragma` on every new connection of the window's store, from now on."""

    def listener(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(pragma)

    event.listen(store.engine, "connect", listener)
    store.engine.dispose()

    def remove() -> None:
        event.remove(store.engine, "connect", listener)
        store.engine.dispose()

    return remove


def _dial(qtbot: Any, window: MainWindow) -> None:
    window.calllist.table.setFocus()
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.runner.active == 0, timeout=15_000)


def _problem(qtbot: Any, window: MainWindow) -> str:
    qtbot.waitUntil(lambda: window.problem_box is not None and window.problem_box.isVisible())
    box = window.problem_box
    assert box is not None and box.objectName() == "ProblemDialog"
    assert box.icon() == QMessageBox.Icon.Warning
    text = box.text()
    assert "sqlalche.me" not in text and "[SQL:" not in text and "Traceback" not in text
    assert window.last_error == text  # the status bar says it too
    return text


def test_a_locked_database_opens_a_dialog_and_nothing_is_dialed(
    qtbot: Any, window: MainWindow, store: Store
) -> None:
    holder = sqlite3.connect(store.path, isolation_level=None, timeout=0)  # type: ignore[arg-type]
    holder.execute("BEGIN EXCLUSIVE")  # another program writing
    try:
        _dial(qtbot, window)
        text = _problem(qtbot, window)
    finally:
        holder.rollback()
        holder.close()
    assert "in use by another program" in text and "try again" in text
    assert window.opener.uris == []  # type: ignore[attr-defined]
    assert window.pending is None
    # The other program is done: the same key dials.
    window.problem_box.close()  # type: ignore[union-attr]
    _dial(qtbot, window)
    assert window.pending is not None
    assert len(window.opener.uris) == 1  # type: ignore[attr-defined]


def test_a_read_only_database_opens_a_dialog(qtbot: Any, window: MainWindow, store: Store) -> None:
    restore = _on_connect(store, "PRAGMA query_only = ON")
    try:
        _dial(qtbot, window)
        text = _problem(qtbot, window)
    finally:
        restore()
    assert "read-only" in text and "writable" in text and str(store.path) in text
    assert window.opener.uris == []  # type: ignore[attr-defined]


def test_a_full_disk_opens_a_dialog_and_the_call_stays_to_log(
    qtbot: Any, window: MainWindow, store: Store
) -> None:
    _dial(qtbot, window)
    assert window.pending is not None
    pages = sqlite3.connect(store.path).execute("PRAGMA page_count").fetchone()[0]  # type: ignore[arg-type]
    restore = _on_connect(store, f"PRAGMA max_page_count = {pages}")
    try:
        window.outcomes.note.setText("long talk about the contract " * 600)  # needs new pages
        window.calllist.table.setFocus()
        qtbot.keyClick(window.calllist.table, Qt.Key.Key_7)  # no answer
        text = _problem(qtbot, window)
    finally:
        restore()
    assert "is full" in text and "free some space" in text
    assert window.pending is not None  # not logged: the call is still there to log


def test_permission_denied_opens_a_dialog(
    qtbot: Any, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    assert store.path is not None
    folder = store.path.parent
    if os.geteuid() == 0:
        moved = folder.with_name("elsewhere")  # root opens any file; a folder gone stops it
        folder.rename(moved)
    else:
        store.path.chmod(0o000)
    store.engine.dispose()  # the next piece of work opens the file again
    try:
        _dial(qtbot, window)
        text = _problem(qtbot, window)
    finally:
        if os.geteuid() == 0:
            moved.rename(folder)
        else:
            store.path.chmod(0o600)
    assert "permission denied" in text and "access" in text
    assert window.opener.uris == []  # type: ignore[attr-defined]
