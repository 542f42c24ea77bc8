"""A deterministic demo database: about 300 realistic leads across US time zones and a
few countries, some with history, voicemail scripts and rapport notes.

The same seed and the same `now` give the same content (names, numbers, history, notes),
so tests and screenshots can rely on it. Row ids are not part of that: every generated
database draws its own random id prefix (`DemoIds`), so two agents who sync their demo
databases to one team server never present as "the same lead" (or attempt, or agent)
two rows that are in fact different. Tests look ids up by content (external
id, name) instead of hard-coding them. Times are relative to `now` so that the call
list looks like a live shift.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import phonenumbers
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leaddesk.domain.clock import as_utc
from leaddesk.domain.outcomes import OUTCOMES, Channel
from leaddesk.paths import resources_dir
from leaddesk.services.demo_content import (
    COMPANY_A,
    COMPANY_B,
    FIRST,
    LAST,
    NOTES,
    PLACE_WEIGHTS,
    PLACES,
    RAPPORT,
    SOURCES,
    TITLES,
)
from leaddesk.services.workspace import DEFAULT_AGENT_KEY
from leaddesk.store.engine import Store
from leaddesk.store.models import (
    Agent,
    AgentStateChange,
    Attempt,
    Callback,
    DncNumber,
    Lead,
    Meta,
    RapportNote,
    VoicemailScript,
)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    leads: int
    attempts: int
    rapport_notes: int
    scripts: int


class DemoIds:
    """The row ids of one generated database: a random prefix made for that database
    (the first 24 characters of a version 4 UUID, 74 random bits) and a counter in
    the last twelve hex digits, like the import's operation ids.

    Unique per database, so two demo databases never share an id. In generation order
    within a database, so wherever a sort falls back to the id (two new leads that
    arrived the same minute), every demo database made from the seed shows the same
    order. Each id still takes the 128 bits of the seeded generator it took when ids
    came from the seed, so the seed keeps giving the same people and history."""

    def __init__(self, rng: random.Random, namespace: uuid.UUID | None = None) -> None:
        self.rng = rng
        self.prefix = str(namespace if namespace is not None else uuid.uuid4())[:24]
        self.count = 0

    def __call__(self) -> str:
        self.rng.getrandbits(128)
        self.count += 1
        return f"{self.prefix}{self.count:012x}"


def _phone(rng: random.Random, country: str, prefix: str) -> tuple[str, str, str]:
    """A realistic (raw, E.164, type) for the place; numbers are in valid ranges."""
    for _ in range(200):
        if country in ("US", "CA"):
            national = f"{prefix}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"
            raw = rng.choice(("({0}) {1}-{2}", "{0}-{1}-{2}", "{0}.{1}.{2}")).format(
                national[:3], national[3:6], national[6:]
            )
        elif country == "GB":
            national = f"0{prefix}{rng.randint(7000, 8999)}{rng.randint(0, 9999):04d}"
            raw = f"{national[:3]} {national[3:7]} {national[7:]}"
        elif country == "DE":
            national = f"0{prefix}{rng.randint(1000000, 99999999)}"
            raw = national
        elif country == "AU":
            national = f"0{prefix}{rng.randint(8000, 9999)}{rng.randint(0, 9999):04d}"
            raw = f"({national[:2]}) {national[2:6]} {national[6:]}"
        else:
            national = f"{prefix}{rng.randint(1000, 9999)}{rng.randint(0, 9999):04d}"
            raw = f"{national[:2]} {national[2:6]} {national[6:]}"
        parsed = phonenumbers.parse(raw, country)
        if phonenumbers.is_valid_number(parsed):
            e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
            kind = phonenumbers.number_type(parsed)
            ptype = {
                phonenumbers.PhoneNumberType.MOBILE: "mobile",
                phonenumbers.PhoneNumberType.FIXED_LINE: "fixed_line",
                phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
            }.get(kind, "other")
            return raw, e164, ptype
    raise RuntimeError(f"no valid demo number for {country} {prefix}")


def load_script_templates() -> dict[str, list[str]]:
    data = json.loads((resources_dir() / "scripts" / "voicemail.json").read_text(encoding="utf-8"))
    stages: dict[str, list[str]] = data["stages"]
    return stages


def seed_scripts(
    session: Session, new_id: Callable[[], str] | None = None
) -> list[VoicemailScript]:
    """Store the default voicemail templates unless the database has some already
    (`new_id` gives their ids; the model's default otherwise)."""
    existing = list(session.scalars(select(VoicemailScript)))
    if existing:
        return existing
    rows = []
    for stage, variants in load_script_templates().items():
        for number, template in enumerate(variants, start=1):
            row = VoicemailScript(stage=stage, variant=number, template=template)
            if new_id is not None:
                row.id = new_id()
            rows.append(row)
    session.add_all(rows)
    session.flush()
    return rows


def has_leads(store: Store) -> bool:
    with store.session() as session:
        return bool(session.scalar(select(func.count()).select_from(Lead)))


def fill_if_empty(store: Store, now: datetime) -> DemoSummary | None:
    """The app's embedded default: a database without any lead gets the demo data."""
    if has_leads(store):
        return None
    return generate(store, now)


def generate(
    store: Store,
    now: datetime,
    *,
    leads: int = 300,
    seed: int = 7,
    agent_name: str = "demo.agent",
    namespace: uuid.UUID | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data; refuses one that already has leads.

    `namespace` fixes the row ids' prefix too (a random one per database when None)."""
    now = as_utc(now).replace(microsecond=0)
    rng = random.Random(seed)
    new_id = DemoIds(rng, namespace)
    with store.transaction() as session:
        if session.scalar(select(func.count()).select_from(Lead)):
            raise ValueError(
                "the database already has leads; demo data goes only into an empty one"
            )
        agent = Agent(
            id=new_id(),
            name=agent_name,
            display_name="Jordan Reyes",
            company="Brightline Solar",
            callback_number="+14155550142",
        )
        supervisor = Agent(
            id=new_id(),
            name="demo.supervisor",
            display_name="Sam Okafor",
            company="Brightline Solar",
            is_supervisor=True,
        )
        colleague = Agent(
            id=new_id(),
            name="demo.colleague",
            display_name="Alex Chen",
            company="Brightline Solar",
        )
        session.add_all([agent, supervisor, colleague])
        session.merge(Meta(key=DEFAULT_AGENT_KEY, value=agent.id))
        scripts = seed_scripts(session, new_id)
        session.flush()

        attempts = notes = 0
        for index in range(leads):
            country, state, city, prefix, zone = rng.choices(PLACES, PLACE_WEIGHTS)[0]
            raw, e164, ptype = _phone(rng, country, prefix)
            first, last = rng.choice(FIRST), rng.choice(LAST)
            company = f"{rng.choice(COMPANY_A)} {rng.choice(COMPANY_B)}"
            owner = agent if index % 10 else colleague
            # A spread of ages: a few fresh leads, most in the last two weeks, some older.
            bucket = rng.random()
            if bucket < 0.08:
                age = timedelta(minutes=rng.randint(1, 90))
            elif bucket < 0.8:
                age = timedelta(hours=rng.uniform(2, 24 * 14))
            else:
                age = timedelta(days=rng.uniform(14, 40))
            arrived = now - age
            lead = Lead(
                id=new_id(),
                source=rng.choice(SOURCES),
                external_id=f"D{index + 1:05d}",
                first_name=first,
                last_name=last,
                company=company,
                title=rng.choice(TITLES),
                email=f"{first}.{last}{index}@example.com".lower(),
                phone_raw=raw,
                phone_e164=e164,
                phone_type=ptype,
                city=city,
                state=state,
                country=country,
                time_zones=[zone],
                tz_source="both",
                # Most demo leads filled in a web form (they asked to be called); every
                # fifth has no consent on record, so the strictest rules show too.
                topic=DEMO_TOPICS[index % len(DEMO_TOPICS)],
                consent_basis="none" if index % 5 == 4 else "inquiry",
                consent_source="" if index % 5 == 4 else "web form (demo)",
                consent_at=None if index % 5 == 4 else arrived,
                arrived_at=arrived,
                created_at=arrived,
                updated_at=arrived,
                owner_id=owner.id,
                status="new",
                next_action_at=arrived,
                next_channel="phone",
            )
            session.add(lead)
            # Fresh leads wait for their first call; a few older ones were never called
            # (the waste LeadDesk exists to show); the rest are somewhere in their cadence.
            if age < timedelta(hours=3):
                history = 0
            else:
                history = rng.choices((0, 1, 2, 3, 4, 6, 8), (1, 4, 3, 3, 3, 2, 2))[0]
            attempts += _history(session, rng, new_id, lead, owner, scripts, history, now)
            if lead.attempt_count and rng.random() < 0.35:
                for kind, text in rng.sample(RAPPORT, rng.randint(1, 3)):
                    session.add(
                        RapportNote(
                            id=new_id(),
                            lead_id=lead.id,
                            agent_id=owner.id,
                            kind=kind,
                            text=text,
                            pinned=rng.random() < 0.3,
                            created_at=lead.last_attempt_at or now,
                            updated_at=lead.last_attempt_at or now,
                        )
                    )
                    notes += 1
            if rng.random() < 0.02:
                lead.do_not_call = True
                lead.status = "do_not_call"
                lead.next_action_at = None
                lead.next_channel = None
                session.merge(DncNumber(phone_e164=e164, source="demo", added_at=arrived))
        session.flush()
        _shifts(session, new_id, [agent, colleague], now)
        return DemoSummary(leads, attempts, notes, len(scripts))


SHIFT_GAP = timedelta(hours=2)  # calls further apart than this are two shifts


def _shifts(
    session: Session, new_id: Callable[[], str], agents: list[Agent], now: datetime
) -> None:
    """The agents' states around their demo calls, as the state bar records a real shift:
    Ready ten minutes before a shift's first call, Offline a quarter of an hour after its
    last (a minute before `now` at the latest: the window that opens the demo logs the
    agent in, as any start does). A shift is a run of calls no more than SHIFT_GAP apart.
    Without them the phone measures would count dials per hour over the calls' whole
    span, nights included."""
    for agent in agents:
        times = sorted(
            as_utc(at)
            for at in session.scalars(
                select(Attempt.started_at).where(
                    Attempt.agent_id == agent.id, Attempt.channel == Channel.PHONE.value
                )
            )
        )
        shifts: list[list[datetime]] = []
        for at in times:
            if shifts and at - shifts[-1][-1] <= SHIFT_GAP:
                shifts[-1].append(at)
            else:
                shifts.append([at])
        for calls in shifts:
            end = max(calls[-1], min(calls[-1] + timedelta(minutes=15), now - timedelta(minutes=1)))
            for state, at in (("ready", calls[0] - timedelta(minutes=10)), ("offline", end)):
                session.add(
                    AgentStateChange(id=new_id(), agent_id=agent.id, state=state, started_at=at)
                )


# What demo leads asked about, as the scripts say it ("You asked us about ...").
DEMO_TOPICS = ("rooftop solar", "a home battery", "a solar quote", "solar for your business")


def _inside_hours(at: datetime, zone: ZoneInfo, rng: random.Random) -> datetime:
    """Move a demo attempt into the lead's local calling hours (09:00 to 20:00)."""
    local = at.astimezone(zone)
    if local.hour < 9:
        local = local.replace(hour=9, minute=rng.randint(0, 59))
    elif local.hour >= 20:
        local = (local + timedelta(days=1)).replace(hour=9, minute=rng.randint(0, 59))
    return local.astimezone(UTC)


def _history(
    session: Session,
    rng: random.Random,
    new_id: DemoIds,
    lead: Lead,
    agent: Agent,
    scripts: list[VoicemailScript],
    count: int,
    now: datetime,
) -> int:
    """Log `count` plausible attempts through the real cadence rules, oldest first."""
    from leaddesk.domain.cadence import LeadProgress, plan_next
    from leaddesk.domain.jurisdictions import LeadPlace, lead_jurisdictions, next_open_for
    from leaddesk.domain.outcomes import LeadStatus
    from leaddesk.services.cadences import default_cadence
    from leaddesk.services.rules import default_rules

    cadence = default_cadence()
    zone = ZoneInfo(lead.time_zones[0])
    rules = default_rules()
    place = LeadPlace(
        tuple(lead.time_zones),
        lead_jurisdictions(lead.phone_e164, lead.country, lead.state),
        lead.consent_basis,
    )

    def legal(at: datetime) -> datetime | None:
        # Demo calls keep the lead's calling rules, as an agent working the list does
        # (None: the rules allow no call at all, as Arizona's without consent).
        return next_open_for(rules, place, at)

    first = legal(
        _inside_hours(lead.arrived_at + timedelta(minutes=rng.randint(2, 240)), zone, rng)
    )
    if first is None:
        return 0
    at = first
    made = 0
    open_callbacks: list[Callback] = []
    for number in range(count):
        if at >= now - timedelta(minutes=5):
            break
        channel = Channel(lead.next_channel or "phone")
        if channel is Channel.PHONE:
            outcome = rng.choices(
                (
                    "no_answer",
                    "voicemail_left",
                    "voicemail_no_message",
                    "connected",
                    "busy",
                    "callback",
                    "not_interested",
                    "qualified",
                    "wrong_number",
                ),
                (30, 30, 5, 12, 6, 5, 4, 3, 1),
            )[0]
        else:
            outcome = {"email": "email_sent", "sms": "text_sent", "social": "social_touch"}[
                channel.value
            ]
            if rng.random() < 0.08:
                outcome = "replied"
        if channel not in OUTCOMES[outcome].channels:
            outcome = "no_answer"
        callback_at = None
        if outcome == "callback":
            callback_at = at + timedelta(days=1, hours=rng.randint(-3, 3))
            if number == count - 1 or callback_at > now - timedelta(minutes=30):
                # The last promise made is still ahead: due later in this shift or soon.
                callback_at = max(
                    at + timedelta(minutes=15), now + timedelta(minutes=rng.randint(-90, 240))
                )
        script = rng.choice(scripts) if outcome == "voicemail_left" else None
        duration = (
            rng.randint(60, 900)
            if OUTCOMES[outcome].reached and channel is Channel.PHONE
            else (rng.randint(20, 35) if script else None)
        )
        attempt = Attempt(
            id=new_id(),
            lead_id=lead.id,
            agent_id=agent.id,
            channel=channel.value,
            outcome=outcome,
            note=rng.choice(NOTES) if OUTCOMES[outcome].reached else "",
            duration_s=duration,
            started_at=at,
            ended_at=at + timedelta(seconds=duration or 30),
            script_id=script.id if script else None,
            script_words=len(script.template.split()) if script else None,
            callback_at=callback_at,
            cadence_step=lead.cadence_step,
            created_at=at,
        )
        session.add(attempt)
        made += 1
        progress = LeadProgress(
            LeadStatus(lead.status),
            lead.cadence_step,
            lead.first_attempt_at,
            lead.status == "reached",
        )
        nxt = plan_next(cadence, progress, outcome, at, callback_at)
        lead.attempt_count += 1
        lead.call_count += channel is Channel.PHONE
        lead.first_attempt_at = lead.first_attempt_at or at
        lead.last_attempt_at = at
        lead.last_outcome = outcome
        lead.status = nxt.status.value
        lead.cadence_step = nxt.cadence_step
        lead.next_action_at = nxt.at
        lead.next_channel = nxt.channel.value if nxt.channel else None
        lead.phone_bad = lead.phone_bad or nxt.phone_bad
        if channel is Channel.PHONE:
            for callback in open_callbacks:
                if callback.done_at is None and callback.due_at <= at:
                    callback.done_at = at
        if callback_at is not None:
            open_callbacks.append(
                Callback(
                    id=new_id(),
                    lead_id=lead.id,
                    agent_id=agent.id,
                    attempt_id=attempt.id,
                    due_at=callback_at,
                )
            )
            session.add(open_callbacks[-1])
        if nxt.at is None:
            break
        following = legal(_inside_hours(nxt.at + timedelta(minutes=rng.randint(0, 180)), zone, rng))
        if following is None:
            break
        at = following
    if (
        lead.status != "callback"
        and lead.next_action_at is not None
        and lead.next_action_at < now - timedelta(days=2)
    ):
        # A demo shift is a well-kept one: follow-ups are due today, not weeks ago.
        lead.next_action_at = now - timedelta(minutes=rng.randint(0, 36 * 60))
    return made
