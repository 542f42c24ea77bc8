"""`leaddesk dnc remove NUMBER --reason TEXT` and the do-not-call audit: a number comes off
the list only with a reason, its leads are callable again, and who, when and why is kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from leaddesk.cli import main
from leaddesk.store import open_store
from leaddesk.store.models import DncAudit, DncNumber, Lead
from tests.unit.import_helpers import generic_csv

NOW = "2026-11-26T19:30:00Z"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_remove_takes_the_number_off_and_audits_it(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(db_path)
    assert run(capsys, "import", str(generic_csv(tmp_path / "leads.csv")), "--db", db)[0] == 0
    code, _, _ = run(
        capsys, "dnc", "add", "+1 212 555 0100", "--reason", "asked by email", "--db", db,
        "--agent", "maria", "--now", "2026-11-25T10:00:00Z",
    )  # fmt: skip
    assert code == 0
    code, out, err = run(
        capsys, "dnc", "remove", "(212) 555-0100", "--region", "US",
        "--reason", "wrong number listed", "--db", db, "--agent", "sam", "--json", "--now", NOW,
    )  # fmt: skip
    assert code == 0, err
    doc = json.loads(out)
    assert doc["phone_e164"] == "+12125550100"
    assert doc["leads_unflagged"] == 1
    assert doc["reason"] == "wrong number listed" and doc["agent"] == "sam"
    store = open_store(db_path)
    try:
        with store.session() as session:
            assert session.get(DncNumber, "+12125550100") is None
            assert not session.scalars(select(Lead.first_name).where(Lead.do_not_call)).all()
            audit = session.scalars(select(DncAudit).order_by(DncAudit.at)).all()
            assert [(a.action, a.agent_name, a.reason) for a in audit] == [
                ("add", "maria", "asked by email"),
                ("remove", "sam", "wrong number listed"),
            ]
            assert audit[1].at.isoformat().startswith("2026-11-26T19:30")
    finally:
        store.close()


def test_remove_refuses_without_reason_or_when_not_listed(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(db_path)
    code, _, err = run(capsys, "dnc", "remove", "+12125550100", "--reason", "  ", "--db", db)
    assert code == 1 and "say why" in err and "Traceback" not in err
    code, _, err = run(capsys, "dnc", "remove", "+12125550100", "--reason", "oops", "--db", db)
    assert code == 1 and "+12125550100 is not on the do-not-call list" in err
    code, _, err = run(capsys, "dnc", "remove", "12", "--reason", "oops", "--db", db)
    assert code == 1 and "invalid phone number" in err
    with pytest.raises(SystemExit) as exc:
        main(["dnc", "remove", "+12125550100", "--db", db])
    assert exc.value.code == 2
    assert "--reason" in capsys.readouterr().err
