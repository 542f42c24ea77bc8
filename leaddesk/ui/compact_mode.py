"""The compact mode: a small always-on-top window with the current lead, Dial and the
outcome keys, for agents who work beside a CRM or a softphone."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.services.leads import LeadDetail
from leaddesk.services.outcomes import PendingDial
from leaddesk.ui.icons import app_icon, icon
from leaddesk.ui.outcome_bar import CALL_OUTCOMES
from leaddesk.ui.style import OK, WARN
from leaddesk.ui.vocabulary import outcome_label

QUICK = ("connected", "voicemail_left", "no_answer", "busy", "callback")


class CompactWindow(QWidget):
    dial_requested = Signal()
    outcome_requested = Signal(str)
    expand_requested = Signal()
    callback_quick = Signal(str)  # "tomorrow" or "in_two_hours"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.Tool
        )
        self.setObjectName("CompactWindow")
        self.setAccessibleName(self.tr("LeadDesk compact"))
        self.setWindowTitle("LeadDesk")
        self.setWindowIcon(app_icon())

        self.name = QLabel(self)
        self.name.setObjectName("CompactLeadName")
        self.name.setAccessibleName(self.tr("Lead name"))
        self.name.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.info = QLabel(self)
        self.info.setObjectName("CompactLeadInfo")
        self.info.setAccessibleName(self.tr("Lead number and reason"))
        self.info.setProperty("muted", True)
        self.info.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setObjectName("CompactState")
        self.state.setAccessibleName(self.tr("Dial state"))
        self.dial = QPushButton(icon("phone", "#ffffff"), self.tr("Dial  Enter"), self)
        self.dial.setObjectName("DialButton")
        self.dial.setAccessibleName(self.tr("Dial"))
        self.dial.clicked.connect(self.dial_requested)
        self.expand = QPushButton(icon("expand"), "", self)
        self.expand.setObjectName("CompactExpand")
        self.expand.setAccessibleName(self.tr("Back to the full window"))
        self.expand.setToolTip(self.tr("Back to the full window (Ctrl+Shift+M)"))
        self.expand.clicked.connect(self.expand_requested)

        keys = QHBoxLayout()
        keys.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        for code in QUICK:
            info = OUTCOMES[code]
            label = outcome_label(info.label)
            button = QPushButton(f"{info.key} {label}", self)
            button.setObjectName(f"CompactOutcome_{code}")
            button.setAccessibleName(
                self.tr("{outcome} (key {key})").format(outcome=label, key=info.key)
            )
            button.clicked.connect(lambda _=False, code=code: self.outcome_requested.emit(code))
            self.buttons[code] = button
            keys.addWidget(button)
        for code, info in OUTCOMES.items():
            shortcut = QShortcut(QKeySequence(info.key), self)
            shortcut.activated.connect(lambda code=code: self.outcome_requested.emit(code))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self).activated.connect(self.dial_requested)
        QShortcut(QKeySequence("Ctrl+Shift+M"), self).activated.connect(self.expand_requested)
        QShortcut(QKeySequence("Alt+T"), self).activated.connect(
            lambda: self.callback_quick.emit("tomorrow")
        )
        QShortcut(QKeySequence("Alt+2"), self).activated.connect(
            lambda: self.callback_quick.emit("in_two_hours")
        )

        head = QHBoxLayout()
        head.addWidget(self.name, 1)
        head.addWidget(self.expand)
        row = QHBoxLayout()
        row.addWidget(self.dial)
        row.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(head)
        layout.addWidget(self.info)
        layout.addLayout(row)
        layout.addLayout(keys)
        self.state.setWordWrap(True)
        self.set_lead(None)
        self.set_pending(None)

    def set_lead(self, detail: LeadDetail | None) -> None:
        if detail is None:
            self.name.setText(self.tr("No lead selected"))
            self.info.setText("")
            return
        self.name.setText(detail.name)
        self.info.setText(f"{detail.phone_national} · {detail.reason}")

    def show_message(self, text: str) -> None:
        self.state.setText(f'<span style="color:{WARN}">{text}</span>')

    def set_pending(self, pending: PendingDial | None) -> None:
        self.dial.setEnabled(pending is None)
        for code, button in self.buttons.items():
            # Call outcomes wrap up a dial: off without one, as in the outcome bar.
            if code in CALL_OUTCOMES:
                button.setEnabled(pending is not None)
        if pending is None:
            ready = self.tr("Ready")  # outside the f-string: lupdate reads literals only
            self.state.setText(f'<span style="color:{OK}">{ready}</span>')
        else:
            calling = self.tr("Calling {name}: log the outcome").format(name=pending.lead_name)
            self.state.setText(f'<span style="color:{WARN}">{calling}</span>')
