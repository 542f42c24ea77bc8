"""Returned calls in the agent window (#19): a real MainWindow on a demo database, a real
baresip started by LeadDesk, and SIPp playing a lead who calls the agent back, all on
127.0.0.1.

A call from a lead's number rings in the window (banner and tray), pops that lead, is
answered with F3, and once it ends is logged as an inbound attempt that counts as
reached; a call from an unknown number offers a new lead; with no softphone, "Log a
returned call" does the same from a number typed in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from leaddesk.dialer.baresip import BaresipDialer, BaresipSettings, SipAccount
from leaddesk.dialer.tel import TelDialer
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Attempt, Lead
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from leaddesk.ui.events import Events
from tests.integration import sip_fixtures
from tests.integration.sip_fixtures import (
    BARESIP_MISSING,
    LOOPBACK,
    Sipp,
    needs_baresip,
    needs_sipp,
    require,
)

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints")]
sipp = sip_fixtures.sipp
baresip_settings = sip_fixtures.baresip_settings
ACCOUNT_USER = "agent"
UNKNOWN = "+12125550199"


@pytest.fixture
def make_window(qtbot, tmp_path: Path, baresip_settings: BaresipSettings) -> Iterator[Callable]:  # type: ignore[no-untyped-def]
    made: list[MainWindow] = []
    dialers: list[BaresipDialer] = []

    def make(ws: Workspace, softphone: bool = True) -> MainWindow:
        events = Events()
        dialer: BaresipDialer | TelDialer
        if softphone:
            require("baresip", BARESIP_MISSING)
            dialer = BaresipDialer(
                SipAccount(ACCOUNT_USER, LOOPBACK, register=False),
                events.call_update.emit,
                settings=baresip_settings,
                config_dir=tmp_path / "baresip",
            )
            dialers.append(dialer)
            dialer.start()
        else:
            dialer = TelDialer(opener=lambda _uri: True)
        window = MainWindow(
            Backend(ws), dialer, events=events, tray=False, copy_text=lambda _t: None
        )
        events.setParent(window)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(
            lambda: window.detail is not None and window.runner.active == 0, timeout=15_000
        )
        made.append(window)
        return window

    yield make
    for dialer in dialers:
        dialer.close()
    for window in made:
        window.close()


def lead_with_number(ws: Workspace) -> tuple[str, str, str]:
    """(id, E.164, name) of a callable demo lead that no other lead shares a number with."""
    with ws.store.session() as session:
        for lead in session.scalars(
            select(Lead).where(Lead.phone_e164.is_not(None), Lead.do_not_call.is_(False))
        ):
            same = session.scalars(select(Lead.id).where(Lead.phone_e164 == lead.phone_e164))
            if len(same.all()) == 1:
                return lead.id, str(lead.phone_e164), lead.name
    raise AssertionError("no demo lead with its own number")


def inbound_attempts(ws: Workspace, lead_id: str) -> list[tuple[str, str, int | None]]:
    with ws.store.session() as session:
        return [
            (a.direction, str(a.outcome), a.duration_s)
            for a in session.scalars(
                select(Attempt).where(Attempt.lead_id == lead_id, Attempt.direction == "inbound")
            )
        ]


def call_in(sipp: Callable[..., Sipp], settings: BaresipSettings, number: str) -> Sipp:
    """SIPp calls the agent's softphone from `number` and talks 1.5 s once answered."""
    target = f"{LOOPBACK}:{settings.sip_port}"
    return sipp("call_in", target, "-s", ACCOUNT_USER, "-key", "caller", number, "-d", "1500")


def button(window: MainWindow, name: str) -> QPushButton:
    found = window.findChild(QPushButton, name)
    assert found is not None, name
    return found


@needs_baresip
@needs_sipp
def test_a_lead_calling_back_is_popped_answered_with_f3_and_logged_inbound(
    qtbot, demo_workspace: Workspace, sipp, make_window, baresip_settings: BaresipSettings
) -> None:  # type: ignore[no-untyped-def]
    ws = demo_workspace
    lead_id, e164, name = lead_with_number(ws)
    window = make_window(ws)
    banner = window.returned.banner
    caller = call_in(sipp, baresip_settings, e164)

    # It rings: the banner names the lead, the card shows them, the tray says so.
    qtbot.waitUntil(lambda: banner.isVisible() and name in banner.title.text(), timeout=10_000)
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.lead_id == lead_id)
    assert window.tray.last_notice is not None and name in window.tray.last_notice[0]
    assert banner.answer.isVisible() and not banner.create_button.isVisible()

    window.calllist.table.setFocus()
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_F3)
    assert caller.wait(15) == 0, caller.errors()  # answered, talked 1.5 s, hung up

    qtbot.waitUntil(lambda: button(window, "InboundOutcome_connected").isVisible(), timeout=10_000)
    assert "Call ended after 0:0" in banner.detail.text()
    assert inbound_attempts(ws, lead_id) == []  # nothing is logged before the agent says
    qtbot.mouseClick(button(window, "InboundOutcome_connected"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(inbound_attempts(ws, lead_id)), timeout=10_000)
    [(direction, outcome, duration)] = inbound_attempts(ws, lead_id)
    assert (direction, outcome) == ("inbound", "connected")
    assert duration is not None and 1 <= duration <= 3
    with ws.store.session() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.status == "reached"  # not called again as unreached
    qtbot.waitUntil(lambda: not banner.isVisible())


@needs_baresip
@needs_sipp
def test_an_unknown_caller_is_offered_as_a_new_lead(
    qtbot, demo_workspace: Workspace, sipp, make_window, baresip_settings: BaresipSettings
) -> None:  # type: ignore[no-untyped-def]
    ws = demo_workspace
    window = make_window(ws)
    banner = window.returned.banner
    caller = call_in(sipp, baresip_settings, UNKNOWN)

    qtbot.waitUntil(lambda: banner.isVisible() and UNKNOWN in banner.title.text(), timeout=10_000)
    assert "Unknown caller" in banner.title.text()
    qtbot.waitUntil(banner.create_button.isVisible)
    window.actions_by_name["ActionAnswerCall"].trigger()
    qtbot.mouseClick(banner.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.phone_e164 == UNKNOWN)
    new_id = window.detail.lead_id
    assert caller.wait(15) == 0, caller.errors()
    qtbot.waitUntil(lambda: button(window, "InboundOutcome_qualified").isVisible(), timeout=10_000)
    qtbot.mouseClick(button(window, "InboundOutcome_qualified"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(inbound_attempts(ws, new_id)), timeout=10_000)
    assert [a[:2] for a in inbound_attempts(ws, new_id)] == [("inbound", "qualified")]


def test_log_a_returned_call_without_a_softphone(
    qtbot, demo_workspace: Workspace, make_window
) -> None:  # type: ignore[no-untyped-def]
    ws = demo_workspace
    lead_id, e164, name = lead_with_number(ws)
    window = make_window(ws, softphone=False)
    shortcuts = [a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), "two actions share a shortcut"
    assert {"F3", "Ctrl+Shift+R"} <= set(shortcuts)

    # Typed as the caller ID showed it: spaces and dashes.
    written = f"{e164[:2]} {e164[2:5]}-{e164[5:8]}-{e164[8:]}"
    window.returned.log_returned_call(written)
    banner = window.returned.banner
    qtbot.waitUntil(lambda: banner.isVisible() and name in banner.title.text(), timeout=10_000)
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.lead_id == lead_id)
    qtbot.mouseClick(button(window, "InboundOutcome_not_interested"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(inbound_attempts(ws, lead_id)), timeout=10_000)
    assert inbound_attempts(ws, lead_id) == [("inbound", "not_interested", None)]
