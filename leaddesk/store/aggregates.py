"""Report aggregates kept by the database itself, in the transaction that writes attempts.

Two tables, maintained by triggers on `attempt` (SQLite and PostgreSQL alike), so every
path that writes attempts keeps them right without knowing of them: logging, undo and
edits, the importer, a sync pull on the laptop, a push on the server, the demo data.

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

A later migration that rebuilds the `attempt` table on SQLite (batch mode copying it)
drops its triggers: it must call `create_triggers` again (tests/unit/test_aggregates.py
checks they exist at head).
"""

from __future__ import annotations

from typing import Any

from leaddesk.domain.metrics import NO_RETRY_OUTCOMES, REACHED_OUTCOMES, VOICEMAIL_LEFT


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


TRIGGERS = tuple(name for name, _event, _part in _trigger_names())


def create_triggers(execute: Any, dialect: str) -> None:
    """Create the triggers (`execute` runs one SQL string)."""
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


def drop_triggers(execute: Any, dialect: str) -> None:
    for name in TRIGGERS:
        execute(f"DROP TRIGGER IF EXISTS {name}" + ("" if dialect == "sqlite" else " ON attempt"))
    if dialect != "sqlite":
        execute("DROP FUNCTION IF EXISTS attempt_aggregates()")


def rebuild(execute: Any, dialect: str) -> None:
    """Fill both tables from the attempts (the migration's backfill; also a repair)."""
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
