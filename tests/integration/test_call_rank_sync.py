"""The call list's maintained key through team sync: leads pulled onto a laptop, an
outcome pushed to the server, a lead reassigned to another agent. The key stays what
the leads say on both laptops (SQLite) and on the server (PostgreSQL, its own
triggers), and the laptop's walked list is the list computed lead by lead."""

from __future__ import annotations

from pathlib import Path

from leaddesk.services.calllist import CallListService
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.sync import SyncService
from leaddesk.services.workspace import Workspace
from tests.integration import syncenv
from tests.integration.syncenv import Team, import_leads, laptop
from tests.rank_check import Computed, lists_agree, rank_drift

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team


def sync(ws: Workspace, team: Team, token: str) -> None:
    with SyncService(ws, team.url, lambda: token, batch_size=50) as service:
        service.run_once()


def test_the_key_follows_pulls_pushes_and_reassignments(team: Team, tmp_path: Path) -> None:
    ids = import_leads(team, "alice", 6)
    assert rank_drift(team.store) == (set(), set())
    alice, bob = laptop(tmp_path, "alice"), laptop(tmp_path, "bob")
    sync(alice, team, team.alice)  # the pull inserts the leads on the laptop
    assert rank_drift(alice.store) == (set(), set())
    listed = [e.lead_id for e in CallListService(alice).page(0, 50)]
    assert sorted(listed) == sorted(ids)
    lists_agree(CallListService(alice), Computed(alice))

    first = listed[0]
    outcomes = OutcomeService(alice)
    outcomes.start_dial(first)
    outcomes.log(first, "no_answer")
    sync(alice, team, team.alice)  # pushed: the server's lead state changes
    assert rank_drift(team.store) == (set(), set())
    assert rank_drift(alice.store) == (set(), set())
    assert CallListService(alice).page(0, 1)[0].lead_id != first

    with team.http(team.boss) as http:
        http.post("/api/leads/assign", json={"lead_ids": [ids[1]], "agent": "bob"})
    assert rank_drift(team.store) == (set(), set())
    sync(alice, team, team.alice)  # the pull soft-deletes it here ...
    sync(bob, team, team.bob)  # ... and inserts it there
    for ws in (alice, bob):
        assert rank_drift(ws.store) == (set(), set())
        lists_agree(CallListService(ws), Computed(ws))
    assert ids[1] not in [e.lead_id for e in CallListService(alice).page(0, 50)]
    assert [e.lead_id for e in CallListService(bob).page(0, 50)] == [ids[1]]
