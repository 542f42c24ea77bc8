"""What an agent would trip on in a window's layout, read from widget geometry: two
visible controls drawn over each other, text cut off with no way to scroll to it, an
outcome key whose label ends in "…", a window larger than its screen.

Used by the window-fit tests at laptop and desktop sizes, in English and pseudo-locale.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QWidget,
)

# The controls a person reads or clicks; what is inside them is theirs to lay out.
LEAVES = (
    QLabel,
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractScrollArea,
    QProgressBar,
)


def shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def visible_rect(widget: QWidget, root: QWidget) -> QRect:
    """The part of `widget` that can be seen in `root` (clipped by every ancestor)."""
    rect = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        rect = rect.intersected(QRect(parent.mapTo(root, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect.intersected(root.rect())


def _in_scroll_area(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def leaves(root: QWidget) -> list[QWidget]:
    """Visible controls of `root`'s own window (not those inside another control); a
    scroll area of widgets (the lead pane, the openers) is looked into: its controls are
    the ones a person reads."""
    found: list[QWidget] = []

    def walk(widget: QWidget) -> None:
        for child in widget.findChildren(QWidget, options=_direct()):
            if child.isWindow() or not shown(child, root):
                continue
            if isinstance(child, QScrollArea) and child.widget() is not None:
                found.append(child)
                walk(child.widget())
            elif isinstance(child, LEAVES):
                found.append(child)
            else:
                walk(child)

    walk(root)
    return found


def _direct():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = f" {text()!r}" if callable(text) and text() else ""
    return f"{type(widget).__name__}#{widget.objectName()}{label[:40]}"


def overlaps(root: QWidget) -> list[str]:
    """Pairs of visible controls drawn over each other (more than a pixel's border)."""
    # A scroll area and what it holds are one place, not two controls on each other.
    items = [
        (w, visible_rect(w, root))
        for w in leaves(root)
        if not (isinstance(w, QScrollArea) and w.widget() is not None)
    ]
    items = [(w, r) for w, r in items if not r.isEmpty()]
    found = []
    for i, (a, ra) in enumerate(items):
        for b, rb in items[i + 1 :]:
            both = ra.intersected(rb)
            if both.width() > 2 and both.height() > 2:
                found.append(f"{name(a)} {ra.getRect()} overlaps {name(b)} {rb.getRect()}")
    return found


def cut_text(root: QWidget) -> list[str]:
    """Labels and buttons shorter than their text (not inside a scrolling area, where a
    scroll bar reaches the rest), or narrower than drawn (no area here scrolls sideways)."""
    found = []
    for widget in leaves(root):
        if not isinstance(widget, QLabel | QAbstractButton):
            continue
        text = widget.text()
        if not text:
            continue
        seen = visible_rect(widget, root)
        if seen.isEmpty():
            continue  # scrolled out of view: the scroll bar reaches it
        if not _in_scroll_area(widget, root):
            if isinstance(widget, QLabel) and widget.wordWrap():
                needed = widget.heightForWidth(widget.contentsRect().width())
                needed += widget.height() - widget.contentsRect().height()
            else:
                needed = min(widget.minimumSizeHint().height(), widget.sizeHint().height())
            if seen.height() + 1 < needed:
                found.append(f"{name(widget)}: {seen.height()} px shown of {needed}")
        if seen.width() + 1 < widget.width():
            found.append(f"{name(widget)}: {seen.width()} px wide shown of {widget.width()}")
    return found


def scroll_areas_too_small(root: QWidget, lines: int = 2) -> list[str]:
    """Scrolling areas too low to show `lines` lines of text: a note list one line
    high cannot be read."""
    found = []
    for widget in leaves(root):
        if isinstance(widget, QAbstractScrollArea) and not isinstance(
            widget, QScrollArea | QComboBox
        ):
            line = widget.fontMetrics().lineSpacing()
            if widget.viewport().height() < lines * line:
                found.append(f"{name(widget)}: {widget.viewport().height()} px < {lines} lines")
        if isinstance(widget, QScrollArea):
            line = widget.fontMetrics().lineSpacing()
            if widget.viewport().height() < lines * line:
                found.append(f"{name(widget)}: {widget.viewport().height()} px < {lines} lines")
    return found


def elided_keys(root: QWidget) -> list[str]:
    """Outcome keys whose label does not fit (drawn ending in "…")."""
    found = []
    for label in root.findChildren(QLabel, "OutcomeLabel"):
        if shown(label, root) and getattr(label, "is_elided", lambda: False)():
            found.append(f"{label.text()!r}: {label.contentsRect().width()} px")
    return found


def outside(window: QWidget, available: QRect, frame_w: int, frame_h: int) -> list[str]:
    """The window with its frame (as the platform reports it, else the allowance)
    larger than or outside the available area."""
    g, frame = window.geometry(), window.frameGeometry()
    if frame == g:
        frame = QRect(g.x(), g.y(), g.width() + frame_w, g.height() + frame_h)
    if available.contains(frame):
        return []
    return [f"window {frame.getRect()} outside the screen's {available.getRect()}"]
