"""The pull cursor against the real PostgreSQL: a change whose sequence number is lower
but whose transaction commits later must still reach every puller."""

from __future__ import annotations

import random
import threading
import time
from typing import Any

import pytest
from sqlalchemy import select

from leaddesk.server import admin
from leaddesk.server.auth import Caller
from leaddesk.store.models import ChangeLog
from tests.integration import syncenv
from tests.integration.syncenv import NOW, Team

# Fixtures shared by the sync tests (pytest knows them by their names).
fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team

pytestmark = pytest.mark.postgres


def boss(team: Team) -> Caller:
    return Caller(team.ids["boss"], "boss", True)


def new_lead(name: str) -> dict[str, Any]:
    return {"leads": [{"first_name": name, "owner": "alice", "phone_raw": "+12125550100"}]}


def pull_all(team: Team, cursor: str, limit: int = 500) -> tuple[list[str], str]:
    got: list[str] = []
    with team.http(team.alice) as http:
        while True:
            doc = http.get("/api/pull", params={"cursor": cursor, "limit": limit}).json()
            got += [lead["first_name"] for lead in doc["leads"]]
            cursor = doc["cursor"]
            if not doc["more"]:
                return got, cursor


def test_a_lower_number_committed_later_is_not_skipped(team: Team) -> None:
    _, cursor = pull_all(team, "")
    store = team.store
    with store.session() as slow:  # T1: takes the lower number, commits last
        admin.import_leads(slow, boss(team), new_lead("early-number"), NOW)
        slow.flush()
        with store.transaction() as fast:  # T2: takes the next number, commits first
            admin.import_leads(fast, boss(team), new_lead("late-number"), NOW)

        with store.session() as look:
            rows = look.execute(select(ChangeLog.seq, ChangeLog.tx).order_by(ChangeLog.seq)).all()
        # Only T2's row is visible yet; T1 holds the number below it.
        assert len(rows) == 1
        seen_while_open, cursor_while_open = pull_all(team, cursor)
        assert "early-number" not in seen_while_open
        slow.commit()

    with store.session() as look:
        (early,) = look.scalars(select(ChangeLog.seq).order_by(ChangeLog.seq).limit(1))
        late = max(look.scalars(select(ChangeLog.seq)))
    assert early < late  # the race really happened: the lower number committed later

    seen_after, _ = pull_all(team, cursor_while_open)
    assert sorted(seen_while_open + seen_after) == ["early-number", "late-number"]


def test_concurrent_writers_and_a_busy_puller_lose_nothing(team: Team) -> None:
    store = team.store
    names = [f"w{w}-{i}" for w in range(4) for i in range(12)]
    done = threading.Event()
    errors: list[BaseException] = []

    def writer(w: int) -> None:
        rng = random.Random(w)
        try:
            for i in range(12):
                with store.transaction() as session:
                    admin.import_leads(session, boss(team), new_lead(f"w{w}-{i}"), NOW)
                    time.sleep(rng.random() * 0.02)  # hold the number a while before commit
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    seen: list[str] = []
    cursor = ""

    def puller() -> None:
        nonlocal cursor
        while not done.is_set():
            got, cursor = pull_all(team, cursor, limit=3)
            seen.extend(got)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    reader = threading.Thread(target=puller)
    reader.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader.join()
    assert not errors
    deadline = time.monotonic() + 20
    while sorted(set(seen)) != sorted(names) and time.monotonic() < deadline:
        got, cursor = pull_all(team, cursor, limit=3)
        seen.extend(got)
    assert sorted(set(seen)) == sorted(names)
    assert len(seen) == len(names)  # each change once


def test_pages_deliver_each_change_once(team: Team) -> None:
    with team.store.transaction() as session:
        admin.import_leads(
            session,
            boss(team),
            {"leads": [{"first_name": f"p{i}", "owner": "alice"} for i in range(25)]},
            NOW,
        )
    seen, cursor = pull_all(team, "", limit=4)
    assert sorted(seen) == sorted(f"p{i}" for i in range(25))
    again, _ = pull_all(team, cursor)
    assert again == []
