"""The outbox: every change meant for the team server is queued in the same transaction
as the change itself, so a crash can never leave one without the other.

This module is the outbox's one owner: it builds every payload (the JSON documents the
server reads with `leaddesk.sync.wire`) and writes every row, whichever way the caller
works: `enqueue` in an ORM session, `enqueue_core` on a Core connection (logging an
outcome, the hot path), and `ImportOutbox` for an import's bulk insert. A new kind of
operation, or a field the server should see, is added here and nowhere else.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, insert
from sqlalchemy.orm import Session

from leaddesk.domain.clock import iso
from leaddesk.store.models import (
    AgentStateChange,
    Attempt,
    Lead,
    Outbox,
    RapportNote,
    VoicemailScript,
    new_id,
)

OUTBOX_TABLE = cast(Table, Outbox.__table__)
LEAD_COLUMNS = tuple(c.key for c in cast(Table, Lead.__table__).columns)
_INSERT = insert(OUTBOX_TABLE)
# Compact, UTF-8 as it is (the column holds text): a quarter faster than json.dumps.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


# -- writing ---------------------------------------------------------------------------


def enqueue(
    session: Session,
    kind: str,
    entity_id: str,
    payload: dict[str, Any],
    base_version: int | None = None,
) -> None:
    """Queue one operation (`kind` such as "attempt", "lead", "rapport_note")."""
    session.add(Outbox(kind=kind, entity_id=entity_id, payload=payload, base_version=base_version))


def enqueue_core(
    conn: Connection,
    now: datetime,
    operations: Sequence[tuple[str, str, dict[str, Any], int | None]],
) -> None:
    """Queue operations (kind, entity id, payload, base version) on a Core connection,
    in one INSERT: the write path of an outcome, where the ORM costs more than the disk."""
    conn.execute(
        _INSERT,
        [
            {
                "op_id": new_id(),
                "kind": kind,
                "entity_id": entity_id,
                "payload": payload,
                "base_version": base_version,
                "created_at": now,
            }
            for kind, entity_id, payload, base_version in operations
        ],
    )


# -- payloads ----------------------------------------------------------------------------


def lead_payload(
    lead: Lead | dict[str, Any], isos: dict[datetime, str | None] | None = None
) -> dict[str, Any]:
    """The lead's fields as a JSON-able dict (kind "lead").

    `isos` memoizes the ISO text of instants shared by many rows (the import time)."""
    out: dict[str, Any] = {}
    memo = isos if isos is not None else {}
    for key in LEAD_COLUMNS:
        value = lead.get(key) if isinstance(lead, dict) else getattr(lead, key)
        if isinstance(value, datetime):
            text = memo.get(value)
            if text is None:
                text = memo[value] = iso(value)
            value = text
        elif isinstance(value, list):
            value = list(value)
        out[key] = value
    return out


_ATTEMPT_FIELDS = (
    "id",
    "lead_id",
    "agent_id",
    "channel",
    "outcome",
    "note",
    "duration_s",
    "ring_s",
    "started_at",
    "ended_at",
    "script_id",
    "script_words",
    "callback_at",
    "cadence_step",
    "supersedes_id",
    "manual",
    "direction",
    "wrapup_s",
)
_LEAD_STATE_FIELDS = (
    "status",
    "next_action_at",
    "next_channel",
    "cadence_step",
    "attempt_count",
    "phone_bad",
    "do_not_call",
)
_LEAD_COUNTERS = ("call_count", "first_attempt_at", "last_attempt_at", "last_outcome")


def _document(row: object, fields: Sequence[str]) -> dict[str, object]:
    """The fields of an ORM row or a mapping of column values, instants as ISO text."""
    values = row if isinstance(row, Mapping) else None
    out: dict[str, object] = {}
    for key in fields:
        value = values.get(key) if values is not None else getattr(row, key)
        out[key] = iso(value) if isinstance(value, datetime) else value
    return out


def attempt_payload(
    attempt: Attempt | Mapping[str, Any], *, outside_rules: bool | None = None
) -> dict[str, object]:
    """An attempt (kind "attempt"), from its row or its column values. `outside_rules`
    travels when the outcome was judged against the calling rules as it was logged (a
    correction made by undo is not)."""
    doc = _document(attempt, _ATTEMPT_FIELDS)
    if outside_rules is not None:
        doc["outside_rules"] = outside_rules
    return doc


def lead_state_payload(
    lead: Lead | Mapping[str, Any], *, counters: bool = False
) -> dict[str, object]:
    """Where an attempt left the lead (kind "lead_state"), merged field by field on the
    server (`leaddesk.sync.wire.LEAD_STATE_FIELDS`); from the row or the changed column
    values. With `counters`, the call count and first and last attempt too (an undo puts
    those back as well)."""
    return _document(lead, _LEAD_STATE_FIELDS + (_LEAD_COUNTERS if counters else ()))


def queue_outcome(
    conn: Connection,
    now: datetime,
    attempt: Mapping[str, Any],
    lead_state: Mapping[str, Any],
    *,
    base_version: int,
    outside_rules: bool,
) -> None:
    """The two operations an outcome makes: the attempt, and where it left the lead."""
    enqueue_core(
        conn,
        now,
        [
            ("attempt", attempt["id"], attempt_payload(attempt, outside_rules=outside_rules), None),
            ("lead_state", attempt["lead_id"], lead_state_payload(lead_state), base_version),
        ],
    )


def rapport_note_payload(row: RapportNote) -> dict[str, object]:
    """A rapport note (kind "rapport_note")."""
    return {
        "id": row.id,
        "lead_id": row.lead_id,
        "agent_id": row.agent_id,
        "attempt_id": row.attempt_id,
        "kind": row.kind,
        "text": row.text,
        "pinned": row.pinned,
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
        "deleted_at": iso(row.deleted_at),
    }


def voicemail_script_payload(row: VoicemailScript) -> dict[str, object]:
    """A voicemail script (kind "voicemail_script")."""
    return {
        "id": row.id,
        "team": row.team,
        "stage": row.stage,
        "variant": row.variant,
        "template": row.template,
        "active": row.active,
    }


def agent_state_payload(row: AgentStateChange) -> dict[str, object]:
    """A change of the agent's state (kind "agent_state"): the server keeps it for the
    team's report and sends it to supervisors' laptops."""
    return {
        "id": row.id,
        "agent_id": row.agent_id,
        "state": row.state,
        "reason": row.reason,
        "started_at": iso(row.started_at),
        "created_at": iso(row.created_at),
    }


def queue_agent_state(session: Session, row: AgentStateChange) -> None:
    """Queue a state change, in the session that records it (its id is set here)."""
    if row.id is None:
        row.id = new_id()
    enqueue(session, "agent_state", row.id, agent_state_payload(row))


class ImportOutbox:
    """The "lead" operations of one import's new leads, written in bulk beside them.

    The payload is `lead_payload`'s JSON (every column, instants as ISO text): the
    fields every lead of the import shares are encoded once into a prefix, and each row
    adds only the JSON of its own fields (the row dict itself, instants as ISO text): one
    compact encoding of a 25-field dict per lead instead of building and encoding a
    40-field one."""

    NAMES = ("op_id", "kind", "entity_id", "payload", "base_version", "created_at")

    def __init__(
        self,
        constants: Mapping[str, Any],
        instants: Sequence[str],
        now: datetime,
        created_stored: Any,
    ) -> None:
        """`constants`: the fields shared by every row; `instants`: the row's own fields
        that hold an instant; `created_stored`: `now` as the column stores it."""
        constant_payload = {
            k: iso(v) if isinstance(v, datetime) else v for k, v in constants.items()
        }
        # '{"source":"csv",...,' : the payload's constant fields, encoded once.
        self._prefix = _ENCODE(constant_payload)[:-1] + ","
        self._instants = tuple(instants)
        self._isos: dict[datetime, str | None] = {}
        self._now = now
        self._created = created_stored

    def insert_sql(self, quote: Any, mark: str) -> str:
        """The INSERT for `row` tuples, in the DBAPI's parameter style."""
        return (
            f"INSERT INTO {quote(OUTBOX_TABLE.name)} "
            f"({', '.join(quote(n) for n in self.NAMES)}) "
            f"VALUES ({', '.join(mark for _ in self.NAMES)})"
        )

    def payload_text(self, row: dict[str, Any]) -> str:
        """The payload (JSON text) of a new lead's row: its own fields and the constants."""
        payload = row.copy()
        isos = self._isos
        for key in self._instants:
            value = row[key]
            if value is not None:
                text = isos.get(value)
                if text is None:
                    text = isos[value] = iso(value)
                payload[key] = text
        return self._prefix + _ENCODE(payload)[1:]

    def row(self, op_id: str, lead_id: str, row: dict[str, Any]) -> tuple[Any, ...]:
        """One outbox row for `insert_sql`, values as the columns store them."""
        return (op_id, "lead", lead_id, self.payload_text(row), None, self._created)

    def write_generic(
        self,
        conn: Connection,
        rows: Sequence[dict[str, Any]],
        ids: Sequence[str],
        ops: Sequence[str],
    ) -> None:
        """Through SQLAlchemy, for a DBAPI with named parameters."""
        conn.execute(
            OUTBOX_TABLE.insert(),
            [
                {
                    "op_id": op_id,
                    "kind": "lead",
                    "entity_id": lead_id,
                    "payload": json.loads(self.payload_text(row)),
                    "base_version": None,
                    "created_at": self._now,
                }
                for row, lead_id, op_id in zip(rows, ids, ops, strict=True)
            ],
        )
