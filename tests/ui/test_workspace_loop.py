"""The agent's whole loop, on a real demo database in a real window (offscreen):
select the top lead, dial (the tel: hand-off is recorded), press the voicemail-left key,
watch the lead leave the top with its next touch, the next lead selected; set a callback
through the picker; recover a pending dial after the window is restarted."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt

from leaddesk.dialer.tel import TelDialer
from leaddesk.services.calllist import CallListService
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.workspace import Workspace
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from leaddesk.ui.calllist_model import COLUMNS

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class RecordingOpener:
    """The OS boundary: records the URIs handed to the system."""

    def __init__(self, works: bool = True) -> None:
        self.uris: list[str] = []
        self.works = works

    def __call__(self, uri: str) -> bool:
        self.uris.append(uri)
        return self.works


@pytest.fixture
def opener() -> RecordingOpener:
    return RecordingOpener()


@pytest.fixture
def make_window(qtbot, opener) -> Iterator[Callable[[Workspace], MainWindow]]:  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def make(ws: Workspace) -> MainWindow:
        window = MainWindow(Backend(ws), TelDialer(opener), tray=False, copy_text=copied.append)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(
            lambda: window.detail is not None and window.runner.active == 0, timeout=15_000
        )
        windows.append(window)
        return window

    copied: list[str] = []
    make.copied = copied  # type: ignore[attr-defined]
    yield make
    for window in windows:
        window.close()


def _idle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.runner.active == 0 and not window.model.loading, timeout=15_000)


def test_dial_voicemail_next_lead(qtbot, demo_workspace, make_window, opener) -> None:
    window = make_window(demo_workspace)
    table = window.calllist.table
    top = window.model.lead_id(0)
    assert window.detail.lead_id == top  # the top lead is selected at start
    assert window.card.name.text() == window.detail.name
    assert window.detail.callable
    second = window.model.lead_id(1)

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
    assert opener.uris == [f"tel:{window.detail.phone_e164}"]
    assert window.pending.lead_id == top
    assert not window.outcomes.dial_button.isEnabled()
    assert "log the outcome" in window.outcomes.state.text()

    # A second dial before the outcome is logged is refused, and nothing is dialed.
    qtbot.keyClick(table, Qt.Key.Key_Return)
    _idle(qtbot, window)
    assert len(opener.uris) == 1
    assert "Log the outcome" in window.last_error

    window.outcomes.note.setText("left the intro message")
    qtbot.keyClick(table, Qt.Key.Key_5)  # voicemail left
    qtbot.waitUntil(lambda: window.last_logged is not None, timeout=10_000)
    _idle(qtbot, window)
    logged = window.last_logged
    assert logged.outcome == "voicemail_left"
    assert logged.lead_id == top
    assert window.pending is None
    assert OutcomeService(demo_workspace).pending_dials() == []
    # The lead left the top of the list; its next touch is shown.
    assert window.model.lead_id(0) != top
    assert logged.next_action_at is not None
    moved = CallListService(demo_workspace).entry(top)
    assert moved is not None and moved.section == "later"
    assert moved.next_action_at == logged.next_action_at
    row = window.model.row_of(top)  # listed further down, when that batch is loaded
    if row is not None:
        shown = window.model.data(window.model.index(row, COLUMNS.index("next")))
        assert shown and shown != "—"
    assert "next:" in window.statusBar().currentMessage()
    # The next lead is selected, ready to dial.
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.lead_id != top)
    assert window.detail.lead_id == window.model.lead_id(0) == second
    assert window.outcomes.dial_button.isEnabled()
    assert window.outcomes.note.text() == ""
    # The attempt is in the lead's history, with the note and the script used.
    history = window.backend.detail(top).history
    assert history[0].outcome == "voicemail_left"
    assert history[0].note == "left the intro message"
    assert window.shift.tiles["voicemails"].value.text() != "–"


def test_callback_through_the_picker(qtbot, demo_workspace, make_window, opener) -> None:
    window = make_window(demo_workspace)
    lead = window.detail
    qtbot.mouseClick(window.outcomes.dial_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)

    # "Callback" without a time asks for one and logs nothing.
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_3)
    assert "callback time" in window.last_error
    assert window.pending is not None

    qtbot.mouseClick(window.picker.tomorrow, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.picker.is_ok, timeout=10_000)
    picked = window.picker.value()
    assert "✓" in window.picker.status.text()
    assert "their time" in window.picker.status.text()
    assert picked is not None and (picked - lead.as_of).total_seconds() == pytest.approx(
        86_400, abs=3600
    )
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: window.last_logged is not None, timeout=10_000)
    assert window.last_logged.outcome == "callback"
    assert window.last_logged.next_action_at == picked
    _idle(qtbot, window)
    assert window.backend.detail(lead.lead_id).callback_due_at == picked


def test_callback_by_keyboard_only(qtbot, demo_workspace, make_window) -> None:
    """Enter dials, 3 asks for the callback time with the focus on "Tomorrow, same
    time", Enter takes it (it does not dial again), 3 logs the callback."""
    from PySide6.QtWidgets import QApplication

    window = make_window(demo_workspace)
    lead = window.detail
    window.calllist.table.setFocus()
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_3)
    assert "then press 3 again" in window.last_error
    assert QApplication.focusWidget() is window.picker.tomorrow
    window.last_error = ""
    qtbot.keyClick(window.picker.tomorrow, Qt.Key.Key_Return)
    qtbot.waitUntil(window.picker.is_ok, timeout=10_000)
    assert window.last_error == ""  # not "log the outcome first": no second dial
    picked = window.picker.value()
    assert picked is not None and (picked - lead.as_of).total_seconds() == pytest.approx(
        86_400, abs=3600
    )
    qtbot.keyClick(window.picker.tomorrow, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: window.last_logged is not None, timeout=10_000)
    assert (window.last_logged.outcome, window.last_logged.next_action_at) == ("callback", picked)


def test_callback_outside_calling_hours_is_refused(qtbot, demo_workspace, make_window) -> None:
    window = make_window(demo_workspace)
    lead = window.detail
    window.dial()  # a callback is the outcome of a call
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
    zone = lead.local_time.tzinfo
    night = lead.local_time.replace(hour=3, minute=0) + __import__("datetime").timedelta(days=1)
    window.picker.pick(night.astimezone(zone))
    qtbot.waitUntil(lambda: "✗" in window.picker.status.text(), timeout=10_000)
    assert not window.picker.is_ok()
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_3)
    assert "outside" in window.last_error
    assert window.last_logged is None


def test_pending_dial_comes_back_after_a_restart(qtbot, demo_workspace, make_window, opener):  # type: ignore[no-untyped-def]
    first = make_window(demo_workspace)
    lead_id = first.detail.lead_id
    first.calllist.table.setFocus()
    qtbot.keyClick(first.calllist.table, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: first.pending is not None, timeout=10_000)
    first.close()  # the window goes away with the call not logged (a crash, a reboot)

    second = make_window(demo_workspace)
    qtbot.waitUntil(lambda: second.pending is not None, timeout=10_000)
    assert second.pending.lead_id == lead_id
    assert "was not logged" in second.outcomes.state.text()
    assert not second.outcomes.dial_button.isEnabled()
    qtbot.waitUntil(lambda: second.detail is not None and second.detail.lead_id == lead_id)
    qtbot.keyClick(second.calllist.table, Qt.Key.Key_7)  # no answer
    qtbot.waitUntil(lambda: second.last_logged is not None, timeout=10_000)
    assert second.last_logged.lead_id == lead_id
    assert second.last_logged.outcome == "no_answer"
    assert OutcomeService(demo_workspace).pending_dials() == []
    assert second.pending is None


def test_a_failed_hand_off_is_not_a_call(qtbot, demo_workspace, make_window, opener) -> None:
    """No tel: handler: no pending attempt, the message stays until dismissed, and Copy
    puts the E.164 number on the clipboard."""
    opener.works = False
    window = make_window(demo_workspace)
    lead = window.detail
    window.calllist.table.setFocus()
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.outcomes.alert.isVisible(), timeout=10_000)
    _idle(qtbot, window)
    assert opener.uris == [f"tel:{lead.phone_e164}"]
    assert window.pending is None
    assert OutcomeService(demo_workspace).pending_dials() == []
    assert "did not start" in window.outcomes.alert_text.text()
    assert window.outcomes.dial_button.isEnabled()  # the agent may try again
    qtbot.wait(1500)  # the timer of a call would have overwritten it within a second
    assert window.outcomes.alert.isVisible()
    assert "did not start" in window.outcomes.alert_text.text()
    assert not window.outcomes.buttons["no_answer"].isEnabled()
    qtbot.mouseClick(window.outcomes.alert_copy, Qt.MouseButton.LeftButton)
    assert make_window.copied == [lead.phone_e164]
    qtbot.mouseClick(window.outcomes.alert_dismiss, Qt.MouseButton.LeftButton)
    assert not window.outcomes.alert.isVisible()
    # With a phone app back, the next Enter is a call: one pending attempt, this one.
    opener.works = True
    window.calllist.table.setFocus()
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
    assert [p.attempt_id for p in OutcomeService(demo_workspace).pending_dials()] == [
        window.pending.attempt_id
    ]
