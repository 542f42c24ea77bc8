"""Every dial has an outcome: start a dial, log an outcome, recover pending dials.

Logging appends the attempt, moves the lead along its cadence, closes due callbacks,
updates the do-not-call list and queues the change for sync, all in one transaction.
When `log_outcome` returns, the attempt is on disk (SQLite `synchronous=FULL`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from leaddesk.domain.cadence import LeadProgress, plan_next
from leaddesk.domain.clock import as_utc, iso
from leaddesk.domain.outcomes import (
    Channel,
    LeadStatus,
    OutcomeError,
    check_channel,
    default_channel,
    outcome_info,
)
from leaddesk.services.cadences import cadence_for
from leaddesk.services.errors import NotFound, UserError
from leaddesk.services.outbox import enqueue
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Attempt, Callback, DncNumber, Lead

MAX_NOTE_CHARS = 20_000
MAX_DURATION_S = 24 * 3600


@dataclass(frozen=True, slots=True)
class LoggedOutcome:
    attempt_id: str
    lead_id: str
    outcome: str
    channel: str
    next_action_at: datetime | None
    next_channel: str | None
    lead_status: str

    def to_json(self) -> dict[str, object]:
        return {
            "attempt_id": self.attempt_id,
            "lead_id": self.lead_id,
            "outcome": self.outcome,
            "channel": self.channel,
            "next_action_at": iso(self.next_action_at),
            "next_channel": self.next_channel,
            "lead_status": self.lead_status,
        }


@dataclass(frozen=True, slots=True)
class PendingDial:
    attempt_id: str
    lead_id: str
    lead_name: str
    phone_e164: str | None
    started_at: datetime


def attempt_payload(attempt: Attempt) -> dict[str, object]:
    return {
        "id": attempt.id,
        "lead_id": attempt.lead_id,
        "agent_id": attempt.agent_id,
        "channel": attempt.channel,
        "outcome": attempt.outcome,
        "note": attempt.note,
        "duration_s": attempt.duration_s,
        "ring_s": attempt.ring_s,
        "started_at": iso(attempt.started_at),
        "ended_at": iso(attempt.ended_at),
        "script_id": attempt.script_id,
        "script_words": attempt.script_words,
        "callback_at": iso(attempt.callback_at),
        "cadence_step": attempt.cadence_step,
        "supersedes_id": attempt.supersedes_id,
    }


def lead_state_payload(lead: Lead) -> dict[str, object]:
    return {
        "status": lead.status,
        "next_action_at": iso(lead.next_action_at),
        "next_channel": lead.next_channel,
        "cadence_step": lead.cadence_step,
        "attempt_count": lead.attempt_count,
        "phone_bad": lead.phone_bad,
        "do_not_call": lead.do_not_call,
    }


def _lead(session: Session, lead_id: str) -> Lead:
    lead = session.get(Lead, lead_id)
    if lead is None or lead.deleted_at is not None:
        raise NotFound(f"no lead with id {lead_id!r}")
    return lead


class OutcomeService:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # -- dials --------------------------------------------------------------------------

    def pending_dials(self) -> list[PendingDial]:
        """Dials the agent started and has not wrapped up (after a crash, too)."""
        with self.ws.store.session() as session:
            rows = session.execute(
                select(Attempt, Lead)
                .join(Lead, Lead.id == Attempt.lead_id)
                .where(Attempt.agent_id == self.ws.agent.id, Attempt.outcome.is_(None))
                .order_by(Attempt.started_at)
            ).all()
            return [
                PendingDial(a.id, a.lead_id, ld.name, ld.phone_e164, a.started_at) for a, ld in rows
            ]

    def start_dial(self, lead_id: str, script_id: str | None = None) -> PendingDial:
        """Record a pending call attempt before the number is dialed."""
        now = as_utc(self.ws.clock())
        with self.ws.store.transaction() as session:
            pending = session.scalars(
                select(Attempt)
                .where(Attempt.agent_id == self.ws.agent.id, Attempt.outcome.is_(None))
                .limit(1)
            ).first()
            if pending is not None:
                other = session.get(Lead, pending.lead_id)
                who = other.name if other else pending.lead_id
                raise UserError(f"log the outcome of the call to {who} before dialing again")
            lead = _lead(session, lead_id)
            if lead.do_not_call:
                raise UserError(f"{lead.name} is on the do-not-call list")
            if lead.phone_bad or not lead.phone_e164:
                raise UserError(f"{lead.name} has no good phone number")
            attempt = Attempt(
                lead_id=lead.id,
                agent_id=self.ws.agent.id,
                channel=Channel.PHONE.value,
                started_at=now,
                script_id=script_id,
                cadence_step=lead.cadence_step,
            )
            session.add(attempt)
            session.flush()
            return PendingDial(attempt.id, lead.id, lead.name, lead.phone_e164, now)

    # -- outcomes -----------------------------------------------------------------------

    def log(
        self,
        lead_id: str,
        outcome: str,
        *,
        channel: Channel | None = None,
        note: str = "",
        duration_s: int | None = None,
        callback_at: datetime | None = None,
        at: datetime | None = None,
        script_id: str | None = None,
        script_words: int | None = None,
        ring_s: int | None = None,
    ) -> LoggedOutcome:
        """Record one attempt and move the lead on; durable when this returns."""
        try:
            info = outcome_info(outcome)
            channel = channel or default_channel(outcome)
            check_channel(outcome, channel)
        except OutcomeError as exc:
            raise UserError(str(exc)) from None
        now = as_utc(self.ws.clock())
        at = as_utc(at) if at is not None else now
        if info.code == "callback":
            if callback_at is None:
                raise UserError("outcome 'callback' needs --callback with the agreed time")
            callback_at = as_utc(callback_at)
            if callback_at <= at:
                raise UserError(
                    f"the callback time {iso(callback_at)} is not after the call ({iso(at)})"
                )
        elif callback_at is not None:
            raise UserError("--callback goes only with the outcome 'callback'")
        if duration_s is not None and not 0 <= duration_s <= MAX_DURATION_S:
            raise UserError(f"duration {duration_s} s is out of range (0 to {MAX_DURATION_S})")
        if len(note) > MAX_NOTE_CHARS:
            raise UserError(
                f"the note is {len(note)} characters long; the limit is {MAX_NOTE_CHARS}"
            )

        with self.ws.store.transaction() as session:
            lead = _lead(session, lead_id)
            if lead.do_not_call and channel is Channel.PHONE and info.code != "do_not_call":
                raise UserError(f"{lead.name} is on the do-not-call list: no call may be logged")
            attempt = self._wrap_up_pending(session, lead, channel, at)
            if attempt is None:
                attempt = Attempt(
                    lead_id=lead.id,
                    agent_id=self.ws.agent.id,
                    channel=channel.value,
                    started_at=at,
                    cadence_step=lead.cadence_step,
                )
                session.add(attempt)
            attempt.outcome = info.code
            attempt.note = note
            attempt.duration_s = duration_s
            attempt.ring_s = ring_s if ring_s is not None else attempt.ring_s
            attempt.ended_at = at
            attempt.callback_at = callback_at
            attempt.script_id = script_id or attempt.script_id
            attempt.script_words = (
                script_words if script_words is not None else attempt.script_words
            )

            cadence = cadence_for(session, lead.cadence_id)
            progress = LeadProgress(
                status=LeadStatus(lead.status),
                cadence_step=lead.cadence_step,
                first_attempt_at=lead.first_attempt_at,
                reached=lead.status == LeadStatus.REACHED,
            )
            nxt = plan_next(cadence, progress, info.code, at, callback_at)

            lead.attempt_count += 1
            if channel is Channel.PHONE:
                lead.call_count += 1
            if lead.first_attempt_at is None or at < lead.first_attempt_at:
                lead.first_attempt_at = at
            if lead.last_attempt_at is None or at >= lead.last_attempt_at:
                lead.last_attempt_at = at
                lead.last_outcome = info.code
            lead.status = nxt.status.value
            lead.cadence_step = nxt.cadence_step
            lead.next_action_at = nxt.at
            lead.next_channel = nxt.channel.value if nxt.channel else None
            lead.phone_bad = lead.phone_bad or nxt.phone_bad
            lead.version += 1
            if nxt.do_not_call:
                lead.do_not_call = True
                if lead.phone_e164 and session.get(DncNumber, lead.phone_e164) is None:
                    session.add(
                        DncNumber(phone_e164=lead.phone_e164, source="outcome", added_at=at)
                    )

            if channel is Channel.PHONE:
                session.execute(
                    update(Callback)
                    .where(
                        Callback.lead_id == lead.id,
                        Callback.done_at.is_(None),
                        Callback.due_at <= at,
                    )
                    .values(done_at=at)
                )
            session.flush()
            if callback_at is not None:
                session.add(
                    Callback(
                        lead_id=lead.id,
                        agent_id=self.ws.agent.id,
                        attempt_id=attempt.id,
                        due_at=callback_at,
                    )
                )
            enqueue(session, "attempt", attempt.id, attempt_payload(attempt))
            enqueue(
                session,
                "lead_state",
                lead.id,
                lead_state_payload(lead),
                base_version=lead.version - 1,
            )
            return LoggedOutcome(
                attempt.id,
                lead.id,
                info.code,
                channel.value,
                lead.next_action_at,
                lead.next_channel,
                lead.status,
            )

    def _wrap_up_pending(
        self, session: Session, lead: Lead, channel: Channel, at: datetime
    ) -> Attempt | None:
        if channel is not Channel.PHONE:
            return None
        return session.scalars(
            select(Attempt).where(
                Attempt.agent_id == self.ws.agent.id,
                Attempt.lead_id == lead.id,
                Attempt.outcome.is_(None),
            )
        ).first()
