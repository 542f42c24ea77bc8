"""The lead-response report: the measures of `leaddesk.domain.metrics`, computed in SQL.

A supervisor's database can hold millions of attempts, so the work that grows with the
data runs in the database: the effective attempts are ranked per lead with a window
function, each lead is reduced to its `LeadClass`, and leads and attempts come back
grouped (a few hundred rows), with the speed-to-lead percentiles picked by rank. The
domain's `assemble` turns those groups into the figures, exactly as it does for the
plain-Python `compute`; the tests hold both paths to the same answers.

With the aggregates the database keeps (leaddesk.store.aggregates; the default) whole
UTC days are read from them: attempts from attempt_day, calls from call_day, the
cohort's leads from lead_day (by arrival day) and the speed-to-lead percentiles by rank
from lead_fact's indexes; only the part-days at the ends of the period come from the
raw attempts and lead_fact. A period that ends before some attempt (the lead summaries
cover all of a lead's attempts) classes its leads from the raw attempts as above.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from leaddesk.domain.agent_states import StateTimes, team_times
from leaddesk.domain.clock import Clock, as_utc, iso
from leaddesk.domain.metrics import (
    NO_RETRY_OUTCOMES,
    REACHED_OUTCOMES,
    VOICEMAIL_LEFT,
    AttemptGroup,
    LeadClass,
    Measures,
    Period,
    SpeedSummary,
    assemble,
    median_ranks,
    p90_rank,
)
from leaddesk.domain.phone_measures import (
    INBOUND,
    OUTBOUND,
    CallGroup,
    PhoneMeasures,
    active_span,
    assemble_phone,
)
from leaddesk.services.agent_states import state_times
from leaddesk.services.errors import NotFound, UserError
from leaddesk.store.aggregates import HOURS, NO_BUCKET, seconds_between, speed_bucket_sql
from leaddesk.store.engine import Store
from leaddesk.store.models import Agent, UTCDateTime

TEAM = "all"  # the `--agent all` name, and the `agent` of the team's totals


def sql_list(codes: frozenset[str] | set[str]) -> str:
    # Codes come from the outcome table, never from input.
    return ", ".join(f"'{code}'" for code in sorted(codes))


NOT_SUPERSEDED = "id NOT IN (SELECT supersedes_id FROM attempt WHERE supersedes_id IS NOT NULL)"
REACHED_SQL = sql_list(REACHED_OUTCOMES)
NO_RETRY_SQL = sql_list(REACHED_OUTCOMES | NO_RETRY_OUTCOMES)


def _bucket_sql(speed: str) -> str:
    return speed_bucket_sql(speed)


@dataclass(frozen=True, slots=True)
class AgentReport:
    """The measures for one agent, or for the team (`agent` == "all")."""

    agent: str
    display_name: str
    agent_id: str | None
    period: Period
    measures: Measures
    phone: PhoneMeasures = field(default_factory=PhoneMeasures)
    states: StateTimes = field(default_factory=StateTimes)

    def to_json(self) -> dict[str, Any]:
        m = self.measures
        return {
            "agent": self.agent,
            "since": iso(self.period.since),
            "until": iso(self.period.until),
            "leads": m.leads,
            "attempts": m.attempts,
            "never_contacted": m.never_contacted,
            "never_contacted_pct": _round(m.never_contacted_pct, 1),
            "second_attempt_rate": _round(m.second_attempt_rate, 4),
            "median_attempts": m.median_attempts,
            "speed_to_lead_median_s": _round(m.speed_to_lead_median_s, 1),
            "speed_to_lead_p90_s": _round(m.speed_to_lead_p90_s, 1),
            "voicemail_left_rate": _round(m.voicemail_left_rate, 4),
            "contact_rate": _round(m.contact_rate, 4),
            "attempts_outside_rules": m.attempts_outside_rules,
            "outcomes": dict(m.outcomes),
            "channels": dict(m.channels),
            # Beyond the contract: the rest of DOMAIN.md's measures.
            "first_touch_call_rate": _round(m.first_touch_call_rate, 4),
            "voicemails_left": m.voicemails_left,
            "voicemails_reached": m.voicemails_reached,
            "voicemail_script_words_mean": _round(m.script_words_mean, 1),
            "voicemail_script_seconds_mean": _round(m.script_seconds_mean, 1),
            "voicemail_script_words_max": m.script_words_max,
            "attempts_distribution": {str(k): v for k, v in m.attempts_distribution.items()},
            "speed_to_lead_buckets": dict(m.speed_to_lead_buckets),
            # The phone's time measures and returned calls (#19; domain/phone_measures.py).
            **self.phone.to_json(),
            # Time in each agent state (ready, on_call, wrap_up, paused, offline), seconds.
            **self.states.to_json(),
        }


@dataclass(frozen=True, slots=True)
class TeamReport:
    period: Period
    agents: list[AgentReport]
    team: AgentReport

    def to_json(self) -> dict[str, Any]:
        return {
            "agent": TEAM,
            "since": iso(self.period.since),
            "until": iso(self.period.until),
            "agents": [a.to_json() for a in self.agents],
            "team": self.team.to_json(),
        }


@dataclass
class _Groups:
    classes: Counter[LeadClass] = field(default_factory=Counter)
    ranks: dict[int, float] = field(default_factory=dict)  # rank -> speed
    speeds: int = 0
    attempts: list[AttemptGroup] = field(default_factory=list)
    calls: list[CallGroup] = field(default_factory=list)

    def phone(self, active_s: float | None = None, *, known: bool = True) -> PhoneMeasures:
        """`active_s`: the time logged in from the agent's states (the team's: the sum
        of its agents'); None: from the first call to the last wrap-up. `known` False:
        the active time is not known (see `covered_by`), and no rate is told."""
        if not known:
            return assemble_phone(self.calls, None)
        return assemble_phone(
            self.calls, active_s if active_s is not None else active_span(self.calls)
        )

    def covered_by(self, states: StateTimes) -> bool:
        """Whether the agent's recorded states cover their calls of the period: they
        begin at or before the first call, or none were recorded (then the calls' own
        span is the active time). States that begin later (they came with an upgrade,
        or a shift was partly recorded) would divide every call by part of the time:
        25,000 dials an hour."""
        if states.known_from is None:
            return True
        starts = [g.first_start for g in self.calls if g.first_start is not None]
        return not starts or min(starts) >= states.known_from.timestamp()

    def speed(self) -> SpeedSummary:
        if not self.speeds:
            return SpeedSummary(None, None)
        low, high = median_ranks(self.speeds)
        return SpeedSummary(
            (self.ranks[low] + self.ranks[high]) / 2, self.ranks[p90_rank(self.speeds)]
        )


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


class ReportService:
    """Reports for one agent or the whole team, read from the store."""

    def __init__(self, store: Store, clock: Clock, *, aggregates: bool = True) -> None:
        self.store = store
        self.clock = clock
        # Read the aggregates the database keeps (leaddesk.store.aggregates) where the
        # period allows; False: everything from the raw attempts (the tests' reference).
        self.aggregates = aggregates

    def period(self, since: datetime | None = None, until: datetime | None = None) -> Period:
        """The period [since, until); until defaults to now. Raises UserError if empty."""
        end = as_utc(until) if until is not None else as_utc(self.clock())
        start = as_utc(since) if since is not None else None
        if start is not None and start >= end:
            raise UserError(
                f"the period from {iso(start)} to {iso(end)} is empty: --since must come before --until"
            )
        return Period(start, end)

    # -- public -------------------------------------------------------------------------

    def agent_report(self, period: Period, agent_name: str) -> AgentReport:
        with self.store.snapshot() as session:
            agent = session.scalars(select(Agent).where(Agent.name == agent_name)).first()
            if agent is None:
                raise NotFound(f"no agent named {agent_name!r}")
            agent_id, name, display = agent.id, agent.name, agent.display_name or agent.name
            groups = self._groups(session, period, agent_id)
            times = state_times(session, period.since, period.until, agent_id)
        g = groups.get(agent_id, _Groups())
        measures = assemble(g.classes, g.speed(), g.attempts)
        own = times.get(agent_id, StateTimes())
        phone = g.phone(own.active_s, known=g.covered_by(own))
        return AgentReport(name, display, agent_id, period, measures, phone, own)

    def team_report(self, period: Period) -> TeamReport:
        """Every agent with leads or attempts in the period (and every non-supervisor),
        and the team's totals, which also count leads nobody owns."""
        with self.store.snapshot() as session:
            groups = self._groups(session, period, None)
            times = state_times(session, period.since, period.until)
            agents = session.scalars(select(Agent).order_by(Agent.name)).all()
            rows = []
            team_active = 0.0
            team_known = True  # every agent's active time known: the team's is their sum
            for agent in agents:
                g = groups.get(agent.id)
                if g is None and agent.is_supervisor and agent.id not in times:
                    continue
                g = g or _Groups()
                own = times.get(agent.id, StateTimes())
                known = g.covered_by(own)
                team_known = team_known and known
                phone = g.phone(own.active_s, known=known)
                team_active += phone.active_s or 0.0
                rows.append(
                    AgentReport(
                        agent.name,
                        agent.display_name or agent.name,
                        agent.id,
                        period,
                        assemble(g.classes, g.speed(), g.attempts),
                        phone,
                        own,
                    )
                )
        total = groups.get(None, _Groups())
        team = AgentReport(
            TEAM,
            "Team",
            None,
            period,
            assemble(total.classes, total.speed(), total.attempts),
            total.phone(team_active or None, known=team_known),
            team_times(times.values()),
        )
        return TeamReport(period, rows, team)

    # -- SQL ----------------------------------------------------------------------------

    def _groups(
        self, session: Session, period: Period, agent_id: str | None
    ) -> dict[str | None, _Groups]:
        """Grouped facts per agent id; with agent_id None also the team under key None."""
        dialect = session.get_bind().dialect.name
        params: dict[str, Any] = {"until": period.until}
        if period.since is not None:
            params["since"] = period.since
        if agent_id is not None:
            params["agent"] = agent_id
        out: defaultdict[str | None, _Groups] = defaultdict(_Groups)

        rows: Any = []
        if self.aggregates and self._summaries_cover(session, dialect, period):
            self._lead_days(session, period, agent_id, out)
        else:
            rows = session.execute(self._lead_sql(dialect, period, agent_id), params)
        for row in rows:
            part, owner, a, b, c, d, e, n, speed = row
            if part == 0:
                cls = LeadClass(int(a), bool(b), bool(c), bool(d), None if e is None else int(e))
                out[owner].classes[cls] += int(n)
                if agent_id is None:
                    out[None].classes[cls] += int(n)
            else:
                # a: the rank within the owner's leads, b: their count; c, d: the team's
                if a is not None:
                    out[owner].ranks[int(a)] = float(speed)
                    out[owner].speeds = int(b)
                if c is not None:
                    out[None].ranks[int(c)] = float(speed)
                    out[None].speeds = int(d)

        team: Counter[tuple[str, str, str]] = Counter()
        team_words: Counter[tuple[str, str, str]] = Counter()
        team_known: Counter[tuple[str, str, str]] = Counter()
        team_outside: Counter[tuple[str, str, str]] = Counter()
        team_longest: Counter[tuple[str, str, str]] = Counter()
        for (
            agent,
            channel,
            outcome,
            n,
            words,
            known,
            outside,
            longest,
            direction,
        ) in self._attempt_rows(session, dialect, period, agent_id, params):
            group = AttemptGroup(
                channel,
                outcome,
                int(n),
                int(words or 0),
                int(known or 0),
                int(outside or 0),
                int(longest or 0),
                direction,
            )
            out[agent].attempts.append(group)
            key = (channel, outcome, direction)
            team[key] += group.count
            team_words[key] += group.script_words_sum
            team_known[key] += group.script_words_count
            team_outside[key] += group.outside_rules
            team_longest[key] = max(team_longest[key], group.script_words_max)
        if agent_id is None:
            out[None].attempts = [
                AttemptGroup(
                    key[0],
                    key[1],
                    n,
                    team_words[key],
                    team_known[key],
                    team_outside[key],
                    team_longest[key],
                    key[2],
                )
                for key, n in team.items()
            ]
        for agent, calls in self._phone_groups(session, dialect, period, agent_id, params).items():
            out[agent].calls = calls
            if agent_id is None:
                out[None].calls.extend(calls)
        return dict(out)

    def _attempt_rows(
        self,
        session: Session,
        dialect: str,
        period: Period,
        agent_id: str | None,
        params: dict[str, Any],
    ) -> list[tuple[Any, ...]]:
        """(agent, channel, outcome, count, words sum, words count, outside, longest,
        direction): whole UTC days from attempt_day, the part-days at the ends from the
        attempts. attempt_day does not know direction: the inbound attempts of the whole
        days (returned calls, few) are read from the attempts (a partial index) and taken
        out of its counts."""
        days = _whole_days(period) if self.aggregates else None
        if days is None:
            return [
                tuple(r)
                for r in session.execute(self._attempt_sql(dialect, period, agent_id), params)
            ]
        first, end = days  # [first, end): midnights; first None: from the beginning
        merged: dict[tuple[str, str, str, str], list[int]] = {}

        def add(rows: Any, sign: int = 1, direction: str | None = None) -> None:
            for agent, channel, outcome, n, words, known, outside, longest, *rest in rows:
                way = direction or (rest[0] if rest else OUTBOUND)
                into = merged.setdefault((agent, channel, outcome, way), [0, 0, 0, 0, 0])
                into[0] += sign * int(n)
                into[1] += sign * int(words or 0)
                into[2] += sign * int(known or 0)
                into[3] += sign * int(outside or 0)
                if sign > 0:
                    into[4] = max(into[4], int(longest or 0))

        # All history on SQLite: one pass over the table beats a row lookup per day's
        # row through the day index (`+day` keeps SQLite off it).
        day = "+day" if first is None and dialect == "sqlite" else "day"
        where, day_params = _day_range(first, end, agent_id, day=day)
        add(
            session.execute(
                text(
                    "SELECT agent_id, channel, outcome, SUM(attempts), SUM(words_sum), "
                    "SUM(words_count), SUM(outside), MAX(words_max) FROM attempt_day "
                    f"WHERE {where} GROUP BY agent_id, channel, outcome"
                ),
                day_params,
            ),
            direction=OUTBOUND,
        )
        # The whole days' returned calls: out of the outbound counts, into their own.
        whole = Period(first, end)
        inbound = list(
            session.execute(
                self._attempt_sql(dialect, whole, agent_id, inbound_only=True),
                {"since": first, "until": end, "agent": agent_id},
            )
        )
        add(inbound, sign=-1, direction=OUTBOUND)
        add(inbound)
        for part in _part_days(period, first, end):
            add(
                session.execute(
                    self._attempt_sql(dialect, part, agent_id, edge=True),
                    {"since": part.since, "until": part.until, "agent": agent_id},
                )
            )
        return [(*key[:3], *values, key[3]) for key, values in merged.items() if values[0] > 0]

    def _lead_days(
        self,
        session: Session,
        period: Period,
        agent_id: str | None,
        out: defaultdict[str | None, _Groups],
    ) -> None:
        """The cohort's lead classes from lead_day (whole UTC arrival days) and lead_fact
        (the part-days at the ends), and the speed-to-lead percentiles from lead_fact by
        rank: no per-lead row is read but the few the ranks point at. Valid when the
        lead summaries cover the period (`_summaries_cover`)."""
        columns = "owner_id, persist, first_call, retry_due, second, bucket"
        mine = "" if agent_id is None else " AND owner_id = :agent"
        buckets: defaultdict[str | None, Counter[int]] = defaultdict(Counter)

        def add(rows: Any) -> None:
            for owner, persist, first_call, retry_due, second, bucket, n in rows:
                speed = None if bucket == NO_BUCKET else int(bucket)
                cls = LeadClass(
                    int(persist), bool(first_call), bool(retry_due), bool(second), speed
                )
                out[owner].classes[cls] += int(n)
                if speed is not None:
                    buckets[owner][speed] += int(n)
                if agent_id is None:
                    out[None].classes[cls] += int(n)
                    if speed is not None:
                        buckets[None][speed] += int(n)

        days = _whole_days(period)
        parts = [period]
        if days is not None:
            first, end = days
            where, day_params = _day_range(first, end, agent_id, owner="owner_id")
            add(
                session.execute(
                    text(
                        f"SELECT {columns}, SUM(leads) FROM lead_day WHERE {where} "
                        f"GROUP BY {columns}"
                    ),
                    day_params,
                )
            )
            parts = _part_days(period, first, end)
        for part in parts:
            where = "arrived_at < :until"
            if part.since is not None:
                where += " AND arrived_at >= :since"
            add(
                session.execute(
                    text(
                        f"SELECT {columns}, COUNT(*) FROM lead_fact WHERE {where}{mine} "
                        f"GROUP BY {columns}"
                    ).bindparams(*_time_params(part)),
                    {"since": part.since, "until": part.until, "agent": agent_id},
                )
            )
        for owner, counts in buckets.items():
            g = out[owner]
            g.speeds = sum(counts.values())
            g.ranks = self._speed_ranks(session, period, owner, counts, g.speeds)

    @staticmethod
    def _speed_ranks(
        session: Session, period: Period, owner: str | None, counts: Counter[int], n: int
    ) -> dict[int, float]:
        """The speeds at the ranks the median and the 90th percentile need, among the
        cohort's `n` leads of `owner` (None: the team) with a speed: the bucket counts say
        in which bucket each rank lies, lead_fact's (owner, bucket, speed) index walks to
        it."""
        wanted = sorted({*median_ranks(n), p90_rank(n)})
        # speed IS NOT NULL: the indexes hold only the leads with a speed.
        where = "bucket = :bucket AND speed IS NOT NULL AND arrived_at < :until"
        if period.since is not None:
            where += " AND arrived_at >= :since"
        if owner is not None:
            where += " AND owner_id = :owner"
        query = text(
            f"SELECT speed FROM lead_fact WHERE {where} ORDER BY speed LIMIT :n OFFSET :skip"
        ).bindparams(*_time_params(period))
        ranks: dict[int, float] = {}
        below = 0  # leads in the buckets before this one
        for bucket in sorted(counts):
            inside = [r for r in wanted if below < r <= below + counts[bucket]]
            # One walk per run of neighbouring ranks (the median's two): the 90th
            # percentile is read on its own, not with every lead in between.
            runs: list[list[int]] = []
            for r in inside:
                if runs and r - runs[-1][-1] <= 1:
                    runs[-1].append(r)
                else:
                    runs.append([r])
            for run in runs:
                skip = run[0] - below - 1
                speeds = session.scalars(
                    query,
                    {
                        "bucket": bucket,
                        "owner": owner,
                        "since": period.since,
                        "until": period.until,
                        "n": len(run),
                        "skip": skip,
                    },
                ).all()
                for r in run:
                    ranks[r] = float(speeds[r - below - 1 - skip])
            below += counts[bucket]
        return ranks

    @staticmethod
    def _summaries_cover(session: Session, dialect: str, period: Period) -> bool:
        """Whether the lead summaries (over all of a lead's attempts) are the period's:
        no effective attempt starts at or after its end (the usual "until now")."""
        day = period.until.strftime("%Y-%m-%d")
        later = session.execute(
            text("SELECT 1 FROM attempt_day WHERE day > :day LIMIT 1"), {"day": day}
        ).first()
        if later is not None:
            return False
        same_day = session.execute(
            text(
                "SELECT 1 FROM attempt a WHERE a.agent_id IN "
                "(SELECT agent_id FROM attempt_day WHERE day = :day) "
                f"AND a.started_at >= :until AND a.outcome IS NOT NULL AND a.{NOT_SUPERSEDED} "
                "LIMIT 1"
            ).bindparams(bindparam("until", type_=UTCDateTime())),
            {"day": day, "until": period.until},
        ).first()
        return same_day is None

    @staticmethod
    def _lead_sql(dialect: str, period: Period, agent_id: str | None) -> Any:
        """Every lead of the cohort classed from the raw attempts: for a period the lead
        summaries do not cover (attempts after its end), and the tests' reference."""
        lead_filter = "l.deleted_at IS NULL AND l.arrived_at < :until"
        if period.since is not None:
            lead_filter += " AND l.arrived_at >= :since"
        attempt_filter = ""
        if agent_id is not None:
            lead_filter += " AND l.owner_id = :agent"
            attempt_filter = " AND lead_id IN (SELECT id FROM lead WHERE owner_id = :agent)"
        speed = seconds_between(dialect, "p.first_at", "l.arrived_at")
        not_negative = "MAX" if dialect == "sqlite" else "GREATEST"  # an attempt logged early
        # Every attempt of the team: a scan and one sort beat a row lookup per attempt.
        source = "attempt NOT INDEXED" if dialect == "sqlite" and agent_id is None else "attempt"
        # The team's ranks are only needed for the team report.
        team_rank = (
            "ROW_NUMBER() OVER (ORDER BY speed) AS r_all, COUNT(*) OVER () AS n_all"
            if agent_id is None
            else "CAST(NULL AS INTEGER) AS r_all, CAST(NULL AS INTEGER) AS n_all"
        )
        own_pick, all_pick = _rank_pick("r_own", "n_own"), _rank_pick("r_all", "n_all")
        per_lead = f"""
        ranked AS (
          SELECT lead_id, channel, outcome, started_at,
                 ROW_NUMBER() OVER (PARTITION BY lead_id ORDER BY started_at, id) AS k
          FROM {source}
          WHERE outcome IS NOT NULL AND started_at < :until AND {NOT_SUPERSEDED}{attempt_filter}
        ),
        per_lead AS (
          SELECT lead_id, MIN(started_at) AS first_at, COUNT(*) AS n,
                 MAX(CASE WHEN k = 1 AND channel = 'phone' THEN 1 ELSE 0 END) AS first_call,
                 MAX(CASE WHEN k = 1 AND outcome NOT IN ({NO_RETRY_SQL}) THEN 1 ELSE 0 END)
                   AS retry_due,
                 MIN(CASE WHEN outcome IN ({REACHED_SQL}) THEN k END) AS reached_k
          FROM ranked GROUP BY lead_id
        )"""
        sql = f"""
        WITH {per_lead},
        cohort AS MATERIALIZED (
          SELECT COALESCE(l.owner_id, '') AS owner,
                 COALESCE(p.reached_k, p.n, 0) AS persist,
                 COALESCE(p.first_call, 0) AS first_call,
                 COALESCE(p.retry_due, 0) AS retry_due,
                 CASE WHEN p.n > 1 THEN 1 ELSE 0 END AS second,
                 CASE WHEN p.first_at IS NULL THEN NULL ELSE {not_negative}(0, {speed}) END
                   AS speed
          FROM lead l LEFT JOIN per_lead p ON p.lead_id = l.id
          WHERE {lead_filter}
        ),
        speeds AS (
          SELECT owner, speed,
                 ROW_NUMBER() OVER (PARTITION BY owner ORDER BY speed) AS r_own,
                 COUNT(*) OVER (PARTITION BY owner) AS n_own,
                 {team_rank}
          FROM cohort WHERE speed IS NOT NULL
        )
        SELECT 0, owner, persist, first_call, retry_due, second,
               {_bucket_sql("speed")}, COUNT(*), NULL
        FROM cohort
        GROUP BY owner, persist, first_call, retry_due, second, {_bucket_sql("speed")}
        UNION ALL
        SELECT 1, owner, CASE WHEN {own_pick} THEN r_own END, n_own,
               CASE WHEN {all_pick} THEN r_all END, n_all, NULL, NULL, speed
        FROM speeds
        WHERE {own_pick} OR {all_pick}
        """
        return text(sql).bindparams(*_time_params(period))

    def _phone_groups(
        self,
        session: Session,
        dialect: str,
        period: Period,
        agent_id: str | None,
        params: dict[str, Any],
    ) -> dict[str | None, list[CallGroup]]:
        """The effective phone attempts grouped per agent, direction and reached, as
        `CallGroup`s one per UTC hour (see domain/phone_measures.py): whole UTC days from
        call_day, the part-days at the ends from the attempts. The phone measures only
        add the groups up, so the hours carry their calls and the first hour the group's
        times."""
        # (agent, direction, reached) -> [calls, talk, wrap-up, handled, handled talk,
        # handled wrap-up], [first start, last end], calls per hour
        sums: dict[tuple[str, str, int], list[int]] = {}
        spans: dict[tuple[str, str, int], list[float]] = {}
        hours: defaultdict[tuple[str, str, int], Counter[int]] = defaultdict(Counter)

        def add(key: tuple[str, str, int], values: Any, lo: Any, hi: Any) -> None:
            into = sums.setdefault(key, [0] * 6)
            for i, value in enumerate(values):
                into[i] += int(value or 0)
            if lo is not None and hi is not None:
                span = spans.setdefault(key, [float(lo), float(hi)])
                span[0], span[1] = min(span[0], float(lo)), max(span[1], float(hi))

        def add_raw(rows: Any) -> None:
            for agent, direction, reached, hr, *values, lo, hi in rows:
                key = (agent, direction, int(reached))
                add(key, values, lo, hi)
                hours[key][int(hr)] += int(values[0])

        days = _whole_days(period) if self.aggregates else None
        if days is None:
            add_raw(session.execute(self._phone_sql(dialect, period, agent_id), params))
        else:
            first, end = days
            where, day_params = _day_range(first, end, agent_id)
            hour_sums = ", ".join(f"SUM({h})" for h in HOURS)
            for agent, direction, reached, *values in session.execute(
                text(
                    "SELECT agent_id, direction, reached, SUM(calls), SUM(talk_s), "
                    "SUM(wrapup_s), SUM(handled), SUM(handled_talk_s), SUM(handled_wrapup_s), "
                    f"MIN(first_start), MAX(last_end), {hour_sums} "
                    f"FROM call_day WHERE {where} GROUP BY agent_id, direction, reached"
                ),
                day_params,
            ):
                key = (agent, direction, int(reached))
                add(key, values[:6], values[6], values[7])
                for hr, n in enumerate(values[8:]):
                    if n:
                        hours[key][hr] += int(n)
            for part in _part_days(period, first, end):
                add_raw(
                    session.execute(
                        self._phone_sql(dialect, part, agent_id, edge=True),
                        {"since": part.since, "until": part.until, "agent": agent_id},
                    )
                )
        out: defaultdict[str | None, list[CallGroup]] = defaultdict(list)
        for key in sorted(sums):
            agent, direction, reached = key
            talk, wrap, handled, h_talk, h_wrap = sums[key][1:]
            lo, hi = spans.get(key, (None, None))
            counted = [(hr, count) for hr, count in sorted(hours[key].items()) if count]
            for n, (hr, count) in enumerate(counted):
                if n:
                    out[agent].append(CallGroup(direction, bool(reached), hr, count))
                else:
                    out[agent].append(
                        CallGroup(
                            direction,
                            bool(reached),
                            hr,
                            count,
                            talk,
                            wrap,
                            handled,
                            h_talk,
                            h_wrap,
                            lo,
                            hi,
                        )
                    )
        return dict(out)

    @staticmethod
    def _phone_sql(dialect: str, period: Period, agent_id: str | None, edge: bool = False) -> Any:
        where = (
            f"channel = 'phone' AND outcome IS NOT NULL AND started_at < :until "
            f"AND {NOT_SUPERSEDED}"
        )
        if period.since is not None:
            where += " AND started_at >= :since"
        if agent_id is not None:
            where += " AND agent_id = :agent"
        elif edge:
            # A part-day next to the aggregates: a range of the (agent, started) index
            # for each agent, not a scan of every attempt.
            where += f" AND {_every_agent(dialect)}"
        if dialect == "sqlite":
            start = "CAST(strftime('%s', started_at) AS INTEGER)"
            hour = "CAST(strftime('%H', started_at) AS INTEGER)"
        else:
            start = "EXTRACT(EPOCH FROM date_trunc('second', started_at))"
            hour = "CAST(EXTRACT(HOUR FROM started_at AT TIME ZONE 'UTC') AS INTEGER)"
        end = f"{start} + COALESCE(ring_s, 0) + COALESCE(duration_s, 0) + COALESCE(wrapup_s, 0)"
        sql = f"""
        SELECT agent_id, direction, CASE WHEN outcome IN ({REACHED_SQL}) THEN 1 ELSE 0 END,
               {hour}, COUNT(*), SUM(COALESCE(duration_s, 0)), SUM(COALESCE(wrapup_s, 0)),
               COUNT(CASE WHEN duration_s > 0 THEN 1 END),
               SUM(CASE WHEN duration_s > 0 THEN duration_s ELSE 0 END),
               SUM(CASE WHEN duration_s > 0 THEN COALESCE(wrapup_s, 0) ELSE 0 END),
               MIN({start}), MAX({end})
        FROM attempt WHERE {where}
        GROUP BY agent_id, direction, CASE WHEN outcome IN ({REACHED_SQL}) THEN 1 ELSE 0 END,
                 {hour}
        """
        return text(sql).bindparams(*_time_params(period))

    @staticmethod
    def _attempt_sql(
        dialect: str,
        period: Period,
        agent_id: str | None,
        edge: bool = False,
        inbound_only: bool = False,
    ) -> Any:
        where = f"outcome IS NOT NULL AND started_at < :until AND {NOT_SUPERSEDED}"
        # The whole team's attempts: one sequential scan beats SQLite's skip-scan of the
        # (agent, started) index with a row lookup per attempt.
        source = "attempt NOT INDEXED" if dialect == "sqlite" and agent_id is None else "attempt"
        if edge and agent_id is None:
            # A part-day next to the aggregates: a range of the (agent, started) index
            # for each agent, not a scan of every attempt.
            source = "attempt"
            where += f" AND {_every_agent(dialect)}"
        if inbound_only:
            # Returned calls only: the partial index ix_attempt_inbound (migration 0010).
            source = "attempt"
            where = f"direction = '{INBOUND}' AND {where}"
        if period.since is not None:
            where += " AND started_at >= :since"
        if agent_id is not None:
            where += " AND agent_id = :agent"
        sql = f"""
        SELECT agent_id, channel, outcome, COUNT(*),
               SUM(CASE WHEN outcome = '{VOICEMAIL_LEFT}' THEN script_words END),
               COUNT(CASE WHEN outcome = '{VOICEMAIL_LEFT}' THEN script_words END),
               COUNT(CASE WHEN outside_rules THEN 1 END),
               MAX(CASE WHEN outcome = '{VOICEMAIL_LEFT}' THEN script_words END),
               direction
        FROM {source} WHERE {where}
        GROUP BY agent_id, channel, outcome, direction
        """
        return text(sql).bindparams(*_time_params(period))


def _whole_days(period: Period) -> tuple[datetime | None, datetime] | None:
    """The UTC midnights [first, end) between which the period covers whole days (first
    None: from the beginning), or None when it covers no whole day."""
    end = period.until.replace(hour=0, minute=0, second=0, microsecond=0)
    if period.since is None:
        return None, end
    first = period.since.replace(hour=0, minute=0, second=0, microsecond=0)
    if first < period.since:
        first += timedelta(days=1)
    return (first, end) if first < end else None


def _day_range(
    first: datetime | None,
    end: datetime,
    agent_id: str | None,
    owner: str = "agent_id",
    day: str = "day",
) -> tuple[str, dict[str, Any]]:
    """An aggregate's rows of the whole UTC days [first, end) (first None: from the
    beginning), of one agent's (`owner` column) when `agent_id` is given: the WHERE
    clause and its parameters."""
    where = f"{day} < :d1" + ("" if first is None else f" AND {day} >= :d0")
    if agent_id is not None:
        where += f" AND {owner} = :agent"
    return where, {
        "d1": end.strftime("%Y-%m-%d"),
        "d0": first.strftime("%Y-%m-%d") if first else None,
        "agent": agent_id,
    }


def _part_days(period: Period, first: datetime | None, end: datetime) -> list[Period]:
    """The parts of `period` outside its whole days [first, end) (`_whole_days`): the
    part-day at its end, and the one at its start, where they are not empty."""
    parts = []
    if end < period.until:
        parts.append(Period(end, period.until))
    if first is not None and period.since is not None and period.since < first:
        parts.append(Period(period.since, first))
    return parts


def _every_agent(dialect: str) -> str:
    """SQL: the attempt's agent is one of the team's, written so that a part-day reads a
    range of the (agent, started) index per agent rather than every attempt: SQLite
    loops over the agents for `IN`; PostgreSQL needs an array for its index scan (with
    `IN` it scanned the whole table)."""
    if dialect == "sqlite":
        return "agent_id IN (SELECT id FROM agent)"
    return "agent_id = ANY(ARRAY(SELECT id FROM agent))"


def _rank_pick(rank: str, count: str) -> str:
    """SQL: is `rank` one the median or the 90th percentile needs (see domain.metrics)?"""
    return f"{rank} IN (({count} + 1) / 2, ({count} + 2) / 2, (9 * {count} + 9) / 10)"


def _time_params(period: Period) -> list[Any]:
    params = [bindparam("until", type_=UTCDateTime())]
    if period.since is not None:
        params.append(bindparam("since", type_=UTCDateTime()))
    return params
