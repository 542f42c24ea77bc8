"""Apply a batch of pushed operations, idempotently, as one transaction.

Each operation is first claimed by inserting its id into `server_op` (ON CONFLICT DO
NOTHING ... RETURNING): a copy of the batch running at the same time waits on that
row and then finds it taken, so nothing is applied twice. Operation ids are the
agent's own, and each is stored with a digest of its content: the same id with other
content is refused (409), never taken for a resend. Attempts and agent state changes
are append-only and never conflict (a row id already stored is left as it is). Lead edits carry the server version they were based on; fields changed
since by another agent are a conflict, recorded for supervisors, and the later arrival
wins. An operation the agent may not do refuses the whole batch (403), naming it; one
about a lead or note that is not the caller's answers 404, whether it exists or not.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from leaddesk.domain.clock import iso
from leaddesk.server import admin, changes
from leaddesk.server.agent_states import store_states
from leaddesk.server.auth import Caller
from leaddesk.server.bulk import (
    count_attempts,
    insert_ignoring_duplicates,
    pg_claim,
    pg_copy_new,
)
from leaddesk.store.models import (
    Agent,
    AgentStateChange,
    Attempt,
    Cadence,
    Lead,
    LeadSync,
    RapportNote,
    ServerOp,
    SyncConflict,
    VoicemailScript,
)
from leaddesk.sync.wire import (
    KINDS,
    LEAD_SERVER_FIELDS,
    WireError,
    check_text,
    decode_op,
    field_specs,
)

MAX_OPS = 2000
MAX_ID = 36
# Lead fields the server derives from the attempt log itself (so that two agents'
# attempts on one lead add up); values pushed for them are not merged.
DERIVED_FIELDS = (
    "attempt_count",
    "call_count",
    "first_attempt_at",
    "last_attempt_at",
    "last_outcome",
)


class NotYours(LookupError):
    """A lead, attempt or note that does not exist or is not the caller's (404)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class OpConflict(Exception):
    """An operation id this agent already used for other content (409)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class Forbidden(Exception):
    """The caller may not do this; `path` names the operation field at fault."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True, slots=True)
class Op:
    index: int
    op_id: str
    kind: str
    entity_id: str
    payload: dict[str, Any]
    base_version: int | None
    data: dict[str, Any]  # the payload decoded and checked (leaddesk.sync.wire.decode_op)

    @property
    def digest(self) -> str:
        """SHA-256 of the content (not of the base version: a laptop resends an edit
        based on the version it has pulled since); empty for "make sure the server has
        this lead" (its fixed id is resent with the lead as it is now: "exists")."""
        if self.kind == "lead" and self.base_version is None:
            return ""
        content = [self.kind, self.entity_id, self.payload]
        text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _id(value: Any, path: str) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= MAX_ID:
        raise WireError(path, f"must be an id of 1 to {MAX_ID} characters")
    return check_text(value, path)


def parse_push(body: Any) -> tuple[str | None, list[Op]]:
    """Check the shape of a push body; the first fault raises WireError with its path."""
    if not isinstance(body, dict):
        raise WireError("body", "must be a JSON object with 'ops'")
    unknown = set(body) - {"ops", "device_id"}
    if unknown:
        raise WireError(sorted(unknown)[0], "is not a field of a push")
    device_id = body.get("device_id")
    if device_id is not None:
        _id(device_id, "device_id")
    raw_ops = body.get("ops")
    if not isinstance(raw_ops, list) or not raw_ops:
        raise WireError("ops", "must be a non-empty list")
    if len(raw_ops) > MAX_OPS:
        raise WireError("ops", f"has {len(raw_ops)} operations; the limit is {MAX_OPS} a batch")
    ops: list[Op] = []
    for i, raw in enumerate(raw_ops):
        path = f"ops[{i}]"
        if not isinstance(raw, dict):
            raise WireError(path, "must be an object")
        extra = set(raw) - {"op_id", "kind", "entity_id", "payload", "base_version"}
        if extra:
            raise WireError(f"{path}.{sorted(extra)[0]}", "is not a field of an operation")
        kind = raw.get("kind")
        if kind not in KINDS:
            raise WireError(
                f"{path}.kind", f"unknown kind {str(kind)[:40]!r} (known: {', '.join(KINDS)})"
            )
        payload = raw.get("payload")
        if not isinstance(payload, dict):
            raise WireError(f"{path}.payload", "must be an object")
        base = raw.get("base_version")
        if base is not None and (isinstance(base, bool) or not isinstance(base, int) or base < 0):
            raise WireError(f"{path}.base_version", "must be a whole number or null")
        op_id = _id(raw.get("op_id"), f"{path}.op_id")
        entity_id = _id(raw.get("entity_id"), f"{path}.entity_id")
        data = decode_op(kind, entity_id, payload, path)
        ops.append(Op(i, op_id, kind, entity_id, payload, base, data))
    return device_id, ops


def _jsonable(value: Any) -> Any:
    return iso(value) if isinstance(value, datetime) else value


def _defaults(model: type[Any]) -> dict[str, Any]:
    """Every column with its constant default (None where the default is computed,
    such as a creation time: the caller fills those in)."""
    out: dict[str, Any] = {}
    for column in model.__table__.columns:
        default = column.default
        out[column.key] = default.arg if default is not None and default.is_scalar else None
    return out


class BatchApplier:
    """Applies one batch for one caller inside the caller's transaction."""

    def __init__(
        self, session: Session, caller: Caller, now: datetime, device: str | None = None
    ) -> None:
        self.session = session
        self.caller = caller
        self.now = now
        self.device = device
        self.postgres = session.get_bind().dialect.name == "postgresql"
        self.leads: dict[str, Lead] = {}
        self.owners: dict[str, str | None] = {}
        self.syncs: dict[str, LeadSync] = {}
        self.attempt_rows: list[dict[str, Any]] = []
        self.notes: list[tuple[Op, dict[str, Any]]] = []
        self.state_rows: list[dict[str, Any]] = []
        self.changed: list[tuple[str, str, str | None]] = []
        self.statuses: dict[str, str] = {}

    # -- entry --------------------------------------------------------------------------

    def apply(self, ops: list[Op]) -> list[dict[str, Any]]:
        results: list[dict[str, Any]] = [{} for _ in ops]
        first: dict[str, Op] = {}
        digests = {op.index: op.digest for op in ops}
        for op in ops:
            earlier = first.get(op.op_id)
            if earlier is None:
                first[op.op_id] = op
                continue
            if digests[earlier.index] != digests[op.index]:
                raise OpConflict(
                    f"ops[{op.index}].op_id",
                    f"operation id {op.op_id!r} is used twice in this batch for other content",
                )
            results[op.index] = {"op_id": op.op_id, "status": "duplicate"}
        claimed = self._claim(list(first.values()), digests)
        todo = [op for op in first.values() if op.op_id in claimed]
        taken = [op for op in first.values() if op.op_id not in claimed]
        self._check_resends(taken, digests)
        for op in taken:
            results[op.index] = {"op_id": op.op_id, "status": "duplicate"}
        self._prefetch(todo)
        for op in todo:
            handler = getattr(self, f"_{op.kind}")
            results[op.index] = {"op_id": op.op_id, **handler(op)}
        self._finish()
        for op_id, status in self.statuses.items():
            if status != "applied":
                self.session.execute(
                    update(ServerOp)
                    .where(ServerOp.agent_id == self.caller.id, ServerOp.op_id == op_id)
                    .values(status=status)
                )
        return results

    def _check_resends(self, ops: list[Op], digests: dict[int, str]) -> None:
        """An id already taken must come with the content it was taken with."""
        for start in range(0, len(ops), 5000):
            chunk = {op.op_id: op for op in ops[start : start + 5000]}
            stored = self.session.execute(
                select(ServerOp.op_id, ServerOp.digest).where(
                    ServerOp.agent_id == self.caller.id, ServerOp.op_id.in_(list(chunk))
                )
            ).all()
            for op_id, digest in stored:
                op = chunk[op_id]
                mine = digests[op.index]
                if digest and mine and digest != mine:
                    raise OpConflict(
                        f"ops[{op.index}].op_id",
                        f"operation {op_id!r} was applied before with other content; "
                        "send the new content under a new operation id",
                    )

    def _claim(self, ops: list[Op], digests: dict[int, str]) -> set[str]:
        if not ops:
            return set()
        if self.postgres:
            return pg_claim(
                self.session,
                [(op.op_id, op.kind, digests[op.index]) for op in ops],
                self.caller.id,
                self.now,
            )
        stmt = insert_ignoring_duplicates(self.session, ServerOp.__table__).returning(
            ServerOp.__table__.c.op_id
        )
        rows = [
            {
                "op_id": op.op_id,
                "agent_id": self.caller.id,
                "kind": op.kind,
                "status": "applied",
                "applied_at": self.now,
                "digest": digests[op.index],
            }
            for op in ops
        ]
        return set(self.session.scalars(stmt, rows))

    def _prefetch(self, ops: list[Op]) -> None:
        """Load what the batch refers to, in a few queries: the owner of every lead it
        names, whole rows only for leads it edits."""
        edited: set[str] = set()
        named: set[str] = set()
        for op in ops:
            if op.kind in ("lead", "lead_state"):
                edited.add(op.entity_id)
            elif isinstance(op.data.get("lead_id"), str):
                named.add(op.data["lead_id"])
        if edited:
            for lead in self.session.scalars(select(Lead).where(Lead.id.in_(edited))):
                self.leads[lead.id] = lead
                self.owners[lead.id] = lead.owner_id
        named -= edited
        for start in range(0, len(named), 5000):
            chunk = list(named)[start : start + 5000]
            for lead_id, owner_id in self.session.execute(
                select(Lead.id, Lead.owner_id).where(Lead.id.in_(chunk))
            ).all():
                self.owners[lead_id] = owner_id
        # Merge facts: for every edited lead, and for leads someone else owns now.
        wanted = edited | {i for i, owner in self.owners.items() if owner != self.caller.id}
        if wanted:
            for sync in self.session.scalars(select(LeadSync).where(LeadSync.lead_id.in_(wanted))):
                self.syncs[sync.lead_id] = sync
        script_ids = {
            op.data["script_id"]
            for op in ops
            if op.kind == "attempt" and isinstance(op.data.get("script_id"), str)
        }
        self.scripts = (
            set(
                self.session.scalars(
                    select(VoicemailScript.id).where(VoicemailScript.id.in_(script_ids))
                )
            )
            if script_ids
            else set()
        )
        self.batch_attempts: set[str] = set()

    # -- access -------------------------------------------------------------------------

    def _sync_row(self, lead_id: str) -> LeadSync:
        sync = self.syncs.get(lead_id)
        if sync is None:
            sync = self.session.get(LeadSync, lead_id)
        if sync is None:
            sync = LeadSync(lead_id=lead_id, field_versions={}, owners=[])
            self.session.add(sync)
        self.syncs[lead_id] = sync
        return sync

    def _access(self, lead_id: str) -> str:
        """own (may edit), past (owned it once: attempts still welcome), or none."""
        if self.caller.is_supervisor or self.owners.get(lead_id) == self.caller.id:
            return "own"
        sync = self.syncs.get(lead_id)
        if sync is not None and self.caller.id in sync.owners:
            return "past"
        return "none"

    def _lead_for(self, lead_id: str, path: str) -> str:
        """The caller's access to a lead; a lead that is missing or not the caller's
        is the same 404 (its existence is not the caller's business)."""
        access = self._access(lead_id) if lead_id in self.owners else "none"
        if access == "none":
            raise NotYours(path, f"no lead {lead_id!r} of {self.caller.name} on the server")
        return access

    # -- kinds --------------------------------------------------------------------------

    def _attempt(self, op: Op) -> dict[str, Any]:
        path = f"ops[{op.index}].payload"
        data = dict(op.data)
        agent_id = data.get("agent_id") or self.caller.id
        if agent_id != self.caller.id:
            raise Forbidden(f"{path}.agent_id", "an agent may upload attempts only as itself")
        self._lead_for(data["lead_id"], f"{path}.lead_id")
        data["agent_id"] = self.caller.id
        if data.get("script_id") not in self.scripts:
            data["script_id"] = None  # a laptop's own script; the words count is kept
        supersedes = data.get("supersedes_id")
        if supersedes is not None and supersedes not in self.batch_attempts:
            replaced = self.session.get(Attempt, supersedes)
            if replaced is None or not (
                self.caller.is_supervisor or replaced.agent_id == self.caller.id
            ):
                raise NotYours(
                    f"{path}.supersedes_id",
                    f"no attempt {supersedes!r} of {self.caller.name} on the server",
                )
        row = {**ATTEMPT_DEFAULTS, **data}
        if row["created_at"] is None:
            row["created_at"] = self.now  # when the server received it
        self.attempt_rows.append(row)
        self.batch_attempts.add(data["id"])
        return {"status": "applied"}

    def _lead_state(self, op: Op) -> dict[str, Any]:
        path = f"ops[{op.index}]"
        data = op.data
        access = self._lead_for(op.entity_id, f"{path}.entity_id")
        return self._edit(op, self.leads[op.entity_id], access, data)

    def _lead(self, op: Op) -> dict[str, Any]:
        path = f"ops[{op.index}]"
        data = op.data
        lead = self.leads.get(op.entity_id)
        fields = {k: v for k, v in data.items() if k not in LEAD_SERVER_FIELDS}
        if lead is None:
            return self._create_lead(op, data, fields)
        access = self._lead_for(lead.id, f"{path}.entity_id")
        if op.base_version is None:
            return {"status": "exists", "version": lead.version}
        return self._edit(op, lead, access, fields)

    def _create_lead(self, op: Op, data: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
        owner: str | None = self.caller.id
        if self.caller.is_supervisor:
            owner = data.get("owner_id")
            if owner is not None and self.session.get(Agent, owner) is None:
                raise WireError(f"ops[{op.index}].payload.owner_id", f"no agent {owner!r}")
        cadence_id = fields.get("cadence_id")
        if cadence_id is not None and self.session.get(Cadence, cadence_id) is None:
            fields["cadence_id"] = None  # a laptop's own cadence; the default applies
        for name in DERIVED_FIELDS:
            fields.pop(name, None)  # counted here, from the attempts that arrive
        lead = Lead(id=op.entity_id, owner_id=owner, **fields)
        self.session.add(lead)
        self.leads[lead.id] = lead
        self.owners[lead.id] = owner
        sync = self._sync_row(lead.id)
        if owner is not None:
            sync.owners = [owner]
        self.changed.append(("lead", lead.id, owner))
        return {"status": "applied", "version": lead.version}

    def _edit(self, op: Op, lead: Lead, access: str, data: dict[str, Any]) -> dict[str, Any]:
        """Merge field by field; a field another agent changed after the base conflicts."""
        sync = self._sync_row(lead.id)
        stamps = dict(sync.field_versions)
        base = op.base_version
        changed: list[str] = []
        conflicts = 0
        for name, value in data.items():
            current = getattr(lead, name)
            if current == value or name in DERIVED_FIELDS:
                continue
            stamp = stamps.get(name)
            if access == "past":
                # The lead moved to another agent meanwhile: keep the server's value.
                self._conflict(op, lead, name, current, value, base, "server", lead.owner_id)
                conflicts += 1
                continue
            if base is not None and stamp and stamp[0] > base and stamp[1] != self.caller.id:
                self._conflict(op, lead, name, current, value, base, "incoming", stamp[1])
                conflicts += 1
            setattr(lead, name, value)
            changed.append(name)
        if changed:
            lead.version += 1
            for name in changed:
                stamps[name] = [lead.version, self.caller.id]
            sync.field_versions = stamps
        if access == "own":
            # Always logged: the pushing laptop then pulls the merged lead back.
            self.changed.append(("lead", lead.id, lead.owner_id))
        status = "conflict" if conflicts else "applied"
        self.statuses[op.op_id] = status
        return {"status": status, "version": lead.version}

    def _conflict(
        self,
        op: Op,
        lead: Lead,
        name: str,
        current: Any,
        value: Any,
        base: int | None,
        kept: str,
        other: str | None,
    ) -> None:
        self.session.add(
            SyncConflict(
                lead_id=lead.id,
                field=name,
                base_version=base,
                server_value=_jsonable(current),
                incoming_value=_jsonable(value),
                kept=kept,
                agent_id=self.caller.id,
                other_agent_id=other,
                op_id=op.op_id,
                created_at=self.now,
            )
        )

    def _rapport_note(self, op: Op) -> dict[str, Any]:
        path = f"ops[{op.index}].payload"
        data = dict(op.data)
        agent_id = data.get("agent_id") or self.caller.id
        if agent_id != self.caller.id:
            raise Forbidden(f"{path}.agent_id", "an agent may write rapport notes only as itself")
        self._lead_for(data["lead_id"], f"{path}.lead_id")
        data["agent_id"] = self.caller.id
        self.notes.append((op, data))
        return {"status": "applied"}

    def _voicemail_script(self, op: Op) -> dict[str, Any]:
        """A supervisor's script edit becomes the team's; an agent's stays on the laptop."""
        data = op.data
        if not self.caller.is_supervisor:
            self.statuses[op.op_id] = "local"
            return {"status": "local"}
        self.session.flush()
        script_id = admin.upsert_script(self.session, data, self.now)
        self.changed.append(("script", script_id, None))
        return {"status": "applied"}

    def _agent_state(self, op: Op) -> dict[str, Any]:
        """A change of the caller's own state (append-only, like attempts)."""
        path = f"ops[{op.index}].payload"
        data = dict(op.data)
        agent_id = data.get("agent_id") or self.caller.id
        if agent_id != self.caller.id:
            raise Forbidden(f"{path}.agent_id", "an agent may record states only as itself")
        row = {**AGENT_STATE_DEFAULTS, **data, "agent_id": self.caller.id}
        if row["created_at"] is None:
            row["created_at"] = self.now
        self.state_rows.append(row)
        return {"status": "applied"}

    # -- write --------------------------------------------------------------------------

    def _finish(self) -> None:
        session = self.session
        session.flush()
        new_rows: list[dict[str, Any]] = []
        if self.attempt_rows:
            if self.postgres:
                inserted = pg_copy_new(session, Attempt, self.attempt_rows)
            else:
                inserted = set(
                    session.scalars(
                        insert_ignoring_duplicates(session, Attempt.__table__).returning(
                            Attempt.__table__.c.id
                        ),
                        self.attempt_rows,
                    )
                )
            new_rows = [row for row in self.attempt_rows if row["id"] in inserted]
            touched = count_attempts(session, new_rows, self.postgres)
            for lead_id in touched:
                lead = self.leads.get(lead_id)
                if lead is not None:
                    session.expire(lead, DERIVED_FIELDS)
                owner = self.owners.get(lead_id)
                if owner != self.caller.id:
                    # Someone else's lead (or nobody's): its owner pulls the new counts.
                    # The owner's own laptop counted its attempts already.
                    self.changed.append(("lead", lead_id, owner))
        for op, data in self.notes:
            attempt_id = data.get("attempt_id")
            if (
                attempt_id is not None
                and attempt_id not in self.batch_attempts
                and session.get(Attempt, attempt_id) is None
            ):
                data["attempt_id"] = None
            note = session.get(RapportNote, data["id"])
            if note is None:
                session.add(RapportNote(**data))
            elif note.agent_id == self.caller.id or self.caller.is_supervisor:
                for name, value in data.items():
                    if name != "id":
                        setattr(note, name, value)
            else:
                raise NotYours(
                    f"ops[{op.index}].entity_id",
                    f"no rapport note {note.id!r} of {self.caller.name} on the server",
                )
        changes.record(session, self.changed, self.now)
        store_states(session, self.caller.id, self.state_rows, self.now, self.device)
        # History follows the lead: its owner's other laptops pull what arrived (the
        # pushing laptop has it already); the author's too, when the lead is someone else's.
        history: list[tuple[str, str, str | None]] = []
        for entity, entity_id, lead_id in [
            *(("attempt", row["id"], row["lead_id"]) for row in new_rows),
            *(("rapport_note", data["id"], data["lead_id"]) for _op, data in self.notes),
        ]:
            owner = self.owners.get(lead_id)
            history.append((entity, entity_id, owner))
            if owner != self.caller.id:
                history.append((entity, entity_id, self.caller.id))
        changes.record(session, history, self.now, self.device)


ATTEMPT_DEFAULTS = _defaults(Attempt)
AGENT_STATE_DEFAULTS = _defaults(AgentStateChange)
# Every attempt field must be listed for the multi-row insert, in column order.
assert set(ATTEMPT_DEFAULTS) == set(field_specs(Attempt))


def apply_push(
    session: Session, caller: Caller, ops: list[Op], now: datetime, device: str | None = None
) -> list[dict[str, Any]]:
    return BatchApplier(session, caller, now, device).apply(ops)
