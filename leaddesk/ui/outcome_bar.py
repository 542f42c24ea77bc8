"""Dial, then log what happened in one key: the outcome buttons (1 to 9 and letters),
a note, the call's duration and the callback picker."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.outcomes import OUTCOMES, OutcomeInfo, default_channel
from leaddesk.services.outcomes import PendingDial
from leaddesk.ui.callback_picker import CallbackPicker
from leaddesk.ui.elided_label import ElidedLabel
from leaddesk.ui.icons import icon
from leaddesk.ui.style import WARN, tint
from leaddesk.ui.timefmt import timer_text
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP, outcome_label

# Phone outcomes on the first rows, written channels after.
LAYOUT = (
    ("qualified", "connected", "callback", "not_interested", "voicemail_left"),
    ("voicemail_no_message", "no_answer", "busy", "wrong_number", "bad_number"),
    ("do_not_call", "email_sent", "text_sent", "social_touch", "replied"),
)


# Outcomes of a call: they wrap up a dial, and act only while one is pending.
CALL_OUTCOMES = frozenset(
    c for c in OUTCOMES if default_channel(c).value == "phone" and c != "do_not_call"
)

SHORT_LABELS = {"voicemail_no_message": QT_TRANSLATE_NOOP("OutcomeBar", "VM, no msg")}

# What a softphone reports while a call lasts: the live timer's words ("Ringing 0:04",
# "Talking 1:05") and the talk seconds so far; None when no call is live.
LiveCall = Callable[[], tuple[str, float] | None]


class OutcomeButton(QPushButton):
    """A button with its one-key shortcut drawn as a key cap."""

    def __init__(self, info: OutcomeInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setObjectName(f"Outcome_{info.code}")
        name = outcome_label(info.label)
        self.setAccessibleName(self.tr("{outcome} (key {key})").format(outcome=name, key=info.key))
        self.setToolTip(self.tr("Log “{outcome}” (key {key})").format(outcome=name, key=info.key))
        self.setProperty("outcome", True)
        self.setMinimumHeight(30)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        cap = QLabel(info.key, self)
        cap.setObjectName("KeyHint")
        cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
        cap.setMinimumWidth(18)
        short = SHORT_LABELS.get(info.code)
        text = ElidedLabel(QCoreApplication.translate("OutcomeBar", short) if short else name, self)
        text.setObjectName("OutcomeLabel")
        for label in (cap, text):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = self.row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.setSpacing(6)
        row.addWidget(cap)
        row.addWidget(text, 1)
        self.cap, self.label = cap, text

    def full_width(self) -> int:
        """The width that shows the whole label (the label's own hint is ignored by the
        layout, so that a narrow key elides instead of growing)."""
        row = self.row
        margins = row.contentsMargins()
        return (
            margins.left()
            + margins.right()
            + self.cap.sizeHint().width()
            + row.spacing()
            + self.label.sizeHint().width()
            + 4  # the button's frame
        )


class OutcomeGrid(QWidget):
    """The outcome keys in reading order (1 to 9, then letters), five to a row where they
    fit, four or three where the window is narrow or the language long: a key's label is
    never cut to "Wrong num…"."""

    COLUMNS = (5, 4, 3)

    def __init__(self, buttons: list[OutcomeButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutcomeGrid")
        self.buttons = buttons
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(5)
        self.columns = 0
        self._place(self.COLUMNS[0])

    def key_width(self) -> int:
        return max(b.full_width() for b in self.buttons)

    def columns_for(self, width: int) -> int:
        spacing = self.grid.horizontalSpacing()
        for columns in self.COLUMNS:
            if columns * self.key_width() + (columns - 1) * spacing <= width:
                return columns
        return self.COLUMNS[-1]

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for button in self.buttons:
            self.grid.removeWidget(button)
        for i, button in enumerate(self.buttons):
            self.grid.addWidget(button, i // columns, i % columns)
        for c in range(max(self.COLUMNS)):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        columns = self.COLUMNS[-1]
        rows = -(-len(self.buttons) // max(self.columns, 1))
        height = rows * self.buttons[0].minimumSizeHint().height()
        height += (rows - 1) * self.grid.verticalSpacing()
        width = columns * self.key_width() + (columns - 1) * self.grid.horizontalSpacing()
        return QSize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        before = self.columns
        self._place(self.columns_for(event.size().width()))
        if self.columns != before:
            self.grid.activate()  # the keys move now, not at the next event


class OutcomeBar(QFrame):
    dial_requested = Signal()
    outcome_requested = Signal(str)
    call_anyway_requested = Signal()
    copy_requested = Signal(str)  # the E.164 number of a failed hand-off

    def __init__(self, picker: CallbackPicker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutcomeBar")
        self.setAccessibleName(self.tr("Outcome bar"))
        self.pending: PendingDial | None = None
        self._dial_started = 0.0
        self._duration_touched = False
        # The softphone's view of the call (None: a tel: hand-off, only a wall timer).
        self.live: LiveCall | None = None
        self.call_ended = False
        self.suggested: str | None = None

        self.dial_button = QPushButton(icon("phone", "#ffffff"), self.tr("Dial   Enter"), self)
        self.dial_button.setObjectName("DialButton")
        self.dial_button.setAccessibleName(self.tr("Dial"))
        self.dial_button.setToolTip(self.tr("Call the selected lead (Enter)"))
        self.dial_button.clicked.connect(self.dial_requested)
        self.state = QLabel(self)
        self.state.setObjectName("DialState")
        self.state.setAccessibleName(self.tr("Dial state"))
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.RichText)
        self.anyway_button = QPushButton(self.tr("Call now anyway…"), self)
        self.anyway_button.setObjectName("CallAnywayButton")
        self.anyway_button.setAccessibleName(self.tr("Call now anyway"))
        self.anyway_button.setToolTip(
            self.tr("Call a lead planned for later now, inside its calling hours (asks why)")
        )
        self.anyway_button.clicked.connect(self.call_anyway_requested)
        self.anyway_button.hide()

        # A hand-off that failed: the message stays until dismissed, with Copy.
        self.alert = QFrame(self)
        self.alert.setObjectName("DialAlert")
        self.alert.setAccessibleName(self.tr("Call not started"))
        self.alert_text = QLabel(self.alert)
        self.alert_text.setObjectName("DialAlertText")
        self.alert_text.setWordWrap(True)
        self.alert_copy = QPushButton(icon("copy"), self.tr("Copy"), self.alert)
        self.alert_copy.setObjectName("DialAlertCopy")
        self.alert_copy.setAccessibleName(self.tr("Copy the number"))
        self.alert_dismiss = QPushButton(self.tr("Dismiss"), self.alert)
        self.alert_dismiss.setObjectName("DialAlertDismiss")
        self.alert_dismiss.setAccessibleName(self.tr("Dismiss the message"))
        self.alert_number = ""
        self.alert_copy.clicked.connect(lambda: self.copy_requested.emit(self.alert_number))
        self.alert_dismiss.clicked.connect(self.dismiss_alert)
        alert_row = QHBoxLayout(self.alert)
        alert_row.setContentsMargins(8, 4, 8, 4)
        alert_row.addWidget(self.alert_text, 1)
        alert_row.addWidget(self.alert_copy)
        alert_row.addWidget(self.alert_dismiss)
        self.alert.setStyleSheet(f"QFrame#DialAlert {{ border: 1px solid {WARN}; }}")
        self.alert.hide()

        # The manual dialer: the number to dial by hand, large.
        self.manual_number = QLabel(self)
        self.manual_number.setObjectName("ManualDialNumber")
        self.manual_number.setAccessibleName(self.tr("Number to dial by hand"))
        self.manual_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.manual_number.setTextFormat(Qt.TextFormat.RichText)
        self.manual_number.setStyleSheet("font-size: 17pt; font-weight: 700;")
        self.manual_number.hide()

        self.buttons: dict[str, OutcomeButton] = {}
        for codes in LAYOUT:
            for code in codes:
                button = OutcomeButton(OUTCOMES[code], self)
                button.clicked.connect(lambda _=False, code=code: self.outcome_requested.emit(code))
                self.buttons[code] = button
        self.grid = OutcomeGrid(list(self.buttons.values()), self)
        self.shortcuts: list[QShortcut] = []
        for code, info in OUTCOMES.items():
            shortcut = QShortcut(QKeySequence(info.key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda code=code: self.outcome_requested.emit(code))
            self.shortcuts.append(shortcut)

        self.note = QLineEdit(self)
        self.note.setObjectName("OutcomeNote")
        self.note.setAccessibleName(self.tr("Outcome note"))
        self.note.setPlaceholderText(self.tr("Note for this attempt (Ctrl+L)"))
        self.duration = QSpinBox(self)
        self.duration.setObjectName("OutcomeDuration")
        self.duration.setAccessibleName(self.tr("Call duration in seconds"))
        self.duration.setRange(0, 24 * 3600)
        self.duration.setSuffix(self.tr(" s", "seconds after the call duration"))
        self.duration.setSpecialValueText(self.tr("no duration"))
        self.duration.setMinimumWidth(110)
        self.duration.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.duration.setToolTip(self.tr("How long the call lasted; filled in while a call runs"))
        self.duration.valueChanged.connect(self._duration_edited)
        self.picker = picker
        picker.setParent(self)

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.dial_button)
        # The number to dial by hand beside Dial, not on a row of its own: a laptop
        # screen keeps the voicemail script in view during the call.
        top.addWidget(self.manual_number)
        top.addWidget(self.state, 1)
        top.addWidget(self.anyway_button)
        extras = QHBoxLayout()
        extras.addWidget(self.note, 1)
        extras.addWidget(self.duration)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(5)
        layout.addLayout(top)
        layout.addWidget(self.alert)
        layout.addWidget(self.grid)
        layout.addLayout(extras)
        layout.addWidget(picker)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self.set_pending(None)

    # -- state --------------------------------------------------------------------------

    def set_can_dial(self, can: bool, why: str = "", anyway: bool = False) -> None:
        """Dial on or off with the reason beside it; `anyway`: offer "Call now anyway"."""
        self.dial_button.setEnabled(can and self.pending is None)
        self.anyway_button.setVisible(anyway and self.pending is None)
        if self.pending is None:
            self.state.setText(why)

    def show_alert(self, text: str, number: str) -> None:
        self.alert_text.setText(text)
        self.alert_number = number
        self.alert.show()

    def dismiss_alert(self) -> None:
        self.alert.hide()
        self.alert_text.clear()

    def show_manual_number(self, national: str, e164: str) -> None:
        # The national form large, the international one under it (both selectable).
        self.manual_number.setText(
            national or e164
            if national == e164 or not national
            else f"{national}<br><span style='font-size: 9pt; font-weight: 400'>{e164}</span>"
        )
        self.manual_number.show()

    def set_pending(self, pending: PendingDial | None, recovered: bool = False) -> None:
        self.pending = pending
        self._duration_touched = False
        self.call_ended = False
        self.suggest(None)
        # The callback time is a call's outcome: it shows with the call (room for the
        # script and rapport before dialing, on a laptop screen).
        self.picker.setVisible(pending is not None)
        # Call outcomes wrap up a dial: without one they are off, visibly.
        for code, button in self.buttons.items():
            if code in CALL_OUTCOMES:
                button.setEnabled(pending is not None)
                button.setToolTip(
                    button.toolTip().split("\n")[0]
                    + ("" if pending is not None else "\n" + self.tr("Dial first (Enter)"))
                )
        if pending is None:
            self._timer.stop()
            self.dial_button.setEnabled(True)
            self.setStyleSheet("")
            self.manual_number.hide()
            return
        self.anyway_button.hide()
        self.dial_button.setEnabled(False)
        self._dial_started = time.monotonic()
        color = WARN
        bg = tint(color, self.palette(), 0.10).name()
        self.setStyleSheet(f"QFrame#OutcomeBar {{ border: 1px solid {color}; background: {bg}; }}")
        if recovered:
            self.state.setText(
                self.tr(
                    '<b style="color:{color}">Call to {name} was not logged</b> '
                    "(started {started}). Press the outcome key to wrap it up."
                ).format(
                    color=color,
                    name=pending.lead_name,
                    started=f"{pending.started_at.astimezone():%a %H:%M}",
                )
            )
            self._timer.stop()
        else:
            self._timer.start()
            self.tick()

    def tick(self) -> None:
        if self.pending is None or self.call_ended:
            return
        live = self.live() if self.live is not None else None
        if live is not None:
            words, talking = live
            self.state.setText(
                self.tr(
                    '<b style="color:{color}">{name}</b> · {call} · '
                    "Ctrl+H hangs up; log the outcome before the next dial"
                ).format(color=WARN, name=self.pending.lead_name, call=words)
            )
            self._set_duration(int(talking))
            return
        elapsed = time.monotonic() - self._dial_started
        self.state.setText(
            self.tr(
                '<b style="color:{color}">Calling {name}</b> · '
                "{timer} · log the outcome (keys 1–9, letters) before the next dial"
            ).format(color=WARN, name=self.pending.lead_name, timer=timer_text(elapsed))
        )
        self._set_duration(int(elapsed))

    def _set_duration(self, seconds: int) -> None:
        if not self._duration_touched:
            self.duration.blockSignals(True)
            self.duration.setValue(seconds)
            self.duration.blockSignals(False)

    def call_finished(self, suggested: str | None, description: str, duration_s: int) -> None:
        """The softphone's call ended: stop the timer, fill the duration, pre-select the
        suggested outcome (never logged here: the agent confirms with its key or Enter)."""
        self.call_ended = True
        self._timer.stop()
        self._set_duration(duration_s)
        self.suggest(suggested)
        name = self.pending.lead_name if self.pending else self.tr("the lead")
        if suggested is not None:
            hint = self.tr("Press Enter to log “{outcome}”, or another outcome key.").format(
                outcome=outcome_label(OUTCOMES[suggested].label)
            )
        else:
            hint = self.tr("Choose the outcome (keys 1–9, letters).")
        self.state.setText(
            self.tr(
                '<b style="color:{color}">Call to {name} ended</b> · {description} {hint}'
            ).format(color=WARN, name=name, description=description, hint=hint)
        )

    def suggest(self, code: str | None) -> None:
        """Mark one outcome button as the pre-selected choice (None: none)."""
        self.suggested = code
        for name, button in self.buttons.items():
            on = name == code
            if bool(button.property("suggested")) != on:
                button.setProperty("suggested", on)
                button.setStyleSheet(
                    f"QPushButton {{ border: 2px solid {WARN}; font-weight: bold; }}" if on else ""
                )

    def _duration_edited(self, _value: int) -> None:
        self._duration_touched = True

    def duration_s(self) -> int | None:
        return self.duration.value() or None

    def clear_inputs(self) -> None:
        self.note.clear()
        self.duration.blockSignals(True)
        self.duration.setValue(0)
        self.duration.blockSignals(False)
        self._duration_touched = False
