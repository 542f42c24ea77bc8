"""The window's backend is a facade that passes the services' answers through unchanged
(a field a service adds reaches the window as it is), on a real demo database."""

from __future__ import annotations

from leaddesk.domain.scripts import RenderedScript
from leaddesk.services.calllist import CallListService
from leaddesk.services.outcomes import LoggedOutcome, OutcomeService
from leaddesk.services.rapport import RapportService, RapportView
from leaddesk.services.scripts import ScriptService
from leaddesk.services.shift import ShiftService, ShiftStats
from leaddesk.services.workspace import Workspace
from leaddesk.ui.backend import Backend


def test_the_backend_hands_on_the_services_dataclasses(demo_workspace: Workspace) -> None:
    backend = Backend(demo_workspace)
    lead_id = CallListService(demo_workspace).page(0, 1)[0].lead_id

    script = backend.script(lead_id)
    assert isinstance(script, RenderedScript)
    assert script == ScriptService(demo_workspace).suggest(lead_id)

    rapport = backend.rapport(lead_id)
    assert isinstance(rapport, RapportView)
    assert rapport == RapportService(demo_workspace).view(lead_id)

    shift = backend.shift()
    assert isinstance(shift, ShiftStats)
    assert shift == ShiftService(demo_workspace).today()


def test_log_takes_the_services_options_as_they_are(demo_workspace: Workspace) -> None:
    backend = Backend(demo_workspace)
    lead_id = CallListService(demo_workspace).page(0, 1)[0].lead_id
    logged = backend.log(lead_id, "email_sent", note="sent the brochure", manual=False)
    assert isinstance(logged, LoggedOutcome)
    assert logged.outcome == "email_sent" and logged.channel == "email"
    # the note reached the attempt, as OutcomeService.log stores it
    assert OutcomeService(demo_workspace).pending_dials() == []
    newest = backend.detail(lead_id).history[0]
    assert newest.attempt_id == logged.attempt_id and newest.note == "sent the brochure"
