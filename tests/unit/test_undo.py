"""Undo and calls made elsewhere, in the services: an undo is a correction that
supersedes the attempt (never a delete), puts the lead back, reopens the dial it wrapped
up, takes a wrong do-not-call back off the list, and travels to the server as such."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from leaddesk.services.calllist import CallListService
from leaddesk.services.errors import UserError
from leaddesk.services.leads import LeadService
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.shift import ShiftService
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Attempt, DncAudit, DncNumber, Lead, Outbox


def callable_lead(ws: Workspace) -> str:
    entry = next(e for e in CallListService(ws).page(0, 50, None) if e.callable)
    return entry.lead_id


def lead_row(ws: Workspace, lead_id: str) -> Lead:
    with ws.store.session() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        session.expunge(lead)
        return lead


def test_undo_of_a_dial_outcome_reopens_the_dial(demo_workspace: Workspace) -> None:
    ws = demo_workspace
    service = OutcomeService(ws)
    lead_id = callable_lead(ws)
    before = lead_row(ws, lead_id)
    dials_before = ShiftService(ws).today().dials
    dial = service.start_dial(lead_id)
    logged = service.log(lead_id, "no_answer")
    assert logged.dialed and ShiftService(ws).today().dials == dials_before + 1

    undone = service.undo(logged)
    assert undone.reopened is not None and undone.reopened.lead_id == lead_id
    assert undone.reopened.started_at == dial.started_at
    assert service.pending_dials() == [undone.reopened]
    after = lead_row(ws, lead_id)
    assert (after.status, after.attempt_count, after.call_count, after.next_action_at) == (
        before.status,
        before.attempt_count,
        before.call_count,
        before.next_action_at,
    )
    # Neither the wrong outcome nor the open dial counts; the history hides the wrong one.
    assert ShiftService(ws).today().dials == dials_before
    assert all(h.outcome != "no_answer" for h in LeadService(ws).detail(lead_id).history)
    with pytest.raises(UserError, match="already corrected"):
        service.undo(logged)

    fixed = service.log(lead_id, "voicemail_left")
    assert fixed.attempt_id == undone.attempt_id
    with ws.store.session() as session:
        rows = session.scalars(select(Attempt).where(Attempt.lead_id == lead_id)).all()
        assert {(a.outcome, a.supersedes_id) for a in rows} >= {
            ("no_answer", None),
            ("voicemail_left", logged.attempt_id),
        }
        pushed = [
            o.payload
            for o in session.scalars(select(Outbox).where(Outbox.kind == "attempt"))
            if o.entity_id == fixed.attempt_id
        ]
    assert pushed and pushed[0]["supersedes_id"] == logged.attempt_id
    assert ShiftService(ws).today().dials == dials_before + 1


def test_undo_of_a_written_touch_takes_the_attempt_back(demo_workspace: Workspace) -> None:
    ws = demo_workspace
    service = OutcomeService(ws)
    lead_id = callable_lead(ws)
    before = lead_row(ws, lead_id)
    logged = service.log(lead_id, "social_touch")
    undone = service.undo(logged)
    assert undone.reopened is None
    assert service.pending_dials() == []  # a taken-back attempt is not a dial to wrap up
    assert lead_row(ws, lead_id).attempt_count == before.attempt_count
    assert all(h.attempt_id != logged.attempt_id for h in LeadService(ws).detail(lead_id).history)
    with ws.store.session() as session:
        payload = session.scalars(
            select(Outbox.payload).where(Outbox.entity_id == undone.attempt_id)
        ).one()
    assert payload["supersedes_id"] == logged.attempt_id and payload["outcome"] is None
    # A dial can start at once.
    service.start_dial(lead_id)


def test_undo_of_a_wrong_do_not_call(demo_workspace: Workspace) -> None:
    ws = demo_workspace
    service = OutcomeService(ws)
    lead_id = callable_lead(ws)
    service.start_dial(lead_id)
    logged = service.log(lead_id, "do_not_call", note="said stop calling")
    phone = lead_row(ws, lead_id).phone_e164
    assert lead_row(ws, lead_id).do_not_call and logged.dnc_added == phone
    undone = service.undo(logged)
    assert undone.dnc_removed == phone
    assert not lead_row(ws, lead_id).do_not_call
    with ws.store.session() as session:
        assert session.get(DncNumber, phone) is None
        audit = session.scalars(select(DncAudit).order_by(DncAudit.at, DncAudit.action)).all()
        assert [(a.action, a.reason[:6]) for a in audit] == [
            ("add", "said s"),
            ("remove", "undo: "),
        ]
        assert {a.agent_name for a in audit} == {ws.agent.name}


def test_a_call_made_elsewhere_is_marked_manual(demo_workspace: Workspace) -> None:
    ws = demo_workspace
    service = OutcomeService(ws)
    lead_id = callable_lead(ws)
    dial = service.start_dial(callable_lead(ws))
    at = ws.clock() - timedelta(minutes=20)
    logged = service.log(lead_id, "connected", at=at, manual=True)
    assert logged.manual and not logged.dialed
    assert service.pending_dials() == [dial]  # the dial in progress is not wrapped up by it
    with ws.store.session() as session:
        attempt = session.get(Attempt, logged.attempt_id)
        assert attempt is not None and attempt.manual and attempt.started_at == at
    with pytest.raises(UserError, match="in the future"):
        service.log(lead_id, "connected", at=ws.clock() + timedelta(hours=1), manual=True)


def test_log_manual_on_the_command_line(demo_store, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from leaddesk.cli import main

    path = demo_store.engine.url.database
    ws = Workspace.open(demo_store, None, lambda: datetime(2026, 11, 26, 19, 30, tzinfo=UTC))
    lead_id = callable_lead(ws)
    code = main(
        ["log", lead_id, "connected", "--manual", "--at", "2026-11-26T19:00:00Z",
         "--db", str(path), "--now", "2026-11-26T19:30:00Z", "--json"]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    attempt_id = json.loads(out)["attempt_id"]
    with demo_store.session() as session:
        attempt = session.get(Attempt, attempt_id)
        assert attempt is not None and attempt.manual
