"""Faults between laptops and the team server (PostgreSQL, real server on loopback):
the client killed mid-push, the server killed mid-request, the connection cut before
the answer, the same batch twice, a week offline, two agents on one lead. After
recovery the server and every laptop agree, with no duplicate and no loss."""

from __future__ import annotations

import signal
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.sync import SyncError, SyncResult, SyncService
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Attempt, Lead, Outbox, ServerOp
from tests.integration import syncenv
from tests.integration.syncenv import (
    NOW,
    CuttingProxy,
    ServerProcess,
    Team,
    count,
    import_leads,
    laptop,
    leaddesk,
)

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team
fixture_ram_path = syncenv.fixture_ram_path

pytestmark = pytest.mark.postgres

OUTCOMES = ("no_answer", "voicemail_left", "busy", "voicemail_no_message", "connected")


def sync(ws: Workspace, url: str, token: str, batch_size: int = 200) -> SyncResult:
    with SyncService(ws, url, lambda: token, batch_size=batch_size) as service:
        return service.run_once()


def busy_laptop(
    team: Team, tmp_path: Path, leads: int, attempts: int
) -> tuple[Workspace, set[str]]:
    """Alice's laptop after a long offline stretch: `attempts` outcomes on her leads,
    logged over days of her clock. Returns the laptop and the operation ids queued."""
    import_leads(team, "alice", leads)
    clock = [NOW]
    ws = laptop(tmp_path, "alice")
    ws = Workspace(ws.store, ws.agent, lambda: clock[0])
    sync(ws, team.url, team.alice)
    with ws.store.session() as session:
        ids = list(session.scalars(select(Lead.id).order_by(Lead.id)))
    outcomes = OutcomeService(ws)
    for i in range(attempts):
        clock[0] = NOW + timedelta(minutes=5 * i)
        outcomes.log(ids[i % len(ids)], OUTCOMES[i % len(OUTCOMES)], note=f"attempt {i}")
    with ws.store.session() as session:
        queued = set(session.scalars(select(Outbox.op_id)))
    return ws, queued


def assert_agree(team: Team, *laptops: Workspace) -> None:
    """Every laptop's attempts are on the server once, and lead states match."""
    with team.store.session() as server:
        server_attempts = {
            a.id: (a.lead_id, a.outcome, a.note, a.started_at)
            for a in server.scalars(select(Attempt))
        }
        for ws in laptops:
            assert count(ws.store, Outbox) == 0
            with ws.store.session() as local:
                mine = {
                    a.id: (a.lead_id, a.outcome, a.note, a.started_at)
                    for a in local.scalars(select(Attempt).where(Attempt.agent_id == ws.agent.id))
                }
                assert mine.items() <= server_attempts.items()
                for lead in local.scalars(select(Lead).where(Lead.deleted_at.is_(None))):
                    theirs = server.get(Lead, lead.id)
                    assert theirs is not None
                    assert (lead.status, lead.next_action_at, lead.attempt_count) == (
                        theirs.status,
                        theirs.next_action_at,
                        theirs.attempt_count,
                    )


def wait_for(predicate: Any, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.005)


def test_client_killed_mid_push_resends_and_nothing_doubles(team: Team, ram_path: Path) -> None:
    ws, queued = busy_laptop(team, ram_path, leads=40, attempts=800)
    db = ws.store.path
    assert db is not None
    ws.store.close()
    proc = leaddesk(
        "sync", "--server", team.url, "--db", str(db), "--agent", "alice", "--batch-size", "40",
        env={"LEADDESK_TOKEN": team.alice},
    )  # fmt: skip
    try:
        wait_for(lambda: count(team.store, ServerOp) >= 200 or proc.poll() is not None)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "the sync finished before it could be killed"
    applied = count(team.store, ServerOp)
    assert 0 < applied < len(queued)
    assert 0 < count(ws.store, Outbox) < len(queued)

    result = sync(ws, team.url, team.alice)
    assert result.pending == 0
    # Resent: at most what was in flight when the laptop died (a batch or two).
    assert result.pushed <= len(queued) - applied + 80
    with team.store.session() as session:
        assert set(session.scalars(select(ServerOp.op_id))) == queued
    assert count(team.store, Attempt) == 800
    assert_agree(team, ws)


def test_server_killed_mid_request_loses_nothing(
    team: Team, ram_path: Path, pg_database: str
) -> None:
    ws, queued = busy_laptop(team, ram_path, leads=30, attempts=600)
    server = ServerProcess(pg_database).start()
    errors: list[BaseException] = []

    def push() -> None:
        try:
            sync(ws, server.url, team.alice, batch_size=100)
        except SyncError as exc:
            errors.append(exc)

    pusher = threading.Thread(target=push)
    try:
        pusher.start()
        wait_for(lambda: count(team.store, ServerOp) >= 200 or not pusher.is_alive())
        server.kill()
        pusher.join(30)
    finally:
        server.kill()
    assert errors and getattr(errors[0], "offline", False), "the push finished before the kill"
    assert count(ws.store, Outbox) > 0

    restarted = ServerProcess(pg_database, port=server.port).start()
    try:
        result = sync(ws, restarted.url, team.alice, batch_size=100)
    finally:
        restarted.kill()
    assert result.pending == 0
    with team.store.session() as session:
        assert set(session.scalars(select(ServerOp.op_id))) == queued
    assert count(team.store, Attempt) == 600
    assert_agree(team, ws)


def test_connection_cut_before_the_answer_then_the_same_batch_again(
    team: Team, ram_path: Path, server_thread: Any
) -> None:
    ws, queued = busy_laptop(team, ram_path, leads=10, attempts=300)
    proxy = CuttingProxy(server_thread.port)
    try:
        proxy.cut_pushes = 2  # the answers to the first two uploads never arrive
        with SyncService(ws, proxy.url, lambda: team.alice, batch_size=100) as service:
            with pytest.raises(SyncError) as failure:
                service.run_once()
            assert failure.value.offline
            assert service.state().status == "offline"
            # The server applied the first batch; the laptop still has it all.
            assert count(ws.store, Outbox) == len(queued)
            applied = count(team.store, ServerOp)
            with pytest.raises(SyncError):
                service.run_once()  # the same batch again, and again no answer
            assert count(team.store, ServerOp) == applied  # ... and not applied twice
            result = service.run_once()
    finally:
        proxy.close()
    assert proxy.cuts == 2
    assert applied == 100
    assert result.pending == 0 and result.pushed == len(queued)
    assert count(team.store, Attempt) == 300
    assert_agree(team, ws)


def test_the_same_batch_sent_twice_at_once_is_applied_once(team: Team) -> None:
    (lead_id,) = import_leads(team, "alice", 1)
    ops = []
    for i in range(300):
        attempt_id = str(uuid.uuid4())
        payload = {
            "id": attempt_id,
            "lead_id": lead_id,
            "channel": "phone",
            "outcome": "no_answer",
            "started_at": (NOW + timedelta(minutes=i)).isoformat(),
        }
        ops.append(
            {
                "op_id": str(uuid.uuid4()),
                "kind": "attempt",
                "entity_id": attempt_id,
                "payload": payload,
            }
        )
    results: list[Any] = []

    def send() -> None:
        with team.http(team.alice) as http:
            results.append(http.post("/api/push", json={"ops": ops}))

    threads = [threading.Thread(target=send) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status_code for r in results] == [200, 200, 200]
    statuses: dict[str, list[str]] = {}
    for response in results:
        for item in response.json()["results"]:
            statuses.setdefault(item["op_id"], []).append(item["status"])
    assert all(sorted(s) == ["applied", "duplicate", "duplicate"] for s in statuses.values())
    send()  # and once more, later
    assert {r["status"] for r in results[-1].json()["results"]} == {"duplicate"}
    assert count(team.store, Attempt) == 300


def test_a_week_offline_with_thousands_of_attempts(team: Team, ram_path: Path) -> None:
    ws, queued = busy_laptop(team, ram_path, leads=200, attempts=2016)  # 5-minute steps, a week
    result = sync(ws, team.url, team.alice, batch_size=500)
    assert (result.pushed, result.pending, result.conflicts) == (len(queued), 0, 0)
    assert result.pulled == 200  # every lead came back, merged
    assert count(team.store, Attempt) == 2016
    assert_agree(team, ws)


def test_two_agents_editing_the_same_lead(team: Team, tmp_path: Path) -> None:
    shared, edited = import_leads(team, "alice", 2)
    alice, bob = laptop(tmp_path, "alice"), laptop(tmp_path, "bob", NOW + timedelta(hours=1))
    sync(alice, team.url, team.alice)
    sync(bob, team.url, team.bob)

    # Offline, Alice works both leads. Meanwhile the supervisor edits one and hands the
    # other to Bob, who calls it at once.
    OutcomeService(alice).log(shared, "voicemail_left")
    OutcomeService(alice).log(edited, "no_answer")
    with team.http(team.boss) as http:
        edit = {
            "op_id": str(uuid.uuid4()),
            "kind": "lead_state",
            "entity_id": edited,
            "base_version": 1,
            "payload": {"status": "not_interested", "next_action_at": None, "next_channel": None},
        }
        assert (
            http.post("/api/push", json={"ops": [edit]}).json()["results"][0]["status"] == "applied"
        )
        http.post("/api/leads/assign", json={"lead_ids": [shared], "agent": "bob"})
    sync(bob, team.url, team.bob)
    OutcomeService(bob).log(shared, "connected", note="talked to the owner")
    sync(bob, team.url, team.bob)

    result = sync(alice, team.url, team.alice)
    assert result.conflicts == 2 and result.pending == 0
    sync(bob, team.url, team.bob)

    with team.http(team.boss) as http:
        conflicts = http.get("/api/conflicts").json()["conflicts"]
    by_lead = {(c["lead_id"], c["field"]): c for c in conflicts}
    # The supervisor's close was overtaken by Alice's later-arriving outcome.
    status = by_lead[(edited, "status")]
    assert (status["server_value"], status["incoming_value"], status["kept"]) == (
        "not_interested",
        "working",
        "incoming",
    )
    assert (status["agent"], status["other_agent"]) == ("alice", "boss")
    # Bob owns the shared lead now: Alice's state is recorded, Bob's kept.
    moved = by_lead[(shared, "status")]
    assert moved["kept"] == "server" and moved["agent"] == "alice"

    with team.store.session() as session:
        lead = session.get(Lead, shared)
        # Counters come from the attempt log: both agents' attempts count.
        assert lead is not None and lead.last_outcome == "connected"
        assert lead.attempt_count == 2
        outcomes = set(session.scalars(select(Attempt.outcome).where(Attempt.lead_id == shared)))
        assert outcomes == {"voicemail_left", "connected"}  # both attempts kept
    assert_agree(team, alice, bob)
    with alice.store.session() as session:
        gone = session.get(Lead, shared)
        assert gone is not None and gone.deleted_at is not None
