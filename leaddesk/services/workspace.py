"""The context every service works in: the store, the clock and the acting agent."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.domain.clock import Clock, system_clock
from leaddesk.services.errors import UserError
from leaddesk.store.engine import Store
from leaddesk.store.models import Agent, Meta

DEFAULT_AGENT_KEY = "default_agent"


@dataclass(frozen=True, slots=True)
class AgentInfo:
    id: str
    name: str
    display_name: str
    company: str
    callback_number: str
    is_supervisor: bool


def agent_info(agent: Agent) -> AgentInfo:
    return AgentInfo(
        agent.id,
        agent.name,
        agent.display_name or agent.name,
        agent.company,
        agent.callback_number,
        agent.is_supervisor,
    )


def os_user_name() -> str:
    try:
        return getpass.getuser() or "agent"
    except (KeyError, OSError):
        return "agent"


def get_or_create_agent(session: Session, name: str) -> Agent:
    agent = session.scalars(select(Agent).where(Agent.name == name)).first()
    if agent is None:
        agent = Agent(name=name, display_name=name.replace(".", " ").title())
        session.add(agent)
        session.flush()
    return agent


def resolve_agent(store: Store, name: str | None) -> AgentInfo:
    """The agent acting: the one named, else the database's default agent, created on
    first use from the OS user name."""
    if name is not None and not name.strip():
        raise UserError("--agent needs a name")
    with store.transaction() as session:
        if name is None:
            meta = session.get(Meta, DEFAULT_AGENT_KEY)
            if meta is not None:
                agent = session.get(Agent, meta.value)
                if agent is not None:
                    return agent_info(agent)
            agent = get_or_create_agent(session, os_user_name())
            session.merge(Meta(key=DEFAULT_AGENT_KEY, value=agent.id))
            return agent_info(agent)
        return agent_info(get_or_create_agent(session, name.strip()))


@dataclass(frozen=True, slots=True)
class Workspace:
    """What a service needs: the store, the clock, the agent acting."""

    store: Store
    agent: AgentInfo
    clock: Clock = system_clock

    @classmethod
    def open(
        cls, store: Store, agent_name: str | None = None, clock: Clock = system_clock
    ) -> Workspace:
        return cls(store, resolve_agent(store, agent_name), clock)
