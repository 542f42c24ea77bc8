"""The call list's maintained key (`call_rank`, kept by triggers) stays what the leads
say through every write path, and the list walked from it is the list computed lead by
lead the old way (sections, order, reasons), on random data."""

from __future__ import annotations

import csv
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from leaddesk.domain.clock import fixed_clock
from leaddesk.services import calllist
from leaddesk.services.calllist import CallListService, default_rules
from leaddesk.services.dnc import DncService
from leaddesk.services.importer import ImportService
from leaddesk.services.leads import LeadService
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from leaddesk.store.call_rank import TRIGGERS
from leaddesk.store.models import Attempt, DncNumber, Lead
from tests.rank_check import Computed, lists_agree, rank_drift
from tests.unit.engine_fixture import add_attempt, add_lead

# Places: New York, Los Angeles, two zones, Paris (a law's cap of 4 calls in 30 days),
# Sydney, London, none known, an unknown zone.
PLACES = [
    ("+12125550", "US", ["America/New_York"]),
    ("+13105550", "US", ["America/Los_Angeles"]),
    ("+13125550", "US", ["America/New_York", "America/Chicago"]),
    ("+33142680", "FR", ["Europe/Paris"]),
    ("+61255500", "AU", ["Australia/Sydney"]),
    ("+44207940", "GB", ["Europe/London"]),
    ("+12125551", "US", []),
    ("+12125552", "US", ["Nowhere/Special"]),
]
NOWS = [
    datetime(2026, 11, 26, 19, 30, tzinfo=UTC),
    datetime(2026, 3, 8, 12, 30, tzinfo=UTC),
    datetime(2026, 7, 4, 2, 0, tzinfo=UTC),
    datetime(2026, 11, 27, 9, 0, tzinfo=UTC),
]

lead_strategy = st.fixed_dictionaries(
    {
        "status": st.sampled_from(
            ["new", "new", "new", "working", "reached", "callback", "callback", "qualified"]
        ),
        "arrived_min": st.sampled_from([1, 10, 14, 16, 60, 600, 60 * 24 * 9]),
        "next_min": st.one_of(st.none(), st.sampled_from([-3000, -60, -1, 0, 1, 60, 3000])),
        "channel": st.sampled_from(["phone", "phone", "email", "sms", "social", None]),
        "attempts": st.sampled_from([0, 0, 0, 1, 3, 11, 12, 13]),
        "dnc_flag": st.booleans() | st.just(False),
        "dnc_list": st.booleans() | st.just(False),
        "bad": st.booleans() | st.just(False),
        "no_phone": st.booleans() | st.just(False),
        "deleted": st.booleans() | st.just(False),
        "place": st.integers(0, len(PLACES) - 1),
        "consent": st.sampled_from(["none", "inquiry"]),
        "recent": st.integers(0, 4),  # attempts in the last 24 h
        "month": st.integers(0, 4),  # attempts in the last 30 days, before that
        "owner": st.sampled_from(["me", "me", "me", "me", "other", "nobody"]),
    }
)


@cache
def _empty_database() -> Path:
    """A migrated empty database, copied for each example (migrating costs more)."""
    path = Path(tempfile.mkdtemp()) / "empty.db"
    open_store(path).close()
    return path


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    leads=st.lists(lead_strategy, min_size=8, max_size=40),
    now=st.sampled_from(NOWS),
    same_time=st.booleans(),
    counted=st.booleans(),
)
def test_the_walked_list_is_the_computed_list(
    leads: list[dict], now: datetime, same_time: bool, counted: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rank.db"
        shutil.copyfile(_empty_database(), path)
        store = open_store(path)
        try:
            other = Workspace.open(store, "other.agent", fixed_clock(now)).agent.id
            ws = Workspace.open(store, "rank.agent", fixed_clock(now))
            owners = {"me": ws.agent.id, "other": other, "nobody": None}
            with store.transaction() as session:
                for i, spec in enumerate(leads):
                    prefix, country, zones = PLACES[spec["place"]]
                    phone = None if spec["no_phone"] else f"{prefix}{i:03d}"
                    arrived = now - timedelta(minutes=spec["arrived_min"])
                    minutes = spec["next_min"]
                    nxt = None if minutes is None else now + timedelta(minutes=minutes)
                    if same_time and nxt is not None:
                        nxt = now - timedelta(minutes=5)  # ties in the time key: the id decides
                    history = spec["recent"] + spec["month"]
                    lead = Lead(
                        first_name="Ada",
                        status=spec["status"],
                        arrived_at=arrived,
                        attempt_count=max(
                            spec["attempts"], history if spec["status"] != "new" else 0
                        ),
                        next_action_at=nxt,
                        next_channel=spec["channel"],
                        do_not_call=spec["dnc_flag"],
                        phone_bad=spec["bad"],
                        phone_e164=phone,
                        country=country,
                        time_zones=zones,
                        consent_basis=spec["consent"],
                        last_attempt_at=now - timedelta(hours=1) if history else None,
                        deleted_at=now if spec["deleted"] else None,
                        owner_id=owners[spec["owner"]],
                    )
                    session.add(lead)
                    session.flush()
                    times = [now - timedelta(hours=1 + 5 * k) for k in range(spec["recent"])]
                    times += [now - timedelta(days=2 + 6 * k) for k in range(spec["month"])]
                    session.add_all(
                        Attempt(
                            lead_id=lead.id,
                            agent_id=ws.agent.id,
                            channel="phone",
                            outcome="no_answer",
                            started_at=at,
                            ended_at=at,
                        )
                        for at in times
                    )
                    if spec["dnc_list"] and phone:
                        session.merge(DncNumber(phone_e164=phone))
            assert rank_drift(store) == (set(), set())
            rules = default_rules()
            # Capped leads named in the SQL, or (past MAX_CAPPED_LITERALS) counted there.
            with patch.object(calllist, "MAX_CAPPED_LITERALS", 0 if counted else 2_000):
                lists_agree(CallListService(ws, rules), Computed(ws, rules))
        finally:
            store.close()


def test_every_write_path_keeps_the_key(demo_workspace: Workspace, tmp_path: Path) -> None:
    ws = demo_workspace
    store = ws.store
    service, computed = CallListService(ws), Computed(ws)

    def check() -> None:
        assert rank_drift(store) == (set(), set())
        lists_agree(service, computed, 400)

    check()  # the demo data, written by the migration's backfill and the triggers
    outcomes = OutcomeService(ws)
    first = next(e for e in service.page(0, 50) if e.callable)
    # Log an outcome: the lead leaves its section (next touch later) ...
    outcomes.start_dial(first.lead_id)
    logged = outcomes.log(first.lead_id, "no_answer")
    check()
    assert first.lead_id not in [e.lead_id for e in service.page(0, 3)]
    # ... and its undo puts it back where it was.
    outcomes.undo(logged)
    check()
    assert service.page(0, 1)[0].lead_id == first.lead_id
    # A do-not-call outcome (the undone dial is open again), then its undo.
    dnc_logged = outcomes.log(first.lead_id, "do_not_call", note="asked")
    check()
    assert service.entry(first.lead_id) is None or (
        service.entry(first.lead_id).section == "blocked"  # type: ignore[union-attr]
    )
    outcomes.undo(dnc_logged)
    check()
    # The do-not-call list alone (the lead's flag aside): on, then off.
    with store.session() as session:
        lead = session.get(Lead, first.lead_id)
        assert lead is not None and lead.phone_e164
        phone = lead.phone_e164
    with store.transaction() as session:
        session.add(DncNumber(phone_e164=phone))
    check()
    assert service.entry(first.lead_id).section == "blocked"  # type: ignore[union-attr]
    with store.transaction() as session:
        session.execute(text("DELETE FROM dnc_number WHERE phone_e164 = :p"), {"p": phone})
    check()
    DncService(ws).add(phone, reason="test")
    check()
    DncService(ws).remove(phone, "added by mistake")
    check()
    # A lead edit: its consent, then its number, status and deletion by hand.
    LeadService(ws).set_consent(first.lead_id, "express_written", "form")
    check()
    with store.transaction() as session:
        lead = session.get(Lead, first.lead_id)
        assert lead is not None
        lead.phone_e164, lead.country, lead.time_zones = "+33142680000", "FR", ["Europe/Paris"]
    check()
    with store.transaction() as session:
        lead = session.get(Lead, first.lead_id)
        assert lead is not None
        lead.status = "qualified"
    check()
    assert service.entry(first.lead_id) is None
    with store.transaction() as session:
        lead = session.get(Lead, first.lead_id)
        assert lead is not None
        lead.status, lead.deleted_at = "working", ws.clock()
    check()
    gone = add_lead(ws, ws.clock() - timedelta(seconds=97), phone_e164="+12125550199")
    check()
    # A fresh lead: among the new leads, only fresh ones that arrived before it go first.
    new = service.page(0, 2000, section="new")
    ahead = new[: [e.lead_id for e in new].index(gone)]
    assert all(ws.clock() - timedelta(minutes=15) < e.arrived_at <= ws.clock() for e in ahead)
    with store.transaction() as session:
        session.execute(text("DELETE FROM lead WHERE id = :i"), {"i": gone})
    check()
    # An import: new leads and an update of a lead already there.
    path = tmp_path / "leads.csv"
    with path.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["First Name", "Last Name", "Phone", "Email", "Company"])
        for i in range(30):
            writer.writerow([f"Imp{i}", "Test", f"+1415555{i:04d}", f"i{i}@x.example", "Co"])
    ImportService(ws, workers=0).run(path, region="US")
    check()
    with store.session() as session:
        imported = session.scalars(select(Lead.id).where(Lead.first_name == "Imp3")).all()
    assert len(imported) == 1
    assert imported[0] in [e.lead_id for e in service.page(0, 2000)]


def test_the_triggers_exist_at_head(store) -> None:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        names = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    assert set(TRIGGERS) <= names


def test_a_law_cap_and_a_touch_due_this_instant_in_the_walked_list(tmp_path: Path) -> None:
    """France allows 4 calls in 30 days: a Paris lead called 4 times this month (never
    3 times in a day) is blocked, not a follow-up; a touch due at this very instant is
    due (a follow-up), not later; a new lead is new whatever its next action's time;
    the counts per section say so too."""
    now = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)  # 10:00 in Paris, a Friday
    store = open_store(tmp_path / "law.db")
    try:
        ws = Workspace.open(store, "law.agent", fixed_clock(now))
        # Asked to be called (France allows no call without a consent on record).
        paris = {
            "phone_e164": "+33142680001",
            "country": "FR",
            "time_zones": ["Europe/Paris"],
            "consent_basis": "inquiry",
        }
        due = {"status": "working", "attempt_count": 4, "next_action_at": now - timedelta(hours=1)}
        capped = add_lead(ws, now - timedelta(days=40), **paris, **due)
        for days in (2, 5, 9, 20):
            add_attempt(ws, capped, now - timedelta(days=days), "no_answer")
        free = add_lead(ws, now - timedelta(days=40), **{**paris, "phone_e164": "+33142680002"})
        with store.transaction() as session:
            lead = session.get(Lead, free)
            assert lead is not None
            lead.status, lead.attempt_count, lead.next_action_at = "working", 1, now
        # A new lead is due whatever its next action's time says.
        fresh = add_lead(
            ws,
            now - timedelta(minutes=5),
            **{**paris, "phone_e164": "+33142680003", "next_action_at": now + timedelta(days=1)},
        )
        service = CallListService(ws)
        sections = {e.lead_id: (e.section, e.reason) for e in service.page(0, 10)}
        assert sections[fresh][0] == "new"
        assert sections[capped][0] == "blocked" and "4" in sections[capped][1]
        assert sections[free][0] == "follow_up"
        lists_agree(service, Computed(ws), 10)
    finally:
        store.close()
