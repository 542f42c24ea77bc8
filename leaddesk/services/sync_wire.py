"""The wire format of team sync, shared by the client (`services/sync.py`) and the
server (`leaddesk/server/`): rows travel as JSON objects whose fields are the model's
columns, times as ISO 8601 text. Decoding checks every field against its column (type,
null, length) and names the field at fault, so the server can answer 422 with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String, Text

from leaddesk.domain.clock import iso
from leaddesk.store.models import (
    Base,
    UTCDateTime,
)

# Operation kinds a client may push.
KINDS = ("attempt", "lead_state", "lead", "rapport_note", "voicemail_script")

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
        return value
    if kind == "datetime":
        if not isinstance(value, str):
            raise WireError(path, "must be an ISO 8601 time")
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise WireError(path, f"{value[:40]!r} is not an ISO 8601 time") from None
        if parsed.tzinfo is None:
            raise WireError(path, "needs a UTC offset (e.g. 2026-11-26T14:30:00Z)")
        return parsed
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
            if kept is str and (spec.max_len is None or len(value) <= spec.max_len):
                out[name] = value
                continue
        elif kind == "datetime":
            if kept is str:
                try:
                    parsed = datetime.fromisoformat(value)
                except ValueError:
                    parsed = None
                if parsed is not None and parsed.tzinfo is not None:
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
    return out


def text_field(data: Mapping[str, Any], name: str, path: str, *, max_len: int = 200) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise WireError(f"{path}.{name}" if path else name, "is required (non-empty text)")
    if len(value) > max_len:
        raise WireError(f"{path}.{name}" if path else name, f"is longer than {max_len}")
    return value
