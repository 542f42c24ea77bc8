"""One lead as the agent sees it before dialing: the lead card and its history.

`LeadService.detail` gathers, in one read, everything the card shows: names, the number
in national and international form, the lead's local time and whether a call is allowed
now, where the lead is in its cadence, how long it has waited, and every attempt on
every channel. It returns plain frozen dataclasses that may cross threads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from sqlalchemy import select

from leaddesk.domain.calling_hours import CallingRules, zones_of
from leaddesk.domain.clock import as_utc
from leaddesk.domain.jurisdictions import CONSENT_BASES, LeadPlace, state_for, why_closed
from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.services.cadences import cadence_for
from leaddesk.services.calllist import CallListService
from leaddesk.services.errors import NotFound, UserError
from leaddesk.services.outbox import enqueue, lead_payload
from leaddesk.services.rules import default_rules
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Agent, Attempt, Callback, Lead


@dataclass(frozen=True, slots=True)
class AttemptInfo:
    attempt_id: str
    at: datetime
    channel: str
    outcome: str | None  # None: a dial not wrapped up yet
    outcome_label: str
    agent_name: str
    note: str
    duration_s: int | None
    callback_at: datetime | None


@dataclass(frozen=True, slots=True)
class CallingCheck:
    callable: bool
    reason: str


@dataclass(frozen=True, slots=True)
class LeadDetail:
    lead_id: str
    name: str
    first_name: str
    company: str
    title: str
    email: str
    phone_e164: str | None
    phone_national: str
    phone_international: str
    phone_type: str
    phone_bad: bool
    do_not_call: bool
    place: str  # "Chicago, IL, US"
    time_zones: tuple[str, ...]
    local_time: datetime | None  # now, in the lead's (first) zone
    callable: bool
    reason: str
    status: str
    attempt_number: int  # the attempt the next touch will be (1-based)
    cadence_length: int
    cadence_name: str
    next_step_label: str
    next_action_at: datetime | None
    next_channel: str | None
    arrived_at: datetime
    age_s: float  # since arrival, at `as_of`
    first_attempt_at: datetime | None
    speed_to_lead_s: float | None  # arrival to first attempt
    callback_due_at: datetime | None
    last_attempt: AttemptInfo | None
    history: tuple[AttemptInfo, ...]  # newest first, every channel
    as_of: datetime
    jurisdictions: tuple[str, ...] = ()  # "US-FL", "CA-ON", "FR" (see domain/jurisdictions)
    consent_basis: str = "none"
    consent_source: str = ""
    consent_at: datetime | None = None
    section: str = ""  # the call list's section ("later", "blocked", ...), "" if not listed
    hours_open: bool = False  # inside the lead's calling hours now (whatever its cadence)
    hours_reason: str = ""  # the calling hours' words ("outside calling hours: ...")
    next_step_template: str = ""  # the next written step's message, where the cadence has one
    salutation: str = ""
    # The lead file's columns no field took, (header, text) in the file's order:
    # shown on the card as "From the file".
    from_file: tuple[tuple[str, str], ...] = ()
    shared_number: bool = False  # another person has this number (a switchboard)

    @property
    def never_attempted(self) -> bool:
        return self.first_attempt_at is None


def format_numbers(e164: str | None, raw: str) -> tuple[str, str]:
    """(national, international) forms of a number; the raw text where it does not parse."""
    if not e164:
        return raw, raw
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return raw or e164, e164
    return (
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL),
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
    )


def _zones(names: list[str]) -> list[ZoneInfo]:
    zones = []
    for name in names:
        try:
            zones.append(ZoneInfo(name))
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return zones


def calling_check(
    time_zones: list[str] | tuple[str, ...],
    at: datetime,
    rules: CallingRules | None = None,
    jurisdictions: Sequence[str] = (),
    consent: str = "none",
) -> CallingCheck:
    """Whether `at` is inside every calling rule of the lead (`rules`: a workspace's,
    else the shipped ones)."""
    at = as_utc(at)
    rules = rules or default_rules()
    place = LeadPlace(tuple(time_zones), tuple(jurisdictions), consent)
    if zones_of(list(time_zones)) is None:
        return CallingCheck(True, "time zone unknown: confirm the time with the lead")
    state = state_for(rules, place, at)
    if state.open:
        zones = _zones(list(time_zones))
        there = f"{at.astimezone(zones[0]):%H:%M} there, " if zones else ""
        return CallingCheck(True, f"{there}inside calling hours")
    return CallingCheck(False, why_closed(rules, place, state, at))


def _place(lead: Lead) -> str:
    return ", ".join(part for part in (lead.city, lead.state, lead.country) if part)


class LeadService:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def detail(self, lead_id: str) -> LeadDetail:
        now = as_utc(self.ws.clock())
        with self.ws.store.session() as session:
            lead = session.get(Lead, lead_id)
            if lead is None or lead.deleted_at is not None:
                raise NotFound(f"no lead with id {lead_id!r}")
            rows = session.execute(
                select(Attempt, Agent.display_name, Agent.name)
                .join(Agent, Agent.id == Attempt.agent_id)
                .where(Attempt.lead_id == lead_id)
                .order_by(Attempt.started_at.desc(), Attempt.created_at.desc())
            ).all()
            # A correction supersedes an earlier attempt: show the correction only.
            superseded = {a.supersedes_id for a, _, _ in rows if a.supersedes_id}
            history = tuple(
                AttemptInfo(
                    a.id,
                    a.started_at,
                    a.channel,
                    a.outcome,
                    OUTCOMES[a.outcome].label
                    if a.outcome in OUTCOMES
                    else (a.outcome or "Dialing…"),
                    display or name,
                    a.note,
                    a.duration_s,
                    a.callback_at,
                )
                for a, display, name in rows
                # An attempt taken back (an undo): a correction with no outcome, ended.
                if a.id not in superseded and not (a.outcome is None and a.ended_at is not None)
            )
            callback_due = session.scalar(
                select(Callback.due_at)
                .where(Callback.lead_id == lead_id, Callback.done_at.is_(None))
                .order_by(Callback.due_at)
                .limit(1)
            )
            cadence = cadence_for(session, lead.cadence_id, self.ws.cadence)
            step = cadence.step(lead.cadence_step)
            national, international = format_numbers(lead.phone_e164, lead.phone_raw)
            zones = _zones(list(lead.time_zones))
            local = now.astimezone(zones[0]) if zones else None
            if lead.do_not_call:
                check = CallingCheck(False, "on the do-not-call list")
            elif lead.phone_bad or not lead.phone_e164:
                check = CallingCheck(False, "no good phone number")
            else:
                check = calling_check(
                    lead.time_zones,
                    now,
                    self.ws.rules,
                    lead.jurisdictions,
                    lead.consent_basis,
                )
            hours = calling_check(
                lead.time_zones, now, self.ws.rules, lead.jurisdictions, lead.consent_basis
            )
            hours_open = (
                not lead.do_not_call and not lead.phone_bad and bool(lead.phone_e164)
            ) and hours.callable
            entry = CallListService(self.ws).entry(lead_id)
            if entry is not None:
                # The list's own words: caps and budgets included, not only the hours.
                check = CallingCheck(entry.callable, entry.reason)
            done = [h for h in history if h.outcome is not None]
            return LeadDetail(
                lead_id=lead.id,
                name=lead.name,
                first_name=lead.first_name,
                company=lead.company,
                title=lead.title,
                email=lead.email or "",
                phone_e164=lead.phone_e164,
                phone_national=national,
                phone_international=international,
                phone_type=lead.phone_type,
                phone_bad=lead.phone_bad,
                do_not_call=lead.do_not_call,
                place=_place(lead),
                time_zones=tuple(lead.time_zones),
                local_time=local,
                callable=check.callable,
                reason=check.reason,
                status=lead.status,
                attempt_number=lead.attempt_count + 1,
                cadence_length=len(cadence.steps),
                cadence_name=cadence.name,
                next_step_label=step.label if step else "cadence finished",
                next_action_at=lead.next_action_at,
                next_channel=lead.next_channel,
                arrived_at=lead.arrived_at,
                age_s=max(0.0, (now - lead.arrived_at).total_seconds()),
                first_attempt_at=lead.first_attempt_at,
                speed_to_lead_s=(
                    (lead.first_attempt_at - lead.arrived_at).total_seconds()
                    if lead.first_attempt_at
                    else None
                ),
                callback_due_at=callback_due,
                last_attempt=done[0] if done else None,
                history=history,
                as_of=now,
                jurisdictions=tuple(lead.jurisdictions or ()),
                consent_basis=lead.consent_basis,
                consent_source=lead.consent_source,
                consent_at=lead.consent_at,
                section=entry.section if entry is not None else "",
                hours_open=hours_open,
                hours_reason=hours.reason,
                next_step_template=step.template if step else "",
                salutation=lead.salutation or "",
                from_file=tuple((str(k), str(v)) for k, v in (lead.extra or {}).items()),
                shared_number=bool(lead.shared_number),
            )

    def set_consent(self, lead_id: str, basis: str, source: str) -> None:
        """Record why the lead may be called (a consent basis, where it was given); the
        rules that exempt that basis stop applying to the lead. Kept against imports
        (an edited field) and synced like any edit of the lead."""
        if basis not in CONSENT_BASES:
            raise UserError(f"consent basis {basis!r} is not one of {', '.join(CONSENT_BASES)}")
        source = " ".join(source.split())
        if basis != "none" and not source:
            raise UserError("say where and when the consent was given (e.g. web form, 1 Dec)")
        if len(source) > 200:
            raise UserError(f"the consent source is {len(source)} characters; 200 at most")
        now = as_utc(self.ws.clock())
        with self.ws.store.transaction() as session:
            lead = session.get(Lead, lead_id)
            if lead is None or lead.deleted_at is not None:
                raise NotFound(f"no lead with id {lead_id!r}")
            version = lead.version
            lead.consent_basis = basis
            lead.consent_source = f"{source} (recorded by {self.ws.agent.name})" if source else ""
            lead.consent_at = now if basis != "none" else None
            edited = list(lead.edited_fields or [])
            for name in ("consent_basis", "consent_source", "consent_at"):
                if name not in edited:
                    edited.append(name)
            lead.edited_fields = edited
            lead.version = version + 1
            lead.updated_at = now
            session.flush()
            enqueue(session, "lead", lead.id, lead_payload(lead), base_version=version)

    def check_callback(self, lead_id: str, at: datetime) -> CallingCheck:
        """Whether a callback at `at` falls inside the lead's calling hours (the agent's)."""
        with self.ws.store.session() as session:
            lead = session.get(Lead, lead_id)
            if lead is None:
                raise NotFound(f"no lead with id {lead_id!r}")
            zones = list(lead.time_zones)
            codes, consent = list(lead.jurisdictions), lead.consent_basis
        if as_utc(at) <= as_utc(self.ws.clock()):
            return CallingCheck(False, "the time is in the past")
        return calling_check(zones, at, self.ws.rules, codes, consent)

    def tomorrow_same_local_time(self, lead_id: str) -> datetime:
        """Now plus one day on the lead's wall clock (DST-safe), in UTC."""
        now = as_utc(self.ws.clock())
        with self.ws.store.session() as session:
            lead = session.get(Lead, lead_id)
            if lead is None:
                raise NotFound(f"no lead with id {lead_id!r}")
            zones = _zones(list(lead.time_zones))
        if not zones:
            return now + timedelta(days=1)
        local = now.astimezone(zones[0])
        return as_utc((local.replace(tzinfo=None) + timedelta(days=1)).replace(tzinfo=zones[0]))
