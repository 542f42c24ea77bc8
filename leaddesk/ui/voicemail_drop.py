"""Voicemail drop in the agent window: when a call reaches a voicemail box, F4 plays the
agent's recording for the lead's voicemail stage into the call (through baresip) and
logs `voicemail_left` with that recording at once, so the agent moves to the next lead
while the message plays; baresip hangs up when the recording ends. "Voicemail drops…"
(Ctrl+Alt+V) records or picks the recordings (`voicemail_settings.py`)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from leaddesk.dialer.base import DialError
from leaddesk.services.voicemail_drops import VoicemailDrops
from leaddesk.ui.vocabulary import stage_name

if TYPE_CHECKING:
    from leaddesk.ui.main_window import MainWindow


class VoicemailDrop(QObject):
    def __init__(self, window: MainWindow, drops: VoicemailDrops | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.drops = drops or VoicemailDrops.default()
        # F4 and Ctrl+Alt+V are rows of the window's action table (ui/menus.ACTIONS).

    def open_recordings(self) -> None:
        from leaddesk.ui.voicemail_settings import VoicemailDropDialog

        VoicemailDropDialog(self.drops, self.window).open()

    def drop(self) -> None:
        w = self.window
        dialer = w.dialer
        play = getattr(dialer, "drop_voicemail", None)
        pending = w.pending
        if pending is None or not callable(play):
            w.show_error(
                self.tr("Voicemail drop plays into a softphone call: dial the lead first.")
            )
            return
        script = w.script.script
        stage = script.stage if script is not None else ""
        recording = self.drops.get(stage)
        if recording is None:
            w.show_error(
                self.tr(
                    "No recording for the {stage} voicemail: record it with Voicemail "
                    "drops… (Ctrl+Alt+V)."
                ).format(stage=stage_name(stage) if stage else self.tr("lead's"))
            )
            return
        call = getattr(dialer, "active_call", None)
        talked = 0.0
        if call is not None:
            talked = call.elapsed(time.monotonic())[1]
        try:
            play(recording.path)
        except DialError as exc:
            w.show_error(str(exc))
            return
        # Logged now, with the recording: the agent is free for the next lead while the
        # message plays (the call's length is what was said so far plus the recording).
        w.outcomes.note.setText(
            self.tr("Voicemail drop: {stage} recording ({seconds:.0f} s)").format(
                stage=stage_name(stage), seconds=recording.seconds
            )
        )
        w.outcomes.duration.setValue(round(talked + recording.seconds))
        w.log_outcome("voicemail_left")
