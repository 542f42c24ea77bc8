"""An undo travels to the team server as what it is: a correction that supersedes the
attempt (never a delete), with the lead's state put back; the server's history and
measures then agree with the laptop's."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.sync import SyncService
from leaddesk.store.models import Attempt, Lead
from tests.integration import syncenv
from tests.integration.syncenv import Team, import_leads, laptop

fixture_pg_database = syncenv.fixture_pg_database
fixture_pg_store_session = syncenv.fixture_pg_store_session
fixture_pg_store = syncenv.fixture_pg_store
fixture_server_thread = syncenv.fixture_server_thread
fixture_team = syncenv.fixture_team


def test_an_undo_reaches_the_server_as_a_correction(team: Team, tmp_path: Path) -> None:
    called, touched = import_leads(team, "alice", 2)
    ws = laptop(tmp_path, "alice")
    with SyncService(ws, team.url, lambda: team.alice, batch_size=50) as service:
        service.run_once()
        outcomes = OutcomeService(ws)
        outcomes.start_dial(called)
        wrong = outcomes.log(called, "no_answer")
        outcomes.undo(wrong)  # the dial is open again
        right = outcomes.log(called, "voicemail_left")
        touch = outcomes.log(touched, "social_touch")
        taken_back = outcomes.undo(touch)
        result = service.run_once()
        assert (result.conflicts, result.pending) == (0, 0)

    with team.store.session() as session:
        rows = {a.id: a for a in session.scalars(select(Attempt))}
        assert rows[wrong.attempt_id].outcome == "no_answer"  # kept: append-only
        assert rows[right.attempt_id].supersedes_id == wrong.attempt_id
        assert rows[right.attempt_id].outcome == "voicemail_left"
        assert rows[touch.attempt_id].outcome == "social_touch"
        back = rows[taken_back.attempt_id]
        assert (back.supersedes_id, back.outcome) == (touch.attempt_id, None)
        # The server's counters leave the superseded attempts out, as the laptop does.
        with ws.store.session() as local:
            for lead_id, attempts in ((called, 1), (touched, 0)):
                server_lead = session.get(Lead, lead_id)
                local_lead = local.get(Lead, lead_id)
                assert server_lead is not None and local_lead is not None
                assert server_lead.attempt_count == local_lead.attempt_count == attempts
                assert server_lead.call_count == local_lead.call_count
                assert server_lead.status == local_lead.status
