"""Lead files as CRMs and dialers really write them (issue 15): every stored field of
every lead, the summary counts, for HubSpot (CSV and XLSX), a Salesforce report with its
footer, a Data Loader extract, VICIdial's standard file (tab, pipe, .csv) and list
download, and a German Excel file. What the card shows is in tests/ui/test_import_card.py.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from leaddesk.services.importer import ImportService, ImportSummary
from leaddesk.services.intake.owners import OwnerAliases
from leaddesk.services.workspace import Workspace, get_or_create_agent
from leaddesk.store import Store
from leaddesk.store.models import Agent, DncNumber, Lead
from tests.unit import real_exports as rx

NOW = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)

# What a new lead is unless its row says otherwise.
BASE: dict[str, Any] = {
    "external_id": None, "salutation": "", "company": "", "title": "", "email": None,
    "phone_type": "fixed_line", "alt_phones": [], "address": "", "city": "", "state": "",
    "postal_code": "", "tz_source": "both", "status": "new", "do_not_call": False,
    "next_channel": "phone", "cadence_step": 0, "attempt_count": 0, "call_count": 0,
    "notes": "", "extra": {}, "shared_number": False, "owner": "test.agent",
    "phone_bad": False, "edited_fields": [],
}  # fmt: skip


def at(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def lead(**fields: Any) -> dict[str, Any]:
    out = {**BASE, **fields}
    out.setdefault("next_action_at", out["arrived_at"])
    if out["status"] in ("qualified", "not_interested", "do_not_call", "bad_number"):
        out["next_action_at"] = out["next_channel"] = None
    return out


def setup_owners(store: Store) -> None:
    """Jane Doe is an agent; a supervisor mapped her CRM email, Salesforce owner id and
    VICIdial user to her."""
    with store.transaction() as session:
        agent = get_or_create_agent(session, "jane.doe")
        agent.display_name = "Jane Doe"
    with store.transaction() as session:
        aliases = OwnerAliases(session)
        aliases.set("jdoe@acme.com", "jane.doe", NOW)
        aliases.set("0055g00000XyZaB", "jane.doe", NOW, source="salesforce")
        aliases.set("jdoe", "jane.doe", NOW, source="vicidial")


def stored(store: Store) -> list[dict[str, Any]]:
    with store.session() as session:
        agents = {r[0]: r[1] for r in session.execute(select(Agent.id, Agent.name))}
        rows = session.scalars(select(Lead).order_by(Lead.created_at, Lead.id))
        keys = [*BASE, "source", "first_name", "last_name", "phone_raw", "phone_e164",
                "country", "time_zones", "arrived_at", "next_action_at"]  # fmt: skip
        out = []
        for row in rows:
            got = {k: getattr(row, k) for k in keys if k != "owner"}
            got["owner"] = agents.get(row.owner_id)
            out.append(got)
        return out


def dnc_list(store: Store) -> list[str]:
    with store.session() as session:
        return list(session.scalars(select(DncNumber.phone_e164).order_by(DncNumber.phone_e164)))


def run(workspace: Workspace, path: Path, zone: str, **kwargs: Any) -> ImportSummary:
    return ImportService(workspace, workers=0).run(path, source_tz=zone, **kwargs)


def counts(summary: ImportSummary) -> dict[str, Any]:
    doc = summary.to_json()
    assert doc["rows"] == sum(
        doc[k] for k in ("imported", "updated", "duplicates", "rejected", "skipped")
    )
    return doc


HUBSPOT = dict(source="hubspot", city="London", country="GB", time_zones=["Europe/London"])


def test_hubspot_contact_export_csv(tmp_path: Path, store: Store, workspace: Workspace) -> None:
    setup_owners(store)
    summary = run(workspace, rx.hubspot_csv(tmp_path / "hubspot.csv"), "America/New_York")
    assert counts(summary) == {
        "rows": 4, "imported": 4, "updated": 0, "duplicates": 0, "rejected": 0,
        "rejects_file": None, "skipped": 0, "dates_unread": 1,
        "unmapped_columns": ["Lifecycle Stage"],
    }  # fmt: skip
    assert summary.format == "hubspot" and summary.unknown_owners == ("Sam Unknown",)
    assert summary.shared_numbers == 1
    assert stored(store) == [
        # 10:20 in New York (the account's zone) is 15:20 UTC, not 10:20.
        lead(**HUBSPOT, external_id="101", first_name="Oliver", last_name="Smith",
             company="Acme Ltd", title="Buyer", email="oliver@acme.co.uk",
             phone_raw="020 7946 0018", phone_e164="+442079460018", arrived_at=at(3, 4, 15, 20),
             extra={"Lead Status": "NEW", "Lifecycle Stage": "lead"}, owner="jane.doe"),
        lead(source="hubspot", external_id="102", first_name="Petra", last_name="Novák",
             company="Firma s.r.o.", title="CEO", email="petra@firma.cz", city="Praha",
             phone_raw="601 123 456", phone_e164="+420601123456", phone_type="mobile",
             country="CZ", time_zones=["Europe/Prague"], arrived_at=at(3, 5, 14),
             extra={"Lead Status": "OPEN", "Lifecycle Stage": "customer"}, owner="jane.doe"),
        lead(source="hubspot", external_id="103", first_name="Min-jun", last_name="Kim",
             company="Corp", title="Manager", email="mj@corp.kr", city="Seoul",
             phone_raw="010-1234-5678", phone_e164="+821012345678", phone_type="mobile",
             country="KR", time_zones=["Asia/Seoul"], arrived_at=at(3, 6, 19),
             status="not_interested",
             extra={"Lead Status": "UNQUALIFIED", "Lifecycle Stage": "subscriber"}),
        # Reception on the same switchboard: another person, a new lead, flagged; her
        # unreadable date becomes the import time, counted.
        lead(**HUBSPOT, external_id="104", first_name="Emma", last_name="Jones",
             company="Acme Ltd", title="Reception", email="emma@acme.co.uk",
             phone_raw="020 7946 0018", phone_e164="+442079460018", arrived_at=NOW,
             extra={"Lead Status": "NEW", "Lifecycle Stage": "lead"}, owner="jane.doe",
             shared_number=True),
    ]  # fmt: skip
    again = run(workspace, tmp_path / "hubspot.csv", "America/New_York")
    assert (again.imported, again.duplicates) == (0, 4)


def test_hubspot_contact_export_xlsx(tmp_path: Path, store: Store, workspace: Workspace) -> None:
    setup_owners(store)
    summary = run(workspace, rx.hubspot_xlsx(tmp_path / "hubspot.xlsx"), "America/New_York")
    assert counts(summary) == {
        "rows": 3, "imported": 3, "updated": 0, "duplicates": 0, "rejected": 0,
        "rejects_file": None, "skipped": 0, "dates_unread": 0,
        "unmapped_columns": ["Lifecycle Stage"],
    }  # fmt: skip
    assert summary.unknown_owners == ()
    assert stored(store) == [
        lead(source="hubspot", external_id="201", first_name="Elif", last_name="Yılmaz",
             company="Firma AŞ", title="Buyer", email="elif@firma.com.tr", city="İstanbul",
             phone_raw="0532 123 45 67", phone_e164="+905321234567", phone_type="mobile",
             country="TR", time_zones=["Europe/Istanbul"], arrived_at=at(3, 4, 15, 20),
             extra={"Lead Status": "NEW", "Lifecycle Stage": "lead"}, owner="jane.doe"),
        lead(source="hubspot", external_id="202", first_name="Amir", last_name="Begić",
             company="BH d.o.o.", title="CTO", email="amir@bh.ba", city="Sarajevo",
             phone_raw="061 123 456", phone_e164="+38761123456", phone_type="mobile",
             country="BA", time_zones=["Europe/Sarajevo"], arrived_at=at(3, 5, 13),
             extra={"Lifecycle Stage": "lead"}),
        # A number typed as a number: Excel dropped the 0; the country gives it back.
        lead(**HUBSPOT, external_id="203", first_name="Tom", last_name="Baker",
             company="Baker & Co", title="Owner", email="tom@baker.co.uk",
             phone_raw="2079460019", phone_e164="+442079460019", arrived_at=at(3, 6, 17),
             extra={"Lead Status": "OPEN"}, owner="jane.doe"),
    ]  # fmt: skip


def test_salesforce_report_in_windows_1252_with_its_footer(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    setup_owners(store)
    path = rx.salesforce_report(tmp_path / "report.csv")
    summary = run(workspace, path, "America/Los_Angeles")
    # The footer's three lines are skipped and counted, not rejected.
    assert counts(summary) == {
        "rows": 5, "imported": 2, "updated": 0, "duplicates": 0, "rejected": 0,
        "rejects_file": None, "skipped": 3, "dates_unread": 0, "unmapped_columns": [],
    }  # fmt: skip
    assert summary.format == "salesforce" and summary.unknown_owners == ("Chris Lee",)
    assert summary.date_order == "mdy"  # 3/13/2026 can only be month first
    assert stored(store) == [
        # "3/4/2026, 10:05 AM" in Los Angeles (PST) is 18:05 UTC.
        lead(source="salesforce", salutation="Mr.", first_name="José", last_name="Müller",
             company="Müller GmbH", title="Head of Sales", email="jose@mueller.de",
             phone_raw="+49 30 1234567", phone_e164="+49301234567", country="DE",
             time_zones=["Europe/Berlin"], arrived_at=at(3, 4, 18, 5), notes="Wants a demo",
             extra={"Lead Status": "Open - Not Contacted"}, owner="jane.doe"),
        # 2:30 PM on 13 March, PDT (daylight saving time began on 8 March).
        lead(source="salesforce", salutation="Ms.", first_name="Anne", last_name="O'Brien",
             company="Acme", title="CFO", email="anne@acme.lc", phone_raw="(758) 452-1234",
             phone_e164="+17584521234", country="LC", time_zones=["America/St_Lucia"],
             arrived_at=at(3, 13, 21, 30), status="not_interested",
             extra={"Lead Status": "Closed - Not Converted"}),
    ]  # fmt: skip


def test_salesforce_report_day_month_order_given(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    path = tmp_path / "report.csv"
    path.write_text(
        '"First Name","Phone","Country","Created Date"\n'
        '"Ada","+49 30 1234567","Germany","3/4/2026, 10:05 AM"\n',
        encoding="utf-8",
    )
    summary = run(workspace, path, "Europe/Berlin", date_order="dmy")
    assert summary.date_order == "dmy"
    assert stored(store)[0]["arrived_at"] == at(4, 3, 8, 5)  # 3 April, CEST


def test_salesforce_data_loader_extract(tmp_path: Path, store: Store, workspace: Workspace) -> None:
    setup_owners(store)
    summary = run(workspace, rx.data_loader(tmp_path / "extract.csv"), "Asia/Tokyo")
    assert counts(summary) == {
        "rows": 2, "imported": 2, "updated": 0, "duplicates": 0, "rejected": 0,
        "rejects_file": None, "skipped": 0, "dates_unread": 0,
        "unmapped_columns": ["LeadSource", "IsDeleted"],
    }  # fmt: skip
    assert summary.unknown_owners == ("0055g00000XyZaC",)
    assert stored(store) == [
        # The instants carry "+0000": the source zone does not apply.
        lead(source="salesforce", external_id="00Q5g00000AbCdE", salutation="Mrs.",
             first_name="Aida", last_name="Hodžić", company="BH Telecom", title="Engineer",
             email="aida@bht.ba", phone_raw="061 123 457", phone_e164="+38761123457",
             phone_type="mobile", city="Sarajevo", country="BA",
             time_zones=["Europe/Sarajevo"], arrived_at=at(3, 4, 10, 20), notes="Call after 3pm",
             extra={"Status": "Working - Contacted", "LeadSource": "Web", "IsDeleted": "false"},
             owner="jane.doe"),
        lead(source="salesforce", external_id="00Q5g00000AbCdF", first_name="Ravi",
             last_name="Singh", company="Trini Co", email="ravi@trini.tt",
             phone_raw="868-620-1234", phone_e164="+18686201234", phone_type="mobile",
             city="Port of Spain", country="TT", time_zones=["America/Port_of_Spain"],
             arrived_at=at(3, 5, 16),
             extra={"Status": "Open - Not Contacted", "LeadSource": "Partner",
                    "IsDeleted": "false"}),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "delimiter", "label"),
    [
        ("list.txt", "\t", "tab separated"),
        ("list.txt", "|", "pipe separated"),
        ("list.csv", ",", "comma separated"),
    ],
)
def test_vicidial_standard_file(
    tmp_path: Path, store: Store, workspace: Workspace, name: str, delimiter: str, label: str
) -> None:
    setup_owners(store)
    path = rx.vicidial_standard(tmp_path / name, delimiter)
    source = ImportService(workspace).open(path)
    assert source.format == "vicidial" and label in source.label and not source.has_header
    summary = ImportService(workspace, workers=0).run(source, source_tz="UTC")
    assert counts(summary) == {
        "rows": 2, "imported": 2, "updated": 0, "duplicates": 0, "rejected": 0,
        "rejects_file": None, "skipped": 0, "dates_unread": 0,
        "unmapped_columns": ["source_id", "list_id", "gender", "date_of_birth",
                             "security_phrase", "rank"],
    }  # fmt: skip
    assert stored(store) == [
        # MS is a salutation, not a job title; the middle initial is kept.
        lead(source="vicidial", external_id="V1001", salutation="MS", first_name="Ada",
             last_name="Lovelace", email="ada@example.com", phone_raw="+1 2125550100",
             phone_e164="+12125550100", phone_type="fixed_or_mobile",
             alt_phones=["+16465550199"], address="1 Main St", city="New York", state="NY",
             postal_code="10001", country="US", time_zones=["America/New_York"],
             arrived_at=NOW, notes="asked for a quote", owner="jane.doe",
             extra={"source_id": "web", "list_id": "101", "middle_initial": "B",
                    "gender": "F", "date_of_birth": "1970-01-01", "rank": "0"}),
        # "+52 1 55 ..." (the old mobile prefix) is today's +52 55 ...
        lead(source="vicidial", external_id="V1002", salutation="MR", first_name="Luis",
             last_name="García", phone_raw="+52 15512345678", phone_e164="+525512345678",
             phone_type="fixed_or_mobile", address="Reforma 1, Piso 2",
             city="Ciudad de México", state="CDMX", postal_code="06600", country="MX",
             time_zones=["America/Mexico_City"], arrived_at=NOW,
             extra={"source_id": "fair", "list_id": "101", "gender": "M",
                    "security_phrase": "azul", "rank": "0"}),
    ]  # fmt: skip


def test_vicidial_list_download_statuses_and_called_counts(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    summary = run(workspace, rx.vicidial_export(tmp_path / "list_101.txt"), "America/Chicago")
    doc = counts(summary)
    assert doc["rows"] == doc["imported"] == 4 and doc["skipped"] == doc["dates_unread"] == 0
    assert doc["unmapped_columns"] == [
        "modify_date", "user", "vendor_lead_code", "source_id", "list_id", "gmt_offset_now",
        "called_since_last_reset", "province", "gender", "date_of_birth", "security_phrase",
        "last_local_call_time", "rank", "entry_list_id",
    ]  # fmt: skip
    common = dict(source="vicidial", phone_type="fixed_or_mobile", city="Chicago", state="IL",
                  postal_code="60601", country="US", time_zones=["America/Chicago"],
                  arrived_at=at(3, 1, 15))  # fmt: skip

    def extra(lead_id: str, status: str) -> dict[str, str]:
        return {
            "modify_date": "2026-03-03 12:00:00", "status": status, "user": "6666",
            "vendor_lead_code": f"V{lead_id}", "source_id": "vendor", "list_id": "101",
            "gmt_offset_now": "-5.00", "called_since_last_reset": "Y", "gender": "U",
            "last_local_call_time": "2026-03-03 12:00:00", "rank": "0", "entry_list_id": "0",
        }  # fmt: skip

    assert stored(store) == [
        # DNC: on the do-not-call list, cadence ended; called 4 times before.
        lead(**common, external_id="5001", salutation="MRS", first_name="Maria",
             last_name="Lopez", phone_raw="+1 3125550101", phone_e164="+13125550101",
             status="do_not_call", do_not_call=True, cadence_step=4, attempt_count=4,
             call_count=4, notes="prefers evenings", extra=extra("5001", "DNC")),
        lead(**common, external_id="5002", salutation="MR", first_name="Bob", last_name="Stone",
             phone_raw="+1 3125550102", phone_e164="+13125550102", status="qualified",
             cadence_step=2, attempt_count=2, call_count=2, extra=extra("5002", "SALE")),
        # No answer once: still in its cadence, one attempt already made.
        lead(**common, external_id="5003", first_name="Cy", last_name="Park",
             phone_raw="+1 3125550103", phone_e164="+13125550103", status="working",
             cadence_step=1, attempt_count=1, call_count=1, extra=extra("5003", "NA")),
        lead(**common, external_id="5004", salutation="DR", first_name="Dee", last_name="Ray",
             phone_raw="+1 3125550104", phone_e164="+13125550104", extra=extra("5004", "NEW")),
    ]  # fmt: skip
    assert dnc_list(store) == ["+13125550101"]


def test_german_excel_semicolon_file(tmp_path: Path, store: Store, workspace: Workspace) -> None:
    summary = run(workspace, rx.german_excel(tmp_path / "kunden.csv"), "Europe/Berlin")
    assert counts(summary) == {
        "rows": 2, "imported": 2, "updated": 0, "duplicates": 0, "rejected": 0,
        "rejects_file": None, "skipped": 0, "dates_unread": 0,
        "unmapped_columns": ["Kundennummer"],
    }  # fmt: skip
    assert stored(store) == [
        # "Bemerkung" is a notes column; 10:20 in Berlin (CET) is 09:20 UTC.
        lead(source="csv", first_name="Hans", last_name="Schmidt", company="Schmidt AG",
             email="hans@schmidt.de", phone_raw="030 1234567", phone_e164="+49301234567",
             postal_code="10115", city="Berlin", country="DE", time_zones=["Europe/Berlin"],
             arrived_at=at(3, 4, 9, 20), notes="Rückruf erwünscht",
             extra={"Kundennummer": "K-100"}),
        # A date alone is that day's midnight in Berlin.
        lead(source="csv", first_name="Greta", last_name="Weber", phone_raw="0171 2345678",
             phone_e164="+491712345678", phone_type="mobile", postal_code="80331",
             city="München", country="DE", time_zones=["Europe/Berlin"],
             arrived_at=at(3, 4, 23), extra={"Kundennummer": "K-101"}),
    ]  # fmt: skip


def test_owner_option_overrides_the_file(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    setup_owners(store)
    summary = run(workspace, rx.hubspot_csv(tmp_path / "hubspot.csv"), "UTC", owner="night.shift")
    assert summary.unknown_owners == ()
    assert {row["owner"] for row in stored(store)} == {"night.shift"}


def test_notes_columns_join_and_a_report_banner_is_skipped(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    path = tmp_path / "report.csv"
    path.write_text(
        "Leads by owner\nAs of 3/4/2026\n"
        "Name,Phone,Country,Notes,Comments\n"
        "Ada Lovelace,+44 20 7946 0018,UK,first note,second note\n"
        "Grand Totals (1 records)\n",
        encoding="utf-8",
    )
    summary = run(workspace, path, "UTC")
    doc = counts(summary)
    assert (doc["rows"], doc["imported"], doc["skipped"]) == (4, 1, 3)
    assert stored(store)[0]["notes"] == "first note\nsecond note"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"source_tz": "Mars/Olympus"}, "--source-tz 'Mars/Olympus' is not a time zone"),
        ({"date_order": "ymd"}, "--date-order 'ymd': choose mdy"),
    ],
)
def test_bad_zone_or_order_is_one_line(
    tmp_path: Path, workspace: Workspace, kwargs: dict[str, str], message: str
) -> None:
    from leaddesk.services.errors import UserError

    path = rx.german_excel(tmp_path / "kunden.csv")
    with pytest.raises(UserError, match=message.replace("(", r"\(")):
        ImportService(workspace, workers=0).run(path, **kwargs)  # type: ignore[arg-type]


def test_a_dnc_status_on_a_lead_already_here_lists_the_number(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    path = tmp_path / "leads.csv"
    path.write_text("Name,Phone,Country\nMaria Lopez,(312) 555-0101,US\n", encoding="utf-8")
    run(workspace, path, "UTC")
    summary = run(workspace, rx.vicidial_export(tmp_path / "list_101.txt"), "America/Chicago")
    assert (summary.imported, summary.updated) == (3, 1)
    maria = next(row for row in stored(store) if row["first_name"] == "Maria")
    # The import fills in what the lead lacks; it never rewrites its logged state.
    assert maria["do_not_call"] and maria["status"] == "new" and maria["salutation"] == "MRS"
    assert dnc_list(store) == ["+13125550101"]
