"""Hostile input at the team server's boundary, on PostgreSQL over loopback: each case
of issue 21 is refused whole with a 422 (or the status that fits) in the JSON error
shape naming the field, nothing of the request is stored, and the server goes on
answering everyone."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest

from leaddesk.store.models import Attempt, Lead
from tests.integration import syncenv
from tests.integration.syncenv import Team, attempt_op, count, import_leads

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team

pytestmark = pytest.mark.postgres


def _refused(response: httpx.Response, status: int, field: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    doc = response.json()
    assert doc["field"] == field
    assert doc["error"]


def _state_op(lead: str, **payload: Any) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "kind": "lead_state",
        "entity_id": lead,
        "base_version": 1,
        "payload": payload,
    }


def _everyone_still_reads(team: Team) -> None:
    for token in (team.boss, team.alice):
        with team.http(token) as http:
            for path in ("/api/leads", "/api/attempts", "/api/pull", "/api/report"):
                assert http.get(path).status_code == 200, path


def test_an_attempt_in_year_0001_is_refused_and_does_not_poison_the_server(team: Team) -> None:
    (lead,) = import_leads(team, "alice", 1)
    op = attempt_op(lead, None, started_at="0001-01-01T00:00:00+14:00")
    with team.http(team.alice) as http:
        _refused(http.post("/api/push", json={"ops": [op]}), 422, "ops[0].payload.started_at")
    assert count(team.store, Attempt) == 0
    _everyone_still_reads(team)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        pytest.param({"outcome": "pwned"}, "outcome", id="outcome_pwned"),
        pytest.param({"channel": "fax"}, "channel", id="channel_fax"),
        pytest.param({"duration_s": -2147483648}, "duration_s", id="duration_min_int"),
        pytest.param({"note": "a\x00b"}, "note", id="nul_in_note"),
        pytest.param({"ended_at": "9999-12-31T23:59:59Z"}, "ended_at", id="year_9999"),
        pytest.param({"channel": "email"}, "outcome", id="no_answer_by_email"),
    ],
)
def test_attempt_values_outside_the_domain_are_refused(
    team: Team, payload: dict[str, Any], field: str
) -> None:
    (lead,) = import_leads(team, "alice", 1)
    good = attempt_op(lead, None)
    bad = attempt_op(lead, None, **payload)
    with team.http(team.alice) as http:
        # The good operation in the same batch is not applied either.
        response = http.post("/api/push", json={"ops": [good, bad]})
    _refused(response, 422, f"ops[1].payload.{field}")
    assert count(team.store, Attempt) == 0


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        pytest.param({"status": "hacked"}, "status", id="status_hacked"),
        pytest.param({"cadence_step": -7}, "cadence_step", id="cadence_step_minus_7"),
        pytest.param({"next_channel": "pigeon"}, "next_channel", id="next_channel_pigeon"),
        pytest.param({"last_outcome": "pwned"}, "last_outcome", id="last_outcome_pwned"),
        pytest.param(
            {"next_action_at": "0001-01-01T00:00:00+14:00"}, "next_action_at", id="year_0001"
        ),
    ],
)
def test_lead_state_values_outside_the_domain_are_refused(
    team: Team, payload: dict[str, Any], field: str
) -> None:
    (lead,) = import_leads(team, "alice", 1)
    with team.http(team.alice) as http:
        response = http.post("/api/push", json={"ops": [_state_op(lead, **payload)]})
        _refused(response, 422, f"ops[0].payload.{field}")
        stored = http.get(f"/api/leads/{lead}").json()
    assert (stored["status"], stored["cadence_step"], stored["next_channel"]) == ("new", 0, None)
    assert stored["version"] == 1


def test_a_time_zone_that_is_a_path_is_refused(team: Team) -> None:
    with team.http(team.boss) as http:
        response = http.post(
            "/api/leads/import",
            json={"leads": [{"first_name": "Eve", "time_zones": ["../../etc/passwd"]}]},
        )
    _refused(response, 422, "leads[0].time_zones[0]")
    lead_id = str(uuid.uuid4())
    op = {
        "op_id": str(uuid.uuid4()),
        "kind": "lead",
        "entity_id": lead_id,
        "payload": {"id": lead_id, "time_zones": ["America/New_York", "../../etc/passwd"]},
    }
    with team.http(team.alice) as http:
        _refused(http.post("/api/push", json={"ops": [op]}), 422, "ops[0].payload.time_zones[1]")
    assert count(team.store, Lead) == 0


def test_a_phone_number_not_in_e164_is_refused(team: Team) -> None:
    with team.http(team.boss) as http:
        response = http.post("/api/leads/import", json={"leads": [{"phone_e164": "call me maybe"}]})
    _refused(response, 422, "leads[0].phone_e164")


def test_a_lone_surrogate_is_refused(team: Team) -> None:
    (lead,) = import_leads(team, "alice", 1)
    op = attempt_op(lead, None, note="PLACEHOLDER")
    body = json.dumps({"ops": [op]}).replace("PLACEHOLDER", "\\ud800")
    with team.http(team.alice) as http:
        response = http.post(
            "/api/push", content=body.encode(), headers={"content-type": "application/json"}
        )
    _refused(response, 422, "ops[0].payload.note")
    assert count(team.store, Attempt) == 0


def test_nan_is_refused(team: Team) -> None:
    (lead,) = import_leads(team, "alice", 1)
    op = attempt_op(lead, None, duration_s=0)
    body = json.dumps({"ops": [op]}).replace('"duration_s": 0', '"duration_s": NaN')
    with team.http(team.alice) as http:
        response = http.post(
            "/api/push", content=body.encode(), headers={"content-type": "application/json"}
        )
    _refused(response, 422, "body")
    assert "NaN" in response.json()["error"]


def test_deep_json_is_not_parsed_for_a_stranger_and_refused_for_an_agent(team: Team) -> None:
    deep = b"[" * 200_000 + b"]" * 200_000
    with team.http(None) as http:
        stranger = http.post("/api/push", content=deep)
    assert stranger.status_code == 401  # the token is checked before the body is read
    with team.http("not-a-token") as http:
        assert http.post("/api/push", content=deep).status_code == 401
    less_deep = b"[" * 100_000 + b"]" * 100_000
    with team.http(team.alice) as http:
        # Over the test server's 256 KiB limit: refused as it streams in.
        assert http.post("/api/push", content=deep).status_code == 413
        _refused(http.post("/api/push", content=less_deep), 422, "body")
    _everyone_still_reads(team)


def test_a_cursor_beyond_bigint_is_refused(team: Team) -> None:
    with team.http(team.alice) as http:
        for cursor in (f"{2**63}-0", f"0-{2**64}", "1" * 5000 + "-1", "-1-0"):
            _refused(http.get("/api/pull", params={"cursor": cursor}), 422, "cursor")
        assert http.get("/api/pull", params={"cursor": f"{2**63 - 1}-0"}).status_code == 200


def test_report_dates_in_year_9999_are_refused(team: Team) -> None:
    with team.http(team.boss) as http:
        _refused(http.get("/api/report", params={"until": "9999-12-31"}), 422, "until")
        _refused(http.get("/api/report", params={"since": "9999-12-31T23:59:59Z"}), 422, "since")
        _refused(http.get("/api/report", params={"since": "0001-01-01"}), 422, "since")
        assert http.get("/api/report", params={"until": "2099-12-30"}).status_code == 200


def test_nul_in_a_path_or_query_is_refused(team: Team) -> None:
    with team.http(team.alice) as http:
        _refused(http.get("/api/leads/a%00b"), 422, "lead_id")
        _refused(http.get("/api/attempts", params={"lead_id": "a\x00b"}), 422, "lead_id")
        _refused(http.get("/api/pull", params={"device_id": "a\x00b"}), 422, "device_id")
    with team.http(team.boss) as http:
        _refused(http.get("/api/report", params={"agent": "a\x00b"}), 422, "agent")


def test_a_wrong_method_names_the_allowed_ones(team: Team) -> None:
    with team.http(team.alice) as http:
        response = http.put("/api/agents")
        assert response.status_code == 405
        assert set(response.headers["allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
        assert response.json()["error"]
        lead = http.patch("/api/leads/x")
        assert lead.status_code == 405
        assert {"GET", "DELETE"} <= set(lead.headers["allow"].replace(" ", "").split(","))


def test_no_redirect_is_built_from_the_host_header(team: Team) -> None:
    with team.http(team.alice) as http:
        response = http.get("/api/leads/", headers={"host": "evil.example"})
    assert response.status_code == 404
    assert "location" not in response.headers
    assert "evil" not in response.text
