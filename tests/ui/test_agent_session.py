"""The agent's session on its own, with no window: a real demo database, the real
backend on worker threads, a `tel:` dialer. What the agent would see follows from these
signals: the card stays on the lead being called, a refused hand-off records no call,
and an outcome taken back opens the call again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from leaddesk.dialer.tel import TelDialer
from leaddesk.services.calllist import CallListService
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Attempt
from leaddesk.ui.agent.session import AgentSession
from leaddesk.ui.backend import Backend
from leaddesk.ui.events import Events
from leaddesk.ui.tasks import TaskRunner


class Opener:
    """The system's `tel:` handler: answers yes, or no (nothing handles phone links)."""

    def __init__(self) -> None:
        self.works = True
        self.opened: list[str] = []

    def __call__(self, uri: str) -> bool:
        self.opened.append(uri)
        return self.works


@pytest.fixture
def opener() -> Opener:
    return Opener()


@pytest.fixture
def session(qtbot, demo_workspace: Workspace, opener: Opener) -> Iterator[AgentSession]:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    s = AgentSession(Backend(demo_workspace), TelDialer(opener), runner, Events())
    yield s
    runner.shutdown()


def callable_leads(ws: Workspace, n: int) -> list[str]:
    entries = CallListService(ws).page(0, 50)
    ids = [
        e.lead_id
        for e in entries
        if e.callable and (e.next_channel or "phone") == "phone" and e.phone_e164
    ]
    assert len(ids) >= n, "the demo has leads to call now"
    return ids[:n]


def dials(ws: Workspace, lead_id: str) -> int:
    with ws.store.session() as db:
        return int(
            db.scalar(select(func.count()).select_from(Attempt).where(Attempt.lead_id == lead_id))
            or 0
        )


def test_the_card_stays_on_the_lead_being_called(qtbot, session, demo_workspace) -> None:  # type: ignore[no-untyped-def]
    first, second = callable_leads(demo_workspace, 2)
    cards: list[str | None] = []
    previews: list[str | None] = []
    session.card_changed.connect(lambda d: cards.append(d.lead_id if d else None))
    session.preview_changed.connect(lambda d: previews.append(d.lead_id if d else None))

    session.select(first)
    qtbot.waitUntil(lambda: session.detail is not None, timeout=10_000)
    session.dial()
    qtbot.waitUntil(lambda: session.pending is not None, timeout=10_000)
    assert session.pending.lead_id == first

    # The agent walks the list during the call: the other lead is only previewed.
    session.select(second)
    qtbot.waitUntil(lambda: second in previews, timeout=10_000)
    assert session.detail.lead_id == first and cards[-1] == first

    # Wrapped up: the lead selected meanwhile comes to the card.
    session.log(first, "no_answer", duration_s=0)
    qtbot.waitUntil(lambda: session.detail and session.detail.lead_id == second, timeout=10_000)
    assert session.pending is None and previews[-1] is None
    assert session.last_logged is not None and session.last_logged.lead_id == first


def test_a_refused_hand_off_records_no_call(qtbot, session, demo_workspace, opener) -> None:  # type: ignore[no-untyped-def]
    (lead,) = callable_leads(demo_workspace, 1)
    before = dials(demo_workspace, lead)
    failures: list[tuple[str, str]] = []
    session.dial_failed.connect(lambda words, number: failures.append((words, number)))
    opener.works = False

    session.select(lead)
    qtbot.waitUntil(lambda: session.detail is not None, timeout=10_000)
    session.dial()
    qtbot.waitUntil(lambda: bool(failures) and not session.dialing, timeout=10_000)

    words, number = failures[0]
    assert "did not start" in words and "tel:" in words
    assert number == session.detail.phone_e164  # offered to dial by hand
    assert session.pending is None
    assert dials(demo_workspace, lead) == before  # the pending record was taken back


def test_an_outcome_taken_back_opens_the_call_again(qtbot, session, demo_workspace) -> None:  # type: ignore[no-untyped-def]
    (lead,) = callable_leads(demo_workspace, 1)
    states: list[tuple[object, bool]] = []
    session.pending_changed.connect(lambda p, keep: states.append((p, keep)))
    session.select(lead)
    qtbot.waitUntil(lambda: session.detail is not None, timeout=10_000)
    session.dial()
    qtbot.waitUntil(lambda: session.pending is not None, timeout=10_000)
    session.log(lead, "busy", duration_s=0)
    qtbot.waitUntil(lambda: session.last_logged is not None, timeout=10_000)

    # Taken back: the call is open again, in wrap-up.
    session.undo()
    qtbot.waitUntil(lambda: session.pending is not None, timeout=10_000)
    pending, keep = states[-1]
    assert pending is session.pending and keep  # what the agent typed is kept
    assert session.pending.lead_id == lead and session.last_logged is None
    # And the next dial waits for this call's outcome.
    problems: list[object] = []
    session.problem.connect(problems.append)
    session.dial()
    assert problems and "first" in str(problems[0])
