"""Application setup: a bug in the middle of a shift. The crash hook writes the error to
the log file, the crash dialog says what happened and where that log is, the window
keeps working, and every outcome already logged is on disk."""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from leaddesk.dialer.tel import TelDialer
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.app import install_crash_dialog, setup_file_logging
from leaddesk.ui.backend import Backend

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def crash_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    path = setup_file_logging(tmp_path / "logs" / "leaddesk.log")
    handler = root.handlers[-1]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_crash_dialog(path)
    yield path
    root.removeHandler(handler)
    handler.close()
    root.setLevel(level)


def crash_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        is_box = isinstance(widget, QMessageBox) and widget.objectName() == "CrashDialog"
        if is_box and widget.isVisible():
            return widget  # type: ignore[return-value]
    return None


def test_a_bug_in_a_slot_is_logged_shown_and_loses_no_outcome(
    qtbot, crash_log: Path, demo_workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    window = MainWindow(
        Backend(demo_workspace), TelDialer(lambda u: opened.append(u) or True), tray=False
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.detail is not None and window.runner.active == 0, timeout=15_000)
    # The agent dials and logs the outcome of key 2.
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.last_logged is not None, timeout=10_000)
    logged = window.last_logged

    def buggy_slot() -> None:
        raise RuntimeError("boom in a slot")

    QTimer.singleShot(0, buggy_slot)  # a bug somewhere in the window's code
    qtbot.waitUntil(lambda: crash_box() is not None, timeout=5000)
    box = crash_box()
    assert box is not None
    assert "RuntimeError: boom in a slot" in box.text()
    assert str(crash_log) in box.text()  # where the log is
    assert "saved on disk" in box.text()
    assert "Traceback" in box.detailedText() and "buggy_slot" in box.detailedText()
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = crash_log.read_text(encoding="utf-8")
    assert "unhandled exception" in text and "RuntimeError: boom in a slot" in text

    # The outcome is on disk (read by another connection), the file is sound, and the
    # window goes on: the next dial works.
    with sqlite3.connect(tmp_path / "demo.db") as con:
        row = con.execute("SELECT outcome FROM attempt WHERE id = ?", (logged.attempt_id,))
        assert row.fetchone() == (logged.outcome,)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.detail is not None and window.runner.active == 0, timeout=15_000)
    window.calllist.table.setFocus()
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=10_000)
    window.close()


def test_the_logs_are_owner_only_and_mask_phone_numbers(crash_log: Path) -> None:
    """A log is what gets attached to a bug report, on machines other users share."""
    logging.getLogger("leaddesk.ui.single_instance").info(
        "another start handed over %s", ["tel:+14155550142"]
    )
    logging.getLogger("leaddesk.dialer").warning("dial +1 415 555 0199 failed at 2026-11-26 15:00")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = crash_log.read_text(encoding="utf-8")
    assert "tel:+…42" in text and "4155550142" not in text
    assert "+…99 failed at 2026-11-26 15:00" in text
    assert crash_log.parent.stat().st_mode & 0o777 == 0o700
    assert crash_log.stat().st_mode & 0o777 == 0o600
    assert (crash_log.parent / "crash.log").stat().st_mode & 0o777 == 0o600
