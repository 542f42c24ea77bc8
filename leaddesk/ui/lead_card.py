"""The lead card: who this is, how to reach them, whether a call is allowed now, where
they are in the cadence, how long they have waited, and the last attempt."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.services.leads import LeadDetail
from leaddesk.ui.consent_editor import ConsentEditor
from leaddesk.ui.elided_label import ElidedLabel
from leaddesk.ui.icons import icon
from leaddesk.ui.lead_from_file import FromFileBlock
from leaddesk.ui.style import ACCENT, BAD, OK, WARN, tint
from leaddesk.ui.timefmt import duration_text, relative_text, timer_text, when_text
from leaddesk.ui.vocabulary import channel_name, outcome_label, status_name


def _label(name: str, accessible: str, parent: QWidget, muted: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setProperty("muted", True)
    return label


def _elided(name: str, accessible: str, parent: QWidget, muted: bool = False) -> ElidedLabel:
    label = ElidedLabel("", parent)
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    if muted:
        label.setProperty("muted", True)
    return label


class LeadCard(QFrame):
    copy_requested = Signal(str)  # the number to copy

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LeadCard")
        self.setAccessibleName(self.tr("Lead card"))
        self.detail: LeadDetail | None = None
        self._received = 0.0

        self.name = _elided("LeadName", self.tr("Lead name"), self)
        self.subtitle = _elided("LeadCompany", self.tr("Company and title"), self, muted=True)
        self.status_pill = _label("LeadCallable", self.tr("Callable now"), self)
        self.status_pill.setTextFormat(Qt.TextFormat.RichText)

        self.phone = _label("LeadPhone", self.tr("Phone number"), self)
        self.phone.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.phone_intl = _label(
            "LeadPhoneInternational", self.tr("International number"), self, True
        )
        self.copy_button = QPushButton(icon("copy"), self.tr("Copy"), self)
        self.copy_button.setObjectName("CopyNumberButton")
        self.copy_button.setAccessibleName(self.tr("Copy number"))
        self.copy_button.setToolTip(self.tr("Copy the number (Ctrl+Shift+C)"))
        self.copy_button.clicked.connect(self._copy)

        self.local_time = _label("LeadLocalTime", self.tr("Lead local time"), self)
        self.reason = _label("LeadReason", self.tr("Why callable or not"), self, muted=True)
        self.reason.setWordWrap(True)
        self.attempt = _label("LeadAttempt", self.tr("Attempt of cadence"), self)
        self.next_step = _label("LeadNextStep", self.tr("Next cadence step"), self, muted=True)
        self.age = _label("LeadAge", self.tr("Age since arrival"), self)
        self.age_caption = _label("LeadAgeCaption", self.tr("Age caption"), self, muted=True)
        self.last = _label("LeadLastAttempt", self.tr("Last attempt"), self)
        self.last.setWordWrap(True)
        self.last_caption = _label(
            "LeadLastCaption", self.tr("Last attempt caption"), self, muted=True
        )

        # Name and number on one row (a laptop screen has no height to spare): the name
        # and company end in "…" before the number is pushed out.
        head = QHBoxLayout()
        head.setSpacing(12)
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.name)
        names.addWidget(self.subtitle)
        head.addLayout(names, 1)
        numbers = QVBoxLayout()
        numbers.setSpacing(2)
        numbers.addWidget(self.phone, 0, Qt.AlignmentFlag.AlignRight)
        numbers.addWidget(self.phone_intl, 0, Qt.AlignmentFlag.AlignRight)
        head.addLayout(numbers)
        side = QVBoxLayout()
        side.setSpacing(4)
        side.addWidget(self.status_pill, 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignRight)
        head.addLayout(side)

        facts = QGridLayout()
        facts.setHorizontalSpacing(24)
        facts.setVerticalSpacing(2)
        for col, (value, caption) in enumerate(
            (
                (self.local_time, self.reason),
                (self.attempt, self.next_step),
                (self.age, self.age_caption),
                (self.last, self.last_caption),
            )
        ):
            value.setStyleSheet("font-weight: 600;")
            caption.setWordWrap(True)
            facts.addWidget(value, 0, col)
            facts.addWidget(caption, 1, col, Qt.AlignmentFlag.AlignTop)
            facts.setColumnStretch(col, 1 if col != 3 else 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.setSpacing(8)
        layout.addLayout(head)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setObjectName("CardRule")
        line.setStyleSheet("color: palette(mid);")
        layout.addWidget(line)
        layout.addLayout(facts)
        self.consent = ConsentEditor(self)
        layout.addWidget(self.consent)
        self.from_file = FromFileBlock(self)
        layout.addWidget(self.from_file)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.show_empty(self.tr("Select a lead in the call list."))

    def show_empty(self, text: str) -> None:
        self.detail = None
        self._timer.stop()
        self.name.setText(self.tr("No lead selected"))
        self.subtitle.setText(text)
        for label in (
            self.phone,
            self.phone_intl,
            self.local_time,
            self.reason,
            self.attempt,
            self.next_step,
            self.age,
            self.age_caption,
            self.last,
            self.last_caption,
            self.status_pill,
        ):
            label.setText("")
        self.copy_button.setEnabled(False)
        self.consent.setVisible(False)
        self.from_file.clear()

    def show_error(self, text: str) -> None:
        self.show_empty(text)
        self.name.setText(self.tr("Lead not available"))

    def set_detail(self, detail: LeadDetail) -> None:
        self.detail = detail
        self._received = time.monotonic()
        self.consent.set_detail(detail)
        self.consent.setVisible(True)
        self.name.setText(detail.name)
        self.subtitle.setText(
            " · ".join(p for p in (detail.company, detail.title, detail.place) if p)
        )
        self.phone.setText(detail.phone_national or self.tr("no number"))
        self.phone_intl.setText(
            detail.phone_international
            if detail.phone_international != detail.phone_national
            else ""
        )
        self.copy_button.setEnabled(bool(detail.phone_e164))
        pill, color = self.badge(detail)
        bg = tint(color, self.palette(), 0.16).name()
        self.status_pill.setText(
            f'<span style="background:{bg}; color:{color}; font-weight:600;">'
            f"&nbsp;&nbsp;{pill}&nbsp;&nbsp;</span>"
        )
        self.status_pill.setAccessibleDescription(pill)
        # A written step due: its message, where the cadence gives one, to copy and send.
        template = (
            detail.next_step_template if detail.next_channel in ("email", "sms", "social") else ""
        )
        self.status_pill.setToolTip(template)
        local = (
            f"{detail.local_time:%H:%M} {detail.local_time.tzname()}"
            if detail.local_time
            else self.tr("time zone unknown")
        )
        self.local_time.setText(self.tr("{time} their time").format(time=local))
        self.reason.setText(detail.reason)
        if detail.status in (
            "qualified",
            "not_interested",
            "do_not_call",
            "bad_number",
            "finished",
        ):
            self.attempt.setText(
                self.tr("Closed: {status}").format(status=status_name(detail.status))
            )
            self.next_step.setText(self.tr("%n attempt(s) made", "", detail.attempt_number - 1))
        else:
            self.attempt.setText(
                self.tr("Attempt {number} of {length}").format(
                    number=detail.attempt_number, length=detail.cadence_length
                )
            )
            nxt = detail.next_step_label
            if detail.callback_due_at is not None:
                nxt = self.tr("callback {when}").format(when=when_text(detail.callback_due_at))
            if detail.next_step_template and detail.next_channel in ("email", "sms", "social"):
                nxt += f" · “{detail.next_step_template}”"
            self.next_step.setText(nxt)
        last = detail.last_attempt
        if last is None:
            self.last.setText(self.tr("Never contacted"))
            self.last_caption.setText(self.tr("first touch is a call"))
        else:
            self.last.setText(f"{outcome_label(last.outcome_label)} · {channel_name(last.channel)}")
            self.last_caption.setText(
                self.tr("{when} by {agent}").format(
                    when=relative_text(last.at, detail.as_of), agent=last.agent_name
                )
                + (f" · “{last.note}”" if last.note else "")
            )
        self.from_file.set_detail(detail)
        self._tick()
        if detail.never_attempted:
            self._timer.start()
        else:
            self._timer.stop()

    def badge(self, detail: LeadDetail) -> tuple[str, str]:
        """The badge follows the lead's next step and its rules: what to do now."""
        written = {
            "email": self.tr("Email due"),
            "sms": self.tr("Text due"),
            "social": self.tr("Social touch due"),
        }
        if detail.do_not_call:
            return self.tr("Blocked: on the do-not-call list"), BAD
        if detail.phone_bad or not detail.phone_e164:
            return self.tr("Blocked: no good phone number"), BAD
        if detail.section == "later":
            return self.tr("Later: {reason}").format(reason=detail.reason), WARN
        if not detail.callable:
            return self.tr("Blocked: {reason}").format(reason=detail.reason), BAD
        if detail.next_channel in written:
            text = written[detail.next_channel]
            if detail.next_step_label:
                text += f" · {detail.next_step_label}"
            return text, ACCENT
        return self.tr("Call now"), OK

    def _tick(self) -> None:
        detail = self.detail
        if detail is None:
            return
        if detail.never_attempted:
            age = detail.age_s + (time.monotonic() - self._received)
            self.age.setText(timer_text(age))
            self.age.setStyleSheet(f"font-weight: 600; color: {BAD if age > 300 else WARN};")
            self.age_caption.setText(self.tr("waiting since arrival"))
        else:
            self.age.setStyleSheet("font-weight: 600;")
            self.age.setText(self.tr("{age} old").format(age=duration_text(detail.age_s)))
            stl = detail.speed_to_lead_s
            self.age_caption.setText(
                self.tr("first call after {wait}").format(wait=duration_text(stl))
                if stl is not None
                else ""
            )

    def _copy(self) -> None:
        if self.detail and self.detail.phone_e164:
            self.copy_requested.emit(self.detail.phone_e164)
