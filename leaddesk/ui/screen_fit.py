"""Windows sized from the screen they open on, never larger, and remembered per screen.

A window asks for its preferred size; it gets that much of the screen's available
geometry (the screen less the task bar and docks) and no more, less the title bar and
frame the window manager adds. A geometry saved on another screen (the office monitor)
is not replayed on a laptop: each screen has its own, and one that no longer fits its
screen is moved and shrunk into it.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# Title bar and frame the window manager adds around the window's own area, until the
# window is shown and the real ones are known.
FRAME_ALLOWANCE = QSize(8, 34)


def screen_key(screen: QScreen | None) -> str:
    """The key a geometry is remembered under: the screen's name and size."""
    if screen is None:
        return "default"
    size = screen.size()
    return f"{screen.name() or 'screen'}:{size.width()}x{size.height()}"


def available_rect(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def frame_allowance(window: QWidget) -> QSize:
    """What the frame adds around the window (known once it was shown)."""
    if window.isVisible():
        frame, inner = window.frameGeometry(), window.geometry()
        extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
        if extra.width() > 0 or extra.height() > 0:
            return extra
    return FRAME_ALLOWANCE


def fit_size(preferred: QSize, available: QRect, frame: QSize = FRAME_ALLOWANCE) -> QSize:
    """The preferred size bounded by the available area less the frame."""
    return QSize(
        max(1, min(preferred.width(), available.width() - frame.width())),
        max(1, min(preferred.height(), available.height() - frame.height())),
    )


def place(window: QWidget, preferred: QSize, available: QRect | None = None) -> None:
    """Size the window to `preferred` within `available` (default: its screen's
    available geometry) and centre it there."""
    area = available if available is not None else available_rect(window)
    frame = frame_allowance(window)
    size = fit_size(preferred, area, frame)
    window.resize(size)
    top_left = area.center() - QPoint(
        (size.width() + frame.width()) // 2, (size.height() + frame.height()) // 2
    )
    window.move(max(area.left(), top_left.x()), max(area.top(), top_left.y()))


def clamp(window: QWidget, available: QRect | None = None) -> None:
    """Shrink and move the window back inside the available area if it is not."""
    area = available if available is not None else available_rect(window)
    frame = frame_allowance(window)
    size = fit_size(window.size(), area, frame)
    if size != window.size():
        window.resize(size)
    geometry = window.frameGeometry()
    x = min(max(geometry.left(), area.left()), area.right() + 1 - geometry.width())
    y = min(max(geometry.top(), area.top()), area.bottom() + 1 - geometry.height())
    if (x, y) != (geometry.left(), geometry.top()):
        window.move(max(x, area.left()), max(y, area.top()))


def saved_geometries(text: str) -> dict[str, str]:
    """The remembered geometries by screen (one plain base64 value, as earlier versions
    saved it, counts for every screen)."""
    text = (text or "").strip()
    if not text:
        return {}
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}
    return {"*": text}


def restore(window: QWidget, text: str, preferred: QSize) -> bool:
    """Restore the geometry remembered for the window's screen, kept inside it; else
    place it at its preferred size. True when a remembered one was used."""
    geometries = saved_geometries(text)
    saved = geometries.get(screen_key(window.screen())) or geometries.get("*")
    if saved and window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
        clamp(window)
        return True
    place(window, preferred)
    return False


def remember(window: QWidget, text: str) -> str:
    """`text` (the setting's value) with this screen's geometry updated."""
    geometries = {k: v for k, v in saved_geometries(text).items() if k != "*"}
    geometries[screen_key(window.screen())] = bytes(window.saveGeometry().toBase64().data()).decode(
        "ascii"
    )
    return json.dumps(geometries, sort_keys=True)
