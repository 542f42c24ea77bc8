"""Application setup: the crash hook writes the error to the log file whose path the
crash dialog shows."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from leaddesk.ui.app import install_crash_dialog, setup_file_logging


def test_an_unhandled_exception_lands_in_the_log(tmp_path: Path, monkeypatch) -> None:
    root = logging.getLogger()
    level = root.level
    path = setup_file_logging(tmp_path / "logs" / "leaddesk.log")
    handler = root.handlers[-1]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "__excepthook__", lambda *_a: None)
    try:
        install_crash_dialog(path)
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "unhandled exception" in text
        assert "RuntimeError: boom in a slot" in text
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(level)
