"""The Import dialog as an agent uses it: pick a file, see what was detected, fix the
mapping, import with progress, cancel, read the summary, open the rejects."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from leaddesk.domain.clock import Clock
from leaddesk.services.importer import ImportSummary
from leaddesk.store import Store
from leaddesk.store.models import Lead, Outbox
from leaddesk.ui.import_dialog import ImportDialog
from tests.unit.import_helpers import count, generic_csv, leads, write

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


@pytest.fixture
def dialog(qtbot: QtBot, store: Store, clock: Clock) -> ImportDialog:
    dlg = ImportDialog(store, "test.agent", clock)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _load(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.source is not None or "Not a lead" in dialog.detected.text())


def _field_box(dialog: ImportDialog, column: int) -> QComboBox:
    box = dialog.findChild(QComboBox, f"ImportField{column}")
    assert box is not None
    return box


def test_every_control_has_a_name_for_screen_readers(dialog: ImportDialog) -> None:
    assert dialog.objectName() == "ImportDialog"
    for name in ("ImportFile", "ImportBrowse", "ImportFormat", "ImportRegion", "ImportMapping",
                 "ImportPreview", "ImportProgress", "ImportSummary", "ImportStart",
                 "ImportCancel", "ImportClose"):  # fmt: skip
        widget = dialog.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    assert not dialog.import_button.isEnabled()


def test_the_mapping_headers_are_whole_before_a_file_is_chosen(dialog: ImportDialog) -> None:
    header = dialog.mapping_table.horizontalHeader()
    for column in (0, 1):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column


def test_the_first_rows_show_whole_headers_and_values(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    """A HubSpot export's long headers ("Country/Region", "Company Name") and values are
    read whole in the first rows ("ountry/Regio" was cut)."""
    path = tmp_path / "hubspot.csv"
    path.write_text(
        "First Name,Phone Number,Company Name,State/Region,Country/Region\n"
        "Ana,(415) 555-0100,Bay Roofing and Solar,CA,United States\n",
        encoding="utf-8",
    )
    _load(qtbot, dialog, path)
    table = dialog.preview_table
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
        assert header.sectionSize(column) >= table.sizeHintForColumn(column), column


def test_detect_preview_import_and_summary(
    qtbot: QtBot, dialog: ImportDialog, store: Store, tmp_path: Path
) -> None:
    _load(qtbot, dialog, generic_csv(tmp_path / "leads.csv"))
    assert "CSV with a header row" in dialog.detected.text()
    assert dialog.mapping_table.rowCount() == 10
    assert dialog.mapping_table.item(3, 0).text() == "Phone"
    assert _field_box(dialog, 3).currentData() == "phone"
    assert "(212) 555-0100" in dialog.mapping_table.item(3, 2).text()
    assert dialog.preview_table.rowCount() == 3
    assert dialog.preview_table.item(0, 0).text() == "Ada"
    assert dialog.import_button.isEnabled()

    # The agent decides the notes column holds job titles, and imports.
    _field_box(dialog, 9).setCurrentIndex(_field_box(dialog, 9).findData("title"))
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    summary = blocker.args[0]
    assert isinstance(summary, ImportSummary)
    assert (summary.rows, summary.imported) == (3, 3)
    assert "3 rows" in dialog.summary.text() and "3 imported" in dialog.summary.text()
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()
    assert {lead.title for lead in leads(store)} == {"", "likes COBOL"}
    assert count(store, Outbox) == 3


def test_rejects_link_opens_the_file(
    qtbot: QtBot,
    dialog: ImportDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    path = write(tmp_path / "leads.csv", "Name,Phone,Country\nAda,(212) 555-0100,US\nBad,12,US\n")
    _load(qtbot, dialog, path)
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.start_import()
    text = dialog.summary.text()
    assert "1 rejected" in text and "Open the rejected rows" in text
    link = text.split('href="')[1].split('"')[0]
    dialog.summary.linkActivated.emit(link)
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "leads.rejects.csv")]


def test_mapping_a_phone_column_by_hand(
    qtbot: QtBot, dialog: ImportDialog, store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path / "odd.csv", "who,digits\nAda,+1 212 555 0100\n")
    _load(qtbot, dialog, path)
    assert "unrecognised" in dialog.detected.text()
    assert not dialog.import_button.isEnabled()
    assert "phone" in dialog.summary.text()
    _field_box(dialog, 1).setCurrentIndex(_field_box(dialog, 1).findData("phone"))
    _field_box(dialog, 0).setCurrentIndex(_field_box(dialog, 0).findData("full_name"))
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.start_import()
    assert [lead.first_name for lead in leads(store)] == ["Ada"]


def test_default_region_places_national_numbers(
    qtbot: QtBot, dialog: ImportDialog, store: Store, tmp_path: Path
) -> None:
    _load(qtbot, dialog, write(tmp_path / "uk.csv", "Name,Phone\nAlan,020 7946 0018\n"))
    dialog.region_box.setCurrentIndex(dialog.region_box.findData("GB"))
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.start_import()
    assert [lead.phone_e164 for lead in leads(store)] == ["+442079460018"]


def test_a_bad_file_says_why(qtbot: QtBot, dialog: ImportDialog, tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    _load(qtbot, dialog, path)
    assert dialog.source is None
    assert "binary" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_cancel_keeps_nothing(
    qtbot: QtBot, dialog: ImportDialog, store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("Name,Phone,Country\n")
        for i in range(30_000):
            fh.write(f"Lead {i},(212) {200 + i // 10000}-{i % 10000:04d},US\n")
    _load(qtbot, dialog, path)
    dialog.start_import()
    assert dialog.running and not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0, timeout=20_000)
    cancel: QAbstractButton = dialog.cancel_button
    cancel.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert "cancelled; nothing was imported" in dialog.summary.text()
    assert count(store, Lead) == 0 and count(store, Outbox) == 0
    assert dialog.import_button.isEnabled() and dialog.close_button.isEnabled()


def _pick(box: QComboBox, data: str) -> None:
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def test_zone_and_mapping_are_remembered_and_the_summary_lists_what_was_kept(
    qtbot: QtBot, dialog: ImportDialog, store: Store, clock: Clock, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from tests.unit import real_exports as rx

    path = rx.hubspot_csv(tmp_path / "hubspot.csv")
    _load(qtbot, dialog, path)
    assert dialog.findChild(QWidget, "ImportSourceZone").accessibleName()
    assert dialog.findChild(QWidget, "ImportDateOrder").accessibleName()
    assert _field_box(dialog, 12).currentData() == ""  # Lifecycle Stage: kept on the card
    _pick(_field_box(dialog, 12), "drop")  # the agent leaves it out
    _pick(dialog.zone_box, "America/New_York")
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.start_import()
    text = dialog.summary.text()
    assert "4 rows" in text and "4 imported" in text
    assert "1 created dates could not be read" in text
    assert "1 new leads share a number with another person" in text
    assert "Owners not matched to an agent (their leads are yours): Jane Doe, jdoe@acme.com, Sam Unknown" in text  # fmt: skip
    assert "From the file" not in text  # nothing left unmapped
    with store.session() as session:
        oliver = session.scalars(select(Lead).where(Lead.first_name == "Oliver")).one()
        assert oliver.extra == {"Lead Status": "NEW"}
        assert oliver.arrived_at.hour == 15  # 10:20 in New York

    # A later file of the same layout: the zone and the mapping come back.
    again = ImportDialog(store, "test.agent", clock)
    qtbot.addWidget(again)
    _load(qtbot, again, rx.hubspot_csv(tmp_path / "hubspot-2.csv"))
    assert again.zone_box.currentData() == "America/New_York"
    assert _field_box(again, 12).currentData() == "drop"
    # Another layout: nothing to remember.
    _load(qtbot, again, rx.german_excel(tmp_path / "kunden.csv"))
    assert again.zone_box.currentData() == ""
    box = again.mapping_table.cellWidget(10, 1)  # (the old file's boxes are deleted later)
    assert isinstance(box, QComboBox) and box.currentData() == ""  # Kundennummer: kept


def test_a_supervisor_maps_the_files_owners_to_agents(
    qtbot: QtBot, store: Store, clock: Clock, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from leaddesk.services.workspace import Workspace, get_or_create_agent
    from leaddesk.store.models import Agent, OwnerAlias
    from tests.unit import real_exports as rx

    Workspace.open(store, "test.agent", clock)
    with store.transaction() as session:
        get_or_create_agent(session, "jane.doe").display_name = "Jane Doe"
        get_or_create_agent(session, "sam.u")
        me = session.scalars(select(Agent).where(Agent.name == "test.agent")).one()
        me.is_supervisor = True
    dialog = ImportDialog(store, "test.agent", clock)
    qtbot.addWidget(dialog)
    _load(qtbot, dialog, rx.hubspot_csv(tmp_path / "hubspot.csv"))
    owners = [dialog.owner_table.item(r, 0).text() for r in range(dialog.owner_table.rowCount())]
    assert owners == ["Jane Doe", "jdoe@acme.com", "Sam Unknown"]
    boxes = [dialog.findChild(QComboBox, f"ImportOwner{r}") for r in range(3)]
    assert [b.currentText() for b in boxes] == [
        "jane.doe", "(unknown: the importing agent)", "(unknown: the importing agent)"
    ]  # fmt: skip
    assert all(b.isEnabled() for b in boxes)
    _pick(boxes[2], _agent_id(store, "sam.u"))
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as blocker:
        dialog.start_import()
    assert blocker.args[0].unknown_owners == ("jdoe@acme.com",)
    with store.session() as session:
        owner_of = {
            lead.first_name: lead.owner.name if lead.owner else None
            for lead in session.scalars(select(Lead))
        }
        aliases = {(a.source, a.key) for a in session.scalars(select(OwnerAlias))}
    assert owner_of == {"Oliver": "jane.doe", "Petra": "test.agent", "Min-jun": "sam.u",
                        "Emma": "jane.doe"}  # fmt: skip
    assert ("hubspot", "sam unknown") in aliases


def test_an_agent_sees_the_owners_but_cannot_change_them(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    from tests.unit import real_exports as rx

    _load(qtbot, dialog, rx.hubspot_csv(tmp_path / "hubspot.csv"))
    assert dialog.owner_table.rowCount() == 3
    box = dialog.findChild(QComboBox, "ImportOwner0")
    assert box is not None and not box.isEnabled()


def _agent_id(store: Store, name: str) -> str:
    from sqlalchemy import select

    from leaddesk.store.models import Agent

    with store.session() as session:
        return session.scalars(select(Agent.id).where(Agent.name == name)).one()
