"""The lead card, from LeadService.detail on a real demo database to the labels an agent
reads: numbers in both formats, local time and whether a call is allowed, attempt n of
the cadence, the last attempt and who made it, and the history across channels."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from leaddesk.services.calllist import CallListService
from leaddesk.services.errors import NotFound
from leaddesk.services.leads import LeadService, calling_check, format_numbers
from leaddesk.store.models import Lead
from leaddesk.ui.lead_card import LeadCard

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_numbers_in_national_and_international_form() -> None:
    assert format_numbers("+14155550142", "") == ("(415) 555-0142", "+1 415-555-0142")
    assert format_numbers("+442079460958", "") == ("020 7946 0958", "+44 20 7946 0958")
    assert format_numbers(None, "call reception") == ("call reception", "call reception")


def test_calling_hours_in_the_leads_zone(now) -> None:
    ny = ("US-NY",)
    assert calling_check(["America/New_York"], now, None, ny).callable  # 14:30 there
    night = calling_check(["America/New_York"], now + timedelta(hours=10), None, ny)
    assert not night.callable and "callable at 8:00" in night.reason
    assert calling_check([], now).callable  # unknown zone: the agent confirms the time


def test_detail_of_a_worked_lead(qtbot, demo_workspace) -> None:
    entries = CallListService(demo_workspace).page(0, 300)
    entry = next(
        e for e in entries if e.attempts >= 3 and e.callable and e.next_channel in (None, "phone")
    )
    detail = LeadService(demo_workspace).detail(entry.lead_id)
    assert detail.name == entry.name
    assert detail.phone_international.startswith("+")
    assert detail.attempt_number == entry.attempts + 1
    assert detail.cadence_length == 8
    assert detail.callable and detail.reason == entry.reason
    assert detail.local_time is not None and detail.local_time.utcoffset() is not None
    assert len(detail.history) >= 3
    channels = {a.channel for a in detail.history}
    assert "phone" in channels
    assert detail.last_attempt is not None and detail.last_attempt == detail.history[0]
    assert detail.last_attempt.agent_name == "Jordan Reyes"

    card = LeadCard()
    qtbot.addWidget(card)
    card.set_detail(detail)
    assert card.name.text() == detail.name
    assert card.phone.text() == detail.phone_national
    assert card.phone_intl.text() == detail.phone_international
    assert card.attempt.text() == f"Attempt {detail.attempt_number} of 8"
    assert "Call now" in card.status_pill.text()
    assert "their time" in card.local_time.text()
    assert detail.last_attempt.outcome_label in card.last.text()
    assert "Jordan Reyes" in card.last_caption.text()
    assert card.copy_button.isEnabled()


def test_a_do_not_call_lead_says_so(qtbot, demo_workspace) -> None:
    with demo_workspace.store.session() as session:
        lead_id = session.scalar(select(Lead.id).where(Lead.do_not_call.is_(True)).limit(1))
    assert lead_id is not None
    detail = LeadService(demo_workspace).detail(lead_id)
    assert not detail.callable
    card = LeadCard()
    qtbot.addWidget(card)
    card.set_detail(detail)
    assert "Blocked: on the do-not-call list" in card.status_pill.text()


def test_an_unknown_lead_is_a_clear_error(demo_workspace) -> None:
    with pytest.raises(NotFound, match="no lead"):
        LeadService(demo_workspace).detail("no-such-id")


def test_an_email_due_says_so_with_the_steps_template(qtbot, demo_workspace) -> None:
    from dataclasses import replace

    entry = next(
        e
        for e in CallListService(demo_workspace).page(0, 400, None)
        if e.callable and e.next_channel == "email"
    )
    detail = LeadService(demo_workspace).detail(entry.lead_id)
    card = LeadCard()
    qtbot.addWidget(card)
    card.set_detail(detail)
    assert "Email due" in card.status_pill.text()
    assert "Call now" not in card.status_pill.text()
    card.set_detail(replace(detail, next_step_template="Hi {first}, here is the guide"))
    assert "Hi {first}, here is the guide" in card.next_step.text()
