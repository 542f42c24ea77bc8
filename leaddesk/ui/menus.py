"""The agent window's keyboard: one table of every action (its menu, words, keys, icon
and the window's method it runs), from which the menus, the F1 sheet and the compact
window's keys are all made; and a tab order that follows a call."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.calllist import SECTION_KEYS
from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.ui.icons import icon
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP, outcome_label, section_name


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One thing the agent can do from the keyboard and the menus."""

    name: str  # the QAction's object name, e.g. "ActionDial"
    menu: str  # "file", "lead", "view" or "help"
    text: str  # English, translated in the "Menus" context
    keys: tuple[str, ...]
    slot: str  # the window's attribute path to call, e.g. "picker.pick_tomorrow"
    icon: str | None = None
    separator_before: bool = False
    compact: bool = False  # also works in the compact window
    needs: str | None = None  # a module that must be installed (optional parts)
    args: tuple[Any, ...] = ()


MENUS = (
    ("file", QT_TRANSLATE_NOOP("Menus", "&File"), "MenuFile"),
    ("lead", QT_TRANSLATE_NOOP("Menus", "&Lead"), "MenuLead"),
    ("view", QT_TRANSLATE_NOOP("Menus", "&View"), "MenuView"),
    ("help", QT_TRANSLATE_NOOP("Menus", "&Help"), "MenuHelp"),
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "ActionImport",
        "file",
        QT_TRANSLATE_NOOP("Menus", "Import leads…"),
        ("Ctrl+I",),
        "open_import",
        "import",
        needs="leaddesk.ui.import_dialog",
    ),
    ActionSpec(
        "ActionSupervisor",
        "file",
        QT_TRANSLATE_NOOP("Menus", "Supervisor review"),
        ("Ctrl+Shift+S",),
        "open_supervisor",
        "supervisor",
        needs="leaddesk.ui.supervisor",
    ),
    ActionSpec(
        "ActionVoicemailDrops",
        "file",
        QT_TRANSLATE_NOOP("Menus", "Voicemail drops…"),
        ("Ctrl+Alt+V",),
        "voicemail_drop.open_recordings",
        "voicemail",
    ),
    ActionSpec(
        "ActionQuit",
        "file",
        QT_TRANSLATE_NOOP("Menus", "Quit"),
        ("Ctrl+Q",),
        "close",
        separator_before=True,
    ),
    # Enter dials; the handler lets the text fields keep their own Enter.
    ActionSpec(
        "ActionDial",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Dial"),
        ("Return", "Enter"),
        "on_enter",
        "phone",
        compact=True,
    ),
    ActionSpec(
        "ActionHangup",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Hang up"),
        ("Ctrl+H",),
        "hangup",
        "phone",
        compact=True,
    ),
    ActionSpec(
        "ActionCopyNumber",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Copy number"),
        ("Ctrl+Shift+C",),
        "copy_number",
        "copy",
        compact=True,
    ),
    ActionSpec(
        "ActionFind",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Find a lead"),
        ("Ctrl+F",),
        "focus_search",
        "search",
    ),
    ActionSpec(
        "ActionFocusList",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Go to the call list"),
        ("Ctrl+1",),
        "calllist.table.setFocus",
    ),
    ActionSpec(
        "ActionRefresh",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Refresh"),
        ("F5",),
        "refresh",
        "refresh",
    ),
    ActionSpec(
        "ActionUndo",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Undo last outcome"),
        ("Ctrl+Z",),
        "undo",
        separator_before=True,
        compact=True,
    ),
    ActionSpec(
        "ActionLogElsewhere",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Log a call made elsewhere…"),
        ("Ctrl+Shift+L",),
        "log_elsewhere",
        "phone",
    ),
    ActionSpec(
        "ActionDncRemove",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Take off the do-not-call list…"),
        ("Ctrl+Shift+D",),
        "dnc_remove",
    ),
    ActionSpec(
        "ActionCallAnyway",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Call now anyway…"),
        ("Ctrl+Shift+Return",),
        "call_anyway",
        "phone",
    ),
    ActionSpec(
        "ActionAnswerCall",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Answer the returned call"),
        ("F3",),
        "returned.answer",
        "phone",
        separator_before=True,
        compact=True,
    ),
    ActionSpec(
        "ActionLogReturnedCall",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Log a returned call…"),
        ("Ctrl+Shift+R",),
        "returned.log_returned_call",
        "phone",
    ),
    ActionSpec(
        "ActionDropVoicemail",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Drop voicemail"),
        ("F4",),
        "voicemail_drop.drop",
        "voicemail",
        compact=True,
    ),
    ActionSpec(
        "ActionNote",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Note for this attempt"),
        ("Ctrl+L",),
        "outcomes.note.setFocus",
        "note",
    ),
    ActionSpec(
        "ActionCallbackTomorrow",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Callback tomorrow, same time"),
        ("Alt+T",),
        "picker.pick_tomorrow",
        "callback",
        compact=True,
    ),
    ActionSpec(
        "ActionCallbackTwoHours",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Callback in 2 hours"),
        ("Alt+2",),
        "picker.pick_in_two_hours",
        "clock",
        compact=True,
    ),
    ActionSpec(
        "ActionNextVariant",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Next script variant"),
        ("Ctrl+Shift+V",),
        "notes.next_variant",
        "shuffle",
    ),
    ActionSpec(
        "ActionAddNote",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Add rapport note"),
        ("Ctrl+N",),
        "focus_rapport",
        "plus",
    ),
    ActionSpec(
        "ActionEditNote",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Edit rapport note"),
        ("F2",),
        "rapport.start_edit",
        "edit",
    ),
    ActionSpec(
        "ActionPinNote",
        "lead",
        QT_TRANSLATE_NOOP("Menus", "Pin rapport note"),
        ("Ctrl+Shift+P",),
        "rapport.toggle_pin",
        "pin",
    ),
    ActionSpec(
        "ActionCompact",
        "view",
        QT_TRANSLATE_NOOP("Menus", "Compact mode (always on top)"),
        ("Ctrl+Shift+M",),
        "toggle_compact",
        "compact",
        compact=True,
    ),
    ActionSpec(
        "ActionHistory",
        "view",
        QT_TRANSLATE_NOOP("Menus", "History"),
        ("Ctrl+Shift+H",),
        "toggle_history",
        "history",
    ),
    ActionSpec(
        "ActionCallsOnly",
        "view",
        QT_TRANSLATE_NOOP("Menus", "Calls only (calls first, written tasks after)"),
        ("Ctrl+Alt+P",),
        "toggle_calls_only",
        separator_before=True,
    ),
    ActionSpec(
        "ActionSectionAll",
        "view",
        QT_TRANSLATE_NOOP("Menus", "Every section"),
        ("Ctrl+Alt+0",),
        "set_section_filter",
        args=(None,),
    ),
    *(
        ActionSpec(
            f"ActionSection_{section}",
            "view",
            QT_TRANSLATE_NOOP("Menus", "Only {section}"),
            (f"Ctrl+Alt+{number}",),
            "set_section_filter",
            args=(section,),
        )
        for number, section in enumerate(SECTION_KEYS, start=1)
    ),
    ActionSpec(
        "ActionShortcuts",
        "help",
        QT_TRANSLATE_NOOP("Menus", "Keyboard shortcuts"),
        ("F1",),
        "show_shortcuts",
    ),
)


def action_text(spec: ActionSpec) -> str:
    text = QCoreApplication.translate("Menus", spec.text)
    if spec.name.startswith("ActionSection_"):
        text = text.format(section=section_name(str(spec.args[0])))
    return text


def slot_of(window: QWidget, spec: ActionSpec) -> Callable[[], Any]:
    target = attrgetter(spec.slot)(window)
    return partial(target, *spec.args) if spec.args else target


def available(specs: Iterable[ActionSpec] = ACTIONS) -> list[ActionSpec]:
    """The actions whose optional part is installed."""
    return [s for s in specs if s.needs is None or importlib.util.find_spec(s.needs) is not None]


def build_menus(w: QMainWindow) -> dict[str, QAction]:
    """The menu bar from the table; returns every action by its name."""
    bar = w.menuBar()
    bar.setObjectName("MenuBar")
    menus: dict[str, QMenu] = {}
    for key, title, name in MENUS:
        menu = bar.addMenu(QCoreApplication.translate("Menus", title))
        menu.setObjectName(name)  # found by name, never by its (translated) text
        menus[key] = menu
    actions: dict[str, QAction] = {}
    for spec in available():
        menu = menus[spec.menu]
        if spec.separator_before and menu.actions():
            menu.addSeparator()
        action = QAction(action_text(spec), w)
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if spec.icon:
            action.setIcon(icon(spec.icon))
        action.triggered.connect(lambda _checked=False, spec=spec: slot_of(w, spec)())
        menu.addAction(action)
        w.addAction(action)
        actions[spec.name] = action
    history = actions["ActionHistory"]
    history.setCheckable(True)
    history.setChecked(True)
    search = getattr(getattr(w, "calllist", None), "search", None)
    if search is not None:
        QShortcut(
            QKeySequence("Escape"),
            search,
            attrgetter("clear_search")(w),
            context=Qt.ShortcutContext.WidgetShortcut,
        )
    return actions


def install_compact_keys(compact: QWidget, window: QWidget) -> list[QShortcut]:
    """The table's compact actions as keys of the compact window, running the same
    window methods as in the full window."""
    keys = []
    for spec in available():
        if not spec.compact:
            continue
        for key in spec.keys:
            shortcut = QShortcut(QKeySequence(key), compact)
            shortcut.setObjectName(f"Compact{spec.name}")
            shortcut.activated.connect(lambda spec=spec: slot_of(window, spec)())
            keys.append(shortcut)
    return keys


class ShortcutsSheet(QDialog):
    """F1: every shortcut of the window's actions beside the outcome keys (one above the
    other, the sheet was taller than a 768-pixel laptop screen and the last outcome keys
    were off it)."""

    def __init__(self, actions: str, keys: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self.setWindowTitle(QCoreApplication.translate("Menus", "Keyboard shortcuts"))
        outcomes = QCoreApplication.translate("Menus", "Outcomes")
        self.actions_label = QLabel(f"<table cellspacing=2>{actions}</table>", self)
        self.keys_label = QLabel(
            f"<p><b>{outcomes}</b></p><table cellspacing=2>{keys}</table>", self
        )
        row = QHBoxLayout()
        row.addWidget(self.actions_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addSpacing(28)
        row.addWidget(self.keys_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.actions_label.text() + self.keys_label.text()


def shortcuts_dialog(w: QMainWindow) -> ShortcutsSheet:
    rows = "".join(
        f"<tr><td><b>{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}</b>"
        "&nbsp;&nbsp;</td>"
        f"<td>{a.text()}</td></tr>"
        for a in w.actions()
        if not a.shortcut().isEmpty()
    )
    keys = "".join(
        f"<tr><td><b>{i.key}</b></td><td>{outcome_label(i.label)}</td></tr>"
        for i in OUTCOMES.values()
    )
    return ShortcutsSheet(rows, keys, w)


def set_tab_order(w: Any) -> None:
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
