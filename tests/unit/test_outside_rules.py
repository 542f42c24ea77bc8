"""A call made outside the lead's calling rules is recorded (a call that happened is never
lost), flagged in `leaddesk log`'s answer and on stderr, counted by `leaddesk report`, and
listed for the supervisor with the lead's local time."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from leaddesk.cli import main
from leaddesk.domain.clock import fixed_clock
from leaddesk.domain.metrics import Period
from leaddesk.services.review import ReviewService
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from tests.unit.engine_fixture import add_lead

# Monday 7 December 2026: 20:30 in Miami is 01:30 UTC on the 8th.
EVENING = "2026-12-08T01:30:00Z"
AFTERNOON = "2026-12-07T19:00:00Z"  # 14:00 in Miami


@pytest.fixture
def florida(tmp_path: Path) -> tuple[Path, str, str]:
    path = tmp_path / "fl.db"
    store = open_store(path)
    ws = Workspace.open(store, "fl.agent", fixed_clock(datetime(2026, 12, 7, 12, tzinfo=UTC)))
    late = add_lead(
        ws,
        datetime(2026, 12, 7, 12, tzinfo=UTC),
        phone_e164="+13055550123",
        state="FL",
        time_zones=["America/New_York"],
    )
    fine = add_lead(
        ws,
        datetime(2026, 12, 7, 12, tzinfo=UTC),
        first_name="Grace",
        phone_e164="+13055550124",
        state="FL",
        time_zones=["America/New_York"],
    )
    store.close()
    return path, late, fine


def cli(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_call_at_2030_in_florida_is_recorded_flagged_counted_and_listed(
    capsys, florida: tuple[Path, str, str]
) -> None:  # type: ignore[no-untyped-def]
    db, late, fine = florida
    common = ["--db", str(db), "--agent", "fl.agent", "--json"]
    code, out, err = cli(capsys, "log", late, "no_answer", *common, "--now", EVENING)
    assert code == 0
    answer = json.loads(out)
    assert answer["outside_rules"] is True and answer["outcome"] == "no_answer"
    assert err.startswith("warning: this call was made outside the lead's calling rules")
    assert "Florida: 8:00 to 20:00 (Fla. Stat. 501.616(6)(a)): 20:30 there" in err
    assert "flagged for your supervisor" in err

    code, out, err = cli(capsys, "log", fine, "no_answer", *common, "--now", AFTERNOON)
    assert code == 0 and err == ""
    assert json.loads(out)["outside_rules"] is False

    code, out, err = cli(capsys, "report", *common, "--now", "2026-12-09T12:00:00Z")
    assert code == 0, err
    report = json.loads(out)
    assert report["attempts"] == 2 and report["attempts_outside_rules"] == 1

    store = open_store(db)
    try:
        review = ReviewService(store, fixed_clock(datetime(2026, 12, 9, 12, tzinfo=UTC)))
        period = Period(datetime(2026, 12, 1, tzinfo=UTC), datetime(2026, 12, 9, tzinfo=UTC))
        lists = {c.key: c for c in review.coaching(period, None)}
        outside = lists["outside_rules"]
        assert outside.total == 1
        (item,) = outside.items
        assert item.lead_id == late
        assert item.detail == "Mon 20:30 there (US-FL): no answer"
    finally:
        store.close()


def test_the_fourth_call_in_24_hours_breaks_floridas_cap(
    capsys, florida: tuple[Path, str, str]
) -> None:  # type: ignore[no-untyped-def]
    db, late, _ = florida
    common = ["--db", str(db), "--agent", "fl.agent", "--json"]
    start = datetime(2026, 12, 7, 14, tzinfo=UTC)  # 09:00 in Miami
    flags = []
    for hours in (0, 1, 2, 3):
        at = (start + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")
        code, out, err = cli(capsys, "log", late, "busy", *common, "--now", at)
        assert code == 0
        flags.append((json.loads(out)["outside_rules"], err))
    assert [flag for flag, _ in flags] == [False, False, False, True]
    assert "Florida: at most 3 calls in 24 h (Fla. Stat. 501.616(6)(b))" in flags[3][1]


def test_a_laws_30_day_cap_blocks_the_lead_with_many_capped_leads_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """France: at most 4 calls in 30 days. The call list names the capped leads in its SQL
    up to a limit, then counts in a subquery; both ways block the French lead."""
    from leaddesk.services import calllist
    from leaddesk.services.calllist import CallListService
    from tests.unit.engine_fixture import add_attempt

    store = open_store(tmp_path / "fr.db")
    try:
        now = datetime(2026, 12, 7, 14, tzinfo=UTC)  # Monday, 15:00 in Paris
        ws = Workspace.open(store, "fr.agent", fixed_clock(now))
        paris = add_lead(
            ws,
            now - timedelta(days=20),
            phone_e164="+33142685300",
            country="FR",
            state="",
            time_zones=["Europe/Paris"],
            consent_basis="inquiry",
            status="working",
            attempt_count=4,
            next_action_at=now - timedelta(hours=1),
        )
        for days in (15, 10, 6, 2):
            add_attempt(ws, paris, now - timedelta(days=days), "no_answer")
        for limit in (calllist.MAX_CAPPED_LITERALS, 0):
            monkeypatch.setattr(calllist, "MAX_CAPPED_LITERALS", limit)
            entry = CallListService(ws).entry(paris)
            assert entry is not None and entry.section == "blocked" and not entry.callable
            assert entry.reason.startswith("France: at most 4 calls in 30 days")
    finally:
        store.close()
