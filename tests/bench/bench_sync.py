"""Push 100,000 attempts from a laptop through the team server's API into PostgreSQL,
against a direct bulk insert of the same rows into the same database from this process.
Also the time of an empty sync round (nothing to push, nothing to pull).

    /work/venv/bin/python -m tests.bench.bench_sync [--quick] [--attempts N] [--batch N]
                                                   [--rounds N]

The server runs as `leaddesk server run` in its own process, as in production; the
laptop is an SQLite file whose outbox holds one "attempt" operation per attempt. The two
ways alternate over a few rounds (the ratio printed is the median) so that a busy shared
machine weighs on both alike. A fresh
PostgreSQL database is made for the run (on the server of LEADDESK_TEST_PG, default
127.0.0.1:5432) and dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import insert, text

from leaddesk.domain.clock import fixed_clock, iso
from leaddesk.server.auth import add_agent_to
from leaddesk.services.sync import SyncService
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from leaddesk.store.migrate import open_url
from leaddesk.store.models import Attempt, Lead, Outbox, SyncedVersion
from tests.integration.syncenv import ServerProcess

PG = os.environ.get("LEADDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
NOW = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)
OUTCOMES = ("no_answer", "voicemail_left", "busy", "connected", "voicemail_no_message")


def attempt_rows(n: int, lead_ids: list[str], agent_id: str) -> list[dict[str, Any]]:
    rows = []
    for i in range(n):
        at = NOW - timedelta(minutes=n - i)
        rows.append(
            {
                "id": str(uuid.UUID(int=i + 1)),
                "lead_id": lead_ids[i % len(lead_ids)],
                "agent_id": agent_id,
                "channel": "phone",
                "outcome": OUTCOMES[i % len(OUTCOMES)],
                "note": f"bench attempt {i}",
                "duration_s": 30 + i % 200,
                "ring_s": 12,
                "started_at": at,
                "ended_at": at + timedelta(seconds=40),
                "script_id": None,
                "script_words": None,
                "callback_at": None,
                "cadence_step": i % 8,
                "supersedes_id": None,
                "created_at": at,
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 attempts")
    parser.add_argument("--attempts", type=int)
    parser.add_argument("--batch", type=int, default=2000, help="operations per request")
    parser.add_argument("--rounds", type=int, default=3, help="alternating measurements")
    args = parser.parse_args(argv)
    n = args.attempts or (10_000 if args.quick else 100_000)

    admin = PG.replace("postgresql+psycopg://", "postgresql://")
    name = f"leaddesk_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{PG.rsplit('/', 1)[0]}/{name}"
    tmp = Path(tempfile.mkdtemp(prefix="leaddesk-bench-"))
    server = None
    try:
        store = open_url(url)
        alice, token, _ = add_agent_to(store, "alice", False)
        lead_ids = [str(uuid.uuid4()) for _ in range(1000)]
        with store.transaction() as session:
            session.execute(
                insert(Lead.__table__),
                [
                    {**_lead_defaults(), "id": lead_id, "owner_id": alice.id, "first_name": "B"}
                    for lead_id in lead_ids
                ],
            )
        rows = attempt_rows(n, lead_ids, alice.id)
        laptop = open_store(tmp / "laptop.db")
        ws = Workspace.open(laptop, "alice", fixed_clock(NOW))
        with laptop.transaction() as session:
            # The laptop has the leads (as pulled before).
            session.execute(
                insert(Lead.__table__),
                [{**_lead_defaults(), "id": lead_id, "first_name": "B"} for lead_id in lead_ids],
            )
            session.execute(
                insert(SyncedVersion.__table__),
                [{"lead_id": lead_id, "version": 1} for lead_id in lead_ids],
            )
        server = ServerProcess(url).start()
        # Rounds alternate the two ways so that the load of a shared machine falls on both.
        directs, apis = [], []
        with SyncService(ws, server.url, lambda: token, batch_size=args.batch) as service:
            for _ in range(args.rounds):
                directs.append(_direct(store, rows))
                _empty_server(store)
                _queue(laptop, rows, ws.agent.id)
                started = time.perf_counter()
                result = service.run_once(pull=False)
                apis.append(time.perf_counter() - started)
                assert result.pending == 0 and result.pushed == n, result
                with store.session() as session:
                    stored = session.scalar(text("SELECT count(*) FROM attempt"))
                assert stored == n, stored
                _empty_server(store)
            started = time.perf_counter()
            service.run_once()  # pull back what the pushes changed
            pull_back = time.perf_counter() - started
            empty = []
            for _ in range(30):
                started = time.perf_counter()
                idle = service.run_once()
                empty.append(time.perf_counter() - started)
                assert (idle.pushed, idle.pulled) == (0, 0), idle
        laptop.close()
        store.close()
    finally:
        if server is not None:
            server.kill()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    ratios = [api / direct for api, direct in zip(apis, directs, strict=True)]
    direct, through_api = statistics.median(directs), statistics.median(apis)
    ratio = statistics.median(ratios)
    print(f"attempts: {n}, batch: {args.batch} operations a request, rounds: {args.rounds}")
    print(f"direct bulk insert:   {direct:8.2f} s  ({n / direct:,.0f} rows/s), median")
    print(
        f"pushed through API:   {through_api:8.2f} s  ({n / through_api:,.0f} attempts/s), median"
    )
    print(
        f"ratio API / direct:   {ratio:8.2f} x  median of {', '.join(f'{r:.2f}' for r in ratios)} (target <= 3x)"
    )
    print(f"then one pull of what the pushes changed: {pull_back:.2f} s")
    print(
        f"empty sync round:     {statistics.median(empty) * 1000:8.1f} ms median, "
        f"{max(empty) * 1000:.1f} ms max over {len(empty)} rounds"
    )
    # A benchmark reports; it is not a timed assertion (the target is in the line above).
    return 0


def _direct(store: Any, rows: list[dict[str, Any]]) -> float:
    """The baseline: the same rows, bulk-inserted straight into the same database."""
    started = time.perf_counter()
    with store.transaction() as session:
        for start in range(0, len(rows), 10_000):
            session.execute(insert(Attempt.__table__), rows[start : start + 10_000])
    return time.perf_counter() - started


def _empty_server(store: Any) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("TRUNCATE attempt, server_op, change_log CASCADE"))
        conn.execute(text("UPDATE lead SET attempt_count = 0, call_count = 0"))


def _queue(laptop: Any, rows: list[dict[str, Any]], agent_id: str) -> None:
    """One queued "attempt" operation per row, as the laptop's outbox holds them."""
    with laptop.transaction() as session:
        session.execute(
            insert(Outbox.__table__),
            [
                {
                    "op_id": str(uuid.uuid4()),
                    "kind": "attempt",
                    "entity_id": row["id"],
                    "payload": _payload(row, agent_id),
                    "base_version": None,
                    "created_at": NOW,
                }
                for row in rows
            ],
        )


def _lead_defaults() -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in Lead.__table__.columns:
        default = column.default
        if default is None:
            row[column.key] = None
        elif default.is_scalar:
            row[column.key] = default.arg
        else:
            row[column.key] = default.arg(None)
    return row


def _payload(row: dict[str, Any], agent_id: str) -> dict[str, Any]:
    out = {k: iso(v) if isinstance(v, datetime) else v for k, v in row.items()}
    out["agent_id"] = agent_id
    out.pop("created_at")
    return out


if __name__ == "__main__":
    sys.exit(main())
