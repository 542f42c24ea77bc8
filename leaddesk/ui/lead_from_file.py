"""The lead card's "From the file" block: what the lead's import file said that has no
field of its own (a "Bemerkung" column, VICIdial's security phrase, a CRM status), the
salutation, and whether another person has the same number (a switchboard).

Hidden for a lead that has none of these."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from leaddesk.services.leads import LeadDetail

MAX_LINES = 12
MAX_CHARS = 300


class FromFileBlock(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LeadFromFile")
        self.setAccessibleName(self.tr("From the file"))
        self.title = QLabel(self.tr("From the file"), self)
        self.title.setObjectName("LeadFromFileTitle")
        self.title.setProperty("muted", True)
        self.shared = QLabel(self)
        self.shared.setObjectName("LeadSharedNumber")
        self.shared.setAccessibleName(self.tr("Shared number"))
        self.shared.setWordWrap(True)
        self.lines = QLabel(self)
        self.lines.setObjectName("LeadFromFileLines")
        self.lines.setAccessibleName(self.tr("Columns from the import file"))
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.shared)
        layout.addWidget(self.title)
        layout.addWidget(self.lines)
        self.clear()

    def clear(self) -> None:
        self.shared.setText("")
        self.lines.setText("")
        self.setVisible(False)

    def text(self) -> str:
        """What the block shows, for tests and screen readers."""
        parts = [self.shared.text()] if self.shared.text() else []
        if self.lines.text():
            parts += [self.title.text(), self.lines.text()]
        return "\n".join(parts)

    def set_detail(self, detail: LeadDetail) -> None:
        shared = (
            self.tr("Shared number: another lead (another person) has this number")
            if detail.shared_number
            else ""
        )
        self.shared.setText(shared)
        self.shared.setVisible(bool(shared))
        pairs = list(detail.from_file)
        if detail.salutation:
            pairs.insert(0, (self.tr("Salutation"), detail.salutation))
        lines = [f"{key}: {' '.join(value.split())[:MAX_CHARS]}" for key, value in pairs]
        if len(lines) > MAX_LINES:
            more = len(lines) - MAX_LINES
            lines = [*lines[:MAX_LINES], self.tr("… and %n more", "", more)]
        self.lines.setText("\n".join(lines))
        self.title.setVisible(bool(lines))
        self.lines.setVisible(bool(lines))
        self.setVisible(bool(lines or shared))
