"""Agent states travel like attempts: an agent's state changes go up with its sync, the
team server keeps them for the team's report, and a supervisor's laptop pulls every
agent's, so his local team report (and the server's) shows each agent's time per state.
On PostgreSQL, over HTTP on loopback, through the CLI."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import keyring
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.cli import main
from leaddesk.services.sync import SyncService, device_id
from leaddesk.store import open_store
from leaddesk.store.models import AgentStateChange, Outbox
from tests.integration import syncenv
from tests.integration.syncenv import Team, count, laptop
from tests.keychain import MemoryKeyring

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team

DAY = "2026-11-26"
# Alice's shift, as she logs it: (time, state, reason).
SHIFT = [
    ("15:00", "ready", ""),
    ("15:20", "on_call", ""),
    ("15:30", "wrap_up", ""),
    ("15:32", "paused", "break"),
    ("15:40", "paused", "training"),
    ("15:47", "ready", ""),
    ("16:00", "offline", ""),
]
SINCE, UNTIL = f"{DAY}T15:00:00Z", f"{DAY}T16:30:00Z"
# By hand over [15:00, 16:30): ready 20 min + 13 min, on call 10, wrap-up 2, paused
# 8 (break) + 7 (training), offline from 16:00 to the end, 30.
STATES = {"ready": 1980, "on_call": 600, "wrap_up": 120, "paused": 900, "offline": 1800}
PAUSED = {"break": 480, "training": 420}


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    doc: dict[str, Any] = json.loads(out)
    return doc


@pytest.fixture(name="cli_env")
def fixture_cli_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(keyring, "get_keyring", lambda: MemoryKeyring())
    return monkeypatch


def alice_shift(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    for at, state, reason in SHIFT:
        extra = ("--reason", reason) if reason else ()
        doc = cli(
            capsys, "state", state, *extra, "--db", str(db), "--agent", "alice",
            "--now", f"{DAY}T{at}:00Z",
        )  # fmt: skip
        assert (doc["state"], doc["since"]) == (state, f"{DAY}T{at}:00Z")


def sync_cli(
    capsys: pytest.CaptureFixture[str], env: pytest.MonkeyPatch, team: Team, db: Path, who: str
) -> dict[str, Any]:
    env.setenv("LEADDESK_TOKEN", getattr(team, who))
    return cli(capsys, "sync", "--server", team.url, "--db", str(db), "--agent", who)


@contextmanager
def laptop_store(db: Path) -> Iterator[Session]:
    """A session on a laptop's database file."""
    store = open_store(db)
    try:
        with store.session() as session:
            yield session
    finally:
        store.close()


def alice_row(doc: dict[str, Any]) -> dict[str, Any]:
    (row,) = [a for a in doc["agents"] if a["agent"] == "alice"]
    return row


def test_a_supervisor_sees_an_agents_time_per_state_after_both_sync(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_env: pytest.MonkeyPatch
) -> None:
    alice_db, boss_db = tmp_path / "alice.db", tmp_path / "boss.db"
    alice_shift(capsys, alice_db)
    # Queued with the change itself, one operation each.
    with laptop_store(alice_db) as session:
        kinds = session.scalars(select(Outbox.kind)).all()
        assert kinds == ["agent_state"] * len(SHIFT)
    pushed = sync_cli(capsys, cli_env, team, alice_db, "alice")
    assert (pushed["pushed"], pushed["pending"]) == (len(SHIFT), 0)
    assert count(team.store, AgentStateChange, AgentStateChange.agent_id == team.ids["alice"]) == 7

    pulled = sync_cli(capsys, cli_env, team, boss_db, "boss")
    assert pulled["pulled"] == len(SHIFT)
    period = ("--since", SINCE, "--until", UNTIL)
    local = cli(capsys, "report", "--db", str(boss_db), "--agent", "all", *period)
    row = alice_row(local)
    assert row["states"] == STATES
    assert row["paused_by_reason"] == PAUSED
    # The team's times are the sum of its agents' (only Alice recorded any).
    assert local["team"]["states"] == STATES
    assert local["team"]["paused_by_reason"] == PAUSED

    # The server's report says the same, through the API and through the CLI.
    with team.http(team.boss) as http:
        response = http.get("/api/report", params={"agent": "all", "since": SINCE, "until": UNTIL})
    assert response.status_code == 200, response.text
    server = response.json()
    assert alice_row(server)["states"] == STATES
    assert alice_row(server)["paused_by_reason"] == PAUSED
    assert server["team"]["states"] == STATES
    cli_env.setenv("LEADDESK_TOKEN", team.boss)
    remote = cli(capsys, "report", "--server", team.url, "--agent", "all", *period)
    assert alice_row(remote)["states"] == STATES

    # Pulled changes are history on the supervisor's laptop: nothing goes up again.
    with laptop_store(boss_db) as session:
        assert session.scalar(select(Outbox.seq).where(Outbox.kind == "agent_state")) is None
    again = sync_cli(capsys, cli_env, team, boss_db, "boss")
    assert (again["pushed"], again["pulled"]) == (0, 0)


def test_a_state_change_is_not_pulled_back_by_the_laptop_that_pushed_it(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_env: pytest.MonkeyPatch
) -> None:
    desk_db = tmp_path / "desk.db"
    alice_shift(capsys, desk_db)
    first = sync_cli(capsys, cli_env, team, desk_db, "alice")
    assert first["pushed"] == len(SHIFT)
    again = sync_cli(capsys, cli_env, team, desk_db, "alice")
    assert (again["pushed"], again["pulled"]) == (0, 0)
    with laptop_store(desk_db) as session:
        assert len(session.scalars(select(AgentStateChange)).all()) == len(SHIFT)
        device = device_id(session)
    with team.http(team.alice) as http:
        own = http.get("/api/pull", params={"device_id": device}).json()
        assert own["agent_states"] == []
        # Alice's other laptop gets them (as it gets her attempts); Bob does not.
        other = http.get("/api/pull").json()
        assert [s["state"] for s in other["agent_states"]] == [s for _, s, _ in SHIFT]
    with team.http(team.bob) as http:
        assert http.get("/api/pull").json()["agent_states"] == []
    home = laptop(tmp_path, "alice")
    with SyncService(home, team.url, lambda: team.alice) as service:
        assert service.run_once().pulled == len(SHIFT)
    with home.store.session() as session:
        rows = session.scalars(select(AgentStateChange).order_by(AgentStateChange.started_at))
        assert [(r.state, r.reason, r.agent_id) for r in rows] == [
            (s, r, home.agent.id) for _, s, r in SHIFT
        ]


def state_op(agent_id: str | None, **payload: Any) -> dict[str, Any]:
    row_id = str(uuid.uuid4())
    body = {
        "id": row_id,
        "agent_id": agent_id,
        "state": "ready",
        "reason": "",
        "started_at": f"{DAY}T15:00:00Z",
        **payload,
    }
    return {"op_id": str(uuid.uuid4()), "kind": "agent_state", "entity_id": row_id, "payload": body}


def test_an_agent_cannot_push_another_agents_state(team: Team) -> None:
    with team.http(team.bob) as http:
        response = http.post("/api/push", json={"ops": [state_op(team.ids["alice"])]})
    assert response.status_code == 403, response.text
    assert response.json()["field"] == "ops[0].payload.agent_id"
    assert count(team.store, AgentStateChange) == 0


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"state": "napping"}, "ops[0].payload.state"),
        ({"state": "paused", "reason": "break\x00"}, "ops[0].payload.reason"),
        ({"state": "ready", "reason": "break"}, "ops[0].payload.reason"),
        ({"reason": "x" * 41, "state": "paused"}, "ops[0].payload.reason"),
        ({"started_at": "1900-01-01T00:00:00Z"}, "ops[0].payload.started_at"),
    ],
)
def test_a_malformed_state_is_refused_with_the_field_at_fault(
    team: Team, payload: dict[str, Any], field: str
) -> None:
    with team.http(team.alice) as http:
        response = http.post("/api/push", json={"ops": [state_op(None, **payload)]})
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    assert count(team.store, AgentStateChange) == 0


def test_a_state_pushed_twice_is_stored_once(team: Team) -> None:
    op = state_op(None, state="paused", reason="meeting")
    again = {**op, "op_id": str(uuid.uuid4())}  # the same row under a new operation id
    with team.http(team.alice) as http:
        first = http.post("/api/push", json={"ops": [op]})
        assert first.json()["results"][0]["status"] == "applied"
        second = http.post("/api/push", json={"ops": [op, again]})
    assert second.status_code == 200, second.text
    assert second.json()["results"][0]["status"] == "duplicate"
    with team.store.session() as session:
        rows = session.scalars(select(AgentStateChange)).all()
        assert [(r.agent_id, r.state, r.reason) for r in rows] == [
            (team.ids["alice"], "paused", "meeting")
        ]


def test_the_supervisor_window_shows_an_agents_states_after_a_pull(
    qtbot: Any,
    team: Team,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    cli_env: pytest.MonkeyPatch,
) -> None:
    """The window reads the supervisor's own laptop: Alice's Ready and Paused time are
    there once both have synced (Bob, who recorded no state, shows n/a)."""
    from leaddesk.domain.clock import fixed_clock
    from leaddesk.ui.supervisor import SupervisorWindow

    alice_db, boss_db = tmp_path / "alice.db", tmp_path / "boss.db"
    alice_shift(capsys, alice_db)
    sync_cli(capsys, cli_env, team, alice_db, "alice")
    sync_cli(capsys, cli_env, team, boss_db, "boss")
    store = open_store(boss_db)
    window = SupervisorWindow(store, fixed_clock(datetime.fromisoformat(UNTIL)), None)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.data is not None and not window.is_loading, timeout=10_000)
        table = window.phone_time.table
        rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
        alice, bob = rows["Alice"], rows["Bob"]
        # Ready 33 min, paused 15 (break 8, training 7), as computed by hand above.
        assert (table.item(alice, 8).text(), table.item(alice, 9).text()) == ("33:00", "15:00")
        assert (table.item(bob, 8).text(), table.item(bob, 9).text()) == ("n/a", "n/a")
    finally:
        window.close()
        store.close()
