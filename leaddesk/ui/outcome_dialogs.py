"""The outcome questions that need an answer before anything is written: the
do-not-call confirmation (and why), a call made elsewhere (what and when), and the
reason for calling a lead before its planned time."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.ui.outcome_bar import CALL_OUTCOMES
from leaddesk.ui.vocabulary import outcome_label


class _Dialog(QDialog):
    """A small dialog: Enter confirms, Esc cancels."""

    def __init__(self, name: str, title: str, text: str, ok: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setText(ok)
        ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)


class DncConfirm(_Dialog):
    """Put the lead's number on the do-not-call list? With why (kept in the audit)."""

    def __init__(self, name: str, number: str, parent: QWidget) -> None:
        super().__init__(
            "DncConfirm",
            self.tr("Do not call"),
            self.tr(
                "Put {name} ({number}) on the do-not-call list? No one will call this number "
                "again. Enter confirms, Esc cancels."
            ).format(name=name, number=number or self.tr("no number")),
            self.tr("Do not call"),
            parent,
        )
        self.reason = QLineEdit(self)
        self.reason.setObjectName("DncReason")
        self.reason.setAccessibleName(self.tr("Why"))
        self.reason.setPlaceholderText(self.tr("e.g. asked not to be called again"))
        self.form.addRow(self.tr("Why"), self.reason)
        self.reason.setFocus()


class DncRemoveDialog(_Dialog):
    """Take the lead's number off the do-not-call list: only with why (audited)."""

    def __init__(self, name: str, number: str, parent: QWidget) -> None:
        super().__init__(
            "DncRemoveDialog",
            self.tr("Take off the do-not-call list"),
            self.tr(
                "Take {number} ({name}) off the do-not-call list? Say why: the change is "
                "kept with your name and the time."
            ).format(name=name, number=number),
            self.tr("Take off the list"),
            parent,
        )
        self.reason = QLineEdit(self)
        self.reason.setObjectName("DncRemoveReason")
        self.reason.setAccessibleName(self.tr("Why"))
        self.reason.setPlaceholderText(self.tr("e.g. listed by mistake, wrong number"))
        self.form.addRow(self.tr("Why"), self.reason)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.reason.setFocus()


class CallAnywayDialog(_Dialog):
    """Why a lead planned for later is called now (kept on the attempt's note)."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(
            "CallAnywayDialog",
            self.tr("Call now anyway"),
            self.tr("{name} is planned for later. Why call now?").format(name=name),
            self.tr("Call now"),
            parent,
        )
        self.reason = QLineEdit(self.tr("lead asked"), self)
        self.reason.setObjectName("CallAnywayReason")
        self.reason.setAccessibleName(self.tr("Why call now"))
        self.reason.selectAll()
        self.form.addRow(self.tr("Why"), self.reason)
        self.reason.setFocus()


class ManualCallDialog(_Dialog):
    """A call made outside LeadDesk (a mobile, another desk): what happened and when."""

    def __init__(self, name: str, now: datetime, parent: QWidget) -> None:
        super().__init__(
            "ManualCallDialog",
            self.tr("Log a call made elsewhere"),
            self.tr(
                "Record a call to {name} made outside LeadDesk. It is marked as recorded "
                "by hand in the history."
            ).format(name=name),
            self.tr("Log the call"),
            parent,
        )
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("ManualCallOutcome")
        self.outcome.setAccessibleName(self.tr("Outcome"))
        for code in OUTCOMES:
            # A callback needs its agreed time: the outcome bar's picker asks for it.
            if code in CALL_OUTCOMES and code != "callback":
                self.outcome.addItem(outcome_label(OUTCOMES[code].label), code)
        # Nothing chosen until the agent chooses: a quick Enter logged the first outcome
        # of the list ("Qualified") for a call it did not describe.
        self.outcome.setPlaceholderText(self.tr("Choose what happened…"))
        self.outcome.setCurrentIndex(-1)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.outcome.currentIndexChanged.connect(lambda index: ok.setEnabled(index >= 0))
        self.outcome.setFocus()
        self.when = QDateTimeEdit(self)
        self.when.setObjectName("ManualCallWhen")
        self.when.setAccessibleName(self.tr("When the call was made"))
        self.when.setCalendarPopup(True)
        local_now = QDateTime.fromSecsSinceEpoch(int(now.timestamp()))
        self.when.setMaximumDateTime(local_now)
        self.when.setDateTime(
            QDateTime.fromSecsSinceEpoch(int((now - timedelta(minutes=5)).timestamp()))
        )
        self.when.setDisplayFormat("ddd d MMM yyyy HH:mm")
        self.note = QLineEdit(self)
        self.note.setObjectName("ManualCallNote")
        self.note.setAccessibleName(self.tr("Note"))
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("When"), self.when)
        self.form.addRow(self.tr("Note"), self.note)

    def code(self) -> str:
        return str(self.outcome.currentData())

    def at(self) -> datetime:
        from datetime import UTC

        return datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)
