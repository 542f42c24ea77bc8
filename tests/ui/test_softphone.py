"""The agent window on a real softphone: a real MainWindow on a demo database, a real
baresip started by LeadDesk, and SIPp playing the lead's phone, all on 127.0.0.1.

Dial the top lead, watch the live timer, let the call end, and find the outcome bar
pre-filled from what happened; the agent confirms and the attempt keeps the ringing and
talk time. Skipped where baresip or SIPp are missing (CI sets LEADDESK_REQUIRE_SIP=1).
"""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from leaddesk.dialer.baresip import BaresipDialer, BaresipSettings, SipAccount
from leaddesk.dialer.tel import TelDialer
from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.services.workspace import Workspace
from leaddesk.settings import Settings
from leaddesk.store.models import Attempt
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from leaddesk.ui.dialer_setup import PASSWORD_ENV, SoftphoneSetup
from leaddesk.ui.events import Events
from leaddesk.ui.settings_dialog import SettingsDialog
from tests.integration import sip_fixtures
from tests.integration.sip_fixtures import (
    BARESIP_MISSING,
    LOOPBACK,
    Sipp,
    needs_baresip,
    needs_sipp,
    require,
)

pytestmark = [needs_baresip, needs_sipp, pytest.mark.qt_log_ignore("propagateSizeHints")]
sipp = sip_fixtures.sipp
baresip_settings = sip_fixtures.baresip_settings

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot, tmp_path: Path, baresip_settings: BaresipSettings) -> Iterator[MakeWindow]:  # type: ignore[no-untyped-def]
    def make(ws: Workspace, callee: Sipp, restartable: bool = False) -> MainWindow:
        require("baresip", BARESIP_MISSING)
        events = Events()
        account = SipAccount(
            "agent", LOOPBACK, register=False, dial_domain=f"{LOOPBACK}:{callee.port}"
        )

        def start() -> BaresipDialer:
            dialer = BaresipDialer(
                account,
                events.call_update.emit,
                settings=baresip_settings,
                config_dir=tmp_path / f"baresip-{len(dialers)}",
            )
            dialers.append(dialer)
            dialer.start()
            return dialer

        window = MainWindow(
            Backend(ws),
            start(),
            events=events,
            tray=False,
            copy_text=lambda _t: None,
            restart_dialer=start if restartable else None,
        )
        events.setParent(window)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(
            lambda: window.detail is not None and window.runner.active == 0, timeout=15_000
        )
        made.append(window)
        return window

    made: list[MainWindow] = []
    dialers: list[BaresipDialer] = []
    yield make
    for dialer in dialers:
        dialer.close()
    for window in made:
        window.close()


def attempt_of(ws: Workspace, attempt_id: str) -> Attempt:
    with ws.store.session() as session:
        attempt = session.scalars(select(Attempt).where(Attempt.id == attempt_id)).one()
        session.expunge(attempt)
        return attempt


def dial_top(qtbot, window: MainWindow) -> str:  # type: ignore[no-untyped-def]
    assert window.detail is not None and window.detail.callable
    window.calllist.table.setFocus()
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
    assert window.pending is not None
    return window.pending.attempt_id


def state(window: MainWindow) -> str:
    return window.outcomes.state.text()


def test_answered_call_live_timer_then_duration_and_ring_time_on_the_attempt(
    qtbot, demo_workspace: Workspace, sipp: Callable[..., Sipp], make_window: MakeWindow
) -> None:  # type: ignore[no-untyped-def]
    callee = sipp("answer_then_bye", "-d", "2000")  # rings 0.4 s, talks 2 s, hangs up
    window = make_window(demo_workspace, callee)
    attempt_id = dial_top(qtbot, window)

    qtbot.waitUntil(lambda: "Talking" in state(window), timeout=5000)
    assert window.outcomes.suggested is None
    shot = os.environ.get("LEADDESK_SOFTPHONE_SHOT")
    if shot:
        window.outcomes.grab().save(shot)

    qtbot.waitUntil(lambda: window.outcomes.call_ended, timeout=8000)
    # Short and answered: a person or a voicemail box; nothing pre-selected.
    assert window.outcomes.suggested is None
    assert "they hung up" in state(window) and "voicemail" in state(window)
    assert window.outcomes.duration.value() in (1, 2, 3)
    assert window.pending is not None  # nothing logged by itself

    qtbot.keyClick(window.calllist.table, OUTCOMES["connected"].key)
    qtbot.waitUntil(lambda: window.pending is None and window.runner.active == 0, timeout=10_000)
    attempt = attempt_of(demo_workspace, attempt_id)
    assert attempt.outcome == "connected"
    assert attempt.duration_s in (1, 2, 3)
    assert attempt.ring_s in (0, 1)
    assert callee.wait() == 0, callee.errors()


def test_busy_callee_preselects_busy_and_enter_confirms(
    qtbot, demo_workspace: Workspace, sipp: Callable[..., Sipp], make_window: MakeWindow
) -> None:  # type: ignore[no-untyped-def]
    callee = sipp("busy")
    window = make_window(demo_workspace, callee)
    attempt_id = dial_top(qtbot, window)

    qtbot.waitUntil(lambda: window.outcomes.call_ended, timeout=5000)
    assert window.outcomes.suggested == "busy"
    assert window.outcomes.buttons["busy"].property("suggested")
    assert "486 Busy Here" in state(window) and "Enter" in state(window)
    assert window.pending is not None
    shot = os.environ.get("LEADDESK_SOFTPHONE_SHOT")
    if shot:
        window.outcomes.grab().save(shot.replace(".png", "_ended.png"))

    window.calllist.table.setFocus()
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pending is None and window.runner.active == 0, timeout=10_000)
    attempt = attempt_of(demo_workspace, attempt_id)
    assert attempt.outcome == "busy"
    assert attempt.ring_s == 0
    assert window.outcomes.suggested is None  # the bar is clear for the next lead


def test_hang_up_from_leaddesk_while_ringing_keeps_the_dial_pending(
    qtbot, demo_workspace: Workspace, sipp: Callable[..., Sipp], make_window: MakeWindow
) -> None:  # type: ignore[no-untyped-def]
    callee = sipp("ring_until_cancel")
    window = make_window(demo_workspace, callee)
    attempt_id = dial_top(qtbot, window)
    lead = window.pending.lead_id if window.pending else ""

    qtbot.waitUntil(lambda: "Ringing" in state(window), timeout=5000)
    qtbot.wait(1100)
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.outcomes.call_ended, timeout=5000)
    assert window.outcomes.suggested == "no_answer"
    assert "you hung up" in state(window)

    # The wrap-up rule: no new dial before this one is logged.
    window.dial()
    assert "first" in window.last_error
    assert window.pending is not None and window.pending.lead_id == lead
    assert attempt_of(demo_workspace, attempt_id).outcome is None

    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pending is None and window.runner.active == 0, timeout=10_000)
    attempt = attempt_of(demo_workspace, attempt_id)
    assert attempt.outcome == "no_answer"
    assert attempt.ring_s in (1, 2)
    assert callee.wait() == 0, callee.errors()


def test_softphone_killed_mid_call_says_so_and_restarts(
    qtbot, demo_workspace: Workspace, sipp: Callable[..., Sipp], make_window: MakeWindow
) -> None:  # type: ignore[no-untyped-def]
    callee = sipp("answer_and_hold")
    window = make_window(demo_workspace, callee, restartable=True)
    attempt_id = dial_top(qtbot, window)
    qtbot.waitUntil(lambda: "Talking" in state(window), timeout=5000)
    first = window.dialer
    assert isinstance(first, BaresipDialer) and first.process and first.process.pid
    os.kill(first.process.pid, signal.SIGKILL)

    qtbot.waitUntil(lambda: window.outcomes.call_ended, timeout=5000)
    assert window.outcomes.suggested is None  # unknown: the agent chooses
    assert "softphone stopped" in state(window)
    assert "killed by signal 9" in window.last_error
    assert window.softphone.restart_button.isVisible()
    assert window.softphone.status_label.text() == "Softphone stopped"
    assert window.pending is not None

    qtbot.mouseClick(window.softphone.restart_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.dialer is not first, timeout=10_000)
    assert not window.softphone.restart_button.isVisible()
    assert window.softphone.status_label.text().startswith("Softphone · agent@")
    assert isinstance(window.dialer, BaresipDialer) and window.dialer.process
    assert window.dialer.process.running

    qtbot.keyClick(window.calllist.table, OUTCOMES["connected"].key)
    qtbot.waitUntil(lambda: window.pending is None and window.runner.active == 0, timeout=10_000)
    attempt = attempt_of(demo_workspace, attempt_id)
    assert attempt.outcome == "connected" and attempt.ring_s in (0, 1)


def softphone_settings(tmp_path: Path, **values: object) -> Settings:
    settings = Settings(tmp_path / "settings.json")
    settings.update({"dialer": "baresip", "sip.user": "agent7", "sip.domain": LOOPBACK, **values})
    return settings


def test_missing_baresip_falls_back_to_tel_and_says_how_to_install(
    qtbot, tmp_path: Path, demo_workspace: Workspace, baresip_settings: BaresipSettings
) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    settings = softphone_settings(tmp_path, **{"sip.register": "no"})
    events = Events()
    choice = SoftphoneSetup(
        settings,
        lambda uri: opened.append(uri) or True,
        events.call_update.emit,
        tmp_path / "baresip",
        base=BaresipSettings(binary="baresip-not-installed-here"),
    ).choose()
    assert isinstance(choice.dialer, TelDialer)
    assert choice.problem and "apt-get install baresip-core" in choice.problem
    assert "tel:" in choice.problem
    window = MainWindow(
        Backend(demo_workspace),
        choice.dialer,
        events=events,
        tray=False,
        restart_dialer=choice.restart,
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.detail is not None and window.runner.active == 0, timeout=15_000)
    window.softphone.offer_restart(choice.problem)
    assert "not installed" in window.statusBar().currentMessage()
    assert window.softphone.restart_button.isVisible()
    # Still dials, through tel:.
    dial_top(qtbot, window)
    assert window.pending is not None
    assert opened == [f"tel:{window.pending.phone_e164}"]
    # Hanging up is the phone application's job after a tel: hand-off; the dial stays.
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert "hang up there" in window.statusBar().currentMessage()
    assert window.pending is not None
    window.close()


def test_control_port_taken_falls_back_to_tel(
    tmp_path: Path, baresip_settings: BaresipSettings
) -> None:
    require("baresip", BARESIP_MISSING)
    settings = softphone_settings(
        tmp_path, **{"sip.register": "no", "sip.ctrl_port": baresip_settings.ctrl_port}
    )
    with socket.socket() as squatter:
        squatter.bind((LOOPBACK, baresip_settings.ctrl_port))
        squatter.listen()
        choice = SoftphoneSetup(
            settings, lambda _u: True, lambda _u: None, tmp_path / "b", base=baresip_settings
        ).choose()
    assert isinstance(choice.dialer, TelDialer)
    assert choice.problem and f"{baresip_settings.ctrl_port}" in choice.problem
    assert "already in use" in choice.problem


def test_refused_registration_falls_back_and_the_password_stays_out_of_files(
    tmp_path: Path,
    baresip_settings: BaresipSettings,
    sipp: Callable[..., Sipp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    require("baresip", BARESIP_MISSING)
    registrar = sipp("register_forbidden")
    monkeypatch.setenv(PASSWORD_ENV, "s3cret-pw")
    settings = softphone_settings(tmp_path, **{"sip.domain": f"{LOOPBACK}:{registrar.port}"})
    settings.update(
        {"sip.port": baresip_settings.sip_port, "sip.ctrl_port": baresip_settings.ctrl_port}
    )
    settings.save()
    choice = SoftphoneSetup(
        settings, lambda _u: True, lambda _u: None, tmp_path / "b", base=baresip_settings
    ).choose()
    assert isinstance(choice.dialer, TelDialer)
    assert choice.problem and "403 Forbidden" in choice.problem
    written = [p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.is_file()]
    assert written and not any("s3cret-pw" in text for text in written)


def test_settings_call_test_number_through_the_softphone(
    qtbot,
    tmp_path: Path,
    demo_workspace: Workspace,
    sipp: Callable[..., Sipp],
    make_window: MakeWindow,
) -> None:  # type: ignore[no-untyped-def]
    callee = sipp("answer_then_bye", "-d", "500")
    window = make_window(demo_workspace, callee)
    with demo_workspace.store.session() as session:
        attempts_before = session.query(Attempt).count()
    settings = softphone_settings(tmp_path)
    dialog = SettingsDialog(settings, window, test_call=window.softphone.test_call)
    window.softphone.test_result.connect(dialog.show_test_result)
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.set_value("sip.test_number", "not a number")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["sip.test_number"].isVisibleTo(dialog)
    assert dialog.test_status.text() == ""

    dialog.set_value("sip.test_number", "+1 415 555 0142")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert not dialog.errors["sip.test_number"].isVisibleTo(dialog)
    assert "Calling +14155550142 through the softphone" in dialog.test_status.text()
    qtbot.waitUntil(lambda: "Test call:" in dialog.test_status.text(), timeout=6000)
    assert "Answered after" in dialog.test_status.text()
    assert "they hung up" in dialog.test_status.text()
    # A test call is no attempt, and leaves no call to wrap up.
    assert window.pending is None and window.outcomes.suggested is None
    with demo_workspace.store.session() as session:
        assert session.query(Attempt).count() == attempts_before
    assert callee.wait() == 0, callee.errors()
