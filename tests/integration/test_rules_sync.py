"""What the calling rules record travels with the lead to the team server: a call made
outside the rules stays flagged there and the team report counts it; a consent recorded
on the laptop reaches the server; the server derives the lead's jurisdictions itself."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import select

from leaddesk.domain.clock import fixed_clock
from leaddesk.services.leads import LeadService
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.sync import SyncService
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Attempt, Lead
from tests.integration import syncenv
from tests.integration.syncenv import Team, import_leads, laptop

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team

# Thursday 26 November 2026 (Thanksgiving), 22:30 in New York.
LATE = datetime(2026, 11, 27, 3, 30, tzinfo=UTC)


def test_a_late_call_and_a_consent_reach_the_server_and_its_report(
    team: Team, tmp_path: Path
) -> None:
    (late, asked) = import_leads(team, "alice", 2, state="NY", country="US")
    ws = laptop(tmp_path, "alice")
    with SyncService(ws, team.url, lambda: team.alice, batch_size=50) as service:
        service.run_once()
        at_night = Workspace(ws.store, ws.agent, fixed_clock(LATE))
        logged = OutcomeService(at_night).log(late, "no_answer")
        assert logged.outside_rules
        LeadService(ws).set_consent(asked, "express_written", "signed form #88")
        result = service.run_once()
        assert (result.conflicts, result.pending) == (0, 0)

    with team.store.session() as session:
        attempt = session.scalars(select(Attempt).where(Attempt.lead_id == late)).one()
        assert attempt.outside_rules is True
        lead = session.get(Lead, asked)
        assert lead is not None
        assert lead.consent_basis == "express_written"
        assert lead.consent_source == "signed form #88 (recorded by alice)"
        assert lead.jurisdictions == ["US-NY"]

    response = httpx.get(
        f"{team.url}/api/report",
        params={"agent": "all", "since": "2026-11-20T00:00:00Z", "until": "2026-12-01T00:00:00Z"},
        headers={"Authorization": f"Bearer {team.boss}"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    assert response.json()["team"]["attempts_outside_rules"] == 1
