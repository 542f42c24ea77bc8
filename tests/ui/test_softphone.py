"""The agent window on a real softphone: a real MainWindow on a demo database, a real
baresip started by LeadDesk, and SIPp playing the lead's phone, all on 127.0.0.1.

Dial the top lead, watch the live timer, let the call end, and find the outcome bar
pre-filled from what happened; the agent confirms and the attempt keeps the ringing and
talk time. Skipped where baresip or SIPp are missing (CI sets LEADDESK_REQUIRE_SIP=1).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from leaddesk.dialer.baresip import BaresipDialer, BaresipSettings, SipAccount
from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Attempt
from leaddesk.ui.backend import Backend
from leaddesk.ui.events import Events
from leaddesk.ui.main_window import MainWindow
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

MakeWindow = Callable[[Workspace, Sipp], MainWindow]


@pytest.fixture
def make_window(qtbot, tmp_path: Path, baresip_settings: BaresipSettings) -> Iterator[MakeWindow]:  # type: ignore[no-untyped-def]
    made: list[tuple[MainWindow, BaresipDialer]] = []

    def make(ws: Workspace, callee: Sipp) -> MainWindow:
        require("baresip", BARESIP_MISSING)
        events = Events()
        account = SipAccount(
            "agent", LOOPBACK, register=False, dial_domain=f"{LOOPBACK}:{callee.port}"
        )
        dialer = BaresipDialer(
            account,
            events.call_update.emit,
            settings=baresip_settings,
            config_dir=tmp_path / "baresip",
        )
        dialer.start()
        window = MainWindow(
            Backend(ws), dialer, events=events, tray=False, copy_text=lambda _t: None
        )
        events.setParent(window)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(
            lambda: window.detail is not None and window.runner.active == 0, timeout=15_000
        )
        made.append((window, dialer))
        return window

    yield make
    for window, dialer in made:
        dialer.close()
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
