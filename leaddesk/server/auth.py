"""Agents and their tokens. A token is 32 random bytes shown once; the server keeps only
its SHA-256, so a copy of the database does not let anyone in."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.services.errors import UserError
from leaddesk.store.engine import Store
from leaddesk.store.models import Agent, AgentToken

MAX_NAME = 120


@dataclass(frozen=True, slots=True)
class Caller:
    """The agent a request acts for."""

    id: str
    name: str
    is_supervisor: bool


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(session: Session, agent_id: str) -> str:
    token = secrets.token_urlsafe(32)
    session.add(AgentToken(agent_id=agent_id, token_hash=hash_token(token)))
    return token


def check_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise UserError("an agent needs a name")
    if len(cleaned) > MAX_NAME or any(ch.isspace() for ch in cleaned):
        raise UserError(f"agent name {name!r}: use up to {MAX_NAME} characters, no spaces")
    return cleaned


def add_agent(session: Session, name: str, supervisor: bool) -> tuple[Agent, str, bool]:
    """Create the agent (or find it) and issue a new token; returns (agent, token, created)."""
    name = check_name(name)
    agent = session.scalars(select(Agent).where(Agent.name == name)).first()
    created = agent is None
    if agent is None:
        agent = Agent(
            name=name, display_name=name.replace(".", " ").title(), is_supervisor=supervisor
        )
        session.add(agent)
        session.flush()
    elif supervisor and not agent.is_supervisor:
        agent.is_supervisor = True
    token = issue_token(session, agent.id)
    return agent, token, created


def add_agent_to(store: Store, name: str, supervisor: bool) -> tuple[Caller, str, bool]:
    with store.transaction() as session:
        agent, token, created = add_agent(session, name, supervisor)
        return Caller(agent.id, agent.name, agent.is_supervisor), token, created


def authenticate(session: Session, token: str) -> Caller | None:
    if not token or len(token) > 200:
        return None
    row = session.execute(
        select(Agent.id, Agent.name, Agent.is_supervisor)
        .join(AgentToken, AgentToken.agent_id == Agent.id)
        .where(AgentToken.token_hash == hash_token(token), AgentToken.revoked_at.is_(None))
    ).first()
    if row is None:
        return None
    return Caller(row.id, row.name, bool(row.is_supervisor))
