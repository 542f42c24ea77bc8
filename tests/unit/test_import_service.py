"""ImportService: what lands in the database, what is counted, what is never touched."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from leaddesk.services.errors import UserError
from leaddesk.services.importer import (
    ImportCancelled,
    ImportProgress,
    ImportService,
)
from leaddesk.services.intake import open_source
from leaddesk.services.outbox import lead_payload
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.workspace import Workspace
from leaddesk.store import Store, open_store
from leaddesk.store.models import Agent, DncNumber, Lead, Outbox
from tests.unit.import_helpers import (
    VICIDIAL_ROW,
    count,
    generic_csv,
    import_file,
    leads,
    snapshot,
    write,
)


def _by_name(store: Store) -> dict[str, Lead]:
    return {lead.first_name: lead for lead in leads(store)}


def test_a_generic_file_becomes_callable_leads(
    tmp_path: Path, store: Store, workspace: Workspace, now: datetime
) -> None:
    summary = import_file(workspace, generic_csv(tmp_path / "leads.csv"))
    assert summary.to_json() == {
        "rows": 3,
        "imported": 3,
        "updated": 0,
        "duplicates": 0,
        "rejected": 0,
        "rejects_file": None,
        "skipped": 0,
        "dates_unread": 0,
        "unmapped_columns": [],
    }
    got = _by_name(store)
    ada, grace, alan = got["Ada"], got["Grace"], got["Alan"]
    assert ada.phone_e164 == "+12125550100" and ada.phone_raw == "(212) 555-0100"
    assert ada.phone_type == "fixed_or_mobile"
    assert ada.time_zones == ["America/New_York"] and ada.tz_source == "both"
    assert ada.arrived_at == datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # the created date
    assert ada.next_action_at == ada.arrived_at and ada.next_channel == "phone"
    assert ada.status == "new" and ada.owner_id == workspace.agent.id
    assert ada.source == "csv" and ada.email == "ada@example.com"
    assert grace.alt_phones == ["+14155550102"]  # the mobile column, as another number
    assert grace.arrived_at == now  # no created date: the import time
    assert grace.notes == "likes COBOL"
    assert alan.phone_e164 == "+442079460018" and alan.country == "GB"
    assert alan.time_zones == ["Europe/London"]
    assert alan.arrived_at == datetime(2026, 11, 21, 8, 30, tzinfo=UTC)
    # Every new lead is queued for sync with its fields.
    with store.session() as session:
        queued = [
            (q.entity_id, q.kind, q.base_version, q.payload)
            for q in session.scalars(select(Outbox).order_by(Outbox.seq))
        ]
    assert {q[0] for q in queued} == {ada.id, grace.id, alan.id}
    assert all(kind == "lead" and base is None for _id, kind, base, _p in queued)
    payload = next(p for lead_id, _k, _b, p in queued if lead_id == ada.id)
    assert payload["phone_e164"] == "+12125550100"
    assert payload["arrived_at"] == "2026-11-20T10:00:00Z"
    assert payload["time_zones"] == ["America/New_York"]
    json.dumps(payload)


def test_reimporting_the_same_file_changes_nothing(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    path = generic_csv(tmp_path / "leads.csv")
    import_file(workspace, path)
    before = snapshot(store)
    again = import_file(workspace, path)
    assert (again.imported, again.updated, again.duplicates, again.rejected) == (0, 0, 3, 0)
    assert snapshot(store) == before


def test_duplicates_by_number_email_and_external_id(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    path = write(
        tmp_path / "hub.csv",
        "Record ID,First Name,Email,Phone Number,Country/Region\n"
        "1,Ada,ada@example.com,+1 212 555 0100,US\n"
        "1,Ada again,other@example.com,+1 646 555 0100,US\n"  # same record id
        "2,Ada twin,ada@example.com,+1 917 555 0100,US\n"  # same email
        ",,,(212) 555-0100,US\n"  # same number, nothing says it is someone else
        "4,Bob,bob@example.com,(212) 555-0100,US\n",  # same switchboard, another person
    )
    summary = import_file(workspace, path)
    assert summary.rows == 5
    assert summary.imported == 2
    # Rows that matched added the numbers the lead lacked: counted as updates.
    assert summary.updated + summary.duplicates == 3
    got = _by_name(store)
    assert set(got) == {"Ada", "Bob"}
    assert got["Ada"].alt_phones == ["+16465550100", "+19175550100"]
    assert got["Ada"].email == "ada@example.com"  # never overwritten by a later row


def test_an_import_fills_blanks_but_never_overwrites_agent_edits_or_logged_state(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    import_file(
        workspace,
        write(tmp_path / "a.csv", "Name,Phone,Company,Country\nAda Lovelace,(212) 555-0100,,US\n"),
    )
    lead = leads(store)[0]
    OutcomeService(workspace).log(lead.id, "no_answer")
    with store.transaction() as session:
        row = session.get(Lead, lead.id)
        assert row is not None
        row.first_name, row.edited_fields = "Augusta", ["first_name", "title"]
    before = leads(store)[0]
    summary = import_file(
        workspace,
        write(
            tmp_path / "b.csv",
            "First Name,Last Name,Phone,Company,Title,Email,Country\n"
            "Ada,Byron,(212) 555-0100,Analytical Engines,Countess,ada@example.com,US\n",
        ),
    )
    assert (summary.updated, summary.duplicates) == (1, 0)
    after = leads(store)[0]
    assert after.first_name == "Augusta"  # edited by the agent
    assert after.last_name == "Lovelace"  # already known: not overwritten
    assert after.title == ""  # emptied by the agent on purpose
    assert after.company == "Analytical Engines" and after.email == "ada@example.com"
    for field in (
        "status",
        "next_action_at",
        "attempt_count",
        "owner_id",
        "arrived_at",
        "cadence_step",
    ):
        assert getattr(after, field) == getattr(before, field), field
    assert after.version == before.version + 1
    with store.session() as session:
        last = session.execute(
            select(Outbox.entity_id, Outbox.base_version).order_by(Outbox.seq.desc())
        ).first()
    assert last is not None and tuple(last) == (lead.id, before.version)


def test_do_not_call_numbers_and_the_salesforce_flag(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    with store.transaction() as session:
        session.add(DncNumber(phone_e164="+12125550100"))
    path = write(
        tmp_path / "sf.csv",
        "Id,FirstName,LastName,Phone,Country,DoNotCall,CreatedDate\n"
        "00Q1,Ada,Lovelace,(212) 555-0100,US,false,2026-11-20T10:00:00.000+0000\n"
        "00Q2,Grace,Hopper,(415) 555-0101,US,true,2026-11-20T10:00:00.000+0000\n"
        "00Q3,Alan,Turing,(415) 555-0102,US,false,2026-11-20T10:00:00.000+0000\n",
    )
    summary = import_file(workspace, path)
    assert summary.format == "salesforce" and summary.imported == 3
    got = _by_name(store)
    assert got["Ada"].do_not_call and got["Grace"].do_not_call
    assert not got["Alan"].do_not_call
    assert got["Ada"].external_id == "00Q1" and got["Ada"].source == "salesforce"


def test_rejects_file_keeps_the_original_cells_and_says_why(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    path = write(
        tmp_path / "leads.csv",
        "Name,Phone,Country,Notes\n"
        "Ada,(212) 555-0100,US,fine\n"
        'Bad,12,US,=HYPERLINK("http://evil")\n'
        "NoPhone,,US,@SUM(A1)\n"
        "Long," + "(212) 555-0101" + ",US," + "x" * 30_000 + "\n"
        "Plus,+1 (555) 0100,US,-1+1\n",
    )
    summary = import_file(workspace, path)
    assert (summary.rows, summary.imported, summary.rejected) == (5, 1, 4)
    assert summary.rejects_file == tmp_path / "leads.rejects.csv"
    with summary.rejects_file.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["reject_reason", "line", "Name", "Phone", "Country", "Notes"]
    reasons = {r[2]: r[0] for r in rows[1:]}
    assert reasons["Bad"].startswith("invalid phone number '12'")
    assert reasons["NoPhone"] == "no phone number"
    assert reasons["Long"].startswith("cell too long: notes")
    # Original cells, neutralized where a spreadsheet would run them.
    bad = next(r for r in rows if r[2] == "Bad")
    assert bad[1:] == ["3", "Bad", "12", "US", '\'=HYPERLINK("http://evil")']
    assert next(r for r in rows if r[2] == "NoPhone")[5] == "'@SUM(A1)"
    plus = next(r for r in rows if r[2] == "Plus")
    assert plus[3] == "'+1 (555) 0100" and plus[5] == "'-1+1"
    assert len(next(r for r in rows if r[2] == "Long")[5]) < 32_767


def test_no_rejects_file_without_rejects_and_a_chosen_rejects_path(
    tmp_path: Path, workspace: Workspace
) -> None:
    summary = import_file(workspace, generic_csv(tmp_path / "leads.csv"))
    assert summary.rejects_file is None
    assert not (tmp_path / "leads.rejects.csv").exists()
    target = tmp_path / "out" / "why.csv"
    target.parent.mkdir()
    bad = write(tmp_path / "bad.csv", "Name,Phone\nX,1\n")
    assert import_file(workspace, bad, rejects_path=target).rejects_file == target
    assert target.exists()
    assert [p.name for p in target.parent.iterdir()] == ["why.csv"]  # no temporary left


def _big_file(path: Path, rows: int, tail: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("Name,Phone,Country\n")
        for i in range(rows):
            fh.write(f"Lead {i},(212) 555-{i % 10000:04d},US\n")
        fh.write(tail)
    return path


def test_a_failure_late_in_the_file_leaves_the_database_as_it_was(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    import_file(workspace, generic_csv(tmp_path / "first.csv"))
    before = snapshot(store)
    # A UTF-16 file: 6,000 good rows (six batches written, past the part read to detect
    # the format), then bytes that are not UTF-16 at all.
    good = _big_file(tmp_path / "good.csv", 6000, "")
    path = tmp_path / "leads.csv"
    path.write_bytes(good.read_text(encoding="utf-8").encode("utf-16") + b"\x00\xd8A\x00")
    with pytest.raises(UserError, match="not valid utf-16; nothing was imported"):
        ImportService(workspace, batch_rows=1000, workers=0).run(path)
    assert snapshot(store) == before
    assert not (tmp_path / "leads.rejects.csv").exists()
    assert list(tmp_path.glob(".*partial")) == []


def test_an_error_while_writing_rolls_everything_back(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    path = _big_file(tmp_path / "leads.csv", 3000, "Bad,1,US\n")

    def disk_full(progress: ImportProgress) -> None:
        if progress.rows >= 2000:
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        ImportService(workspace, batch_rows=1000, workers=0).run(path, progress=disk_full)
    assert count(store, Lead) == 0 and count(store, Outbox) == 0
    assert not list(tmp_path.glob("*rejects*")) and not list(tmp_path.glob(".*partial"))


def test_cancel_and_progress(tmp_path: Path, store: Store, workspace: Workspace) -> None:
    path = _big_file(tmp_path / "leads.csv", 3000, "Bad,1,US\n")
    seen: list[ImportProgress] = []
    with pytest.raises(ImportCancelled, match="nothing was imported"):
        ImportService(workspace, batch_rows=500, workers=0).run(
            path, progress=seen.append, cancelled=lambda: len(seen) >= 2
        )
    assert count(store, Lead) == 0 and count(store, Outbox) == 0
    assert not (tmp_path / "leads.rejects.csv").exists()
    seen.clear()
    summary = ImportService(workspace, batch_rows=500, workers=0).run(path, progress=seen.append)
    assert [p.rows for p in seen] == [500, 1000, 1500, 2000, 2500, 3000, 3001]
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)
    assert summary.rows == 3001 and summary.rejected == 1


def test_header_only_file_is_an_error_not_an_empty_import(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    with pytest.raises(UserError, match="header row but no leads"):
        import_file(workspace, write(tmp_path / "h.csv", "First Name,Phone\n"))
    assert count(store, Lead) == 0


def test_owner_is_created_when_named(tmp_path: Path, store: Store, workspace: Workspace) -> None:
    import_file(workspace, generic_csv(tmp_path / "leads.csv"), owner="new.rep")
    with store.session() as session:
        agent_id = session.scalars(select(Agent.id).where(Agent.name == "new.rep")).one()
    assert {lead.owner_id for lead in leads(store)} == {agent_id}


def test_vicidial_file_with_calling_code_and_alternate_phone(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    uk = list(VICIDIAL_ROW)
    uk[0], uk[3], uk[4], uk[13], uk[16], uk[19], uk[20] = (
        "V1002", "44", "020 7946 0018", "", "GBR", "", "alan@example.co.uk",
    )  # fmt: skip
    path = write(tmp_path / "list.txt", "\t".join(VICIDIAL_ROW) + "\n" + "\t".join(uk) + "\n")
    summary = import_file(workspace, path)
    assert summary.format == "vicidial" and summary.imported == 2
    got = {lead.external_id: lead for lead in leads(store)}
    ada = got["V1001"]
    assert ada.phone_e164 == "+12125550100" and ada.alt_phones == ["+16465550199"]
    assert ada.external_id == "V1001" and ada.source == "vicidial"
    assert ada.title == "" and ada.notes == "asked for a quote" and ada.country == "US"
    assert ada.time_zones == ["America/New_York"]
    assert got["V1002"].phone_e164 == "+442079460018" and got["V1002"].country == "GB"


def test_hubspot_time_zone_column_and_default_region(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    path = write(
        tmp_path / "hub.csv",
        "Record ID,First Name,Phone Number,Time Zone,Create Date\n"
        "7,Ada,(720) 555-0100,america_slash_denver,2026-11-20 10:00\n"
        "8,Bob,(212) 555-0101,,\n"
        "9,Cy,555 0102,,\n",
    )
    summary = import_file(workspace, path, region="US")
    assert (summary.imported, summary.rejected) == (2, 1)
    got = _by_name(store)
    assert got["Ada"].time_zones == ["America/Denver"] and got["Ada"].tz_source == "both"
    assert got["Bob"].time_zones == ["America/New_York"] and got["Bob"].tz_source == "number"
    # Without a default region, national numbers cannot be placed: rejected, with the reason.
    other = import_file(workspace, write(tmp_path / "n.csv", "Name,Phone\nZed,(212) 555-0177\n"))
    assert other.rejected == 1
    assert other.rejects_file is not None
    assert "default region" in other.rejects_file.read_text(encoding="utf-8-sig")


def test_worker_processes_give_the_same_leads(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    path = _big_file(tmp_path / "leads.csv", 3000, "Bad,1,US\n")
    summary = ImportService(workspace, batch_rows=500, workers=1).run(path)
    assert (summary.rows, summary.imported, summary.rejected) == (3001, 3000, 1)
    assert count(store, Lead) == 3000
    assert {tuple(lead.time_zones) for lead in leads(store)} == {("America/New_York",)}


def test_an_unknown_layout_is_refused_before_anything_is_written(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    path = write(tmp_path / "weird.csv", "foo,bar\n1,2\n")
    with pytest.raises(UserError, match="could not recognise the columns"):
        import_file(workspace, path)
    assert count(store, Lead) == 0
    # The agent maps the columns by hand: then it imports.
    source = open_source(path)
    source.mapping.set(1, "phone")
    source.mapping.set(0, "first_name")
    assert ImportService(workspace, workers=0).run(source).rejected == 1  # "2" is no number


_cell = st.sampled_from(
    ["(212) 555-0100", "(212) 555-0101", "+44 20 7946 0018", "12", "", "n/a", "(415) 555-0102"]
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sampled_from(["a@x.com", "b@x.com", "", "junk"]), _cell, _cell),
        min_size=1,
        max_size=12,
    )
)
def test_every_row_is_counted_exactly_once(
    tmp_path: Path, workspace: Workspace, rows: list[tuple[str, str, str]]
) -> None:
    path = tmp_path / "random.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Email", "Phone", "Mobile", "Country"])
        writer.writerows([*r, "US"] for r in rows)
    summary = import_file(workspace, path)
    assert summary.rows == len(rows)
    assert (
        summary.rows == summary.imported + summary.updated + summary.duplicates + summary.rejected
    )
    again = import_file(workspace, path)
    assert (again.imported, again.updated) == (0, 0)


def test_queued_payload_is_the_stored_lead_even_after_merges_within_a_file(
    tmp_path: Path, store: Store, workspace: Workspace
) -> None:
    # Rows 2 and 4 add an email, a mobile and a state to the leads rows 1 and 3 created
    # in the same batch: what goes to the server is the lead as stored, field for field.
    path = write(
        tmp_path / "merge.csv",
        "Name,Email,Phone,Mobile,State,Country,Notes\n"
        "Ada Okafor,,(212) 555-0100,,NY,US,first\n"
        "Ada O,ada@x.com,(212) 555-0100,(646) 555-0199,,US,\n"
        "Ben Zoë,ben@x.com,+44 20 7946 0018,,,,\n"
        "Ben B,ben@x.com,(415) 555-0102,,CA,US,café\n",
    )
    summary = import_file(workspace, path)
    assert (summary.imported, summary.updated) == (2, 2)
    with store.session() as session:
        stored = {lead.id: lead for lead in session.scalars(select(Lead))}
        queued = list(session.scalars(select(Outbox).order_by(Outbox.seq)))
        assert len({q.op_id for q in queued}) == len(queued) == 2
        for q in queued:
            assert q.payload == lead_payload(stored[q.entity_id])
        ben = next(lead for lead in stored.values() if lead.first_name == "Ben")
        assert ben.email == "ben@x.com" and ben.alt_phones == ["+14155550102"]
        assert ben.state == "CA" and ben.notes == "café"
    assert import_file(workspace, path).duplicates == 4


def test_a_number_two_leads_share_matches_the_same_lead_on_every_reimport(
    tmp_path: Path, clock
) -> None:  # type: ignore[no-untyped-def]
    """Two people share a switchboard number (different emails); a row with only that
    number belongs to the first of them, and importing the file again changes nothing.
    (With random ids the tie between the two, created at the same instant, went either
    way on a re-import: ten fresh databases make that near certain to show.)"""
    path = tmp_path / "shared.csv"
    path.write_text(
        "Email,Phone,Mobile,Country\n"
        "a@x.com,+44 20 7946 0018,(212) 555-0100,US\n"
        "b@x.com,+44 20 7946 0018,(212) 555-0101,US\n"
        ",+44 20 7946 0018,(212) 555-0102,US\n",
        encoding="utf-8",
    )
    for run in range(10):
        store = open_store(tmp_path / f"run{run}.db")
        try:
            ws = Workspace.open(store, "test.agent", clock)
            first = import_file(ws, path)
            assert (first.imported, first.updated) == (2, 1)
            again = import_file(ws, path)
            assert (again.imported, again.updated, again.duplicates) == (0, 0, 3)
            with store.session() as session:
                a = session.scalars(select(Lead).where(Lead.email == "a@x.com")).one()
                assert a.alt_phones == ["+12125550100", "+12125550102"]
        finally:
            store.close()


def test_placeholder_text_in_a_phone_column_is_not_kept_as_a_number(
    tmp_path: Path, workspace: Workspace, store: Store
) -> None:
    path = tmp_path / "na.csv"
    path.write_text(
        "Name,Phone,Mobile,Country\n"
        "Ada Okafor,(212) 555-0100,n/a,US\n"
        "Ben Zoe,(212) 555-0101,none / -,US\n"
        "Cy Young,(212) 555-0102,555-01,US\n",
        encoding="utf-8",
    )
    summary = import_file(workspace, path)
    assert summary.imported == 3
    with store.session() as session:
        alts = {lead.first_name: lead.alt_phones for lead in session.scalars(select(Lead))}
    # A typo that still looks like a number is kept as typed, for the agent to read.
    assert alts == {"Ada": [], "Ben": [], "Cy": ["555-01"]}
