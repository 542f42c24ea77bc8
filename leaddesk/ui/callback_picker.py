"""When to call back: quick choices ("tomorrow at this time, their time", "in 2 hours")
or any date and time, checked against the lead's calling hours as it is picked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.services.leads import CallingCheck, LeadDetail
from leaddesk.ui.backend import Backend
from leaddesk.ui.icons import icon
from leaddesk.ui.style import BAD, OK
from leaddesk.ui.tasks import TaskRunner


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.systemTimeZone())


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class CallbackPicker(QWidget):
    checked = Signal(bool)  # whether the picked time is inside calling hours
    status_changed = Signal(str)  # the check, in words (plain text)

    def __init__(self, runner: TaskRunner, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CallbackPicker")
        self.setAccessibleName(self.tr("Callback time"))
        self._runner = runner
        self._backend = backend
        self._detail: LeadDetail | None = None
        self._check: CallingCheck | None = None
        self._picked = False

        self.tomorrow = QPushButton(icon("callback"), self.tr("Tomorrow, same time  Alt+T"), self)
        self.tomorrow.setObjectName("CallbackTomorrow")
        self.tomorrow.setAccessibleName(self.tr("Callback tomorrow at this local time"))
        self.tomorrow.setToolTip(self.tr("Tomorrow at the lead's current local time (Alt+T)"))
        self.tomorrow.clicked.connect(self.pick_tomorrow)
        self.in_two = QPushButton(icon("clock"), self.tr("In 2 hours  Alt+2"), self)
        self.in_two.setObjectName("CallbackInTwoHours")
        self.in_two.setAccessibleName(self.tr("Callback in 2 hours"))
        self.in_two.clicked.connect(self.pick_in_two_hours)
        self.edit = QDateTimeEdit(self)
        self.edit.setObjectName("CallbackDateTime")
        self.edit.setAccessibleName(self.tr("Callback date and time"))
        self.edit.setDisplayFormat("ddd d MMM HH:mm")
        self.edit.setCalendarPopup(True)
        self.edit.dateTimeChanged.connect(self._edited)
        self.status = QLabel(self)
        self.status.setObjectName("CallbackCheck")
        self.status.setAccessibleName(self.tr("Callback calling hours check"))
        self.status.setWordWrap(True)

        # The check of the picked time on a line of its own: beside the buttons it made
        # the lead pane wider than a 1280-pixel laptop leaves it.
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        caption = QLabel(self.tr("Callback:"), self)
        caption.setObjectName("CallbackCaption")
        row.addWidget(caption)
        row.addWidget(self.tomorrow)
        row.addWidget(self.in_two)
        row.addWidget(self.edit)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.set_lead(None)

    # -- state --------------------------------------------------------------------------

    def set_lead(self, detail: LeadDetail | None) -> None:
        self._detail = detail
        self._check = None
        self._picked = False
        self.status.setText("")
        for widget in (self.tomorrow, self.in_two, self.edit):
            widget.setEnabled(detail is not None)
        if detail is not None:
            self.edit.blockSignals(True)
            self.edit.setDateTime(to_qdatetime(detail.as_of + timedelta(days=1)))
            self.edit.blockSignals(False)

    def value(self) -> datetime | None:
        """The picked time (None until the agent picks one)."""
        if not self._picked:
            return None
        return from_qdatetime(self.edit.dateTime())

    def is_ok(self) -> bool:
        return self._picked and self._check is not None and self._check.callable

    # -- choices ------------------------------------------------------------------------

    def pick_tomorrow(self) -> None:
        detail = self._detail
        if detail is None:
            return
        if detail.local_time is not None and detail.local_time.tzinfo is not None:
            zone = detail.local_time.tzinfo
            local = detail.as_of.astimezone(zone).replace(tzinfo=None) + timedelta(days=1)
            at = local.replace(tzinfo=zone).astimezone(UTC)
        else:
            at = detail.as_of + timedelta(days=1)
        self.pick(at)

    def pick_in_two_hours(self) -> None:
        if self._detail is not None:
            self.pick(self._backend.now + timedelta(hours=2))

    def pick(self, at: datetime) -> None:
        self.edit.setDateTime(to_qdatetime(at))
        self._edited()

    def _edited(self, *_args: object) -> None:
        detail = self._detail
        if detail is None:
            return
        self._picked = True
        at = from_qdatetime(self.edit.dateTime())
        lead_id, backend = detail.lead_id, self._backend
        self.status.setText(self.tr("checking calling hours…"))

        def done(check: CallingCheck) -> None:
            if self._detail is None or self._detail.lead_id != lead_id:
                return
            if from_qdatetime(self.edit.dateTime()) != at:
                return  # changed again since; a newer check is on its way
            self._check = check
            there = ""
            if detail.local_time is not None and detail.local_time.tzinfo is not None:
                there = self.tr("{time} their time · ").format(
                    time=f"{at.astimezone(detail.local_time.tzinfo):%a %H:%M}"
                )
            color, mark = (OK, "✓") if check.callable else (BAD, "✗")
            self.status.setText(
                f'<span style="color:{color}; font-weight:600">{mark}</span> {there}{check.reason}'
            )
            self.checked.emit(check.callable)
            self.status_changed.emit(
                self.tr("{mark} callback {there}{reason}").format(
                    mark=mark, there=there, reason=check.reason
                )
            )

        self._runner.run(lambda: backend.check_callback(lead_id, at), done, name="callback.check")
