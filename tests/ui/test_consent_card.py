"""The lead's consent basis on the card: recorded by the agent, it lifts the rules that
exempt it, and the call list and the Dial button follow at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from leaddesk.dialer.tel import TelDialer
from leaddesk.domain.clock import fixed_clock
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from leaddesk.store.models import Lead
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from tests.unit.engine_fixture import add_lead

# Monday 7 December 2026, 12:00 in Phoenix.
NOON_PHOENIX = datetime(2026, 12, 7, 19, 0, tzinfo=UTC)


def test_recorded_consent_lifts_the_arizona_ban_and_the_list_follows(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "consent.db")
    ws = Workspace.open(store, "agent", fixed_clock(NOON_PHOENIX))
    lead_id = add_lead(
        ws,
        NOON_PHOENIX - timedelta(minutes=3),
        first_name="Rosa",
        last_name="Parks",
        phone_e164="+16025550100",
        country="US",
        state="AZ",
        time_zones=["America/Phoenix"],
    )
    window = MainWindow(Backend(ws), TelDialer(lambda _u: True), tray=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.detail is not None and window.runner.active == 0, timeout=15_000)
    detail = window.detail
    assert detail is not None and detail.lead_id == lead_id
    # No consent recorded: Arizona's ban on unsolicited calls holds, and the card says so.
    assert not detail.callable
    assert "Arizona: no calls at any time (A.R.S. 44-1278(B))" in detail.reason
    assert "a recorded consent lifts this rule" in detail.reason
    assert not window.outcomes.dial_button.isEnabled()
    editor = window.card.consent
    assert editor.rules_label.text() == "Rules: US-AZ"
    assert "Arizona (US-AZ)" in editor.rules_label.toolTip()
    assert not editor.save.isEnabled()

    # The agent records that the lead asked to be called, and where.
    editor.basis.setCurrentIndex(editor.basis.findData("inquiry"))
    editor.source.setText("web form of 7 Dec")
    editor.source.textEdited.emit("web form of 7 Dec")
    assert editor.save.isEnabled()
    editor.save.click()
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.callable, timeout=10_000)
    assert window.detail.consent_basis == "inquiry"
    assert window.outcomes.dial_button.isEnabled()
    with store.session() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        assert lead.consent_basis == "inquiry"
        assert lead.consent_source == "web form of 7 Dec (recorded by agent)"
        assert lead.consent_at is not None
        assert "consent_basis" in lead.edited_fields
    window.close()
    store.close()


def test_a_consent_without_its_source_is_refused_and_nothing_changes(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "consent.db")
    ws = Workspace.open(store, "agent", fixed_clock(NOON_PHOENIX))
    add_lead(
        ws, NOON_PHOENIX, phone_e164="+16025550100", state="AZ", time_zones=["America/Phoenix"]
    )
    window = MainWindow(Backend(ws), TelDialer(lambda _u: True), tray=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.detail is not None and window.runner.active == 0, timeout=15_000)
    editor = window.card.consent
    editor.basis.setCurrentIndex(editor.basis.findData("express_written"))
    editor.save.click()
    qtbot.waitUntil(
        lambda: "say where and when" in window.statusBar().currentMessage(), timeout=10_000
    )
    assert window.detail is not None and window.detail.consent_basis == "none"
    assert editor.basis.currentData() == "none"
    window.close()
    store.close()
