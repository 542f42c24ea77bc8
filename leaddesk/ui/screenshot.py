"""Render the agent window offscreen to a PNG, once its data is in."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from leaddesk.ui.agent.window import MainWindow


def wait_loaded(app: QApplication, window: MainWindow, timeout_s: float = 20.0) -> bool:
    """Process events until the call list, the lead card and every task are done."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents()
        if (
            window.runner.active == 0
            and not window.model.loading
            and (window.detail is not None or window.model.rowCount() == 0)
        ):
            for _ in range(5):
                app.processEvents()
            return True
        time.sleep(0.01)
    return False


def render(app: QApplication, window: MainWindow, path: Path) -> bool:
    window.show()
    ok = wait_loaded(app, window)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path), "PNG"):
        return False
    window.close()
    return ok
