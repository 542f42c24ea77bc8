"""`leaddesk [--demo] [--screenshot FILE.png]` as a user runs it (a real process)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from leaddesk.store import open_store
from leaddesk.store.models import Lead


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        HOME=str(tmp_path / "home"),
    )
    env.pop("LEADDESK_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "leaddesk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_demo_screenshot(tmp_path: Path) -> None:
    shot = tmp_path / "workspace.png"
    done = _run(tmp_path, "--demo", "--now", "2026-11-26T19:30:00Z", "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert image.width() >= 1200 and image.height() >= 700
    demo = tmp_path / "data" / "LeadDesk" / "demo.db"
    assert demo.exists()
    assert (tmp_path / "data" / "LeadDesk" / "logs" / "leaddesk.log").exists()
    store = open_store(demo)
    try:
        with store.session() as session:
            assert session.query(Lead).count() == 300
    finally:
        store.close()


@pytest.mark.parametrize("demo", [(), ("--demo",)], ids=["plain", "with --demo"])
def test_a_missing_database_is_created_empty_and_demo_data_stays_in_the_demo(
    tmp_path: Path, demo: tuple[str, ...]
) -> None:
    """A database named with --db is the agent's: never filled with demo leads, --demo
    or not (as for every command)."""
    db = tmp_path / "fresh" / "leaddesk.db"
    shot = tmp_path / "x.png"
    done = _run(tmp_path, *demo, "--db", str(db), "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    assert shot.exists() and db.exists()
    store = open_store(db)
    try:
        with store.session() as session:
            assert session.query(Lead).count() == 0  # the agent's own database: no demo
    finally:
        store.close()


@pytest.mark.parametrize("name", ["shot.jpg", "shot"])
def test_screenshot_needs_a_png_name(tmp_path: Path, name: str) -> None:
    done = _run(tmp_path, "--db", str(tmp_path / "x.db"), "--screenshot", str(tmp_path / name))
    assert done.returncode == 1
    assert "must end in .png" in done.stderr
    assert not (tmp_path / "x.db").exists()


def test_demo_before_a_command_works_on_the_demo_database(tmp_path: Path) -> None:
    # `leaddesk --demo queue`: the demo's call list (filled if missing), never the
    # agent's own database.
    done = _run(tmp_path, "--demo", "queue", "--limit", "3", "--json")
    assert done.returncode == 0, done.stderr
    leads = json.loads(done.stdout)["leads"]
    assert len(leads) == 3
    assert (tmp_path / "data" / "LeadDesk" / "demo.db").exists()
    assert not (tmp_path / "data" / "LeadDesk" / "leaddesk.db").exists()


def test_a_database_that_cannot_open_is_said_in_a_dialog_and_one_line(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """Started from the desktop there is no console: the line is shown in a dialog too."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from leaddesk.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    bad = tmp_path / "leads.db"
    bad.write_text("a spreadsheet saved under the wrong name\n" * 50, encoding="utf-8")
    before = bad.read_bytes()
    root = logging.getLogger()
    handlers, levels, level = list(root.handlers), [h.level for h in root.handlers], root.level
    try:
        assert main(["--db", str(bad)]) == 1
    finally:  # the command's log file and levels are this process's: put them back
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        for handler, old_level in zip(handlers, levels, strict=True):
            handler.setLevel(old_level)
        root.setLevel(level)

    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not a LeadDesk database" in err[0]
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "StartupProblem"
    ]
    assert boxes, "a dialog says it"
    assert "is not a LeadDesk database" in boxes[-1].text()
    assert "Traceback" not in boxes[-1].text()
    assert bad.read_bytes() == before  # left untouched
    for box in boxes:
        box.deleteLater()
