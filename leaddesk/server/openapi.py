"""The OpenAPI 3.1 document of the team server's API (served to supervisors at
/api/openapi.json, fuzzed by tests/integration/test_api_fuzz.py).

Row schemas come from the wire's own rules (`leaddesk.sync.wire.field_specs` and `RULES`), so
the document describes the bodies the server really takes and answers: a column's type,
null and length, and the domain's codes where a field has them. Responses are open
(more fields may come); requests are closed where the server refuses unknown fields.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from leaddesk.domain.agent_states import AgentState
from leaddesk.domain.outcomes import OUTCOMES, Channel, Direction, LeadStatus
from leaddesk.domain.rapport import KINDS as RAPPORT_KINDS
from leaddesk.domain.scripts import STAGES
from leaddesk.server.admin import MAX_ROWS
from leaddesk.server.push import MAX_OPS
from leaddesk.store.models import (
    AgentStateChange,
    Attempt,
    Base,
    Cadence,
    Lead,
    RapportNote,
    VoicemailScript,
)
from leaddesk.sync.wire import (
    KINDS,
    LEAD_STATE_FIELDS,
    MAX_CADENCE_STEP,
    MAX_COUNT,
    MAX_DURATION_S,
    field_specs,
)

_ID = {"type": "string", "minLength": 1, "maxLength": 36}
_ERRORS = {
    "400": "the body is not JSON",
    "401": "no token, or one revoked, expired or mistyped",
    "403": "not allowed to this caller",
    "404": "not found, or not the caller's",
    "409": "an operation id reused for other content, or an agent that exists",
    "413": "the body is over the limit",
    "422": "a field at fault (named in `field`)",
    "429": "too many failed authentications from this address",
}

# Domain rules the document states (the same as leaddesk.sync.wire.RULES enforces).
_ENUMS: dict[tuple[type[Base], str], list[str]] = {
    (Lead, "status"): [str(s) for s in LeadStatus],
    (Lead, "next_channel"): [str(c) for c in Channel],
    (Lead, "last_outcome"): sorted(OUTCOMES),
    (Attempt, "channel"): [str(c) for c in Channel],
    (Attempt, "outcome"): sorted(OUTCOMES),
    (Attempt, "direction"): [str(d) for d in Direction],
    (RapportNote, "kind"): list(RAPPORT_KINDS),
    (VoicemailScript, "stage"): list(STAGES),
    (AgentStateChange, "state"): [str(s) for s in AgentState],
}
_RANGES: dict[tuple[type[Base], str], tuple[int, int]] = {
    (Lead, "cadence_step"): (0, MAX_CADENCE_STEP),
    (Lead, "attempt_count"): (0, MAX_COUNT),
    (Lead, "call_count"): (0, MAX_COUNT),
    (Lead, "version"): (1, 2**31 - 1),
    (Attempt, "duration_s"): (0, MAX_DURATION_S),
    (Attempt, "ring_s"): (0, MAX_DURATION_S),
    (Attempt, "wrapup_s"): (0, MAX_DURATION_S),
    (Attempt, "script_words"): (0, 100_000),
    (Attempt, "cadence_step"): (0, MAX_CADENCE_STEP),
    (VoicemailScript, "variant"): (1, 100),
}


def _field_schema(model: type[Base], name: str, *, response: bool) -> dict[str, Any]:
    spec = field_specs(model)[name]
    schema: dict[str, Any]
    if spec.kind == "str":
        schema = {"type": "string"}
        if spec.max_len is not None and not response:
            schema["maxLength"] = spec.max_len
        enum = _ENUMS.get((model, name))
        if enum is not None and not response:
            schema = {"type": "string", "enum": enum}
    elif spec.kind == "datetime":
        schema = {"type": "string", "format": "date-time"}
    elif spec.kind == "bool":
        schema = {"type": "boolean"}
    elif spec.kind == "int":
        low, high = _RANGES.get((model, name), (-(2**31), 2**31 - 1))
        schema = {"type": "integer"}
        if not response:
            schema.update(minimum=low, maximum=high)
    else:
        schema = {"type": ["array", "object"]} if response else {"type": "array"}
        if model is Lead and not response:
            schema = {
                "type": "array",
                "maxItems": MAX_ROWS,
                "items": {"type": "string", "maxLength": 80},
            }
    if spec.nullable:
        kinds = schema.get("type")
        if "enum" in schema:
            schema = {"anyOf": [schema, {"type": "null"}]}
        elif isinstance(kinds, list):
            schema["type"] = [*kinds, "null"]
        else:
            schema["type"] = [kinds, "null"]
    return schema


def _row(
    model: type[Base],
    *,
    response: bool,
    only: frozenset[str] | None = None,
    required: tuple[str, ...] = (),
) -> dict[str, Any]:
    names = [n for n in field_specs(model) if only is None or n in only]
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {n: _field_schema(model, n, response=response) for n in names},
    }
    if response:
        schema["required"] = names
    else:
        schema["additionalProperties"] = False
        if required:
            schema["required"] = list(required)
    return schema


def _obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
    }


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _list_of(key: str, item: dict[str, Any]) -> dict[str, Any]:
    return _obj({key: {"type": "array", "items": item}})


def _param(name: str, where: str, schema: dict[str, Any], required: bool = False) -> Any:
    return {"name": name, "in": where, "required": required, "schema": schema}


_LIMIT = _param("limit", "query", {"type": "integer"})
_OFFSET = _param("offset", "query", {"type": "integer"})


def _operation(
    summary: str,
    ok: dict[str, Any],
    *,
    params: list[Any] | None = None,
    body: dict[str, Any] | None = None,
    secured: bool = True,
) -> dict[str, Any]:
    responses: dict[str, Any] = {
        "200": {"description": "done", "content": {"application/json": {"schema": ok}}}
    }
    if secured:
        for code, text in _ERRORS.items():
            responses[code] = {
                "description": text,
                "content": {"application/json": {"schema": _ref("Error")}},
            }
    operation: dict[str, Any] = {"summary": summary, "responses": responses}
    if not secured:
        operation["security"] = []
    if params:
        operation["parameters"] = params
    if body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": body}},
        }
    return operation


def _schemas() -> dict[str, Any]:
    op_kinds = {
        "attempt": _row(
            Attempt, response=False, required=("id", "lead_id", "channel", "started_at")
        ),
        "lead_state": _row(Lead, response=False, only=LEAD_STATE_FIELDS),
        "lead": _row(Lead, response=False),
        "rapport_note": _row(RapportNote, response=False, required=("id", "lead_id", "text")),
        "voicemail_script": _row(
            VoicemailScript, response=False, required=("id", "stage", "template")
        ),
        # The caller's own state changes (agent_id: the caller's id or null); a reason
        # only with "paused".
        "agent_state": _row(
            AgentStateChange, response=False, required=("id", "state", "started_at")
        ),
    }
    assert set(op_kinds) == set(KINDS)
    operation = {
        "type": "object",
        "additionalProperties": False,
        "required": ["op_id", "kind", "entity_id", "payload"],
        "properties": {
            "op_id": _ID,
            "kind": {"type": "string", "enum": list(KINDS)},
            "entity_id": _ID,
            "payload": {"anyOf": list(op_kinds.values())},
            "base_version": {"type": ["integer", "null"], "minimum": 0, "maximum": 2**31 - 1},
        },
    }
    import_row = _row(Lead, response=False)
    import_row["properties"]["owner"] = {"type": ["string", "null"], "maxLength": 120}
    return {
        "Error": _obj({"error": {"type": "string"}, "field": {"type": "string"}}, ["error"]),
        "Lead": _row(Lead, response=True),
        "Attempt": _row(Attempt, response=True),
        "Script": _row(VoicemailScript, response=True),
        "Cadence": _row(Cadence, response=True),
        "AgentState": _row(AgentStateChange, response=True),
        "Operation": operation,
        "Push": {
            "type": "object",
            "additionalProperties": False,
            "required": ["ops"],
            "properties": {
                "device_id": _ID,
                "ops": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": MAX_OPS,
                    "items": _ref("Operation"),
                },
            },
        },
        "ImportRow": import_row,
        "Agent": _obj(
            {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "is_supervisor": {"type": "boolean"},
            }
        ),
    }


@cache
def document() -> dict[str, Any]:
    """The OpenAPI document (built once)."""
    lead_id = _param("lead_id", "path", {"type": "string", "maxLength": 36}, required=True)
    agents = _list_of("agents", _ref("Agent"))
    results = _list_of(
        "results",
        _obj(
            {
                "op_id": {"type": "string"},
                "status": {"type": "string"},
                "version": {"type": "integer"},
            },
            ["op_id", "status"],
        ),
    )
    team = _obj(
        {
            "company": {"type": "string"},
            "topic": {"type": "string"},
            "callback_number": {"type": "string"},
        }
    )
    pull = _obj(
        {
            "cursor": {"type": "string"},
            "more": {"type": "boolean"},
            "leads": {"type": "array", "items": _ref("Lead")},
            "removed": {"type": "array", "items": {"type": "string"}},
            "scripts": {"type": "array", "items": _ref("Script")},
            "cadences": {"type": "array", "items": _ref("Cadence")},
            "agents": {"type": "array", "items": {"type": "object"}},
            # Agent state changes: every agent's for a supervisor, the caller's own
            # otherwise (never those the pulling device pushed).
            "agent_states": {"type": "array", "items": _ref("AgentState")},
            "team": team,
        },
        required=["cursor", "more", "leads", "removed", "scripts", "cadences", "agents"],
    )
    conflict = {"type": "object", "required": ["id", "lead_id", "field", "kept"]}
    _aliases = _list_of(
        "aliases",
        _obj(
            {
                "source": {"type": "string"},
                "owner": {"type": "string"},
                "agent": {"type": "string"},
            }
        ),
    )
    event = _obj(
        {
            "at": {"type": "string", "format": "date-time"},
            "event": {"type": "string", "enum": ["issue", "revoke", "promote", "auth_failed"]},
            "agent": {"type": ["string", "null"]},
            "actor": {"type": ["string", "null"]},
            "device": {"type": "string"},
            "client": {"type": "string"},
            "detail": {"type": "string"},
        }
    )
    report_params = [
        _param("since", "query", {"type": "string"}),
        _param("until", "query", {"type": "string"}),
        _param("agent", "query", {"type": "string"}),
    ]
    paths: dict[str, Any] = {
        "/api/health": {
            "get": _operation("is the server up", _obj({"ok": {"type": "boolean"}}), secured=False)
        },
        "/api/me": {
            "get": _operation("the token's agent", _ref("Agent")),
        },
        "/api/push": {
            "post": _operation("apply a batch of operations", results, body=_ref("Push")),
        },
        "/api/pull": {
            "get": _operation(
                "changes after a cursor",
                pull,
                params=[
                    _param("cursor", "query", {"type": "string"}),
                    _LIMIT,
                    _param("device_id", "query", {"type": "string"}),
                ],
            )
        },
        "/api/leads": {
            "get": _operation(
                "the caller's leads (a supervisor's: all)",
                _list_of("leads", _ref("Lead")),
                params=[_LIMIT, _OFFSET],
            )
        },
        "/api/leads/import": {
            "post": _operation(
                "create or update leads (supervisors)",
                _obj(
                    {
                        "imported": {"type": "integer"},
                        "updated": {"type": "integer"},
                        "ids": {"type": "array", "items": {"type": "string"}},
                    }
                ),
                body=_obj(
                    {"leads": {"type": "array", "maxItems": MAX_ROWS, "items": _ref("ImportRow")}}
                ),
            )
        },
        "/api/leads/assign": {
            "post": _operation(
                "give leads to an agent (supervisors)",
                _obj({"assigned": {"type": "integer"}, "agent": {"type": ["string", "null"]}}),
                body=_obj(
                    {
                        "lead_ids": {"type": "array", "maxItems": MAX_ROWS, "items": _ID},
                        "agent": {"type": ["string", "null"], "maxLength": 120},
                    },
                    ["lead_ids"],
                ),
            )
        },
        "/api/leads/{lead_id}": {
            "get": _operation("one lead", _ref("Lead"), params=[lead_id]),
            "delete": _operation(
                "soft-delete a lead (supervisors)",
                _obj({"lead_id": {"type": "string"}, "deleted_at": {"type": ["string", "null"]}}),
                params=[lead_id],
            ),
        },
        "/api/attempts": {
            "get": _operation(
                "attempts (an agent's own)",
                _list_of("attempts", _ref("Attempt")),
                params=[_LIMIT, _OFFSET, _param("lead_id", "query", {"type": "string"})],
            )
        },
        "/api/conflicts": {
            "get": _operation("merge conflicts (supervisors)", _list_of("conflicts", conflict))
        },
        "/api/agents": {
            "get": _operation("the team (supervisors)", agents),
            "post": _operation(
                "create an agent and its first token (supervisors)",
                _obj({"agent": {"type": "string"}, "token": {"type": "string"}}),
                body={
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "maxLength": 120},
                        "supervisor": {"type": "boolean"},
                        "device": {"type": "string", "maxLength": 80},
                    },
                },
            ),
        },
        "/api/audit": {
            "get": _operation(
                "the access audit (supervisors)",
                _list_of("events", event),
                params=[_LIMIT, _OFFSET],
            )
        },
        "/api/openapi.json": {"get": _operation("this document (supervisors)", {"type": "object"})},
        "/api/team-settings": {
            "get": _operation("the team's company, topic and callback number", team),
            "put": _operation(
                "publish the team's company, topic or callback number (supervisors)",
                team,
                body=_obj(
                    {
                        "company": {"type": "string", "maxLength": 200},
                        "topic": {"type": "string", "maxLength": 80},
                        "callback_number": {"type": "string", "maxLength": 30},
                    },
                    required=[],
                ),
            ),
        },
        "/api/owner-aliases": {
            "get": _operation("what lead files write for each agent (supervisors)", _aliases),
            "put": _operation(
                "map what lead files write to an agent, or remove it (supervisors)",
                _aliases,
                body=_obj(
                    {
                        "owner": {"type": "string", "minLength": 1, "maxLength": 200},
                        "agent": {"type": ["string", "null"], "maxLength": 120},
                        "source": {"type": "string", "maxLength": 40},
                    },
                    required=["owner", "agent"],
                ),
            ),
        },
        "/api/scripts": {
            "put": _operation(
                "publish voicemail scripts (supervisors)",
                _obj({"scripts": {"type": "integer"}}),
                body=_obj(
                    {
                        "scripts": {
                            "type": "array",
                            "maxItems": MAX_ROWS,
                            "items": _row(
                                VoicemailScript, response=False, required=("stage", "template")
                            ),
                        }
                    }
                ),
            )
        },
        "/api/cadences": {
            "put": _operation(
                "publish cadences (supervisors)",
                _obj({"cadences": {"type": "integer"}}),
                body=_obj(
                    {
                        "cadences": {
                            "type": "array",
                            "maxItems": MAX_ROWS,
                            "items": _row(Cadence, response=False, required=("name", "steps")),
                        }
                    }
                ),
            )
        },
        "/api/purge": {
            "post": _operation(
                "drop soft-deleted leads every device has pulled past (supervisors)",
                _obj({"purged": {"type": "integer"}}),
            )
        },
        "/api/report": {
            "get": _operation(
                "the lead-response report (an agent's own; a supervisor's: anyone or all); "
                "besides the lead measures it carries the phone's time measures "
                "(outbound_calls, inbound_calls, contacts, talk_time_s, wrapup_time_s, "
                "handled_calls, talk_mean_s, wrapup_mean_s, aht_s, active_hours, "
                "dials_per_hour, contacts_per_hour, by_hour) and the time per agent state "
                "(states, paused_by_reason)",
                {"type": "object"},
                params=report_params,
            )
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "LeadDesk team server", "version": "1"},
        "components": {
            "schemas": _schemas(),
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"token": []}],
        "paths": paths,
    }
