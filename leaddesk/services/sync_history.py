"""History that follows the lead: attempts and rapport notes pulled from the team server;
and the agents' state changes (a supervisor's laptop receives every agent's).

A second laptop of an agent, the agent a lead is given to, and a supervisor's laptop
receive the attempts and rapport notes of the leads they may see, so that the report,
the rapport opener and Supervisor review there agree with the laptop that made them.

Pulled attempts are written as they are, with no outbox row (they are never pushed
back), and only once (an attempt already here is left alone: the log is append-only).
A correction arrives after what it supersedes (the server sends them in the order it
received them; a page is ordered here again). Callbacks are not a wire kind: they are
made here from the pulled attempts that set one, and closed by the first later phone
attempt on the lead at or after the time agreed, as logging an outcome does.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from leaddesk.domain.clock import as_utc
from leaddesk.store.models import (
    AgentStateChange,
    Attempt,
    Callback,
    Lead,
    Outbox,
    RapportNote,
    VoicemailScript,
)
from leaddesk.sync.wire import decode

log = logging.getLogger(__name__)

CALLBACK_NAMESPACE = uuid.UUID("0b6f3c1e-6f0e-4d2a-8d8c-2f1f6d5e7a90")
CHUNK = 500


def callback_id(attempt_id: str) -> str:
    """The fixed id of the callback a pulled attempt set (the same on every laptop)."""
    return str(uuid.uuid5(CALLBACK_NAMESPACE, f"callback:{attempt_id}"))


def _existing(session: Session, column: Any, ids: Iterable[str]) -> set[str]:
    wanted = list(dict.fromkeys(ids))
    found: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        found.update(
            session.scalars(select(column).where(column.in_(wanted[start : start + CHUNK])))
        )
    return found


def apply_history(
    session: Session, doc: dict[str, Any], agents: dict[str, str]
) -> set[tuple[str, str]]:
    """Apply a page's attempts and rapport notes; `agents` maps server agent ids to this
    laptop's. Returns what changed here, as (kind, id)."""
    attempts = [
        decode(Attempt, raw, f"attempts[{i}]") for i, raw in enumerate(doc.get("attempts", []))
    ]
    notes = [
        decode(RapportNote, raw, f"rapport_notes[{i}]")
        for i, raw in enumerate(doc.get("rapport_notes", []))
    ]
    applied = apply_agent_states(session, doc, agents)
    if not attempts and not notes:
        return applied
    session.flush()
    leads = _existing(
        session, Lead.id, [a["lead_id"] for a in attempts] + [n["lead_id"] for n in notes]
    )
    rows = _new_attempts(session, attempts, agents, leads)
    if rows:
        session.execute(insert(Attempt), rows)
        applied |= {("attempt", row["id"]) for row in rows}
        _callbacks(session, rows)
    for note in notes:
        if _apply_note(session, note, agents, leads):
            applied.add(("rapport_note", note["id"]))
    return applied


def apply_agent_states(
    session: Session, doc: dict[str, Any], agents: dict[str, str]
) -> set[tuple[str, str]]:
    """A page's agent state changes (every agent's on a supervisor's laptop), written
    with no outbox row; one already here is left alone (the log is append-only)."""
    states = [
        decode(AgentStateChange, raw, f"agent_states[{i}]", required=("id", "state", "started_at"))
        for i, raw in enumerate(doc.get("agent_states", []))
    ]
    if not states:
        return set()
    session.flush()
    present = _existing(session, AgentStateChange.id, [s["id"] for s in states])
    rows: list[dict[str, Any]] = []
    for data in states:
        if data["id"] in present:
            continue
        agent = agents.get(data.get("agent_id") or "")
        if agent is None:
            log.warning("pulled agent state %s has an agent the server did not name", data["id"])
            continue
        present.add(data["id"])
        rows.append(
            {
                "id": data["id"],
                "agent_id": agent,
                "state": data["state"],
                "reason": data.get("reason") or "",
                "started_at": data["started_at"],
                "created_at": data.get("created_at") or data["started_at"],
            }
        )
    if rows:
        session.execute(insert(AgentStateChange), rows)
    return {("agent_state", row["id"]) for row in rows}


def _new_attempts(
    session: Session, attempts: list[dict[str, Any]], agents: dict[str, str], leads: set[str]
) -> list[dict[str, Any]]:
    """The attempts not here yet, ready to insert, each after the one it supersedes."""
    present = _existing(
        session,
        Attempt.id,
        [a["id"] for a in attempts]
        + [a["supersedes_id"] for a in attempts if a.get("supersedes_id")],
    )
    scripts = _existing(
        session, VoicemailScript.id, [a["script_id"] for a in attempts if a.get("script_id")]
    )
    waiting: dict[str, dict[str, Any]] = {}
    for data in attempts:
        if data["id"] in present or data["lead_id"] not in leads:
            continue
        agent = agents.get(data.get("agent_id") or "")
        if agent is None:
            log.warning("pulled attempt %s has an author the server did not name", data["id"])
            continue
        data["agent_id"] = agent
        if data.get("script_id") not in scripts:
            data["script_id"] = None  # a script this laptop keeps under its own id
        waiting[data["id"]] = data
    ordered: list[dict[str, Any]] = []
    while waiting:
        ready = [a for a in waiting.values() if a.get("supersedes_id") not in waiting]
        if not ready:  # a cycle cannot be made by logging; refuse to loop on one
            ready = list(waiting.values())
        for data in ready:
            target = data.get("supersedes_id")
            if target is not None and target not in present and target not in waiting:
                log.warning(
                    "pulled attempt %s supersedes %s, which is not here", data["id"], target
                )
                data["supersedes_id"] = None
            del waiting[data["id"]]
            present.add(data["id"])
            ordered.append(data)
    return ordered


def _when(row: Any) -> datetime:
    return as_utc(row.ended_at or row.started_at)


def _callbacks(session: Session, rows: list[dict[str, Any]]) -> None:
    """Callbacks set by the pulled attempts, then the open callbacks of their leads
    closed by a phone attempt at or after the time agreed."""
    for row in rows:
        if row.get("callback_at") is None:
            continue
        cb_id = callback_id(row["id"])
        if session.get(Callback, cb_id) is None:
            session.add(
                Callback(
                    id=cb_id,
                    lead_id=row["lead_id"],
                    agent_id=row["agent_id"],
                    attempt_id=row["id"],
                    due_at=row["callback_at"],
                    created_at=row.get("created_at") or row["started_at"],
                )
            )
    session.flush()
    lead_ids = list({row["lead_id"] for row in rows})
    for start in range(0, len(lead_ids), CHUNK):
        part = lead_ids[start : start + CHUNK]
        open_callbacks = session.scalars(
            select(Callback).where(Callback.lead_id.in_(part), Callback.done_at.is_(None))
        ).all()
        if not open_callbacks:
            continue
        calls: dict[str, list[Any]] = {}
        for attempt in session.execute(
            select(Attempt.id, Attempt.lead_id, Attempt.started_at, Attempt.ended_at).where(
                Attempt.lead_id.in_(part), Attempt.channel == "phone"
            )
        ).all():
            calls.setdefault(attempt.lead_id, []).append(attempt)
        for callback in open_callbacks:
            made = session.get(Attempt, callback.attempt_id) if callback.attempt_id else None
            after = as_utc(made.started_at) if made is not None else as_utc(callback.created_at)
            due = as_utc(callback.due_at)
            later = sorted(
                _when(a)
                for a in calls.get(callback.lead_id, [])
                if a.id != callback.attempt_id and as_utc(a.started_at) > after and _when(a) >= due
            )
            if later:
                callback.done_at = later[0]


def _apply_note(
    session: Session, data: dict[str, Any], agents: dict[str, str], leads: set[str]
) -> bool:
    if data["lead_id"] not in leads:
        return False
    waiting = session.scalar(
        select(Outbox.seq).where(Outbox.kind == "rapport_note", Outbox.entity_id == data["id"])
    )
    if waiting is not None:
        return False  # edited here meanwhile: this laptop's version goes up and comes back
    data["agent_id"] = agents.get(data.get("agent_id") or "")
    if data.get("attempt_id") and session.get(Attempt, data["attempt_id"]) is None:
        data["attempt_id"] = None
    note = session.get(RapportNote, data["id"])
    if note is None:
        session.add(RapportNote(**data))
        return True
    changed = False
    for name, value in data.items():
        if getattr(note, name) != value:
            setattr(note, name, value)
            changed = True
    return changed
