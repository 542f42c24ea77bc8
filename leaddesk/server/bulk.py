"""Bulk writes of the push that stay fast at a hundred thousand rows: on PostgreSQL a
batch travels as one array a column, unnested by the server in a single statement (a
multi-row VALUES list would make the driver parse thousands of placeholders a batch);
SQLite, for a single office, takes ordinary executemany statements."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, bindparam, case, or_, text, update
from sqlalchemy.orm import Session

from leaddesk.services.sync_wire import field_specs
from leaddesk.store.models import Base, Lead, UTCDateTime


def insert_ignoring_duplicates(session: Session, table: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing()


PG_ARRAY_TYPES = {"str": "text", "int": "int", "bool": "boolean", "datetime": "timestamptz"}


def pg_insert_new(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> set[str]:
    """Insert rows in one statement (one array a column, unnested by PostgreSQL), skip
    those whose id is taken; returns the ids inserted. A multi-row VALUES list would
    make the driver parse a statement with thousands of placeholders per batch."""
    specs = field_specs(model)
    columns = list(specs)
    arrays = ", ".join(
        f"CAST(:c{i} AS {PG_ARRAY_TYPES[specs[name].kind]}[])" for i, name in enumerate(columns)
    )
    statement = text(
        f"INSERT INTO {model.__tablename__} ({', '.join(columns)}) "
        f"SELECT * FROM unnest({arrays}) ON CONFLICT DO NOTHING RETURNING id"
    )
    params = {f"c{i}": [row[name] for row in rows] for i, name in enumerate(columns)}
    return set(session.scalars(statement, params))


def count_attempts(session: Session, rows: list[dict[str, Any]], postgres: bool) -> set[str]:
    """Add newly stored attempts to their leads' counters (count, calls, first and last
    attempt, last outcome); returns the leads touched."""
    totals: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["outcome"] is None:
            continue
        t = totals.setdefault(
            row["lead_id"],
            {
                "n": 0,
                "calls": 0,
                "first": row["started_at"],
                "last": row["started_at"],
                "outcome": row["outcome"],
            },
        )
        t["n"] += 1
        t["calls"] += row["channel"] == "phone"
        t["first"] = min(t["first"], row["started_at"])
        if row["started_at"] >= t["last"]:
            t["last"], t["outcome"] = row["started_at"], row["outcome"]
    if not totals:
        return set()
    params = [{"lid": lead_id, **t} for lead_id, t in totals.items()]
    if postgres:
        session.execute(
            text(
                "UPDATE lead SET attempt_count = lead.attempt_count + d.n, "
                "call_count = lead.call_count + d.calls, "
                "first_attempt_at = LEAST(lead.first_attempt_at, d.first), "
                "last_attempt_at = GREATEST(lead.last_attempt_at, d.last), "
                "last_outcome = CASE WHEN lead.last_attempt_at IS NULL "
                "OR lead.last_attempt_at <= d.last THEN d.outcome ELSE lead.last_outcome END "
                "FROM unnest(CAST(:ids AS text[]), CAST(:n AS int[]), CAST(:calls AS int[]), "
                "CAST(:first AS timestamptz[]), CAST(:last AS timestamptz[]), "
                "CAST(:outcome AS text[])) AS d(id, n, calls, first, last, outcome) "
                "WHERE lead.id = d.id"
            ),
            {
                "ids": [p["lid"] for p in params],
                "n": [p["n"] for p in params],
                "calls": [p["calls"] for p in params],
                "first": [p["first"] for p in params],
                "last": [p["last"] for p in params],
                "outcome": [p["outcome"] for p in params],
            },
        )
        return set(totals)
    table = cast(Table, Lead.__table__)
    lead = table.c
    stamp = UTCDateTime()
    newer = or_(
        lead.last_attempt_at.is_(None), lead.last_attempt_at <= bindparam("last", type_=stamp)
    )
    session.execute(
        update(table)
        .where(lead.id == bindparam("lid"))
        .values(
            attempt_count=lead.attempt_count + bindparam("n"),
            call_count=lead.call_count + bindparam("calls"),
            first_attempt_at=case(
                (
                    or_(
                        lead.first_attempt_at.is_(None),
                        lead.first_attempt_at > bindparam("first", type_=stamp),
                    ),
                    bindparam("first", type_=stamp),
                ),
                else_=lead.first_attempt_at,
            ),
            last_attempt_at=case(
                (newer, bindparam("last", type_=stamp)), else_=lead.last_attempt_at
            ),
            last_outcome=case((newer, bindparam("outcome")), else_=lead.last_outcome),
        ),
        params,
    )
    return set(totals)
