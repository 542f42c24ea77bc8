"""The pseudo-locale (strings ~40 % longer, accented, in brackets): the catalogue loads,
the settings dialog shows it, and no label or button is cut at that length. The agent
and supervisor windows are checked in test_pseudo_windows.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from leaddesk.paths import resources_dir
from leaddesk.settings import Settings
from leaddesk.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ROOT = Path(__file__).resolve().parents[2]


def test_pseudo_text_is_longer_bracketed_and_keeps_placeholders() -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from i18n import pseudo  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    assert pseudo("Save").startswith("[Såvé")
    assert len(pseudo("Voicemail left")) >= 1.4 * len("Voicemail left")
    assert "%1" in pseudo("Call %1 now") and "{name}" in pseudo("Hi {name}")
    assert "<b>" in pseudo("<b>Bold</b>") and "&" in pseudo("&File")


def test_the_committed_catalogue_compiles(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    qm = tmp_path / "pseudo.qm"
    done = subprocess.run(
        [str(lrelease), str(resources_dir() / "i18n" / "leaddesk_pseudo.ts"), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert qm.stat().st_size > 100


def _cut(root: QWidget) -> list[str]:
    """Visible labels and buttons narrower than their text needs."""
    cut = []
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if not widget.isVisible() or not widget.text():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        if widget.sizeHint().width() > widget.width():
            cut.append(f"{widget.text()!r}: {widget.width()} < {widget.sizeHint().width()}")
    return cut


def test_the_settings_dialog_under_the_pseudo_locale(
    qtbot, tmp_path: Path, pseudo_locale: QTranslator
) -> None:
    assert QCoreApplication.translate("Settings", "Dialer").startswith("[")
    dialog = SettingsDialog(Settings.load(tmp_path / "settings.json"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "settings_pseudo.png"))
    assert dialog.windowTitle().startswith("[")
    labels = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    assert labels and all(text.startswith("[") for text in labels)
    assert dialog.fields["dialer"].toolTip().startswith("[")
    assert _cut(dialog) == []


def test_pseudo_grows_the_words_not_the_markup() -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from i18n import english_forms, pseudo
    finally:
        sys.path.pop(0)
    styled = pseudo('<span style="color:{color}; font-weight:600">Ready</span>')
    assert styled.startswith('[<span style="color:{color}; font-weight:600">Réådý')
    assert len(styled) < len('<span style="color:{color}; font-weight:600">Ready</span>') + 6
    assert english_forms("%n attempt(s) made") == ("%n attempt made", "%n attempts made")


def test_english_plurals_and_the_pseudo_catalogue_in_the_window(
    qapp: QApplication, pseudo_locale: QTranslator
) -> None:
    from PySide6.QtCore import QCoreApplication as App

    assert App.translate("Tray", "%n new lead(s)", "", 3) == "[3 ñéw léåds·~]"
    qapp.removeTranslator(pseudo_locale)
    try:
        assert App.translate("Tray", "%n new lead(s)", "", 1) == "1 new lead"
        assert App.translate("Tray", "%n new lead(s)", "", 3) == "3 new leads"
    finally:
        qapp.installTranslator(pseudo_locale)
