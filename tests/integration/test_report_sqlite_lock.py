"""A team server on SQLite: while a supervisor's report is reading, agents' pushes still
commit. A report only reads, so it runs in a read transaction (a deferred BEGIN, which
WAL lets writers pass) instead of holding the one write lock for as long as it runs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import event

from leaddesk.server.app import ServerThread, create_app
from leaddesk.store import open_store
from leaddesk.store.engine import BUSY_TIMEOUT_MS
from leaddesk.store.models import Attempt
from tests.integration.syncenv import (
    HeldReport,
    Team,
    attempt_op,
    count,
    import_leads,
    make_team,
)

# How long the report is held at most; a push that waits for it takes this long.
HOLD_S = 5.0
# A push with no lock to wait for takes well under a second on loopback.
PUSH_LIMIT_S = 2.0


@pytest.fixture(name="team")
def fixture_team(tmp_path: Path) -> Iterator[Team]:
    store = open_store(tmp_path / "server.db")
    try:
        with ServerThread(create_app(store)) as server:
            yield make_team(store, server.url)
    finally:
        store.close()


def test_a_push_commits_while_a_report_is_reading(team: Team) -> None:
    leads = import_leads(team, "alice", 3)
    held = HeldReport(team.boss, HOLD_S)
    event.listen(team.store.engine, "after_cursor_execute", held)
    report: dict[str, httpx.Response] = {}

    def run_report() -> None:
        with team.http(team.boss) as http:
            report["response"] = http.get("/api/report", params={"agent": "all"})

    reader = threading.Thread(target=run_report, name="supervisor-report")
    reader.start()
    try:
        assert held.reading.wait(10), "the report never started reading"
        started = time.monotonic()
        with team.http(team.alice) as http:
            pushed = http.post("/api/push", json={"ops": [attempt_op(leads[0], team.ids["alice"])]})
        took = time.monotonic() - started
        report_still_reading = not held.release.is_set() and reader.is_alive()
    finally:
        held.release.set()
        reader.join(30)
        event.remove(team.store.engine, "after_cursor_execute", held)

    assert pushed.status_code == 200, pushed.text
    assert took < min(PUSH_LIMIT_S, BUSY_TIMEOUT_MS / 1000), (
        f"the push waited {took:.1f} s for the report's lock"
    )
    assert report_still_reading  # the push did not have to wait for the report's end
    assert count(team.store, Attempt) == 1
    assert report["response"].status_code == 200
    assert report["response"].json()["team"]["agent"] == "all"
