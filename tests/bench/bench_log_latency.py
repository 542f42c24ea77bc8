"""Latency of logging one outcome with 100,000 leads (and 1,000,000 attempts) on disk.

Each `OutcomeService.log` call is one durable transaction (WAL, synchronous=FULL) that
also plans the next touch (touch budget over the lead's recent history, calling hours).
The baseline, in the same process on the same file: raw sqlite3 writing the least an
outcome needs (one attempt row and the lead's new state) in its own transaction.
Prints p50/p99 of both and the ratio; the target is p99 under 20 ms.

    python -m tests.bench.bench_log_latency [--leads 100000] [--attempts 1000000] [--n 1000] [--quick]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from leaddesk.domain.clock import fixed_clock
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from tests.bench.bench_calllist import NOW, populate, ts

OUTCOMES = [
    "no_answer",
    "voicemail_left",
    "voicemail_no_message",
    "busy",
    "connected",
    "email_sent",
    "text_sent",
    "not_interested",
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def workable_leads(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [
            r[0]
            for r in conn.execute(
                "SELECT id FROM lead WHERE do_not_call = 0 AND phone_bad = 0 "
                "AND status NOT IN ('qualified', 'finished', 'not_interested')"
            )
        ]


def run_service(path: Path, leads: list[str], n: int, start: datetime, seed: int) -> list[float]:
    rng = random.Random(seed)
    store = open_store(path)
    ws = Workspace.open(store, "bench.agent")
    latencies = []
    for i in range(n):
        at = start + timedelta(seconds=30 * i)
        service = OutcomeService(Workspace(store, ws.agent, fixed_clock(at)))
        lead = rng.choice(leads)
        outcome = rng.choice(OUTCOMES)
        t0 = time.perf_counter()
        service.log(lead, outcome)
        latencies.append(time.perf_counter() - t0)
    store.close()
    return latencies


def run_raw(path: Path, leads: list[str], n: int, start: datetime, seed: int) -> list[float]:
    rng = random.Random(seed)
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in (
        "busy_timeout = 10000",
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
    ):
        conn.execute(f"PRAGMA {pragma}")
    agent = conn.execute("SELECT id FROM agent WHERE name = 'bench.agent'").fetchone()[0]
    latencies = []
    for i in range(n):
        at = ts(start + timedelta(seconds=30 * i))
        lead = rng.choice(leads)
        outcome = rng.choice(OUTCOMES)
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO attempt (id, lead_id, agent_id, channel, outcome, note, started_at, ended_at, created_at) "
            "VALUES (?, ?, ?, 'phone', ?, '', ?, ?, ?)",
            (str(uuid.uuid4()), lead, agent, outcome, at, at, at),
        )
        conn.execute(
            "UPDATE lead SET attempt_count = attempt_count + 1, last_attempt_at = ?, status = 'working', "
            "next_action_at = ?, version = version + 1 WHERE id = ?",
            (at, at, lead),
        )
        conn.execute("COMMIT")
        latencies.append(time.perf_counter() - t0)
    conn.close()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--attempts", type=int, default=1_000_000)
    parser.add_argument("--n", type=int, default=1000, help="outcomes logged per side")
    parser.add_argument(
        "--quick", action="store_true", help="10,000 leads, 100,000 attempts, 300 logs"
    )
    args = parser.parse_args()
    if args.quick:
        args.leads, args.attempts, args.n = 10_000, 100_000, 300
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        populate(path, args.leads, args.attempts)
        print(
            f"populated {args.leads:,} leads, {args.attempts:,} attempts in {time.perf_counter() - t0:.1f} s"
        )
        leads = workable_leads(path)
        # Warm both sides (imports, statement caches, page cache) before timing.
        run_service(path, leads, 20, NOW - timedelta(days=1), seed=1)
        run_raw(path, leads, 20, NOW - timedelta(days=1), seed=1)
        svc = run_service(path, leads, args.n, NOW, seed=2)
        raw = run_raw(path, leads, args.n, NOW + timedelta(days=1), seed=3)
    svc_ms = [x * 1000 for x in svc]
    raw_ms = [x * 1000 for x in raw]
    print(
        f"OutcomeService.log: p50 {statistics.median(svc_ms):6.2f} ms  p99 {percentile(svc_ms, 99):6.2f} ms  max {max(svc_ms):6.2f} ms"
    )
    print(
        f"raw sqlite3 write:  p50 {statistics.median(raw_ms):6.2f} ms  p99 {percentile(raw_ms, 99):6.2f} ms  max {max(raw_ms):6.2f} ms"
    )
    print(
        f"RATIO p99 service / raw: {percentile(svc_ms, 99) / percentile(raw_ms, 99):.2f}x; "
        f"p50: {statistics.median(svc_ms) / statistics.median(raw_ms):.2f}x"
    )
    verdict = "met" if percentile(svc_ms, 99) < 20 else "NOT met"
    print(f"target p99 < 20 ms: {verdict}")


if __name__ == "__main__":
    main()
