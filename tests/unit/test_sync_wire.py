"""The wire's rules (leaddesk/sync/wire.py), shared by the laptop and the server:
each push operation is checked whole against its kind and the domain, and the field at
fault is named."""

from __future__ import annotations

from typing import Any

import pytest

from leaddesk.sync.wire import WireError, decode_op

ATTEMPT = {
    "id": "a1",
    "lead_id": "l1",
    "channel": "phone",
    "outcome": "no_answer",
    "started_at": "2026-11-26T16:00:00Z",
}


def _fault(kind: str, payload: dict[str, Any], entity_id: str = "a1") -> str:
    with pytest.raises(WireError) as caught:
        decode_op(kind, entity_id, payload, "ops[0]")
    return caught.value.path


def test_a_good_attempt_decodes_with_aware_times() -> None:
    data = decode_op("attempt", "a1", {**ATTEMPT, "agent_id": None}, "ops[0]")
    assert data["started_at"].tzinfo is not None
    assert "agent_id" not in data  # null means the sender


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"started_at": "0001-01-01T00:00:00+14:00"}, "started_at"),
        ({"started_at": "2100-01-01T00:00:00Z"}, "started_at"),
        ({"started_at": "1999-12-31T23:59:59Z"}, "started_at"),
        ({"outcome": "pwned"}, "outcome"),
        ({"channel": "fax"}, "channel"),
        ({"channel": "sms"}, "outcome"),  # no_answer is a phone outcome
        ({"duration_s": -2147483648}, "duration_s"),
        ({"ring_s": 10**6}, "ring_s"),
        ({"cadence_step": -7}, "cadence_step"),
        ({"note": "a\x00b"}, "note"),
        ({"note": "a\ud800b"}, "note"),
        ({"duration_s": 1.5}, "duration_s"),
    ],
)
def test_attempt_fields_outside_the_domain_are_named(change: dict[str, Any], field: str) -> None:
    assert _fault("attempt", {**ATTEMPT, **change}) == f"ops[0].payload.{field}"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"status": "hacked"}, "status"),
        ({"next_channel": "pigeon"}, "next_channel"),
        ({"cadence_step": -7}, "cadence_step"),
        ({"next_action_at": "9999-12-31T23:59:59-14:00"}, "next_action_at"),
        ({"last_outcome": "pwned"}, "last_outcome"),
        ({"first_name": "x"}, "first_name"),  # not a field an outcome changes
    ],
)
def test_lead_state_fields_outside_the_domain_are_named(change: dict[str, Any], field: str) -> None:
    assert _fault("lead_state", change, "l1") == f"ops[0].payload.{field}"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"time_zones": ["../../etc/passwd"]}, "time_zones[0]"),
        ({"time_zones": "America/New_York"}, "time_zones"),
        ({"phone_e164": "555-0100"}, "phone_e164"),
        ({"country": "usa"}, "country"),
        ({"edited_fields": ["password"]}, "edited_fields[0]"),
        ({"alt_phones": ["x" * 81]}, "alt_phones[0]"),
    ],
)
def test_lead_fields_outside_the_domain_are_named(change: dict[str, Any], field: str) -> None:
    assert _fault("lead", {"id": "l1", **change}, "l1") == f"ops[0].payload.{field}"


def test_a_good_lead_passes() -> None:
    data = decode_op(
        "lead",
        "l1",
        {
            "id": "l1",
            "time_zones": ["America/New_York", "Etc/Unknown"],
            "phone_e164": "+12125550100",
            "country": "US",
            "status": "working",
            "next_channel": "email",
        },
        "ops[0]",
    )
    assert data["status"] == "working"


def test_the_payload_id_must_be_the_entity_id() -> None:
    assert _fault("attempt", ATTEMPT, entity_id="other") == "ops[0].entity_id"


def test_rapport_kinds_and_script_stages_are_the_domain_s() -> None:
    note = {"id": "n1", "lead_id": "l1", "text": "likes golf", "kind": "gossip"}
    assert _fault("rapport_note", note, "n1") == "ops[0].payload.kind"
    script = {"id": "s1", "stage": "sing", "template": "Hi"}
    assert _fault("voicemail_script", script, "s1") == "ops[0].payload.stage"


STATE = {"id": "s1", "state": "paused", "reason": "break", "started_at": "2026-11-26T16:00:00Z"}


def test_a_good_agent_state_decodes() -> None:
    data = decode_op("agent_state", "s1", {**STATE, "agent_id": None}, "ops[0]")
    assert (data["state"], data["reason"]) == ("paused", "break")
    assert data["started_at"].tzinfo is not None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"state": "napping"}, "state"),
        ({"reason": "br\x00eak"}, "reason"),
        ({"reason": "\ud800"}, "reason"),
        ({"reason": "x" * 41}, "reason"),
        ({"state": "ready"}, "reason"),  # only a pause has a reason
        ({"started_at": "2100-01-01T00:00:00Z"}, "started_at"),
        ({"started_at": None}, "started_at"),
        ({"id": "s2"}, "entity_id"),
    ],
)
def test_agent_state_fields_outside_the_domain_are_named(
    change: dict[str, Any], field: str
) -> None:
    path = _fault("agent_state", {**STATE, **change}, "s1")
    expected = "ops[0].entity_id" if field == "entity_id" else f"ops[0].payload.{field}"
    assert path == expected
