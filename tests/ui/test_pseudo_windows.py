"""The agent window and the supervisor window under the pseudo-locale: every visible
label, button, action, menu, tab, column header, placeholder and chart title is
translated (pseudo text is bracketed), and nothing is cut at the ~40 % longer length.

Only data may stay plain, and the exclusion is by value, not by widget: the lead's own
fields and the service-built texts on screen (read from the window's `detail`, script,
rapport and coaching data), agent names, the product name, numbers, clock times, phone
numbers, time-zone abbreviations and the C-locale day and month names that `strftime`
writes (see packaging/i18n.py for what stays English and why).

A screenshot of each window is saved beside the test's files; with
`LEADDESK_SCREENSHOT_DIR=resources/screenshots` they refresh the committed ones
(pseudo_workspace.png, pseudo_supervisor.png) for a person to look at.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from leaddesk.domain.clock import fixed_clock
from leaddesk.store import Store

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

PRODUCT = "LeadDesk"
TAGS = re.compile(r"<[^>]+>|&[a-zA-Z]+;")
PSEUDO = re.compile(r"\[[^\[\]]*\]")  # one bracketed (pseudo) text, innermost first
DAYS_MONTHS = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"
)


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The app's own palette and stylesheet (as `app.apply_palette` sets them): the
    sizes the agent sees (the 19 pt lead name, the padded Dial button) are the ones to
    check for cut text."""
    from leaddesk.ui import style

    palette, sheet = qapp.palette(), qapp.styleSheet()
    light = style.light_palette()
    qapp.setPalette(light)
    qapp.setStyleSheet(style.stylesheet(light))
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


def plain_words(text: str, data: Iterable[str]) -> str:
    """What is left of `text` once markup, pseudo-localized parts and data are taken
    out; letters left over are an English string that was not translated."""
    text = TAGS.sub(" ", text)
    while PSEUDO.search(text):
        text = PSEUDO.sub(" ", text)
    for value in sorted((d for d in data if d), key=len, reverse=True):
        text = text.replace(value, " ")
    text = DAYS_MONTHS.sub(" ", text.replace(PRODUCT, " "))
    return " ".join(re.findall(r"[^\W\d_]{2,}", text))


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every visible text of the window the brief names."""
    found: list[tuple[str, str]] = []

    def add(where: QWidget | str, text: str) -> None:
        if text.strip():
            name = (
                where if isinstance(where, str) else f"{type(where).__name__}#{where.objectName()}"
            )
            found.append((name, text))

    if root.windowTitle():
        add("window title", root.windowTitle())
    for label in root.findChildren(QLabel):
        if label.isVisible():
            add(label, label.text())
    for button in root.findChildren(QAbstractButton):
        if button.isVisible():
            add(button, button.text())
            add(f"tooltip of {button.objectName()}", button.toolTip())
    for box in root.findChildren(QGroupBox):
        if box.isVisible():
            add(box, box.title())
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisible():
            for i in range(tabs.count()):
                add(f"tab {i}", tabs.tabText(i))
    for edit in root.findChildren(QLineEdit):
        if edit.isVisible():
            add(edit, edit.placeholderText())
    for combo in root.findChildren(QComboBox):
        if combo.isVisible():
            add(combo, combo.currentText())
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and hasattr(view, "horizontalHeader"):
            for column in range(model.columnCount()):
                add(
                    f"header of {view.objectName()}",
                    str(model.headerData(column, Qt.Orientation.Horizontal) or ""),
                )
    for action in root.actions():
        add(f"action {action.objectName()}", action.text())
    menu_bar = getattr(root, "menuBar", None)
    if menu_bar is not None:
        for action in menu_bar().actions():
            add("menu", action.text())
    return found


def untranslated(root: QWidget, data: Iterable[str]) -> list[str]:
    data = list(data)
    return [
        f"{where}: {text!r} (plain: {left!r})"
        for where, text in shown_texts(root)
        if (left := plain_words(text, data))
    ]


def cut(root: QWidget) -> list[str]:
    """Visible labels and buttons narrower than their text needs (elided and wrapping
    labels excepted: they are made to fit)."""
    found = []
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if not widget.isVisible() or not widget.text():
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or widget.property("elided")):
            continue
        if widget.sizeHint().width() > widget.width() + 1:
            found.append(
                f"{type(widget).__name__}#{widget.objectName()} {widget.text()!r}: "
                f"{widget.width()} < {widget.sizeHint().width()}"
            )
    return found


def save_screenshot(widget: QWidget, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    assert widget.grab().save(str(path), "PNG")
    folder = os.environ.get("LEADDESK_SCREENSHOT_DIR")
    if folder:
        widget.grab().save(str(Path(folder) / name), "PNG")
    return path


def test_plain_words_finds_english_and_lets_pseudo_and_data_pass() -> None:
    assert plain_words("[Šåvéd “[Vöîçémåîl léft·~]”·~]", []) == ""
    assert plain_words("<b>[Çåll·]</b> Ada Lovelace · +1 212 555 0100", ["Ada Lovelace"]) == ""
    assert plain_words("Thu 14:05 EST", ["EST"]) == ""
    assert plain_words("[Çåll·] Saved", []) == "Saved"
    assert plain_words("Not callable now", ["Ada"]) == "Not callable now"


def test_the_agent_window_is_translated_and_not_cut(
    qtbot, tmp_path: Path, demo_workspace, pseudo_locale: QTranslator, styled: None
) -> None:
    from leaddesk.dialer.tel import TelDialer
    from leaddesk.ui.agent.window import MainWindow
    from leaddesk.ui.backend import Backend

    window = MainWindow(Backend(demo_workspace), TelDialer(lambda _uri: True), tray=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: (
            window.detail is not None
            and window.script.script is not None
            and window.runner.active == 0
        ),
        timeout=15_000,
    )
    qtbot.wait(50)
    save_screenshot(window, tmp_path, "pseudo_workspace.png")

    detail = window.detail
    assert detail is not None
    script = window.script.script
    last = detail.last_attempt
    rapport = window.backend.rapport(detail.lead_id)
    assert rapport is not None
    data = [
        detail.name,
        detail.company,
        detail.title,
        detail.place,
        detail.phone_national,
        detail.phone_international,
        detail.reason,  # the services' words (packaging/i18n.py)
        detail.next_step_label,  # the cadence file's step label
        detail.local_time.tzname() if detail.local_time else "",
        script.text if script else "",
        script.advice if script else "",
        demo_workspace.agent.display_name,
        *rapport.openers,  # the sentences the agent may say, built in English
    ]
    if last is not None:
        data += [last.agent_name, last.note]
    assert window.windowTitle().startswith("[")
    assert untranslated(window, data) == []
    assert cut(window) == []

    window.toggle_compact()  # the small always-on-top window, same lead
    qtbot.waitExposed(window.compact)
    assert untranslated(window.compact, [*data, f"{detail.phone_national} · {detail.reason}"]) == []
    assert cut(window.compact) == []
    window.toggle_compact()
    window.close()


def test_the_import_dialog_is_translated_and_not_cut(
    qtbot, demo_workspace, pseudo_locale: QTranslator, styled: None
) -> None:
    from leaddesk.ui.import_dialog import ImportDialog

    ws = demo_workspace
    dialog = ImportDialog(ws.store, ws.agent.name, ws.clock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    region = dialog.region_box.currentText()  # a region code ("US") or the "(none...)" text
    assert untranslated(dialog, [region] if len(region) == 2 else []) == []
    assert cut(dialog) == []
    dialog.close()


def test_the_supervisor_window_is_translated_and_not_cut(
    qtbot,
    tmp_path: Path,
    demo_store: Store,
    now: datetime,
    pseudo_locale: QTranslator,
    styled: None,
) -> None:
    from leaddesk.ui.supervisor import SupervisorWindow

    window = SupervisorWindow(demo_store, fixed_clock(now))
    qtbot.addWidget(window)
    window.resize(1240, 860)
    window.show()
    qtbot.waitUntil(lambda: window.data is not None and not window.is_loading, timeout=10_000)
    qtbot.wait(50)
    save_screenshot(window, tmp_path, "pseudo_supervisor.png")
    assert window.data is not None
    agents = [name for _aid, name, display in window.review.agents() for name in (name, display)]
    hints = [c.hint for c in window.data.coaching]
    problems: list[str] = []
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        qtbot.wait(20)
        problems += untranslated(window, [*agents, *hints])
        problems += cut(window)
    for key, chart in window.charts().items():
        if plain_words(chart.title(), []):
            problems.append(f"chart {key}: {chart.title()!r}")
        for series in chart.series():
            for bar_set in getattr(series, "barSets", list)():
                if plain_words(bar_set.label(), []):
                    problems.append(f"chart {key} series {bar_set.label()!r}")
    assert problems == []
    window.close()
