"""The team's company, topic and callback number, published once by a supervisor on the
team server, reach every agent's laptop at its next sync and fill the scripts where the
agent set nothing of their own; an agent's own setting still wins."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from leaddesk.services.scripts import ScriptService
from leaddesk.services.sync import SyncService
from tests.integration import syncenv
from tests.integration.syncenv import Team, import_leads, laptop

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team

TEAM = {"company": "Brightline Solar", "topic": "rooftop solar", "callback_number": "+14155550142"}


def test_a_supervisor_publishes_the_team_settings_and_the_scripts_say_them(
    team: Team, tmp_path: Path
) -> None:
    with team.http(team.boss) as http:
        put = http.put("/api/team-settings", json=TEAM)
        assert put.status_code == 200, put.text
        assert put.json() == TEAM
        bad = http.put("/api/team-settings", json={"slogan": "x"})
        assert bad.status_code == 422 and bad.json()["field"] == "body.slogan"
    with team.http(team.alice) as http:
        assert http.get("/api/team-settings").json() == TEAM
        refused = http.put("/api/team-settings", json={"company": "Mine"})
        assert refused.status_code in (403, 404)

    (lead_id,) = import_leads(team, "alice", 1)
    ws = laptop(tmp_path, "alice")
    assert "your company" in ScriptService(ws).missing_identity()
    with SyncService(ws, team.url, lambda: team.alice, batch_size=50) as service:
        service.run_once()
    assert "your company" not in ScriptService(ws).missing_identity()
    text = ScriptService(ws).suggest(lead_id).text
    assert "Brightline Solar" in text and "[your company]" not in text
    assert "rooftop solar" in text

    # The agent's own setting wins over the team's.
    own = replace(ws, voicemail_company="Sunrise Roofing")
    text = ScriptService(own).suggest(lead_id).text
    assert "Sunrise Roofing" in text and "Brightline Solar" not in text
