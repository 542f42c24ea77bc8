"""Benchmark: the full team report over 1,000,000 attempts against raw SQL.

Run: `/work/venv/bin/python -m tests.bench.bench_report [--quick] [--attempts N]`.

The database is made by the real migrations and filled with fast raw inserts (not the
ORM): 20 agents, leads arriving over 90 days, 0 to 12 attempts per lead with a
realistic outcome mix, 1 % corrections and a few pending dials. Then, in the same
process and on the same warm file:

- the figures (per agent and for the team: attempts by channel and outcome, leads by
  persistency, first touch and second attempt, speed-to-lead percentiles);
- report: `ReportService.team_report` (SQLAlchemy, the domain assembling `Measures`,
  then the JSON documents of `leaddesk report --agent all`), which reads the aggregates
  the database keeps (leaddesk.store.aggregates: attempt_day, lead_day, call_day, and
  lead_fact for the speed-to-lead ranks) and raw attempts only for today;
- baseline, the direct aggregate read: the same figures read straight from those
  aggregates (and today's raw attempts) by hand-written SQL on a bare `sqlite3`
  connection, rows fetched, the speed ranks walked to as the report does;
- for reference, once each: the hand-written SQL over the raw attempts (the baseline
  before the aggregates) and the report computed from the raw attempts.

It prints the best of a few runs of each in ms, the ratio report / direct read (target:
at most 2x) and whether the report answers in under 1 s (the target over 1,000,000
attempts). `--db PATH` keeps the generated database for another run (an older one is
migrated first).
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from leaddesk.domain.clock import fixed_clock
from leaddesk.services.report import ReportService
from leaddesk.store import aggregates, open_store

NOW = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)
PHONE_OUTCOMES = (
    ("no_answer", 30),
    ("voicemail_left", 28),
    ("voicemail_no_message", 5),
    ("connected", 12),
    ("busy", 6),
    ("callback", 5),
    ("not_interested", 4),
    ("qualified", 3),
    ("wrong_number", 1),
)
WRITTEN = {"email": "email_sent", "sms": "text_sent", "social": "social_touch"}


def _ts(at: datetime) -> str:
    # The text SQLAlchemy's SQLite DateTime stores (naive UTC with microseconds).
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


def generate(path: Path, attempts: int, seed: int = 11) -> tuple[int, int]:
    """A migrated database with about `attempts` attempts; returns (leads, attempts).

    Loaded as an existing database is upgraded: the aggregate triggers off while the
    rows go in, then the aggregates built in one pass (the migration's backfill) and the
    triggers back (bench_log measures what they cost a logged outcome)."""
    open_store(path).close()
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA journal_mode = WAL")
    aggregates.drop_triggers(con.execute, "sqlite")
    agents = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(20)]
    con.executemany(
        "INSERT INTO agent (id, name, display_name, company, callback_number, is_supervisor,"
        " created_at) VALUES (?, ?, ?, '', '', 0, ?)",
        [(a, f"agent.{i:02d}", f"Agent {i:02d}", _ts(NOW)) for i, a in enumerate(agents)],
    )
    outcomes = [code for code, _ in PHONE_OUTCOMES]
    weights = [w for _, w in PHONE_OUTCOMES]
    lead_rows: list[tuple[object, ...]] = []
    attempt_rows: list[tuple[object, ...]] = []
    made = 0
    lead_no = 0
    last_id: str | None = None
    while made < attempts:
        lead_no += 1
        lead_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        owner = agents[lead_no % len(agents)]
        arrived = NOW - timedelta(seconds=rng.randint(0, 90 * 86400))
        lead_rows.append(
            (lead_id, f"First{lead_no}", f"Last{lead_no}", _ts(arrived), owner, _ts(arrived))
        )
        count = min(rng.choice((0, 1, 2, 3, 4, 6, 6, 8, 8, 9, 10, 12)), attempts - made)
        at = arrived + timedelta(seconds=rng.randint(30, 6 * 3600))
        for step in range(count):
            if at >= NOW:
                break
            channel = "phone" if step % 3 != 1 else rng.choice(("email", "sms", "social"))
            if channel == "phone":
                outcome: str | None = rng.choices(outcomes, weights)[0]
            else:
                outcome = WRITTEN[channel]
            if rng.random() < 0.001:
                outcome = None  # a dial never wrapped up
            words = rng.randint(40, 80) if outcome == "voicemail_left" else None
            attempt_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            supersedes = last_id if last_id and rng.random() < 0.01 else None
            attempt_rows.append(
                (
                    attempt_id,
                    lead_id,
                    owner if rng.random() < 0.95 else rng.choice(agents),
                    channel,
                    outcome,
                    _ts(at),
                    words,
                    supersedes,
                    _ts(at),
                )
            )
            last_id = attempt_id
            made += 1
            at += timedelta(hours=rng.uniform(2, 72))
        if len(attempt_rows) > 100_000:
            _flush(con, lead_rows, attempt_rows)
    _flush(con, lead_rows, attempt_rows)
    aggregates.rebuild(con.execute, "sqlite")
    aggregates.create_triggers(con.execute, "sqlite")
    con.commit()
    con.execute("ANALYZE")
    con.close()
    return lead_no, made


def _flush(
    con: sqlite3.Connection, leads: list[tuple[object, ...]], attempts: list[tuple[object, ...]]
) -> None:
    con.executemany(
        "INSERT INTO lead (id, source, first_name, last_name, company, title, phone_raw,"
        " phone_e164, phone_type, phone_ext, phone_bad, alt_phones, address, city, state,"
        " postal_code, country, time_zones, tz_source, arrived_at, owner_id, status,"
        " do_not_call, cadence_step, attempt_count, call_count, notes, edited_fields,"
        " created_at, updated_at, version) VALUES (?, 'bench', ?, ?, '', '', '',"
        " '+12125550100', 'unknown', '', 0, '[]', '', '', '', '', 'US',"
        " '[\"America/New_York\"]', 'number', ?, ?, 'working', 0, 0, 0, 0, '', '[]', ?, ?, 1)",
        [(i, f, la, arr, own, arr, arr) for i, f, la, arr, own, _c in leads],
    )
    con.executemany(
        "INSERT INTO attempt (id, lead_id, agent_id, channel, outcome, note, started_at,"
        " script_words, supersedes_id, created_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?)",
        attempts,
    )
    leads.clear()
    attempts.clear()


BASELINE_SQL = (
    # Attempts side: every agent's attempts by channel and outcome, script words.
    """
    SELECT agent_id, channel, outcome, COUNT(*), SUM(script_words), COUNT(script_words)
    FROM attempt NOT INDEXED
    WHERE outcome IS NOT NULL AND started_at < :until
      AND id NOT IN (SELECT supersedes_id FROM attempt WHERE supersedes_id IS NOT NULL)
    GROUP BY agent_id, channel, outcome
    """,
    # Per lead: first touch, persistency, second attempt, speed to lead (into a temp table).
    """
    CREATE TEMP TABLE per_lead AS
    WITH r AS (
      SELECT lead_id, channel, outcome, started_at,
             ROW_NUMBER() OVER (PARTITION BY lead_id ORDER BY started_at, id) AS k
      FROM attempt NOT INDEXED
      WHERE outcome IS NOT NULL AND started_at < :until
        AND id NOT IN (SELECT supersedes_id FROM attempt WHERE supersedes_id IS NOT NULL)
    ), p AS (
      SELECT lead_id, MIN(started_at) AS first_at, COUNT(*) AS n,
             MAX(k = 1 AND channel = 'phone') AS first_call,
             MAX(k = 1 AND outcome NOT IN ('qualified', 'connected', 'callback',
                 'not_interested', 'replied', 'do_not_call')) AS retry_due,
             MIN(CASE WHEN outcome IN ('qualified', 'connected', 'callback',
                 'not_interested', 'replied') THEN k END) AS reached_k
      FROM r GROUP BY lead_id
    )
    SELECT COALESCE(l.owner_id, '') AS owner, COALESCE(p.reached_k, p.n, 0) AS persist,
           COALESCE(p.first_call, 0) AS first_call, COALESCE(p.retry_due, 0) AS retry_due,
           p.n > 1 AS second,
           MAX(0, strftime('%s', p.first_at) - strftime('%s', l.arrived_at)) AS speed
    FROM lead l LEFT JOIN p ON p.lead_id = l.id
    WHERE l.deleted_at IS NULL AND l.arrived_at < :until
    """,
    # Leads per agent by persistency, first touch and second attempt.
    """
    SELECT owner, persist, first_call, retry_due, second, COUNT(*)
    FROM per_lead GROUP BY owner, persist, first_call, retry_due, second
    """,
    # Speed-to-lead median and 90th percentile per agent and for the team, by rank.
    """
    SELECT owner, r_own, n_own, r_all, n_all, speed FROM (
      SELECT owner, speed,
             ROW_NUMBER() OVER (PARTITION BY owner ORDER BY speed) AS r_own,
             COUNT(*) OVER (PARTITION BY owner) AS n_own,
             ROW_NUMBER() OVER (ORDER BY speed) AS r_all, COUNT(*) OVER () AS n_all
      FROM per_lead WHERE speed IS NOT NULL
    ) WHERE r_own IN ((n_own + 1) / 2, (n_own + 2) / 2, (9 * n_own + 9) / 10)
         OR r_all IN ((n_all + 1) / 2, (n_all + 2) / 2, (9 * n_all + 9) / 10)
    """,
    "DROP TABLE per_lead",
)


# The same figures read straight from the aggregates the database keeps (attempt_day,
# lead_day, call_day; lead_fact for today's leads and the speed-to-lead ranks), on a bare
# connection (sqlite3, or psycopg with --pg), with the attempts of today (not yet whole
# days) read raw: the floor the report is held to.
EFFECTIVE = (
    "outcome IS NOT NULL AND id NOT IN (SELECT supersedes_id FROM attempt "
    "WHERE supersedes_id IS NOT NULL)"
)
CLASS = "owner_id, persist, first_call, retry_due, second, bucket"


def aggregate_sql(dialect: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """(the attempt and call queries, the lead class queries, the rank query)."""
    sqlite = dialect == "sqlite"
    agents = "IN (SELECT id FROM agent)" if sqlite else "= ANY(ARRAY(SELECT id FROM agent))"
    today = f"started_at >= :midnight AND started_at < :until AND agent_id {agents}"
    hour = (
        "CAST(strftime('%H', started_at) AS INTEGER)"
        if sqlite
        else "CAST(EXTRACT(HOUR FROM started_at AT TIME ZONE 'UTC') AS INTEGER)"
    )
    start = (
        "CAST(strftime('%s', started_at) AS INTEGER)"
        if sqlite
        else "EXTRACT(EPOCH FROM date_trunc('second', started_at))"
    )
    attempts = (
        f"""
        SELECT agent_id, channel, outcome, SUM(attempts), SUM(words_sum), SUM(words_count),
               SUM(outside), MAX(words_max)
        FROM attempt_day WHERE {"+day" if sqlite else "day"} < :day
        GROUP BY agent_id, channel, outcome
        """,
        # attempt_day does not split direction: the whole days' returned calls apart.
        f"""
        SELECT agent_id, channel, outcome, direction, COUNT(*), SUM(script_words),
               COUNT(script_words), COUNT(CASE WHEN outside_rules THEN 1 END),
               MAX(script_words)
        FROM attempt WHERE direction = 'inbound' AND started_at < :midnight AND {EFFECTIVE}
        GROUP BY agent_id, channel, outcome, direction
        """,
        f"""
        SELECT agent_id, channel, outcome, direction, COUNT(*), SUM(script_words),
               COUNT(script_words), COUNT(CASE WHEN outside_rules THEN 1 END),
               MAX(script_words)
        FROM attempt WHERE {today} AND {EFFECTIVE}
        GROUP BY agent_id, channel, outcome, direction
        """,
        """
        SELECT agent_id, direction, reached, SUM(calls), SUM(talk_s), SUM(wrapup_s),
               SUM(handled), SUM(handled_talk_s), SUM(handled_wrapup_s), MIN(first_start),
               MAX(last_end), """
        + ", ".join(f"SUM(h{h:02d})" for h in range(24))
        + """
        FROM call_day WHERE day < :day GROUP BY agent_id, direction, reached
        """,
        f"""
        SELECT agent_id, direction, outcome, {hour}, COUNT(*), SUM(duration_s),
               SUM(wrapup_s), MIN({start}), MAX({start} + COALESCE(duration_s, 0))
        FROM attempt WHERE channel = 'phone' AND {today} AND {EFFECTIVE}
        GROUP BY agent_id, direction, outcome, {hour}
        """,
    )
    leads = (
        f"SELECT {CLASS}, SUM(leads) FROM lead_day WHERE day < :day GROUP BY {CLASS}",
        f"SELECT {CLASS}, COUNT(*) FROM lead_fact WHERE arrived_at >= :midnight "
        f"AND arrived_at < :until GROUP BY {CLASS}",
    )
    rank = (
        "SELECT speed FROM lead_fact WHERE bucket = :bucket AND speed IS NOT NULL "
        "AND arrived_at < :until{owner} "
        "ORDER BY speed LIMIT :n OFFSET :skip"
    )
    if sqlite:
        return attempts, leads, rank

    def pg(sql: str) -> str:
        return re.sub(r"(?<!:):([a-z]+)", r"%(\1)s", sql)

    return tuple(map(pg, attempts)), tuple(map(pg, leads)), pg(rank)


def direct_read(con: Any, dialect: str, params: dict[str, Any]) -> int:
    """The report's figures read from the aggregates by hand on `con` (a DB-API
    connection with `execute`): the groups of leads and attempts, and the speeds at the
    median's and the 90th percentile's ranks, walked to as the report does."""
    attempts, leads, rank = aggregate_sql(dialect)
    rows = 0
    for sql in attempts:
        rows += len(con.execute(sql, params).fetchall())
    buckets: dict[str | None, dict[int, int]] = {}
    for sql in leads:
        for owner, *_class, bucket, n in con.execute(sql, params).fetchall():
            rows += 1
            if bucket >= 0:
                for who in (owner, None):
                    mine = buckets.setdefault(who, {})
                    mine[bucket] = mine.get(bucket, 0) + int(n)
    for owner, counts in buckets.items():
        total = sum(counts.values())
        runs = [[(total + 1) // 2, (total + 2) // 2], [(9 * total + 9) // 10]]
        below = 0
        for bucket in sorted(counts):
            for run in runs:
                if below < run[0] <= below + counts[bucket]:
                    mine_only = "" if owner is None else " AND owner_id = :owner"
                    if dialect != "sqlite":
                        mine_only = mine_only.replace(":owner", "%(owner)s")
                    got = con.execute(
                        rank.format(owner=mine_only),
                        {
                            **params,
                            "bucket": bucket,
                            "owner": owner,
                            "n": run[-1] - run[0] + 1,
                            "skip": run[0] - below - 1,
                        },
                    ).fetchall()
                    rows += len(got)
            below += counts[bucket]
    return rows


def direct(path: Path) -> int:
    con = sqlite3.connect(path)
    until = _ts(NOW)
    try:
        return direct_read(
            con, "sqlite", {"until": until, "day": until[:10], "midnight": until[:10]}
        )
    finally:
        con.close()


def baseline(path: Path, queries: tuple[str, ...] = BASELINE_SQL) -> int:
    con = sqlite3.connect(path)
    until = _ts(NOW)
    rows = 0
    for sql in queries:
        params = {"until": until, "day": until[:10]}
        rows += len(con.execute(sql, params).fetchall())
    con.close()
    return rows


def report_raw(path: Path) -> int:
    """The report computed from the raw attempts (as before the aggregates)."""
    return report(path, aggregates=False)


def report(path: Path, aggregates: bool = True) -> int:
    store = open_store(path)
    try:
        service = ReportService(store, fixed_clock(NOW), aggregates=aggregates)
        doc = service.team_report(service.period()).to_json()
    finally:
        store.close()
    return len(doc["agents"])


def on_postgresql(path: Path, url: str, runs: int) -> tuple[float, float, bool]:
    """The same history on PostgreSQL (the team server's database): the benchmark's agents,
    leads and attempts copied into a new database on the server at `url` (migrated, the
    aggregates built as a migration builds them), the report and the direct read timed
    there; returns (report s, direct s, same figures as from the raw attempts). The
    database is dropped after."""
    import psycopg

    from leaddesk.store.migrate import open_url

    name = f"leaddesk_bench_report_{uuid.uuid4().hex[:8]}"
    server = url.rsplit("/", 1)[0]
    admin = url.replace("postgresql+psycopg://", "postgresql://")
    plain = f"{server}/{name}".replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        open_url(f"{server}/{name}").close()
        lite = sqlite3.connect(path)
        with psycopg.connect(plain) as pg:
            pg.execute("SET TIME ZONE 'UTC'")  # SQLite's naive instants are UTC
            aggregates.drop_triggers(pg.execute, "postgresql")
            for table in ("agent", "lead", "attempt"):
                columns = ", ".join(
                    f'"{r[1]}"' for r in lite.execute(f"PRAGMA table_info({table})")
                )
                with pg.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in lite.execute(f"SELECT {columns} FROM {table}"):
                        copy.write_row(row)
            aggregates.rebuild(pg.execute, "postgresql")
            aggregates.create_triggers(pg.execute, "postgresql")
        lite.close()
        with psycopg.connect(plain, autocommit=True) as pg:
            pg.execute("VACUUM ANALYZE")
        store = open_url(f"{server}/{name}")
        try:
            service = ReportService(store, fixed_clock(NOW))

            def ours() -> int:
                return len(service.team_report(service.period()).to_json()["agents"])

            midnight = NOW.replace(hour=0, minute=0, second=0, microsecond=0)
            params = {"until": NOW, "day": NOW.strftime("%Y-%m-%d"), "midnight": midnight}
            with psycopg.connect(plain) as pg:

                def base() -> int:
                    return direct_read(pg, "postgresql", params)

                ours()
                base()  # warm both
                report_s, base_s = best_of(runs, ours), best_of(runs, base)
                report_s = min(report_s, best_of(runs, ours))
                base_s = min(base_s, best_of(runs, base))
            raw = ReportService(store, fixed_clock(NOW), aggregates=False)
            same = (
                service.team_report(service.period()).to_json()
                == raw.team_report(raw.period()).to_json()
            )
        finally:
            store.close()
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return report_s, base_s, same


def best_of(runs: int, fn: Callable[[], int]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 attempts, one run each")
    parser.add_argument("--attempts", type=int)
    parser.add_argument("--runs", type=int)
    parser.add_argument(
        "--db", type=Path, help="reuse (or make once) the benchmark database at this path"
    )
    parser.add_argument(
        "--pg",
        metavar="URL",
        help="also on PostgreSQL: a server URL (postgresql+psycopg://user@host/db) on which "
        "a database is made for the run and dropped after",
    )
    args = parser.parse_args(argv)
    attempts = args.attempts or (100_000 if args.quick else 1_000_000)
    runs = args.runs or (1 if args.quick else 3)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.db"
        if not path.exists():
            start = time.perf_counter()
            leads, made = generate(path, attempts)
            elapsed = time.perf_counter() - start
            print(f"generated {leads:,} leads, {made:,} attempts in {elapsed:.1f} s")
        open_store(path).close()  # a database made by an older LeadDesk: migrated first
        con = sqlite3.connect(path)
        made = con.execute("SELECT COUNT(*) FROM attempt").fetchone()[0]
        con.close()
        baseline(path)  # warm the page cache for all
        base = best_of(runs, lambda: direct(path))
        ours = best_of(runs, lambda: report(path))
        # Interleave a second round so that drift does not favour either side.
        base = min(base, best_of(runs, lambda: direct(path)))
        ours = min(ours, best_of(runs, lambda: report(path)))
        raw = best_of(1, lambda: baseline(path))
        old = best_of(1, lambda: report_raw(path))
        pg = on_postgresql(path, args.pg, runs) if args.pg else None
    print(f"raw SQL over the attempts (the old baseline): {raw * 1000:8.1f} ms")
    print(f"ReportService from the raw attempts:          {old * 1000:8.1f} ms")
    print(f"direct aggregate read (baseline):             {base * 1000:8.1f} ms")
    print(f"report (ReportService --agent all):           {ours * 1000:8.1f} ms")
    print(f"report from aggregates vs from raw attempts:  {old / ours:.1f}x faster")
    print(f"ratio report/direct:  {ours / base:.2f}x (target <= 2x)")
    print(f"report under 1 s:     {'yes' if ours < 1.0 else 'NO'} ({made:,} attempts)")
    if pg is not None:
        pg_report, pg_base, same = pg
        print("PostgreSQL (the same history; the server's store kept open between reports):")
        print(f"  direct aggregate read (baseline):           {pg_base * 1000:8.1f} ms")
        print(f"  report (ReportService --agent all):         {pg_report * 1000:8.1f} ms")
        print(f"  ratio report/direct:  {pg_report / pg_base:.2f}x (target <= 2x)")
        print(f"  report under 1 s:     {'yes' if pg_report < 1.0 else 'NO'}")
        print(f"  same figures as from the raw attempts: {'yes' if same else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
