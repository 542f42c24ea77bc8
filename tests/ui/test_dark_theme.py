"""The dark theme everywhere: the supervisor's charts are dark (not white boxes in a dark
window), and the duration and date fields keep a visible border."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from leaddesk.ui import style

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    palette, sheet = qapp.palette(), qapp.styleSheet()
    qapp.setPalette(style.dark_palette())
    qapp.setStyleSheet(style.stylesheet(style.dark_palette()))
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


def _lightness(image: QImage) -> float:
    """The mean lightness (0 black, 1 white) over a grid of points."""
    values = [
        QColor(image.pixel(x, y)).lightnessF()
        for x in range(2, image.width() - 2, max(1, image.width() // 40))
        for y in range(2, image.height() - 2, max(1, image.height() // 40))
    ]
    return sum(values) / len(values)


def _has_border(widget: QWidget) -> bool:
    """The field's edge stands out from its inside (a border is drawn)."""
    image = widget.grab().toImage()
    inside = QColor(image.pixel(image.width() // 3, image.height() // 2))
    edges = [
        QColor(image.pixel(image.width() // 3, y))
        for y in (0, 1, image.height() - 1, image.height() - 2)
    ]
    return any(abs(e.lightnessF() - inside.lightnessF()) > 0.08 for e in edges)


def test_the_supervisor_charts_are_dark(qtbot, demo_store, now, dark: None) -> None:  # type: ignore[no-untyped-def]
    from leaddesk.domain.clock import fixed_clock
    from leaddesk.ui.supervisor import SupervisorWindow

    window = SupervisorWindow(demo_store, fixed_clock(now))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.data is not None and not window.is_loading, timeout=10_000)
    qtbot.wait(50)
    views = [v for v in window.chart_views.values() if v.isVisible()]
    assert views
    for view in views:
        assert _lightness(view.grab().toImage()) < 0.35, view.objectName()
        chart = view.chart()
        assert chart.titleBrush().color().lightnessF() > 0.6  # light text on dark
    window.close()


def test_duration_and_date_fields_keep_their_border(qtbot, demo_workspace, dark: None) -> None:  # type: ignore[no-untyped-def]
    from leaddesk.dialer.tel import TelDialer
    from leaddesk.ui.agent.window import MainWindow
    from leaddesk.ui.backend import Backend

    window = MainWindow(Backend(demo_workspace), TelDialer(lambda _uri: True), tray=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.detail is not None and window.runner.active == 0, timeout=15_000)
    window.dial()
    qtbot.waitUntil(lambda: window.pending is not None, timeout=5_000)
    qtbot.wait(50)
    assert _lightness(window.outcomes.grab().toImage()) < 0.4
    assert _has_border(window.outcomes.duration)
    assert _has_border(window.picker.edit)
    window.close()
