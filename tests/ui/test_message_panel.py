"""The agent window's written steps and the scripts' identity: a lead due an email shows
the filled template, opens the mail app with it or copies it, and one key logs it; at
start the window asks once for the name and company scripts say."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from leaddesk.dialer.tel import TelDialer
from leaddesk.domain.clock import fixed_clock
from leaddesk.services.workspace import Workspace
from leaddesk.settings import Settings
from leaddesk.store import open_store
from leaddesk.store.models import Agent, Attempt
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from leaddesk.ui.identity_prompt import IdentityDialog, ask_identity_once
from tests.unit.engine_fixture import add_lead

# Tuesday 1 December 2026, 10:00 in New York.
TEN_NY = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)


def named(ws: Workspace, company: str = "Brightline Solar") -> None:
    with ws.store.transaction() as session:
        agent = session.get(Agent, ws.agent.id)
        assert agent is not None
        agent.display_name = "Jordan Reyes"
        agent.company = company
        agent.callback_number = "+14155550142"


def test_an_email_step_shows_its_template_opens_copies_and_logs(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "m.db")
    ws = Workspace.open(store, "agent", fixed_clock(TEN_NY))
    named(ws)
    lead_id = add_lead(
        ws,
        TEN_NY - timedelta(days=1),
        first_name="Ada",
        email="ada@example.org",
        status="working",
        cadence_step=1,
        next_channel="email",
        next_action_at=TEN_NY - timedelta(hours=1),
        jurisdictions=["US-NY"],
        consent_basis="inquiry",
    )
    copied: list[str] = []
    window = MainWindow(
        Backend(ws), TelDialer(lambda _u: True), tray=False, copy_text=copied.append
    )
    qtbot.addWidget(window)
    opened: list[str] = []
    window.messages.open = lambda link: opened.append(link) or True
    window.show()
    qtbot.waitUntil(lambda: window.message_box.isVisible(), timeout=15_000)
    panel = window.message
    assert panel.subject.text().startswith("Subject: Your question about")
    body = panel.body.toPlainText()
    assert body.startswith("Good morning Ada,") and "Jordan Reyes" in body
    assert "our team" not in body

    panel.open_button.click()
    assert opened and opened[0].startswith("mailto:ada@example.org?subject=")
    panel.copy_button.click()
    assert copied == [panel.copy_text()] and "Jordan Reyes" in copied[0]

    panel.log_button.click()

    def logged() -> bool:
        with store.session() as session:
            return bool(
                session.scalars(
                    select(Attempt).where(
                        Attempt.lead_id == lead_id, Attempt.outcome == "email_sent"
                    )
                ).all()
            )

    qtbot.waitUntil(logged, timeout=10_000)
    window.close()
    store.close()


def test_a_call_step_hides_the_message_panel(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "c.db")
    ws = Workspace.open(store, "agent", fixed_clock(TEN_NY))
    named(ws)
    add_lead(ws, TEN_NY - timedelta(minutes=3), jurisdictions=["US-NY"], consent_basis="inquiry")
    window = MainWindow(Backend(ws), TelDialer(lambda _u: True), tray=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.detail is not None and window.runner.active == 0, timeout=15_000)
    assert not window.message_box.isVisible()
    assert "Jordan Reyes" in window.script.text.text()
    window.close()
    store.close()


def test_the_window_asks_once_for_the_company_and_the_script_says_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "i.db")
    ws = Workspace.open(store, "agent", fixed_clock(TEN_NY))
    named(ws, company="")
    add_lead(ws, TEN_NY - timedelta(minutes=3), jurisdictions=["US-NY"], consent_basis="inquiry")
    settings = Settings.load(tmp_path / "settings.json")
    window = MainWindow(Backend(ws.with_settings(settings)), TelDialer(lambda _u: True), tray=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.detail is not None and window.runner.active == 0, timeout=15_000)
    # Until the company is set the script shows a gap to fill, never "our team".
    assert "[your company]" in window.script.text.text()
    assert "our team" not in window.script.text.text()

    ask_identity_once(window, settings)
    qtbot.waitUntil(lambda: getattr(window, "_identity_dialog", None) is not None, timeout=10_000)
    dialog: IdentityDialog = window._identity_dialog
    # A bad number is refused with the setting named, and the dialog stays.
    dialog.edits["agent.callback_number"].setText("not a number")
    dialog.save_button.click()
    assert dialog.error.isVisible() and "agent.callback_number" in dialog.error.text()
    dialog.edits["agent.callback_number"].setText("")
    dialog.edits["agent.company"].setText("Acme Solar")
    dialog.edits["agent.topic"].setText("heat pumps")
    dialog.save_button.click()
    assert Settings.load(tmp_path / "settings.json")["agent.company"] == "Acme Solar"
    qtbot.waitUntil(lambda: "Acme Solar" in window.script.text.text(), timeout=10_000)
    assert "heat pumps" in window.script.text.text()
    window.close()
    store.close()
