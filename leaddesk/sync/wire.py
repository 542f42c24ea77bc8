"""The wire format of team sync, shared by the client (`services/sync.py`) and the
server (`leaddesk/server/`): rows travel as JSON objects whose fields are the model's
columns, times as ISO 8601 text. Decoding checks every field against its column (type,
null, length), then against the domain (outcome and channel codes, lead status, times
between 2000 and 2100, durations, cadence steps, IANA zones, E.164 numbers; no NUL
character or lone surrogate in any text) and names the field at fault, so the server can
answer 422 with it and refuse the whole request.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any
from zoneinfo import available_timezones

from sqlalchemy import JSON, Boolean, Integer, String, Text

from leaddesk.domain.agent_states import AgentState
from leaddesk.domain.clock import iso
from leaddesk.domain.jurisdictions import CONSENT_BASES
from leaddesk.domain.outcomes import OUTCOMES, Channel, Direction, LeadStatus
from leaddesk.domain.rapport import KINDS as RAPPORT_KINDS
from leaddesk.domain.scripts import STAGES
from leaddesk.domain.timezones import UNKNOWN_ZONE
from leaddesk.store.models import (
    AgentStateChange,
    Attempt,
    Base,
    Lead,
    RapportNote,
    UTCDateTime,
    VoicemailScript,
)

# Operation kinds a client may push.
KINDS = ("attempt", "lead_state", "lead", "rapport_note", "voicemail_script", "agent_state")

# Lead fields the server keeps for itself: who owns it, its version, its bookkeeping.
LEAD_SERVER_FIELDS = frozenset({"id", "owner_id", "version", "created_at", "updated_at"})
# Lead fields an outcome changes ("lead_state" operations).
LEAD_STATE_FIELDS = frozenset(
    {
        "status",
        "next_action_at",
        "next_channel",
        "cadence_step",
        "attempt_count",
        "call_count",
        "first_attempt_at",
        "last_attempt_at",
        "last_outcome",
        "phone_bad",
        "do_not_call",
    }
)


# Instants a LeadDesk row may hold: anything else is a typo or an attack (a year 1 date
# stores as BC on PostgreSQL and breaks every later read of the row).
MIN_YEAR = 2000
MAX_YEAR = 2100
MAX_DURATION_S = 24 * 3600
MAX_CADENCE_STEP = 1000
MAX_COUNT = 1_000_000
MAX_LIST_ITEMS = 50
MAX_ITEM_CHARS = 80
_E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
_COUNTRY = re.compile(r"^(?:[A-Z]{2})?$")
_SURROGATE = re.compile("[\ud800-\udfff]")


class WireError(ValueError):
    """A value that does not fit its field; `path` names the field (e.g. ops[3].payload.id)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: str  # str, int, bool, datetime, json
    nullable: bool
    max_len: int | None


@cache
def field_specs(model: type[Base]) -> dict[str, FieldSpec]:
    """The fields of a model as they travel, from its table's columns."""
    specs: dict[str, FieldSpec] = {}
    for column in model.__table__.columns:
        col_type = column.type
        max_len = None
        if isinstance(col_type, UTCDateTime):
            kind = "datetime"
        elif isinstance(col_type, Boolean):
            kind = "bool"
        elif isinstance(col_type, Integer):
            kind = "int"
        elif isinstance(col_type, String | Text):
            kind = "str"
            max_len = getattr(col_type, "length", None)
        elif isinstance(col_type, JSON):
            kind = "json"
        else:  # pragma: no cover - a new column type needs a rule here
            raise TypeError(f"no wire rule for {model.__name__}.{column.key}: {col_type!r}")
        specs[column.key] = FieldSpec(column.key, kind, bool(column.nullable), max_len)
    return specs


def encode(row: Base, fields: Mapping[str, FieldSpec] | None = None) -> dict[str, Any]:
    """A row as a JSON object."""
    specs = fields if fields is not None else field_specs(type(row))
    out: dict[str, Any] = {}
    for name, spec in specs.items():
        value = getattr(row, name)
        out[name] = iso(value) if spec.kind == "datetime" else value
    return out


def decode_value(spec: FieldSpec, value: Any, path: str) -> Any:
    if value is None:
        if spec.nullable:
            return None
        raise WireError(path, "must not be null")
    kind = spec.kind
    if kind == "str":
        if not isinstance(value, str):
            raise WireError(path, "must be text")
        if spec.max_len is not None and len(value) > spec.max_len:
            raise WireError(path, f"is {len(value)} characters long; the limit is {spec.max_len}")
        return check_text(value, path)
    if kind == "datetime":
        if not isinstance(value, str):
            raise WireError(path, "must be an ISO 8601 time")
        if len(value) > 40:
            raise WireError(path, "is too long for an ISO 8601 time")
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise WireError(path, f"{check_text(value, path)!r} is not an ISO 8601 time") from None
        if parsed.tzinfo is None:
            raise WireError(path, "needs a UTC offset (e.g. 2026-11-26T14:30:00Z)")
        return check_instant(parsed, path)
    if kind == "bool":
        if not isinstance(value, bool):
            raise WireError(path, "must be true or false")
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise WireError(path, "must be a whole number")
        if not -(2**31) <= value < 2**31:
            raise WireError(path, "is out of range")
        return value
    if not isinstance(value, list | dict):
        raise WireError(path, "must be a list")
    return value


# The team's settings a supervisor publishes and every pull carries (scripts say them):
# name -> longest text.
TEAM_SETTINGS: dict[str, int] = {"company": 200, "topic": 80, "callback_number": 30}


def check_text(value: str, path: str) -> str:
    """Text a database and a screen can hold: no NUL character, no lone surrogate."""
    if "\x00" in value:
        raise WireError(path, "must not contain a NUL character")
    if not value.isascii() and _SURROGATE.search(value):
        raise WireError(path, "is not valid Unicode text (a lone surrogate)")
    return value


def check_instant(value: datetime, path: str) -> datetime:
    """An aware instant between the years 2000 and 2100 (UTC)."""
    try:
        year = value.astimezone(UTC).year
    except OverflowError:
        year = value.year
    if not MIN_YEAR <= year < MAX_YEAR or not MIN_YEAR <= value.year < MAX_YEAR:
        raise WireError(path, f"must be a time between the years {MIN_YEAR} and {MAX_YEAR}")
    return value


def _one_of(values: Any, what: str) -> Callable[[Any, str], None]:
    allowed = frozenset(str(v) for v in values)
    listed = ", ".join(sorted(allowed))

    def check(value: Any, path: str) -> None:
        if value is not None and value not in allowed:
            raise WireError(path, f"unknown {what} {str(value)[:40]!r} (known: {listed})")

    return check


def _between(low: int, high: int) -> Callable[[Any, str], None]:
    def check(value: Any, path: str) -> None:
        if value is not None and not low <= value <= high:
            raise WireError(path, f"must be between {low} and {high}")

    return check


def _matches(pattern: re.Pattern[str], what: str) -> Callable[[Any, str], None]:
    def check(value: Any, path: str) -> None:
        if value is not None and not pattern.match(value):
            raise WireError(path, f"{str(value)[:40]!r} is not {what}")

    return check


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones()) | {UNKNOWN_ZONE}


def _zone_list(value: Any, path: str) -> None:
    names = _text_list(value, path)
    zones = _zones()
    for i, name in enumerate(names):
        if name not in zones:
            raise WireError(f"{path}[{i}]", f"{name[:40]!r} is not an IANA time zone name")


def _text_list(value: Any, path: str) -> list[str]:
    if not isinstance(value, list):
        raise WireError(path, "must be a list of texts")
    if len(value) > MAX_LIST_ITEMS:
        raise WireError(path, f"has {len(value)} items; the limit is {MAX_LIST_ITEMS}")
    for i, item in enumerate(value):
        if not isinstance(item, str) or len(item) > MAX_ITEM_CHARS:
            raise WireError(f"{path}[{i}]", f"must be a text of up to {MAX_ITEM_CHARS} characters")
        check_text(item, f"{path}[{i}]")
    return value


def _phone_list(value: Any, path: str) -> None:
    _text_list(value, path)


def _lead_fields(value: Any, path: str) -> None:
    names = _text_list(value, path)
    known = field_specs(Lead)
    for i, name in enumerate(names):
        if name not in known:
            raise WireError(f"{path}[{i}]", f"{name[:40]!r} is not a lead field")


_CHANNEL = _one_of(Channel, "channel")
_OUTCOME = _one_of(OUTCOMES, "outcome")
_STEP = _between(0, MAX_CADENCE_STEP)
_COUNT = _between(0, MAX_COUNT)
_DURATION = _between(0, MAX_DURATION_S)

# The domain's rules, per model and field, on top of the column's type and length.
RULES: dict[type[Base], dict[str, Callable[[Any, str], None]]] = {
    Lead: {
        "status": _one_of(LeadStatus, "lead status"),
        "next_channel": _CHANNEL,
        "last_outcome": _OUTCOME,
        "cadence_step": _STEP,
        "attempt_count": _COUNT,
        "call_count": _COUNT,
        "version": _between(1, 2**31 - 1),
        "phone_e164": _matches(_E164, "a phone number in E.164 form (+ and 7 to 15 digits)"),
        "country": _matches(_COUNTRY, "a two-letter country code (ISO 3166)"),
        "time_zones": _zone_list,
        "alt_phones": _phone_list,
        "edited_fields": _lead_fields,
        "consent_basis": _one_of(CONSENT_BASES, "consent basis"),
    },
    Attempt: {
        "channel": _CHANNEL,
        "outcome": _OUTCOME,
        "duration_s": _DURATION,
        "ring_s": _DURATION,
        "wrapup_s": _DURATION,
        "direction": _one_of(Direction, "call direction"),
        "script_words": _between(0, 100_000),
        "cadence_step": _STEP,
    },
    RapportNote: {"kind": _one_of(RAPPORT_KINDS, "rapport note kind")},
    VoicemailScript: {"stage": _one_of(STAGES, "voicemail stage"), "variant": _between(1, 100)},
    AgentStateChange: {"state": _one_of(AgentState, "agent state")},
}


def check_domain(model: type[Base], data: Mapping[str, Any], path: str) -> None:
    """The domain's rules over decoded fields (`decode` calls it)."""
    rules = RULES.get(model)
    if rules:
        for name, rule in rules.items():
            if name in data:
                rule(data[name], f"{path}.{name}" if path else name)
    if model is Attempt:
        outcome, channel = data.get("outcome"), data.get("channel")
        if outcome is not None and channel is not None:
            info = OUTCOMES[outcome]
            if channel not in info.channels:
                raise WireError(
                    f"{path}.outcome",
                    f"{outcome!r} is not an outcome of the {channel} channel",
                )
    if model is AgentStateChange and data.get("reason") and data.get("state") != "paused":
        # The reason codes are the team's (Settings); the server knows only that a
        # pause may have one and nothing else does.
        raise WireError(f"{path}.reason", "only a pause has a reason")


def decode(
    model: type[Base],
    data: Any,
    path: str,
    *,
    required: tuple[str, ...] = (),
    only: frozenset[str] | None = None,
) -> dict[str, Any]:
    """Check a JSON object against a model's fields; unknown fields are refused."""
    if not isinstance(data, dict):
        raise WireError(path, "must be an object")
    specs = field_specs(model)
    out: dict[str, Any] = {}
    for name, value in data.items():
        spec = specs.get(name)
        if spec is None or (only is not None and name not in only):
            raise WireError(f"{path}.{name}", "is not a field this operation may carry")
        # The common, valid cases first, without building the field's path (a push
        # checks about twenty thousand values); anything else takes the careful road.
        kind, kept = spec.kind, type(value)
        if value is None:
            if spec.nullable:
                out[name] = None
                continue
        elif kind == "str":
            if (
                kept is str
                and (spec.max_len is None or len(value) <= spec.max_len)
                and "\x00" not in value
                and value.isascii()
            ):
                out[name] = value
                continue
        elif kind == "datetime":
            if kept is str:
                try:
                    parsed = datetime.fromisoformat(value)
                except ValueError:
                    parsed = None
                if (
                    parsed is not None
                    and parsed.tzinfo is not None
                    and MIN_YEAR < parsed.year < MAX_YEAR - 1
                ):
                    out[name] = parsed
                    continue
        elif kind == "int":
            if kept is int and -(2**31) <= value < 2**31:
                out[name] = value
                continue
        elif kind == "bool" and kept is bool:
            out[name] = value
            continue
        out[name] = decode_value(spec, value, f"{path}.{name}")
    for name in required:
        if out.get(name) is None:
            raise WireError(f"{path}.{name}", "is required")
    check_domain(model, out, path)
    return out


# What each kind of operation carries: the model, the fields it may carry (None: all)
# and those it must.
OP_SHAPES: dict[str, tuple[type[Base], frozenset[str] | None, tuple[str, ...]]] = {
    "attempt": (Attempt, None, ("id", "lead_id", "channel", "started_at")),
    "lead_state": (Lead, LEAD_STATE_FIELDS, ()),
    "lead": (Lead, None, ()),
    "rapport_note": (RapportNote, None, ("id", "lead_id", "text")),
    "voicemail_script": (VoicemailScript, None, ("id", "stage", "template")),
    "agent_state": (AgentStateChange, None, ("id", "state", "started_at")),
}


def decode_op(kind: str, entity_id: str, payload: Any, path: str) -> dict[str, Any]:
    """The payload of a push operation, checked whole against its kind (WireError names
    the field at fault). A null `agent_id` means the sender."""
    model, only, required = OP_SHAPES[kind]
    if isinstance(payload, dict) and payload.get("agent_id", "") is None:
        payload = {k: v for k, v in payload.items() if k != "agent_id"}
    data = decode(model, payload, f"{path}.payload", required=required, only=only)
    if kind != "lead_state" and data.get("id", entity_id) != entity_id:
        raise WireError(f"{path}.entity_id", "must equal payload.id")
    return data


def text_field(data: Mapping[str, Any], name: str, path: str, *, max_len: int = 200) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise WireError(f"{path}.{name}" if path else name, "is required (non-empty text)")
    if len(value) > max_len:
        raise WireError(f"{path}.{name}" if path else name, f"is longer than {max_len}")
    return check_text(value, f"{path}.{name}" if path else name)
