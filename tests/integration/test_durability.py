"""Nothing is lost on a crash: a process logging outcomes is killed with SIGKILL at random
moments, many times; every outcome the CLI reported as saved is in the database, and the
database passes `PRAGMA integrity_check`."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest

from leaddesk.services.demo import generate
from leaddesk.store import open_store

# The child logs outcomes through the real CLI entry point, in a loop, as a script would.
# Each attempt gets its own time, days apart, so cadence caps never refuse it.
CHILD = r"""
import sys
from datetime import datetime, timedelta, timezone
from leaddesk.cli import main

db, start, offset = sys.argv[1], datetime.fromisoformat(sys.argv[2]), int(sys.argv[3])
leads = sys.argv[4].split(",")
i = offset
while True:
    when = (start + timedelta(hours=i * 7)).strftime("%Y-%m-%dT%H:%M:%SZ")
    lead = leads[i % len(leads)]
    code = main(["log", lead, "no_answer", "--db", db, "--now", when, "--at", when, "--json", "--agent", "crash.test"])
    if code != 0:
        sys.exit(code)
    i += 1
"""

ROUNDS = 15


def _read_lines(stream: IO[bytes], into: list[str]) -> None:
    for raw in iter(stream.readline, b""):
        into.append(raw.decode())


@pytest.mark.slow
def test_killed_logger_loses_no_reported_outcome(tmp_path: Path, now) -> None:
    db = tmp_path / "crash.db"
    store = open_store(db)
    generate(store, now)
    store.close()
    with sqlite3.connect(db) as conn:
        leads = [
            r[0]
            for r in conn.execute("SELECT id FROM lead WHERE do_not_call = 0 AND phone_bad = 0")
        ]

    rng = random.Random(20261126)
    reported: list[str] = []
    offset = 0
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for _ in range(ROUNDS):
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHILD,
                str(db),
                "2027-01-04T15:00:00+00:00",
                str(offset),
                ",".join(leads),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert child.stdout is not None
        lines: list[str] = []
        reader = threading.Thread(target=_read_lines, args=(child.stdout, lines))
        reader.start()
        # Wait until it is logging (start-up takes a while on a busy machine), then kill it
        # at a random moment in the middle of its work.
        deadline = time.monotonic() + 60
        while not lines and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.02, 1.0))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        reader.join(timeout=30)
        err = child.stderr.read().decode() if child.stderr else ""
        child.stdout.close()
        if child.stderr:
            child.stderr.close()
        assert child.returncode == -signal.SIGKILL, err
        for line in lines:
            try:
                doc = json.loads(line)
            except json.JSONDecodeError:
                continue  # the line being written when the process died
            reported.append(doc["attempt_id"])
        offset += len(lines) + 1

    print(f"{len(reported)} outcomes reported saved across {ROUNDS} kills")
    assert len(reported) > ROUNDS, "the child should have logged outcomes in every round"
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        saved = {r[0] for r in conn.execute("SELECT id FROM attempt WHERE outcome IS NOT NULL")}
        missing = [a for a in reported if a not in saved]
        assert missing == []
        # each attempt is whole: its lead's counters moved with it
        broken = conn.execute(
            "SELECT count(*) FROM lead WHERE attempt_count != (SELECT count(*) FROM attempt WHERE attempt.lead_id = lead.id)"
        ).fetchone()[0]
        assert broken == 0
        # and every attempt has its outbox entry for sync
        unsynced = conn.execute(
            "SELECT count(*) FROM attempt a WHERE a.agent_id = (SELECT id FROM agent WHERE name='crash.test') "
            "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind='attempt' AND o.entity_id = a.id)"
        ).fetchone()[0]
        assert unsynced == 0
    finally:
        conn.close()
