"""SQLAlchemy 2 models of the local store (and of the team server, which shares them).

Every row has a client-made UUID key so that laptops can create rows offline and sync
them later without clashes. Every timestamp is an aware UTC datetime (`UTCDateTime`).
The attempt log is append-only: a correction is a new attempt whose `supersedes_id`
names the one it replaces.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Dialect,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from leaddesk.domain.jurisdictions import lead_jurisdictions


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend.

    SQLite keeps naive ISO text (which sorts in time order); PostgreSQL keeps
    `timestamptz`. Values come back aware in UTC either way. A naive value given to
    the store is refused: it is a bug to guess its zone.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given to the store; use an aware UTC time")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[str]: JSON()}

    def __init__(self, **kwargs: Any) -> None:
        # Apply column defaults at construction, not only at flush, so that a new row's
        # id, counters and lists can be used at once (services read them before flushing).
        for column in type(self).__table__.columns:
            default = column.default
            if column.key in kwargs or default is None:
                continue
            if default.is_scalar:
                kwargs[column.key] = default.arg
            elif default.is_callable:
                kwargs[column.key] = default.arg(None)
        cls = type(self)
        for key, value in kwargs.items():
            if not hasattr(cls, key):
                raise TypeError(f"{key!r} is an invalid keyword argument for {cls.__name__}")
            setattr(self, key, value)


class Meta(Base):
    """Small key/value facts about this database (default agent, device id, sync cursor)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Agent(Base):
    __tablename__ = "agent"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    company: Mapped[str] = mapped_column(String(200), default="")
    callback_number: Mapped[str] = mapped_column(String(40), default="")
    is_supervisor: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Lead(Base):
    __tablename__ = "lead"
    __table_args__ = (
        Index("ix_lead_owner_status_next", "owner_id", "status", "next_action_at"),
        Index("ix_lead_owner_arrived", "owner_id", "arrived_at"),
        Index("ix_lead_phone_e164", "phone_e164"),
        Index("ix_lead_email", "email"),
        Index("ix_lead_external", "source", "external_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    # Where the lead came from: the import format and the id it had there.
    source: Mapped[str] = mapped_column(String(40), default="manual")
    external_id: Mapped[str | None] = mapped_column(String(120))

    first_name: Mapped[str] = mapped_column(String(120), default="")
    last_name: Mapped[str] = mapped_column(String(120), default="")
    company: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    # What the lead asked about (an Interest, Campaign or Topic column): scripts say it.
    topic: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(254))

    phone_raw: Mapped[str] = mapped_column(String(80), default="")
    phone_e164: Mapped[str | None] = mapped_column(String(20))
    phone_type: Mapped[str] = mapped_column(String(20), default="unknown")
    phone_ext: Mapped[str] = mapped_column(String(20), default="")
    phone_bad: Mapped[bool] = mapped_column(Boolean, default=False)
    # Alternate numbers, E.164 where they parsed, else the raw text.
    alt_phones: Mapped[list[str]] = mapped_column(default=list)

    address: Mapped[str] = mapped_column(String(400), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    state: Mapped[str] = mapped_column(String(120), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(2), default="")  # ISO 3166 alpha-2

    # Every candidate IANA zone; calling hours must hold in all of them.
    time_zones: Mapped[list[str]] = mapped_column(default=list)
    tz_source: Mapped[str] = mapped_column(String(20), default="")  # number, address, both, manual
    # Every candidate jurisdiction ("US-FL", "CA-ON", "FR"; "US" alone: state unknown),
    # from the number and the address; kept in step with them by `_place_lead` below.
    jurisdictions: Mapped[list[str]] = mapped_column(default=list)
    # Why the lead may be called: none, inquiry, express_written, ebr (see jurisdictions.py);
    # where that was recorded (the file, the form, the agent) and when.
    consent_basis: Mapped[str] = mapped_column(String(20), default="none")
    consent_source: Mapped[str] = mapped_column(String(200), default="")
    consent_at: Mapped[datetime | None] = mapped_column()

    arrived_at: Mapped[datetime] = mapped_column(default=utcnow)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("agent.id"))
    status: Mapped[str] = mapped_column(String(20), default="new")
    do_not_call: Mapped[bool] = mapped_column(Boolean, default=False)
    next_action_at: Mapped[datetime | None] = mapped_column()
    next_channel: Mapped[str | None] = mapped_column(String(10))
    cadence_id: Mapped[str | None] = mapped_column(ForeignKey("cadence.id"))
    cadence_step: Mapped[int] = mapped_column(Integer, default=0)
    attempt_count: Mapped[int] = mapped_column(Integer, default=0)
    call_count: Mapped[int] = mapped_column(Integer, default=0)
    first_attempt_at: Mapped[datetime | None] = mapped_column()
    last_attempt_at: Mapped[datetime | None] = mapped_column()
    last_outcome: Mapped[str | None] = mapped_column(String(30))
    notes: Mapped[str] = mapped_column(Text, default="")
    # Fields an agent changed by hand: an import never overwrites them.
    edited_fields: Mapped[list[str]] = mapped_column(default=list)

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column()
    # From an import: the salutation (Mr, Ms), the file's columns no field took
    # (header -> text, shown on the card as "From the file"), and whether another
    # lead (another person) has the same number: a switchboard.
    salutation: Mapped[str] = mapped_column(String(20), default="", server_default="")
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")
    shared_number: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    owner: Mapped[Agent | None] = relationship()

    @property
    def name(self) -> str:
        full = f"{self.first_name} {self.last_name}".strip()
        return full or self.company or self.phone_raw or "(no name)"


class Attempt(Base):
    """One touch on one channel. Append-only: rows are never updated after wrap-up.

    A dial in progress is an attempt with `outcome` None (pending); it is wrapped up
    exactly once by setting the outcome, and then never changes again.
    """

    __tablename__ = "attempt"
    __table_args__ = (
        Index("ix_attempt_lead_started", "lead_id", "started_at"),
        Index("ix_attempt_agent_started", "agent_id", "started_at"),
        Index("ix_attempt_pending", "agent_id", "outcome"),
        # Reports replace a superseded attempt by its correction.
        Index("ix_attempt_supersedes", "supersedes_id"),
        # Returned calls, read apart from the report aggregates (which do not split them).
        Index(
            "ix_attempt_inbound",
            "started_at",
            sqlite_where=text("direction = 'inbound'"),
            postgresql_where=text("direction = 'inbound'"),
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    lead_id: Mapped[str] = mapped_column(ForeignKey("lead.id"))
    agent_id: Mapped[str] = mapped_column(ForeignKey("agent.id"))
    channel: Mapped[str] = mapped_column(String(10))
    outcome: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    duration_s: Mapped[int | None] = mapped_column(Integer)
    ring_s: Mapped[int | None] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column()
    ended_at: Mapped[datetime | None] = mapped_column()
    script_id: Mapped[str | None] = mapped_column(ForeignKey("voicemail_script.id"))
    script_words: Mapped[int | None] = mapped_column(Integer)
    callback_at: Mapped[datetime | None] = mapped_column()
    cadence_step: Mapped[int | None] = mapped_column(Integer)
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("attempt.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A phone attempt made at a moment the lead's calling rules forbid: recorded (a call
    # that happened is never lost) and flagged for the supervisor.
    outside_rules: Mapped[bool] = mapped_column(Boolean, default=False)
    # A call made outside LeadDesk, recorded after the fact (no dial record).
    manual: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # "outbound" (the agent called) or "inbound" (the lead called back: a returned call).
    direction: Mapped[str] = mapped_column(
        String(10), default="outbound", server_default="outbound"
    )
    # Seconds from the hang-up to the outcome being logged (the agent's wrap-up), when
    # the hang-up is known (a dialed call, or a call logged with its duration).
    wrapup_s: Mapped[int | None] = mapped_column(Integer)

    # Relationships order the inserts (a lead before its attempts); code uses the ids.
    lead: Mapped[Lead] = relationship()
    agent: Mapped[Agent] = relationship()


class RapportNote(Base):
    __tablename__ = "rapport_note"
    __table_args__ = (Index("ix_rapport_lead", "lead_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    lead_id: Mapped[str] = mapped_column(ForeignKey("lead.id"))
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("agent.id"))
    attempt_id: Mapped[str | None] = mapped_column(ForeignKey("attempt.id"))
    kind: Mapped[str] = mapped_column(String(20), default="other")
    text: Mapped[str] = mapped_column(Text)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column()

    lead: Mapped[Lead] = relationship()


class VoicemailScript(Base):
    """An editable voicemail template for one stage of the cadence."""

    __tablename__ = "voicemail_script"
    __table_args__ = (UniqueConstraint("team", "stage", "variant"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    team: Mapped[str] = mapped_column(String(80), default="")
    stage: Mapped[str] = mapped_column(String(20))  # introduce, add_value, offer_time, close_file
    variant: Mapped[int] = mapped_column(Integer, default=1)
    template: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Cadence(Base):
    """A planned sequence of touches; `steps` is a list of {channel, day, ...} dicts."""

    __tablename__ = "cadence"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    team: Mapped[str] = mapped_column(String(80), default="")
    steps: Mapped[list[Any]] = mapped_column(JSON, default=list)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Callback(Base):
    """A time the lead asked to be called; it outranks everything at its time."""

    __tablename__ = "callback"
    __table_args__ = (Index("ix_callback_open", "done_at", "due_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    lead_id: Mapped[str] = mapped_column(ForeignKey("lead.id"))
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("agent.id"))
    attempt_id: Mapped[str | None] = mapped_column(ForeignKey("attempt.id"))
    due_at: Mapped[datetime] = mapped_column()
    done_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    lead: Mapped[Lead] = relationship()


class AgentStateChange(Base):
    """One change of the agent's state (ready, on_call, wrap_up, paused, offline): the
    state holds from `started_at` until the agent's next change. Append-only."""

    __tablename__ = "agent_state"
    __table_args__ = (Index("ix_agent_state_agent_started", "agent_id", "started_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agent.id"))
    state: Mapped[str] = mapped_column(String(12))
    # For a pause: its reason code (break, training, meeting, or one the team defines).
    reason: Mapped[str] = mapped_column(String(40), default="", server_default="")
    started_at: Mapped[datetime] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DncNumber(Base):
    """A number on the do-not-call list (E.164)."""

    __tablename__ = "dnc_number"

    phone_e164: Mapped[str] = mapped_column(String(20), primary_key=True)
    source: Mapped[str] = mapped_column(String(40), default="manual")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class DncAudit(Base):
    """Who put a number on the do-not-call list or took it off, when and why."""

    __tablename__ = "dnc_audit"
    __table_args__ = (Index("ix_dnc_audit_phone", "phone_e164", "at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    phone_e164: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(10))  # add or remove
    agent_id: Mapped[str | None] = mapped_column(String(36))
    agent_name: Mapped[str] = mapped_column(String(120), default="")
    lead_id: Mapped[str | None] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)


class OwnerAlias(Base):
    """What a lead file writes in its owner column (a name, an email, a CRM's owner
    id), lower case, mapped to an agent. Supervisors edit it; `source` "" applies to
    every format, else to one ("hubspot", "salesforce", "vicidial")."""

    __tablename__ = "owner_alias"

    source: Mapped[str] = mapped_column(String(40), primary_key=True, default="")
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agent.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Outbox(Base):
    """Changes waiting to be pushed to the team server, written in the same transaction
    as the change itself. `seq` gives the order; `op_id` makes the push idempotent."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    base_version: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# -- team sync (server side unless noted) ----------------------------------------------


class AgentToken(Base):
    """A server access token, kept only as its SHA-256: the token is shown once. A token
    issued for a named device replaces that device's earlier one; it stops working at
    `expires_at` (None: never) or when revoked."""

    __tablename__ = "agent_token"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    agent_id: Mapped[str] = mapped_column(ForeignKey("agent.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column()
    device: Mapped[str] = mapped_column(String(80), default="", server_default="")
    expires_at: Mapped[datetime | None] = mapped_column()


class AuthAudit(Base):
    """What happened to access: a token issued or revoked, an agent promoted, a failed
    authentication. Never a token or its hash; `client` is the caller's address."""

    __tablename__ = "auth_audit"
    __table_args__ = (
        Index("ix_auth_audit_at", "at"),
        # Failed authentications per address in a window, counted by every server process.
        Index("ix_auth_audit_client_at", "client", "at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    event: Mapped[str] = mapped_column(String(20))  # issue, revoke, promote, auth_failed
    agent: Mapped[str | None] = mapped_column(String(120))  # whom it is about
    actor: Mapped[str | None] = mapped_column(String(120))  # who did it (None: the console)
    device: Mapped[str] = mapped_column(String(80), default="")
    client: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(String(200), default="")


class AttemptDay(Base):
    """Effective attempts per agent, UTC day, channel and outcome: kept by triggers on
    `attempt` (leaddesk.store.aggregates) for reports that stay instant."""

    __tablename__ = "attempt_day"
    __table_args__ = (Index("ix_attempt_day_day", "day"),)

    agent_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # YYYY-MM-DD, UTC
    channel: Mapped[str] = mapped_column(String(10), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(30), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer)
    words_sum: Mapped[int] = mapped_column(Integer)  # voicemail scripts left
    words_count: Mapped[int] = mapped_column(Integer)
    outside: Mapped[int] = mapped_column(Integer)  # made outside the calling rules
    words_max: Mapped[int] = mapped_column(Integer)


class LeadSummary(Base):
    """A lead's effective attempts as the report sees them: kept by triggers on
    `attempt` (leaddesk.store.aggregates)."""

    __tablename__ = "lead_summary"

    lead_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    first_at: Mapped[datetime] = mapped_column()
    n: Mapped[int] = mapped_column(Integer)
    first_call: Mapped[int] = mapped_column(Integer)  # the first touch was a call
    retry_due: Mapped[int] = mapped_column(Integer)  # the first touch asks for another
    reached_k: Mapped[int | None] = mapped_column(Integer)  # rank of the first reaching one


class LeadFact(Base):
    """One lead not deleted, its class as the report sees it: kept by triggers on `lead`
    and `lead_summary` (leaddesk.store.aggregates). Speed-to-lead percentiles are read by
    rank from its indexes."""

    __tablename__ = "lead_fact"
    __table_args__ = (
        # Leads with a speed only: a lead imported (never contacted) writes neither.
        Index(
            "ix_lead_fact_owner_speed",
            "owner_id",
            "bucket",
            "speed",
            "arrived_at",
            sqlite_where=text("speed IS NOT NULL"),
            postgresql_where=text("speed IS NOT NULL"),
        ),
        Index(
            "ix_lead_fact_speed",
            "bucket",
            "speed",
            "arrived_at",
            sqlite_where=text("speed IS NOT NULL"),
            postgresql_where=text("speed IS NOT NULL"),
        ),
        Index("ix_lead_fact_arrived", "arrived_at"),
    )

    lead_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(36))  # "" for a lead nobody owns
    arrived_at: Mapped[datetime] = mapped_column()
    day: Mapped[str] = mapped_column(String(10))  # of arrival, YYYY-MM-DD, UTC
    persist: Mapped[int] = mapped_column(Integer)  # attempts until reached (0: none)
    first_call: Mapped[int] = mapped_column(Integer)
    retry_due: Mapped[int] = mapped_column(Integer)
    second: Mapped[int] = mapped_column(Integer)
    speed: Mapped[int | None] = mapped_column(BigInteger)  # whole seconds to first attempt
    bucket: Mapped[int] = mapped_column(Integer)  # SPEED_BUCKETS index, -1: no attempt


class LeadDay(Base):
    """Leads per owner, UTC arrival day and class: kept by triggers on `lead_fact`. The
    key puts the day last so that summing over days reads the table in its order."""

    __tablename__ = "lead_day"
    __table_args__ = (
        PrimaryKeyConstraint(
            "owner_id", "persist", "first_call", "retry_due", "second", "bucket", "day"
        ),
        {"sqlite_with_rowid": False},
    )

    owner_id: Mapped[str] = mapped_column(String(36))
    day: Mapped[str] = mapped_column(String(10))
    persist: Mapped[int] = mapped_column(Integer)
    first_call: Mapped[int] = mapped_column(Integer)
    retry_due: Mapped[int] = mapped_column(Integer)
    second: Mapped[int] = mapped_column(Integer)
    bucket: Mapped[int] = mapped_column(Integer)
    leads: Mapped[int] = mapped_column(Integer)


class CallDay(Base):
    """Effective phone attempts per agent, UTC day, direction and reached, with their
    times and how many started in each UTC hour (h00 to h23): kept by triggers on
    `attempt` (leaddesk.store.aggregates)."""

    __tablename__ = "call_day"
    __table_args__ = (
        PrimaryKeyConstraint("agent_id", "direction", "reached", "day"),
        {"sqlite_with_rowid": False},
    )

    agent_id: Mapped[str] = mapped_column(String(36))
    day: Mapped[str] = mapped_column(String(10))
    direction: Mapped[str] = mapped_column(String(10))
    reached: Mapped[int] = mapped_column(Integer)
    calls: Mapped[int] = mapped_column(Integer)
    talk_s: Mapped[int] = mapped_column(BigInteger)
    wrapup_s: Mapped[int] = mapped_column(BigInteger)
    handled: Mapped[int] = mapped_column(Integer)
    handled_talk_s: Mapped[int] = mapped_column(BigInteger)
    handled_wrapup_s: Mapped[int] = mapped_column(BigInteger)
    first_start: Mapped[int] = mapped_column(BigInteger)  # Unix seconds
    last_end: Mapped[int] = mapped_column(BigInteger)  # start + ring + talk + wrap-up
    h00: Mapped[int] = mapped_column(Integer)
    h01: Mapped[int] = mapped_column(Integer)
    h02: Mapped[int] = mapped_column(Integer)
    h03: Mapped[int] = mapped_column(Integer)
    h04: Mapped[int] = mapped_column(Integer)
    h05: Mapped[int] = mapped_column(Integer)
    h06: Mapped[int] = mapped_column(Integer)
    h07: Mapped[int] = mapped_column(Integer)
    h08: Mapped[int] = mapped_column(Integer)
    h09: Mapped[int] = mapped_column(Integer)
    h10: Mapped[int] = mapped_column(Integer)
    h11: Mapped[int] = mapped_column(Integer)
    h12: Mapped[int] = mapped_column(Integer)
    h13: Mapped[int] = mapped_column(Integer)
    h14: Mapped[int] = mapped_column(Integer)
    h15: Mapped[int] = mapped_column(Integer)
    h16: Mapped[int] = mapped_column(Integer)
    h17: Mapped[int] = mapped_column(Integer)
    h18: Mapped[int] = mapped_column(Integer)
    h19: Mapped[int] = mapped_column(Integer)
    h20: Mapped[int] = mapped_column(Integer)
    h21: Mapped[int] = mapped_column(Integer)
    h22: Mapped[int] = mapped_column(Integer)
    h23: Mapped[int] = mapped_column(Integer)


class CallRank(Base):
    """A listed lead's call-list key, kept by triggers on `lead` and `dnc_number`
    (leaddesk.store.call_rank): the call list walks its index a section at a time."""

    __tablename__ = "call_rank"
    __table_args__ = (
        # Ordered walks of one group: follow-ups, callbacks, later, blocked (a place key is
        # at most a few hundred characters: IANA zones, a few jurisdictions, a consent).
        Index(
            "ix_call_rank_walk",
            "owner_id",
            "grp",
            "voice",
            "next_at",
            "lead_id",
            "attempts",
            "place",
        ),
        # New leads in arrival order.
        Index(
            "ix_call_rank_new",
            "owner_id",
            "grp",
            "voice",
            "arrived_at",
            "lead_id",
            "attempts",
            "place",
            sqlite_where=text("grp = 1"),
            postgresql_where=text("grp = 1"),
        ),
        # The leads of a place with a law's cap (France: 4 calls in 30 days); the counts
        # per section, grouped by place, read from it alone.
        Index("ix_call_rank_place", "owner_id", "place", "grp", "voice", "next_at", "attempts"),
    )

    lead_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_id: Mapped[str | None] = mapped_column(String(36))
    grp: Mapped[int] = mapped_column(Integer)
    voice: Mapped[int] = mapped_column(Integer)
    next_at: Mapped[datetime | None] = mapped_column()
    arrived_at: Mapped[datetime] = mapped_column()
    attempts: Mapped[int] = mapped_column(Integer)
    place: Mapped[str | None] = mapped_column(Text)
    last_at: Mapped[datetime | None] = mapped_column()


class ServerOp(Base):
    """An operation the server has applied: a second copy of it is acknowledged, not
    applied again (clients resend what they did not see acknowledged)."""

    __tablename__ = "server_op"

    # Operation ids are the agent's: two agents' laptops never collide, and `digest`
    # (SHA-256 of the operation's content) tells a resend from a different operation.
    agent_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12))
    applied_at: Mapped[datetime] = mapped_column(default=utcnow)
    digest: Mapped[str] = mapped_column(String(64), default="", server_default="")


class ChangeLog(Base):
    """One row per change a client may pull (a lead, a voicemail script, a cadence, an
    attempt, a rapport note, or "history": every attempt and note of a reassigned lead).

    `tx` is the writing transaction's id on PostgreSQL (0 on SQLite). Pulls serve only
    rows whose transaction is below the oldest one still running, ordered by (tx, seq),
    so that a row committed late can never fall behind a cursor. `owner_id` is the agent
    the row is meant for; None means the whole team.
    """

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_order", "tx", "seq"),
        Index("ix_change_log_owner", "owner_id", "tx", "seq"),
        Index("ix_change_log_entity", "entity", "entity_id"),
    )

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    tx: Mapped[int | None] = mapped_column(BigInteger, server_default=FetchedValue())
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(36))
    owner_id: Mapped[str | None] = mapped_column(String(36))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The laptop that pushed an attempt or rapport note: it is not sent them back.
    device_id: Mapped[str | None] = mapped_column(String(36))


class LeadSync(Base):
    """Server-side merge facts of a lead: per field, the version and agent that last
    changed it, and every agent that ever owned it (they may still upload attempts)."""

    __tablename__ = "lead_sync"

    lead_id: Mapped[str] = mapped_column(ForeignKey("lead.id"), primary_key=True)
    field_versions: Mapped[dict[str, Any]] = mapped_column(default=dict)
    owners: Mapped[list[str]] = mapped_column(default=list)


class SyncConflict(Base):
    """Two edits of one lead field based on the same version; supervisors review them."""

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_lead", "lead_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    lead_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(40))
    base_version: Mapped[int | None] = mapped_column(Integer)
    server_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    incoming_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    kept: Mapped[str] = mapped_column(String(10))  # incoming or server
    agent_id: Mapped[str] = mapped_column(String(36))
    other_agent_id: Mapped[str | None] = mapped_column(String(36))
    op_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column()


class SyncDevice(Base):
    """A laptop that pulls from the server and how far it has pulled: soft deletes are
    kept until every device is past them."""

    __tablename__ = "sync_device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    agent_id: Mapped[str] = mapped_column(String(36))
    cursor_tx: Mapped[int] = mapped_column(BigInteger, default=0)
    cursor_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncedVersion(Base):
    """Client side: the server's version of a lead as last pulled (the base of edits)."""

    __tablename__ = "synced_version"

    lead_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


@event.listens_for(Lead, "before_insert")
@event.listens_for(Lead, "before_update")
def _place_lead(_mapper: Any, _connection: Any, lead: Lead) -> None:
    """The lead's jurisdictions follow its number and address, whatever wrote them."""
    lead.jurisdictions = list(lead_jurisdictions(lead.phone_e164, lead.country, lead.state))
