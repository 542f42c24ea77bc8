"""The cadence moves each lead on: next touch and channel, touch budget, texts, retries,
callbacks inside calling hours, dials refused over the caps."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from leaddesk.cli import main
from leaddesk.domain.cadence import (
    LeadProgress,
    TouchContext,
    day_part,
    first_action,
    plan_next,
)
from leaddesk.domain.calling_hours import is_callable_at
from leaddesk.domain.caps import Touch
from leaddesk.domain.outcomes import Channel, LeadStatus
from leaddesk.services.cadences import default_cadence
from leaddesk.services.calllist import default_rules
from leaddesk.services.errors import UserError
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from leaddesk.store.models import Attempt, Callback
from tests.unit.engine_fixture import NY, add_attempt, add_lead

CADENCE = default_cadence()
RULES = default_rules()
NYZ = ZoneInfo(NY)
# A New York lead: its state is known (a lead whose state is unknown gets every state's rules).
NY_LAW = ("US-NY",)


def ny(*args: int) -> datetime:
    return datetime(*args, tzinfo=NYZ).astimezone(UTC)


def progress(
    step: int, first: datetime | None, status: LeadStatus = LeadStatus.WORKING
) -> LeadProgress:
    return LeadProgress(status, step, first)


def test_default_cadence_is_phone_first_eight_touches_over_two_weeks() -> None:
    steps = CADENCE.steps
    assert len(steps) == 8 and steps[0].channel is Channel.PHONE and steps[0].voicemail
    assert steps[1].channel is Channel.EMAIL and steps[1].day == 0
    assert steps[-1].channel is Channel.PHONE and steps[-1].day == 13
    new = first_action(CADENCE, ny(2026, 11, 26, 9))
    assert new.channel is Channel.PHONE and new.at == ny(2026, 11, 26, 9)


def test_without_context_the_plain_cadence_applies() -> None:
    at = ny(2026, 11, 26, 10)
    nxt = plan_next(CADENCE, progress(0, None, LeadStatus.NEW), "voicemail_left", at)
    assert nxt.channel is Channel.EMAIL and nxt.at == at + timedelta(hours=2)
    assert nxt.status is LeadStatus.WORKING and nxt.cadence_step == 1


@pytest.mark.parametrize(
    ("outcome", "status"),
    [
        ("qualified", LeadStatus.QUALIFIED),
        ("not_interested", LeadStatus.NOT_INTERESTED),
        ("do_not_call", LeadStatus.DO_NOT_CALL),
        ("wrong_number", LeadStatus.BAD_NUMBER),
        ("bad_number", LeadStatus.BAD_NUMBER),
    ],
)
def test_final_outcomes_end_the_cadence(outcome: str, status: LeadStatus) -> None:
    ctx = TouchContext(RULES, (NY,), jurisdictions=NY_LAW)
    nxt = plan_next(
        CADENCE, progress(2, ny(2026, 11, 25, 9)), outcome, ny(2026, 11, 26, 10), context=ctx
    )
    assert nxt.at is None and nxt.status is status


def test_the_last_step_finishes_the_cadence() -> None:
    nxt = plan_next(
        CADENCE,
        progress(7, ny(2026, 11, 13, 9)),
        "no_answer",
        ny(2026, 11, 26, 10),
        context=TouchContext(RULES, (NY,), jurisdictions=NY_LAW),
    )
    assert nxt.status is LeadStatus.FINISHED and nxt.at is None


def test_touch_budget_three_in_48_hours() -> None:
    first = ny(2026, 11, 26, 9)
    history = (
        Touch(first, Channel.PHONE, "voicemail_left"),
        Touch(first + timedelta(hours=3), Channel.EMAIL, "email_sent"),
    )
    at = ny(2026, 11, 27, 9)  # the day-1 call: the third touch in 48 h
    ctx = TouchContext(RULES, (NY,), True, history, jurisdictions=NY_LAW)
    nxt = plan_next(
        CADENCE, progress(2, first), "connected", at, context=ctx, channel=Channel.PHONE
    )
    # The day-2 text would be the fourth touch within 48 h of the first: it waits.
    assert nxt.channel is Channel.SMS
    assert nxt.at is not None and nxt.at >= first + timedelta(hours=48)
    # A busy line is not a touch the lead noticed: it uses no budget.
    busy = (Touch(first + timedelta(hours=5), Channel.PHONE, "busy"),)
    ctx2 = TouchContext(RULES, (NY,), True, history[:1] + busy, jurisdictions=NY_LAW)
    nxt2 = plan_next(
        CADENCE, progress(1, first), "email_sent", first + timedelta(hours=6), context=ctx2
    )
    # Day 1 at 09:00: the last failed call (busy) was in the afternoon, so the morning is fine.
    assert nxt2.at == ny(2026, 11, 27, 9)


def test_social_touches_at_most_once_a_week() -> None:
    from leaddesk.domain.cadence import parse_cadence

    cadence = parse_cadence(
        {
            "name": "social",
            "steps": [
                {"day": 0, "channel": "phone"},
                {"day": 1, "channel": "social"},
                {"day": 3, "channel": "social"},
            ],
        }
    )
    start = ny(2026, 11, 2, 10)
    history = (
        Touch(start, Channel.PHONE, "connected"),
        Touch(start + timedelta(days=1), Channel.SOCIAL, "social_touch"),
    )
    ctx = TouchContext(RULES, (NY,), True, history[:1], jurisdictions=NY_LAW)
    at = start + timedelta(days=1, hours=1)
    nxt = plan_next(
        cadence, progress(1, start), "social_touch", at, context=ctx, channel=Channel.SOCIAL
    )
    assert nxt.channel is Channel.SOCIAL
    assert nxt.at == at + timedelta(days=7)


def test_texts_only_to_mobile_numbers_and_inside_calling_hours() -> None:
    first = ny(2026, 11, 23, 9)
    at = ny(2026, 11, 24, 13)  # the day-1 call
    landline = TouchContext(RULES, (NY,), mobile=False, jurisdictions=NY_LAW)
    nxt = plan_next(CADENCE, progress(2, first), "connected", at, context=landline)
    assert nxt.channel is Channel.PHONE and nxt.cadence_step == 4  # the text is skipped
    # A text planned at night waits for the morning.
    late_first = ny(2026, 11, 23, 22, 30)
    mobile = TouchContext(RULES, (NY,), mobile=True, jurisdictions=NY_LAW)
    nxt = plan_next(
        CADENCE, progress(2, late_first), "connected", ny(2026, 11, 24, 13), context=mobile
    )
    assert nxt.channel is Channel.SMS
    assert nxt.at == ny(2026, 11, 26, 8)
    assert is_callable_at(RULES.hours, [NY], nxt.at)


def test_a_retry_after_a_failed_call_goes_to_another_part_of_the_day() -> None:
    at = ny(2026, 11, 26, 9, 30)
    ctx = TouchContext(RULES, (NY,), jurisdictions=NY_LAW)
    busy = plan_next(CADENCE, progress(2, ny(2026, 11, 25, 9)), "busy", at, context=ctx)
    assert busy.channel is Channel.PHONE and busy.cadence_step == 2
    assert busy.at is not None
    assert busy.at >= at + timedelta(hours=2)
    assert day_part(at.astimezone(NYZ)) == "morning"
    assert day_part(busy.at.astimezone(NYZ)) == "afternoon"
    # An evening failure is retried in the morning, not at night.
    evening = ny(2026, 11, 26, 19, 30)
    retry = plan_next(CADENCE, progress(2, ny(2026, 11, 25, 9)), "busy", evening, context=ctx)
    assert retry.at == ny(2026, 11, 27, 8)


def test_a_callback_keeps_its_exact_time() -> None:
    when = ny(2026, 11, 27, 15, 10)
    nxt = plan_next(
        CADENCE,
        progress(0, None, LeadStatus.NEW),
        "callback",
        ny(2026, 11, 26, 10),
        when,
        context=TouchContext(RULES, (NY,), jurisdictions=NY_LAW),
    )
    assert nxt.at == when and nxt.status is LeadStatus.CALLBACK


# -- through the outcome service ---------------------------------------------------------


def test_callback_outside_calling_hours_is_refused_and_nothing_written(
    workspace: Workspace, now: datetime
) -> None:
    lead = add_lead(workspace, now - timedelta(hours=1))
    service = OutcomeService(workspace)
    with pytest.raises(UserError) as exc:
        service.log(lead, "callback", callback_at=ny(2026, 11, 27, 6, 30))
    message = str(exc.value)
    assert "outside Ada Lovelace's calling hours" in message
    assert "06:30 for the lead, callable at 8:00" in message
    with workspace.store.session() as session:
        assert session.query(Attempt).count() == 0 and session.query(Callback).count() == 0
    logged = service.log(lead, "callback", callback_at=ny(2026, 11, 27, 8, 0))
    assert logged.next_action_at == ny(2026, 11, 27, 8, 0)


def test_logged_outcomes_plan_with_budget_and_hours(workspace: Workspace, now: datetime) -> None:
    # NOW is 14:30 in New York.
    lead = add_lead(workspace, now - timedelta(minutes=30), phone_type="fixed_line")
    service = OutcomeService(workspace)
    first = service.log(lead, "voicemail_left")
    assert first.next_channel == "email" and first.next_action_at == now + timedelta(hours=2)
    second = service.log(lead, "email_sent", at=now + timedelta(hours=2))
    # The day-1 call avoids the afternoon, when the first call failed.
    assert second.next_channel == "phone"
    assert second.next_action_at is not None
    assert day_part(second.next_action_at.astimezone(NYZ)) != "afternoon"
    third = service.log(lead, "no_answer", at=second.next_action_at)
    # A landline gets no text: the day-4 call follows, after the 48 h budget.
    assert third.next_channel == "phone"
    assert third.next_action_at is not None and third.next_action_at >= now + timedelta(hours=48)


def test_dials_are_refused_outside_hours_and_over_the_caps(
    workspace: Workspace, now: datetime
) -> None:
    service = OutcomeService(workspace)
    sydney = add_lead(workspace, now - timedelta(hours=1), time_zones=["Australia/Sydney"])
    with pytest.raises(
        UserError,
        match=r"outside calling hours: New York: 8:00 to 21:00 .*: 06:30 there, callable at 8:00",
    ):
        service.start_dial(sydney)
    busy = add_lead(workspace, now - timedelta(days=2), status="working", attempt_count=3)
    for hours_ago in (20, 10, 1):
        add_attempt(workspace, busy, now - timedelta(hours=hours_ago), "busy")
    with pytest.raises(UserError, match="3 attempts in the last 24 h"):
        service.start_dial(busy)
    capped = add_lead(workspace, now - timedelta(days=20), status="working", attempt_count=12)
    with pytest.raises(UserError, match="attempt cap reached"):
        service.start_dial(capped)
    ok = add_lead(workspace, now - timedelta(minutes=2))
    dial = service.start_dial(ok)
    assert service.pending_dials()[0].attempt_id == dial.attempt_id


def test_cli_log_refuses_a_callback_at_night(capsys, tmp_path: Path, now: datetime) -> None:
    db = tmp_path / "cb.db"
    store = open_store(db)
    lead = add_lead(Workspace.open(store, "cli.agent"), now - timedelta(hours=1))
    store.close()
    argv = [
        "log",
        lead,
        "callback",
        "--callback",
        "2027-01-01T03:00:00Z",
        "--db",
        str(db),
        "--agent",
        "cli.agent",
        "--now",
        "2026-11-26T19:30:00Z",
    ]
    code = main(argv)
    _, err = capsys.readouterr()
    assert code == 1 and err.count("\n") == 1 and "outside" in err and "calling hours" in err
    argv[4] = "2026-11-27T15:00:00Z"
    code = main([*argv, "--json"])
    out, _ = capsys.readouterr()
    assert code == 0 and json.loads(out)["next_action_at"] == "2026-11-27T15:00:00Z"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM callback").fetchone()[0] == 1
