"""What supervisors do on the server: import leads, assign them, delete them, publish the
team's voicemail scripts and cadences, review conflicts. Every change is logged in the
change log so that the laptops concerned pull it; a reassigned lead is logged for its
old owner too, who then drops it from the call list."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.domain.cadence import CadenceError, parse_cadence
from leaddesk.server import changes
from leaddesk.server.auth import Caller
from leaddesk.services.errors import UserError
from leaddesk.services.intake.owners import OwnerAliases, OwnerResolver
from leaddesk.store.models import (
    Agent,
    Cadence,
    Lead,
    LeadSync,
    Meta,
    SyncConflict,
    VoicemailScript,
    new_id,
)
from leaddesk.sync.wire import (
    LEAD_SERVER_FIELDS,
    TEAM_SETTINGS,
    WireError,
    check_text,
    decode,
    encode,
)

MAX_ROWS = 5000


class SupervisorOnly(Exception):
    def __init__(self, what: str) -> None:
        super().__init__(f"only a supervisor may {what}")


def require_supervisor(caller: Caller, what: str) -> None:
    if not caller.is_supervisor:
        raise SupervisorOnly(what)


def _rows(body: Any, key: str) -> list[Any]:
    if not isinstance(body, dict) or not isinstance(body.get(key), list):
        raise WireError(key, "must be a list")
    rows: list[Any] = body[key]
    if len(rows) > MAX_ROWS:
        raise WireError(key, f"has {len(rows)} rows; the limit is {MAX_ROWS} a request")
    return rows


def _agent_by_name(session: Session, name: Any, path: str) -> Agent | None:
    if name is None:
        return None
    if not isinstance(name, str):
        raise WireError(path, "must be an agent's name or null")
    check_text(name, path)  # PostgreSQL refuses a NUL in a query parameter (a 500)
    agent = session.scalars(select(Agent).where(Agent.name == name)).first()
    if agent is None:
        raise WireError(path, f"no agent named {name!r} on the server")
    return agent


def _owner(
    session: Session,
    resolvers: dict[str, OwnerResolver],
    text: Any,
    fields: dict[str, Any],
    path: str,
) -> Agent | None:
    """The agent a lead's owner names: an agent's name, or what a lead file writes for
    one (display name, email, a CRM's owner id) through the team's owner aliases."""
    if text is None or not isinstance(text, str):
        return _agent_by_name(session, text, path)
    check_text(text, path)  # before it reaches a query: PostgreSQL refuses a NUL (a 500)
    agent = session.scalars(select(Agent).where(Agent.name == text)).first()
    if agent is not None:
        return agent
    source = str(fields.get("source") or "")
    resolver = resolvers.get(source)
    if resolver is None:
        resolver = resolvers[source] = OwnerResolver(session, source)
    agent_id = resolver.agent_for(text)
    if agent_id is None:
        raise WireError(path, f"no agent named {text[:80]!r} and no owner alias for it")
    return session.get(Agent, agent_id)


def _body_text(value: Any, path: str, limit: int) -> str:
    """A text field of a request body: a string of at most `limit` characters that the
    wire's own text check passes (no NUL, no lone surrogate)."""
    if not isinstance(value, str) or len(value) > limit:
        raise WireError(path, f"must be text of at most {limit} characters")
    return check_text(value, path)


def owner_aliases(session: Session, caller: Caller) -> dict[str, Any]:
    """The team's owner mapping: what lead files write for an agent (supervisors)."""
    require_supervisor(caller, "read the owner aliases")
    return {
        "aliases": [
            {"source": source, "owner": key, "agent": name}
            for source, key, name in OwnerAliases(session).all()
        ]
    }


def set_owner_alias(session: Session, caller: Caller, body: Any, now: datetime) -> dict[str, Any]:
    """Map what lead files write (`owner`) to an agent, for one source or all (`source`
    ""); `agent` null removes the mapping (supervisors)."""
    require_supervisor(caller, "edit the owner aliases")
    if not isinstance(body, dict):
        raise WireError("body", "must be an object")
    unknown = set(body) - {"owner", "agent", "source"}
    if unknown:
        raise WireError(f"body.{sorted(unknown)[0]}", "is not a field of an owner alias")
    values: dict[str, str | None] = {}
    for name, limit in (("owner", 200), ("agent", 120), ("source", 40)):
        value = body.get(name, "" if name == "source" else None)
        if value is None and name == "agent":
            values[name] = None
            continue
        values[name] = _body_text(value, f"body.{name}", limit)
    owner, agent, source = values["owner"] or "", values["agent"], values["source"] or ""
    if not owner.strip():
        raise WireError("body.owner", "must say what the lead file writes")
    aliases = OwnerAliases(session)
    if agent is None:
        aliases.remove(owner, source)
    else:
        try:
            aliases.set(owner, agent, now, source)
        except UserError as exc:
            raise WireError("body.agent", str(exc)) from None
    session.flush()
    return owner_aliases(session, caller)


def set_team_settings(session: Session, caller: Caller, body: Any, now: datetime) -> dict[str, str]:
    """Supervisors publish the team's company, topic and callback number; every laptop
    takes them at its next sync."""
    require_supervisor(caller, "edit the team's settings")
    if not isinstance(body, dict):
        raise WireError("body", "must be an object")
    for name, value in body.items():
        limit = TEAM_SETTINGS.get(name)
        if limit is None:
            raise WireError(
                f"body.{name}", "is not a team setting (company, topic, callback_number)"
            )
        _body_text(value, f"body.{name}", limit)
    for name, value in body.items():
        session.merge(Meta(key=f"team.{name}", value=" ".join(value.split())))
    session.flush()
    return changes.team_settings(session)


def _sync(session: Session, lead_id: str) -> LeadSync:
    sync = session.get(LeadSync, lead_id)
    if sync is None:
        sync = LeadSync(lead_id=lead_id, field_versions={}, owners=[])
        session.add(sync)
    return sync


def _set_owner(session: Session, lead: Lead, owner_id: str | None, log: list[Any]) -> None:
    old = lead.owner_id
    if old == owner_id:
        return
    lead.owner_id = owner_id
    sync = _sync(session, lead.id)
    if owner_id is not None and owner_id not in sync.owners:
        sync.owners = [*sync.owners, owner_id]
    if old is not None:
        log.append(("lead", lead.id, old))
    if owner_id is not None and (old is not None or lead.attempt_count):
        # The whole history goes with the lead: its attempts and rapport notes, whoever made them.
        log.append(("history", lead.id, owner_id))


def import_leads(session: Session, caller: Caller, body: Any, now: datetime) -> dict[str, Any]:
    """Create or update leads; `owner` (an agent's name) assigns them."""
    require_supervisor(caller, "import leads")
    log: list[tuple[str, str, str | None]] = []
    imported = updated = 0
    ids: list[str] = []
    resolvers: dict[str, OwnerResolver] = {}
    for i, raw in enumerate(_rows(body, "leads")):
        path = f"leads[{i}]"
        if not isinstance(raw, dict):
            raise WireError(path, "must be an object")
        fields = dict(raw)
        owner = _owner(session, resolvers, fields.pop("owner", None), fields, f"{path}.owner")
        data = decode(Lead, fields, path)
        lead_id = data.get("id") or new_id()
        values = {k: v for k, v in data.items() if k not in LEAD_SERVER_FIELDS}
        if values.get("cadence_id") and session.get(Cadence, values["cadence_id"]) is None:
            raise WireError(f"{path}.cadence_id", "no such cadence on the server")
        lead = session.get(Lead, lead_id)
        if lead is None:
            lead = Lead(id=lead_id, **values)
            session.add(lead)
            session.flush()
            imported += 1
        else:
            stamps = dict(_sync(session, lead.id).field_versions)
            for name, value in values.items():
                if getattr(lead, name) != value:
                    setattr(lead, name, value)
                    stamps[name] = [lead.version + 1, caller.id]
            lead.version += 1
            _sync(session, lead.id).field_versions = stamps
            updated += 1
        _set_owner(session, lead, owner.id if owner else lead.owner_id, log)
        log.append(("lead", lead.id, lead.owner_id))
        ids.append(lead.id)
    changes.record(session, log, now)
    return {"imported": imported, "updated": updated, "ids": ids}


def assign_leads(session: Session, caller: Caller, body: Any, now: datetime) -> dict[str, Any]:
    """Give leads to an agent (or to nobody, with agent null)."""
    require_supervisor(caller, "assign leads")
    lead_ids = _rows(body, "lead_ids")
    agent = _agent_by_name(session, body.get("agent"), "agent")
    log: list[tuple[str, str, str | None]] = []
    for i, lead_id in enumerate(lead_ids):
        lead = session.get(Lead, lead_id) if isinstance(lead_id, str) else None
        if lead is None or lead.deleted_at is not None:
            raise WireError(f"lead_ids[{i}]", f"no lead {str(lead_id)[:40]!r} on the server")
        before = lead.owner_id
        _set_owner(session, lead, agent.id if agent else None, log)
        if lead.owner_id != before:
            lead.version += 1
            stamps = dict(_sync(session, lead.id).field_versions)
            stamps["owner_id"] = [lead.version, caller.id]
            _sync(session, lead.id).field_versions = stamps
        log.append(("lead", lead.id, lead.owner_id))
    changes.record(session, log, now)
    return {"assigned": len(lead_ids), "agent": agent.name if agent else None}


def delete_lead(session: Session, caller: Caller, lead_id: str, now: datetime) -> dict[str, Any]:
    """Soft delete: kept until every device has pulled past it (see changes.purge_deleted)."""
    require_supervisor(caller, "delete leads")
    lead = session.get(Lead, lead_id)
    if lead is None:
        raise LookupError(f"no lead {lead_id!r}")
    if lead.deleted_at is None:
        lead.deleted_at = now
        lead.version += 1
        changes.record(session, [("lead", lead.id, lead.owner_id)], now)
    return {"lead_id": lead.id, "deleted_at": encode(lead)["deleted_at"]}


def put_scripts(session: Session, caller: Caller, body: Any, now: datetime) -> dict[str, Any]:
    require_supervisor(caller, "publish voicemail scripts")
    log: list[tuple[str, str, str | None]] = []
    for i, raw in enumerate(_rows(body, "scripts")):
        data = decode(VoicemailScript, raw, f"scripts[{i}]", required=("stage", "template"))
        log.append(("script", upsert_script(session, data, now), None))
    changes.record(session, log, now)
    return {"scripts": len(log)}


def upsert_script(session: Session, data: dict[str, Any], now: datetime) -> str:
    """Store a team script by id, else by (team, stage, variant); returns its id."""
    data = {k: v for k, v in data.items() if k != "updated_at"}
    row = session.get(VoicemailScript, data["id"]) if data.get("id") else None
    if row is None:
        row = session.scalars(
            select(VoicemailScript).where(
                VoicemailScript.team == data.get("team", ""),
                VoicemailScript.stage == data["stage"],
                VoicemailScript.variant == data.get("variant", 1),
            )
        ).first()
    if row is None:
        row = VoicemailScript(**data)
        session.add(row)
    else:
        for name, value in data.items():
            if name != "id":
                setattr(row, name, value)
    row.updated_at = now
    session.flush()
    return row.id


def put_cadences(session: Session, caller: Caller, body: Any, now: datetime) -> dict[str, Any]:
    require_supervisor(caller, "publish cadences")
    log: list[tuple[str, str, str | None]] = []
    for i, raw in enumerate(_rows(body, "cadences")):
        path = f"cadences[{i}]"
        data = decode(Cadence, raw, path, required=("name", "steps"))
        data.pop("updated_at", None)
        try:
            parse_cadence({"name": data["name"], "steps": data["steps"]})
        except CadenceError as exc:
            raise WireError(f"{path}.steps", str(exc)) from None
        row = session.get(Cadence, data["id"]) if data.get("id") else None
        if row is None:
            row = session.scalars(select(Cadence).where(Cadence.name == data["name"])).first()
        if row is None:
            row = Cadence(**data)
            session.add(row)
        else:
            for name, value in data.items():
                if name != "id":
                    setattr(row, name, value)
        row.updated_at = now
        session.flush()
        log.append(("cadence", row.id, None))
    changes.record(session, log, now)
    return {"cadences": len(log)}


def list_conflicts(session: Session, caller: Caller) -> dict[str, Any]:
    require_supervisor(caller, "review conflicts")
    names = {row[0]: row[1] for row in session.execute(select(Agent.id, Agent.name))}
    rows = session.scalars(select(SyncConflict).order_by(SyncConflict.created_at)).all()
    return {
        "conflicts": [
            {
                "id": c.id,
                "lead_id": c.lead_id,
                "field": c.field,
                "base_version": c.base_version,
                "server_value": c.server_value,
                "incoming_value": c.incoming_value,
                "kept": c.kept,
                "agent": names.get(c.agent_id, c.agent_id),
                "other_agent": names.get(c.other_agent_id or "", c.other_agent_id),
                "created_at": encode(c)["created_at"],
            }
            for c in rows
        ]
    }
