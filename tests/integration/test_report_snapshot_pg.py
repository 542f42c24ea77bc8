"""A supervisor's report on the PostgreSQL team server is one moment: agents' pushes that
commit while it is being computed do not show in half of its figures. (PostgreSQL's
default READ COMMITTED lets every query of a report see what committed before it; the
report reads in a REPEATABLE READ, READ ONLY transaction.)"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import event

from leaddesk.server.app import ServerThread
from leaddesk.store import Store
from leaddesk.store.models import Attempt
from tests.integration import syncenv
from tests.integration.syncenv import (
    HeldReport,
    Team,
    attempt_op,
    count,
    import_leads,
    make_team,
)

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread


def _ops(team: Team, leads: list[str], agent: str, started_at: str) -> list[dict[str, Any]]:
    return [attempt_op(lead, team.ids[agent], started_at=started_at) for lead in leads]


def test_pushes_during_a_report_do_not_show_in_half_of_it(
    pg_store: Store, server_thread: ServerThread
) -> None:
    team = make_team(pg_store, server_thread.url)
    alice, bob = import_leads(team, "alice", 4), import_leads(team, "bob", 4)
    today = (datetime.now(UTC) - timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
    # A fixed period, so that reports made a moment apart can be compared.
    period = {"agent": "all", "until": (datetime.now(UTC) + timedelta(days=1)).date().isoformat()}
    for token, agent, leads in ((team.alice, "alice", alice), (team.bob, "bob", bob)):
        with team.http(token) as http:
            pushed = http.post("/api/push", json={"ops": _ops(team, leads[:2], agent, today)})
            assert pushed.status_code == 200, pushed.text
    with team.http(team.boss) as http:
        before = http.get("/api/report", params=period)
    assert before.status_code == 200, before.text

    held = HeldReport(team.boss)
    event.listen(pg_store.engine, "after_cursor_execute", held)
    report: dict[str, httpx.Response] = {}

    def run_report() -> None:
        with team.http(team.boss) as http:
            report["response"] = http.get("/api/report", params=period)

    reader = threading.Thread(target=run_report, name="supervisor-report")
    reader.start()
    try:
        assert held.reading.wait(10), "the report never started reading"
        # While the report is between its queries, both agents log more calls.
        for token, agent, leads in ((team.alice, "alice", alice), (team.bob, "bob", bob)):
            with team.http(token) as http:
                pushed = http.post("/api/push", json={"ops": _ops(team, leads[2:], agent, today)})
                assert pushed.status_code == 200, pushed.text
    finally:
        held.release.set()
        reader.join(30)
        event.remove(pg_store.engine, "after_cursor_execute", held)

    assert count(pg_store, Attempt) == 8
    during = report["response"]
    assert during.status_code == 200, during.text
    # The report is the moment it started: the same as the one before the pushes.
    assert during.json() == before.json()
    with team.http(team.boss) as http:
        after = http.get("/api/report", params=period).json()
    assert after != before.json()  # the pushes count from the next report on
