"""Lead files as they really come: formats detected by content, encodings, delimiters,
ragged rows, quoted newlines, huge cells, workbooks; bad files refused clearly."""

from __future__ import annotations

import codecs
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from leaddesk.services.errors import UserError
from leaddesk.services.intake import open_source
from leaddesk.services.intake.fields import ColumnMapping
from leaddesk.services.intake.values import clean_email, parse_bool, parse_created, split_name
from tests.unit.import_helpers import VICIDIAL_ROW, generic_csv, write

HUBSPOT_HEADER = (
    "Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,"
    "State/Region,Country/Region,Time Zone,Create Date,Contact owner,Lead Status\n"
)
SALESFORCE_API_HEADER = (
    "Id,FirstName,LastName,Company,Phone,MobilePhone,State,PostalCode,Country,DoNotCall,"
    "CreatedDate,OwnerId\n"
)
SALESFORCE_LABEL_HEADER = (
    "Lead ID,First Name,Last Name,Company,Phone,Mobile Phone,State/Province,"
    "Zip/Postal Code,Country,Do Not Call,Created Date,Lead Owner\n"
)


def test_generic_csv_maps_common_names_and_synonyms(tmp_path: Path) -> None:
    source = open_source(generic_csv(tmp_path / "leads.csv"))
    assert source.format == "csv"
    assert source.has_header
    assert source.mapping.describe() == {
        "First Name": "first_name",
        "Last Name": "last_name",
        "Company": "company",
        "Phone": "phone",
        "Mobile": "mobile",
        "E-mail": "email",
        "State": "state",
        "Country": "country",
        "Created Date": "created_at",
        "Notes": "notes",
    }
    assert source.preview[0][:2] == ["Ada", "Lovelace"]
    assert "UTF-8" in source.label and "comma" in source.label


def test_hubspot_export_is_recognised_by_its_labels(tmp_path: Path) -> None:
    path = write(
        tmp_path / "hubspot.csv",
        HUBSPOT_HEADER + "501,Ada,Lovelace,ada@example.com,+1 212 555 0100,,New York,"
        "United States,America/New_York,2026-11-20 10:00,Jo Agent,New\n",
    )
    source = open_source(path)
    assert source.format == "hubspot"
    mapped = source.mapping.describe()
    assert mapped["Record ID"] == "external_id"
    assert mapped["Phone Number"] == "phone"
    assert mapped["Mobile Phone Number"] == "mobile"
    assert mapped["State/Region"] == "state"
    assert mapped["Country/Region"] == "country"
    assert mapped["Time Zone"] == "time_zone"
    assert mapped["Create Date"] == "created_at"
    assert mapped["Contact owner"] == "owner"


@pytest.mark.parametrize("header", [SALESFORCE_API_HEADER, SALESFORCE_LABEL_HEADER])
def test_salesforce_exports_with_api_names_or_labels(tmp_path: Path, header: str) -> None:
    path = write(
        tmp_path / "sf.csv",
        header + "00Q1,Ada,Lovelace,Analytical,(212) 555-0100,,NY,10001,US,true,"
        "2026-11-20T10:00:00.000+0000,005x\n",
    )
    source = open_source(path)
    assert source.format == "salesforce"
    fields = set(source.mapping.describe().values())
    assert {"external_id", "phone", "mobile", "state", "postal_code", "do_not_call"} <= fields
    assert {"created_at", "owner", "company"} <= fields


@pytest.mark.parametrize("delimiter", ["\t", "|"])
def test_vicidial_lead_file_without_header(tmp_path: Path, delimiter: str) -> None:
    path = write(tmp_path / "list.txt", delimiter.join(VICIDIAL_ROW) + "\n")
    source = open_source(path)
    assert source.format == "vicidial"
    assert not source.has_header
    assert source.preview[0][4] == "2125550100"
    mapping = source.mapping.describe()
    assert mapping["phone_number"] == "phone"
    assert mapping["vendor_lead_code"] == "external_id"
    assert mapping["alt_phone"] == "alt_phone"
    assert mapping["title"] == "salutation"  # Mr, Ms: not a job title


def test_vicidial_format_can_be_forced(tmp_path: Path) -> None:
    path = write(tmp_path / "list.csv", ",".join(VICIDIAL_ROW) + "\n")
    assert open_source(write(tmp_path / "short.csv", "a,b,c,d,2125550100\n")).format == "unknown"
    assert open_source(path).format == "vicidial"  # the standard layout saved as .csv
    assert open_source(path, "vicidial").format == "vicidial"


@pytest.mark.parametrize(
    ("encoding", "label"),
    [
        ("utf-8-sig", "BOM"),
        ("utf-16", "UTF-16"),
        ("cp1252", "Windows-1252"),
        ("utf-16-le", "UTF-16"),
    ],
)
def test_encodings_excel_writes(tmp_path: Path, encoding: str, label: str) -> None:
    text = "Name\tPhone\tCity\r\nJosé Müller\t(212) 555-0100\tSão Paulo\r\n"
    path = write(tmp_path / "leads.txt", text, encoding)
    source = open_source(path)
    assert label in source.label
    assert source.delimiter == "\t"
    rows = list(source.rows())
    assert rows == [(2, ["José Müller", "(212) 555-0100", "São Paulo"])]


def test_ragged_rows_and_quoted_newlines(tmp_path: Path) -> None:
    path = write(
        tmp_path / "leads.csv",
        "Name,Phone,Notes\n"
        'Ada,(212) 555-0100,"line one\nline two"\n'
        "Grace,(415) 555-0101\n"
        "\n"
        "Alan,(212) 555-0102,note,extra,cells\n",
    )
    rows = list(open_source(path).rows())
    assert rows == [
        (2, ["Ada", "(212) 555-0100", "line one\nline two"]),
        (4, ["Grace", "(415) 555-0101"]),
        (6, ["Alan", "(212) 555-0102", "note", "extra", "cells"]),
    ]


def test_semicolon_files_from_european_excel(tmp_path: Path) -> None:
    path = write(
        tmp_path / "leads.csv", "Vorname;Nachname;Telefon;Land\nAnna;Schmidt;030 1234567;DE\n"
    )
    source = open_source(path)
    assert source.delimiter == ";"
    assert source.mapping.describe() == {
        "Vorname": "first_name",
        "Nachname": "last_name",
        "Telefon": "phone",
        "Land": "country",
    }


def test_xlsx_read_only(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["First Name", "Phone", "Country", "Created Date"])
    sheet.append(["Ada", 2125550100, "US", None])
    sheet.append([None, None, None, None])
    sheet.append(["Alan", "020 7946 0018", "GB", None])
    path = tmp_path / "leads.dat"  # detected by content, not by the name
    book.save(path)
    source = open_source(path)
    assert source.kind == "xlsx"
    assert source.format == "csv"
    assert list(source.rows()) == [
        (2, ["Ada", "2125550100", "US"]),
        (4, ["Alan", "020 7946 0018", "GB"]),
    ]
    assert open_source(path, "xlsx").kind == "xlsx"


def test_mapping_can_be_changed(tmp_path: Path) -> None:
    source = open_source(generic_csv(tmp_path / "leads.csv"))
    source.mapping.set(4, "")
    source.mapping.set(9, "company")
    assert source.mapping.fields[4] == "" and source.mapping.fields[9] == "company"
    with pytest.raises(ValueError):
        source.mapping.set(0, "shoe_size")
    assert ColumnMapping(["a", "b"]).fields == ["", ""]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\n\n  \r\n", "is empty"),
        (codecs.BOM_UTF8, "is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "binary"),
        (os.urandom(4096).replace(b"\x00", b"\x01") + b"\x00", "binary"),
        (b"\x7fELF\x02\x01\x01" + bytes(200), "binary"),
        (b"PK\x03\x04garbage", "damaged ZIP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Excel .xls"),
    ],
)
def test_files_that_are_not_lead_lists_are_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "leads.csv"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        open_source(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        open_source(tmp_path / "nope.csv")
    with pytest.raises(UserError, match="folder"):
        open_source(tmp_path)


def test_unknown_layout_is_detected_and_explained(tmp_path: Path) -> None:
    path = write(tmp_path / "weird.csv", "foo,bar,baz\n1,2,3\n4,5,6\n")
    source = open_source(path)
    assert source.format == "unknown"
    with pytest.raises(UserError, match="could not recognise the columns"):
        source.check_importable()


NOW = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20T10:00:00.000+0000", datetime(2026, 11, 20, 10, tzinfo=UTC)),  # Salesforce
        ("2026-11-20 10:00", datetime(2026, 11, 20, 10, tzinfo=UTC)),  # HubSpot
        ("11/20/2026 10:00 AM", datetime(2026, 11, 20, 10, tzinfo=UTC)),
        ("25/11/2026", datetime(2026, 11, 25, tzinfo=UTC)),  # cannot be month/day
        ("20.11.2026", datetime(2026, 11, 20, tzinfo=UTC)),
        ("1763632800000", datetime(2025, 11, 20, 10, tzinfo=UTC)),  # Unix milliseconds
        ("2030-01-01", NOW),  # a lead cannot arrive after it is imported
        ("1970-01-01", None),
        ("soon", None),
        ("", None),
    ],
)
def test_created_dates(text: str, expected: datetime | None) -> None:
    assert parse_created(text, NOW) == expected


def test_flags_emails_and_names() -> None:
    assert parse_bool("true") and parse_bool("1") and parse_bool(" Yes ")
    assert not parse_bool("false") and not parse_bool("0") and not parse_bool("")
    assert clean_email(" Ada@Example.COM ") == "ada@example.com"
    assert clean_email("mailto:ada@example.com") == "ada@example.com"
    assert clean_email("n/a") is None and clean_email("-") is None
    assert split_name("Ada Lovelace") == ("Ada", "Lovelace")
    assert split_name("Lovelace, Ada") == ("Ada", "Lovelace")
    assert split_name("Cher") == ("Cher", "")
