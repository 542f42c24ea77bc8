"""The agent's call list, computed in SQL and read a page at a time.

Calling hours depend only on a lead's set of time zones, and an agent's leads have few
distinct sets. So the window state of each set is computed in Python (domain rules), and
SQL sorts and filters with a CASE over the sets' stored JSON text; no lead is evaluated
in Python except those of the page being read. The rules are those of
`leaddesk.domain.calllist`; a test checks that both give the same order.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Text,
    and_,
    case,
    cast,
    exists,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from leaddesk.domain.calling_hours import (
    CallingRules,
    WindowState,
    local_time,
)
from leaddesk.domain.calllist import (
    LISTED_EXCLUDED,
    SECTION_KEYS,
    VOICE_CHANNELS,
    LeadFacts,
    Section,
    cap_lift,
    place,
    reason,
)
from leaddesk.domain.caps import DAY
from leaddesk.domain.clock import as_utc
from leaddesk.domain.jurisdictions import (
    Blocked,
    Cap,
    LeadPlace,
    blocked_words,
    cap_hit,
    caps_for,
    state_for,
)
from leaddesk.services.errors import UserError
from leaddesk.services.rules import default_rules as default_rules  # re-exported
from leaddesk.services.workspace import Workspace
from leaddesk.store.call_rank import GRP_BLOCKED, GRP_CALLBACK, GRP_NEW, GRP_OTHER
from leaddesk.store.models import Agent, Attempt, CallRank, DncNumber, Lead


@dataclass(frozen=True, slots=True)
class CallListEntry:
    lead_id: str
    name: str
    company: str
    phone_e164: str | None
    section: str  # "callback" | "new" | "follow_up" | "later" | "blocked"
    callable: bool
    reason: str  # why here / why not callable now
    local_time: str  # "HH:MM" in the lead's first zone, "" if unknown
    time_zones: tuple[str, ...]
    attempts: int
    next_action_at: datetime | None
    next_channel: str | None
    arrived_at: datetime
    age_s: int  # seconds since arrival (speed-to-lead timer)
    status: str
    jurisdictions: tuple[str, ...] = ()
    blocked_by: Blocked | None = None  # the calling rule that blocks the lead now


_ENTRY_COLUMNS = (
    Lead.id,
    Lead.first_name,
    Lead.last_name,
    Lead.company,
    Lead.phone_raw,
    Lead.phone_e164,
    Lead.status,
    Lead.arrived_at,
    Lead.next_action_at,
    Lead.next_channel,
    Lead.attempt_count,
    Lead.do_not_call,
    Lead.phone_bad,
    Lead.time_zones,
    Lead.jurisdictions,
    Lead.consent_basis,
)


def _name(first: str, last: str, company: str, phone_raw: str) -> str:
    """As `Lead.name`: the person, else the company, else the number."""
    full = f"{first} {last}".strip()
    return full or company or phone_raw or "(no name)"


def parse_zone_text(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    try:
        value = json.loads(text)
    except ValueError:
        return ()
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value)


KEY_SEPARATOR = "|"


def parse_place_key(text: str | None) -> LeadPlace:
    """A lead's place from its call-list key: zones, jurisdictions and consent, as the
    stored JSON texts joined by '|' (see `CallListService._key_text`)."""
    if not text:
        return LeadPlace((), ())
    zones, _, rest = text.partition(KEY_SEPARATOR)
    codes, _, consent = rest.partition(KEY_SEPARATOR)
    return LeadPlace(parse_zone_text(zones), parse_zone_text(codes), consent or "none")


# Zone sets are re-read at most this often (a set not seen yet is treated as closed,
# which is safe, and triggers a re-read as soon as one of its leads is on a page).
ZONE_SETS_TTL_S = 60.0
# Up to this many leads over the 24 h cap are named in the SQL; beyond, a subquery counts.
MAX_CAPPED_LITERALS = 2_000


# A snapshot of the order serves the pages after the first for this long; it grows by
# this many rows beyond the page asked for.
SNAPSHOT_TTL_S = 30.0
SNAPSHOT_CHUNK = 1_000
# The time key of the rows whose tier does not sort by time (no next action).
_NO_TIME = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class _Plan:
    """The SQL of one call-list evaluation at one instant: `listed` holds each listed
    lead's id, zone-set text, section and time keys; `keys` orders it."""

    now: datetime
    listed: Any
    keys: tuple[Any, ...]
    windows: dict[str | None, WindowState]


@dataclass(frozen=True, slots=True)
class _Snapshot:
    key: str
    taken: float
    plan: _Plan
    rows: list[tuple[str, int, str | None]]
    complete: bool  # holds the whole list


class CallListService:
    """Read the call list of the workspace's agent, in call order, a page at a time,
    under the workspace's rules (the agent's calling hours and caps) unless `rules`
    are given."""

    def __init__(self, ws: Workspace, rules: CallingRules | None = None) -> None:
        self.ws = ws
        self.rules = rules or ws.rules
        self._zone_texts: list[str | None] = []
        self._zone_texts_read = -1e18
        self._windows: dict[str | None, tuple[datetime, WindowState]] = {}
        self._snapshot: _Snapshot | None = None

    # -- public API ----------------------------------------------------------------------

    def page(
        self,
        offset: int = 0,
        limit: int = 200,
        search: str | None = None,
        *,
        section: str | None = None,
        calls_only: bool = False,
    ) -> list[CallListEntry]:
        """Leads in call order, rows `offset` to `offset + limit`.

        The first page is always computed afresh and starts a snapshot of the order;
        later pages (scrolling) are cut from that snapshot, which grows by chunks as
        the agent scrolls and is kept for `SNAPSHOT_TTL_S`. Scrolling is fast and never
        shows a lead twice or skips one because the order moved in between.

        `section` keeps one section's leads ("callback", "new", ...); `calls_only` puts
        the calls due first and groups the written tasks due (email, text, social) after
        them, before the leads for later."""
        if offset < 0 or limit < 0:
            raise UserError("offset and limit must not be negative")
        if section is not None and section not in SECTION_KEYS:
            raise UserError(f"no section {section!r}; one of {', '.join(SECTION_KEYS)}")
        view = (section, calls_only)
        key = (search or "").strip().lower() + f"|{section or ''}|{int(calls_only)}"
        with self.ws.store.session() as session:
            if offset == 0:
                plan, rows = self._ordered(session, search, limit, view)
                self._snapshot = _Snapshot(key, time.monotonic(), plan, rows, len(rows) < limit)
                return self._entries(session, plan, rows)
            snap = self._fresh_snapshot(key)
            need = offset + limit
            if snap is None or (len(snap.rows) < need and not snap.complete):
                size = max(need + SNAPSHOT_CHUNK, 2 * len(snap.rows) if snap else 0)
                plan, rows = self._ordered(session, search, size, view)
                if snap is not None:
                    # Grow the snapshot: what it showed keeps its place.
                    seen = {lead_id for lead_id, _, _ in snap.rows}
                    rows = snap.rows + [r for r in rows if r[0] not in seen]
                    plan = snap.plan
                snap = _Snapshot(
                    key, snap.taken if snap else time.monotonic(), plan, rows, len(rows) < size
                )
                self._snapshot = snap
            # Ages and waits are told at the current time; the order is the snapshot's.
            plan = replace(snap.plan, now=as_utc(self.ws.clock()))
            return self._entries(session, plan, snap.rows[offset:need])

    def _fresh_snapshot(self, key: str) -> _Snapshot | None:
        snap = self._snapshot
        if snap is None or snap.key != key or time.monotonic() - snap.taken > SNAPSHOT_TTL_S:
            return None
        return snap

    def _ordered(
        self,
        session: Session,
        search: str | None,
        limit: int | None,
        view: tuple[str | None, bool] = (None, False),
    ) -> tuple[_Plan, list[tuple[str, int, str | None]]]:
        """The listed leads in call order (the first `limit`, or all)."""
        section, calls_only = view
        if self._walks(search, calls_only):
            for _ in range(2):
                plan, rows = self._walk(session, limit, section)
                if all(tz in plan.windows for _, _, tz in rows):
                    break
                self._zone_texts_read = -1e18
            return plan, rows
        for _ in range(2):
            plan = self._plan(session, search)
            listed = plan.listed
            keys = plan.keys
            if calls_only:
                due = listed.c.sec <= int(Section.FOLLOW_UP)
                group = case((and_(due, listed.c.ch == "phone"), 0), (due, 1), else_=2)
                keys = (group, *keys)
            query = select(listed.c.id, listed.c.sec, listed.c.tz).order_by(*keys)
            if section is not None:
                query = query.where(listed.c.sec == int(Section[section.upper()]))
            if limit is not None:
                query = query.limit(limit)
            rows = [(r.id, int(r.sec), r.tz) for r in session.execute(query)]
            if all(tz in plan.windows for _, _, tz in rows):
                break
            self._zone_texts_read = -1e18  # a zone set not seen yet: read them again
        return plan, rows

    def counts(self, search: str | None = None) -> dict[str, int]:
        """Leads per section; every section key is present."""
        with self.ws.store.session() as session:
            for _ in range(2):
                out = dict.fromkeys(SECTION_KEYS, 0)
                plan = self._plan(session, search)
                listed = plan.listed
                # Grouped by zone set too: a set not read yet is seen here, not guessed.
                query = select(listed.c.sec, listed.c.tz, func.count()).group_by(
                    listed.c.sec, listed.c.tz
                )
                rows = session.execute(query).all()
                for section, _, count in rows:
                    out[Section(int(section)).key] += int(count)
                if all(tz in plan.windows for _, tz, _ in rows):
                    break
                self._zone_texts_read = -1e18
        return out

    def total(self, search: str | None = None) -> int:
        with self.ws.store.session() as session:
            where = self._base_where(search)
            return int(session.scalar(select(func.count()).select_from(Lead).where(*where)) or 0)

    def position(self, lead_id: str, search: str | None = None) -> int | None:
        """The row index of a lead in the list, or None when it is not listed (as shown
        while scrolling: taken from the current snapshot when the lead is in it)."""
        snap = self._fresh_snapshot((search or "").strip().lower() + "||0")
        if snap is not None:
            for index, (row_id, _, _) in enumerate(snap.rows):
                if row_id == lead_id:
                    return index
            if snap.complete:
                return None
        with self.ws.store.session() as session:
            plan = self._plan(session, search)
            listed = plan.listed
            numbered = select(
                listed.c.id.label("id"), func.row_number().over(order_by=plan.keys).label("rn")
            ).subquery()
            rn = session.scalar(select(numbered.c.rn).where(numbered.c.id == lead_id))
            return None if rn is None else int(rn) - 1

    def entry(self, lead_id: str) -> CallListEntry | None:
        """One lead's row as the list would show it (None when it is not listed)."""
        with self.ws.store.session() as session:
            plan = self._plan(session, None, only=lead_id)
            listed = plan.listed
            row = session.execute(select(listed.c.id, listed.c.sec, listed.c.tz)).first()
            if row is None:
                return None
            return self._entries(session, plan, [(row.id, int(row.sec), row.tz)])[0]

    # -- SQL -----------------------------------------------------------------------------

    def _base_where(self, search: str | None) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = [
            Lead.owner_id == self.ws.agent.id,
            Lead.deleted_at.is_(None),
            Lead.status.not_in(sorted(LISTED_EXCLUDED)),
        ]
        if search and search.strip():
            term = f"%{search.strip().lower()}%"
            digits = "".join(c for c in search if c.isdigit())
            fields: list[ColumnElement[bool]] = [
                func.lower(Lead.first_name + " " + Lead.last_name).like(term),
                func.lower(Lead.company).like(term),
                func.lower(func.coalesce(Lead.email, "")).like(term),
            ]
            if len(digits) >= 3:
                fields.append(func.coalesce(Lead.phone_e164, "").like(f"%{digits}%"))
            where.append(or_(*fields))
        return where

    def _window(self, text: str | None, now: datetime) -> WindowState:
        """The window state of a zone set at `now`, reused until the state changes."""
        cached = self._windows.get(text)
        if cached is not None:
            since, state = cached
            change = state.until if state.open else state.opens_at
            if since <= now and (not state.known or (change is not None and now < change)):
                return state
        state = state_for(self.rules, parse_place_key(text), now)
        self._windows[text] = (now, state)
        return state

    def _json_text(self, column: Any) -> ColumnElement[str]:
        """A JSON column's stored text: SQLite keeps it as text already (a CAST per row
        costs), PostgreSQL needs json cast to text to compare."""
        if self.ws.store.engine.dialect.name == "sqlite":
            return type_coerce(column, Text)
        return cast(column, Text)

    def _zone_text(self) -> ColumnElement[str]:
        """A lead's place key: what its calling rules depend on (zones, jurisdictions,
        consent basis). An agent's leads have few distinct keys."""
        sep = literal(KEY_SEPARATOR)
        return (
            self._json_text(Lead.time_zones)
            + sep
            + self._json_text(Lead.jurisdictions)
            + sep
            + Lead.consent_basis
        )

    def _caps(self, text: str | None) -> tuple[Cap, ...]:
        return caps_for(self.rules, parse_place_key(text))

    def _zone_sets(self, session: Session) -> list[str | None]:
        """The distinct zone sets (stored JSON text) of the agent's leads, cached briefly.
        Read from the maintained key's index where the list walks it (its listed leads:
        the others are never shown)."""
        clock = time.monotonic()
        if clock - self._zone_texts_read > ZONE_SETS_TTL_S:
            query = (
                select(CallRank.place).where(CallRank.owner_id == self.ws.agent.id).distinct()
                if self._walks(None, False)
                else select(self._zone_text())
                .where(Lead.owner_id == self.ws.agent.id, Lead.deleted_at.is_(None))
                .distinct()
            )
            self._zone_texts = list(session.scalars(query))
            self._zone_texts_read = clock
        return self._zone_texts

    def _capped(
        self, session: Session, now: datetime, texts: Sequence[str | None]
    ) -> tuple[list[str], list[str]]:
        """(every lead at a rolling cap, those at a law's cap beyond the team's 24 h one).
        The team's 24 h cap from a small range of the (agent, started_at) index, counted
        here (a GROUP BY in SQL makes SQLite walk the whole (lead, started_at) index
        instead); a law's longer cap (France: 4 in 30 days) only for the leads whose
        place has one."""
        counts = Counter(
            session.scalars(
                select(Attempt.lead_id).where(
                    Attempt.agent_id.in_(select(Agent.id)),
                    Attempt.started_at > now - DAY,
                    Attempt.started_at <= now,
                    Attempt.outcome.is_not(None),
                )
            )
        )
        per_24h = self.rules.caps.per_24h
        keyed = {t: self._caps(t) for t in texts}
        stricter = {t: caps for t, caps in keyed.items() if len(caps) > 1}
        capped = {lead_id for lead_id, n in counts.items() if n >= per_24h}
        law: set[str] = set()
        if not stricter:
            return sorted(capped), []
        # The leads that have such a cap first (few: a country's or a province's), then a
        # count of their attempts per cap through the (lead, started_at) index.
        places = [t for t in stricter if t is not None]
        if self._walks(None, False):
            # Through the maintained key's (owner, place) index: its listed leads.
            lookup = select(CallRank.lead_id, CallRank.place).where(
                CallRank.owner_id == self.ws.agent.id, CallRank.place.in_(places)
            )
        else:
            key = self._zone_text()
            lookup = select(Lead.id, key).where(
                Lead.owner_id == self.ws.agent.id, Lead.deleted_at.is_(None), key.in_(places)
            )
        keys: dict[str, str | None] = {row[0]: row[1] for row in session.execute(lookup)}
        by_cap: dict[tuple[int, Any], list[str]] = {}
        for lead_id, text in keys.items():
            for cap in stricter[text]:
                by_cap.setdefault((cap.max, cap.period), []).append(lead_id)
        for (most, period), ids in by_cap.items():
            for start in range(0, len(ids), 900):
                law.update(
                    session.scalars(
                        select(Attempt.lead_id)
                        .where(
                            Attempt.lead_id.in_(ids[start : start + 900]),
                            Attempt.started_at > now - period,
                            Attempt.started_at <= now,
                            Attempt.outcome.is_not(None),
                        )
                        .group_by(Attempt.lead_id)
                        .having(func.count() >= most)
                    )
                )
        return sorted(capped | law), sorted(law)

    def _recent(
        self, session: Session, now: datetime, ids: list[str], period: Any = DAY
    ) -> dict[str, list[datetime]]:
        """Attempt times of a page's leads in the last `period` (24 hours)."""
        recent: dict[str, list[datetime]] = {}
        for lead_id, started in session.execute(
            select(Attempt.lead_id, Attempt.started_at).where(
                Attempt.lead_id.in_(ids),
                Attempt.started_at > now - period,
                Attempt.started_at <= now,
                Attempt.outcome.is_not(None),
            )
        ):
            recent.setdefault(lead_id, []).append(as_utc(started))
        return recent

    def _plan(self, session: Session, search: str | None, only: str | None = None) -> _Plan:
        now = as_utc(self.ws.clock())
        rules = self.rules
        where = self._base_where(search)
        if only is not None:
            where.append(Lead.id == only)
        texts = self._zone_sets(session)
        windows: dict[str | None, WindowState] = {t: self._window(t, now) for t in texts}
        unknown = [t for t, w in windows.items() if not w.known and t is not None]
        open_ = [t for t, w in windows.items() if w.open and t is not None]
        capped, law_capped = self._capped(session, now, texts)

        tz = self._zone_text()
        channel = func.coalesce(Lead.next_channel, "phone")
        voice = channel.in_(sorted(VOICE_CHANNELS))
        is_new = and_(Lead.status == "new", Lead.attempt_count == 0)
        due = or_(is_new, Lead.next_action_at.is_(None), Lead.next_action_at <= now)
        on_dnc = or_(Lead.do_not_call, exists().where(DncNumber.phone_e164 == Lead.phone_e164))
        zone_unknown = or_(tz.is_(None), tz.in_(unknown) if unknown else false())
        # A zone set not read yet counts as closed: never a call outside calling hours.
        window_closed = ~tz.in_(open_) if open_ else literal(True)
        cap_24h: ColumnElement[bool]
        if len(capped) <= MAX_CAPPED_LITERALS:
            cap_24h = Lead.id.in_(capped) if capped else false()
        else:
            count = (
                select(func.count())
                .select_from(Attempt)
                .where(
                    Attempt.lead_id == Lead.id,
                    Attempt.started_at > now - DAY,
                    Attempt.started_at <= now,
                    Attempt.outcome.is_not(None),
                )
                .scalar_subquery()
            )
            cap_24h = and_(Lead.last_attempt_at > now - DAY, count >= rules.caps.per_24h)
            if law_capped:
                # A law's longer cap (France: 4 in 30 days) is not in the 24 h count.
                cap_24h = or_(cap_24h, Lead.id.in_(law_capped))
        blocked, later = int(Section.BLOCKED), int(Section.LATER)
        section: ColumnElement[int] = case(
            (on_dnc, blocked),
            (or_(Lead.phone_bad, Lead.phone_e164.is_(None)), blocked),
            (Lead.attempt_count >= rules.caps.lifetime, blocked),
            (and_(voice, zone_unknown), blocked),
            (~due, later),
            (cap_24h, blocked),
            (and_(voice, window_closed), blocked),
            (Lead.status == "callback", int(Section.CALLBACK)),
            (is_new, int(Section.NEW)),
            else_=int(Section.FOLLOW_UP),
        )
        # Each lead's section is computed once (materialized), then sorted.
        listed = (
            select(
                Lead.id.label("id"),
                tz.label("tz"),
                section.label("sec"),
                Lead.arrived_at.label("arrived_at"),
                Lead.next_action_at.label("next_action_at"),
                channel.label("ch"),
            )
            .where(*where)
            .cte("listed")
        )
        if self.ws.store.engine.dialect.name in ("sqlite", "postgresql"):
            listed = listed.prefix_with("MATERIALIZED")
        sec = listed.c.sec
        is_new_sec = sec == int(Section.NEW)
        # New leads: fresh ones (inside new_lead_max_wait) first, then the backlog, each
        # in arrival order (see domain/calllist.py).
        fresh = listed.c.arrived_at > now - rules.new_lead_max_wait
        tier = case(
            (is_new_sec, case((fresh, 0), else_=1)),
            (listed.c.next_action_at.is_(None), 1),
            else_=0,
        )
        time_key = case(
            (is_new_sec, listed.c.arrived_at),
            else_=listed.c.next_action_at,
        )
        keys = (sec, tier, time_key, listed.c.id)
        return _Plan(now, listed, keys, windows)

    # -- the maintained key's walk ----------------------------------------------------

    def _walks(self, search: str | None, calls_only: bool) -> bool:
        """Whether the list is read by walking `call_rank` (leaddesk.store.call_rank): the
        plain list and its sections on SQLite. A search or the calls-first view computes
        every lead's section (`_plan`); so does PostgreSQL, whose text collation may order
        two leads due at the same instant otherwise than the Python merge of the walk."""
        return (
            not (search and search.strip())
            and not calls_only
            and self.ws.store.engine.dialect.name == "sqlite"
        )

    def _walk(
        self, session: Session, limit: int | None, only: str | None
    ) -> tuple[_Plan, list[tuple[str, int, str | None]]]:
        """The listed leads in call order (the first `limit`, or all), section by section,
        each section an ordered walk of a few ranges of the `call_rank` index stopping
        after the rows still wanted; the places are evaluated for "now", not the leads.
        Gives what `_plan` gives (a test compares them on random data).

        Caps are checked lazily: the callable sections' rows are walked as if no lead
        were capped, then the rows taken are counted (a few hundred seeks of the
        (lead, started_at) index) and a capped one is left out and the section walked
        again. Only the blocked section, which capped leads join, reads every capped lead
        (`_capped`), and only when the page reaches it."""
        now = as_utc(self.ws.clock())
        rules = self.rules
        rank = CallRank
        texts = self._zone_sets(session)
        windows: dict[str | None, WindowState] = {t: self._window(t, now) for t in texts}
        callable_at = [t for t, w in windows.items() if t is not None and w.open and w.known]
        unknown = [t for t, w in windows.items() if t is not None and not w.known]
        life_ok = rank.attempts < rules.caps.lifetime
        open_ = rank.place.in_(callable_at) if callable_at else false()
        # A place not read yet counts as known (later) and closed (blocked when due), as in
        # `_plan`; the rows of such a place make the caller read the places again.
        zone_unknown = or_(rank.place.is_(None), rank.place.in_(unknown) if unknown else false())
        fresh_cut = now - rules.new_lead_max_wait

        # A run: (group, voice, range, tier, the column it is ordered by, conditions).
        Run = tuple[int, int, ColumnElement[bool], int, Any, list[ColumnElement[bool]]]

        def due_runs(grp: int) -> list[Run]:
            runs: list[Run] = []
            for voice in (0, 1):
                if voice and not callable_at:
                    continue
                conds = [life_ok, *([open_] if voice else [])]
                if grp == GRP_NEW:
                    at = rank.arrived_at
                    runs.append((grp, voice, at > fresh_cut, 0, at, conds))
                    runs.append((grp, voice, at <= fresh_cut, 1, at, conds))
                else:
                    runs.append((grp, voice, rank.next_at <= now, 0, rank.next_at, conds))
                    runs.append((grp, voice, rank.next_at.is_(None), 1, rank.next_at, conds))
            return runs

        def later_runs() -> list[Run]:
            return [
                (
                    grp,
                    voice,
                    rank.next_at > now,
                    0,
                    rank.next_at,
                    [life_ok, *([~zone_unknown] if voice else [])],
                )
                for grp in (GRP_CALLBACK, GRP_OTHER)
                for voice in (0, 1)
            ]

        def blocked_runs() -> list[Run]:
            capped, law_capped = self._capped(session, now, texts)
            cap: ColumnElement[bool]
            if len(capped) <= MAX_CAPPED_LITERALS:
                cap = rank.lead_id.in_(capped) if capped else false()
            else:
                count = (
                    select(func.count())
                    .select_from(Attempt)
                    .where(
                        Attempt.lead_id == rank.lead_id,
                        Attempt.started_at > now - DAY,
                        Attempt.started_at <= now,
                        Attempt.outcome.is_not(None),
                    )
                    .scalar_subquery()
                )
                # Never NULL: NOT of it must hold where it is false.
                cap = and_(
                    rank.last_at.is_not(None),
                    rank.last_at > now - DAY,
                    count >= rules.caps.per_24h,
                )
                if law_capped:
                    cap = or_(cap, rank.lead_id.in_(law_capped))
            runs: list[Run] = []
            for voice in (0, 1):
                runs.append((GRP_BLOCKED, voice, rank.next_at.is_not(None), 0, rank.next_at, []))
                runs.append((GRP_BLOCKED, voice, rank.next_at.is_(None), 1, rank.next_at, []))
                always = [~life_ok, *([zone_unknown] if voice else [])]
                when_due = or_(cap, ~open_) if voice else cap
                for grp in (GRP_CALLBACK, GRP_NEW, GRP_OTHER):
                    blocked_due = [or_(*always, when_due)]
                    runs.append((grp, voice, rank.next_at <= now, 0, rank.next_at, blocked_due))
                    runs.append((grp, voice, rank.next_at.is_(None), 1, rank.next_at, blocked_due))
                    # A new lead is due whatever its next action's time.
                    later = blocked_due if grp == GRP_NEW else [or_(*always)]
                    runs.append((grp, voice, rank.next_at > now, 0, rank.next_at, later))
            return runs

        sections: dict[Section, Any] = {
            Section.CALLBACK: lambda: due_runs(GRP_CALLBACK),
            Section.NEW: lambda: due_runs(GRP_NEW),
            Section.FOLLOW_UP: lambda: due_runs(GRP_OTHER),
            Section.LATER: later_runs,
            Section.BLOCKED: blocked_runs,
        }
        out: list[tuple[str, int, str | None]] = []
        for sec, make_runs in sections.items():
            if only is not None and sec.key != only:
                continue
            want = None if limit is None else limit - len(out)
            if want is not None and want <= 0:
                break
            runs = make_runs()
            lazy_caps = sec <= Section.FOLLOW_UP
            left_out: list[str] = []  # capped: found while walking, skipped on the next walk
            while True:
                found = self._run_rows(session, runs, want, left_out)
                capped_now = self._capped_among(session, now, found) if lazy_caps else set()
                if not capped_now:
                    break
                left_out.extend(sorted(capped_now))
            out.extend((lead_id, int(sec), place) for lead_id, place in found)
        plan = _Plan(now, None, (), windows)
        return plan, out

    def _run_rows(
        self, session: Session, runs: Sequence[Any], want: int | None, left_out: list[str]
    ) -> list[tuple[str, str | None]]:
        """The first `want` rows of a section's runs merged in order, as (id, place)."""
        rank = CallRank
        found: list[tuple[int, Any, str, str | None]] = []
        for grp, voice, span, tier, column, conds in runs:
            query = (
                select(rank.lead_id, column, rank.place)
                .where(
                    rank.owner_id == self.ws.agent.id,
                    # Literals: SQLite uses a partial index only for a WHERE it can read.
                    rank.grp == literal_column(str(grp)),
                    rank.voice == literal_column(str(voice)),
                    span,
                    *conds,
                )
                .order_by(column, rank.lead_id)
                .limit(want)
            )
            if left_out:
                query = query.where(rank.lead_id.not_in(left_out))
            found.extend(
                (tier, _NO_TIME if at is None else at, lead_id, place)
                for lead_id, at, place in session.execute(query)
            )
        found.sort(key=lambda row: (row[0], row[1], row[2]))
        return [(lead_id, place) for _, _, lead_id, place in found[:want]]

    def _capped_among(
        self, session: Session, now: datetime, rows: Sequence[tuple[str, str | None]]
    ) -> set[str]:
        """Which of these leads are at a cap now, as `_capped` tells (the team's 24 h cap
        over every agent's attempts; a law's caps where the place has one)."""
        out: set[str] = set()
        ids = [lead_id for lead_id, _ in rows]
        by_cap: dict[tuple[int, Any], list[str]] = {}
        for lead_id, place_key in rows:
            caps = self._caps(place_key)
            if len(caps) > 1:
                for cap in caps:
                    by_cap.setdefault((cap.max, cap.period), []).append(lead_id)
        checks = [(self.rules.caps.per_24h, DAY, ids, True)] + [
            (most, period, group, False) for (most, period), group in by_cap.items()
        ]
        for most, period, group, team in checks:
            for start in range(0, len(group), 900):
                query = (
                    select(Attempt.lead_id)
                    .where(
                        Attempt.lead_id.in_(group[start : start + 900]),
                        Attempt.started_at > now - period,
                        Attempt.started_at <= now,
                        Attempt.outcome.is_not(None),
                    )
                    .group_by(Attempt.lead_id)
                    .having(func.count() >= most)
                )
                if team:
                    query = query.where(Attempt.agent_id.in_(select(Agent.id)))
                out.update(session.scalars(query))
        return out

    # -- rows ----------------------------------------------------------------------------

    def _entries(
        self, session: Session, plan: _Plan, rows: Sequence[tuple[str, int, str | None]]
    ) -> list[CallListEntry]:
        if not rows:
            return []
        now, rules = plan.now, self.rules
        ids = [lead_id for lead_id, _, _ in rows]
        # Plain columns, not ORM objects: loading 200 full leads costs more than the SQL.
        leads = {
            row.id: row for row in session.execute(select(*_ENTRY_COLUMNS).where(Lead.id.in_(ids)))
        }
        caps = {tz_text: self._caps(tz_text) for _, _, tz_text in rows}
        longest = max((c.period for cs in caps.values() for c in cs), default=DAY)
        recent = self._recent(session, now, ids, longest)
        phones = [lead.phone_e164 for lead in leads.values() if lead.phone_e164]
        dnc = set(
            session.scalars(select(DncNumber.phone_e164).where(DncNumber.phone_e164.in_(phones)))
            if phones
            else []
        )
        out: list[CallListEntry] = []
        for lead_id, section_no, tz_text in rows:
            lead = leads[lead_id]
            zones = tuple(lead.time_zones or ())
            lead_place = LeadPlace(zones, tuple(lead.jurisdictions or ()), lead.consent_basis)
            window = plan.windows.get(tz_text) or state_for(rules, lead_place, now)
            times = recent.get(lead.id, [])
            day_times = [t for t in times if t > now - DAY]
            facts = LeadFacts(
                lead_id=lead.id,
                status=lead.status,
                arrived_at=lead.arrived_at,
                next_action_at=lead.next_action_at,
                next_channel=lead.next_channel,
                attempt_count=lead.attempt_count,
                do_not_call=lead.do_not_call or lead.phone_e164 in dnc,
                phone_bad=lead.phone_bad,
                time_zones=zones,
                attempts_24h=len(day_times),
                has_phone=bool(lead.phone_e164),
                jurisdictions=lead_place.jurisdictions,
                consent=lead_place.consent,
                cap=cap_hit(caps.get(tz_text) or caps_for(rules, lead_place), times, now),
            )
            placement = place(facts, now, rules, window)
            section = Section(section_no)
            why = reason(
                facts,
                placement,
                now,
                window,
                cap_lift(day_times, rules.caps.per_24h),
                rules.caps.lifetime,
                rules,
            )
            blocked = blocked_words(window, zones, now) if placement.blocked_by == "hours" else None
            out.append(
                CallListEntry(
                    lead_id=lead.id,
                    name=_name(lead.first_name, lead.last_name, lead.company, lead.phone_raw),
                    company=lead.company,
                    phone_e164=lead.phone_e164,
                    section=section.key,
                    callable=section in (Section.CALLBACK, Section.NEW, Section.FOLLOW_UP),
                    reason=why,
                    local_time=local_time(zones, now),
                    time_zones=zones,
                    attempts=lead.attempt_count,
                    next_action_at=lead.next_action_at,
                    next_channel=lead.next_channel,
                    arrived_at=lead.arrived_at,
                    age_s=max(0, int((now - lead.arrived_at).total_seconds())),
                    status=lead.status,
                    jurisdictions=lead_place.jurisdictions,
                    blocked_by=blocked,
                )
            )
        return out
