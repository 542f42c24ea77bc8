"""Every outcome had a dial, in the real window (offscreen) on a real demo database:
call keys act only in wrap-up, do-not-call is confirmed and can be undone, Ctrl+Z
supersedes, the call pins the card, the views filter, a lead in Later may be called
anyway inside its hours, a call made elsewhere is marked manual, the manual dialer."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from sqlalchemy import select

from leaddesk.dialer.base import Dialer
from leaddesk.dialer.manual import ManualDialer
from leaddesk.dialer.tel import TelDialer
from leaddesk.services.calllist import CallListService
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Attempt, DncAudit, DncNumber, Lead
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from leaddesk.ui.outcome_dialogs import CallAnywayDialog, DncConfirm, ManualCallDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def make_window(qtbot) -> Iterator[Callable[..., MainWindow]]:  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def make(ws: Workspace, dialer: Dialer | None = None) -> MainWindow:
        window = MainWindow(
            Backend(ws), dialer or TelDialer(lambda _uri: True), tray=False, copy_text=print
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(
            lambda: window.detail is not None and window.runner.active == 0, timeout=15_000
        )
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def idle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.runner.active == 0 and not window.model.loading, timeout=15_000)


def attempts(ws: Workspace, lead_id: str) -> list[Attempt]:
    with ws.store.session() as session:
        rows = session.scalars(
            select(Attempt).where(Attempt.lead_id == lead_id).order_by(Attempt.created_at)
        ).all()
        for row in rows:
            session.expunge(row)
        return list(rows)


def dial(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.calllist.table.setFocus()
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)


def test_call_keys_without_a_dial_log_nothing(qtbot, demo_workspace, make_window) -> None:
    window = make_window(demo_workspace)
    lead_id = window.detail.lead_id
    before = attempts(demo_workspace, lead_id)
    dials = window.backend.shift().dials
    for code in ("no_answer", "qualified", "busy"):
        assert not window.outcomes.buttons[code].isEnabled()  # visibly off
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_7)
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_1)
    idle(qtbot, window)
    assert window.last_logged is None
    assert len(attempts(demo_workspace, lead_id)) == len(before)
    assert window.backend.shift().dials == dials
    assert "No call in progress" in window.last_error

    # A dial, then the key: logged on the dial.
    dial(qtbot, window)
    assert window.outcomes.buttons["no_answer"].isEnabled()
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_7)
    qtbot.waitUntil(lambda: window.last_logged is not None, timeout=10_000)
    assert window.last_logged.outcome == "no_answer" and window.last_logged.dialed
    assert [a.outcome for a in attempts(demo_workspace, lead_id)][len(before) :] == ["no_answer"]
    idle(qtbot, window)
    assert window.backend.shift().dials == dials + 1


def test_do_not_call_is_confirmed_and_can_be_undone(qtbot, demo_workspace, make_window) -> None:
    window = make_window(demo_workspace)
    lead_id, phone = window.detail.lead_id, window.detail.phone_e164
    dial(qtbot, window)

    qtbot.keyClick(window.calllist.table, Qt.Key.Key_D)
    dialog = window.open_dialog
    assert isinstance(dialog, DncConfirm) and dialog.isVisible()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)  # Esc cancels
    assert not dialog.isVisible()
    idle(qtbot, window)
    assert window.last_logged is None and window.pending is not None

    qtbot.keyClick(window.calllist.table, Qt.Key.Key_D)
    dialog = window.open_dialog
    assert isinstance(dialog, DncConfirm)
    qtbot.keyClicks(dialog.reason, "asked to stop calling")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter confirms
    qtbot.waitUntil(lambda: window.last_logged is not None, timeout=10_000)
    idle(qtbot, window)
    assert window.last_logged.outcome == "do_not_call"
    with demo_workspace.store.session() as session:
        assert session.get(DncNumber, phone) is not None
        audit = session.scalars(select(DncAudit).where(DncAudit.phone_e164 == phone)).all()
        assert [(a.action, a.reason, a.agent_name) for a in audit] == [
            ("add", "asked to stop calling", demo_workspace.agent.name)
        ]

    # A wrong DNC: Ctrl+Z takes it back, number off the list, the dial open again.
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
    idle(qtbot, window)
    assert window.pending.lead_id == lead_id
    with demo_workspace.store.session() as session:
        assert session.get(DncNumber, phone) is None
        assert not session.get(Lead, lead_id).do_not_call
        assert session.scalar(
            select(DncAudit.reason).where(DncAudit.action == "remove")
        ).startswith("undo")
    qtbot.waitUntil(lambda: window.detail.lead_id == lead_id, timeout=10_000)
    assert "Blocked" not in window.card.status_pill.text()


def test_ctrl_z_supersedes_the_last_outcome(qtbot, demo_workspace, make_window) -> None:
    window = make_window(demo_workspace)
    lead_id = window.detail.lead_id
    dial(qtbot, window)
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_7)  # meant 5
    qtbot.waitUntil(lambda: window.last_logged is not None, timeout=10_000)
    idle(qtbot, window)
    wrong = window.last_logged.attempt_id
    assert window.detail.lead_id != lead_id  # the next lead came up

    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
    idle(qtbot, window)
    assert window.pending.lead_id == lead_id
    qtbot.waitUntil(lambda: window.detail.lead_id == lead_id, timeout=10_000)
    assert window.card.name.text() == window.pending.lead_name

    qtbot.keyClick(window.calllist.table, Qt.Key.Key_5)
    qtbot.waitUntil(lambda: window.last_logged is not None, timeout=10_000)
    idle(qtbot, window)
    rows = {a.id: a for a in attempts(demo_workspace, lead_id)}
    assert rows[wrong].outcome == "no_answer"  # kept: the log is append-only
    fixed = rows[window.last_logged.attempt_id]
    assert (fixed.outcome, fixed.supersedes_id) == ("voicemail_left", wrong)
    assert window.backend.detail(lead_id).history[0].outcome == "voicemail_left"
    assert wrong not in {h.attempt_id for h in window.backend.detail(lead_id).history}
    # Nothing more to undo once the next call starts.
    dial(qtbot, window)
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Z, CTRL)
    idle(qtbot, window)
    assert "Nothing to undo" in window.last_error


def test_a_pending_call_pins_the_card(qtbot, demo_workspace, make_window) -> None:
    window = make_window(demo_workspace)
    called = window.detail
    dial(qtbot, window)
    table = window.calllist.table
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    other = window.model.lead_id(2)
    assert window.calllist.current_lead_id() == other != called.lead_id
    qtbot.waitUntil(lambda: window.calllist.preview.isVisible(), timeout=10_000)
    idle(qtbot, window)
    other_name = window.backend.detail(other).name
    assert other_name in window.calllist.preview.text()
    # Card, script and keys stay on the called lead.
    assert window.detail.lead_id == called.lead_id
    assert window.card.name.text() == called.name
    qtbot.keyClick(table, Qt.Key.Key_7)
    qtbot.waitUntil(lambda: window.last_logged is not None, timeout=10_000)
    assert window.last_logged.lead_id == called.lead_id
    idle(qtbot, window)
    assert not window.calllist.preview.isVisible()
    assert window.detail.lead_id != called.lead_id


def test_section_chips_and_calls_only(qtbot, demo_workspace, make_window) -> None:
    window = make_window(demo_workspace)
    everything = window.model.total
    chip = window.calllist.chips["later"]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    later = int(chip.property("count"))
    assert 0 < window.model.rowCount() <= later < everything
    assert {window.model.entry(r).section for r in range(window.model.rowCount())} == {"later"}
    # The section asked for is the one worked: its first lead comes to the card (the
    # callback on it before is not in the list, and Enter would have dialed it).
    qtbot.waitUntil(lambda: window.detail.lead_id == window.model.entry(0).lead_id)
    assert window.calllist.current_lead_id() == window.model.entry(0).lead_id
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)  # again: every section
    idle(qtbot, window)
    assert window.model.entry(0).section == "callback"

    qtbot.keyClick(window.calllist.table, Qt.Key.Key_2, CTRL | ALT)  # only new leads
    idle(qtbot, window)
    assert {window.model.entry(r).section for r in range(window.model.rowCount())} == {"new"}
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_0, CTRL | ALT)
    idle(qtbot, window)

    def due_channels() -> list[str]:
        while window.model.canFetchMore():
            window.model.fetchMore()
            idle(qtbot, window)
        return [
            window.model.entry(r).next_channel or "phone"
            for r in range(window.model.rowCount())
            if window.model.entry(r).section in ("callback", "new", "follow_up")
        ]

    mixed = due_channels()
    first_written = next(i for i, c in enumerate(mixed) if c != "phone")
    assert "phone" in mixed[first_written:]  # by default, calls and emails interleave
    qtbot.mouseClick(window.calllist.calls_only, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert window.backend.calls_only
    grouped = due_channels()
    first_written = next(i for i, c in enumerate(grouped) if c != "phone")
    assert "phone" not in grouped[first_written:]  # calls first, written tasks after
    assert sorted(grouped) == sorted(mixed)


def test_card_tells_the_truth_and_call_now_anyway(qtbot, demo_workspace, make_window) -> None:
    window = make_window(demo_workspace)
    assert "Call now" in window.card.status_pill.text()
    assert window.outcomes.dial_button.isEnabled()
    # A lead in Later inside its calling hours: "Call now anyway", with why.
    later = next(
        e.lead_id
        for e in CallListService(demo_workspace).page(0, 400, None)
        if e.section == "later" and e.next_channel == "phone"
    )
    assert window.calllist.select_lead(later) or window.session.load(later) is None
    qtbot.waitUntil(lambda: window.detail.lead_id == later, timeout=10_000)
    idle(qtbot, window)
    assert "Later:" in window.card.status_pill.text()
    assert not window.outcomes.dial_button.isEnabled()
    assert window.outcomes.anyway_button.isVisible()
    qtbot.mouseClick(window.outcomes.anyway_button, Qt.MouseButton.LeftButton)
    dialog = window.open_dialog
    assert isinstance(dialog, CallAnywayDialog) and dialog.reason.text() == "lead asked"
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
    assert window.pending.lead_id == later
    assert "lead asked" in window.outcomes.note.text()


def test_blocked_lead_shows_why_and_cannot_be_dialed(qtbot, demo_workspace, make_window) -> None:
    window = make_window(demo_workspace)
    with demo_workspace.store.session() as session:
        blocked = session.scalar(select(Lead.id).where(Lead.do_not_call.is_(True)).limit(1))
    window.session.load(blocked)
    qtbot.waitUntil(lambda: window.detail.lead_id == blocked, timeout=10_000)
    assert "Blocked: on the do-not-call list" in window.card.status_pill.text()
    assert not window.outcomes.dial_button.isEnabled()
    assert not window.outcomes.anyway_button.isVisible()  # never for do-not-call
    assert "Blocked:" in window.outcomes.state.text()
    window.call_anyway()
    idle(qtbot, window)
    assert window.pending is None


def test_a_call_made_elsewhere_is_logged_manual(qtbot, demo_workspace, make_window) -> None:
    window = make_window(demo_workspace)
    lead_id = window.detail.lead_id
    action = window.findChild(QAction, "ActionLogElsewhere")
    assert action.shortcut().toString() == "Ctrl+Shift+L"
    action.trigger()  # Lead > Log a call made elsewhere…
    dialog = window.open_dialog
    assert isinstance(dialog, ManualCallDialog) and dialog.isVisible()
    # No outcome is chosen for the agent: Enter logs nothing until one is.
    assert dialog.outcome.currentIndex() == -1
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.isVisible() and window.last_logged is None
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("connected"))
    dialog.note.setText("called from my mobile")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.last_logged is not None, timeout=10_000)
    idle(qtbot, window)
    attempt = attempts(demo_workspace, lead_id)[-1]
    assert attempt.manual and attempt.outcome == "connected"
    assert attempt.started_at < demo_workspace.clock()
    assert OutcomeService(demo_workspace).pending_dials() == []


def test_manual_dialer_records_the_dial_and_shows_the_number(
    qtbot, demo_workspace, make_window
) -> None:
    window = make_window(demo_workspace, ManualDialer())
    national = window.detail.phone_national
    dial(qtbot, window)
    assert window.outcomes.manual_number.isVisible()
    assert national in window.outcomes.manual_number.text()
    assert OutcomeService(demo_workspace).pending_dials()[0].lead_id == window.detail.lead_id
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_8)
    qtbot.waitUntil(lambda: window.last_logged is not None, timeout=10_000)
    assert not window.outcomes.manual_number.isVisible()


def test_supervisor_history_shows_lead_time_manual_and_undo(qapp, demo_workspace) -> None:
    from datetime import UTC, datetime, timedelta

    from leaddesk.domain.metrics import Period
    from leaddesk.services.review import HistoryFilter, ReviewService
    from leaddesk.ui.supervisor.history_model import HistoryModel

    ws = demo_workspace
    service = OutcomeService(ws)
    lead_id = next(e.lead_id for e in CallListService(ws).page(0, 50, None) if e.callable)
    zone = window_zone(ws, lead_id)
    # A call made elsewhere at 07:15 UTC: the lead's own time of it is shown.
    at = datetime(2026, 11, 26, 7, 15, tzinfo=UTC)
    manual = service.log(lead_id, "no_answer", at=at, manual=True)
    touch = service.log(lead_id, "social_touch")
    service.undo(touch)
    review = ReviewService(ws.store, ws.clock)
    rows = {
        r.attempt_id: r
        for r in review.history_page(
            HistoryFilter(Period(None, ws.clock() + timedelta(minutes=1))), limit=1000
        )
        if r.lead_id == lead_id
    }
    row = rows[manual.attempt_id]
    assert row.manual and row.lead_local is not None
    when = HistoryModel._display(row, 0)
    assert f"{at.astimezone(zone):%H:%M}" in when and "lead time" in when
    assert HistoryModel._display(row, 4) == "No answer (manual)"
    taken_back = [r for r in rows.values() if r.taken_back]
    assert len(taken_back) == 1 and HistoryModel._display(taken_back[0], 4) == "Taken back (undo)"
    assert touch.attempt_id not in rows  # superseded by its undo


def window_zone(ws: Workspace, lead_id: str):  # type: ignore[no-untyped-def]
    from zoneinfo import ZoneInfo

    with ws.store.session() as session:
        return ZoneInfo(session.get(Lead, lead_id).time_zones[0])


def test_email_due_at_night_cannot_be_dialed(qtbot, demo_store, make_window) -> None:
    """02:30 on the US east coast: an email may be due, a call is not allowed."""
    from datetime import timedelta

    from leaddesk.domain.clock import fixed_clock
    from tests.conftest import NOW

    ws = Workspace.open(demo_store, None, fixed_clock(NOW + timedelta(hours=12)))
    window = make_window(ws)
    lead_id = next(
        e.lead_id
        for e in CallListService(ws).page(0, 400, None)
        if e.callable
        and e.next_channel == "email"
        and not window.backend.detail(e.lead_id).hours_open
    )
    window.session.load(lead_id)
    qtbot.waitUntil(lambda: window.detail.lead_id == lead_id, timeout=10_000)
    assert "Email due" in window.card.status_pill.text()
    assert not window.outcomes.dial_button.isEnabled()
    assert "Blocked:" in window.outcomes.state.text()
    window.dial()
    idle(qtbot, window)
    assert window.pending is None and "cannot be called now" in window.last_error


def test_manual_dialer_is_a_settings_choice(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from leaddesk.settings import Settings
    from leaddesk.ui.dialer_setup import SoftphoneSetup

    settings = Settings(tmp_path / "settings.json")
    settings.update({"dialer": "manual"})
    opened: list[str] = []
    choice = SoftphoneSetup(settings, opened.append, lambda _u: None, tmp_path).choose()  # type: ignore[arg-type]
    assert isinstance(choice.dialer, ManualDialer) and choice.problem is None
    choice.dialer.dial("+12125550100", "lead")
    assert opened == []  # nothing handed to the system: the agent dials by hand


def test_a_number_comes_off_the_dnc_list_in_the_window(qtbot, demo_workspace, make_window) -> None:
    from leaddesk.ui.outcome_dialogs import DncRemoveDialog

    window = make_window(demo_workspace)
    with demo_workspace.store.session() as session:
        lead_id, phone = session.execute(
            select(Lead.id, Lead.phone_e164).where(Lead.do_not_call.is_(True)).limit(1)
        ).one()
        if session.get(DncNumber, phone) is None:  # flagged without the list: list it
            session.add(DncNumber(phone_e164=phone))
            session.commit()
    window.session.load(lead_id)
    qtbot.waitUntil(lambda: window.detail.lead_id == lead_id, timeout=10_000)
    window.findChild(QAction, "ActionDncRemove").trigger()
    dialog = window.open_dialog
    assert isinstance(dialog, DncRemoveDialog)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: nothing happens
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.reason, "listed by mistake")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.detail.do_not_call, timeout=10_000)
    idle(qtbot, window)
    with demo_workspace.store.session() as session:
        assert session.get(DncNumber, phone) is None
        audit = session.scalars(select(DncAudit).where(DncAudit.phone_e164 == phone)).all()
        assert [(a.action, a.reason) for a in audit][-1] == ("remove", "listed by mistake")
    assert "Blocked: on the do-not-call list" not in window.card.status_pill.text()


def test_the_agents_own_changes_are_not_announced_as_new(
    qtbot, demo_workspace, make_window
) -> None:
    """Taking an outcome back returns the lead to its section, and a search narrows the
    counts: neither is a new lead or a callback coming due, and the line that says what
    was taken back stays on the status bar."""
    window = make_window(demo_workspace)
    window.tray.last_notice = None
    dial(qtbot, window)
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_7)
    qtbot.waitUntil(lambda: window.last_logged is not None, timeout=10_000)
    idle(qtbot, window)
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
    idle(qtbot, window)
    assert window.tray.last_notice is None
    assert window.statusBar().currentMessage().startswith("Took back")

    window.calllist.search.setText("zzz-no-such-lead")
    qtbot.waitUntil(lambda: window.model.search == "zzz-no-such-lead", timeout=5000)
    idle(qtbot, window)
    window.calllist.search.setText("")
    qtbot.waitUntil(lambda: window.model.search is None, timeout=5000)
    idle(qtbot, window)
    assert window.tray.last_notice is None
