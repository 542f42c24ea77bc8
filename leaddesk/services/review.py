"""Supervisor review: an agent's history of attempts, coaching lists, and the activity
series behind the charts (attempts per day, contact rate by the lead's local hour).

The measures themselves are in `leaddesk.services.report`; this room holds what a
supervisor reads row by row. Every query filters and pages in SQL: the history of a
busy team is millions of attempts.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import and_, bindparam, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from leaddesk.domain.clock import Clock, as_utc
from leaddesk.domain.metrics import (
    CALLBACK_GRACE,
    NO_RETRY_OUTCOMES,
    REACHED_OUTCOMES,
    SPEED_TO_LEAD_TARGET,
    Period,
)
from leaddesk.domain.outcomes import CLOSED_STATUSES, OUTCOMES, Channel
from leaddesk.services.report import NOT_SUPERSEDED, sql_list
from leaddesk.store.engine import Store
from leaddesk.store.models import Agent, Attempt, Lead, UTCDateTime, VoicemailScript

# One batch of the history table; the view asks for the next as the user scrolls.
PAGE = 200
# A coaching list shows this many leads; its count is always the full one.
COACHING_LIMIT = 200
# A lead whose only attempt is older than this is stuck at one attempt.
STUCK_AFTER = timedelta(hours=24)

_LEAD_NAME = func.trim(Lead.first_name + " " + Lead.last_name)


def attempts_where(period: Period, agent_id: str | None, alias: str = "") -> str:
    """SQL for "the attempts that count in this period": started inside it, by the agent
    (every agent when None), and not superseded by a correction.

    One definition for every series a supervisor compares side by side (coaching lists,
    attempts per day, contact by hour): if one of them counted a corrected attempt or
    an edge of the period differently, the charts would disagree with the lists. The
    clause uses the binds `:until`, `:since` and `:agent` that `ReviewService._run`
    sets; `alias` is the attempt table's alias in the query ("" for none)."""
    column = f"{alias}." if alias else ""
    where = f"{column}started_at < :until"
    if period.since is not None:
        where += f" AND {column}started_at >= :since"
    if agent_id is not None:
        where += f" AND {column}agent_id = :agent"
    return f"{where} AND {column}{NOT_SUPERSEDED}"


def lead_label(first: str, last: str, company: str, phone: str) -> str:
    """The name a lead is shown by (as `Lead.name`)."""
    return f"{first} {last}".strip() or company or phone or "(no name)"


# -- history ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    period: Period
    agent_id: str | None = None  # None: every agent
    channel: str | None = None
    outcome: str | None = None
    search: str = ""  # in the lead's name, company, phone and the attempt's note


@dataclass(frozen=True, slots=True)
class HistoryRow:
    attempt_id: str
    lead_id: str
    lead_name: str
    company: str
    agent_name: str
    started_at: datetime
    channel: str
    outcome: str | None  # None: a dial still in progress
    note: str
    duration_s: int | None
    script: str  # "introduce #2", or "" when no script was used
    script_words: int | None
    corrects: bool  # this attempt is a correction of an earlier one
    lead_local: datetime | None = None  # when it was in the lead's (first) time zone
    manual: bool = False  # a call made outside LeadDesk, recorded after the fact
    taken_back: bool = False  # an undo: the correction takes the earlier attempt back


# -- coaching -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CoachingItem:
    lead_id: str
    lead_name: str
    at: datetime | None  # the time that matters: arrival, attempt, or callback due
    detail: str
    company: str = ""  # two "Henry Martin" rows are told apart by it


@dataclass(frozen=True, slots=True)
class CoachingList:
    key: str
    title: str
    hint: str  # what to do about it
    total: int
    items: list[CoachingItem] = field(default_factory=list)


# -- charts -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayActivity:
    day: str  # YYYY-MM-DD (UTC)
    by_channel: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_channel.values())


@dataclass(frozen=True, slots=True)
class HourContact:
    hour: int  # the lead's local hour, 0 to 23
    calls: int
    reached: int

    @property
    def rate(self) -> float | None:
        return self.reached / self.calls if self.calls else None


def _lead_local(at: datetime, zones: list[str] | None) -> datetime | None:
    """`at` on the lead's wall clock (its first zone), None when the zone is unknown."""
    for name in zones or ():
        try:
            return at.astimezone(ZoneInfo(str(name)))
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return None


class ReviewService:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    # -- agents ---------------------------------------------------------------------------

    def agents(self) -> list[tuple[str, str, str]]:
        """(id, name, display name) of every agent, by display name."""
        with self.store.session() as session:
            rows = session.execute(select(Agent.id, Agent.name, Agent.display_name)).all()
        return sorted(((i, n, d or n) for i, n, d in rows), key=lambda r: r[2].lower())

    # -- history --------------------------------------------------------------------------

    def _history_query(self, f: HistoryFilter) -> Any:
        later = aliased(Attempt)
        superseded = select(later.supersedes_id).where(later.supersedes_id.is_not(None))
        query = (
            select(
                Attempt,
                Lead,
                func.coalesce(Agent.display_name, Agent.name),
                func.coalesce(VoicemailScript.stage, ""),
                func.coalesce(VoicemailScript.variant, 0),
            )
            .join(Lead, Lead.id == Attempt.lead_id)
            .join(Agent, Agent.id == Attempt.agent_id)
            .outerjoin(VoicemailScript, VoicemailScript.id == Attempt.script_id)
            .where(Attempt.started_at < f.period.until, Attempt.id.not_in(superseded))
        )
        if f.period.since is not None:
            query = query.where(Attempt.started_at >= f.period.since)
        if f.agent_id is not None:
            query = query.where(Attempt.agent_id == f.agent_id)
        if f.channel:
            query = query.where(Attempt.channel == f.channel)
        if f.outcome:
            query = query.where(Attempt.outcome == f.outcome)
        words = f.search.strip()
        if words:
            for word in words.split():
                like = f"%{_escape_like(word)}%"
                query = query.where(
                    or_(
                        _LEAD_NAME.ilike(like, escape="\\"),
                        Lead.company.ilike(like, escape="\\"),
                        Lead.phone_raw.ilike(like, escape="\\"),
                        Lead.phone_e164.ilike(like, escape="\\"),
                        Attempt.note.ilike(like, escape="\\"),
                    )
                )
        return query

    def history_count(self, f: HistoryFilter) -> int:
        query = self._history_query(f).with_only_columns(func.count(Attempt.id))
        with self.store.session() as session:
            return int(session.execute(query).scalar_one())

    def history_page(
        self, f: HistoryFilter, after: HistoryRow | None = None, limit: int = PAGE
    ) -> list[HistoryRow]:
        """The next `limit` attempts, newest first, after the row `after` (keyset paging:
        each batch costs the same however far the user has scrolled)."""
        query = self._history_query(f)
        if after is not None:
            query = query.where(
                or_(
                    Attempt.started_at < after.started_at,
                    and_(Attempt.started_at == after.started_at, Attempt.id < after.attempt_id),
                )
            )
        query = query.order_by(Attempt.started_at.desc(), Attempt.id.desc()).limit(limit)
        with self.store.session() as session:
            rows = session.execute(query).all()
            return [
                HistoryRow(
                    attempt_id=a.id,
                    lead_id=ld.id,
                    lead_name=ld.name,
                    company=ld.company,
                    agent_name=agent,
                    started_at=a.started_at,
                    channel=a.channel,
                    outcome=a.outcome,
                    note=a.note,
                    duration_s=a.duration_s,
                    script=f"{stage.replace('_', ' ')} #{variant}" if stage else "",
                    script_words=a.script_words,
                    corrects=a.supersedes_id is not None,
                    lead_local=_lead_local(a.started_at, ld.time_zones),
                    manual=bool(a.manual),
                    taken_back=a.outcome is None and a.ended_at is not None,
                )
                for a, ld, agent, stage, variant in rows
            ]

    # -- coaching -------------------------------------------------------------------------

    def coaching(self, period: Period, agent_id: str | None) -> list[CoachingList]:
        now = as_utc(self.clock())
        with self.store.session() as session:
            return [
                self._outside_rules(session, period, agent_id),
                self._never_contacted(session, period, agent_id, now),
                self._stuck_at_one(session, period, agent_id, now),
                self._voicemail_no_message(session, period, agent_id),
                self._callbacks_missed(session, period, agent_id, now),
                self._waiting(session, agent_id, now),
            ]

    def _leads_where(self, period: Period | None, agent_id: str | None) -> str:
        where = "l.deleted_at IS NULL"
        if period is not None:
            where += " AND l.arrived_at < :until"
            if period.since is not None:
                where += " AND l.arrived_at >= :since"
        if agent_id is not None:
            where += " AND l.owner_id = :agent"
        return where

    def _run(
        self,
        session: Session,
        sql: str,
        period: Period | None,
        agent_id: str | None,
        **extra: object,
    ) -> list[tuple[object, ...]]:
        params: dict[str, object] = {**extra}
        binds = []
        if period is not None:
            params["until"] = period.until
            binds.append("until")
            if period.since is not None:
                params["since"] = period.since
                binds.append("since")
        if agent_id is not None:
            params["agent"] = agent_id
        binds += [k for k, v in extra.items() if isinstance(v, datetime)]
        stmt = text(sql).bindparams(*(bindparam(b, type_=UTCDateTime()) for b in binds))
        return [tuple(row) for row in session.execute(stmt, params)]

    def _never_contacted(
        self, session: Session, period: Period, agent_id: str | None, now: datetime
    ) -> CoachingList:
        base = f"""
            FROM lead l WHERE {self._leads_where(period, agent_id)}
              AND NOT EXISTS (SELECT 1 FROM attempt a WHERE a.lead_id = l.id
                              AND a.outcome IS NOT NULL AND a.started_at < :until)"""
        total = self._run(session, "SELECT COUNT(*)" + base, period, agent_id)[0][0]
        rows = self._run(
            session,
            "SELECT l.id, l.first_name, l.last_name, l.company, l.phone_raw, l.arrived_at"
            + base
            + f" ORDER BY l.arrived_at LIMIT {COACHING_LIMIT}",
            period,
            agent_id,
        )
        items = []
        for r in rows:
            arrived = _dt(r[5])
            age = f"no attempt in {_span(now - arrived)}" if arrived else "no attempt"
            items.append(_item(r, arrived, age))
        return CoachingList(
            "never_contacted",
            "Never contacted",
            "Leads of the period with no attempt at all: call them first.",
            _int(total),
            items,
        )

    def _stuck_at_one(
        self, session: Session, period: Period, agent_id: str | None, now: datetime
    ) -> CoachingList:
        closed = sql_list({s.value for s in CLOSED_STATUSES})
        base = f"""
            FROM lead l JOIN (
              SELECT lead_id, COUNT(*) AS n, MAX(started_at) AS at, MAX(outcome) AS outcome
              FROM attempt
              WHERE outcome IS NOT NULL AND started_at < :until AND {NOT_SUPERSEDED}
              GROUP BY lead_id HAVING COUNT(*) = 1
            ) one ON one.lead_id = l.id
            WHERE {self._leads_where(period, agent_id)}
              AND l.status NOT IN ({closed}) AND NOT l.do_not_call
              AND one.outcome NOT IN ({sql_list(REACHED_OUTCOMES | NO_RETRY_OUTCOMES)})
              AND one.at < :stuck"""
        stuck = now - STUCK_AFTER
        total = self._run(session, "SELECT COUNT(*)" + base, period, agent_id, stuck=stuck)
        rows = self._run(
            session,
            "SELECT l.id, l.first_name, l.last_name, l.company, l.phone_raw, one.at, one.outcome"
            + base
            + f" ORDER BY one.at LIMIT {COACHING_LIMIT}",
            period,
            agent_id,
            stuck=stuck,
        )
        items = [_item(r, _dt(r[5]), f"1 attempt: {_label(r[6])}") for r in rows]
        return CoachingList(
            "stuck_at_one",
            "Stuck at one attempt",
            "Not reached on the first attempt and never tried again: persist (6 to 8).",
            _int(total[0][0]),
            items,
        )

    def _outside_rules(
        self, session: Session, period: Period, agent_id: str | None
    ) -> CoachingList:
        """Calls made at a moment the lead's calling rules forbid (recorded all the same,
        flagged when logged): work done through LeadDesk keeps this at zero."""
        where = "a.outside_rules AND " + attempts_where(period, agent_id, "a")
        base = f" FROM attempt a JOIN lead l ON l.id = a.lead_id WHERE {where}"
        total = self._run(session, "SELECT COUNT(*)" + base, period, agent_id)[0][0]
        rows = self._run(
            session,
            "SELECT l.id, l.first_name, l.last_name, l.company, l.phone_raw, a.started_at,"
            " a.outcome, CAST(l.time_zones AS TEXT), CAST(l.jurisdictions AS TEXT)"
            + base
            + f" ORDER BY a.started_at DESC LIMIT {COACHING_LIMIT}",
            period,
            agent_id,
        )
        items = []
        for r in rows:
            at, zone = _dt(r[5]), _first_zone(str(r[7] or ""))
            local = f"{at.astimezone(zone):%a %H:%M} there" if at and zone else "local time unknown"
            try:
                codes = ", ".join(json.loads(str(r[8] or "[]")))
            except ValueError:
                codes = ""
            detail = f"{local}{f' ({codes})' if codes else ''}: {_label(r[6])}"
            items.append(_item(r, at, detail))
        return CoachingList(
            "outside_rules",
            "Calls outside the rules",
            "Made at a moment the lead's calling rules forbid: must be zero. Check how the "
            "call was placed and the lead's address.",
            _int(total),
            items,
        )

    def _voicemail_no_message(
        self, session: Session, period: Period, agent_id: str | None
    ) -> CoachingList:
        where = "a.outcome = 'voicemail_no_message' AND " + attempts_where(period, agent_id, "a")
        base = f" FROM attempt a JOIN lead l ON l.id = a.lead_id WHERE {where}"
        total = self._run(session, "SELECT COUNT(*)" + base, period, agent_id)[0][0]
        rows = self._run(
            session,
            "SELECT l.id, l.first_name, l.last_name, l.company, l.phone_raw, a.started_at,"
            " a.note" + base + f" ORDER BY a.started_at DESC LIMIT {COACHING_LIMIT}",
            period,
            agent_id,
        )
        items = [_item(r, _dt(r[5]), str(r[6] or "no message left")) for r in rows]
        return CoachingList(
            "voicemail_no_message",
            "Voicemail, no message",
            "Voicemail reached but no message left: always leave a short one.",
            _int(total),
            items,
        )

    def _callbacks_missed(
        self, session: Session, period: Period, agent_id: str | None, now: datetime
    ) -> CoachingList:
        where = "c.due_at < :until AND c.due_at < :late"
        if period.since is not None:
            where += " AND c.due_at >= :since"
        if agent_id is not None:
            where += " AND COALESCE(c.agent_id, l.owner_id) = :agent"
        grace = int(CALLBACK_GRACE.total_seconds())
        dialect = session.get_bind().dialect.name
        if dialect == "sqlite":
            late_done = f"julianday(c.done_at) > julianday(c.due_at) + {grace} / 86400.0"
        else:
            late_done = f"c.done_at > c.due_at + INTERVAL '{grace} seconds'"
        base = f""" FROM callback c JOIN lead l ON l.id = c.lead_id
            WHERE {where} AND l.deleted_at IS NULL
              AND (c.done_at IS NULL OR {late_done})"""
        late = now - CALLBACK_GRACE
        total = self._run(session, "SELECT COUNT(*)" + base, period, agent_id, late=late)
        rows = self._run(
            session,
            "SELECT l.id, l.first_name, l.last_name, l.company, l.phone_raw, c.due_at,"
            " c.done_at" + base + f" ORDER BY c.due_at DESC LIMIT {COACHING_LIMIT}",
            period,
            agent_id,
            late=late,
        )
        items = []
        for r in rows:
            due, done = _dt(r[5]), _dt(r[6]) if r[6] is not None else None
            detail = (
                "not called" if done is None or due is None else f"called {_span(done - due)} late"
            )
            items.append(_item(r, due, detail))
        return CoachingList(
            "callbacks_missed",
            "Callbacks missed",
            f"Not called within {grace // 60} minutes of the agreed time.",
            _int(total[0][0]),
            items,
        )

    def _waiting(self, session: Session, agent_id: str | None, now: datetime) -> CoachingList:
        closed = sql_list({s.value for s in CLOSED_STATUSES})
        base = f"""
            FROM lead l WHERE {self._leads_where(None, agent_id)}
              AND l.status NOT IN ({closed}) AND NOT l.do_not_call AND l.arrived_at < :target
              AND NOT EXISTS (SELECT 1 FROM attempt a WHERE a.lead_id = l.id
                              AND a.outcome IS NOT NULL)"""
        target = now - SPEED_TO_LEAD_TARGET
        total = self._run(session, "SELECT COUNT(*)" + base, None, agent_id, target=target)
        rows = self._run(
            session,
            "SELECT l.id, l.first_name, l.last_name, l.company, l.phone_raw, l.arrived_at"
            + base
            + f" ORDER BY l.arrived_at DESC LIMIT {COACHING_LIMIT}",
            None,
            agent_id,
            target=target,
        )
        items = []
        for r in rows:
            arrived = _dt(r[5])
            wait = f"waiting {_span(now - arrived)}" if arrived else "waiting"
            items.append(_item(r, arrived, wait))
        minutes = int(SPEED_TO_LEAD_TARGET.total_seconds() // 60)
        return CoachingList(
            "waiting_past_target",
            f"New leads past {minutes} min",
            f"New leads still waiting for a first call after {minutes} minutes: call now.",
            _int(total[0][0]),
            items,
        )

    # -- chart series ---------------------------------------------------------------------

    def activity_by_day(self, period: Period, agent_id: str | None) -> list[DayActivity]:
        """Attempts per UTC day and channel, with every day of the period present."""
        with self.store.session() as session:
            dialect = session.get_bind().dialect.name
            day = (
                "substr(started_at, 1, 10)"
                if dialect == "sqlite"
                else "to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
            )
            where = "outcome IS NOT NULL AND " + attempts_where(period, agent_id)
            rows = self._run(
                session,
                f"SELECT {day}, channel, COUNT(*) FROM attempt WHERE {where} GROUP BY 1, 2",
                period,
                agent_id,
            )
        counts: dict[str, Counter[str]] = {}
        for d, channel, n in rows:
            counts.setdefault(str(d), Counter())[str(channel)] += _int(n)
        if not counts:
            return []
        first = period.since.date().isoformat() if period.since is not None else min(counts)
        last_day = (period.until - timedelta(microseconds=1)).date()
        out = []
        current = datetime.fromisoformat(first).date()
        while current <= last_day:
            key = current.isoformat()
            by = counts.get(key, Counter())
            out.append(DayActivity(key, {c.value: by[c.value] for c in Channel}))
            current += timedelta(days=1)
        return out

    def contact_by_local_hour(self, period: Period, agent_id: str | None) -> list[HourContact]:
        """Calls and the calls that reached someone, by the lead's local hour of the call."""
        with self.store.session() as session:
            dialect = session.get_bind().dialect.name
            hour = (
                "substr(a.started_at, 1, 13)"
                if dialect == "sqlite"
                else "to_char(a.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')"
            )
            where = "a.channel = 'phone' AND a.outcome IS NOT NULL AND " + attempts_where(
                period, agent_id, "a"
            )
            reached = sql_list(REACHED_OUTCOMES)
            rows = self._run(
                session,
                f"""SELECT CAST(l.time_zones AS TEXT), {hour}, COUNT(*),
                       SUM(CASE WHEN a.outcome IN ({reached}) THEN 1 ELSE 0 END)
                    FROM attempt a JOIN lead l ON l.id = a.lead_id WHERE {where}
                    GROUP BY 1, 2""",
                period,
                agent_id,
            )
        calls: Counter[int] = Counter()
        hits: Counter[int] = Counter()
        zones: dict[str, ZoneInfo | None] = {}
        for zones_text, utc_hour, n, r in rows:
            key = str(zones_text or "")
            if key not in zones:
                zones[key] = _first_zone(key)
            zone = zones[key]
            if zone is None:
                continue
            at = datetime.fromisoformat(f"{str(utc_hour).replace('T', ' ')}:00:00+00:00")
            local = at.astimezone(zone).hour
            calls[local] += _int(n)
            hits[local] += _int(r)
        return [HourContact(h, calls[h], hits[h]) for h in range(24)]


def _first_zone(text_value: str) -> ZoneInfo | None:
    try:
        zones = json.loads(text_value) if text_value else []
        return ZoneInfo(str(zones[0])) if zones else None
    except (ValueError, ZoneInfoNotFoundError, IndexError, TypeError):
        return None


def _int(value: object) -> int:
    return int(str(value)) if value is not None else 0


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _item(row: tuple[object, ...], at: datetime | None, detail: str) -> CoachingItem:
    """A coaching row from (id, first, last, company, phone, ...)."""
    return CoachingItem(str(row[0]), _name(row), at, detail, str(row[3] or ""))


def _name(row: tuple[object, ...]) -> str:
    return lead_label(*(str(v or "") for v in row[1:5]))


def _dt(value: object) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        return as_utc(value)
    raise TypeError(f"expected a time, got {value!r}")


def _label(code: object) -> str:
    info = OUTCOMES.get(str(code))
    return info.label.lower() if info else str(code)


def _span(delta: timedelta) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h"
    return f"{hours // 24} days"
