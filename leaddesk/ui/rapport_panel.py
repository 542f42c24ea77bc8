"""Rapport notes (what earlier conversations taught) and suggested openers, shown before
dialing; notes are added, edited and pinned here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.services.rapport import NoteView, RapportView
from leaddesk.ui.icons import icon
from leaddesk.ui.style import ACCENT
from leaddesk.ui.vocabulary import kind_name

KINDS = ("family", "interests", "work", "timing", "pain", "other")
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RapportPanel(QWidget):
    add_requested = Signal(str, str)  # text, kind
    edit_requested = Signal(str, str)  # note id, text
    pin_requested = Signal(str, bool)  # note id, pinned

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RapportPanel")
        self.setAccessibleName(self.tr("Rapport notes"))
        self._editing: str | None = None
        self._notes: dict[str, NoteView] = {}

        self.openers = QLabel(self)
        self.openers.setObjectName("RapportOpeners")
        self.openers.setAccessibleName(self.tr("Suggested openers"))
        self.openers.setWordWrap(True)
        self.openers.setTextFormat(Qt.TextFormat.RichText)
        # The openers are read before dialing: never cut mid-line. In a small window
        # they scroll (the panel must not force the window taller than a laptop screen).
        self.openers.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.openers_area = QScrollArea(self)
        self.openers_area.setObjectName("RapportOpenersArea")
        self.openers_area.setWidgetResizable(True)
        self.openers_area.viewport().setAutoFillBackground(False)
        self.openers_area.setFrameShape(QFrame.Shape.NoFrame)
        self.openers_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.openers_area.setMinimumHeight(36)
        # "No notes yet." is said in the openers' area, under them: a label of its own
        # was drawn over the openers in a low window.
        self.empty = QLabel(self.tr("No notes yet."))
        self.empty.setObjectName("RapportEmpty")
        self.empty.setEnabled(False)  # drawn in the palette's placeholder colour
        self.empty.hide()
        box = QWidget()
        box.setObjectName("RapportOpenersBox")
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.openers)
        column.addWidget(self.empty)
        column.addStretch(1)
        self.openers_area.setWidget(box)
        # On the panel's own background (setWidget turned the box's fill on).
        box.setAutoFillBackground(False)

        self.list = QListWidget(self)
        self.list.setObjectName("RapportNotes")
        self.list.setAccessibleName(self.tr("Rapport notes list"))
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(28)
        self.list.itemDoubleClicked.connect(lambda _i: self.start_edit())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.kind = QComboBox(self)
        self.kind.setObjectName("RapportKind")
        self.kind.setAccessibleName(self.tr("Note kind"))
        for kind in KINDS:
            self.kind.addItem(kind_name(kind), kind)  # the data is the kind's code
        self.kind.setCurrentIndex(self.kind.findData("other"))
        self.input = QLineEdit(self)
        self.input.setObjectName("RapportInput")
        self.input.setAccessibleName(self.tr("New rapport note"))
        self.input.setPlaceholderText(self.tr("What did you learn? (Ctrl+N)"))
        self.input.returnPressed.connect(self.submit)
        self.add_button = QPushButton(icon("plus"), self.tr("Add"), self)
        self.add_button.setObjectName("RapportAddButton")
        self.add_button.setAccessibleName(self.tr("Add note"))
        self.add_button.clicked.connect(self.submit)
        self.edit_button = QToolButton(self)
        self.edit_button.setIcon(icon("edit"))
        self.edit_button.setText(self.tr("Edit  F2"))
        self.edit_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.edit_button.setAutoRaise(True)
        self.edit_button.setObjectName("RapportEditButton")
        self.edit_button.setAccessibleName(self.tr("Edit note"))
        self.edit_button.setToolTip(self.tr("Edit the selected note (F2)"))
        self.edit_button.clicked.connect(self.start_edit)
        self.pin_button = QToolButton(self)
        self.pin_button.setIcon(icon("pin"))
        self.pin_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.pin_button.setAutoRaise(True)
        self.pin_button.setObjectName("RapportPinButton")
        self.pin_button.setAccessibleName(self.tr("Pin or unpin note"))
        self.pin_button.setToolTip(self.tr("Pin the selected note on top (Ctrl+Shift+P)"))
        self.pin_button.clicked.connect(self.toggle_pin)

        # The note on its own row: beside the kind and the button, in a narrow panel,
        # its placeholder was cut (in English already, more so in longer languages).
        form = QHBoxLayout()
        form.setSpacing(6)
        form.addWidget(self.input, 3)
        form.addWidget(self.kind, 1)
        form.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 8)
        layout.setSpacing(6)
        layout.addWidget(self.openers_area, 2)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        self.pin_button.setText(self.tr("Pin"))
        self.set_available(False, self.tr("Select a lead to see its rapport notes."))

    def set_available(self, available: bool, message: str = "") -> None:
        for widget in (self.input, self.add_button, self.edit_button, self.pin_button, self.kind):
            widget.setEnabled(available)
        if not available:
            self.list.clear()
            self.list.show()
            self.empty.hide()
            self.openers.setText(f"<i>{message}</i>")

    def set_rapport(self, rapport: RapportView) -> None:
        self.set_available(True)
        self._notes = {n.note_id: n for n in rapport.notes}
        if rapport.openers:
            self.openers.setText(
                "".join(
                    f"<p style='margin:3px 0'><span style='color:{ACCENT}'>▍</span><i>{o}</i></p>"
                    for o in rapport.openers
                )
            )
        else:
            self.openers.setText(self.tr("<i>No openers yet: ask what matters to them today.</i>"))
        current = self.selected_note_id()
        self.list.clear()
        ordered = sorted(rapport.notes, key=lambda n: (not n.pinned,))
        for note in ordered:
            item = QListWidgetItem(f"{kind_name(note.kind)}: {note.text}")
            item.setData(NOTE_ID_ROLE, note.note_id)
            if note.pinned:
                item.setIcon(icon("pin"))
                item.setToolTip(self.tr("Pinned"))
            self.list.addItem(item)
            if note.note_id == current:
                self.list.setCurrentItem(item)
        # No notes: a line saying so instead of an empty box (room for the openers).
        self.list.setVisible(bool(rapport.notes))
        self.empty.setVisible(not rapport.notes)
        self._update_buttons()

    def selected_note_id(self) -> str | None:
        item = self.list.currentItem()
        value = item.data(NOTE_ID_ROLE) if item is not None else None
        return str(value) if value else None

    def _update_buttons(self) -> None:
        note_id = self.selected_note_id()
        note = self._notes.get(note_id or "")
        self.edit_button.setEnabled(note is not None)
        self.pin_button.setEnabled(note is not None)
        self.pin_button.setText(self.tr("Unpin") if note and note.pinned else self.tr("Pin"))

    def start_edit(self) -> None:
        note_id = self.selected_note_id()
        note = self._notes.get(note_id or "")
        if note is None:
            return
        self._editing = note.note_id
        self.input.setText(note.text)
        self.add_button.setText(self.tr("Save"))
        self.input.setFocus()

    def submit(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        if self._editing:
            self.edit_requested.emit(self._editing, text)
        else:
            self.add_requested.emit(text, str(self.kind.currentData()))
        self._editing = None
        self.add_button.setText(self.tr("Add"))
        self.input.clear()

    def toggle_pin(self) -> None:
        note = self._notes.get(self.selected_note_id() or "")
        if note is not None:
            self.pin_requested.emit(note.note_id, not note.pinned)
