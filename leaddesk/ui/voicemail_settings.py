"""Voicemail drops: the agent's recording for each cadence stage (introduce, add value,
offer a time, close the file), recorded through the headset or picked as a WAV file.
Each row shows the recording's length and flags one past 30 s (the short-voicemail
rule). Files stay in the app's data folder (`services.voicemail_drops`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIODevice
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.scripts import STAGES
from leaddesk.services.errors import UserError
from leaddesk.services.voicemail_drops import MAX_SECONDS, Recording, VoicemailDrops
from leaddesk.ui.style import BAD, OK
from leaddesk.ui.vocabulary import stage_name

RECORD_RATE = 8000  # what a phone call carries: no point recording more


class VoicemailDropDialog(QDialog):
    def __init__(self, drops: VoicemailDrops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drops = drops
        self.setObjectName("VoicemailDropDialog")
        self.setWindowTitle(self.tr("Voicemail drops"))
        self.setAccessibleName(self.tr("Voicemail drops"))
        intro = QLabel(
            self.tr(
                "Record the voicemail for each stage of the cadence, or choose a WAV file. "
                "During a call, F4 plays it into the voicemail box and hangs up when it ends. "
                "Keep each under {seconds:.0f} seconds."
            ).format(seconds=MAX_SECONDS),
            self,
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.lengths: dict[str, QLabel] = {}
        self.record_buttons: dict[str, QPushButton] = {}
        self.remove_buttons: dict[str, QPushButton] = {}
        for row, stage in enumerate(STAGES):
            grid.addWidget(QLabel(stage_name(stage), self), row, 0)
            length = QLabel(self)
            length.setObjectName(f"VoicemailLength_{stage}")
            length.setAccessibleName(self.tr("Recording length"))
            self.lengths[stage] = length
            grid.addWidget(length, row, 1)
            record = self._button(self.tr("Record"), f"VoicemailRecord_{stage}")
            record.clicked.connect(lambda _c=False, s=stage: self.toggle_recording(s))
            self.record_buttons[stage] = record
            choose = self._button(self.tr("Choose WAV…"), f"VoicemailChoose_{stage}")
            choose.clicked.connect(lambda _c=False, s=stage: self._choose(s))
            remove = self._button(self.tr("Remove"), f"VoicemailRemove_{stage}")
            remove.clicked.connect(lambda _c=False, s=stage: self.remove(s))
            self.remove_buttons[stage] = remove
            for column, button in enumerate((record, choose, remove), start=2):
                grid.addWidget(button, row, column)
        self.message = QLabel(self)
        self.message.setObjectName("VoicemailMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._source: object | None = None
        self._buffer: QIODevice | None = None
        self._recording_stage: str | None = None
        self.refresh()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text)
        return button

    def refresh(self) -> None:
        for stage, recording in self.drops.all().items():
            self._show(stage, recording)

    def _show(self, stage: str, recording: Recording | None) -> None:
        label = self.lengths[stage]
        self.remove_buttons[stage].setEnabled(recording is not None)  # nothing to remove
        if recording is None:
            label.setText(self.tr("no recording"))
            return
        if recording.too_long:
            label.setText(
                self.tr('<span style="color:{color}">{seconds:.1f} s: over 30 s</span>').format(
                    color=BAD, seconds=recording.seconds
                )
            )
        else:
            label.setText(
                self.tr('<span style="color:{color}">{seconds:.1f} s</span>').format(
                    color=OK, seconds=recording.seconds
                )
            )

    def _choose(self, stage: str) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the recording"), "", self.tr("WAV sound (*.wav)")
        )
        if path:
            self.install_file(stage, Path(path))

    def install_file(self, stage: str, path: Path) -> Recording | None:
        try:
            recording = self.drops.install(stage, path)
        except UserError as exc:
            self.message.setText(str(exc))
            return None
        self._show(stage, recording)
        self.message.setText(
            self.tr("Saved the {stage} voicemail ({seconds:.1f} s).").format(
                stage=stage_name(stage), seconds=recording.seconds
            )
            + (self.tr(" It is over 30 s: shorten it.") if recording.too_long else "")
        )
        return recording

    def remove(self, stage: str) -> None:
        self.drops.remove(stage)
        self._show(stage, None)

    # -- through the headset (Qt Multimedia) -------------------------------------------------

    def toggle_recording(self, stage: str) -> None:
        if self._recording_stage is not None:
            self._stop_recording()
            return
        try:
            from PySide6.QtCore import QBuffer
            from PySide6.QtMultimedia import QAudioFormat, QAudioSource, QMediaDevices
        except ImportError:
            self.message.setText(self.tr("Recording needs Qt Multimedia: choose a WAV file."))
            return
        device = QMediaDevices.defaultAudioInput()
        if device.isNull():
            self.message.setText(self.tr("No microphone found: plug in the headset."))
            return
        fmt = QAudioFormat()
        fmt.setSampleRate(RECORD_RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        buffer = QBuffer(self)
        buffer.open(QIODevice.OpenModeFlag.ReadWrite)
        source = QAudioSource(device, fmt, self)
        source.start(buffer)
        self._source, self._buffer, self._recording_stage = source, buffer, stage
        self.record_buttons[stage].setText(self.tr("Stop"))
        self.message.setText(self.tr("Recording… speak now, then press Stop."))

    def _stop_recording(self) -> None:
        stage, source, buffer = self._recording_stage, self._source, self._buffer
        self._recording_stage = self._source = self._buffer = None
        if stage is None or source is None or buffer is None:
            return
        source.stop()  # type: ignore[attr-defined]
        self.record_buttons[stage].setText(self.tr("Record"))
        pcm = bytes(buffer.data())  # type: ignore[attr-defined]
        try:
            recording = self.drops.save_pcm(stage, pcm, RECORD_RATE)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self._show(stage, recording)
        self.message.setText(
            self.tr("Recorded the {stage} voicemail ({seconds:.1f} s).").format(
                stage=stage_name(stage), seconds=recording.seconds
            )
        )
