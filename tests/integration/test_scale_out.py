"""Several server processes over one PostgreSQL: what one process took in, another
serves, exactly once; the pull watermark is this database's, not the cluster's; the
failed-authentication limit is counted in the database, for every process."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from leaddesk.server.auth import add_agent_to
from leaddesk.store import Store
from tests.integration import syncenv
from tests.integration.syncenv import ServerProcess, Team, attempt_op, import_leads, make_team

pytestmark = pytest.mark.postgres

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team


def _pull_all(http: httpx.Client, cursor: str, **params: str) -> tuple[str, list[str]]:
    """Pull pages until no more; the attempt ids in the order they came."""
    seen: list[str] = []
    while True:
        response = http.get("/api/pull", params={"cursor": cursor, "limit": 50, **params})
        assert response.status_code == 200, response.text
        body = response.json()
        seen += [a["id"] for a in body["attempts"]]
        cursor = body["cursor"]
        if not body["more"]:
            return cursor, seen


def _push(http: httpx.Client, ops: list[dict[str, Any]]) -> None:
    response = http.post("/api/push", json={"ops": ops})
    assert response.status_code == 200, response.text
    assert {r["status"] for r in response.json()["results"]} == {"applied"}


def test_a_transaction_open_in_another_database_does_not_hold_back_pulls(
    team: Team, pg_url: str, pg_database: str
) -> None:
    """Before: the line was the cluster's oldest running transaction, so a session left
    open in another database (another team, another test run) stopped every pull."""
    lead = import_leads(team, "alice", 1)[0]
    other = psycopg.connect(syncenv._admin_url(pg_url))  # the `test` database
    ours = psycopg.connect(syncenv._admin_url(pg_database))
    try:
        other.execute("SELECT pg_current_xact_id()")  # holds a transaction id, open
        with team.http(team.alice) as alice, team.http(team.boss) as boss:
            cursor, _ = _pull_all(boss, "")
            first = attempt_op(lead, team.ids["alice"])
            _push(alice, [first])
            cursor, seen = _pull_all(boss, cursor)
            assert seen == [first["entity_id"]]

            # A transaction of this database still running does hold the line: what
            # commits after it must not be skipped.
            ours.execute("SELECT pg_current_xact_id()")
            second = attempt_op(lead, team.ids["alice"])
            _push(alice, [second])
            held, seen = _pull_all(boss, cursor)
            assert seen == []
            ours.commit()
            _, seen = _pull_all(boss, held)
            assert seen == [second["entity_id"]]
    finally:
        other.close()
        ours.close()


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(p) for p in text]
    return found


def test_two_server_processes_over_one_database_lose_and_repeat_nothing(
    pg_store: Store, pg_database: str
) -> None:
    """Agents push through one process while a supervisor and the agents pull through
    another (started with --workers 2): every attempt arrives once, none twice."""
    first = ServerProcess(pg_database).start()
    second = ServerProcess(pg_database, workers=2).start()
    try:
        assert second.proc is not None and len(_children(second.proc.pid)) >= 2
        team = make_team(pg_store, first.url)
        agents = {"alice": team.alice, "bob": team.bob}
        for name in ("carol", "dave"):
            _, agents[name], _ = add_agent_to(pg_store, name, False)
        leads = {name: import_leads(team, name, 3) for name in agents}
        sent: dict[str, list[str]] = {name: [] for name in agents}
        received: dict[str, list[str]] = {name: [] for name in agents}
        boss_seen: list[str] = []
        done = threading.Event()
        errors: list[BaseException] = []
        everyone_pushed = threading.Barrier(len(agents))

        def agent(name: str) -> None:
            try:
                with (
                    httpx.Client(base_url=first.url, timeout=30) as push_to,
                    httpx.Client(base_url=second.url, timeout=30) as pull_from,
                ):
                    for http in (push_to, pull_from):
                        http.headers["Authorization"] = f"Bearer {agents[name]}"
                    cursor = ""
                    for round_ in range(8):
                        ops = [
                            attempt_op(lead, None, started_at=f"2026-11-26T16:{round_:02d}:00Z")
                            for lead in leads[name]
                        ]
                        _push(push_to, ops)
                        sent[name] += [op["entity_id"] for op in ops]
                        cursor, seen = _pull_all(pull_from, cursor)
                        received[name] += seen
                    # A pull stops below the commit-safe watermark while other agents'
                    # pushes are in flight; what it held back comes with a later pull:
                    # the last one, once everyone has pushed, must bring all of it.
                    everyone_pushed.wait(120)
                    _, seen = _pull_all(pull_from, cursor)
                    received[name] += seen
            except BaseException as exc:  # reported by the main thread
                errors.append(exc)
                everyone_pushed.abort()  # the others do not wait for this one

        def supervisor() -> None:
            try:
                with team.http(team.boss) as boss:
                    boss.base_url = httpx.URL(second.url)
                    cursor = ""
                    while not done.is_set():
                        cursor, seen = _pull_all(boss, cursor)
                        boss_seen.extend(seen)
                    _, seen = _pull_all(boss, cursor)
                    boss_seen.extend(seen)
            except BaseException as exc:
                errors.append(exc)

        boss_thread = threading.Thread(target=supervisor)
        boss_thread.start()
        threads = [threading.Thread(target=agent, args=(name,)) for name in agents]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        done.set()
        boss_thread.join(60)
        assert not errors, errors
        everything = [a for name in agents for a in sent[name]]
        assert len(everything) == 4 * 8 * 3
        assert sorted(boss_seen) == sorted(everything)  # each once: no loss, no repeat
        for name in agents:
            assert sorted(received[name]) == sorted(sent[name])
        with psycopg.connect(syncenv._admin_url(pg_database)) as conn:
            rows = conn.execute("SELECT id FROM attempt").fetchall()
        assert sorted(r[0] for r in rows) == sorted(everything)
    finally:
        first.kill()
        second.kill()


def test_an_address_stopped_by_one_process_is_stopped_by_the_other(
    pg_store: Store, pg_database: str
) -> None:
    """The failed-authentication limit (20 a minute per address) counts failures made
    through every process: the 21st, through the other process, gets 429."""
    first = ServerProcess(pg_database).start()
    second = ServerProcess(pg_database).start()
    try:
        make_team(pg_store, first.url)
        bad = {"Authorization": f"Bearer {uuid.uuid4().hex}"}
        for _ in range(20):
            assert httpx.get(f"{first.url}/api/me", headers=bad).status_code == 401
        assert httpx.get(f"{first.url}/api/me", headers=bad).status_code == 429
        # The other process has seen no failure of its own: its first one is checked
        # against the database's count, and the address is stopped there too.
        assert httpx.get(f"{second.url}/api/me", headers=bad).status_code == 401
        stopped = httpx.get(f"{second.url}/api/me", headers=bad)
        assert stopped.status_code == 429
        assert int(stopped.headers["Retry-After"]) > 0
    finally:
        first.kill()
        second.kill()


def test_a_worker_count_out_of_range_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from leaddesk.cli import main

    url = f"sqlite:///{tmp_path / 'office.db'}"
    assert main(["server", "run", "--database-url", url, "--workers", "0"]) == 1
    assert capsys.readouterr().err.strip() == "leaddesk: error: --workers 0: give 1 to 64 processes"
    assert not (tmp_path / "office.db").exists()  # refused before anything was opened
