"""The call list as the agent sees it: sections, order, reasons, counts, search."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from leaddesk.services.calllist import CallListService
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import DncNumber, Lead
from tests.unit.engine_fixture import add_attempt, add_lead

H = timedelta(hours=1)
M = timedelta(minutes=1)
SYDNEY = "Australia/Sydney"  # 06:30 there at the tests' NOW (19:30 UTC)


def sections(ws: Workspace) -> list[tuple[str, str]]:
    return [(e.section, e.lead_id) for e in CallListService(ws).page()]


def test_sections_come_in_call_order(workspace: Workspace, now: datetime) -> None:
    blocked = add_lead(workspace, now - 3 * H, time_zones=[SYDNEY])
    later = add_lead(
        workspace, now - 50 * H, status="working", attempt_count=1, next_action_at=now + 20 * H
    )
    follow = add_lead(
        workspace, now - 50 * H, status="working", attempt_count=2, next_action_at=now - 2 * H
    )
    new = add_lead(workspace, now - 5 * M)
    callback = add_lead(
        workspace, now - 90 * H, status="callback", attempt_count=1, next_action_at=now - 10 * M
    )
    service = CallListService(workspace)
    page = service.page()
    assert [(e.section, e.lead_id) for e in page] == [
        ("callback", callback),
        ("new", new),
        ("follow_up", follow),
        ("later", later),
        ("blocked", blocked),
    ]
    assert [e.callable for e in page] == [True, True, True, False, False]
    assert service.counts() == {"callback": 1, "new": 1, "follow_up": 1, "later": 1, "blocked": 1}
    assert service.total() == 5
    assert page[0].reason == "callback overdue by 10 min (promised for 14:20 there)"
    assert page[1].reason == "new lead, waiting 5 min" and page[1].age_s == 300
    assert page[2].reason == "phone due 2 h ago"
    assert page[3].reason == "next: phone in 20 h"
    # The lead's number is a New York one: New York's law names the window.
    assert page[4].reason == (
        "New York: 8:00 to 21:00 (N.Y. Gen. Bus. Law 399-z(2)): 06:30 there, "
        "callable at 8:00, in 1 h 30 min"
    )
    assert page[1].local_time == "14:30" and page[4].local_time == "06:30"


def test_an_overdue_callback_stays_on_top_and_a_future_one_waits(
    workspace: Workspace, now: datetime
) -> None:
    fresh = add_lead(workspace, now - M)
    overdue = add_lead(
        workspace, now - 90 * H, status="callback", attempt_count=1, next_action_at=now - 49 * H
    )
    future = add_lead(
        workspace, now - 90 * H, status="callback", attempt_count=1, next_action_at=now + 2 * H
    )
    assert sections(workspace) == [("callback", overdue), ("new", fresh), ("later", future)]


def test_a_lead_that_just_arrived_is_not_buried_under_a_backlog(
    workspace: Workspace, now: datetime
) -> None:
    days3 = add_lead(workspace, now - 72 * H)  # an imported backlog
    minute1 = add_lead(workspace, now - 1 * M)
    minute5 = add_lead(workspace, now - 5 * M)
    minute20 = add_lead(workspace, now - 20 * M)
    hours2 = add_lead(workspace, now - 2 * H)
    # Inside 15 minutes: first, in arrival order (each inside its window); then the
    # backlog, oldest first.
    order = [lead for _, lead in sections(workspace)]
    assert order == [minute5, minute1, days3, hours2, minute20]


def test_blocked_leads_say_why(workspace: Workspace, now: datetime) -> None:
    day = timedelta(days=1)
    on_list = add_lead(workspace, now - day, phone_e164="+12125550199")
    with workspace.store.transaction() as session:
        session.add(DncNumber(phone_e164="+12125550199"))
    flagged = add_lead(workspace, now - day, do_not_call=True, phone_e164="+12125550198")
    bad = add_lead(workspace, now - day, phone_bad=True)
    no_phone = add_lead(workspace, now - day, phone_e164=None)
    capped = add_lead(
        workspace, now - 30 * day, status="working", attempt_count=12, next_action_at=now - H
    )
    no_zone = add_lead(workspace, now - day, time_zones=[])
    busy_day = add_lead(
        workspace,
        now - 3 * day,
        status="working",
        attempt_count=3,
        last_attempt_at=now - 2 * H,
        next_action_at=now - M,
    )
    for hours_ago in (20, 6, 2):
        add_attempt(workspace, busy_day, now - hours_ago * H, "no_answer")
    reasons = {e.lead_id: e.reason for e in CallListService(workspace).page()}
    assert all(not e.callable for e in CallListService(workspace).page())
    assert reasons == {
        on_list: "on the do-not-call list",
        flagged: "on the do-not-call list",
        bad: "bad number",
        no_phone: "no phone number",
        capped: "attempt cap reached (12 attempts)",
        no_zone: "time zone unknown",
        busy_day: "3 attempts in the last 24 h; callable again in 4 h",
    }


def test_written_touches_are_due_outside_calling_hours(workspace: Workspace, now: datetime) -> None:
    email = add_lead(
        workspace,
        now - 30 * H,
        time_zones=[SYDNEY],
        status="working",
        attempt_count=1,
        next_channel="email",
        next_action_at=now - H,
    )
    text = add_lead(
        workspace,
        now - 30 * H,
        time_zones=[SYDNEY],
        status="working",
        attempt_count=1,
        next_channel="sms",
        next_action_at=now - H,
    )
    entries = {e.lead_id: e for e in CallListService(workspace).page()}
    assert entries[email].section == "follow_up" and entries[email].callable
    assert entries[email].next_channel == "email"
    # Texts only inside calling hours.
    assert entries[text].section == "blocked"


def test_closed_foreign_and_deleted_leads_are_not_listed(
    workspace: Workspace, now: datetime
) -> None:
    mine = add_lead(workspace, now - H)
    for status in ("qualified", "not_interested", "finished", "do_not_call", "bad_number"):
        add_lead(workspace, now - H, status=status, attempt_count=3, next_action_at=None)
    add_lead(workspace, now - H, deleted_at=now)
    other = Workspace.open(workspace.store, "someone.else", workspace.clock)
    theirs = add_lead(other, now - H)
    assert sections(workspace) == [("new", mine)]
    assert sections(other) == [("new", theirs)]


def test_search_position_and_paging(workspace: Workspace, now: datetime) -> None:
    ids = [
        add_lead(
            workspace,
            now - (10 - i) * M,  # in arrival order: the list's order
            first_name=f"Lead{i}",
            company="Harbor Dental" if i % 2 else "Summit Roofing",
            phone_e164=f"+1212555{i:04d}",
        )
        for i in range(10)
    ]
    service = CallListService(workspace)
    everything = service.page()
    assert [e.lead_id for e in everything] == ids  # all fresh: in arrival order
    assert [e.lead_id for e in service.page(3, 4)] == ids[3:7]
    assert service.position(ids[6]) == 6
    assert service.position("no-such-lead") is None
    harbor = service.page(search="harbor")
    assert [e.lead_id for e in harbor] == ids[1::2]
    assert service.total("HARBOR") == 5 and service.counts("harbor")["new"] == 5
    assert service.position(ids[5], search="harbor") == 2
    assert [e.lead_id for e in service.page(search="5550007")] == [ids[7]]
    assert service.page(search="nobody") == [] and service.total("nobody") == 0
    with pytest.raises(Exception, match="must not be negative"):
        service.page(-1)


def test_entry_of_one_lead(workspace: Workspace, now: datetime) -> None:
    lead = add_lead(workspace, now - 2 * M)
    service = CallListService(workspace)
    entry = service.entry(lead)
    assert (
        entry is not None and entry.section == "new" and entry.time_zones == ("America/New_York",)
    )
    with workspace.store.transaction() as session:
        row = session.get(Lead, lead)
        assert row is not None
        row.status = "qualified"
    assert service.entry(lead) is None


def test_scrolling_reads_one_snapshot_until_the_first_page_is_read_again(
    workspace: Workspace, now: datetime
) -> None:
    from leaddesk.services.outcomes import OutcomeService

    ids = [add_lead(workspace, now - (6 - i) * M) for i in range(6)]  # arrival order
    service = CallListService(workspace)
    first = [e.lead_id for e in service.page(0, 2)]
    assert first == ids[:2]
    assert [e.lead_id for e in service.page(2, 2)] == ids[2:4]
    # The agent works a lead: it leaves the "new" section, but the pages being scrolled
    # keep their order (no lead shown twice or skipped).
    OutcomeService(workspace).log(ids[4], "no_answer")
    assert [e.lead_id for e in service.page(4, 2)] == ids[4:6]
    # Reading the list from the top again shows the change.
    fresh = [e.lead_id for e in service.page(0, 10)]
    assert fresh == [*ids[:4], ids[5], ids[4]]
    assert service.page(4, 2)[1].section == "later"


def test_a_zone_set_seen_for_the_first_time_is_never_guessed(
    workspace: Workspace, now: datetime
) -> None:
    service = CallListService(workspace)
    add_lead(workspace, now - H)
    assert service.counts()["new"] == 1
    # A lead from a zone set the service has not read yet (imported meanwhile).
    berlin = add_lead(workspace, now - 2 * H, time_zones=["Europe/Berlin"])  # 20:30 there
    sydney = add_lead(workspace, now - 3 * H, time_zones=[SYDNEY])  # 06:30 there
    assert service.counts() == {"callback": 0, "new": 2, "follow_up": 0, "later": 0, "blocked": 1}
    entries = {e.lead_id: e for e in service.page()}
    assert entries[berlin].callable and entries[berlin].local_time == "20:30"
    assert entries[sydney].section == "blocked"
