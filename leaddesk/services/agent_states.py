"""The agent's state (ready, on a call, wrap-up, paused with a reason, offline): recorded
as append-only changes in `agent_state`, read back for the state bar and the report.
Each change is queued in the outbox with it (kind "agent_state"): the team server keeps
them for the team's report and supervisors' laptops pull them (`sync_history.py`).

The time in each state is defined in `leaddesk.domain.agent_states`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.domain.agent_states import (
    DEFAULT_PAUSE_REASONS,
    AgentState,
    StateChange,
    StateError,
    StateTimes,
    check_state,
    time_in_states,
)
from leaddesk.domain.clock import as_utc, iso
from leaddesk.services.errors import UserError
from leaddesk.services.outbox import queue_agent_state
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import AgentStateChange


@dataclass(frozen=True, slots=True)
class CurrentState:
    state: str
    reason: str
    since: datetime | None  # None: never recorded (offline)

    def to_json(self) -> dict[str, object]:
        return {"state": self.state, "reason": self.reason or None, "since": iso(self.since)}


class AgentStateService:
    def __init__(self, ws: Workspace, reasons: Sequence[str] = DEFAULT_PAUSE_REASONS) -> None:
        self.ws = ws
        self.reasons = tuple(reasons)

    def current(self) -> CurrentState:
        with self.ws.store.session() as session:
            row = _last(session, self.ws.agent.id)
            if row is None:
                return CurrentState(AgentState.OFFLINE.value, "", None)
            return CurrentState(row.state, row.reason, row.started_at)

    def set(self, state: str, reason: str = "", at: datetime | None = None) -> CurrentState:
        """Record a change (nothing when the agent is already in that state for that
        reason); durable when this returns."""
        try:
            value, reason = check_state(state, reason, self.reasons)
        except StateError as exc:
            raise UserError(str(exc)) from None
        now = as_utc(at) if at is not None else as_utc(self.ws.clock())
        with self.ws.store.transaction() as session:
            last = _last(session, self.ws.agent.id)
            if last is not None and (last.state, last.reason) == (value.value, reason):
                return CurrentState(last.state, last.reason, last.started_at)
            if last is not None and as_utc(last.started_at) > now:
                raise UserError(
                    f"the agent's last state change is at {iso(last.started_at)}, "
                    f"after {iso(now)}: give a later time"
                )
            row = AgentStateChange(
                agent_id=self.ws.agent.id,
                state=value.value,
                reason=reason,
                started_at=now,
                created_at=now,
            )
            session.add(row)
            # For the team server (the supervisors' report), in the same transaction.
            queue_agent_state(session, row)
        return CurrentState(value.value, reason, now)


def _last(session: Session, agent_id: str) -> AgentStateChange | None:
    return session.scalars(
        select(AgentStateChange)
        .where(AgentStateChange.agent_id == agent_id)
        .order_by(AgentStateChange.started_at.desc(), AgentStateChange.created_at.desc())
        .limit(1)
    ).first()


def state_times(
    session: Session, since: datetime | None, until: datetime, agent_id: str | None = None
) -> dict[str, StateTimes]:
    """Time per state of each agent (or one) over [since, until), by agent id."""
    query = select(AgentStateChange).where(AgentStateChange.started_at < until)
    if agent_id is not None:
        query = query.where(AgentStateChange.agent_id == agent_id)
    per_agent: dict[str, list[StateChange]] = {}
    for row in session.scalars(query.order_by(AgentStateChange.started_at)):
        per_agent.setdefault(row.agent_id, []).append(
            StateChange(row.agent_id, row.state, row.reason, as_utc(row.started_at))
        )
    return {
        agent: time_in_states(_from_last_before(changes, since), since, until)
        for agent, changes in per_agent.items()
    }


def _from_last_before(changes: list[StateChange], since: datetime | None) -> list[StateChange]:
    """Only the change in force at `since` and those after it."""
    if since is None:
        return changes
    before = [c for c in changes if c.at <= since]
    after = [c for c in changes if c.at > since]
    return before[-1:] + after
