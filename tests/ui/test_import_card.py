"""What the lead card shows of an imported file (issue 15): the columns no field took,
under "From the file", the salutation, notes from a "Bemerkung" column, a closed
VICIdial status, and a number another person shares. One lead of each real layout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from leaddesk.services.importer import ImportService
from leaddesk.services.leads import LeadService
from leaddesk.services.workspace import Workspace
from leaddesk.store import Store
from leaddesk.store.models import Lead
from leaddesk.ui.lead_card import LeadCard
from tests.unit import real_exports as rx

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CASES: list[tuple[str, Callable[[Path], Path], str, str, str]] = [
    # file, writer, the lead's first name, what "From the file" says, its attempt line
    ("hubspot.csv", rx.hubspot_csv, "Emma",
     "Shared number: another lead (another person) has this number\nFrom the file\n"
     "Lead Status: NEW\nLifecycle Stage: lead", "Attempt 1 of 8"),
    ("hubspot.xlsx", rx.hubspot_xlsx, "Amir", "From the file\nLifecycle Stage: lead",
     "Attempt 1 of 8"),
    ("report.csv", rx.salesforce_report, "Anne",
     "From the file\nSalutation: Ms.\nLead Status: Closed - Not Converted",
     "Closed: not interested"),
    ("extract.csv", rx.data_loader, "Aida",
     "From the file\nSalutation: Mrs.\nStatus: Working - Contacted\nLeadSource: Web\n"
     "IsDeleted: false", "Attempt 1 of 8"),
    ("list.txt", lambda p: rx.vicidial_standard(p, "\t"), "Ada",
     "From the file\nSalutation: MS\nsource_id: web\nlist_id: 101\nmiddle_initial: B\n"
     "gender: F\ndate_of_birth: 1970-01-01\nrank: 0", "Attempt 1 of 8"),
    ("list.txt", lambda p: rx.vicidial_standard(p, "|"), "Luis",
     "From the file\nSalutation: MR\nsource_id: fair\nlist_id: 101\ngender: M\n"
     "security_phrase: azul\nrank: 0", "Attempt 1 of 8"),
    ("list.csv", lambda p: rx.vicidial_standard(p, ","), "Luis",
     "From the file\nSalutation: MR\nsource_id: fair\nlist_id: 101\ngender: M\n"
     "security_phrase: azul\nrank: 0", "Attempt 1 of 8"),
    ("list_101.txt", rx.vicidial_export, "Cy",
     "From the file\nmodify_date: 2026-03-03 12:00:00\nstatus: NA\nuser: 6666\n"
     "vendor_lead_code: V5003\nsource_id: vendor\nlist_id: 101\ngmt_offset_now: -5.00\n"
     "called_since_last_reset: Y\ngender: U\nlast_local_call_time: 2026-03-03 12:00:00\n"
     "rank: 0\nentry_list_id: 0", "Attempt 2 of 8"),
    ("kunden.csv", rx.german_excel, "Hans", "From the file\nKundennummer: K-100",
     "Attempt 1 of 8"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "writer", "first", "shown", "attempt"), CASES)
def test_the_card_shows_what_the_file_said(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    store: Store,
    workspace: Workspace,
    name: str,
    writer: Callable[[Path], Path],
    first: str,
    shown: str,
    attempt: str,
) -> None:
    ImportService(workspace, workers=0).run(writer(tmp_path / name), source_tz="UTC")
    with store.session() as session:
        lead_id = session.scalars(select(Lead.id).where(Lead.first_name == first)).one()
    detail = LeadService(workspace).detail(lead_id)
    card = LeadCard()
    qtbot.addWidget(card)
    card.show()
    card.set_detail(detail)
    assert card.from_file.isVisible()
    assert card.from_file.text() == shown
    assert card.attempt.text() == attempt


def test_notes_from_a_bemerkung_column_and_a_lead_without_extras(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    store: Store,
    workspace: Workspace,
) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("Name,Phone,Country\nAda Lovelace,+44 20 7946 0018,UK\n", encoding="utf-8")
    ImportService(workspace, workers=0).run(path, source_tz="UTC")
    ImportService(workspace, workers=0).run(rx.german_excel(tmp_path / "k.csv"), source_tz="UTC")
    service = LeadService(workspace)
    card = LeadCard()
    qtbot.addWidget(card)
    card.show()
    with store.session() as session:
        ids = {lead.first_name: lead.id for lead in session.scalars(select(Lead))}
        notes = session.get(Lead, ids["Hans"]).notes  # type: ignore[union-attr]
    assert notes == "Rückruf erwünscht"
    card.set_detail(service.detail(ids["Hans"]))
    assert card.from_file.isVisible()
    card.set_detail(service.detail(ids["Ada"]))
    assert not card.from_file.isVisible() and card.from_file.text() == ""
    card.show_empty("nothing selected")
    assert not card.from_file.isVisible()
