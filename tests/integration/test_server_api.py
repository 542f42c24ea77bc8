"""The team server's API on PostgreSQL over loopback: every request is scoped to its
agent, bodies are limited and validated, tokens are stored hashed."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from leaddesk.cli import main
from leaddesk.store.models import AgentToken, Attempt, Lead, ServerOp
from tests.integration import syncenv
from tests.integration.syncenv import Team, attempt_op, count, import_leads

# Fixtures shared by the sync tests (pytest knows them by their names).
fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team

pytestmark = pytest.mark.postgres


def test_requests_without_a_valid_token_are_refused(team: Team) -> None:
    with team.http(None) as http:
        assert http.get("/api/leads").status_code == 401
        assert http.get("/api/health").json() == {"ok": True}
    with team.http("not-a-token") as http:
        response = http.get("/api/me")
        assert response.status_code == 401
        assert "token" in response.json()["error"]


def test_tokens_are_stored_only_as_hashes(team: Team) -> None:
    with team.store.session() as session:
        hashes = list(session.scalars(select(AgentToken.token_hash)))
    assert len(hashes) == 3
    for token in (team.boss, team.alice, team.bob):
        assert len(token) >= 40
        assert token not in hashes
        assert all(token not in h for h in hashes)


def test_an_agent_reads_only_its_own_leads(team: Team) -> None:
    mine = import_leads(team, "alice", 2)
    theirs = import_leads(team, "bob", 3)
    with team.http(team.alice) as http:
        listed = {lead["id"] for lead in http.get("/api/leads").json()["leads"]}
        assert listed == set(mine)
        assert http.get(f"/api/leads/{mine[0]}").status_code == 200
        hidden = http.get(f"/api/leads/{theirs[0]}")
        assert hidden.status_code == 404
        assert "first_name" not in hidden.text
        pulled = http.get("/api/pull").json()
        assert {lead["id"] for lead in pulled["leads"]} == set(mine)
        assert [a["name"] for a in pulled["agents"]] == ["alice"]
    with team.http(team.boss) as http:
        assert len(http.get("/api/leads").json()["leads"]) == 5


def test_an_agent_writes_attempts_only_as_itself_and_on_its_own_leads(team: Team) -> None:
    (mine,) = import_leads(team, "alice", 1)
    (theirs,) = import_leads(team, "bob", 1)
    with team.http(team.alice) as http:
        as_bob = http.post("/api/push", json={"ops": [attempt_op(mine, team.ids["bob"])]})
        assert as_bob.status_code == 403
        assert as_bob.json()["field"] == "ops[0].payload.agent_id"

        # Another agent's lead is not found, as a lead that does not exist is.
        on_bobs_lead = http.post("/api/push", json={"ops": [attempt_op(theirs, None)]})
        on_no_lead = http.post("/api/push", json={"ops": [attempt_op(str(uuid.uuid4()), None)]})
        assert on_bobs_lead.status_code == on_no_lead.status_code == 404
        assert on_bobs_lead.json()["field"] == "ops[0].payload.lead_id"

        edit = {
            "op_id": str(uuid.uuid4()),
            "kind": "lead_state",
            "entity_id": theirs,
            "base_version": 1,
            "payload": {"status": "reached"},
        }
        assert http.post("/api/push", json={"ops": [edit]}).status_code == 404

        # A good operation in the same batch as a refused one is not applied either.
        batch = [attempt_op(mine, team.ids["alice"]), attempt_op(theirs, None)]
        assert http.post("/api/push", json={"ops": batch}).status_code == 404

        for path, body in (
            ("/api/leads/import", {"leads": [{"first_name": "X"}]}),
            ("/api/leads/assign", {"lead_ids": [theirs], "agent": "alice"}),
            ("/api/agents", {"name": "mallory"}),
        ):
            response = http.post(path, json=body)
            assert response.status_code == 403, path
            assert "supervisor" in response.json()["error"]
        assert http.get("/api/conflicts").status_code == 403
        assert http.delete(f"/api/leads/{theirs}").status_code == 403
        assert http.get("/api/attempts").json() == {"attempts": []}

    assert count(team.store, Attempt) == 0
    assert count(team.store, ServerOp) == 0
    with team.store.session() as session:
        lead = session.get(Lead, theirs)
        assert lead is not None and lead.status == "new" and lead.owner_id == team.ids["bob"]


def test_bodies_over_the_limit_are_refused_with_413(team: Team) -> None:
    (mine,) = import_leads(team, "alice", 1)
    big = [attempt_op(mine, None, note="x" * 10_000) for _ in range(30)]  # about 300 KB
    with team.http(team.alice) as http:
        response = http.post("/api/push", json={"ops": big})
        assert response.status_code == 413
        assert "limit" in response.json()["error"]
        # Without a Content-Length (chunked), the stream is counted as it comes.
        chunks = iter(
            [json.dumps({"ops": big}).encode()[i : i + 4096] for i in range(0, 300_000, 4096)]
        )
        response = http.post("/api/push", content=chunks)
        assert response.status_code == 413
    assert count(team.store, Attempt) == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"ops": []}, "ops"),
        ({"ops": "x"}, "ops"),
        ({"opz": []}, "opz"),
        (
            {"ops": [{"op_id": "1", "kind": "teleport", "entity_id": "x", "payload": {}}]},
            "ops[0].kind",
        ),
        (
            {"ops": [{"op_id": "", "kind": "attempt", "entity_id": "x", "payload": {}}]},
            "ops[0].op_id",
        ),
        (
            {"ops": [{"op_id": "1", "kind": "attempt", "entity_id": "x", "payload": []}]},
            "ops[0].payload",
        ),
    ],
)
def test_malformed_pushes_get_422_naming_the_field(team: Team, body: Any, field: str) -> None:
    with team.http(team.alice) as http:
        response = http.post("/api/push", json=body)
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_attempt_fields_are_checked_one_by_one(team: Team) -> None:
    (mine,) = import_leads(team, "alice", 1)
    cases = [
        ({"started_at": "yesterday"}, "ops[0].payload.started_at"),
        ({"started_at": "2026-11-26T10:00:00"}, "ops[0].payload.started_at"),  # no zone
        ({"duration_s": "long"}, "ops[0].payload.duration_s"),
        ({"channel": None}, "ops[0].payload.channel"),
        ({"outcome": "x" * 31}, "ops[0].payload.outcome"),
        ({"colour": "red"}, "ops[0].payload.colour"),
    ]
    missing = [
        ({"supersedes_id": str(uuid.uuid4())}, "ops[0].payload.supersedes_id"),
        ({"lead_id": str(uuid.uuid4())}, "ops[0].payload.lead_id"),
    ]
    with team.http(team.alice) as http:
        for payload, field in cases:
            response = http.post("/api/push", json={"ops": [attempt_op(mine, None, **payload)]})
            assert response.status_code == 422, payload
            assert response.json()["field"] == field
        for payload, field in missing:
            response = http.post("/api/push", json={"ops": [attempt_op(mine, None, **payload)]})
            assert response.status_code == 404, payload
            assert response.json()["field"] == field
        not_json = http.post(
            "/api/push", content=b"{nope", headers={"content-type": "application/json"}
        )
        assert not_json.status_code == 400
        assert http.get("/api/pull", params={"cursor": "garbage"}).json()["field"] == "cursor"
        assert http.get("/api/leads", params={"limit": "0"}).json()["field"] == "limit"
    with team.http(team.boss) as http:
        bad_owner = http.post("/api/leads/import", json={"leads": [{"owner": "nobody"}]})
        assert bad_owner.status_code == 422 and bad_owner.json()["field"] == "leads[0].owner"
        bad_steps = http.put("/api/cadences", json={"cadences": [{"name": "x", "steps": []}]})
        assert bad_steps.status_code == 422 and bad_steps.json()["field"] == "cadences[0].steps"
    assert count(team.store, Attempt) == 0


def test_supervisor_assigns_and_the_agent_sees_the_change(team: Team) -> None:
    ids = import_leads(team, None, 3)
    with team.http(team.alice) as http:
        assert http.get("/api/leads").json()["leads"] == []
    with team.http(team.boss) as http:
        response = http.post("/api/leads/assign", json={"lead_ids": ids[:2], "agent": "alice"})
        assert response.json() == {"assigned": 2, "agent": "alice"}
        missing = http.post("/api/leads/assign", json={"lead_ids": ["nope"], "agent": "alice"})
        assert missing.status_code == 422 and missing.json()["field"] == "lead_ids[0]"
    with team.http(team.alice) as http:
        assert {lead["id"] for lead in http.get("/api/leads").json()["leads"]} == set(ids[:2])


def test_server_add_agent_prints_a_one_time_token(
    pg_store: Any, pg_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "add-agent", "carol", "--database-url", pg_database, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["agent"] == "carol" and len(doc["token"]) >= 40
    with pg_store.session() as session:
        stored = list(session.scalars(select(AgentToken.token_hash)))
    assert doc["token"] not in stored and len(stored) == 1
    assert main(["server", "add-agent", "bad name", "--database-url", pg_database]) == 1
    assert "no spaces" in capsys.readouterr().err
    assert main(["server", "add-agent", "x", "--database-url", "mysql://x"]) == 1


def test_the_server_binds_to_loopback_unless_told_otherwise() -> None:
    from leaddesk.cli import build_parser

    args = build_parser().parse_args(["server", "run", "--database-url", "sqlite:///x.db"])
    assert args.host == "127.0.0.1"
    assert main(["server", "run", "--database-url", "sqlite:///x.db", "--tls-cert", "c.pem"]) == 1


def test_tls_certificate_and_key_reach_the_server(tmp_path: Path) -> None:
    import shutil
    import ssl
    import subprocess

    import httpx

    from leaddesk.server.app import free_port
    from tests.integration.syncenv import leaddesk

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed (apt-get install openssl)")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    port = free_port()
    proc = leaddesk(
        "server", "run", "--database-url", f"sqlite:///{tmp_path / 'office.db'}",
        "--port", str(port), "--tls-cert", str(cert), "--tls-key", str(key),
    )  # fmt: skip
    try:
        trust = ssl.create_default_context(cafile=str(cert))
        for _ in range(200):
            try:
                response = httpx.get(f"https://127.0.0.1:{port}/api/health", verify=trust)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        assert response.json() == {"ok": True}
        with pytest.raises(httpx.TransportError):
            httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
    finally:
        proc.kill()
        proc.communicate()
