"""A scripted shift through the command line (`--now`, `--at`, `--direction`): talk time,
wrap-up, handle time, dials and contacts per hour and returned calls, computed by hand
below, are what `leaddesk report` says (JSON and CSV)."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from leaddesk.cli import main

# Four New York leads; the shift is on Tuesday 1 December 2026, 9:00 to 10:41 in New York.
LEADS_CSV = """First Name,Last Name,Phone
Ann,One,+1 212 555 0101
Bob,Two,+1 212 555 0102
Cy,Three,+1 212 555 0103
Di,Four,+1 212 555 0104
"""
DAY = "2026-12-01"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def shift_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, dict[str, str]]:
    db = tmp_path / "shift.db"
    source = tmp_path / "leads.csv"
    source.write_text(LEADS_CSV, encoding="utf-8")
    code, _out, err = run(capsys, "import", str(source), "--db", str(db), "--now", f"{DAY}T13:00Z")
    assert code == 0, err
    with sqlite3.connect(db) as conn:
        ids = dict(conn.execute("SELECT first_name, id FROM lead").fetchall())
    return db, ids


def log(capsys, db: Path, lead: str, outcome: str, *extra: str) -> dict:
    code, out, err = run(capsys, "log", lead, outcome, "--db", str(db), "--json", *extra)
    assert code == 0, err
    return json.loads(out)


def script_calls(capsys, db: Path, ids: dict[str, str]) -> dict:
    """The shift's four calls; returns the returned call's JSON."""
    # (call start, talk seconds, outcome logged): hang-up = start + talk.
    # Ann: 14:00:00 + 300 s -> hung up 14:05:00, logged 14:06:00: wrap-up 60 s.
    log(capsys, db, ids["Ann"], "connected", "--at", f"{DAY}T14:00:00Z", "--duration", "300",
        "--now", f"{DAY}T14:06:00Z")  # fmt: skip
    # Bob: 14:10:00, rang out (talk 0), logged 14:11:00: wrap-up 60 s, not a handled call.
    log(capsys, db, ids["Bob"], "no_answer", "--at", f"{DAY}T14:10:00Z", "--duration", "0",
        "--now", f"{DAY}T14:11:00Z")  # fmt: skip
    # Cy: 14:20:00 + 40 s voicemail -> 14:20:40, logged 14:21:10: wrap-up 30 s.
    log(capsys, db, ids["Cy"], "voicemail_left", "--at", f"{DAY}T14:20:00Z", "--duration", "40",
        "--now", f"{DAY}T14:21:10Z")  # fmt: skip
    # Di calls back at 15:30:00, talks 600 s -> 15:40:00, logged 15:41:00: wrap-up 60 s.
    return log(capsys, db, ids["Di"], "connected", "--direction", "inbound",
               "--at", f"{DAY}T15:30:00Z", "--duration", "600",
               "--now", f"{DAY}T15:41:00Z")  # fmt: skip


def test_a_scripted_shift_gives_the_hand_computed_time_measures(
    shift_db: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, ids = shift_db
    back = script_calls(capsys, db, ids)
    assert back["direction"] == "inbound"
    assert back["lead_status"] == "reached"  # the returned call counts as reached

    csv_path = tmp_path / "shift.csv"
    code, out, err = run(capsys, "report", "--db", str(db), "--json", "--since", DAY,
                         "--until", DAY, "--now", f"{DAY}T23:00Z", "--csv", str(csv_path))  # fmt: skip
    assert code == 0, err
    doc = json.loads(out)
    # By hand: 3 outbound, 1 inbound; contacts: Ann (connected) and Di (inbound).
    assert (doc["outbound_calls"], doc["inbound_calls"], doc["contacts"]) == (3, 1, 2)
    assert doc["talk_time_s"] == 300 + 0 + 40 + 600
    assert doc["wrapup_time_s"] == 60 + 60 + 30 + 60
    # Handled calls (talk above 0): Ann, Cy, Di: (940 + 150) / 3 = 363.3 s.
    assert doc["handled_calls"] == 3
    assert doc["aht_s"] == 363.3
    assert (doc["talk_mean_s"], doc["wrapup_mean_s"]) == (313.3, 50.0)
    # Active: 14:00:00 to Di's wrap-up end 15:41:00 = 6060 s = 1.6833 h.
    assert doc["active_hours"] == 1.683
    assert doc["dials_per_hour"] == round(3 / (6060 / 3600), 2) == 1.78
    assert doc["contacts_per_hour"] == round(2 / (6060 / 3600), 2) == 1.19
    assert doc["by_hour"] == {
        "14": {"dials": 3, "contacts": 1},
        "15": {"dials": 0, "contacts": 1},
    }
    # The contact rate is of the calls the agent made: 1 of 3, not 2 of 4.
    assert doc["contact_rate"] == 0.3333
    with csv_path.open(encoding="utf-8") as fh:
        row = next(csv.DictReader(fh))
    assert (row["inbound_calls"], row["aht_s"], row["dials_per_hour"]) == ("1", "363.3", "1.78")

    code, out, _err = run(capsys, "report", "--db", str(db), "--since", DAY, "--until", DAY,
                          "--now", f"{DAY}T23:00Z")  # fmt: skip
    assert "3 outbound, 1 inbound (returned calls)" in out


def test_an_inbound_call_cannot_end_as_unreached(
    shift_db: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, ids = shift_db
    code, out, err = run(capsys, "log", ids["Ann"], "no_answer", "--direction", "inbound",
                         "--db", str(db), "--now", f"{DAY}T14:00Z")  # fmt: skip
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "cannot end a call the lead made" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM attempt").fetchone()[0] == 0


def test_an_inbound_attempt_travels_with_its_direction(
    shift_db: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, ids = shift_db
    log(capsys, db, ids["Ann"], "callback", "--direction", "inbound",
        "--callback", f"{DAY}T16:00Z", "--now", f"{DAY}T14:00Z")  # fmt: skip
    with sqlite3.connect(db) as conn:
        direction, outside = conn.execute("SELECT direction, outside_rules FROM attempt").fetchone()
        payload = json.loads(
            conn.execute("SELECT payload FROM outbox WHERE kind = 'attempt'").fetchone()[0]
        )
    assert (direction, outside) == ("inbound", 0)
    assert payload["direction"] == "inbound"


def state(capsys, db: Path, at: str, *argv: str) -> dict:
    code, out, err = run(capsys, "state", *argv, "--db", str(db), "--json", "--now", f"{DAY}T{at}Z")
    assert code == 0, err
    return json.loads(out)


def test_agent_states_give_the_time_in_each_and_the_active_hours(
    shift_db: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, ids = shift_db
    state(capsys, db, "13:55:00", "ready")
    script_calls(capsys, db, ids)
    state(capsys, db, "14:30:00", "paused", "--reason", "break")
    state(capsys, db, "14:45:00", "ready")
    state(capsys, db, "15:30:00", "on_call")
    state(capsys, db, "15:40:00", "wrap_up")
    state(capsys, db, "15:41:00", "ready")
    assert state(capsys, db, "15:41:30", "ready")["since"] == f"{DAY}T15:41:00Z"  # no change
    last = state(capsys, db, "15:50:00", "offline")
    assert last == {"state": "offline", "reason": None, "since": f"{DAY}T15:50:00Z"}

    code, out, err = run(capsys, "report", "--db", str(db), "--json", "--since", DAY,
                         "--until", DAY, "--now", f"{DAY}T23:00Z")  # fmt: skip
    assert code == 0, err
    doc = json.loads(out)
    # By hand: ready 13:55-14:30, 14:45-15:30, 15:41-15:50 = 2100 + 2700 + 540 s; paused
    # (break) 14:30-14:45 = 900 s; on call 600 s; wrap-up 60 s; offline 15:50 to midnight.
    assert doc["states"] == {
        "ready": 5340,
        "on_call": 600,
        "wrap_up": 60,
        "paused": 900,
        "offline": 8 * 3600 + 10 * 60,
    }
    assert doc["paused_by_reason"] == {"break": 900}
    # Active (logged in) 6900 s = 1.917 h: 3 dials and 2 contacts in it.
    assert doc["active_hours"] == 1.917
    assert (doc["dials_per_hour"], doc["contacts_per_hour"]) == (1.57, 1.04)


def test_states_that_begin_after_the_first_call_give_no_rate(
    shift_db: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """The agent's states were recorded from 15:00 on (LeadDesk's states came with an
    upgrade), after the shift's calls: 3 dials over the ten minutes of states would be
    18 dials an hour. The rate is not known, and the report says n/a, not a figure."""
    db, ids = shift_db
    script_calls(capsys, db, ids)
    state(capsys, db, "15:00:00", "ready")
    state(capsys, db, "15:10:00", "offline")
    code, out, err = run(capsys, "report", "--db", str(db), "--json", "--since", DAY,
                         "--until", DAY, "--now", f"{DAY}T23:00Z")  # fmt: skip
    assert code == 0, err
    doc = json.loads(out)
    assert doc["states"]["ready"] == 600
    assert doc["active_hours"] is None
    assert (doc["dials_per_hour"], doc["contacts_per_hour"]) == (None, None)
    assert doc["outbound_calls"] == 3  # the calls themselves are counted as ever


def test_a_pause_needs_one_of_the_teams_reasons(
    shift_db: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ids = shift_db
    code, _out, err = run(capsys, "state", "paused", "--reason", "nap", "--db", str(db))
    assert code == 1 and err.count("\n") == 1
    assert "unknown pause reason 'nap'" in err and "break, training, meeting" in err
    code, _out, err = run(capsys, "state", "paused", "--db", str(db))
    assert code == 1 and "a pause needs a reason" in err


def test_a_dial_keeps_its_wrap_up_only_when_its_talk_time_is_known(
    shift_db: tuple[Path, dict[str, str]],
) -> None:
    """A softphone dial knows when it hung up (ring + talk); a tel: hand-off does not, so
    its wrap-up is unknown rather than the whole call counted as wrap-up."""
    from datetime import UTC, datetime

    from leaddesk.domain.clock import fixed_clock
    from leaddesk.services.outcomes import OutcomeService
    from leaddesk.services.workspace import Workspace
    from leaddesk.store import open_store

    db, ids = shift_db
    store = open_store(db)
    try:
        dialed = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
        for name, ring, talk, logged, expected in (
            ("Ann", 5, 100, 135, 30),  # hung up at 14:01:45, logged 14:02:15
            ("Bob", None, None, 200, None),  # tel: no talk time known
        ):
            ws = Workspace.open(store, None, fixed_clock(dialed))
            OutcomeService(ws).start_dial(ids[name])
            later = Workspace.open(store, None, fixed_clock(dialed.replace(second=0) + _s(logged)))
            OutcomeService(later).log(ids[name], "connected", ring_s=ring, duration_s=talk)
            with sqlite3.connect(db) as conn:
                wrapup = conn.execute(
                    "SELECT wrapup_s FROM attempt WHERE lead_id = ?", (ids[name],)
                ).fetchone()[0]
            assert wrapup == expected, name
    finally:
        store.close()


def _s(seconds: int):  # type: ignore[no-untyped-def]
    from datetime import timedelta

    return timedelta(seconds=seconds)
