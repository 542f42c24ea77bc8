"""`--demo` is honoured by every command: each works on the demo database (filled on
first use) and the agent's own database is never created, read or written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leaddesk.cli import main

NOW = "2026-11-27T15:00:00-05:00"


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import platformdirs

    folder = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    monkeypatch.delenv("LEADDESK_DB", raising=False)
    monkeypatch.setattr(
        platformdirs, "user_data_dir", lambda appname=None, *a, **k: str(folder / (appname or ""))
    )
    return folder / "LeadDesk"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["--demo", *argv, "--now", NOW, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else {}


def test_every_command_works_on_the_demo_database(
    data_home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, queue = run(capsys, "queue", "--limit", "5")
    assert code == 0 and len(queue["leads"]) == 5  # filled on first use
    lead = queue["leads"][0]["lead_id"]
    assert run(capsys, "script", lead)[0] == 0
    assert run(capsys, "rapport", lead)[0] == 0
    code, logged = run(capsys, "log", lead, "email_sent")
    assert code == 0 and logged["lead_id"] == lead
    code, report = run(capsys, "report")
    assert code == 0 and report["attempts"] > 0
    pdf = tmp_path / "demo.pdf"
    assert main(["--demo", "report", "--now", NOW, "--pdf", str(pdf)]) == 0
    assert pdf.stat().st_size > 0
    assert main(["--demo", "dnc", "add", "+1 415 555 0199", "--now", NOW]) == 0
    # Everything happened in the demo database; the agent's own was never made.
    assert (data_home / "demo.db").exists()
    assert not (data_home / "leaddesk.db").exists()


def test_without_demo_the_agents_database_starts_empty(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["queue", "--json", "--now", NOW]) == 0
    assert json.loads(capsys.readouterr().out)["leads"] == []
    assert (data_home / "leaddesk.db").exists() and not (data_home / "demo.db").exists()


def test_db_wins_over_demo(
    data_home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    own = tmp_path / "own.db"
    assert main(["--demo", "--db", str(own), "queue", "--json", "--now", NOW]) == 0
    assert json.loads(capsys.readouterr().out)["leads"] == []
    assert own.exists() and not (data_home / "demo.db").exists()
