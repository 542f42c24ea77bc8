"""The look: a restrained stylesheet over the Fusion style and the system palette.

Colours come from the palette (so light and dark both work) except for a few accents
that carry meaning: section colours, callable/blocked, and the dial button.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP

# The call list's sections; shown through `vocabulary.section_name` (translated).
SECTION_LABELS = {
    "callback": QT_TRANSLATE_NOOP("Section", "Callback"),
    "new": QT_TRANSLATE_NOOP("Section", "New"),
    "follow_up": QT_TRANSLATE_NOOP("Section", "Follow-up"),
    "later": QT_TRANSLATE_NOOP("Section", "Later"),
    "blocked": QT_TRANSLATE_NOOP("Section", "Blocked"),
}
SECTION_COLORS = {
    "callback": "#9333ea",
    "new": "#16a34a",
    "follow_up": "#2563eb",
    "later": "#64748b",
    "blocked": "#dc2626",
}
ACCENT = "#2563eb"
OK = "#16a34a"
WARN = "#d97706"
BAD = "#dc2626"


def is_dark(palette: QPalette) -> bool:
    return palette.window().color().lightness() < 128


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """`a` moved a fraction `t` toward `b`."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def tint(color: str, palette: QPalette, amount: float = 0.14) -> QColor:
    """A soft background for a badge of `color` on this palette."""
    return mix(palette.base().color(), QColor(color), amount)


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#1e2126"), QColor("#16181c"), QColor("#e6e8eb")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#1b1e22"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#2a2e35"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.Highlight: QColor("#2f5fd0"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.ToolTipBase: QColor("#2a2e35"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#8a9099"),
        QPalette.ColorRole.Mid: QColor("#3a3f47"),
        QPalette.ColorRole.Midlight: QColor("#30343b"),
        QPalette.ColorRole.Dark: QColor("#111316"),
        QPalette.ColorRole.Link: QColor("#7aa2ff"),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    disabled = QColor("#6b717a")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def light_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: QColor("#f4f5f7"),
        QPalette.ColorRole.WindowText: QColor("#1f2328"),
        QPalette.ColorRole.Base: QColor("#ffffff"),
        QPalette.ColorRole.AlternateBase: QColor("#f8f9fb"),
        QPalette.ColorRole.Text: QColor("#1f2328"),
        QPalette.ColorRole.Button: QColor("#ffffff"),
        QPalette.ColorRole.ButtonText: QColor("#1f2328"),
        QPalette.ColorRole.Highlight: QColor("#dbe6fd"),
        QPalette.ColorRole.HighlightedText: QColor("#0f1e40"),
        QPalette.ColorRole.PlaceholderText: QColor("#8b929b"),
        QPalette.ColorRole.Mid: QColor("#d5d9df"),
        QPalette.ColorRole.Midlight: QColor("#e7eaee"),
        QPalette.ColorRole.Link: QColor(ACCENT),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    return p


_ARROW_FOLDERS: dict[str, str] = {}


def _arrows(color: str) -> str:
    """A folder with up.svg and down.svg arrows in `color` (a style sheet can only point
    at files): the spin boxes' arrows, which a styled border would otherwise drop.

    The folder is this process's own (`mkdtemp`: a new name, readable by its owner only,
    removed at exit), never a fixed name in the shared temporary folder, where another
    user could have put a folder of their own first, with links to the agent's files
    for LeadDesk to write over."""
    if color in _ARROW_FOLDERS:
        return _ARROW_FOLDERS[color]
    import atexit
    import shutil
    import tempfile
    from pathlib import Path

    shapes = {"up": "M1 6 L5 2 L9 6", "down": "M1 2 L5 6 L9 2"}
    try:
        folder = Path(tempfile.mkdtemp(prefix=f"leaddesk-arrows-{color.lstrip('#')}-"))
    except OSError:
        return ""  # no arrows drawn; the field still takes typing and the wheel
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    try:
        for name, path in shapes.items():
            (folder / f"{name}.svg").write_text(
                '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="8">'
                f'<path d="{path}" fill="none" stroke="{color}" stroke-width="1.6"/></svg>',
                encoding="utf-8",
            )
    except OSError:
        return ""
    _ARROW_FOLDERS[color] = folder.as_posix()
    return _ARROW_FOLDERS[color]


def stylesheet(palette: QPalette) -> str:
    dark = is_dark(palette)
    border = palette.mid().color().name()
    panel = palette.base().color().name()
    muted = mix(palette.text().color(), palette.base().color(), 0.45).name()
    accent_soft = tint(ACCENT, palette, 0.18 if dark else 0.10).name()
    arrows = _arrows(muted)
    return f"""
QMainWindow, QDialog {{ background: palette(window); }}
QFrame#Panel, QFrame#LeadCard, QFrame#OutcomeBar, QFrame#ShiftBar {{
    background: {panel}; border: 1px solid {border}; border-radius: 8px;
}}
QLabel#Muted, QLabel[muted="true"] {{ color: {muted}; }}
QLabel#SectionTitle {{ font-weight: 600; color: {muted}; letter-spacing: 0.5px; }}
QLabel#LeadName {{ font-size: 19pt; font-weight: 600; }}
QLabel#StatLabel {{ color: {muted}; }}
QLabel#KeyHint {{
    color: {muted}; border: 1px solid {border}; border-radius: 4px; padding: 0px 4px;
    font-size: 8pt;
}}
QLineEdit, QPlainTextEdit, QComboBox {{
    border: 1px solid {border}; border-radius: 6px; padding: 4px 6px; background: {panel};
}}
QAbstractSpinBox {{
    border: 1px solid {border}; border-radius: 6px; padding: 3px 6px; background: {panel};
}}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    subcontrol-origin: border; width: 16px; border: none; background: transparent;
}}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QDateTimeEdit::drop-down {{
    subcontrol-origin: border; subcontrol-position: center right; width: 18px; border: none;
}}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QAbstractSpinBox::up-arrow {{ image: url({arrows}/up.svg); width: 10px; height: 8px; }}
QAbstractSpinBox::down-arrow {{ image: url({arrows}/down.svg); width: 10px; height: 8px; }}
QLineEdit:focus, QPlainTextEdit:focus, QAbstractSpinBox:focus {{
    border: 1px solid {ACCENT};
}}
QPushButton {{
    border: 1px solid {border}; border-radius: 6px; padding: 5px 10px; background: palette(button);
}}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus {{ border: 1px solid {ACCENT}; background: {accent_soft}; }}
QPushButton:disabled {{ color: palette(placeholder-text); }}
QPushButton#DialButton {{
    background: {OK}; color: white; border: none; font-weight: 600; font-size: 11pt;
    padding: 8px 18px;
}}
QPushButton#DialButton:disabled {{ background: {border}; color: {muted}; }}
QPushButton#DialButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton[outcome="true"] {{ text-align: left; padding: 5px 8px; }}
QTableView {{
    background: {panel}; border: 1px solid {border}; border-radius: 8px;
    gridline-color: transparent; selection-background-color: palette(highlight);
    selection-color: palette(highlighted-text);
}}
QHeaderView::section {{
    background: {panel}; border: none; border-bottom: 1px solid {border};
    padding: 6px 8px; color: {muted}; font-weight: 600;
}}
QTabWidget::pane {{ border: 1px solid {border}; border-radius: 8px; background: {panel};
    top: -1px; }}
QTabBar::tab {{ padding: 6px 14px; border: none; color: {muted}; }}
QTabBar::tab:selected {{ color: palette(window-text); border-bottom: 2px solid {ACCENT}; }}
QStatusBar {{ color: {muted}; }}
QToolTip {{ padding: 4px; }}
"""
