"""Token lifecycle and operation ids on the team server (PostgreSQL, over loopback):
a device's new token replaces its old one, revoked and expired tokens get 401 at once,
a supervisor cannot take over an agent, every access event is audited without secrets,
failed authentications are limited per address; an operation id is the agent's and
bound to its content, and a laptop holds an operation the server refuses for that."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from leaddesk.cli import main
from leaddesk.server.app import ServerThread, create_app
from leaddesk.server.auth import hash_token
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.sync import SyncService
from leaddesk.store.models import AgentToken, Attempt, AuthAudit, Lead, Outbox
from tests.integration import syncenv
from tests.integration.syncenv import Team, attempt_op, count, import_leads, laptop

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team

pytestmark = pytest.mark.postgres


def _me(team: Team, token: str) -> int:
    with team.http(token) as http:
        return http.get("/api/me").status_code


def _add_agent(url: str, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["server", "add-agent", *args, "--database-url", url, "--json"]) == 0
    token: str = json.loads(capsys.readouterr().out)["token"]
    return token


def test_a_device_s_new_token_replaces_its_old_one(
    team: Team, pg_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _add_agent(pg_database, capsys, "alice", "--device", "laptop")
    phone = _add_agent(pg_database, capsys, "alice", "--device", "desk")
    assert _me(team, first) == 200
    second = _add_agent(pg_database, capsys, "alice", "--device", "laptop")
    assert _me(team, first) == 401  # at once
    assert _me(team, second) == _me(team, phone) == 200
    # Re-running add-agent without a device replaces the default device's token.
    assert _me(team, team.alice) == 200
    _add_agent(pg_database, capsys, "alice")
    assert _me(team, team.alice) == 401


def test_revoke_token_and_list_tokens(
    team: Team, pg_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop_token = _add_agent(pg_database, capsys, "bob", "--device", "laptop")
    url = ["--database-url", pg_database, "--json"]
    assert main(["server", "revoke-token", "bob", "--device", "laptop", *url]) == 0
    assert json.loads(capsys.readouterr().out)["revoked"] == 1
    assert _me(team, laptop_token) == 401
    assert _me(team, team.bob) == 200  # the default device's token still works
    assert main(["server", "revoke-token", "bob", *url]) == 0
    assert json.loads(capsys.readouterr().out)["revoked"] == 1
    assert _me(team, team.bob) == 401

    assert main(["server", "list-tokens", *url]) == 0
    out = capsys.readouterr().out
    tokens = json.loads(out)["tokens"]
    states = {(t["agent"], t["device"]): t["state"] for t in tokens}
    assert states[("bob", "laptop")] == states[("bob", "default")] == "revoked"
    assert states[("alice", "default")] == "active"
    for secret in (team.alice, team.boss, hash_token(team.alice)):
        assert secret not in out

    assert main(["server", "revoke-token", "nobody", "--database-url", pg_database]) == 1
    assert "no agent named 'nobody'" in capsys.readouterr().err


def test_an_expired_token_gets_401_at_once(team: Team) -> None:
    assert _me(team, team.alice) == 200
    with team.store.transaction() as session:
        session.execute(
            update(AgentToken)
            .where(AgentToken.token_hash == hash_token(team.alice))
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    with team.http(team.alice) as http:
        response = http.get("/api/me")
    assert response.status_code == 401
    assert "expired" in response.json()["error"]


def test_tokens_expire_after_the_days_given(
    team: Team, pg_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_agent(pg_database, capsys, "carol", "--expires-days", "30")
    _add_agent(pg_database, capsys, "dave", "--expires-days", "0")
    with team.store.session() as session:
        rows = session.execute(select(AgentToken.device, AgentToken.expires_at)).all()
    expiries = [expires for _device, expires in rows]
    assert any(
        e is not None and timedelta(days=29) < e - datetime.now(UTC) <= timedelta(days=30)
        for e in expiries
    )
    assert None in expiries
    assert (
        main(["server", "add-agent", "x", "--expires-days", "-1", "--database-url", pg_database])
        == 1
    )


def test_a_supervisor_creates_agents_but_cannot_take_over_one(team: Team) -> None:
    with team.http(team.boss) as http:
        takeover = http.post("/api/agents", json={"name": "alice"})
        assert takeover.status_code == 409 and takeover.json()["field"] == "name"
        promote = http.post("/api/agents", json={"name": "alice", "supervisor": True})
        assert promote.status_code == 409
        created = http.post("/api/agents", json={"name": "erin", "supervisor": True})
        assert created.status_code == 200
        erin = created.json()["token"]
    assert _me(team, team.alice) == 200
    with team.http(team.alice) as http:
        assert http.get("/api/me").json()["is_supervisor"] is False
    with team.http(erin) as http:
        assert http.get("/api/me").json()["is_supervisor"] is True
    with team.store.session() as session:
        events = {(a.event, a.agent, a.actor) for a in session.scalars(select(AuthAudit))}
    assert ("promote", "erin", "boss") in events
    assert ("issue", "erin", "boss") in events
    assert not any(agent == "alice" and actor == "boss" for _e, agent, actor in events)


def test_access_events_are_audited_for_supervisors_without_secrets(team: Team) -> None:
    with team.http("wrong-token-" + "x" * 30) as http:
        assert http.get("/api/me").status_code == 401
    with team.http(team.boss) as http:
        response = http.get("/api/audit")
    assert response.status_code == 200
    events = response.json()["events"]
    kinds = {e["event"] for e in events}
    assert {"issue", "auth_failed"} <= kinds
    failed = next(e for e in events if e["event"] == "auth_failed")
    assert failed["client"] == "127.0.0.1"
    for secret in (team.alice, team.bob, team.boss, "wrong-token-", hash_token(team.alice)):
        assert secret not in response.text
    with team.http(team.alice) as http:
        assert http.get("/api/audit").status_code == 403


def test_failed_authentications_are_limited_per_address(team: Team) -> None:
    app = create_app(team.store, auth_failures=3, auth_window_s=60)
    with ServerThread(app) as server, httpx.Client(base_url=server.url) as http:
        bad = {"Authorization": "Bearer guessed"}
        assert [http.get("/api/me", headers=bad).status_code for _ in range(3)] == [401] * 3
        limited = http.get("/api/me", headers=bad)
        assert limited.status_code == 429
        assert 1 <= int(limited.headers["retry-after"]) <= 60
        assert "try again" in limited.json()["error"]
        # From this address even a good token waits: guessing gets no answers.
        good = http.get("/api/me", headers={"Authorization": f"Bearer {team.alice}"})
        assert good.status_code == 429


def test_an_op_id_is_the_agent_s_and_bound_to_its_content(team: Team) -> None:
    (mine,) = import_leads(team, "alice", 1)
    (bobs,) = import_leads(team, "bob", 1)
    op = attempt_op(mine, None)
    with team.http(team.alice) as http:
        assert http.post("/api/push", json={"ops": [op]}).json()["results"][0]["status"] == (
            "applied"
        )
        again = http.post("/api/push", json={"ops": [op]})
        assert again.json()["results"][0]["status"] == "duplicate"
        changed = {**op, "payload": {**op["payload"], "outcome": "busy"}}
        refused = http.post("/api/push", json={"ops": [changed]})
        assert refused.status_code == 409
        assert refused.json()["field"] == "ops[0].op_id"
        twice = [attempt_op(mine, None), changed]
        twice[0]["op_id"] = changed["op_id"] = str(uuid.uuid4())
        assert http.post("/api/push", json={"ops": twice}).status_code == 409
    # Bob's laptop may use the same id for his own operation.
    bob_op = attempt_op(bobs, None)
    bob_op["op_id"] = op["op_id"]
    with team.http(team.bob) as http:
        assert http.post("/api/push", json={"ops": [bob_op]}).json()["results"][0]["status"] == (
            "applied"
        )
    with team.store.session() as session:
        outcomes = sorted(str(a.outcome) for a in session.scalars(select(Attempt)))
    assert outcomes == ["no_answer", "no_answer"]


def test_the_laptop_holds_an_operation_the_server_refuses_and_pushes_the_rest(
    team: Team, tmp_path: Path
) -> None:
    first, second = import_leads(team, "alice", 2)
    alice = laptop(tmp_path, "alice")
    with SyncService(alice, team.url, lambda: team.alice) as service:
        service.run_once()
        OutcomeService(alice).log(first, "no_answer")
        assert service.run_once().pushed == 2  # the attempt and the lead's new state
        with team.store.session() as session:
            (applied,) = session.scalars(select(Attempt)).all()
            old = _pushed_payload(applied)
        # A restored backup resends the outbox with an id the server used already, now
        # carrying another outcome; and the agent works on.
        with alice.store.transaction() as session:
            payload: dict[str, Any] = {**old, "id": str(uuid.uuid4()), "outcome": "busy"}
            session.add(
                Outbox(
                    op_id=_op_id_of(team),
                    kind="attempt",
                    entity_id=payload["id"],
                    payload=payload,
                )
            )
        OutcomeService(alice).log(second, "voicemail_left")
        result = service.run_once()
        assert (result.pushed, result.held, result.pending) == (2, 1, 1)
        state = service.state()
        assert state.status == "error" and "held" in state.reason
        assert "held" in result.to_json()
        # The held operation is kept, and not sent again.
        again = service.run_once()
        assert (again.pushed, again.held, again.pending) == (0, 1, 1)
    with alice.store.session() as session:
        assert session.scalars(select(Outbox.kind)).all() == ["attempt"]
    assert count(team.store, Attempt) == 2


def _op_id_of(team: Team) -> str:
    from leaddesk.store.models import ServerOp

    with team.store.session() as session:
        ops = session.scalars(select(ServerOp.op_id).where(ServerOp.kind == "attempt")).all()
    assert len(ops) == 1
    return ops[0]


def _pushed_payload(attempt: Attempt) -> dict[str, Any]:
    return {
        "id": attempt.id,
        "lead_id": attempt.lead_id,
        "agent_id": None,
        "channel": attempt.channel,
        "outcome": attempt.outcome,
        "started_at": attempt.started_at.isoformat(),
    }


def test_the_laptop_holds_an_operation_outside_the_server_s_rules(
    team: Team, tmp_path: Path
) -> None:
    first, second = import_leads(team, "alice", 2)
    alice = laptop(tmp_path, "alice")
    with SyncService(alice, team.url, lambda: team.alice) as service:
        service.run_once()
        # A laptop whose clock was once reset to 1999 queued an attempt from then.
        attempt_id = str(uuid.uuid4())
        with alice.store.transaction() as session:
            session.add(
                Outbox(
                    kind="attempt",
                    entity_id=attempt_id,
                    payload={
                        "id": attempt_id,
                        "lead_id": first,
                        "agent_id": None,
                        "channel": "phone",
                        "outcome": "no_answer",
                        "started_at": "1999-12-31T23:00:00Z",
                    },
                )
            )
        OutcomeService(alice).log(second, "voicemail_left")
        result = service.run_once()
        assert (result.pushed, result.held, result.pending) == (2, 1, 1)
        assert "refused" in service.state().reason
    with alice.store.session() as session:
        assert session.scalars(select(Outbox.entity_id)).all() == [attempt_id]
    assert count(team.store, Attempt) == 1


def test_a_lead_the_server_refuses_is_held_with_its_attempts(team: Team, tmp_path: Path) -> None:
    (assigned,) = import_leads(team, "alice", 1)
    alice = laptop(tmp_path, "alice")
    with SyncService(alice, team.url, lambda: team.alice) as service:
        service.run_once()
        # A lead typed in before sync existed, arrived (says an old CRM) in 1990.
        with alice.store.transaction() as session:
            old = Lead(first_name="Old", arrived_at=datetime(1990, 1, 2, tzinfo=UTC))
            session.add(old)
            old_id = old.id
        OutcomeService(alice).log(old_id, "no_answer")
        OutcomeService(alice).log(assigned, "no_answer")
        result = service.run_once()
        assert result.held == 1 and result.pushed == 2 and result.pending == 2
        again = service.run_once()
        assert (again.pushed, again.held, again.pending) == (0, 1, 2)
    assert count(team.store, Lead) == 1
    assert count(team.store, Attempt) == 1
