"""Owners in lead files (HubSpot "Contact owner", Salesforce "Lead Owner" or OwnerId,
VICIdial owner) mapped to agents: by the agent's name or display name, by an email whose
local part is the agent's name, or by the owner aliases a supervisor keeps (any name,
email or CRM owner id, for one source or for all; `OwnerAliases`). An owner nothing
matches is listed in the import's summary and the lead goes to the importing agent.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.services.errors import UserError
from leaddesk.store.models import Agent, OwnerAlias


def owner_key(text: str) -> str:
    return " ".join(text.split()).lower()


class OwnerResolver:
    """Agent ids for owner cells, for one import."""

    def __init__(self, session: Session, source: str) -> None:
        self._agents: dict[str, str] = {}
        for agent_id, display in session.execute(select(Agent.id, Agent.display_name)):
            if display:
                self._agents.setdefault(owner_key(display), agent_id)
        for agent_id, name in session.execute(select(Agent.id, Agent.name)):
            self._agents[owner_key(name)] = agent_id  # a login name wins over a display name
        self._aliases: dict[str, str] = {}
        rows = session.execute(
            select(OwnerAlias.source, OwnerAlias.key, OwnerAlias.agent_id).where(
                OwnerAlias.source.in_(["", source])
            )
        )
        for _source, key, agent_id in sorted(rows, key=lambda r: r[0] != ""):
            self._aliases[key] = agent_id  # the source's own alias wins over a general one
        self._memo: dict[str, str | None] = {}

    def agent_for(self, text: str) -> str | None:
        key = owner_key(text)
        if key in self._memo:
            return self._memo[key]
        found = self._aliases.get(key) or self._agents.get(key)
        if found is None and "@" in key:
            found = self._agents.get(key.split("@", 1)[0])
        self._memo[key] = found
        return found


class OwnerAliases:
    """The owner mapping a supervisor edits (the Import dialog's Owners table)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> list[tuple[str, str, str]]:
        """(source, what the file says, agent name), sorted."""
        rows = self.session.execute(
            select(OwnerAlias.source, OwnerAlias.key, Agent.name)
            .join(Agent, Agent.id == OwnerAlias.agent_id)
            .order_by(OwnerAlias.source, OwnerAlias.key)
        )
        return [(s, k, n) for s, k, n in rows]

    def set(self, text: str, agent_name: str, now: datetime, source: str = "") -> None:
        key = owner_key(text)
        if not key:
            raise UserError("an owner alias needs the text the file writes")
        agent = self.session.scalar(select(Agent).where(Agent.name == agent_name.strip()))
        if agent is None:
            raise UserError(f"no agent named {agent_name!r}")
        alias = self.session.get(OwnerAlias, (source, key))
        if alias is None:
            self.session.add(OwnerAlias(source=source, key=key, agent_id=agent.id, updated_at=now))
        else:
            alias.agent_id = agent.id
            alias.updated_at = now

    def remove(self, text: str, source: str = "") -> None:
        alias = self.session.get(OwnerAlias, (source, owner_key(text)))
        if alias is not None:
            self.session.delete(alias)
