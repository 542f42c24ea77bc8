"""Every dial has an outcome: start a dial, log an outcome, recover pending dials.

Logging appends the attempt, moves the lead along its cadence, closes due callbacks,
updates the do-not-call list and queues the change for sync, all in one transaction.
When `log_outcome` returns, the attempt is on disk (SQLite `synchronous=FULL`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Connection, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from leaddesk.domain.cadence import TEXTABLE_PHONE_TYPES, LeadProgress, TouchContext, plan_next
from leaddesk.domain.calling_hours import (
    CallingRules,
)
from leaddesk.domain.caps import Touch, check_caps
from leaddesk.domain.clock import as_utc, iso
from leaddesk.domain.jurisdictions import (
    LeadPlace,
    allowed_at,
    cap_hit,
    cap_words,
    caps_for,
    state_for,
    why_closed,
)
from leaddesk.domain.outcomes import (
    Channel,
    Direction,
    LeadStatus,
    OutcomeError,
    check_channel,
    check_direction,
    default_channel,
    outcome_info,
)
from leaddesk.services.cadences import cadence_for_connection
from leaddesk.services.errors import NotFound, UserError
from leaddesk.services.outbox import attempt_payload, enqueue, lead_state_payload, queue_outcome
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import (
    Attempt,
    Callback,
    DncAudit,
    DncNumber,
    Lead,
    UTCDateTime,
    new_id,
)

LEAD = cast(Table, Lead.__table__)
ATTEMPT = cast(Table, Attempt.__table__)
CALLBACK = cast(Table, Callback.__table__)
DNC = cast(Table, DncNumber.__table__)
DNC_AUDIT = cast(Table, DncAudit.__table__)
_LEAD_STATE = (
    LEAD.c.id,
    LEAD.c.first_name,
    LEAD.c.last_name,
    LEAD.c.company,
    LEAD.c.phone_e164,
    LEAD.c.status,
    LEAD.c.do_not_call,
    LEAD.c.phone_bad,
    LEAD.c.cadence_id,
    LEAD.c.cadence_step,
    LEAD.c.attempt_count,
    LEAD.c.call_count,
    LEAD.c.first_attempt_at,
    LEAD.c.last_attempt_at,
    LEAD.c.version,
    LEAD.c.deleted_at,
    LEAD.c.time_zones,
    LEAD.c.phone_type,
    LEAD.c.jurisdictions,
    LEAD.c.consent_basis,
    LEAD.c.next_action_at,
    LEAD.c.next_channel,
    LEAD.c.last_outcome,
)
# The lead fields an outcome changes, as they were before it: what an undo puts back.
_UNDO_FIELDS = (
    "status",
    "cadence_step",
    "attempt_count",
    "call_count",
    "next_action_at",
    "next_channel",
    "phone_bad",
    "do_not_call",
    "first_attempt_at",
    "last_attempt_at",
    "last_outcome",
)

# Statements built once: building and hashing a statement per call costs more than the
# disk write it makes (see tests/bench/bench_log.py).
# The lead's state and the agent's pending dial on it (if any), in one round trip.
_PENDING_ID = (
    select(ATTEMPT.c.id)
    .where(
        ATTEMPT.c.agent_id == bindparam("_agent"),
        ATTEMPT.c.lead_id == LEAD.c.id,
        ATTEMPT.c.outcome.is_(None),
        ATTEMPT.c.ended_at.is_(None),
    )
    .limit(1)
    .scalar_subquery()
    .label("pending_id")
)
_SELECT_LEAD = select(*_LEAD_STATE, _PENDING_ID).where(LEAD.c.id == bindparam("_lead"))
_SELECT_PENDING = select(
    ATTEMPT.c.id,
    ATTEMPT.c.started_at,
    ATTEMPT.c.script_id,
    ATTEMPT.c.ring_s,
    ATTEMPT.c.supersedes_id,
    ATTEMPT.c.cadence_step,
).where(ATTEMPT.c.id == bindparam("_id"))
# The lead's recent attempts: what the touch budget and the 24 h cap look at.
_SELECT_HISTORY = (
    select(ATTEMPT.c.started_at, ATTEMPT.c.channel, ATTEMPT.c.outcome)
    .where(
        ATTEMPT.c.lead_id == bindparam("_lead"),
        ATTEMPT.c.started_at > bindparam("_since", type_=UTCDateTime()),
        ATTEMPT.c.outcome.is_not(None),
        # A call the lead made is no call of ours: caps and budgets count only ours.
        ATTEMPT.c.direction == "outbound",
    )
    .order_by(ATTEMPT.c.started_at)
)
# How far back the history matters: the social touch budget looks at a week.
HISTORY_SPAN = timedelta(days=8)
_UPDATE_ATTEMPT = update(ATTEMPT).where(ATTEMPT.c.id == bindparam("_id"))
_UPDATE_LEAD = update(LEAD).where(LEAD.c.id == bindparam("_id"))
_INSERT_ATTEMPT = insert(ATTEMPT)
_INSERT_CALLBACK = insert(CALLBACK)
_INSERT_DNC = insert(DNC).prefix_with("OR IGNORE", dialect="sqlite")
_CLOSE_CALLBACKS = (
    update(CALLBACK)
    .where(
        CALLBACK.c.lead_id == bindparam("_lead"),
        CALLBACK.c.done_at.is_(None),
        CALLBACK.c.due_at <= bindparam("_at", type_=UTCDateTime()),
    )
    .values(done_at=bindparam("_at", type_=UTCDateTime()))
)

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
    # A phone attempt at a moment the lead's calling rules forbid: recorded, and flagged.
    outside_rules: bool = False
    outside_reason: str = ""
    # What an undo needs (not part of the CLI answer): whether the attempt wrapped up a
    # dial, the lead's fields as they were before, and the number this outcome put on
    # the do-not-call list.
    dialed: bool = False
    before: tuple[tuple[str, object], ...] = ()
    dnc_added: str | None = None
    manual: bool = False
    direction: str = "outbound"

    def to_json(self) -> dict[str, object]:
        return {
            "attempt_id": self.attempt_id,
            "lead_id": self.lead_id,
            "outcome": self.outcome,
            "channel": self.channel,
            "next_action_at": iso(self.next_action_at),
            "next_channel": self.next_channel,
            "lead_status": self.lead_status,
            "outside_rules": self.outside_rules,
            "direction": self.direction,
        }


@dataclass(frozen=True, slots=True)
class PendingDial:
    attempt_id: str
    lead_id: str
    lead_name: str
    phone_e164: str | None
    started_at: datetime


@dataclass(frozen=True, slots=True)
class UndoneOutcome:
    """An outcome taken back: `reopened` is the dial back in wrap-up (the call happened,
    only its outcome was wrong), None when the attempt itself was taken back."""

    lead_id: str
    outcome: str
    attempt_id: str  # the correction
    reopened: PendingDial | None
    dnc_removed: str | None


def wrapup_seconds(
    started_at: datetime,
    ring_s: object,
    duration_s: int | None,
    logged_at: datetime,
) -> int | None:
    """Seconds from the hang-up (the call's start, ring and talk time) to the outcome being
    logged; None when the hang-up is unknown: no talk time (a `tel:` hand-off, a call
    logged without --duration)."""
    if duration_s is None:
        return None
    ring = ring_s if isinstance(ring_s, int) else 0
    hung_up = started_at + timedelta(seconds=ring + (duration_s or 0))
    seconds = round((logged_at - hung_up).total_seconds())
    return min(max(0, seconds), MAX_DURATION_S)


def _lead(session: Session, lead_id: str) -> Lead:
    lead = session.get(Lead, lead_id)
    if lead is None or lead.deleted_at is not None:
        raise NotFound(f"no lead with id {lead_id!r}")
    return lead


class OutcomeService:
    def __init__(self, workspace: Workspace, rules: CallingRules | None = None) -> None:
        self.ws = workspace
        self.rules = rules or workspace.rules

    # -- dials --------------------------------------------------------------------------

    def pending_dials(self) -> list[PendingDial]:
        """Dials the agent started and has not wrapped up (after a crash, too)."""
        with self.ws.store.session() as session:
            rows = session.execute(
                select(Attempt, Lead)
                .join(Lead, Lead.id == Attempt.lead_id)
                .where(
                    Attempt.agent_id == self.ws.agent.id,
                    Attempt.outcome.is_(None),
                    Attempt.ended_at.is_(None),
                )
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
                .where(
                    Attempt.agent_id == self.ws.agent.id,
                    Attempt.outcome.is_(None),
                    Attempt.ended_at.is_(None),
                )
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
            self._check_may_call(session, lead, now)
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

    def cancel_dial(self, attempt_id: str) -> None:
        """A dial whose hand-off failed never happened: its pending record goes (it was
        never wrapped up nor queued for sync, so the log loses nothing)."""
        with self.ws.store.transaction() as session:
            attempt = session.get(Attempt, attempt_id)
            if (
                attempt is None
                or attempt.outcome is not None
                or attempt.ended_at is not None
                or attempt.agent_id != self.ws.agent.id
                or attempt.supersedes_id is not None
            ):
                return
            session.delete(attempt)

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
        manual: bool = False,
        direction: str = "outbound",
    ) -> LoggedOutcome:
        """Record one attempt and move the lead on; durable when this returns.

        `manual`: a call made outside LeadDesk, recorded after the fact; it never wraps
        up a pending dial. `direction` "inbound": the lead called back (a returned call):
        it never wraps up a dial nor breaks the calling rules, and counts as reached."""
        try:
            info = outcome_info(outcome)
            channel = channel or default_channel(outcome)
            check_channel(outcome, channel)
            inbound = check_direction(outcome, channel, direction) is Direction.INBOUND
        except OutcomeError as exc:
            raise UserError(str(exc)) from None
        now = as_utc(self.ws.clock())
        at = as_utc(at) if at is not None else now
        if manual and at > now:
            raise UserError(
                f"the call made elsewhere is in the future ({iso(at)}): give when it was"
            )
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

        # The write path uses Core statements on one connection: the ORM's unit of work
        # costs more than the disk here, and an agent logs hundreds of outcomes a shift.
        with self.ws.store.connection() as conn:
            lead = conn.execute(
                _SELECT_LEAD, {"_lead": lead_id, "_agent": self.ws.agent.id}
            ).first()
            if lead is None or lead.deleted_at is not None:
                raise NotFound(f"no lead with id {lead_id!r}")
            name = f"{lead.first_name} {lead.last_name}".strip() or lead.company or lead_id
            if lead.do_not_call and channel is Channel.PHONE and info.code != "do_not_call":
                raise UserError(f"{name} is on the do-not-call list: no call may be logged")
            zones = tuple(str(z) for z in (lead.time_zones or ()))
            place = LeadPlace(
                zones, tuple(str(c) for c in (lead.jurisdictions or ())), lead.consent_basis
            )
            if callback_at is not None:
                self._check_callback_time(name, place, callback_at)
            history = tuple(
                Touch(row.started_at, Channel(row.channel), row.outcome)
                for row in conn.execute(
                    _SELECT_HISTORY, {"_lead": lead_id, "_since": at - HISTORY_SPAN}
                )
                if row.started_at <= at
            )
            pending = None
            if (
                channel is Channel.PHONE
                and lead.pending_id is not None
                and not manual
                and not inbound
            ):
                pending = conn.execute(_SELECT_PENDING, {"_id": lead.pending_id}).first()
            values: dict[str, object] = {
                "outcome": info.code,
                "note": note,
                "duration_s": duration_s,
                "ended_at": at,
                "callback_at": callback_at,
            }
            supersedes_id = None
            cadence_step = lead.cadence_step
            if pending is not None:
                attempt_id = pending.id
                supersedes_id = pending.supersedes_id
                if pending.cadence_step is not None and supersedes_id is not None:
                    cadence_step = pending.cadence_step
                values["script_id"] = script_id or pending.script_id
                values["ring_s"] = ring_s if ring_s is not None else pending.ring_s
                if script_words is not None:
                    values["script_words"] = script_words
                started_at = pending.started_at
            else:
                attempt_id = new_id()
                started_at = at
            outside = ""
            if channel is Channel.PHONE and not inbound:
                outside = self._outside_rules(conn, lead_id, place, started_at, history)
            values["outside_rules"] = bool(outside)
            # Phone measures (#19): the direction, and the wrap-up from hang-up to now.
            values["direction"] = direction
            values["wrapup_s"] = wrapup_seconds(
                started_at, values.get("ring_s", ring_s), duration_s, now
            )
            if pending is not None:
                conn.execute(_UPDATE_ATTEMPT, {"_id": attempt_id, **values})
            else:
                conn.execute(
                    _INSERT_ATTEMPT,
                    {
                        "id": attempt_id,
                        "lead_id": lead_id,
                        "agent_id": self.ws.agent.id,
                        "channel": channel.value,
                        "started_at": at,
                        "cadence_step": lead.cadence_step,
                        "script_id": script_id,
                        "script_words": script_words,
                        "ring_s": ring_s,
                        "supersedes_id": None,
                        "created_at": now,
                        "manual": manual,
                        **values,
                    },
                )

            cadence = cadence_for_connection(conn, lead.cadence_id, self.ws.cadence)
            progress = LeadProgress(
                status=LeadStatus(lead.status),
                cadence_step=lead.cadence_step,
                first_attempt_at=lead.first_attempt_at,
                reached=lead.status == LeadStatus.REACHED,
                attempts=lead.attempt_count,
            )
            context = TouchContext(
                self.rules,
                zones,
                lead.phone_type in TEXTABLE_PHONE_TYPES,
                history,
                place.jurisdictions,
                place.consent,
            )
            nxt = plan_next(
                cadence, progress, info.code, at, callback_at, context=context, channel=channel
            )

            changes: dict[str, object] = {
                "attempt_count": lead.attempt_count + 1,
                "call_count": lead.call_count + (channel is Channel.PHONE),
                "status": nxt.status.value,
                "cadence_step": nxt.cadence_step,
                "next_action_at": nxt.at,
                "next_channel": nxt.channel.value if nxt.channel else None,
                "phone_bad": lead.phone_bad or nxt.phone_bad,
                "do_not_call": lead.do_not_call or nxt.do_not_call,
                "version": lead.version + 1,
                "updated_at": now,
            }
            if lead.first_attempt_at is None or at < lead.first_attempt_at:
                changes["first_attempt_at"] = at
            if lead.last_attempt_at is None or at >= lead.last_attempt_at:
                changes["last_attempt_at"] = at
                changes["last_outcome"] = info.code
            conn.execute(_UPDATE_LEAD, {"_id": lead_id, **changes})
            dnc_added = None
            if nxt.do_not_call and lead.phone_e164:
                dnc_added = self._put_on_dnc(conn, lead_id, lead.phone_e164, note, at, now)
            if channel is Channel.PHONE and lead.status == LeadStatus.CALLBACK:
                conn.execute(_CLOSE_CALLBACKS, {"_lead": lead_id, "_at": at})
            if callback_at is not None:
                conn.execute(
                    _INSERT_CALLBACK,
                    {
                        "id": new_id(),
                        "lead_id": lead_id,
                        "agent_id": self.ws.agent.id,
                        "attempt_id": attempt_id,
                        "due_at": callback_at,
                        "created_at": now,
                    },
                )
            attempt_row = {
                "id": attempt_id,
                "lead_id": lead_id,
                "agent_id": self.ws.agent.id,
                "channel": channel.value,
                "outcome": info.code,
                "note": note,
                "duration_s": duration_s,
                "ring_s": values.get("ring_s", ring_s),
                "started_at": started_at,
                "ended_at": at,
                "script_id": values.get("script_id", script_id),
                "script_words": script_words,
                "callback_at": callback_at,
                "cadence_step": cadence_step,
                "supersedes_id": supersedes_id,
                "manual": manual,
                "direction": direction,
                "wrapup_s": values["wrapup_s"],
            }
            queue_outcome(
                conn,
                now,
                attempt_row,
                changes,
                base_version=lead.version,
                outside_rules=bool(outside),
            )
            return LoggedOutcome(
                attempt_id,
                lead_id,
                info.code,
                channel.value,
                nxt.at,
                nxt.channel.value if nxt.channel else None,
                nxt.status.value,
                outside_rules=bool(outside),
                outside_reason=outside,
                dialed=pending is not None,
                before=tuple((name, getattr(lead, name)) for name in _UNDO_FIELDS),
                dnc_added=dnc_added,
                manual=manual,
                direction=direction,
            )

    # -- undo ----------------------------------------------------------------------------

    def undo(self, logged: LoggedOutcome) -> UndoneOutcome:
        """Take back an outcome just logged: a correction that supersedes it (the log
        stays append-only), the lead's fields put back as they were, the callback it
        promised closed, the number it put on the do-not-call list taken off (audited).

        An outcome that wrapped up a dial reopens the dial (a new pending attempt that
        supersedes the old one): the call happened, only its outcome was wrong. Any
        other attempt is taken back by a correction with no outcome."""
        now = as_utc(self.ws.clock())
        with self.ws.store.transaction() as session:
            old = session.get(Attempt, logged.attempt_id)
            if old is None or old.outcome is None:
                raise NotFound(f"no logged attempt with id {logged.attempt_id!r}")
            if old.agent_id != self.ws.agent.id:
                raise UserError("only the agent who logged an outcome can undo it")
            later = session.scalar(
                select(Attempt.id).where(Attempt.supersedes_id == old.id).limit(1)
            )
            if later is not None:
                raise UserError("this outcome was already corrected")
            lead = _lead(session, old.lead_id)
            newer = session.scalar(
                select(Attempt.id)
                .where(
                    Attempt.lead_id == lead.id,
                    Attempt.id != old.id,
                    Attempt.outcome.is_not(None),
                    Attempt.ended_at > old.ended_at,
                )
                .limit(1)
            )
            if newer is not None:
                raise UserError(f"{lead.name} has a newer attempt: this one cannot be undone")
            reopen = logged.dialed and old.channel == Channel.PHONE.value
            if reopen:
                other = session.scalar(
                    select(Attempt.id)
                    .where(
                        Attempt.agent_id == self.ws.agent.id,
                        Attempt.outcome.is_(None),
                        Attempt.ended_at.is_(None),
                    )
                    .limit(1)
                )
                if other is not None:
                    raise UserError("log the call in progress before undoing")
            correction = Attempt(
                lead_id=lead.id,
                agent_id=self.ws.agent.id,
                channel=old.channel,
                outcome=None,
                note="",
                started_at=old.started_at,
                ended_at=None if reopen else now,
                script_id=old.script_id,
                ring_s=old.ring_s,
                cadence_step=old.cadence_step,
                supersedes_id=old.id,
                manual=old.manual,
                direction=old.direction,
                created_at=now,
            )
            session.add(correction)
            base = lead.version
            for name, value in logged.before:
                setattr(lead, name, value)
            lead.version = base + 1
            lead.updated_at = now
            # The callback this outcome promised is off; those it closed are open again.
            for cb in session.scalars(select(Callback).where(Callback.attempt_id == old.id)):
                cb.done_at = now
            if old.channel == Channel.PHONE.value and old.ended_at is not None:
                for cb in session.scalars(
                    select(Callback).where(
                        Callback.lead_id == lead.id,
                        Callback.done_at == old.ended_at,
                    )
                ):
                    cb.done_at = None
            removed = None
            if logged.dnc_added:
                listed = session.get(DncNumber, logged.dnc_added)
                if listed is not None:
                    session.delete(listed)
                    removed = logged.dnc_added
                session.add(
                    DncAudit(
                        phone_e164=logged.dnc_added,
                        action="remove",
                        agent_id=self.ws.agent.id,
                        agent_name=self.ws.agent.name,
                        lead_id=lead.id,
                        reason="undo: the do-not-call outcome was logged by mistake",
                        at=now,
                    )
                )
            session.flush()
            if not reopen:
                # A dial reopened travels when it is wrapped up, as the correction.
                enqueue(session, "attempt", correction.id, attempt_payload(correction))
            enqueue(
                session,
                "lead_state",
                lead.id,
                lead_state_payload(lead, counters=True),
                base_version=base,
            )
            pending = (
                PendingDial(correction.id, lead.id, lead.name, lead.phone_e164, old.started_at)
                if reopen
                else None
            )
            return UndoneOutcome(lead.id, old.outcome, correction.id, pending, removed)

    # -- rules ---------------------------------------------------------------------------

    def _check_callback_time(self, name: str, place: LeadPlace, when: datetime) -> None:
        """A callback is promised only inside the lead's calling rules (when known)."""
        state = state_for(self.rules, place, when)
        if not state.known or state.open:
            return
        where = why_closed(self.rules, place, state, when).replace(" there", " for the lead", 1)
        raise UserError(
            f"the callback time {iso(when)} is outside {name}'s calling hours "
            f"({', '.join(place.zones)}): {where}"
        )

    def _put_on_dnc(
        self, conn: Connection, lead_id: str, phone: str, note: str, at: datetime, now: datetime
    ) -> str | None:
        """The number on the do-not-call list (audited); the number when it was not yet."""
        added = None
        listed = conn.execute(select(DNC.c.phone_e164).where(DNC.c.phone_e164 == phone)).first()
        if listed is None:
            added = phone
            conn.execute(_INSERT_DNC, {"phone_e164": phone, "source": "outcome", "added_at": at})
        conn.execute(
            insert(DNC_AUDIT),
            {
                "id": new_id(),
                "phone_e164": phone,
                "action": "add",
                "agent_id": self.ws.agent.id,
                "agent_name": self.ws.agent.name,
                "lead_id": lead_id,
                "reason": note or "the lead asked not to be contacted",
                "at": now,
            },
        )
        return added

    def _outside_rules(
        self,
        conn: Connection,
        lead_id: str,
        place: LeadPlace,
        started_at: datetime,
        history: Sequence[Touch],
    ) -> str:
        """Why a call started at `started_at` broke the lead's rules ('' when it did
        not): outside the hours of a candidate jurisdiction, or over a law's cap."""
        if allowed_at(self.rules, place, started_at) is False:
            state = state_for(self.rules, place, started_at)
            return why_closed(self.rules, place, state, started_at)
        caps = caps_for(self.rules, place)
        longest = max(c.period for c in caps)
        if longest > HISTORY_SPAN:
            calls = [
                as_utc(row.started_at)
                for row in conn.execute(
                    _SELECT_HISTORY, {"_lead": lead_id, "_since": started_at - longest}
                )
                if row.channel == Channel.PHONE.value and row.started_at < started_at
            ]
        else:
            calls = [t.at for t in history if t.channel is Channel.PHONE and t.at < started_at]
        law_caps = [c for c in caps if c.source is not None]
        hit = cap_hit(law_caps, calls, started_at - timedelta(microseconds=1))
        return cap_words(hit, started_at) if hit is not None else ""

    def _check_may_call(self, session: Session, lead: Lead, now: datetime) -> None:
        """Refuse a dial the call list would not propose: caps, calling rules."""
        place = LeadPlace(
            tuple(lead.time_zones or ()), tuple(lead.jurisdictions or ()), lead.consent_basis
        )
        caps = caps_for(self.rules, place)
        longest = max(c.period for c in caps)
        recent = [
            as_utc(t)
            for t in session.scalars(
                select(Attempt.started_at).where(
                    Attempt.lead_id == lead.id,
                    Attempt.started_at > now - longest,
                    Attempt.outcome.is_not(None),
                )
            ).all()
        ]
        team = check_caps(self.rules.caps, lead.attempt_count, recent, now)
        if not team.ok:
            raise UserError(f"{lead.name} may not be called now: {team.reason}")
        hit = cap_hit([c for c in caps if c.source is not None], recent, now)
        if hit is not None:
            raise UserError(f"{lead.name} may not be called now: {cap_words(hit, now)}")
        state = state_for(self.rules, place, now)
        # A lead with no known zone is the agent's call (the list shows it as blocked).
        if state.known and not state.open:
            raise UserError(
                f"{lead.name} is outside calling hours: {why_closed(self.rules, place, state, now)}"
            )
