"""Voicemail drop from the agent window (#19): a real window, a real baresip, SIPp as the
lead's voicemail box. F4 plays the recording of the lead's stage into the call and logs
voicemail_left with it at once (the agent is on the next lead while it plays); the box
receives the recording's audio, then baresip hangs up. The recordings dialog shows each
recording's length and flags one past 30 s."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from leaddesk.dialer.baresip import BaresipDialer, BaresipSettings, SipAccount
from leaddesk.services.voicemail_drops import VoicemailDrops
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Attempt
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from leaddesk.ui.events import Events
from leaddesk.ui.voicemail_settings import VoicemailDropDialog
from tests.integration import sip_fixtures
from tests.integration.sip_fixtures import (
    BARESIP_MISSING,
    LOOPBACK,
    needs_baresip,
    needs_sipp,
    require,
)
from tests.integration.test_voicemail_drop import RATE, TONE_HZ, RtpEar, goertzel, write_tone

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")]
sipp = sip_fixtures.sipp
baresip_settings = sip_fixtures.baresip_settings


@pytest.fixture
def ear() -> Iterator[RtpEar]:
    listener = RtpEar()
    yield listener
    listener.close()


@needs_baresip
@needs_sipp
def test_f4_drops_the_stages_recording_logs_it_and_frees_the_agent(
    qtbot,
    demo_workspace: Workspace,
    sipp: Callable,
    baresip_settings: BaresipSettings,
    ear: RtpEar,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    require("baresip", BARESIP_MISSING)
    box = sipp("voicemail_box", "-key", "rtp_port", str(ear.port))
    events = Events()
    from dataclasses import replace

    dialer = BaresipDialer(
        SipAccount("agent", LOOPBACK, register=False, dial_domain=f"{LOOPBACK}:{box.port}"),
        events.call_update.emit,
        settings=replace(baresip_settings, file_audio=True),
        config_dir=tmp_path / "baresip",
    )
    dialer.start()
    window = MainWindow(
        Backend(demo_workspace), dialer, events=events, tray=False, copy_text=lambda _t: None
    )
    events.setParent(window)
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitUntil(
            lambda: window.detail is not None and window.runner.active == 0, timeout=15_000
        )
        window.voicemail_drop.drops = VoicemailDrops(tmp_path / "voicemail")
        qtbot.waitUntil(lambda: window.script.script is not None, timeout=10_000)
        stage = window.script.script.stage
        recording = window.voicemail_drop.drops.install(stage, write_tone(tmp_path / "tone.wav"))

        window.calllist.table.setFocus()
        qtbot.keyClick(window.calllist.table, Qt.Key.Key_Return)  # dial the top lead
        qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
        lead_id = window.pending.lead_id
        qtbot.waitUntil(
            lambda: dialer.active_call is not None and dialer.active_call.answered_at is not None,
            timeout=10_000,
        )
        dropped = time.monotonic()
        qtbot.keyClick(window.calllist.table, Qt.Key.Key_F4)

        # Logged at once: the dial is wrapped up while the message still plays.
        qtbot.waitUntil(lambda: window.pending is None, timeout=10_000)
        assert dialer.active_call is not None  # still playing
        with demo_workspace.store.session() as session:
            attempt = session.scalars(
                select(Attempt)
                .where(Attempt.lead_id == lead_id)
                .order_by(Attempt.created_at.desc())
            ).first()
            assert attempt is not None and attempt.outcome == "voicemail_left"
            assert (
                f"{stage.replace('_', ' ')}" in attempt.note.lower() and "recording" in attempt.note
            )
            assert attempt.duration_s is not None and attempt.duration_s >= 2

        assert box.wait(15) == 0, box.errors()  # baresip hung up when the recording ended
        heard = ear.audio_after(dropped)
        assert 0.8 * recording.seconds <= len(heard) / RATE <= recording.seconds + 0.6
        assert goertzel(heard, TONE_HZ) > 50 * goertzel(heard, 1000.0)
        qtbot.waitUntil(lambda: dialer.active_call is None, timeout=5000)
    finally:
        dialer.close()
        window.close()


def test_the_recordings_dialog_shows_lengths_and_the_30_second_rule(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    drops = VoicemailDrops(tmp_path / "voicemail")
    dialog = VoicemailDropDialog(drops)
    qtbot.addWidget(dialog)
    assert dialog.lengths["introduce"].text() == "no recording"
    assert not dialog.remove_buttons["introduce"].isEnabled()  # nothing to remove
    dialog.install_file("introduce", write_tone(tmp_path / "short.wav", seconds=12.0))
    assert dialog.remove_buttons["introduce"].isEnabled()
    assert "12.0 s" in dialog.lengths["introduce"].text()
    assert "over 30 s" not in dialog.lengths["introduce"].text()
    dialog.install_file("close_file", write_tone(tmp_path / "long.wav", seconds=31.0))
    assert "over 30 s" in dialog.lengths["close_file"].text()
    assert "shorten it" in dialog.message.text()
    assert (tmp_path / "voicemail" / "close_file.wav").is_file()  # named by stage
    (tmp_path / "not.wav").write_text("not sound")
    dialog.install_file("add_value", tmp_path / "not.wav")
    assert "not a WAV file" in dialog.message.text()
    assert dialog.lengths["add_value"].text() == "no recording"
    dialog.remove("introduce")
    assert not (tmp_path / "voicemail" / "introduce.wav").exists()
    assert not dialog.remove_buttons["introduce"].isEnabled()
