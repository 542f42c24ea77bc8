"""The compact mode: a small always-on-top window with the current lead, Dial and the
outcome keys, for agents who work beside a CRM or a softphone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.services.leads import LeadDetail
from leaddesk.services.outcomes import PendingDial
from leaddesk.ui.icons import app_icon, icon
from leaddesk.ui.outcome_bar import CALL_OUTCOMES, LAYOUT, OutcomeButton, OutcomeGrid
from leaddesk.ui.style import OK, WARN


class CompactWindow(QWidget):
    dial_requested = Signal()
    outcome_requested = Signal(str)
    expand_requested = Signal()

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

        # Every outcome, as in the full window (a compact window that offered five of
        # fifteen made agents open the big one to log a wrong number).
        self.buttons: dict[str, OutcomeButton] = {}
        for codes in LAYOUT:
            for code in codes:
                button = OutcomeButton(OUTCOMES[code], self)
                button.setObjectName(f"CompactOutcome_{code}")
                button.clicked.connect(lambda _=False, code=code: self.outcome_requested.emit(code))
                self.buttons[code] = button
        self.keys = OutcomeGrid(list(self.buttons.values()), self)
        for code, info in OUTCOMES.items():
            shortcut = QShortcut(QKeySequence(info.key), self)
            shortcut.activated.connect(lambda code=code: self.outcome_requested.emit(code))
        # Enter, Ctrl+Z, Alt+T, Ctrl+Shift+M...: the window's action table installs them
        # here (menus.install_compact_keys), running the same methods as in the window.

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
        layout.addWidget(self.keys)
        self.state.setWordWrap(True)
        self._can_dial, self._why = False, ""
        self._pending: PendingDial | None = None
        self.set_lead(None)
        self.set_pending(None)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            # A longer reason or message wraps to more lines: the window grows to show
            # them and every key row (its minimum size does not count wrapped lines).
            layout = self.layout()
            need = layout.totalHeightForWidth(self.width()) if layout is not None else -1
            if need > self.height():
                self.resize(self.width(), need)
        return handled

    def set_lead(self, detail: LeadDetail | None) -> None:
        if detail is None:
            self.name.setText(self.tr("No lead selected"))
            self.info.setText("")
            return
        self.name.setText(detail.name)
        self.info.setText(f"{detail.phone_national} · {detail.reason}")

    def set_can_dial(self, can: bool, why: str = "") -> None:
        """What the full window's Dial line says: ready, later or blocked, and why."""
        self._can_dial, self._why = can, why
        self.dial.setEnabled(can)
        if self._pending is not None:
            return  # a call is pending: its line stays
        color = OK if can else WARN
        text = why or (self.tr("Ready") if can else self.tr("Not callable now"))
        self.state.setText(f'<span style="color:{color}">{text}</span>')

    def show_message(self, text: str) -> None:
        self.state.setText(f'<span style="color:{WARN}">{text}</span>')

    def set_pending(self, pending: PendingDial | None) -> None:
        self._pending = pending
        self.dial.setEnabled(pending is None and self._can_dial)
        for code, button in self.buttons.items():
            # Call outcomes wrap up a dial: off without one, as in the outcome bar.
            if code in CALL_OUTCOMES:
                button.setEnabled(pending is not None)
        if pending is None:
            self.set_can_dial(self._can_dial, self._why)
        else:
            calling = self.tr("Calling {name}: log the outcome").format(name=pending.lead_name)
            self.state.setText(f'<span style="color:{WARN}">{calling}</span>')
