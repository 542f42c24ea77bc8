"""The agent window's keyboard: menus with every action and its shortcut shown next to
it, and a tab order that follows a call."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from leaddesk.domain.calllist import SECTION_KEYS
from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.ui.icons import icon
from leaddesk.ui.vocabulary import outcome_label, section_name

if TYPE_CHECKING:
    from leaddesk.ui.main_window import MainWindow


def _action(
    window: MainWindow,
    menu: Any,
    text: str,
    shortcut: str | list[str],
    slot: Callable[[], Any],
    name: str,
    icon_name: str | None = None,
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    keys = [shortcut] if isinstance(shortcut, str) else shortcut
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if icon_name:
        action.setIcon(icon(icon_name))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    window.addAction(action)
    return action


def build_menus(w: MainWindow) -> QAction:
    """File, Lead, View and Help menus; returns the Dial action."""
    bar = w.menuBar()
    bar.setObjectName("MenuBar")
    file = bar.addMenu(QCoreApplication.translate("Menus", "&File"))
    file.setObjectName("MenuFile")  # found by name, never by its (translated) text
    if importlib.util.find_spec("leaddesk.ui.import_dialog") is not None:
        _action(
            w,
            file,
            QCoreApplication.translate("Menus", "Import leads…"),
            "Ctrl+I",
            w.open_import,
            "ActionImport",
            "import",
        )
    if importlib.util.find_spec("leaddesk.ui.supervisor") is not None:
        _action(
            w,
            file,
            QCoreApplication.translate("Menus", "Supervisor review"),
            "Ctrl+Shift+S",
            w.open_supervisor,
            "ActionSupervisor",
            "supervisor",
        )
    file.addSeparator()
    _action(w, file, QCoreApplication.translate("Menus", "Quit"), "Ctrl+Q", w.close, "ActionQuit")

    lead = bar.addMenu(QCoreApplication.translate("Menus", "&Lead"))
    lead.setObjectName("MenuLead")
    # Enter dials; the handler lets the text fields keep their own Enter.
    dial = _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Dial"),
        ["Return", "Enter"],
        w.on_enter,
        "ActionDial",
        "phone",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Hang up"),
        "Ctrl+H",
        w.hangup,
        "ActionHangup",
        "phone",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Copy number"),
        "Ctrl+Shift+C",
        w.copy_number,
        "ActionCopyNumber",
        "copy",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Find a lead"),
        "Ctrl+F",
        w.focus_search,
        "ActionFind",
        "search",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Go to the call list"),
        "Ctrl+1",
        w.calllist.table.setFocus,
        "ActionFocusList",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Refresh"),
        "F5",
        w.refresh,
        "ActionRefresh",
        "refresh",
    )
    lead.addSeparator()
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Undo last outcome"),
        "Ctrl+Z",
        w.undo,
        "ActionUndo",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Log a call made elsewhere…"),
        "Ctrl+Shift+L",
        w.log_elsewhere,
        "ActionLogElsewhere",
        "phone",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Take off the do-not-call list…"),
        "Ctrl+Shift+D",
        w.dnc_remove,
        "ActionDncRemove",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Call now anyway…"),
        "Ctrl+Shift+Return",
        w.call_anyway,
        "ActionCallAnyway",
        "phone",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Note for this attempt"),
        "Ctrl+L",
        w.outcomes.note.setFocus,
        "ActionNote",
        "note",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Callback tomorrow, same time"),
        "Alt+T",
        w.picker.pick_tomorrow,
        "ActionCallbackTomorrow",
        "callback",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Callback in 2 hours"),
        "Alt+2",
        w.picker.pick_in_two_hours,
        "ActionCallbackTwoHours",
        "clock",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Next script variant"),
        "Ctrl+Shift+V",
        w.notes.next_variant,
        "ActionNextVariant",
        "shuffle",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Add rapport note"),
        "Ctrl+N",
        w.focus_rapport,
        "ActionAddNote",
        "plus",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Edit rapport note"),
        "F2",
        w.rapport.start_edit,
        "ActionEditNote",
        "edit",
    )
    _action(
        w,
        lead,
        QCoreApplication.translate("Menus", "Pin rapport note"),
        "Ctrl+Shift+P",
        w.rapport.toggle_pin,
        "ActionPinNote",
        "pin",
    )

    view = bar.addMenu(QCoreApplication.translate("Menus", "&View"))
    view.setObjectName("MenuView")
    _action(
        w,
        view,
        QCoreApplication.translate("Menus", "Compact mode (always on top)"),
        "Ctrl+Shift+M",
        w.toggle_compact,
        "ActionCompact",
        "compact",
    )
    w.history_action = _action(
        w,
        view,
        QCoreApplication.translate("Menus", "History"),
        "Ctrl+Shift+H",
        lambda: w.show_history(w.history_box.isHidden()),
        "ActionHistory",
        "history",
    )
    w.history_action.setCheckable(True)
    w.history_action.setChecked(True)
    view.addSeparator()
    _action(
        w,
        view,
        QCoreApplication.translate("Menus", "Calls only (calls first, written tasks after)"),
        "Ctrl+Alt+P",
        lambda: w.set_calls_only(not w.backend.calls_only),
        "ActionCallsOnly",
    )
    _action(
        w,
        view,
        QCoreApplication.translate("Menus", "Every section"),
        "Ctrl+Alt+0",
        lambda: w.set_section_filter(None),
        "ActionSectionAll",
    )
    for number, section in enumerate(SECTION_KEYS, start=1):
        _action(
            w,
            view,
            QCoreApplication.translate("Menus", "Only {section}").format(
                section=section_name(section)
            ),
            f"Ctrl+Alt+{number}",
            partial(w.set_section_filter, section),
            f"ActionSection_{section}",
        )
    help_ = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
    help_.setObjectName("MenuHelp")
    _action(
        w,
        help_,
        QCoreApplication.translate("Menus", "Keyboard shortcuts"),
        "F1",
        w.show_shortcuts,
        "ActionShortcuts",
    )
    QShortcut(
        QKeySequence("Escape"),
        w.calllist.search,
        w.clear_search,
        context=Qt.ShortcutContext.WidgetShortcut,
    )
    return dial


def shortcuts_dialog(w: MainWindow) -> QMessageBox:
    rows = "".join(
        f"<tr><td><b>{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}</b></td>"
        f"<td>{a.text()}</td></tr>"
        for a in w.actions()
        if not a.shortcut().isEmpty()
    )
    keys = "".join(
        f"<tr><td><b>{i.key}</b></td><td>{outcome_label(i.label)}</td></tr>"
        for i in OUTCOMES.values()
    )
    outcomes = QCoreApplication.translate("Menus", "Outcomes")
    box = QMessageBox(
        QMessageBox.Icon.NoIcon,
        QCoreApplication.translate("Menus", "Keyboard shortcuts"),
        f"<table cellspacing=4>{rows}</table><p><b>{outcomes}</b></p>"
        f"<table cellspacing=4>{keys}</table>",
        QMessageBox.StandardButton.Close,
        w,
    )
    box.setObjectName("ShortcutsDialog")
    return box


def set_tab_order(w: MainWindow) -> None:
    """Search, the list, Dial, the outcomes, note and duration, the callback picker,
    then the script and rapport controls: the order of a call."""
    chain: list[QWidget] = [
        w.calllist.search,
        w.calllist.table,
        w.outcomes.dial_button,
        *w.outcomes.buttons.values(),
        w.outcomes.note,
        w.outcomes.duration,
        w.picker.tomorrow,
        w.picker.in_two,
        w.picker.edit,
        w.script.next_button,
        w.rapport.list,
        w.rapport.kind,
        w.rapport.input,
        w.rapport.add_button,
        w.history,
    ]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)
