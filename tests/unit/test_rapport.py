"""Rapport notes (kinds, pinned first, edit, soft delete) and suggested openers."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from leaddesk.cli import main
from leaddesk.domain.rapport import NoteFact, OpenerContext, ago, greeting, openers
from leaddesk.services.errors import NotFound, UserError
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.rapport import RapportService
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from tests.unit.engine_fixture import add_lead


def test_notes_are_listed_pinned_first_then_newest(workspace: Workspace, now: datetime) -> None:
    lead = add_lead(workspace, now - timedelta(days=3))
    clock_times = iter(
        [now - timedelta(hours=3), now - timedelta(hours=2), now - timedelta(hours=1)]
    )
    ws = Workspace(workspace.store, workspace.agent, lambda: next(clock_times))
    service = RapportService(ws)
    old = service.add(lead, "Two kids, daughter starts college", "family")
    pinned = service.add(lead, "Budget decided last week of the month", "timing", pinned=True)
    newest = service.add(lead, "  Runs   marathons ", "interests")
    assert newest.text == "Runs marathons"
    notes = RapportService(workspace).notes(lead)
    assert [n.note_id for n in notes] == [pinned.note_id, newest.note_id, old.note_id]
    assert [n.kind for n in notes] == ["timing", "interests", "family"]


def test_edit_pin_and_soft_delete(workspace: Workspace, now: datetime) -> None:
    lead = add_lead(workspace, now - timedelta(days=3))
    service = RapportService(workspace)
    note = service.add(lead, "Prefers mornings", "timing")
    edited = service.edit(note.note_id, "Prefers calls before 10 am")
    assert edited.text == "Prefers calls before 10 am" and edited.kind == "timing"
    assert service.edit(note.note_id, kind="other").kind == "other"
    assert service.pin(note.note_id).pinned
    assert not service.pin(note.note_id, False).pinned
    service.delete(note.note_id)
    assert service.notes(lead) == []
    with pytest.raises(NotFound):
        service.edit(note.note_id, "again")
    # Still in the database (soft delete), and queued for sync each time.
    with sqlite3.connect(workspace.store.path) as conn:
        row = conn.execute(
            "SELECT deleted_at FROM rapport_note WHERE id=?", (note.note_id,)
        ).fetchone()
        assert row[0] is not None
        kinds = [r[0] for r in conn.execute("SELECT kind FROM outbox")]
        assert kinds.count("rapport_note") == 6


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        ("", "family", "needs some text"),
        ("x" * 2001, "family", "limit is 2000"),
        ("Likes golf", "hobbies", "unknown kind 'hobbies'"),
    ],
)
def test_bad_notes_are_refused(
    workspace: Workspace, now: datetime, text: str, kind: str, message: str
) -> None:
    lead = add_lead(workspace, now)
    with pytest.raises(UserError, match=message):
        RapportService(workspace).add(lead, text, kind)
    assert RapportService(workspace).notes(lead) == []


def test_a_note_remembers_the_attempt_it_came_from(workspace: Workspace, now: datetime) -> None:
    lead = add_lead(workspace, now - timedelta(hours=2))
    logged = OutcomeService(workspace).log(lead, "connected", note="talked about solar")
    note = RapportService(workspace).add(lead, "New office next quarter", "work")
    assert note.attempt_id == logged.attempt_id


def test_greeting_and_ago_words() -> None:
    day = datetime(2026, 11, 26, tzinfo=UTC)
    assert greeting(day.replace(hour=9)) == "Good morning"
    assert greeting(day.replace(hour=13)) == "Good afternoon"
    assert greeting(day.replace(hour=19)) == "Good evening"
    assert greeting(None) == "Hi"
    assert [ago(timedelta(days=d)) for d in (0, 1, 3, 20, 90)] == [
        "earlier today",
        "yesterday",
        "3 days ago",
        "2 weeks ago",
        "3 months ago",
    ]


def test_openers_use_local_time_last_conversation_and_pinned_fact() -> None:
    now = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)
    ctx = OpenerContext(
        first_name="Ada",
        agent_name="Jordan Reyes",
        agent_company="Brightline Solar",
        local_now=datetime(2026, 11, 26, 9, 30),
        now=now,
        arrived_at=now - timedelta(days=10),
        last_reached_at=now - timedelta(days=3),
        last_reached_note="The pricing sheet",
    )
    notes = [
        NoteFact("interests", "Runs marathons", False, now - timedelta(days=3)),
        NoteFact("family", "Daughter starts college in the fall", True, now - timedelta(days=5)),
    ]
    lines = openers(ctx, notes)
    assert lines[0] == (
        "Good morning Ada, this is Jordan Reyes with Brightline Solar. "
        "Following up on our conversation 3 days ago. My notes say: the pricing sheet."
    )
    assert "daughter starts college in the fall" in lines[1]  # the pinned fact comes next
    assert "runs marathons" in lines[2]
    fresh = OpenerContext("", "Jordan", "", None, now, now - timedelta(minutes=5), None)
    assert openers(fresh, []) == [
        "Hi, this is Jordan. You reached out to us just now, and I'm calling to help."
    ]


def test_cli_rapport_adds_and_lists(capsys, tmp_path: Path, now: datetime) -> None:
    db = tmp_path / "r.db"
    store = open_store(db)
    lead = add_lead(Workspace.open(store, "cli.agent"), now - timedelta(days=2), first_name="Grace")
    store.close()
    base = [
        "rapport",
        lead,
        "--db",
        str(db),
        "--agent",
        "cli.agent",
        "--now",
        "2026-11-26T19:30:00Z",
    ]
    assert main([*base, "--add", "Loves sailing", "--kind", "interests", "--pin", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) >= {"notes", "openers"}
    assert doc["notes"][0]["text"] == "Loves sailing" and doc["notes"][0]["pinned"] is True
    assert doc["notes"][0]["kind"] == "interests"
    # 14:30 in New York: good afternoon.
    assert doc["openers"][0].startswith("Good afternoon Grace, this is")
    assert any("loves sailing" in o for o in doc["openers"])
    assert main(base) == 0
    out = capsys.readouterr().out
    assert "* [interests] Loves sailing" in out and "Openers:" in out
    assert main([*base, "--add", "  "]) == 1
    assert "--add needs the text" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:  # argparse refuses an unknown kind: usage error
        main([*base, "--add", "x", "--kind", "hobbies"])
    assert exc.value.code == 2
