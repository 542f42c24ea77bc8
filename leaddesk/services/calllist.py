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
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    Text,
    and_,
    bindparam,
    case,
    cast,
    column,
    exists,
    false,
    func,
    literal,
    or_,
    select,
    text,
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
from leaddesk.store.call_rank import (
    GRP_BLOCKED,
    GRP_CALLBACK,
    GRP_NEW,
    GRP_OTHER,
    KEY_SEPARATOR,
)
from leaddesk.store.models import Agent, Attempt, CallRank, DncNumber, Lead, UTCDateTime


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


def parse_place_key(text: str | None) -> LeadPlace:
    """A lead's place from its call-list key: zones, jurisdictions and consent, as the
    stored JSON texts joined by '|' (see `CallListService._zone_text`)."""
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


# -- the walk of the maintained key (SQLite), as SQL text built once per shape ----------

_PLACE_OK = "r.place IN (SELECT value FROM json_each(:ok))"
_ZONE_UNKNOWN = "(r.place IS NULL OR r.place IN (SELECT value FROM json_each(:unknown)))"
_LIFE_OK = "r.attempts < :life"
# Capped leads, for the blocked section (`_capped`).
_CAPPED = "r.lead_id IN (SELECT value FROM json_each(:capped))"
_TIMES = ("now", "cut")


def _runs(section: Section, any_open: bool) -> list[tuple[int, int, str, int, str, str]]:
    """A section's ordered index ranges: (group, voice, range, tier, the column they are
    ordered by, the condition their rows meet)."""
    runs: list[tuple[int, int, str, int, str, str]] = []
    for voice in (0, 1):
        place_ok = f" AND {_PLACE_OK}" if voice else ""
        if section in (Section.CALLBACK, Section.NEW, Section.FOLLOW_UP):
            if voice and not any_open:
                continue  # no place callable now: no voice lead is
            callable_ = _LIFE_OK + place_ok
            if section is Section.NEW:
                runs.append((GRP_NEW, voice, "r.arrived_at > :cut", 0, "arrived_at", callable_))
                runs.append((GRP_NEW, voice, "r.arrived_at <= :cut", 1, "arrived_at", callable_))
            else:
                grp = GRP_CALLBACK if section is Section.CALLBACK else GRP_OTHER
                runs.append((grp, voice, "r.next_at <= :now", 0, "next_at", callable_))
                runs.append((grp, voice, "r.next_at IS NULL", 1, "next_at", callable_))
        elif section is Section.LATER:
            known = f" AND NOT {_ZONE_UNKNOWN}" if voice else ""
            for grp in (GRP_CALLBACK, GRP_OTHER):
                runs.append((grp, voice, "r.next_at > :now", 0, "next_at", _LIFE_OK + known))
        else:
            runs.append((GRP_BLOCKED, voice, "r.next_at IS NOT NULL", 0, "next_at", "1"))
            runs.append((GRP_BLOCKED, voice, "r.next_at IS NULL", 1, "next_at", "1"))
            always = f"NOT ({_LIFE_OK})" + (f" OR {_ZONE_UNKNOWN}" if voice else "")
            when_due = f"{always} OR {_CAPPED}" + (f" OR NOT ({_PLACE_OK})" if voice else "")
            for grp in (GRP_CALLBACK, GRP_NEW, GRP_OTHER):
                runs.append((grp, voice, "r.next_at <= :now", 0, "next_at", when_due))
                runs.append((grp, voice, "r.next_at IS NULL", 1, "next_at", when_due))
                # A new lead is due whatever its next action's time.
                later = when_due if grp == GRP_NEW else always
                runs.append((grp, voice, "r.next_at > :now", 0, "next_at", later))
    return runs


@cache
def _section_sql(section: Section, any_open: bool, limited: bool) -> Any:
    """One statement for a section's rows in order, as (lead id, place): each range an
    ordered walk of the (owner, grp, voice, time, lead) index stopping after the rows
    wanted (a subquery: SQLite keeps its ORDER BY and LIMIT), merged by one ORDER BY.
    Group and voice are literals: SQLite uses a partial index only for a WHERE it reads."""
    limit = " LIMIT :want" if limited else ""
    parts = [
        f"SELECT * FROM (SELECT r.lead_id AS lead_id, {tier} AS tier, r.{column} AS at,"
        f" r.place AS place FROM call_rank r WHERE r.owner_id = :owner AND r.grp = {grp}"
        f" AND r.voice = {voice} AND {span} AND ({condition})"
        " AND r.lead_id NOT IN (SELECT value FROM json_each(:left_out))"
        f" ORDER BY r.{column}, r.lead_id{limit})"
        for grp, voice, span, tier, column, condition in _runs(section, any_open)
    ]
    if not parts:
        return text("SELECT NULL, NULL WHERE 0")
    sql = (
        "SELECT lead_id, place FROM ("
        + " UNION ALL ".join(parts)
        + f") ORDER BY tier, at, lead_id{limit}"
    )
    times = [bindparam(n, type_=UTCDateTime()) for n in _TIMES if f":{n}" in sql]
    return text(sql).bindparams(*times)


# The facts a listed lead's section depends on, beside the places' states and caps.
_GROUP_FACTS = (
    "r.place, r.grp, r.voice,"
    " CASE WHEN r.grp = 1 OR r.next_at IS NULL OR r.next_at <= :now THEN 1 ELSE 0 END,"
    " CASE WHEN r.attempts < :life THEN 1 ELSE 0 END"
)
_DUE = "(r.grp = 1 OR r.next_at IS NULL OR r.next_at <= :now)"
_OK = "(r.attempts < :life)"
# Counted per (place, group, voice), the order of the (owner, place, ...) index: no sort.
_COUNT_GROUPS = text(
    "SELECT r.place, r.grp, r.voice,"
    f" sum(CASE WHEN {_DUE} AND {_OK} THEN 1 ELSE 0 END),"
    f" sum(CASE WHEN {_DUE} AND NOT {_OK} THEN 1 ELSE 0 END),"
    f" sum(CASE WHEN NOT {_DUE} AND {_OK} THEN 1 ELSE 0 END),"
    f" sum(CASE WHEN NOT {_DUE} AND NOT {_OK} THEN 1 ELSE 0 END)"
    " FROM call_rank r WHERE r.owner_id = :owner GROUP BY r.place, r.grp, r.voice"
).bindparams(bindparam("now", type_=UTCDateTime()))
_CAPPED_GROUPS = text(
    f"SELECT {_GROUP_FACTS} FROM call_rank r WHERE r.owner_id = :owner"
    " AND r.lead_id IN (SELECT value FROM json_each(:capped))"
).bindparams(bindparam("now", type_=UTCDateTime()))


# The attempt times that can hold a page's leads at a cap: every lead's last 24 hours
# (is its agent one of ours: the team's cap counts those), the longest law period of
# the leads whose place has a law's cap.
_ATTEMPT_TIMES = (
    text(
        "SELECT a.lead_id, a.started_at, a.agent_id IN (SELECT id FROM agent) FROM attempt a"
        " WHERE a.lead_id IN (SELECT value FROM json_each(:ids))"
        " AND a.lead_id NOT IN (SELECT value FROM json_each(:law_ids))"
        " AND a.started_at > :day_ago AND a.started_at <= :now AND a.outcome IS NOT NULL"
        " UNION ALL "
        "SELECT a.lead_id, a.started_at, a.agent_id IN (SELECT id FROM agent) FROM attempt a"
        " WHERE a.lead_id IN (SELECT value FROM json_each(:law_ids))"
        " AND a.started_at > :long_ago AND a.started_at <= :now AND a.outcome IS NOT NULL"
    )
    .bindparams(*(bindparam(n, type_=UTCDateTime()) for n in ("day_ago", "long_ago", "now")))
    .columns(
        column("lead_id", String), column("started_at", UTCDateTime()), column("team", Integer)
    )
)


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
        self._place_caps: dict[str | None, tuple[Cap, ...]] = {}

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
            if self._walks(search, False):
                return self._walk_counts(session)
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

    def _among(self, column: Any, values: Sequence[str]) -> ColumnElement[bool]:
        """`column IN values`. On SQLite the values travel as one JSON text read by
        json_each: one bound parameter, not hundreds to render on every query."""
        if not values:
            return false()
        if self.ws.store.engine.dialect.name == "sqlite":
            listed = func.json_each(json.dumps(list(values))).table_valued("value")
            in_json: ColumnElement[bool] = column.in_(select(listed.c.value))
            return in_json
        in_list: ColumnElement[bool] = column.in_(list(values))
        return in_list

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
        """A place's caps (they depend on the rules and the place only: kept)."""
        caps = self._place_caps.get(text)
        if caps is None:
            caps = self._place_caps[text] = caps_for(self.rules, parse_place_key(text))
        return caps

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
        for lead_id, place_text in keys.items():
            for cap in stricter[place_text]:
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
                self._among(Attempt.lead_id, ids),
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
        plain list, its sections and their counts on SQLite. A search or the calls-first
        view computes every lead's section (`_plan`); so does PostgreSQL (the walk's SQL
        is SQLite's: json_each, partial-index literals; agents' laptops run SQLite, the
        team server keeps `call_rank` up to date all the same)."""
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
        were capped, then the rows taken are counted (seeks of the (lead, started_at)
        index) and a capped one is left out and the section walked again. Only the
        blocked section, which capped leads join, reads every capped lead (`_capped`),
        and only when the page reaches it."""
        now = as_utc(self.ws.clock())
        rules = self.rules
        texts = self._zone_sets(session)
        windows: dict[str | None, WindowState] = {t: self._window(t, now) for t in texts}
        callable_at = [t for t, w in windows.items() if t is not None and w.open and w.known]
        unknown = [t for t, w in windows.items() if t is not None and not w.known]
        params: dict[str, Any] = {
            "owner": self.ws.agent.id,
            "now": now,
            "cut": now - rules.new_lead_max_wait,
            "day_ago": now - DAY,
            "life": rules.caps.lifetime,
            "per24": rules.caps.per_24h,
            "ok": json.dumps(callable_at),
            "unknown": json.dumps(unknown),
            "capped": "[]",
        }
        out: list[tuple[str, int, str | None]] = []
        checked: set[str] = set()  # rows whose caps were counted: not capped
        for sec in Section:
            if only is not None and sec.key != only:
                continue
            want = None if limit is None else limit - len(out)
            if want is not None and want <= 0:
                break
            if sec is Section.BLOCKED:
                # Every capped lead, as one JSON parameter (however many they are).
                params["capped"] = json.dumps(self._capped(session, now, texts)[0])
            sql = _section_sql(sec, bool(callable_at), want is not None)
            left_out: list[str] = []  # capped: found while walking, skipped on the next walk
            while True:
                found = [
                    (lead_id, place)
                    for lead_id, place in session.execute(
                        sql, {**params, "want": want, "left_out": json.dumps(left_out)}
                    )
                ]
                if sec > Section.FOLLOW_UP:
                    break
                fresh = [row for row in found if row[0] not in checked]
                capped_now = self._capped_among(session, now, fresh)
                checked.update(lead_id for lead_id, _ in fresh if lead_id not in capped_now)
                if not capped_now:
                    break
                left_out.extend(sorted(capped_now))
            out.extend((lead_id, int(sec), place) for lead_id, place in found)
        plan = _Plan(now, None, (), windows)
        return plan, out

    def _walk_counts(self, session: Session) -> dict[str, int]:
        """`counts` from the maintained key: its leads grouped by what their section
        depends on (group, voice, place, due, under the lifetime cap), each group placed
        by the places' states now, then the capped leads moved (`_capped`)."""
        for _ in range(2):
            now = as_utc(self.ws.clock())
            texts = self._zone_sets(session)
            windows = {t: self._window(t, now) for t in texts}
            params = {"owner": self.ws.agent.id, "now": now, "life": self.rules.caps.lifetime}
            groups = session.execute(_COUNT_GROUPS, params).all()
            if all(row[0] in windows for row in groups):
                break
            self._zone_texts_read = -1e18
        capped, _ = self._capped(session, now, texts)
        callable_at = {t for t, w in windows.items() if t is not None and w.open and w.known}
        unknown = {t for t, w in windows.items() if t is not None and not w.known}

        def section(
            grp: int, voice: int, place_key: str | None, due: int, ok: int, cap: bool
        ) -> str:
            # As `leaddesk.domain.calllist.place`, over the key's facts.
            if (
                grp == GRP_BLOCKED
                or not ok
                or (voice and (place_key is None or place_key in unknown))
            ):
                return Section.BLOCKED.key
            if not due:
                return Section.LATER.key
            if cap or (voice and place_key not in callable_at):
                return Section.BLOCKED.key
            return {GRP_CALLBACK: Section.CALLBACK, GRP_NEW: Section.NEW}.get(
                grp, Section.FOLLOW_UP
            ).key

        out = dict.fromkeys(SECTION_KEYS, 0)
        for place_key, grp, voice, *by_due_ok in groups:
            for (due, ok), count in zip(((1, 1), (1, 0), (0, 1), (0, 0)), by_due_ok, strict=True):
                if count:
                    out[section(grp, voice, place_key, due, ok, False)] += int(count)
        if capped:
            for place_key, grp, voice, due, ok in session.execute(
                _CAPPED_GROUPS, {**params, "capped": json.dumps(capped)}
            ):
                out[section(grp, voice, place_key, due, ok, False)] -= 1
                out[section(grp, voice, place_key, due, ok, True)] += 1
        return out

    def _capped_among(
        self, session: Session, now: datetime, rows: Sequence[tuple[str, str | None]]
    ) -> set[str]:
        """Which of these leads are at a cap now, as `_capped` tells (the team's 24 h cap
        over every agent's attempts; a law's caps where the place has one). One
        statement: the last 24 hours of every lead, the longest law period of the others."""
        if not rows:
            return set()
        stricter = {
            lead_id: caps for lead_id, place_key in rows if len(caps := self._caps(place_key)) > 1
        }
        longest = max((c.period for caps in stricter.values() for c in caps), default=DAY)
        times: dict[str, list[tuple[datetime, bool]]] = {}
        for lead_id, started, team in session.execute(
            _ATTEMPT_TIMES,
            {
                "ids": json.dumps([lead_id for lead_id, _ in rows]),
                "law_ids": json.dumps(sorted(stricter)),
                "day_ago": now - DAY,
                "long_ago": now - longest,
                "now": now,
            },
        ):
            times.setdefault(lead_id, []).append((started, bool(team)))
        out: set[str] = set()
        per_24h = self.rules.caps.per_24h
        for lead_id, seen in times.items():
            if sum(1 for at, team in seen if team and at > now - DAY) >= per_24h:
                out.add(lead_id)
            for cap in stricter.get(lead_id, ()):
                if sum(1 for at, _ in seen if at > now - cap.period) >= cap.max:
                    out.add(lead_id)
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
            row.id: row
            for row in session.execute(select(*_ENTRY_COLUMNS).where(self._among(Lead.id, ids)))
        }
        caps = {tz_text: self._caps(tz_text) for _, _, tz_text in rows}
        longest = max((c.period for cs in caps.values() for c in cs), default=DAY)
        recent = self._recent(session, now, ids, longest)
        phones = [lead.phone_e164 for lead in leads.values() if lead.phone_e164]
        dnc = set(
            session.scalars(
                select(DncNumber.phone_e164).where(self._among(DncNumber.phone_e164, phones))
            )
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
