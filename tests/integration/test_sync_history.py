"""History follows the lead: a second laptop of an agent, the agent a lead is given to and
a supervisor's laptop pull the attempts, rapport notes and callbacks of the leads they may
see, and end with the same report, rapport notes and opener as the laptop that made them.
The real server over HTTP on loopback, on PostgreSQL and on SQLite."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from leaddesk.cli import main
from leaddesk.domain.clock import fixed_clock
from leaddesk.server.app import ServerThread, create_app
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.rapport import RapportService
from leaddesk.services.sync import SyncResult, SyncService, device_id
from leaddesk.services.workspace import Workspace
from leaddesk.store import Store, open_store
from leaddesk.store.models import Agent, Attempt, Callback, Lead, Outbox
from tests.integration import syncenv
from tests.integration.syncenv import NOW, Team, attempt_op, count, import_leads, laptop

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread


@pytest.fixture(name="team", params=["postgresql", "sqlite"])
def fixture_team(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Team]:
    if request.param == "postgresql":
        pg_store: Store = request.getfixturevalue("pg_store")
        server: ServerThread = request.getfixturevalue("server_thread")
        yield syncenv.make_team(pg_store, server.url)
        return
    store = open_store(tmp_path / "office.db")
    try:
        with ServerThread(create_app(store)) as office:
            yield syncenv.make_team(store, office.url)
    finally:
        store.close()


def sync(ws: Workspace, team: Team, token: str, pull_limit: int = 500) -> SyncResult:
    with SyncService(ws, team.url, lambda: token, batch_size=50, pull_limit=pull_limit) as s:
        return s.run_once()


def report_json(ws: Workspace, capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """`leaddesk report --json` on a laptop's database, agent ids left out (each laptop
    has its own)."""
    capsys.readouterr()
    db = str(ws.store.engine.url.database)
    assert main(["report", "--db", db, "--now", NOW.isoformat(), "--json", *argv]) == 0
    doc = json.loads(capsys.readouterr().out)
    return _without_ids(doc)


def _without_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "agent_id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def rapport(ws: Workspace, lead_id: str) -> dict[str, object]:
    return RapportService(ws).view(lead_id).to_json()


def test_a_second_laptop_of_an_agent_ends_with_the_same_report_and_rapport_notes(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = import_leads(team, "alice", 3)
    first = laptop(tmp_path, "alice")
    sync(first, team, team.alice)
    outcomes = OutcomeService(first)
    outcomes.log(ids[0], "no_answer", at=NOW - timedelta(hours=3))
    outcomes.log(ids[0], "connected", note="wants a demo on Friday", at=NOW - timedelta(hours=1))
    outcomes.log(ids[1], "callback", callback_at=NOW + timedelta(days=1))
    outcomes.log(ids[2], "voicemail_left", at=NOW - timedelta(hours=6))
    outcomes.log(
        ids[2], "callback", callback_at=NOW - timedelta(hours=4), at=NOW - timedelta(hours=5)
    )
    outcomes.log(ids[2], "connected", at=NOW - timedelta(hours=2))  # called back, late
    RapportService(first).add(ids[0], "Sails on weekends", kind="interests")
    sync(first, team, team.alice)

    second = laptop(tmp_path, "alice")
    pulled = sync(second, team, team.alice, pull_limit=2)  # several pages
    assert pulled.pushed == 0
    assert count(second.store, Attempt) == 6
    assert count(second.store, Outbox) == 0  # pulled history is never pushed back
    assert report_json(second, capsys, "--agent", "alice") == report_json(
        first, capsys, "--agent", "alice"
    )
    assert rapport(second, ids[0]) == rapport(first, ids[0])
    assert "Following up on our conversation" in rapport(second, ids[0])["openers"][0]  # type: ignore[index]

    def callbacks(ws: Workspace) -> list[tuple[str, Any, Any]]:
        with ws.store.session() as session:
            rows = session.scalars(select(Callback).order_by(Callback.due_at)).all()
            return [(c.lead_id, c.due_at, c.done_at) for c in rows]

    assert (
        callbacks(second)
        == callbacks(first)
        == [
            (ids[2], NOW - timedelta(hours=4), NOW - timedelta(hours=2)),
            (ids[1], NOW + timedelta(days=1), None),
        ]
    )

    # Nothing comes back to the laptop that made it, nothing goes up twice.
    with first.store.session() as session:
        first_device = device_id(session)
    with team.http(team.alice) as http:
        own = http.get("/api/pull", params={"device_id": first_device}).json()
        other = http.get("/api/pull", params={"device_id": "a-third-laptop"}).json()
    assert (len(own["attempts"]), len(own["rapport_notes"])) == (0, 0)
    assert (len(other["attempts"]), len(other["rapport_notes"])) == (6, 1)
    assert sync(first, team, team.alice).pushed == 0
    assert (sync(second, team, team.alice).pushed, count(team.store, Attempt)) == (0, 6)
    assert count(first.store, Attempt) == 6


def test_a_reassigned_lead_brings_its_whole_history_to_the_new_owner(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (lead_id,) = import_leads(team, "alice", 1)
    alice, bob = laptop(tmp_path, "alice"), laptop(tmp_path, "bob")
    sync(alice, team, team.alice)
    sync(bob, team, team.bob)
    OutcomeService(alice).log(lead_id, "no_answer", at=NOW - timedelta(hours=2))
    OutcomeService(alice).log(lead_id, "connected", note="asked us to call after the board meeting")
    RapportService(alice).add(lead_id, "Board meets on Tuesdays", kind="work")
    sync(alice, team, team.alice)
    assert count(bob.store, Lead) == 0

    with team.http(team.boss) as http:
        assert (
            http.post("/api/leads/assign", json={"lead_ids": [lead_id], "agent": "bob"}).status_code
            == 200
        )
    sync(bob, team, team.bob)
    with bob.store.session() as session:
        attempts = session.scalars(select(Attempt).order_by(Attempt.started_at)).all()
        assert [a.outcome for a in attempts] == ["no_answer", "connected"]
        authors = {session.get(Agent, a.agent_id).name for a in attempts}  # type: ignore[union-attr]
        assert authors == {"alice"}  # attributed to who made them, not to bob
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.attempt_count == 2
    view = rapport(bob, lead_id)
    assert [n["text"] for n in view["notes"]] == ["Board meets on Tuesdays"]  # type: ignore[index]
    opener = view["openers"][0]  # type: ignore[index]
    assert "You reached out" not in opener
    assert "Following up on our conversation" in opener and "board meeting" in opener

    OutcomeService(bob).log(lead_id, "qualified")
    assert sync(bob, team, team.bob).pushed == 2  # the attempt and the lead's state only
    assert count(team.store, Attempt) == 3

    # The attempts alice made stay in her report, on a fresh laptop of hers too, and the
    # lead is off her call list there as on her first laptop.
    sync(alice, team, team.alice)
    fresh = laptop(tmp_path, "alice")
    sync(fresh, team, team.alice)
    assert report_json(fresh, capsys, "--agent", "alice") == report_json(
        alice, capsys, "--agent", "alice"
    )
    with fresh.store.session() as session:
        assert session.scalar(select(func.count()).select_from(Attempt)) == 2
        moved = session.get(Lead, lead_id)
        assert moved is not None and moved.deleted_at is not None


def test_a_correction_arrives_after_what_it_supersedes_and_counts_once(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (lead_id,) = import_leads(team, "alice", 1)
    wrong = attempt_op(lead_id, None, outcome="busy")
    fixed = attempt_op(lead_id, None, outcome="connected", supersedes_id=wrong["entity_id"])
    with team.http(team.alice) as http:
        for op in (wrong, fixed):
            answer = http.post("/api/push", json={"device_id": "other-laptop", "ops": [op]})
            assert answer.status_code == 200, answer.text
    fresh = laptop(tmp_path, "alice")
    sync(fresh, team, team.alice)
    with fresh.store.session() as session:
        links = {a: b for a, b in session.execute(select(Attempt.id, Attempt.supersedes_id))}
    assert links == {wrong["entity_id"]: None, fixed["entity_id"]: wrong["entity_id"]}
    report = report_json(fresh, capsys, "--agent", "alice")
    assert report["outcomes"] == {"connected": 1}


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_supervisor_reviews_an_agents_history_that_lives_on_another_laptop(
    qtbot: Any, team: Team, tmp_path: Path
) -> None:
    from leaddesk.ui.supervisor import SupervisorWindow

    alice_leads = import_leads(team, "alice", 3)
    bob_leads = import_leads(team, "bob", 2, first_name="Bobs")
    import_leads(team, "bob", 1, first_name="Untouched")
    alice, bob = laptop(tmp_path, "alice"), laptop(tmp_path, "bob")
    for ws, token in ((alice, team.alice), (bob, team.bob)):
        sync(ws, team, token)
    OutcomeService(alice).log(alice_leads[0], "no_answer", at=NOW - timedelta(hours=2))
    OutcomeService(alice).log(
        alice_leads[0], "qualified", note="signed the trial", at=NOW - timedelta(minutes=30)
    )
    OutcomeService(alice).log(
        alice_leads[1],
        "callback",
        callback_at=NOW - timedelta(hours=1),
        at=NOW - timedelta(hours=3),
    )
    OutcomeService(bob).log(bob_leads[0], "voicemail_left", at=NOW - timedelta(minutes=5))
    for ws, token in ((alice, team.alice), (bob, team.bob)):
        sync(ws, team, token)

    desk = laptop(tmp_path, "boss")
    sync(desk, team, team.boss)
    with desk.store.session() as session:
        alice_here = session.scalars(select(Agent.id).where(Agent.name == "alice")).one()

    # The window as the supervisor's LeadDesk opens it: on its workspace, whose agent the
    # server made a supervisor, so it starts on the whole team.
    desk = Workspace.open(desk.store, "boss", fixed_clock(NOW))
    assert desk.agent.is_supervisor
    window = SupervisorWindow(desk)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.data is not None and not window.is_loading, timeout=10_000)
    assert window.data is not None
    period = window.period
    with team.http(team.boss) as http:
        served = http.get(
            "/api/report",
            params={
                "agent": "all",
                "since": period.since.isoformat(),
                "until": period.until.isoformat(),
            },  # type: ignore[union-attr]
        ).json()
    shown = {r.agent: _without_ids(r.to_json()) for r in window.data.reports}
    assert window.agent_box.currentText() == "All agents"
    assert shown == {
        "all": _without_ids(served["team"]),
        **{doc["agent"]: _without_ids(doc) for doc in served["agents"]},
    }
    assert window.tiles.tiles["leads"].value.text() == str(served["team"]["leads"])
    assert served["team"]["attempts"] == 4

    assert window.agent_box.select(alice_here)
    qtbot.waitUntil(lambda: not window.is_loading, timeout=10_000)
    model = window.history_model
    rows = [model.row_at(i) for i in range(model.rowCount())]
    assert model.total == 3
    assert [r.outcome for r in rows] == ["qualified", "no_answer", "callback"]
    assert {r.agent_name for r in rows} == {"Alice"}  # the display name
    assert rows[0].note == "signed the trial"
    missed = next(c for c in window.data.coaching if c.key == "callbacks_missed")
    assert [item.lead_id for item in missed.items] == [alice_leads[1]]
    window.close()
