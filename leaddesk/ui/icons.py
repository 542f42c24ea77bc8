"""SVG icons, tinted to the palette and rendered at paint time: crisp at any scale.

Icons live in leaddesk/resources/icons/ and draw with `currentColor`; `icon(name)` swaps in the
palette's text colour (or the colour given) so the same files serve light and dark.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from leaddesk.paths import resources_dir


@cache
def _svg_text(name: str) -> str:
    return (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


class _SvgEngine(QIconEngine):
    def __init__(self, name: str, color: str | None) -> None:
        super().__init__()
        self._name = name
        self._color = color

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        palette = QGuiApplication.palette()
        color = QColor(self._color) if self._color else palette.windowText().color()
        if mode == QIcon.Mode.Disabled:
            color = palette.color(palette.ColorGroup.Disabled, palette.ColorRole.WindowText)
        elif mode == QIcon.Mode.Selected:
            color = palette.highlightedText().color()
        text = _svg_text(self._name).replace("currentColor", color.name())
        return QSvgRenderer(QByteArray(text.encode("utf-8")))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def scaledPixmap(
        self,
        size: QSize,
        mode: QIcon.Mode,
        state: QIcon.State,
        scale: float,
    ) -> QPixmap:
        pixmap = self.pixmap(
            QSize(round(size.width() * scale), round(size.height() * scale)), mode, state
        )
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._name, self._color)


def icon(name: str, color: str | None = None) -> QIcon:
    """The icon `leaddesk/resources/icons/NAME.svg`, drawn in `color` or the palette's text colour."""
    return QIcon(_SvgEngine(name, color))


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "leaddesk.svg"))
