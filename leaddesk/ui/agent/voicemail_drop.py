"""Voicemail drop in the agent window: when a call reaches a voicemail box, F4 plays the
agent's recording for the lead's voicemail stage into the call (through baresip) and
logs `voicemail_left` with that recording at once, so the agent moves to the next lead
while the message plays; baresip hangs up when the recording ends. "Voicemail drops…"
(Ctrl+Alt+V) records or picks the recordings (`voicemail_settings.py`)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from leaddesk.dialer.base import DialError
from leaddesk.services.voicemail_drops import VoicemailDrops
from leaddesk.ui.agent.session import AgentSession
from leaddesk.ui.outcome_bar import OutcomeBar
from leaddesk.ui.script_panel import ScriptPanel
from leaddesk.ui.vocabulary import stage_name


class VoicemailDrop(QObject):
    def __init__(
        self,
        session: AgentSession,
        script: ScriptPanel,
        bar: OutcomeBar,
        log_outcome: Callable[[str], None],
        parent: QWidget,
        drops: VoicemailDrops | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.script, self.bar = session, script, bar
        self._log_outcome = log_outcome  # the outcome keys' way: the same checks
        self._parent = parent  # the recordings dialog's parent window
        self.drops = drops or VoicemailDrops.default()
        # F4 and Ctrl+Alt+V are rows of the window's action table (ui/menus.ACTIONS).

    def open_recordings(self) -> None:
        from leaddesk.ui.voicemail_settings import VoicemailDropDialog

        VoicemailDropDialog(self.drops, self._parent).open()

    def drop(self) -> None:
        s = self.session
        dialer = s.dialer
        play = getattr(dialer, "drop_voicemail", None)
        pending = s.pending
        if pending is None or not callable(play):
            s.fail(self.tr("Voicemail drop plays into a softphone call: dial the lead first."))
            return
        script = self.script.script
        stage = script.stage if script is not None else ""
        recording = self.drops.get(stage)
        if recording is None:
            s.fail(
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
            s.fail(str(exc))
            return
        # Logged now, with the recording: the agent is free for the next lead while the
        # message plays (the call's length is what was said so far plus the recording).
        self.bar.note.setText(
            self.tr("Voicemail drop: {stage} recording ({seconds:.0f} s)").format(
                stage=stage_name(stage), seconds=recording.seconds
            )
        )
        self.bar.duration.setValue(round(talked + recording.seconds))
        self._log_outcome("voicemail_left")
