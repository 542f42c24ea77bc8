"""The returned-call banner: a strip across the top of the agent window while a lead calls
back. It says who is calling (or that the number is unknown), offers Answer and, for an
unknown number, Create lead; once the call has ended it offers the outcomes a returned
call can have. The controller (`returned_calls.ReturnedCalls`) decides what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

# The outcomes offered after a returned call, with their labels.
OUTCOME_BUTTONS: tuple[tuple[str, str], ...] = (
    ("connected", "Connected"),
    ("qualified", "Qualified"),
    ("not_interested", "Not interested"),
)


class InboundBanner(QFrame):
    answer_clicked = Signal()
    create_clicked = Signal()
    dismiss_clicked = Signal()
    outcome_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InboundBanner")
        self.setAccessibleName(self.tr("Returned call"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#InboundBanner { background: #fff4d6; border: 1px solid #e0b84c; border-radius: 6px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.title = QLabel(self)
        self.title.setObjectName("InboundTitle")
        self.title.setAccessibleName(self.tr("Who is calling"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.detail = QLabel(self)
        self.detail.setObjectName("InboundDetail")
        self.detail.setAccessibleName(self.tr("Returned call details"))
        layout.addWidget(self.title)
        layout.addWidget(self.detail, 1)
        self.answer = self._button(self.tr("Answer (F3)"), "InboundAnswer")
        self.answer.clicked.connect(self.answer_clicked)
        self.create_button = self._button(self.tr("Create lead"), "InboundCreateLead")
        self.create_button.clicked.connect(self.create_clicked)
        self.outcomes: dict[str, QPushButton] = {}
        labels = {
            "connected": self.tr("Connected"),
            "qualified": self.tr("Qualified"),
            "not_interested": self.tr("Not interested"),
        }
        for code, _label in OUTCOME_BUTTONS:
            button = self._button(labels[code], f"InboundOutcome_{code}")
            button.clicked.connect(lambda _c=False, c=code: self.outcome_clicked.emit(c))
            self.outcomes[code] = button
        self.dismiss = self._button(self.tr("Dismiss"), "InboundDismiss")
        self.dismiss.clicked.connect(self.dismiss_clicked)
        for button in (self.answer, self.create_button, *self.outcomes.values(), self.dismiss):
            layout.addWidget(button)
        self.hide()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text)
        return button

    def show_state(
        self,
        title: str,
        detail: str,
        *,
        answer: bool = False,
        create: bool = False,
        outcomes: bool = False,
    ) -> None:
        """Show the banner with these words and only the buttons that apply now."""
        self.title.setText(title)
        self.detail.setText(detail)
        self.answer.setVisible(answer)
        self.create_button.setVisible(create)
        for button in self.outcomes.values():
            button.setVisible(outcomes)
        self.show()
