"""Logging outcomes through the service layer against raw sqlite3 writes.

Both sides make each outcome durable on its own (one transaction each, WAL with
synchronous=FULL, the same pragmas). The baseline does with plain sqlite3 the same
statements an outcome needs: read the lead's state (and any pending dial), read its
touches of the last eight days (the touch budget plans the next one from them), insert
the attempt, update the lead, insert the two outbox entries that carry them to the team
server. Prints the ratio (target: <= 3x).

    python -m tests.bench.bench_log [--n 10000] [--quick]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from leaddesk.domain.clock import fixed_clock
from leaddesk.services.demo import generate
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store

OUTCOMES = ("no_answer", "voicemail_left", "busy", "connected")


def prepare(path: Path, now: datetime) -> list[str]:
    store = open_store(path)
    generate(store, now, leads=1000)
    store.close()
    with sqlite3.connect(path) as conn:
        return [
            r[0] for r in conn.execute("SELECT id FROM lead WHERE do_not_call=0 AND phone_bad=0")
        ]


def run_service(path: Path, leads: list[str], n: int, start: datetime) -> float:
    store = open_store(path)
    ws = Workspace.open(store, "bench.agent", fixed_clock(start))
    service = OutcomeService(ws)
    t0 = time.perf_counter()
    for i in range(n):
        at = start + timedelta(minutes=7 * i)
        service.log(leads[i % len(leads)], OUTCOMES[i % len(OUTCOMES)], at=at)
    elapsed = time.perf_counter() - t0
    store.close()
    return elapsed


def run_raw(path: Path, leads: list[str], n: int, start: datetime) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in (
        "busy_timeout = 10000",
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
    ):
        conn.execute(f"PRAGMA {pragma}")
    agent = str(uuid.uuid4())
    conn.execute(
        "INSERT OR IGNORE INTO agent (id, name, display_name, company, callback_number, is_supervisor, created_at) "
        "VALUES (?, 'raw.agent', '', '', '', 0, ?)",
        (agent, start.strftime("%Y-%m-%d %H:%M:%S.%f")),
    )
    agent = conn.execute("SELECT id FROM agent WHERE name = 'raw.agent'").fetchone()[0]
    t0 = time.perf_counter()
    for i in range(n):
        at = (start + timedelta(minutes=7 * i)).strftime("%Y-%m-%d %H:%M:%S.%f")
        lead = leads[i % len(leads)]
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "SELECT id, first_name, last_name, company, phone_e164, status, do_not_call, phone_bad, cadence_id, "
            "cadence_step, attempt_count, call_count, first_attempt_at, last_attempt_at, version, deleted_at, "
            "(SELECT attempt.id FROM attempt WHERE attempt.agent_id = ? AND attempt.lead_id = lead.id "
            "AND attempt.outcome IS NULL LIMIT 1) FROM lead WHERE id = ?",
            (agent, lead),
        ).fetchone()
        since = (start + timedelta(minutes=7 * i) - timedelta(days=8)).strftime(
            "%Y-%m-%d %H:%M:%S.%f"
        )
        conn.execute(
            "SELECT started_at, channel, outcome FROM attempt WHERE lead_id = ? AND started_at > ? "
            "AND outcome IS NOT NULL ORDER BY started_at",
            (lead, since),
        ).fetchall()
        conn.execute(
            "INSERT INTO attempt (id, lead_id, agent_id, channel, outcome, note, started_at, ended_at, created_at) "
            "VALUES (?, ?, ?, 'phone', ?, '', ?, ?, ?)",
            (str(uuid.uuid4()), lead, agent, OUTCOMES[i % len(OUTCOMES)], at, at, at),
        )
        conn.execute(
            "UPDATE lead SET attempt_count = attempt_count + 1, last_attempt_at = ?, status = 'working', "
            "next_action_at = ?, version = version + 1 WHERE id = ?",
            (at, at, lead),
        )
        ops = [
            (
                str(uuid.uuid4()),
                "attempt",
                lead,
                json.dumps({"id": lead, "outcome": OUTCOMES[i % len(OUTCOMES)], "started_at": at}),
                at,
            ),
            (
                str(uuid.uuid4()),
                "lead_state",
                lead,
                json.dumps({"status": "working", "next_action_at": at}),
                at,
            ),
        ]
        conn.executemany(
            "INSERT INTO outbox (op_id, kind, entity_id, payload, created_at) VALUES (?, ?, ?, ?, ?)",
            ops,
        )
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="1,000 outcomes")
    args = parser.parse_args()
    n = 1000 if args.quick else args.n
    now = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        service_db, raw_db = Path(tmp) / "service.db", Path(tmp) / "raw.db"
        leads = prepare(service_db, now)
        # Each demo database has ids of its own: the raw side logs on its own leads.
        raw_leads = prepare(raw_db, now)
        start = now + timedelta(days=1)
        # Alternate halves so that drift in the machine's speed hits both sides alike.
        half = n // 2
        raw = run_raw(raw_db, raw_leads, half, start)
        svc = run_service(service_db, leads, half, start)
        raw += run_raw(raw_db, raw_leads, n - half, start + timedelta(days=400))
        svc += run_service(service_db, leads, n - half, start + timedelta(days=400))
    print(f"outcomes logged:        {n}")
    print(f"raw sqlite3 (baseline): {raw:.2f} s  ({raw / n * 1000:.2f} ms each)")
    print(f"OutcomeService.log:     {svc:.2f} s  ({svc / n * 1000:.2f} ms each)")
    print(f"ratio service/baseline: {svc / raw:.2f}x  (target <= 3x)")


if __name__ == "__main__":
    main()
