"""The change log and pulls below a commit-safe watermark.

A sequence number is handed out when a row is inserted, not when its transaction
commits: transaction T1 may take number 10, T2 number 11, T2 commit first, and a puller
that served 11 and moved its cursor past it would never see 10. So every change-log row
is stamped with its transaction id (`pg_current_xact_id()`), and a pull serves only rows
whose transaction is below the oldest transaction of this database still running
(`watermark`: the current snapshot's running transactions less those that
pg_stat_activity places in another database): every such transaction has ended, so
nothing can appear below that line later. Rows are ordered by (tx, seq) and the cursor is that pair.
SQLite serializes writers, so there the stamp is 0 and the line is infinitely far.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, delete, exists, func, insert, or_, select, text
from sqlalchemy.orm import Session

from leaddesk.domain.clock import iso
from leaddesk.server.auth import Caller
from leaddesk.store.models import (
    Agent,
    AgentStateChange,
    Attempt,
    Cadence,
    Callback,
    ChangeLog,
    Lead,
    LeadSync,
    Meta,
    RapportNote,
    SyncDevice,
    UTCDateTime,
    VoicemailScript,
    utcnow,
)
from leaddesk.sync.wire import TEAM_SETTINGS, WireError, encode

NO_WATERMARK = 2**62
MAX_BIGINT = 2**63 - 1
MAX_PULL = 2000


def record(
    session: Session,
    changes: Iterable[tuple[str, str, str | None]],
    at: datetime,
    device: str | None = None,
) -> None:
    """Log changes (entity, entity id, the agent it is for or None for the whole team);
    `device`, the laptop that pushed them, is not sent them back.

    Earlier rows for the same (entity, id, agent) go: a pull sends an entity's current
    state, so only its last change matters, and the log stays one row per entity and
    agent instead of one per batch that touched it. Removing them is safe: the new row
    belongs to a transaction still running, so no puller can be past it yet.
    """
    unique = list(dict.fromkeys(changes))
    if not unique:
        return
    if session.get_bind().dialect.name == "postgresql":
        # One statement each however many rows: arrays unnested server-side.
        arrays = {
            "e": [c[0] for c in unique],
            "i": [c[1] for c in unique],
            "o": [c[2] for c in unique],
        }
        unnest = "unnest(CAST(:e AS text[]), CAST(:i AS text[]), CAST(:o AS text[])) AS t(e, i, o)"
        session.execute(
            text(
                f"DELETE FROM change_log c USING {unnest} WHERE c.entity = t.e "
                "AND c.entity_id = t.i AND c.owner_id IS NOT DISTINCT FROM t.o"
            ),
            arrays,
        )
        session.execute(
            text(
                "INSERT INTO change_log (entity, entity_id, owner_id, changed_at, device_id) "
                f"SELECT e, i, o, :at, CAST(:device AS text) FROM {unnest}"
            ).bindparams(bindparam("at", type_=UTCDateTime())),
            {"at": at, "device": device, **arrays},
        )
        return
    rows = [
        {
            "entity": entity,
            "entity_id": entity_id,
            "owner_id": owner,
            "changed_at": at,
            "device_id": device,
        }
        for entity, entity_id, owner in unique
    ]
    session.execute(
        text(
            "DELETE FROM change_log WHERE entity = :entity AND entity_id = :entity_id AND owner_id IS :owner_id"
        ),
        [
            {k: v for k, v in row.items() if k in ("entity", "entity_id", "owner_id")}
            for row in rows
        ],
    )
    session.execute(insert(cast(Table, ChangeLog.__table__)), rows)


# The oldest transaction still running that may have written to this database's change
# log. A snapshot lists the running transactions of the whole cluster; one that
# pg_stat_activity places in another database cannot write here, so it does not hold
# the line. Only a positive "elsewhere" counts: a transaction not found there (ended
# meanwhile, prepared, a background worker) still holds the line, so the line is never
# above a transaction of this database that is still running, whatever the order in
# which the two were read. backend_xid is the 32-bit form of the xid8 in the snapshot.
WATERMARK_SQL = """
SELECT coalesce(
  (SELECT min(CAST(CAST(r.x AS text) AS bigint))
     FROM pg_snapshot_xip(s.snap) AS r(x)
    WHERE CAST(CAST(r.x AS text) AS bigint) % 4294967296 NOT IN (
      SELECT CAST(CAST(a.backend_xid AS text) AS bigint)
        FROM pg_stat_activity AS a
       WHERE a.backend_xid IS NOT NULL AND a.datid IS NOT NULL
         AND a.datname <> current_database())),
  CAST(CAST(pg_snapshot_xmax(s.snap) AS text) AS bigint))
FROM (SELECT pg_current_snapshot() AS snap) AS s
"""


def watermark(session: Session) -> int:
    """Change-log rows with a transaction id below this are all committed or gone.

    Per database: a long transaction in another database of the same PostgreSQL
    cluster (another team's server, a test run, a report) does not hold back pulls.
    """
    if session.get_bind().dialect.name != "postgresql":
        return NO_WATERMARK
    value = session.scalar(text(WATERMARK_SQL))
    return int(str(value))


def parse_cursor(text: str | None) -> tuple[int, int]:
    if not text:
        return (0, 0)
    try:
        tx, seq = text.split("-", 1)
        if not (tx.isdigit() and seq.isdigit() and len(tx) < 20 and len(seq) < 20):
            raise ValueError(text)
        cursor = (int(tx), int(seq))
    except ValueError:
        shown = text[:40].encode("ascii", "backslashreplace").decode()
        raise WireError("cursor", f"{shown!r} is not a cursor this server gave") from None
    if cursor[0] > MAX_BIGINT or cursor[1] > MAX_BIGINT:
        raise WireError("cursor", "is not a cursor this server gave (out of range)")
    return cursor


def format_cursor(cursor: tuple[int, int]) -> str:
    return f"{cursor[0]}-{cursor[1]}"


def own_device(session: Session, caller: Caller, device_id: str | None) -> str | None:
    """The pushing device, if it is the caller's (or new): history it pushed is not sent
    back to it. Another agent's device id is ignored, so nobody can keep history from it."""
    if device_id is None:
        return None
    device = session.get(SyncDevice, device_id)
    return device_id if device is None or device.agent_id == caller.id else None


def note_device(session: Session, caller: Caller, device_id: str, cursor: tuple[int, int]) -> None:
    """Remember how far a device has pulled (what it has applied: the cursor it sent)."""
    device = session.get(SyncDevice, device_id)
    if device is None:
        session.add(
            SyncDevice(id=device_id, agent_id=caller.id, cursor_tx=cursor[0], cursor_seq=cursor[1])
        )
        return
    if device.agent_id != caller.id:
        raise WireError("device_id", "belongs to another agent")
    if cursor > (device.cursor_tx, device.cursor_seq):
        device.cursor_tx, device.cursor_seq = cursor
    device.last_seen_at = utcnow()


def pull(
    session: Session,
    caller: Caller,
    cursor: tuple[int, int],
    limit: int,
    device: str | None = None,
) -> dict[str, Any]:
    """Changes after `cursor` that the caller may see, below the watermark.

    Besides leads, scripts and cadences, the history of the leads the caller may see:
    attempts and rapport notes (logged as they arrive, for the lead's owner), and for a
    lead given to the caller, its whole history ("history" rows); and agent state
    changes (logged for their agent: a supervisor sees every agent's). `device` is the
    pulling laptop: what it pushed itself is not sent back.
    """
    line = watermark(session)  # first: this transaction must not hold the line down
    tx, seq = cursor

    def visible(query: Any) -> Any:
        if not caller.is_supervisor:
            query = query.where(or_(ChangeLog.owner_id == caller.id, ChangeLog.owner_id.is_(None)))
        if device is not None:
            query = query.where(or_(ChangeLog.device_id.is_(None), ChangeLog.device_id != device))
        return query

    query = visible(
        select(ChangeLog.tx, ChangeLog.seq, ChangeLog.entity, ChangeLog.entity_id)
        .where(
            or_(ChangeLog.tx > tx, and_(ChangeLog.tx == tx, ChangeLog.seq > seq)),
            ChangeLog.tx < line,
        )
        .order_by(ChangeLog.tx, ChangeLog.seq)
        .limit(limit)
    )
    rows = session.execute(query).all()
    ids: dict[str, list[str]] = {
        "lead": [],
        "script": [],
        "cadence": [],
        "attempt": [],
        "rapport_note": [],
        "history": [],
        "agent_state": [],
    }
    for row in rows:
        bucket = ids.get(row.entity)
        if bucket is not None and row.entity_id not in bucket:
            bucket.append(row.entity_id)
    if rows and len(rows) == limit:
        # A busy lead is logged once per batch that touched it; what a later page of
        # this sweep will send anyway is left for it, so each lead travels once.
        last_tx, last_seq = int(rows[-1].tx or 0), int(rows[-1].seq)
        later = visible(
            select(ChangeLog.entity, ChangeLog.entity_id).where(
                or_(
                    ChangeLog.tx > last_tx,
                    and_(ChangeLog.tx == last_tx, ChangeLog.seq > last_seq),
                ),
                ChangeLog.tx < line,
                ChangeLog.entity_id.in_([row.entity_id for row in rows]),
            )
        )
        for entity, entity_id in session.execute(later.distinct()).all():
            bucket = ids.get(entity)
            if bucket is not None and entity_id in bucket:
                bucket.remove(entity_id)

    history = _history(session, caller, ids)
    states = _agent_states(session, caller, ids["agent_state"])
    history_leads: list[str] = history.pop("lead_ids")
    lead_ids = list(dict.fromkeys([*ids["lead"], *history_leads]))
    leads: list[dict[str, Any]] = []
    removed: list[str] = []
    if lead_ids:
        found = {
            lead.id: lead for lead in session.scalars(select(Lead).where(Lead.id.in_(lead_ids)))
        }
        for lead_id in lead_ids:
            lead = found.get(lead_id)
            if lead is not None and (caller.is_supervisor or lead.owner_id == caller.id):
                leads.append(encode(lead))
                continue
            if lead_id in ids["lead"]:
                removed.append(lead_id)
            if lead is not None and lead_id in history_leads:
                # Another agent's lead now, sent for the caller's own attempts on it: as
                # the caller's laptop keeps such a lead, off the call list.
                past = encode(lead)
                past["owner_id"] = caller.id
                past["deleted_at"] = past["deleted_at"] or iso(utcnow())
                leads.append(past)
    scripts = [
        encode(s)
        for s in session.scalars(
            select(VoicemailScript).where(VoicemailScript.id.in_(ids["script"]))
        )
    ]
    cadences = [
        encode(c) for c in session.scalars(select(Cadence).where(Cadence.id.in_(ids["cadence"])))
    ]
    agents_query = select(Agent)
    if not caller.is_supervisor:
        # Itself, and the authors of the history it is sent (by name on the laptop).
        # (An agent is sent only its own states.)
        agents_query = agents_query.where(Agent.id.in_({caller.id, *history.pop("authors")}))
    agents = [
        {
            "id": a.id,
            "name": a.name,
            "display_name": a.display_name,
            "is_supervisor": a.is_supervisor,
        }
        for a in session.scalars(agents_query)
    ]
    new_cursor = (int(rows[-1].tx or 0), int(rows[-1].seq)) if rows else cursor
    return {
        "cursor": format_cursor(new_cursor),
        "more": len(rows) == limit,
        "leads": leads,
        "removed": removed,
        "scripts": scripts,
        "cadences": cadences,
        "agents": agents,
        "attempts": history["attempts"],
        "rapport_notes": history["rapport_notes"],
        "agent_states": states,
        "team": team_settings(session),
    }


def _agent_states(session: Session, caller: Caller, ids: list[str]) -> list[dict[str, Any]]:
    """The agent state changes a page names: every agent's for a supervisor, the
    caller's own otherwise; in the order they happened."""
    rows: list[AgentStateChange] = []
    for start in range(0, len(ids), 1000):
        query = select(AgentStateChange).where(AgentStateChange.id.in_(ids[start : start + 1000]))
        if not caller.is_supervisor:
            query = query.where(AgentStateChange.agent_id == caller.id)
        rows.extend(session.scalars(query))
    rows.sort(key=lambda r: (r.started_at, r.created_at, r.id))
    return [encode(r) for r in rows]


def team_settings(session: Session) -> dict[str, str]:
    """What the team's scripts say unless an agent's own settings say otherwise: the
    company, the product or topic, the callback number. Sent on every pull page (a few
    bytes); every agent may read them."""
    keys = tuple(TEAM_SETTINGS)
    out = dict.fromkeys(keys, "")
    for row in session.scalars(select(Meta).where(Meta.key.in_([f"team.{k}" for k in keys]))):
        out[row.key.removeprefix("team.")] = row.value
    return out


def _history(session: Session, caller: Caller, ids: dict[str, list[str]]) -> dict[str, Any]:
    """The attempts and rapport notes a page names, of leads the caller may see now
    (a lead given to someone else since keeps its history for its new owner) or made by
    the caller. Attempts come in the order they were made, so a correction follows what
    it supersedes."""
    lead_ids: set[str] = set()
    authors: set[str] = set()
    attempts: list[Attempt] = []
    notes: list[RapportNote] = []

    def mine(query: Any, lead_column: Any, author_column: Any) -> Any:
        if caller.is_supervisor:
            return query
        # What the caller made stays theirs (their report counts it) after the lead moved.
        return query.join(Lead, Lead.id == lead_column).where(
            or_(Lead.owner_id == caller.id, author_column == caller.id)
        )

    whole = ids["history"]
    for start in range(0, max(len(ids["attempt"]), len(whole), 1), 1000):
        part = ids["attempt"][start : start + 1000]
        leads_part = whole[start : start + 1000]
        if not part and not leads_part:
            break
        attempts.extend(
            session.scalars(
                mine(
                    select(Attempt).where(
                        or_(Attempt.id.in_(part), Attempt.lead_id.in_(leads_part))
                    ),
                    Attempt.lead_id,
                    Attempt.agent_id,
                )
            )
        )
    for start in range(0, max(len(ids["rapport_note"]), len(whole), 1), 1000):
        part = ids["rapport_note"][start : start + 1000]
        leads_part = whole[start : start + 1000]
        if not part and not leads_part:
            break
        notes.extend(
            session.scalars(
                mine(
                    select(RapportNote).where(
                        or_(RapportNote.id.in_(part), RapportNote.lead_id.in_(leads_part))
                    ),
                    RapportNote.lead_id,
                    RapportNote.agent_id,
                )
            )
        )
    unique_attempts = {a.id: a for a in attempts}
    ordered = sorted(unique_attempts.values(), key=lambda a: (a.created_at, a.started_at, a.id))
    for attempt in ordered:
        lead_ids.add(attempt.lead_id)
        authors.add(attempt.agent_id)
    for note in notes:
        lead_ids.add(note.lead_id)
        if note.agent_id is not None:
            authors.add(note.agent_id)
    return {
        "lead_ids": sorted(lead_ids),
        "authors": authors,
        "attempts": [encode(a) for a in ordered],
        "rapport_notes": [encode(n) for n in {n.id: n for n in notes}.values()],
    }


def purge_deleted(session: Session) -> int:
    """Drop soft-deleted leads once every device has pulled past their deletion.

    A lead with attempts stays (soft-deleted): the attempt log is history. Returns the
    number of leads removed for good.
    """
    devices = session.scalar(select(func.count()).select_from(SyncDevice))
    if not devices:
        return 0
    lowest = session.execute(
        select(SyncDevice.cursor_tx, SyncDevice.cursor_seq)
        .order_by(SyncDevice.cursor_tx, SyncDevice.cursor_seq)
        .limit(1)
    ).one()
    low_tx, low_seq = int(lowest.cursor_tx), int(lowest.cursor_seq)
    last_change = (
        select(ChangeLog.entity_id)
        .where(ChangeLog.entity == "lead")
        .where(or_(ChangeLog.tx > low_tx, and_(ChangeLog.tx == low_tx, ChangeLog.seq > low_seq)))
    )
    candidates = list(
        session.scalars(
            select(Lead.id).where(
                Lead.deleted_at.is_not(None),
                Lead.id.not_in(last_change),
                ~exists().where(Attempt.lead_id == Lead.id),
            )
        )
    )
    if not candidates:
        return 0
    for table_col in (RapportNote.lead_id, Callback.lead_id, LeadSync.lead_id):
        session.execute(delete(table_col.class_).where(table_col.in_(candidates)))
    session.execute(
        delete(ChangeLog).where(ChangeLog.entity == "lead", ChangeLog.entity_id.in_(candidates))
    )
    session.execute(delete(Lead).where(Lead.id.in_(candidates)))
    return len(candidates)
