"""The call list's SQL gives the same sections and order as the domain's reference rules,
and `leaddesk queue` prints it as CLI.md says."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaddesk.cli import main
from leaddesk.domain.calling_hours import window_state
from leaddesk.domain.calllist import LeadFacts, order
from leaddesk.domain.clock import fixed_clock
from leaddesk.services.calllist import CallListService, default_rules
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from leaddesk.store.models import DncNumber
from tests.unit.engine_fixture import add_attempt, add_lead

ZONE_SETS = [
    ("America/New_York",),
    ("America/Los_Angeles",),
    ("America/New_York", "America/Chicago"),
    ("Australia/Sydney",),
    ("Europe/Berlin",),
    (),
    ("Nowhere/Special",),
]
NOWS = [
    datetime(2026, 11, 26, 19, 30, tzinfo=UTC),
    datetime(2026, 3, 8, 12, 30, tzinfo=UTC),  # the morning New York springs forward
    datetime(2026, 11, 1, 6, 15, tzinfo=UTC),  # the night it falls back
    datetime(2026, 7, 4, 2, 0, tzinfo=UTC),
]

lead_strategy = st.fixed_dictionaries(
    {
        "status": st.sampled_from(["new", "working", "reached", "callback", "qualified"]),
        "arrived_min": st.integers(0, 60 * 24 * 20),
        "next_min": st.one_of(st.none(), st.integers(-60 * 24 * 5, 60 * 24 * 5)),
        "channel": st.sampled_from(["phone", "phone", "email", "sms", "social"]),
        "attempts": st.integers(0, 13),
        "dnc_flag": st.booleans() | st.just(False),
        "dnc_list": st.booleans() | st.just(False),
        "bad": st.booleans() | st.just(False),
        "no_phone": st.booleans() | st.just(False),
        "zones": st.sampled_from(ZONE_SETS),
        "recent": st.integers(0, 4),
    }
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(leads=st.lists(lead_strategy, min_size=1, max_size=15), now=st.sampled_from(NOWS))
def test_sql_and_domain_agree_on_sections_and_order(leads: list[dict], now: datetime) -> None:
    rules = default_rules()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "agree.db")
        try:
            ws = Workspace.open(store, "agree.agent", fixed_clock(now))
            facts: list[LeadFacts] = []
            for i, spec in enumerate(leads):
                phone = None if spec["no_phone"] else f"+1212555{i:04d}"
                status = (
                    "new" if spec["attempts"] == 0 and spec["status"] == "new" else spec["status"]
                )
                recent = min(spec["recent"], spec["attempts"])
                arrived = now - timedelta(minutes=spec["arrived_min"])
                nxt = (
                    None if spec["next_min"] is None else now + timedelta(minutes=spec["next_min"])
                )
                lead_id = add_lead(
                    ws,
                    arrived,
                    status=status,
                    attempt_count=spec["attempts"],
                    next_action_at=nxt,
                    next_channel=spec["channel"],
                    do_not_call=spec["dnc_flag"],
                    phone_bad=spec["bad"],
                    phone_e164=phone,
                    time_zones=list(spec["zones"]),
                    last_attempt_at=now - timedelta(hours=1) if recent else None,
                )
                for k in range(recent):
                    add_attempt(ws, lead_id, now - timedelta(hours=1 + 5 * k), "no_answer")
                if spec["dnc_list"] and phone:
                    with store.transaction() as session:
                        session.add(DncNumber(phone_e164=phone))
                facts.append(
                    LeadFacts(
                        lead_id=lead_id,
                        status=status,
                        arrived_at=arrived,
                        next_action_at=nxt,
                        next_channel=spec["channel"],
                        attempt_count=spec["attempts"],
                        do_not_call=spec["dnc_flag"] or (spec["dnc_list"] and phone is not None),
                        phone_bad=spec["bad"],
                        time_zones=spec["zones"],
                        attempts_24h=recent,
                        has_phone=phone is not None,
                    )
                )
            windows = {z: window_state(rules.hours, z, now) for z in ZONE_SETS}
            expected = [(f.lead_id, p.section.key) for f, p in order(facts, now, rules, windows)]
            service = CallListService(ws, rules)
            got = [(e.lead_id, e.section) for e in service.page(0, 1000)]
            assert got == expected
            counts = service.counts()
            assert sum(counts.values()) == len(expected) == service.total()
            for index, (lead_id, _) in enumerate(expected):
                assert service.position(lead_id) == index
        finally:
            store.close()


def test_queue_json_is_the_cli_contract(capsys, tmp_path: Path, now: datetime) -> None:
    db = tmp_path / "queue.db"
    store = open_store(db)
    ws = Workspace.open(store, "queue.agent", fixed_clock(now))
    first = add_lead(ws, now - timedelta(minutes=3), first_name="Grace", last_name="Hopper")
    add_lead(ws, now - timedelta(hours=1), time_zones=["Australia/Sydney"])
    store.close()
    code = main(
        [
            "queue",
            "--db",
            str(db),
            "--agent",
            "queue.agent",
            "--now",
            "2026-11-26T19:30:00Z",
            "--json",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    doc = json.loads(out)
    assert doc["now"] == "2026-11-26T19:30:00Z"
    assert [lead["section"] for lead in doc["leads"]] == ["new", "blocked"]
    top = doc["leads"][0]
    assert list(top) == [
        "lead_id",
        "name",
        "phone_e164",
        "section",
        "callable",
        "reason",
        "local_time",
        "attempts",
        "next_action_at",
        "next_channel",
        "blocked_by",
        "jurisdictions",
    ]
    assert top["lead_id"] == first and top["name"] == "Grace Hopper"
    assert top["blocked_by"] is None
    assert top["callable"] is True and top["local_time"] == "14:30"
    assert top["next_action_at"] == "2026-11-26T19:27:00Z" and top["next_channel"] == "phone"
    blocked = doc["leads"][1]
    assert blocked["reason"] == (
        "New York: 8:00 to 21:00 (N.Y. Gen. Bus. Law 399-z(2)): 06:30 there, "
        "callable at 8:00, in 1 h 30 min"
    )
    assert blocked["jurisdictions"] == ["US-NY"]
    rule = blocked["blocked_by"]
    assert (rule["jurisdiction"], rule["rule"], rule["source"], rule["until"]) == (
        "US-NY",
        "8:00-21:00",
        "N.Y. Gen. Bus. Law 399-z(2)",
        "2026-11-26T21:00:00Z",
    )

    code = main(
        [
            "queue",
            "--db",
            str(db),
            "--agent",
            "queue.agent",
            "--now",
            "2026-11-26T19:30:00Z",
            "--limit",
            "1",
        ]
    )
    out, _ = capsys.readouterr()
    assert code == 0 and out.count("\n") == 1 and "Grace Hopper" in out and "new" in out


def test_queue_bad_limit_is_an_input_error(capsys, tmp_path: Path) -> None:
    code = main(["queue", "--db", str(tmp_path / "q.db"), "--limit", "-3"])
    _, err = capsys.readouterr()
    assert code == 1 and "--limit must be 0 or more" in err
