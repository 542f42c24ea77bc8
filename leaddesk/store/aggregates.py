"""Report aggregates kept by the database itself, in the transaction that writes attempts.

Tables maintained by triggers on `attempt` and `lead` (SQLite and PostgreSQL alike), so
every path that writes attempts or leads keeps them right without knowing of them:
logging, undo and edits, the importer, a sync pull on the laptop, a push on the server,
the demo data. Migration 0010 made the first two below; 0012 the per-lead class
(`lead_fact`), leads per owner and arrival day (`lead_day`) and calls per agent and day
(`call_day`), described further down, so that a report over whole days reads neither a
row per lead nor a row per attempt.

- `attempt_day`: per agent, UTC day, channel and outcome, the effective attempts (an
  outcome logged, not superseded by a correction): their count, the voicemail scripts'
  words (sum, count, longest) and how many were made outside the calling rules. The
  attempt half of the report sums whole days from here and reads raw attempts only for
  the part-days at the ends of its period.
- `lead_summary`: per lead, over its effective attempts, what the report's lead half
  needs: the first attempt's time, channel and outcome class, how many, and the rank of
  the first that reached the lead. Read when no effective attempt lies after the end of
  the period (the usual "until now").

A new attempt adds itself to its day (one upsert); anything rarer (a wrap-up, a
correction, a deletion) recomputes the one (agent, day, channel, outcome) group it
touched from the attempts of that agent and day. A lead's summary is recomputed from
the lead's attempts (a handful) whenever one of them changes.

A later migration that rebuilds the `attempt` (or `lead`, `lead_summary`, `lead_fact`)
table on SQLite (batch mode copying it) drops its triggers: it must call
`create_triggers` again (which recreates them all) (tests/unit/test_aggregates.py
checks they exist at head).
"""

from __future__ import annotations

from typing import Any

from leaddesk.domain.metrics import (
    NO_RETRY_OUTCOMES,
    REACHED_OUTCOMES,
    SPEED_BUCKETS,
    VOICEMAIL_LEFT,
)
from leaddesk.store import triggers


def _codes(codes: frozenset[str]) -> str:
    return ", ".join(f"'{c}'" for c in sorted(codes))


REACHED = _codes(REACHED_OUTCOMES)
NO_RETRY = _codes(REACHED_OUTCOMES | NO_RETRY_OUTCOMES)


def day_of(dialect: str, column: str) -> str:
    """SQL: the UTC day (YYYY-MM-DD text) of a stored instant."""
    if dialect == "sqlite":
        return f"substr({column}, 1, 10)"
    return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')"


def day_start(dialect: str, day: str) -> str:
    """SQL: the first instant of a day (text) comparable with stored instants."""
    if dialect == "sqlite":
        return day
    return f"(CAST({day} AS timestamp) AT TIME ZONE 'UTC')"


def day_end(dialect: str, day: str) -> str:
    if dialect == "sqlite":
        return f"date({day}, '+1 day')"
    return f"(CAST(CAST({day} AS date) + 1 AS timestamp) AT TIME ZONE 'UTC')"


def _effective(alias: str) -> str:
    return (
        f"{alias}.outcome IS NOT NULL AND NOT EXISTS "
        f"(SELECT 1 FROM attempt sup WHERE sup.supersedes_id = {alias}.id)"
    )


def _group_values(alias: str) -> str:
    """The aggregate columns over attempts `alias`, in attempt_day's column order."""
    vm = f"CASE WHEN {alias}.outcome = '{VOICEMAIL_LEFT}' THEN {alias}.script_words END"
    return (
        f"COUNT(*), COALESCE(SUM({vm}), 0), COUNT({vm}), "
        f"COUNT(CASE WHEN {alias}.outside_rules THEN 1 END), COALESCE(MAX({vm}), 0)"
    )


COLUMNS = "agent_id, day, channel, outcome, attempts, words_sum, words_count, outside, words_max"


def _recompute_groups(dialect: str, groups: str) -> list[str]:
    """Statements that recompute the attempt_day row of `groups`, a SELECT of at most one
    (ga, gd, gc, go): agent, day, channel, outcome. The key is read by scalar subqueries
    (the primary key's index) and the attempts by a CROSS JOIN, which SQLite keeps in
    the order written: the group first, then that agent's attempts of that day."""
    start, end = day_start(dialect, "g.gd"), day_end(dialect, "g.gd")
    key = " AND ".join(
        f"{column} = (SELECT {field} FROM ({groups}) AS g)"
        for column, field in (
            ("agent_id", "ga"),
            ("day", "gd"),
            ("channel", "gc"),
            ("outcome", "go"),
        )
    )
    return [
        f"DELETE FROM attempt_day WHERE {key}",
        f"INSERT INTO attempt_day ({COLUMNS}) "
        f"SELECT g.ga, g.gd, g.gc, g.go, {_group_values('a')} "
        f"FROM ({groups}) AS g CROSS JOIN attempt a WHERE a.agent_id = g.ga "
        f"AND a.started_at >= {start} AND a.started_at < {end} "
        f"AND a.channel = g.gc AND a.outcome = g.go "
        f"AND {_effective('a')} GROUP BY g.ga, g.gd, g.gc, g.go",
    ]


def _row_group(dialect: str, row: str) -> str:
    return (
        f"SELECT {row}.agent_id AS ga, {day_of(dialect, f'{row}.started_at')} AS gd, "
        f"{row}.channel AS gc, {row}.outcome AS go WHERE {row}.outcome IS NOT NULL"
    )


def _superseded_group(dialect: str, row: str) -> str:
    return (
        f"SELECT s.agent_id AS ga, {day_of(dialect, 's.started_at')} AS gd, s.channel AS gc, "
        f"s.outcome AS go FROM attempt s WHERE s.id = {row}.supersedes_id "
        "AND s.outcome IS NOT NULL"
    )


def _recompute_lead(lead: str) -> list[str]:
    """Statements that recompute the lead_summary row of lead `lead` (an expression)."""
    eff = _effective("a")
    first_reached = (
        f"(SELECT b.started_at AS rs, b.id AS rid FROM attempt b WHERE b.lead_id = {lead} "
        f"AND {_effective('b')} AND b.outcome IN ({REACHED}) "
        "ORDER BY b.started_at, b.id LIMIT 1)"
    )
    return [
        f"DELETE FROM lead_summary WHERE lead_id = {lead}",
        "INSERT INTO lead_summary (lead_id, first_at, n, first_call, retry_due, reached_k) "
        "SELECT f.lead_id, f.started_at, "
        f"(SELECT COUNT(*) FROM attempt a WHERE a.lead_id = f.lead_id AND {eff}), "
        "CASE WHEN f.channel = 'phone' THEN 1 ELSE 0 END, "
        f"CASE WHEN f.outcome NOT IN ({NO_RETRY}) THEN 1 ELSE 0 END, "
        f"NULLIF((SELECT COUNT(*) FROM attempt a, {first_reached} AS r "
        f"WHERE a.lead_id = f.lead_id AND {eff} "
        "AND (a.started_at < r.rs OR (a.started_at = r.rs AND a.id <= r.rid))), 0) "
        f"FROM (SELECT a.lead_id, a.started_at, a.channel, a.outcome FROM attempt a "
        f"WHERE a.lead_id = {lead} AND {eff} ORDER BY a.started_at, a.id LIMIT 1) AS f",
    ]


# The common new attempt: an outcome, no correction, not yet corrected, later than every
# effective attempt of a lead that has a summary already. Its summary only grows by one
# (and, were this the first to reach the lead, its rank); anything else recomputes it.
_APPENDS = (
    "NEW.outcome IS NOT NULL AND NEW.supersedes_id IS NULL "
    "AND EXISTS (SELECT 1 FROM lead_summary WHERE lead_id = NEW.lead_id) "
    "AND NOT EXISTS (SELECT 1 FROM attempt sup WHERE sup.supersedes_id = NEW.id) "
    "AND NOT EXISTS (SELECT 1 FROM attempt e WHERE e.lead_id = NEW.lead_id AND e.id <> NEW.id "
    "AND (e.started_at > NEW.started_at OR (e.started_at = NEW.started_at AND e.id > NEW.id)) "
    f"AND {_effective('e')})"
)


def _lead_on_insert() -> list[str]:
    append = (
        "UPDATE lead_summary SET n = n + 1, reached_k = COALESCE(reached_k, "
        f"CASE WHEN NEW.outcome IN ({REACHED}) THEN n + 1 END) "
        f"WHERE lead_id = NEW.lead_id AND {_APPENDS}"
    )
    delete, insert = _recompute_lead("NEW.lead_id")
    # Both parts of the recompute see the same answer: the append changes neither the
    # summary's existence nor which attempt is last; the DELETE runs only when it is not.
    guard = f"NEW.outcome IS NOT NULL AND NOT ({_APPENDS})"
    return [append, f"{delete} AND {guard}", f"{insert} WHERE {guard}"]


def _superseded_lead(row: str) -> str:
    """SQL: the lead of the attempt `row` supersedes (NULL for none): a correction is
    normally on the same lead, but the figures must not depend on it."""
    return f"(SELECT s.lead_id FROM attempt s WHERE s.id = {row}.supersedes_id)"


def _add_new(dialect: str) -> str:
    """The common case, a new attempt with its outcome: added to its day's group."""
    vm = f"CASE WHEN NEW.outcome = '{VOICEMAIL_LEFT}' THEN NEW.script_words END"
    most = "max" if dialect == "sqlite" else "GREATEST"
    return (
        f"INSERT INTO attempt_day ({COLUMNS}) SELECT NEW.agent_id, "
        f"{day_of(dialect, 'NEW.started_at')}, NEW.channel, NEW.outcome, 1, "
        f"COALESCE({vm}, 0), CASE WHEN ({vm}) IS NULL THEN 0 ELSE 1 END, "
        f"CASE WHEN NEW.outside_rules THEN 1 ELSE 0 END, COALESCE({vm}, 0) "
        "WHERE NEW.outcome IS NOT NULL AND NEW.supersedes_id IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM attempt sup WHERE sup.supersedes_id = NEW.id) "
        "ON CONFLICT (agent_id, day, channel, outcome) DO UPDATE SET "
        "attempts = attempt_day.attempts + 1, "
        "words_sum = attempt_day.words_sum + excluded.words_sum, "
        "words_count = attempt_day.words_count + excluded.words_count, "
        "outside = attempt_day.outside + excluded.outside, "
        f"words_max = {most}(attempt_day.words_max, excluded.words_max)"
    )


def trigger_bodies(dialect: str) -> dict[str, list[tuple[str, list[str]]]]:
    """The statements run for each inserted, updated or deleted attempt row, in parts
    each with the condition (SQL over NEW and OLD) under which it runs."""
    on_insert = [
        ("TRUE", [_add_new(dialect), *_lead_on_insert()]),
        (
            "NEW.supersedes_id IS NOT NULL",
            [
                # The correction's own group too, recomputed rather than added to: the
                # two parts are separate SQLite triggers, which fire in either order.
                *_recompute_groups(dialect, _row_group(dialect, "NEW")),
                *_recompute_groups(dialect, _superseded_group(dialect, "NEW")),
                *_recompute_lead(_superseded_lead("NEW")),
            ],
        ),
    ]
    on_update = [
        (
            "TRUE",
            [
                *_recompute_groups(dialect, _row_group(dialect, "OLD")),
                *_recompute_groups(dialect, _row_group(dialect, "NEW")),
                *_recompute_groups(dialect, _superseded_group(dialect, "OLD")),
                *_recompute_groups(dialect, _superseded_group(dialect, "NEW")),
                *_recompute_lead("OLD.lead_id"),
                *_recompute_lead("NEW.lead_id"),
                *_recompute_lead(_superseded_lead("OLD")),
                *_recompute_lead(_superseded_lead("NEW")),
            ],
        )
    ]
    on_delete = [
        (
            "TRUE",
            [
                *_recompute_groups(dialect, _row_group(dialect, "OLD")),
                *_recompute_lead("OLD.lead_id"),
            ],
        ),
        (
            "OLD.supersedes_id IS NOT NULL",
            [
                *_recompute_groups(dialect, _superseded_group(dialect, "OLD")),
                *_recompute_lead(_superseded_lead("OLD")),
            ],
        ),
    ]
    return {"INSERT": on_insert, "UPDATE": on_update, "DELETE": on_delete}


# Columns whose change can move an attempt's figures (an UPDATE of others, such as a
# note, leaves the aggregates alone).
WATCHED = (
    "lead_id",
    "agent_id",
    "channel",
    "outcome",
    "started_at",
    "script_words",
    "outside_rules",
    "supersedes_id",
)


def _trigger_names() -> list[tuple[str, str, int]]:
    """(name, event, part) of every trigger."""
    return [
        ("attempt_agg_insert", "INSERT", 0),
        ("attempt_agg_insert_correction", "INSERT", 1),
        ("attempt_agg_update", "UPDATE", 0),
        ("attempt_agg_delete", "DELETE", 0),
        ("attempt_agg_delete_correction", "DELETE", 1),
    ]


def _create_day_triggers(execute: Any, dialect: str) -> None:
    bodies = trigger_bodies(dialect)
    if dialect == "sqlite":
        for name, event, part in _trigger_names():
            condition, body = bodies[event][part]
            on = f"UPDATE OF {', '.join(WATCHED)}" if event == "UPDATE" else event
            when = "" if condition == "TRUE" else f" WHEN {condition}"
            statements = "".join(f"  {s};\n" for s in body)
            execute(f"CREATE TRIGGER {name} AFTER {on} ON attempt{when}\nBEGIN\n{statements}END")
        return
    branches: list[str] = []
    for event, parts in bodies.items():
        inner = ""
        for condition, body in parts:
            statements = "".join(f"      {s};\n" for s in body)
            inner += f"    IF {condition} THEN\n{statements}    END IF;\n"
        branches.append(f"  {'IF' if not branches else 'ELSIF'} TG_OP = '{event}' THEN\n{inner}")
    execute(
        "CREATE OR REPLACE FUNCTION attempt_aggregates() RETURNS trigger AS $$\nBEGIN\n"
        + "".join(branches)
        + "  END IF;\n  RETURN NULL;\nEND\n$$ LANGUAGE plpgsql"
    )
    for name, event, part in _trigger_names():
        if part:
            continue  # one PostgreSQL trigger per event runs every part
        on = f"UPDATE OF {', '.join(WATCHED)}" if event == "UPDATE" else event
        execute(
            f"CREATE TRIGGER {name} AFTER {on} ON attempt "
            "FOR EACH ROW EXECUTE FUNCTION attempt_aggregates()"
        )


def _drop_day_triggers(execute: Any, dialect: str) -> None:
    for name, _event, _part in _trigger_names():
        execute(f"DROP TRIGGER IF EXISTS {name}" + ("" if dialect == "sqlite" else " ON attempt"))
    if dialect != "sqlite":
        execute("DROP FUNCTION IF EXISTS attempt_aggregates()")


def _rebuild_days(execute: Any, dialect: str) -> None:
    execute("DELETE FROM attempt_day")
    execute("DELETE FROM lead_summary")
    day = day_of(dialect, "a.started_at")
    execute(
        f"INSERT INTO attempt_day ({COLUMNS}) "
        f"SELECT a.agent_id, {day}, a.channel, a.outcome, {_group_values('a')} "
        f"FROM attempt a WHERE {_effective('a')} "
        f"GROUP BY a.agent_id, {day}, a.channel, a.outcome"
    )
    execute(
        "INSERT INTO lead_summary (lead_id, first_at, n, first_call, retry_due, reached_k) "
        "SELECT lead_id, MIN(started_at), COUNT(*), "
        "MAX(CASE WHEN k = 1 AND channel = 'phone' THEN 1 ELSE 0 END), "
        f"MAX(CASE WHEN k = 1 AND outcome NOT IN ({NO_RETRY}) THEN 1 ELSE 0 END), "
        f"MIN(CASE WHEN outcome IN ({REACHED}) THEN k END) "
        "FROM (SELECT a.lead_id, a.started_at, a.channel, a.outcome, "
        "ROW_NUMBER() OVER (PARTITION BY a.lead_id ORDER BY a.started_at, a.id) AS k "
        f"FROM attempt a WHERE {_effective('a')}) AS ranked GROUP BY lead_id"
    )


# -- Leads per owner and arrival day, calls per agent, day and hour (migration 0012) -------
#
# - `lead_fact`: one row per lead not deleted, its class as the report sees it (owner,
#   arrival, persistency, first touch, second attempt, speed to lead and its bucket),
#   from the lead and its `lead_summary`; kept by triggers on `lead` and `lead_summary`.
#   Read for the part-days at the ends of a period and for the speed-to-lead percentiles
#   (by rank, on its (owner, bucket, speed) and (bucket, speed) indexes).
# - `lead_day`: how many leads of each class per owner and UTC arrival day; kept by
#   triggers on `lead_fact` (a count added or taken away).
# - `call_day`: the effective phone attempts per agent, UTC day, direction and reached,
#   with their times (the phone measures) and how many started in each UTC hour (h00 to
#   h23: one row a day, not one an hour); kept like `attempt_day`.

LEAD_FACT = (
    "owner_id",
    "arrived_at",
    "day",
    "persist",
    "first_call",
    "retry_due",
    "second",
    "speed",
    "bucket",
)
LEAD_CLASS = ("owner_id", "day", "persist", "first_call", "retry_due", "second", "bucket")
NO_BUCKET = -1  # a lead never contacted: no speed, no bucket (a key column is not NULL)


def seconds_between(dialect: str, later: str, earlier: str) -> str:
    """SQL for `later - earlier` in whole seconds (each instant cut to its second, as
    `leaddesk.domain.metrics.whole_seconds` does) on the store's dialect."""
    if dialect == "sqlite":
        return (
            f"(CAST(strftime('%s', {later}) AS INTEGER)"
            f" - CAST(strftime('%s', {earlier}) AS INTEGER))"
        )
    return (
        f"(EXTRACT(EPOCH FROM date_trunc('second', {later}))"
        f" - EXTRACT(EPOCH FROM date_trunc('second', {earlier})))"
    )


def speed_bucket_sql(speed: str) -> str:
    """SQL: the index in SPEED_BUCKETS of a speed to lead (NULL for NULL)."""
    arms = " ".join(
        f"WHEN {speed} <= {upper} THEN {index}"
        for index, (_label, upper) in enumerate(SPEED_BUCKETS[:-1])
    )
    return f"CASE WHEN {speed} IS NULL THEN NULL {arms} ELSE {len(SPEED_BUCKETS) - 1} END"


def _speed(dialect: str, first_at: str, arrived_at: str) -> str:
    """SQL: whole seconds from arrival to the first attempt, never below 0 (an attempt
    logged early); NULL for a lead never contacted."""
    if dialect == "sqlite":
        value = f"MAX(0, {seconds_between(dialect, first_at, arrived_at)})"
    else:
        value = f"CAST(GREATEST(0, {seconds_between(dialect, first_at, arrived_at)}) AS BIGINT)"
    return f"CASE WHEN {first_at} IS NULL THEN NULL ELSE {value} END"


def _lead_fact_select(dialect: str, where: str) -> str:
    speed = _speed(dialect, "p.first_at", "l.arrived_at")
    return (
        f"SELECT l.id, COALESCE(l.owner_id, ''), l.arrived_at, {day_of(dialect, 'l.arrived_at')}, "
        "COALESCE(p.reached_k, p.n, 0), COALESCE(p.first_call, 0), COALESCE(p.retry_due, 0), "
        f"CASE WHEN p.n > 1 THEN 1 ELSE 0 END, {speed}, "
        f"COALESCE({speed_bucket_sql(speed)}, {NO_BUCKET}) "
        "FROM lead l LEFT JOIN lead_summary p ON p.lead_id = l.id "
        f"WHERE l.deleted_at IS NULL AND {where}"
    )


def _distinct(dialect: str) -> str:
    return "IS NOT" if dialect == "sqlite" else "IS DISTINCT FROM"


def _row(alias: str, columns: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"{alias}.{c}" for c in columns) + ")"


def _refresh_lead(dialect: str, lead: str) -> list[str]:
    """Statements that bring lead `lead`'s lead_fact row to what the lead and its summary
    say: gone for a lead deleted, rewritten only where it changes (so that lead_day is
    touched only when the lead changes class)."""
    return [
        f"DELETE FROM lead_fact WHERE lead_id = {lead} AND NOT EXISTS "
        f"(SELECT 1 FROM lead l WHERE l.id = {lead} AND l.deleted_at IS NULL)",
        f"INSERT INTO lead_fact (lead_id, {', '.join(LEAD_FACT)}) "
        f"{_lead_fact_select(dialect, f'l.id = {lead}')} "
        "ON CONFLICT (lead_id) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in LEAD_FACT)
        + f" WHERE {_row('lead_fact', LEAD_FACT)} {_distinct(dialect)} "
        f"{_row('excluded', LEAD_FACT)}",
    ]


def _lead_day_add(row: str) -> str:
    return (
        f"INSERT INTO lead_day ({', '.join(LEAD_CLASS)}, leads) "
        f"VALUES ({', '.join(f'{row}.{c}' for c in LEAD_CLASS)}, 1) "
        f"ON CONFLICT ({', '.join(LEAD_CLASS)}) DO UPDATE SET leads = lead_day.leads + 1"
    )


def _lead_day_remove(row: str) -> list[str]:
    key = " AND ".join(f"{c} = {row}.{c}" for c in LEAD_CLASS)
    return [
        f"UPDATE lead_day SET leads = leads - 1 WHERE {key}",
        f"DELETE FROM lead_day WHERE {key} AND leads <= 0",
    ]


CALL_KEY = ("agent_id", "day", "direction", "reached")
HOURS = tuple(f"h{hour:02d}" for hour in range(24))
CALL_VALUES = (
    "calls",
    "talk_s",
    "wrapup_s",
    "handled",
    "handled_talk_s",
    "handled_wrapup_s",
    "first_start",
    "last_end",
    *HOURS,
)
# How a new attempt's values join its group's: added, or the least / greatest kept.
_CALL_MERGE = {"first_start": "least", "last_end": "greatest"}
CALL_WATCHED = (
    "agent_id",
    "channel",
    "outcome",
    "started_at",
    "direction",
    "ring_s",
    "duration_s",
    "wrapup_s",
    "supersedes_id",
)


def _start(dialect: str, a: str) -> str:
    if dialect == "sqlite":
        return f"CAST(strftime('%s', {a}.started_at) AS INTEGER)"
    return f"CAST(EXTRACT(EPOCH FROM date_trunc('second', {a}.started_at)) AS BIGINT)"


def hour_of(dialect: str, column: str) -> str:
    """SQL: the UTC hour of day (0-23) of a stored instant."""
    if dialect == "sqlite":
        return f"CAST(strftime('%H', {column}) AS INTEGER)"
    return f"CAST(EXTRACT(HOUR FROM {column} AT TIME ZONE 'UTC') AS INTEGER)"


def _call_keys(dialect: str, a: str) -> list[str]:
    return [
        f"{a}.agent_id",
        day_of(dialect, f"{a}.started_at"),
        f"{a}.direction",
        f"CASE WHEN {a}.outcome IN ({REACHED}) THEN 1 ELSE 0 END",
    ]


def _call_values(dialect: str, a: str) -> str:
    """The call_day value columns over attempts `a` (SQL aggregates, in CALL_VALUES's order)."""
    end = (
        f"{_start(dialect, a)} + COALESCE({a}.ring_s, 0) + COALESCE({a}.duration_s, 0) "
        f"+ COALESCE({a}.wrapup_s, 0)"
    )
    return (
        f"COUNT(*), SUM(COALESCE({a}.duration_s, 0)), SUM(COALESCE({a}.wrapup_s, 0)), "
        f"COUNT(CASE WHEN {a}.duration_s > 0 THEN 1 END), "
        f"SUM(CASE WHEN {a}.duration_s > 0 THEN {a}.duration_s ELSE 0 END), "
        f"SUM(CASE WHEN {a}.duration_s > 0 THEN COALESCE({a}.wrapup_s, 0) ELSE 0 END), "
        f"MIN({_start(dialect, a)}), MAX({end}), "
        + ", ".join(
            f"COUNT(CASE WHEN {hour_of(dialect, f'{a}.started_at')} = {hour} THEN 1 END)"
            for hour in range(24)
        )
    )


def _is_call(a: str) -> str:
    return f"{a}.channel = 'phone' AND {a}.outcome IS NOT NULL"


def _call_columns() -> str:
    return ", ".join((*CALL_KEY, *CALL_VALUES))


def _add_call(dialect: str) -> str:
    """The common case, a new effective phone attempt: added to its day's group."""
    columns = ", ".join(
        f"NEW.{c} AS {c}"
        for c in (
            "agent_id",
            "started_at",
            "direction",
            "outcome",
            "channel",
            "ring_s",
            "duration_s",
            "wrapup_s",
        )
    )
    keys = ", ".join(_call_keys(dialect, "n"))
    least, greatest = ("min", "max") if dialect == "sqlite" else ("LEAST", "GREATEST")
    merge = {"least": least, "greatest": greatest}
    sets = ", ".join(
        f"{c} = {merge[_CALL_MERGE[c]]}(call_day.{c}, excluded.{c})"
        if c in _CALL_MERGE
        else f"{c} = call_day.{c} + excluded.{c}"
        for c in CALL_VALUES
    )
    return (
        f"INSERT INTO call_day ({_call_columns()}) "
        f"SELECT {keys}, {_call_values(dialect, 'n')} FROM (SELECT {columns}) AS n "
        f"WHERE {_is_call('n')} AND NEW.supersedes_id IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM attempt sup WHERE sup.supersedes_id = NEW.id) "
        f"GROUP BY {keys} "
        f"ON CONFLICT ({', '.join(CALL_KEY)}) DO UPDATE SET {sets}"
    )


def _call_group_of(dialect: str, row: str) -> str:
    """A SELECT of the call_day key (k_agent_id, ...) of attempt row `row`, if a call."""
    keys = ", ".join(
        f"{e} AS k_{c}" for e, c in zip(_call_keys(dialect, row), CALL_KEY, strict=True)
    )
    return f"SELECT {keys} WHERE {_is_call(row)}"


def _superseded_call_group(dialect: str, row: str) -> str:
    keys = ", ".join(
        f"{e} AS k_{c}" for e, c in zip(_call_keys(dialect, "s"), CALL_KEY, strict=True)
    )
    return f"SELECT {keys} FROM attempt s WHERE s.id = {row}.supersedes_id AND {_is_call('s')}"


def _recompute_calls(dialect: str, groups: str) -> list[str]:
    """Statements that recompute the call_day row of `groups`, a SELECT of at most one
    key, from the attempts of that agent and day (the (agent, started) index)."""
    key = " AND ".join(f"{c} = (SELECT k_{c} FROM ({groups}) AS g)" for c in CALL_KEY)
    start, end = day_start(dialect, "g.k_day"), day_end(dialect, "g.k_day")
    a_keys = _call_keys(dialect, "a")
    return [
        f"DELETE FROM call_day WHERE {key}",
        f"INSERT INTO call_day ({_call_columns()}) "
        f"SELECT {', '.join(f'g.k_{c}' for c in CALL_KEY)}, {_call_values(dialect, 'a')} "
        f"FROM ({groups}) AS g CROSS JOIN attempt a WHERE a.agent_id = g.k_agent_id "
        f"AND a.started_at >= {start} AND a.started_at < {end} AND {_is_call('a')} "
        f"AND a.direction = g.k_direction "
        f"AND {a_keys[3]} = g.k_reached AND {_effective('a')} "
        f"GROUP BY {', '.join(f'g.k_{c}' for c in CALL_KEY)}",
    ]


_Trigger = triggers.Trigger

# On PostgreSQL these fire at commit (deferred constraint triggers), not at each row: a
# lead_day row is shared by every transaction that adds a lead for its owner and day, and
# a count taken at once would hold its row lock until the end of the transaction, so two
# open transactions adding leads for one owner would queue behind each other (and one
# that waits for the other, as a supervisor's import beside a pull, would never finish).
# At commit the lock is held for the commit alone. SQLite has one writer: no such queue.
DEFERRED_ON_POSTGRESQL = frozenset({"lead_day_insert", "lead_day_update", "lead_day_delete"})


def _lead_triggers(dialect: str) -> list[_Trigger]:
    lead = ("owner_id", "arrived_at", "deleted_at")
    changed = f"{_row('OLD', lead)} {_distinct(dialect)} {_row('NEW', lead)}"
    klass = f"{_row('OLD', LEAD_CLASS)} {_distinct(dialect)} {_row('NEW', LEAD_CLASS)}"
    return [
        # A new lead has no row to take away: its class only goes in.
        ("lead_fact_lead_insert", "lead", "INSERT", (), None, _refresh_lead(dialect, "NEW.id")[1:]),
        (
            "lead_fact_lead_update",
            "lead",
            "UPDATE",
            lead,
            changed,
            _refresh_lead(dialect, "NEW.id"),
        ),
        (
            "lead_fact_lead_delete",
            "lead",
            "DELETE",
            (),
            None,
            ["DELETE FROM lead_fact WHERE lead_id = OLD.id"],
        ),
        (
            "lead_fact_summary_insert",
            "lead_summary",
            "INSERT",
            (),
            None,
            _refresh_lead(dialect, "NEW.lead_id"),
        ),
        (
            "lead_fact_summary_update",
            "lead_summary",
            "UPDATE",
            (),
            None,
            _refresh_lead(dialect, "NEW.lead_id"),
        ),
        (
            "lead_fact_summary_delete",
            "lead_summary",
            "DELETE",
            (),
            None,
            _refresh_lead(dialect, "OLD.lead_id"),
        ),
        ("lead_day_insert", "lead_fact", "INSERT", (), None, [_lead_day_add("NEW")]),
        (
            "lead_day_update",
            "lead_fact",
            "UPDATE",
            (),
            klass,
            [*_lead_day_remove("OLD"), _lead_day_add("NEW")],
        ),
        ("lead_day_delete", "lead_fact", "DELETE", (), None, _lead_day_remove("OLD")),
    ]


def _call_triggers(dialect: str) -> list[_Trigger]:
    correction = "NEW.supersedes_id IS NOT NULL"
    return [
        ("attempt_calls_insert", "attempt", "INSERT", (), None, [_add_call(dialect)]),
        (
            "attempt_calls_insert_correction",
            "attempt",
            "INSERT",
            (),
            correction,
            [
                # The correction's own group too (see trigger_bodies).
                *_recompute_calls(dialect, _call_group_of(dialect, "NEW")),
                *_recompute_calls(dialect, _superseded_call_group(dialect, "NEW")),
            ],
        ),
        (
            "attempt_calls_update",
            "attempt",
            "UPDATE",
            CALL_WATCHED,
            None,
            [
                *_recompute_calls(dialect, _call_group_of(dialect, "OLD")),
                *_recompute_calls(dialect, _call_group_of(dialect, "NEW")),
                *_recompute_calls(dialect, _superseded_call_group(dialect, "OLD")),
                *_recompute_calls(dialect, _superseded_call_group(dialect, "NEW")),
            ],
        ),
        (
            "attempt_calls_delete",
            "attempt",
            "DELETE",
            (),
            None,
            _recompute_calls(dialect, _call_group_of(dialect, "OLD")),
        ),
        (
            "attempt_calls_delete_correction",
            "attempt",
            "DELETE",
            (),
            "OLD.supersedes_id IS NOT NULL",
            _recompute_calls(dialect, _superseded_call_group(dialect, "OLD")),
        ),
    ]


def _rebuild_leads(execute: Any, dialect: str) -> None:
    execute("DELETE FROM lead_fact")
    execute(
        f"INSERT INTO lead_fact (lead_id, {', '.join(LEAD_FACT)}) {_lead_fact_select(dialect, '1 = 1')}"
    )
    execute("DELETE FROM lead_day")
    execute(
        f"INSERT INTO lead_day ({', '.join(LEAD_CLASS)}, leads) "
        f"SELECT {', '.join(LEAD_CLASS)}, COUNT(*) FROM lead_fact GROUP BY {', '.join(LEAD_CLASS)}"
    )


def _rebuild_calls(execute: Any, dialect: str) -> None:
    execute("DELETE FROM call_day")
    keys = ", ".join(_call_keys(dialect, "a"))
    execute(
        f"INSERT INTO call_day ({_call_columns()}) "
        f"SELECT {keys}, {_call_values(dialect, 'a')} FROM attempt a "
        f"WHERE {_is_call('a')} AND {_effective('a')} GROUP BY {keys}"
    )


# The aggregates in sets, by the migration that made them: "days" attempt_day and
# lead_summary (0010), "leads" lead_fact and lead_day, "calls" call_day (0012).
SETS = ("days", "leads", "calls")


def _set_triggers(dialect: str, part: str) -> list[_Trigger]:
    return _lead_triggers(dialect) if part == "leads" else _call_triggers(dialect)


TRIGGERS = (
    *(name for name, _event, _part in _trigger_names()),
    *(t[0] for t in _lead_triggers("sqlite")),
    *(t[0] for t in _call_triggers("sqlite")),
)


def create_triggers(execute: Any, dialect: str, sets: tuple[str, ...] = SETS) -> None:
    """(Re)create the triggers of `sets` (`execute` runs one SQL string)."""
    drop_triggers(execute, dialect, sets)
    for part in sets:
        if part == "days":
            _create_day_triggers(execute, dialect)
        else:
            triggers.create(execute, dialect, _set_triggers(dialect, part), DEFERRED_ON_POSTGRESQL)


def drop_triggers(execute: Any, dialect: str, sets: tuple[str, ...] = SETS) -> None:
    for part in sets:
        if part == "days":
            _drop_day_triggers(execute, dialect)
        else:
            triggers.drop(execute, dialect, _set_triggers(dialect, part))


def rebuild(execute: Any, dialect: str, sets: tuple[str, ...] = SETS) -> None:
    """Fill the tables of `sets` from the attempts and leads (the migrations' backfill;
    also a repair)."""
    if "days" in sets:
        _rebuild_days(execute, dialect)
    if "leads" in sets:
        _rebuild_leads(execute, dialect)
    if "calls" in sets:
        _rebuild_calls(execute, dialect)
