"""`leaddesk import` and `leaddesk dnc` as scripts use them: JSON per CLI.md, exit 1 with
one clear line for bad input, never a traceback, never a partial import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from leaddesk.cli import main
from leaddesk.store import open_store
from leaddesk.store.models import DncNumber, Lead
from tests.unit.import_helpers import count, generic_csv, write

NOW = "2026-11-26T19:30:00Z"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_the_agreed_json(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path / "leads.csv",
        "Name,Phone,Country\nAda,(212) 555-0100,US\nBad,12,US\nAda,(212) 555-0100,US\n",
    )
    code, out, _err = run(capsys, "import", str(path), "--db", str(db_path), "--json", "--now", NOW)
    assert code == 0
    doc = json.loads(out)
    assert doc == {
        "rows": 3,
        "imported": 1,
        "updated": 0,
        "duplicates": 1,
        "rejected": 1,
        "rejects_file": str(tmp_path / "leads.rejects.csv"),
        "skipped": 0,
        "dates_unread": 0,
        "unmapped_columns": [],
    }
    code, out, _err = run(capsys, "import", str(path), "--db", str(db_path), "--now", NOW)
    assert code == 0
    assert "3 rows" in out and "0 imported" in out and "2 duplicates" in out
    assert "leads.rejects.csv" in out


def test_import_options(tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "leads.csv", "Name,Phone\nAda,(212) 555-0100\n")
    rejects = tmp_path / "r.csv"
    code, out, _ = run(
        capsys, "import", str(path), "--db", str(db_path), "--json", "--region", "us",
        "--owner", "night.shift", "--format", "csv", "--rejects", str(rejects),
    )  # fmt: skip
    assert code == 0 and json.loads(out)["imported"] == 1
    store = open_store(db_path)
    try:
        with store.session() as session:
            lead = session.scalars(select(Lead)).one()
            assert lead.owner is not None and lead.owner.name == "night.shift"
            assert lead.phone_e164 == "+12125550100"
    finally:
        store.close()
    assert not rejects.exists()


def _huge(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write('Name,Phone\nAda,(212) 555-0100\nBig,"')
        fh.write("x" * (17 * 1024 * 1024))
        fh.write('"\n')
    return path


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("binary", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), "binary"),
        ("empty", lambda p: p.write_bytes(b""), "is empty"),
        ("header-only", lambda p: p.write_text("First Name,Phone\n"), "header row but no leads"),
        ("unknown", lambda p: p.write_text("a,b,c\n1,2,3\n"), "could not recognise the columns"),
        ("huge cell", _huge, "longer than 16 MB"),
    ],
)
def test_bad_files_exit_1_with_one_line_and_import_nothing(
    tmp_path: Path,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    make: object,
    message: str,
) -> None:
    path = tmp_path / f"{name}.csv"
    make(path)  # type: ignore[operator]
    code, out, err = run(capsys, "import", str(path), "--db", str(db_path), "--json")
    assert code == 1
    assert out == ""
    assert err.startswith("leaddesk: error: ") and err.count("\n") == 1
    assert message in err
    if db_path.exists():
        store = open_store(db_path)
        try:
            assert count(store, Lead) == 0
        finally:
            store.close()


def test_bad_usage_of_import(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = generic_csv(tmp_path / "leads.csv")
    code, _out, err = run(capsys, "import", str(path), "--db", str(db_path), "--region", "ZZZ")
    assert code == 1 and "--region 'ZZZ'" in err
    code, _out, err = run(capsys, "import", str(tmp_path / "missing.csv"), "--db", str(db_path))
    assert code == 1 and "no such file" in err
    code, _out, err = run(capsys, "import", str(path), "--db", str(db_path), "--format", "xlsx")
    assert code == 1 and "not an Excel workbook" in err


def test_no_traceback_from_the_real_command(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 16)
    proc = subprocess.run(
        [sys.executable, "-m", "leaddesk", "import", str(path), "--db", str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "binary" in proc.stderr


def test_dnc_add_flags_existing_leads(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = generic_csv(tmp_path / "leads.csv")
    assert run(capsys, "import", str(path), "--db", str(db_path))[0] == 0
    code, out, _ = run(capsys, "dnc", "add", "+1 212 555 0100", "--db", str(db_path), "--json")
    assert code == 0
    assert json.loads(out) == {
        "numbers": 1,
        "added": 1,
        "already_listed": 0,
        "invalid": 0,
        "leads_flagged": 1,
        "phone_e164": "+12125550100",
    }
    code, out, _ = run(
        capsys, "dnc", "add", "(212) 555-0100", "--region", "US", "--db", str(db_path)
    )
    assert code == 0 and "already on the do-not-call list" in out and "0 leads flagged" in out
    store = open_store(db_path)
    try:
        with store.session() as session:
            flagged = session.scalars(select(Lead.first_name).where(Lead.do_not_call)).all()
            assert flagged == ["Ada"]
    finally:
        store.close()
    code, _out, err = run(capsys, "dnc", "add", "12", "--db", str(db_path))
    assert code == 1 and "invalid phone number" in err


def test_dnc_import_one_per_line_or_a_csv(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = write(
        tmp_path / "dnc.txt", "+12125550100\n+1 415 555 0101\n\nnot a number\n+12125550100\n"
    )
    code, out, _ = run(capsys, "dnc", "import", str(lines), "--db", str(db_path), "--json")
    assert code == 0
    assert json.loads(out) == {
        "numbers": 4,
        "added": 2,
        "already_listed": 1,
        "invalid": 1,
        "leads_flagged": 0,
    }
    table = write(tmp_path / "dnc.csv", "Name,Phone Number\nX,(646) 555-0102\nY,(212) 555-0100\n")
    code, out, _ = run(
        capsys, "dnc", "import", str(table), "--region", "US", "--db", str(db_path), "--json"
    )
    assert code == 0 and json.loads(out)["added"] == 1
    # Leads imported later with a listed number are flagged on the way in.
    leads = generic_csv(tmp_path / "leads.csv")
    assert run(capsys, "import", str(leads), "--db", str(db_path))[0] == 0
    store = open_store(db_path)
    try:
        with store.session() as session:
            assert session.scalar(select(Lead.do_not_call).where(Lead.first_name == "Ada"))
            assert len(session.scalars(select(DncNumber)).all()) == 3
    finally:
        store.close()
    empty = write(tmp_path / "none.txt", "\n")
    code, _out, err = run(capsys, "dnc", "import", str(empty), "--db", str(db_path))
    assert code == 1 and "empty" in err


@pytest.mark.parametrize("how", ["same path", "through ..", "through a symlink"])
def test_rejects_may_not_name_the_file_being_imported(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    content = "Name,Phone\nAda,(212) 555-0100\nBob,not a number\n"
    path = write(tmp_path / "leads.csv", content)
    (tmp_path / "sub").mkdir()
    rejects = {
        "same path": path,
        "through ..": tmp_path / "sub" / ".." / "leads.csv",
        "through a symlink": tmp_path / "sub" / "link.csv",
    }[how]
    if how == "through a symlink":
        rejects.symlink_to(path)
    code, out, err = run(
        capsys, "import", str(path), "--db", str(db_path), "--now", NOW, "--rejects", str(rejects)
    )
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "is the file being imported" in err
    assert "Traceback" not in err
    assert path.read_text(encoding="utf-8") == content  # the leads are still there


def test_source_zone_date_order_and_the_added_json_fields(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CLI.md "Added": --source-tz, --date-order; JSON skipped, dates_unread,
    unmapped_columns; rows = imported + updated + duplicates + rejected + skipped."""
    from tests.unit.real_exports import salesforce_report

    path = salesforce_report(tmp_path / "report.csv")
    code, out, _err = run(
        capsys, "import", str(path), "--db", str(db_path), "--json", "--now", NOW,
        "--source-tz", "America/Los_Angeles", "--date-order", "mdy",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out) == {
        "rows": 5, "imported": 2, "updated": 0, "duplicates": 0, "rejected": 0,
        "rejects_file": None, "skipped": 3, "dates_unread": 0, "unmapped_columns": [],
    }  # fmt: skip
    store = open_store(db_path)
    try:
        with store.session() as session:
            arrived = {lead.first_name: lead.arrived_at for lead in session.scalars(select(Lead))}
    finally:
        store.close()
    assert arrived["José"].isoformat() == "2026-03-04T18:05:00+00:00"


def test_the_text_summary_says_what_was_kept_and_who_was_not_matched(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.real_exports import hubspot_csv

    path = hubspot_csv(tmp_path / "hubspot.csv")
    code, out, _err = run(
        capsys, "import", str(path), "--db", str(db_path), "--now", NOW, "--source-tz", "UTC"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("4 rows from hubspot.csv (HubSpot contact export")
    assert "1 created dates could not be read: those leads arrived at the import time" in lines
    assert "1 new leads share a number with another person" in lines
    assert "kept on the card as From the file: Lifecycle Stage" in lines
    assert (
        "owners not matched to an agent (their leads went to the importing agent): "
        "Jane Doe, jdoe@acme.com, Sam Unknown"
    ) in lines


def test_bad_source_zone_is_one_line(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = generic_csv(tmp_path / "leads.csv")
    code, out, err = run(
        capsys, "import", str(path), "--db", str(db_path), "--source-tz", "Mars/Olympus"
    )
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "--source-tz 'Mars/Olympus' is not a time zone such as Europe/Berlin" in err


def test_bad_date_order_is_bad_usage(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = generic_csv(tmp_path / "leads.csv")
    with pytest.raises(SystemExit) as exited:
        main(["import", str(path), "--db", str(db_path), "--date-order", "ymd"])
    assert exited.value.code == 2
    assert "invalid choice: 'ymd'" in capsys.readouterr().err
