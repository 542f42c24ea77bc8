"""Both windows at the sizes agents' screens have (a 1280x720 and a 1366x768 laptop, a
1920x1080 monitor, each less a 40-pixel task bar), with History on and off, in English
and in the pseudo-locale (40 % longer words): the window fits its screen, no two controls
are drawn over each other, no text is cut off without a scroll bar, the rapport notes and
the voicemail script show at least two lines, and no outcome key's label ends in "…".

Screenshots of each case are saved under the test's folder (and into
$LEADDESK_SCREENSHOT_DIR when set) for a person to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication

from leaddesk.ui import screen_fit
from tests.ui.layout_checks import (
    cut_text,
    elided_keys,
    outside,
    overlaps,
    scroll_areas_too_small,
)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TASKBAR = 40
SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
FRAME = screen_fit.FRAME_ALLOWANCE


@pytest.fixture(params=["en", "pseudo"])
def locale(request, qapp: QApplication):  # type: ignore[no-untyped-def]
    if request.param == "pseudo":
        request.getfixturevalue("pseudo_locale")
    from leaddesk.ui import style

    palette, sheet = qapp.palette(), qapp.styleSheet()
    light = style.light_palette()
    qapp.setPalette(light)
    qapp.setStyleSheet(style.stylesheet(light))
    yield request.param
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


def _save(widget, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    assert widget.grab().save(str(tmp_path / name), "PNG")
    folder = os.environ.get("LEADDESK_SCREENSHOT_DIR")
    if folder:
        widget.grab().save(str(Path(folder) / name), "PNG")


def _problems(window, available: QRect) -> list[str]:  # type: ignore[no-untyped-def]
    return (
        outside(window, available, *screen_fit.frame_allowance(window).toTuple())
        + overlaps(window)
        + cut_text(window)
        + scroll_areas_too_small(window)
        + elided_keys(window)
    )


@pytest.mark.parametrize("history", [True, False], ids=["history", "no-history"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_agent_window_fits_the_screen(
    qtbot, tmp_path: Path, demo_workspace, locale: str, size: tuple[int, int], history: bool
) -> None:
    from leaddesk.dialer.tel import TelDialer
    from leaddesk.ui.agent.window import MainWindow
    from leaddesk.ui.backend import Backend

    available = QRect(0, 0, size[0], size[1] - TASKBAR)
    window = MainWindow(Backend(demo_workspace), TelDialer(lambda _uri: True), tray=False)
    qtbot.addWidget(window)
    window.show_history(history)
    window.fit_to(available)
    window.show()
    qtbot.waitUntil(
        lambda: (
            window.detail is not None
            and window.script.script is not None
            and window.runner.active == 0
        ),
        timeout=15_000,
    )
    window.fit_to(available)
    qtbot.wait(50)
    _save(
        window,
        tmp_path,
        f"agent_{size[0]}x{size[1]}_{locale}_{'history' if history else 'plain'}.png",
    )
    assert window.history_box.isVisible() == history
    assert _problems(window, available) == []

    # During a call (the state line grows, the callback picker shows): the same.
    window.dial()
    qtbot.waitUntil(lambda: window.pending is not None, timeout=5_000)
    qtbot.wait(50)
    assert _problems(window, available) == []
    window.close()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_supervisor_window_fits_the_screen(
    qtbot, tmp_path: Path, demo_store, now, locale: str, size: tuple[int, int]
) -> None:
    from leaddesk.domain.clock import fixed_clock
    from leaddesk.ui.supervisor import SupervisorWindow

    available = QRect(0, 0, size[0], size[1] - TASKBAR)
    window = SupervisorWindow(demo_store, fixed_clock(now))
    qtbot.addWidget(window)
    window.fit_to(available)
    window.show()
    qtbot.waitUntil(lambda: window.data is not None and not window.is_loading, timeout=10_000)
    qtbot.wait(50)
    problems = []
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        qtbot.wait(20)
        _save(window, tmp_path, f"supervisor_{size[0]}x{size[1]}_{locale}_{tab}.png")
        problems += [f"tab {tab}: {p}" for p in _problems(window, available)]
    assert problems == []
    window.close()


def test_a_geometry_is_remembered_per_screen_and_kept_inside_it(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    screen_fit.place(widget, QSize(5000, 5000), QRect(0, 0, 1366, 728))
    assert widget.width() <= 1366 - FRAME.width() and widget.height() <= 728 - FRAME.height()
    widget.resize(700, 500)
    saved = screen_fit.remember(widget, "")
    key = screen_fit.screen_key(widget.screen())
    assert set(screen_fit.saved_geometries(saved)) == {key}
    # A geometry from another screen is kept, not replayed here.
    other = saved.replace(key, "HDMI-1:2560x1440")
    other_widget = QWidget()
    qtbot.addWidget(other_widget)
    assert not screen_fit.restore(other_widget, other, QSize(640, 480))
    both = screen_fit.remember(widget, other)
    assert set(screen_fit.saved_geometries(both)) == {key, "HDMI-1:2560x1440"}
    assert screen_fit.restore(other_widget, both, QSize(640, 480))
    assert other_widget.size() == QSize(700, 500)


@pytest.mark.parametrize("close_key", ["Esc", "Ctrl+W"])
def test_the_supervisor_window_is_worked_from_the_keyboard(
    qtbot, demo_store, now, close_key: str
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    from leaddesk.domain.clock import fixed_clock
    from leaddesk.ui.supervisor import SupervisorWindow

    window = SupervisorWindow(demo_store, fixed_clock(now))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.data is not None and not window.is_loading, timeout=10_000)
    start = window.tabs.currentIndex()
    focus = window.focusWidget() or window
    QTest.keyClick(focus, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == (start + 1) % window.tabs.count()
    QTest.keyClick(
        window.focusWidget() or window,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.tabs.currentIndex() == start
    sequence = QKeySequence(close_key)[0]
    QTest.keyClick(window.focusWidget() or window, sequence.key(), sequence.keyboardModifiers())
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2_000)
