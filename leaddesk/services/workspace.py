"""The context every service works in: the store, the clock, the acting agent, and the
rules and cadence the agent's settings chose (resolved once, here, not per call)."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.domain.cadence import Cadence
from leaddesk.domain.calling_hours import CallingRules
from leaddesk.domain.clock import Clock, system_clock
from leaddesk.services.cadences import default_cadence, named_cadence
from leaddesk.services.errors import UserError
from leaddesk.services.rules import SettingsView, default_rules, rules_from_settings
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
    """What a service needs: the store, the clock, the agent acting, and the agent's
    rules. Without settings applied the rules and cadence are the shipped ones.

    `rules`: calling hours and caps every service uses (call list, dialing, the
    cadence planner, voicemail scripts, the callback check). `cadence`: what leads
    without a team cadence follow. `voicemail_name` / `voicemail_callback_number`: what
    voicemail scripts say instead of the agent row's name and number ("" = the row's);
    `voicemail_company` / `voicemail_topic` likewise (the topic: when the lead has none).
    """

    store: Store
    agent: AgentInfo
    clock: Clock = system_clock
    rules: CallingRules = field(default_factory=default_rules)
    cadence: Cadence = field(default_factory=default_cadence)
    voicemail_name: str = ""
    voicemail_callback_number: str = ""
    voicemail_company: str = ""
    voicemail_topic: str = ""

    @classmethod
    def open(
        cls,
        store: Store,
        agent_name: str | None = None,
        clock: Clock = system_clock,
        settings: SettingsView | None = None,
    ) -> Workspace:
        ws = cls(store, resolve_agent(store, agent_name), clock)
        return ws if settings is None else ws.with_settings(settings)

    def with_settings(self, settings: SettingsView) -> Workspace:
        """This workspace under the agent's settings (a `leaddesk.settings.Settings`,
        already validated): calling window and caps applied to the shipped rules, the
        chosen cadence, the voicemail name and callback number. Pure apart from reading
        the chosen cadence's file once (cached); the store, clock and agent are kept.
        Applying settings again starts from the shipped rules, never from the previous
        settings. Services built on the old workspace keep the old rules: build new ones
        (the window: a new `Backend`) on the returned workspace.

        Raises UserError when the cadence named does not exist (the message lists the
        cadences there are); the settings validator refuses such a name before it is
        saved."""
        return replace(
            self,
            rules=rules_from_settings(default_rules(), settings),
            cadence=named_cadence(str(settings["cadence"])),
            voicemail_name=str(settings["agent.display_name"]).strip(),
            voicemail_callback_number=str(settings["agent.callback_number"]).strip(),
            voicemail_company=str(settings["agent.company"]).strip(),
            voicemail_topic=str(settings["agent.topic"]).strip(),
        )
