"""A lead file's consent columns become the lead's consent basis: a lead who opted in on
a web form is not held to the rules that exempt such leads, and an unread or empty
consent leaves the strictest rules in force."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from leaddesk.cli import main
from leaddesk.services.intake.values import consent_basis
from leaddesk.store import open_store
from leaddesk.store.models import Lead

NOW = "2026-12-07T19:00:00Z"  # Monday, 12:00 in Phoenix


@pytest.mark.parametrize(
    ("cell", "basis"),
    [
        ("", "none"),
        ("No", "none"),
        ("Opted out", "none"),
        ("maybe later", "none"),
        ("Yes", "inquiry"),
        ("Opt-in (web form)", "inquiry"),
        ("Express written consent", "express_written"),
        ("PEWC signed 2026-11-30", "express_written"),
        ("Existing customer", "ebr"),
    ],
)
def test_consent_cells_read_as_a_basis(cell: str, basis: str) -> None:
    assert consent_basis(cell) == basis


def test_imported_consent_lifts_arizonas_ban_and_an_edit_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "consent.db"
    path = tmp_path / "leads.csv"
    path.write_text(
        "First Name,Last Name,Phone,State,Country,Consent,Consent Source,Consent Date\n"
        "Rosa,Parks,(602) 555-0100,AZ,US,Opt-in,Spring webinar form,2026-11-30 10:00\n"
        "Cesar,Chavez,(602) 555-0101,AZ,US,,,\n",
        encoding="utf-8",
    )
    common = ["--db", str(db), "--now", NOW, "--json"]
    assert main(["import", str(path), *common, "--source-tz", "America/Phoenix"]) == 0
    capsys.readouterr()
    assert main(["queue", *common]) == 0
    leads = {row["name"]: row for row in json.loads(capsys.readouterr().out)["leads"]}
    assert leads["Rosa Parks"]["callable"] is True
    assert leads["Cesar Chavez"]["callable"] is False
    assert leads["Cesar Chavez"]["blocked_by"]["jurisdiction"] == "US-AZ"

    store = open_store(db)
    try:
        with store.session() as session:
            rosa = session.scalars(select(Lead).where(Lead.first_name == "Rosa")).one()
            assert (rosa.consent_basis, rosa.consent_source) == ("inquiry", "Spring webinar form")
            assert rosa.consent_at is not None and rosa.consent_at.isoformat() == (
                "2026-11-30T17:00:00+00:00"
            )
    finally:
        store.close()

    # A later file with Cesar's consent fills it in; one saying "No" for Rosa changes nothing.
    path.write_text(
        "First Name,Last Name,Phone,State,Country,Consent\n"
        "Rosa,Parks,(602) 555-0100,AZ,US,No\n"
        "Cesar,Chavez,(602) 555-0101,AZ,US,Existing customer\n",
        encoding="utf-8",
    )
    assert main(["import", str(path), *common]) == 0
    capsys.readouterr()
    store = open_store(db)
    try:
        with store.session() as session:
            got = {lead.first_name: lead.consent_basis for lead in session.scalars(select(Lead))}
    finally:
        store.close()
    assert got == {"Rosa": "inquiry", "Cesar": "ebr"}


def test_a_consent_without_its_source_names_the_system_the_file_came_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The consent record says where it was given: the file's words, else the system
    the file came from (never the number's time-zone source, as it once did)."""
    db = tmp_path / "consent.db"
    path = tmp_path / "leads.csv"
    path.write_text(
        "First Name,Last Name,Phone,State,Country,Consent\n"
        "Rosa,Parks,(602) 555-0100,AZ,US,Opt-in\n"
        "Cesar,Chavez,(602) 555-0101,AZ,US,\n",
        encoding="utf-8",
    )
    assert main(["import", str(path), "--db", str(db), "--now", NOW, "--json"]) == 0
    capsys.readouterr()
    store = open_store(db)
    try:
        with store.session() as session:
            leads = {
                lead.first_name: (lead.source, lead.consent_basis, lead.consent_source)
                for lead in session.scalars(select(Lead))
            }
    finally:
        store.close()
    system, basis, where = leads["Rosa"]
    assert basis == "inquiry" and where == f"{system} import"
    assert system not in ("number", "both", "address", "")
    assert leads["Cesar"][1:] == ("none", "")
