"""The pseudo-locale (strings ~40 % longer, accented, in brackets): the catalogue loads,
translated windows show it, and no label or button is cut at that length. A screenshot
of each is written beside the test's temporary files for a person to look at."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from leaddesk.paths import resources_dir
from leaddesk.settings import Settings
from leaddesk.ui.settings_dialog import SettingsDialog
from leaddesk.ui.translations import load_translation

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


@pytest.fixture
def pseudo_locale(qapp: QApplication) -> Iterator[QTranslator]:
    translator = load_translation(qapp, "pseudo")
    assert translator is not None, "resources/i18n/leaddesk_pseudo.qm is missing"
    yield translator
    qapp.removeTranslator(translator)


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


def test_the_outcome_bar_is_not_cut_under_the_pseudo_locale(
    qtbot, tmp_path: Path, demo_workspace, pseudo_locale: QTranslator
) -> None:
    from leaddesk.dialer.tel import TelDialer
    from leaddesk.ui.backend import Backend
    from leaddesk.ui.main_window import MainWindow

    window = MainWindow(Backend(demo_workspace), TelDialer(lambda _uri: True), tray=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.detail is not None and window.runner.active == 0, timeout=15_000)
    window.grab().save(str(tmp_path / "window_pseudo.png"))
    # The outcome bar's strings are not marked for translation yet (they stay English in
    # the pseudo-locale); this guards them at their current length until they are.
    assert _cut(window.outcomes) == []
    window.close()
