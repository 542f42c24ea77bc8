"""Bulk writes of the push that stay fast at a hundred thousand rows: on PostgreSQL a
batch goes by COPY into a per-connection staging table, then into place with one
statement (a multi-row VALUES list would make the driver parse thousands of
placeholders a batch, and arrays are formatted value by value in Python); SQLite, for a
single office, takes ordinary executemany statements."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, case, or_, select, update
from sqlalchemy.orm import Session

from leaddesk.store.models import Attempt, Base, Lead, UTCDateTime
from leaddesk.sync.wire import field_specs


def insert_ignoring_duplicates(session: Session, table: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing()


def _staging(session: Session, name: str, definition: str) -> Any:
    """The driver connection of the session's transaction, with a temporary table
    `name` for staging (made on the connection's first use; rows vanish at commit).
    IF NOT EXISTS each time: a rolled-back transaction takes its CREATE with it."""
    raw: Any = session.connection().connection.driver_connection
    with raw.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {name} ({definition}) ON COMMIT DELETE ROWS"
        )
    return raw


def pg_copy_new(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> set[str]:
    """Insert rows whose id is new; returns the ids inserted. The rows go by COPY into
    a staging table (the driver's C path), then one INSERT ... SELECT skips ids taken."""
    table = model.__tablename__
    columns = list(field_specs(model))
    names = ", ".join(columns)
    staging = f"incoming_{table}"
    raw = _staging(session, staging, f"LIKE {table} INCLUDING DEFAULTS")
    with raw.cursor() as cursor:
        with cursor.copy(f"COPY {staging} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[name] for name in columns])
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM {staging} "
            "ON CONFLICT DO NOTHING RETURNING id"
        )
        inserted = {str(found[0]) for found in cursor.fetchall()}
        cursor.execute(f"DELETE FROM {staging}")
    return inserted


def pg_claim(
    session: Session, ops: list[tuple[str, str, str]], agent_id: str, now: datetime
) -> set[str]:
    """Record the agent's operations (id, kind, digest) as applied unless they already
    are; returns the ids this transaction took. A copy of the batch running at the same
    time waits on the rows and then finds them taken, so nothing is applied twice."""
    raw = _staging(session, "incoming_op_claims", "op_id text, kind text, digest text")
    with raw.cursor() as cursor:
        with cursor.copy("COPY incoming_op_claims FROM STDIN") as copy:
            for row in ops:
                copy.write_row(row)
        cursor.execute(
            "INSERT INTO server_op (op_id, agent_id, kind, status, applied_at, digest) "
            "SELECT op_id, %s, kind, 'applied', %s, digest FROM incoming_op_claims "
            "ON CONFLICT DO NOTHING RETURNING op_id",
            (agent_id, now),
        )
        claimed = {str(found[0]) for found in cursor.fetchall()}
        cursor.execute("DELETE FROM incoming_op_claims")
    return claimed


def _prior_attempt(
    session: Session, batch: dict[str, dict[str, Any]], attempt_id: str
) -> dict[str, Any] | None:
    """The superseded attempt's lead, channel and outcome (this batch's, or stored)."""
    if attempt_id in batch:
        return batch[attempt_id]
    found = session.execute(
        select(Attempt.lead_id, Attempt.channel, Attempt.outcome).where(Attempt.id == attempt_id)
    ).first()
    return dict(found._mapping) if found is not None else None


def count_attempts(session: Session, rows: list[dict[str, Any]], postgres: bool) -> set[str]:
    """Add newly stored attempts to their leads' counters (count, calls, first and last
    attempt, last outcome); returns the leads touched.

    A correction (an undo, or a dial reopened and wrapped up again) supersedes an
    attempt: the one it replaces stops counting, so the server's counters stay those
    of the laptop that made the correction."""
    totals: dict[str, dict[str, Any]] = {}
    by_id = {row["id"]: row for row in rows}
    for row in rows:
        replaced = row.get("supersedes_id")
        if replaced is not None:
            prior = _prior_attempt(session, by_id, replaced)
            if prior is not None and prior["outcome"] is not None:
                t = totals.setdefault(
                    prior["lead_id"],
                    {"n": 0, "calls": 0, "first": None, "last": None, "outcome": None},
                )
                t["n"] -= 1
                t["calls"] -= prior["channel"] == "phone"
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
        t["first"] = row["started_at"] if t["first"] is None else min(t["first"], row["started_at"])
        if t["last"] is None or row["started_at"] >= t["last"]:
            t["last"], t["outcome"] = row["started_at"], row["outcome"]
    if not totals:
        return set()
    params = [{"lid": lead_id, **t} for lead_id, t in totals.items()]
    if postgres:
        raw = _staging(
            session,
            "incoming_counts",
            "id text, n int, calls int, first timestamptz, last timestamptz, outcome text",
        )
        with raw.cursor() as cursor:
            with cursor.copy("COPY incoming_counts FROM STDIN") as copy:
                for p in params:
                    copy.write_row(
                        [p["lid"], p["n"], p["calls"], p["first"], p["last"], p["outcome"]]
                    )
            cursor.execute(
                "UPDATE lead SET attempt_count = lead.attempt_count + d.n, "
                "call_count = lead.call_count + d.calls, "
                "first_attempt_at = LEAST(lead.first_attempt_at, d.first), "
                "last_attempt_at = GREATEST(lead.last_attempt_at, d.last), "
                "last_outcome = CASE WHEN lead.last_attempt_at IS NULL "
                "OR lead.last_attempt_at <= d.last THEN d.outcome ELSE lead.last_outcome END "
                "FROM incoming_counts AS d WHERE lead.id = d.id"
            )
            cursor.execute("DELETE FROM incoming_counts")
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
