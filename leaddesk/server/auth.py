"""Agents and their tokens. A token is 32 random bytes shown once; the server keeps only
its SHA-256, so a copy of the database does not let anyone in.

A token belongs to one device of an agent (a name; "default" unless given): issuing a
new one for the device revokes the old, which gets 401 at once, as does a token past
its `expires_at`. Every issue, revocation, promotion and failed authentication is a row
of `auth_audit` (never a token or its hash), which supervisors read at /api/audit.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from leaddesk.domain.clock import iso
from leaddesk.services.errors import UserError
from leaddesk.store.engine import Store
from leaddesk.store.models import Agent, AgentToken, AuthAudit, utcnow

MAX_NAME = 120
MAX_DEVICE = 80
DEFAULT_DEVICE = "default"
# How long a token works unless told otherwise (`add-agent --expires-days`).
DEFAULT_TOKEN_DAYS = 365


@dataclass(frozen=True, slots=True)
class Caller:
    """The agent a request acts for."""

    id: str
    name: str
    is_supervisor: bool


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def audit(
    session: Session,
    event: str,
    *,
    agent: str | None = None,
    actor: str | None = None,
    device: str = "",
    client: str = "",
    detail: str = "",
    at: datetime | None = None,
) -> None:
    session.add(
        AuthAudit(
            at=at or utcnow(),
            event=event,
            agent=agent,
            actor=actor,
            device=device[:MAX_DEVICE],
            client=client[:64],
            detail=detail[:200],
        )
    )


def check_device(device: str | None) -> str:
    cleaned = (device or "").strip() or DEFAULT_DEVICE
    if len(cleaned) > MAX_DEVICE or not cleaned.isprintable():
        raise UserError(f"device name {device!r}: use up to {MAX_DEVICE} printable characters")
    return cleaned


def _same_device(device: str) -> list[str]:
    """Names a device's tokens may carry: tokens issued before devices had names ("")
    belong to the default device."""
    return [device, ""] if device == DEFAULT_DEVICE else [device]


def issue_token(
    session: Session,
    agent: Agent,
    *,
    device: str = DEFAULT_DEVICE,
    expires_days: int | None = DEFAULT_TOKEN_DAYS,
    actor: str | None = None,
    now: datetime | None = None,
) -> str:
    """A new token for the agent's device; the device's earlier token stops working."""
    now = now or utcnow()
    device = check_device(device)
    result: Any = session.execute(
        update(AgentToken)
        .where(
            AgentToken.agent_id == agent.id,
            AgentToken.device.in_(_same_device(device)),
            AgentToken.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    )
    if result.rowcount:
        audit(
            session,
            "revoke",
            agent=agent.name,
            actor=actor,
            device=device,
            at=now,
            detail="replaced by a new token for the device",
        )
    token = secrets.token_urlsafe(32)
    expires = now + timedelta(days=expires_days) if expires_days else None
    session.add(
        AgentToken(
            agent_id=agent.id,
            token_hash=hash_token(token),
            device=device,
            created_at=now,
            expires_at=expires,
        )
    )
    audit(
        session,
        "issue",
        agent=agent.name,
        actor=actor,
        device=device,
        at=now,
        detail=f"expires {iso(expires)}" if expires else "never expires",
    )
    return token


def check_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise UserError("an agent needs a name")
    if len(cleaned) > MAX_NAME or any(ch.isspace() for ch in cleaned) or not cleaned.isprintable():
        raise UserError(f"agent name {name!r}: use up to {MAX_NAME} characters, no spaces")
    return cleaned


def add_agent(
    session: Session,
    name: str,
    supervisor: bool,
    *,
    device: str | None = None,
    expires_days: int | None = DEFAULT_TOKEN_DAYS,
    actor: str | None = None,
) -> tuple[Agent, str, bool]:
    """Create the agent (or find it) and issue a new token for the device; returns
    (agent, token, created). A promotion to supervisor is audited."""
    name = check_name(name)
    agent = session.scalars(select(Agent).where(Agent.name == name)).first()
    created = agent is None
    if agent is None:
        agent = Agent(
            name=name, display_name=name.replace(".", " ").title(), is_supervisor=supervisor
        )
        session.add(agent)
        session.flush()
        if supervisor:
            audit(session, "promote", agent=name, actor=actor, detail="created as supervisor")
    elif supervisor and not agent.is_supervisor:
        agent.is_supervisor = True
        audit(session, "promote", agent=name, actor=actor, detail="made a supervisor")
    token = issue_token(
        session, agent, device=check_device(device), expires_days=expires_days, actor=actor
    )
    return agent, token, created


def add_agent_to(
    store: Store,
    name: str,
    supervisor: bool,
    *,
    device: str | None = None,
    expires_days: int | None = DEFAULT_TOKEN_DAYS,
) -> tuple[Caller, str, bool]:
    with store.transaction() as session:
        agent, token, created = add_agent(
            session, name, supervisor, device=device, expires_days=expires_days
        )
        return Caller(agent.id, agent.name, agent.is_supervisor), token, created


def revoke_tokens(
    session: Session, name: str, device: str | None, *, actor: str | None = None
) -> int:
    """Revoke the agent's active tokens (of one device, or all); returns how many."""
    agent = session.scalars(select(Agent).where(Agent.name == name)).first()
    if agent is None:
        raise UserError(f"no agent named {name!r} on the server")
    now = utcnow()
    query = update(AgentToken).where(
        AgentToken.agent_id == agent.id, AgentToken.revoked_at.is_(None)
    )
    if device is not None:
        query = query.where(AgentToken.device.in_(_same_device(check_device(device))))
    result: Any = session.execute(query.values(revoked_at=now))
    count = int(result.rowcount or 0)
    audit(
        session,
        "revoke",
        agent=agent.name,
        actor=actor,
        device=device or "",
        at=now,
        detail=f"{count} token(s)" + ("" if device else ", every device"),
    )
    return count


def list_tokens(session: Session, now: datetime) -> list[dict[str, Any]]:
    """Every token's facts (never the token): agent, device, state, issued, expires."""
    rows = session.execute(
        select(
            Agent.name,
            AgentToken.device,
            AgentToken.created_at,
            AgentToken.expires_at,
            AgentToken.revoked_at,
        )
        .join(Agent, Agent.id == AgentToken.agent_id)
        .order_by(Agent.name, AgentToken.device, AgentToken.created_at)
    ).all()
    out = []
    for name, device, created, expires, revoked in rows:
        state = "revoked" if revoked else "expired" if expires and expires <= now else "active"
        out.append(
            {
                "agent": name,
                "device": device,
                "state": state,
                "issued_at": iso(created),
                "expires_at": iso(expires),
                "revoked_at": iso(revoked),
            }
        )
    return out


def authenticate(session: Session, token: str, now: datetime | None = None) -> Caller | None:
    if not token or len(token) > 200:
        return None
    now = now or utcnow()
    row = session.execute(
        select(Agent.id, Agent.name, Agent.is_supervisor)
        .join(AgentToken, AgentToken.agent_id == Agent.id)
        .where(
            AgentToken.token_hash == hash_token(token),
            AgentToken.revoked_at.is_(None),
            or_(AgentToken.expires_at.is_(None), AgentToken.expires_at > now),
        )
    ).first()
    if row is None:
        return None
    return Caller(row.id, row.name, bool(row.is_supervisor))
