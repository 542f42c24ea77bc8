"""The voicemail script for the lead's next call: its text, spoken length, a warning
when it runs long, and the next variant on demand."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.scripts import WARN_SECONDS, RenderedScript
from leaddesk.ui.icons import icon
from leaddesk.ui.style import OK, WARN
from leaddesk.ui.vocabulary import stage_name


class ScriptPanel(QWidget):
    next_variant_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScriptPanel")
        self.setAccessibleName(self.tr("Voicemail script"))
        self.script: RenderedScript | None = None

        self.text = QLabel(self)
        self.text.setObjectName("ScriptText")
        self.text.setAccessibleName(self.tr("Script text"))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setStyleSheet("font-size: 11.5pt; line-height: 140%;")
        # Read out loud to the end: in a low window the script scrolls, never cut mid-line.
        self.text_area = QScrollArea(self)
        self.text_area.setObjectName("ScriptTextArea")
        self.text_area.setWidget(self.text)
        self.text_area.setWidgetResizable(True)
        self.text.setAutoFillBackground(False)
        self.text_area.viewport().setAutoFillBackground(False)
        self.text_area.setFrameShape(QFrame.Shape.NoFrame)
        self.text_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text_area.setMinimumHeight(3 * self.text.fontMetrics().lineSpacing())

        self.length = QLabel(self)
        self.length.setObjectName("ScriptLength")
        self.length.setAccessibleName(self.tr("Script length"))
        self.stage = QLabel(self)
        self.stage.setObjectName("ScriptStage")
        self.stage.setAccessibleName(self.tr("Script stage"))
        self.stage.setProperty("muted", True)
        self.next_button = QToolButton(self)
        self.next_button.setIcon(icon("shuffle"))
        self.next_button.setText(self.tr("Next variant  Ctrl+Shift+V"))
        self.next_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.next_button.setAutoRaise(True)
        self.next_button.setObjectName("NextVariantButton")
        self.next_button.setAccessibleName(self.tr("Next script variant"))
        self.next_button.clicked.connect(self.next_variant_requested)

        self.length.setWordWrap(True)

        words = QHBoxLayout()
        words.setSpacing(8)
        words.addWidget(self.length)
        words.addWidget(self.stage, 1)
        meta = QHBoxLayout()
        meta.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 8)
        layout.addWidget(self.text_area, 1)
        layout.addLayout(meta)
        self.show_message(self.tr("Select a lead to see the voicemail to leave."))

    def show_message(self, text: str) -> None:
        self.script = None
        self.text.setText(text)
        self._set_muted(True)
        self.length.setText("")
        self.stage.setText("")
        self.next_button.setEnabled(False)

    def set_script(self, script: RenderedScript) -> None:
        self.script = script
        self.text.setText(script.text)
        self._set_muted(False)
        seconds = round(script.seconds)
        if script.too_long:
            self.length.setText(
                self.tr(
                    '<span style="color:{color}; font-weight:600">⚠ {seconds} s · {words} '
                    "words: too long, keep it under {limit} s</span>"
                ).format(
                    color=WARN,
                    seconds=seconds,
                    words=script.words,
                    limit=round(WARN_SECONDS),
                )
            )
            spoken = self.tr("{seconds} seconds, too long")
        else:
            self.length.setText(
                self.tr(
                    '<span style="color:{color}; font-weight:600">≈ {seconds} s</span> · '
                    "{words} words"
                ).format(color=OK, seconds=seconds, words=script.words)
            )
            spoken = self.tr("{seconds} seconds")
        self.length.setAccessibleDescription(spoken.format(seconds=seconds))
        self.stage.setText(
            self.tr("· {stage}, variant {variant} of {variants}").format(
                stage=stage_name(script.stage), variant=script.variant, variants=script.variants
            )
            if script.stage
            else ""
        )
        if not script.voicemail_ok:
            self.length.setText(
                self.tr(
                    '<span style="color:{color}; font-weight:600">No voicemail today:</span> '
                    "{advice}"
                ).format(color=WARN, advice=script.advice)
            )
        self.next_button.setEnabled(script.variants > 1)

    def _set_muted(self, muted: bool) -> None:
        self.text.setProperty("muted", muted)
        self.text.style().unpolish(self.text)
        self.text.style().polish(self.text)
