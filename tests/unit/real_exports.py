"""Lead files written the way each system really writes them (their headers, encodings,
delimiters, date formats, footers), for the import tests and the card tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HUBSPOT_HEADER = (
    "Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,"
    "Country/Region,City,Create Date,Contact owner,Lead Status,Lifecycle Stage\n"
)


def hubspot_csv(path: Path) -> Path:
    """HubSpot's contact export: UTF-8, "Create Date" in the account's time zone without
    an offset, the owner by name or email, countries as HubSpot names them."""
    path.write_text(
        HUBSPOT_HEADER
        + "101,Oliver,Smith,oliver@acme.co.uk,020 7946 0018,Acme Ltd,Buyer,United Kingdom,"
        "London,2026-03-04 10:20,Jane Doe,NEW,lead\n"
        "102,Petra,Novák,petra@firma.cz,601 123 456,Firma s.r.o.,CEO,Czechia,Praha,"
        "2026-03-05 09:00,jdoe@acme.com,OPEN,customer\n"
        '103,Min-jun,Kim,mj@corp.kr,010-1234-5678,Corp,Manager,"Korea, Republic of",Seoul,'
        "2026-03-06 14:00,Sam Unknown,UNQUALIFIED,subscriber\n"
        "104,Emma,Jones,emma@acme.co.uk,020 7946 0018,Acme Ltd,Reception,United Kingdom,"
        "London,sometime in March,Jane Doe,NEW,lead\n",
        encoding="utf-8",
    )
    return path


def hubspot_xlsx(path: Path) -> Path:
    """The same export downloaded as XLSX: dates are date cells, a number typed as a
    number has lost its leading zero."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HUBSPOT_HEADER.strip().split(","))
    sheet.append([201, "Elif", "Yılmaz", "elif@firma.com.tr", "0532 123 45 67", "Firma AŞ",
                  "Buyer", "Türkiye", "İstanbul", datetime(2026, 3, 4, 10, 20), "Jane Doe",
                  "NEW", "lead"])  # fmt: skip
    sheet.append([202, "Amir", "Begić", "amir@bh.ba", "061 123 456", "BH d.o.o.", "CTO",
                  "Bosnia and Herzegovina", "Sarajevo", datetime(2026, 3, 5, 8, 0), None,
                  None, "lead"])  # fmt: skip
    sheet.append([203, "Tom", "Baker", "tom@baker.co.uk", 2079460019, "Baker & Co", "Owner",
                  "United Kingdom", "London", datetime(2026, 3, 6, 12, 0), "Jane Doe", "OPEN",
                  None])  # fmt: skip
    book.save(path)
    return path


def salesforce_report(path: Path) -> Path:
    """A Salesforce report exported as CSV ("Details only"): Windows-1252, dates as the
    user's locale writes them (month/day, 12-hour clock), and the report's footer."""
    text = (
        '"Lead Owner","Salutation","First Name","Last Name","Title","Company / Account",'
        '"Phone","Email","Country","Lead Status","Created Date","Description"\n'
        '"Jane Doe","Mr.","José","Müller","Head of Sales","Müller GmbH","+49 30 1234567",'
        '"jose@mueller.de","Germany","Open - Not Contacted","3/4/2026, 10:05 AM",'
        '"Wants a demo"\n'
        '"Chris Lee","Ms.","Anne","O\'Brien","CFO","Acme","(758) 452-1234","anne@acme.lc",'
        '"Saint Lucia","Closed - Not Converted","3/13/2026, 2:30 PM",""\n'
        '""\n'
        '"Grand Totals (2 records)"\n'
        '""\n'
        '"Confidential Information - Do Not Distribute"\n'
        '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n'
    )
    path.write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    return path


def data_loader(path: Path) -> Path:
    """A Data Loader extract: API names, UTF-8, instants in UTC with "+0000", owner ids."""
    path.write_text(
        '"Id","Salutation","FirstName","LastName","Company","Title","Phone","Email",'
        '"Country","City","Status","OwnerId","CreatedDate","Description","LeadSource",'
        '"IsDeleted"\n'
        '"00Q5g00000AbCdE","Mrs.","Aida","Hodžić","BH Telecom","Engineer","061 123 457",'
        '"aida@bht.ba","Bosnia and Herzegovina","Sarajevo","Working - Contacted",'
        '"0055g00000XyZaB","2026-03-04T10:20:00.000+0000","Call after 3pm","Web","false"\n'
        '"00Q5g00000AbCdF","","Ravi","Singh","Trini Co","","868-620-1234","ravi@trini.tt",'
        '"Trinidad and Tobago","Port of Spain","Open - Not Contacted","0055g00000XyZaC",'
        '"2026-03-05T16:00:00.000+0000","","Partner","false"\n',
        encoding="utf-8",
    )
    return path


VICIDIAL_ROWS = [
    ["V1001", "web", "101", "1", "2125550100", "MS", "Ada", "B", "Lovelace", "1 Main St", "",
     "", "New York", "NY", "", "10001", "USA", "F", "1970-01-01", "6465550199",
     "ada@example.com", "", "asked for a quote", "0", "jdoe"],
    ["V1002", "fair", "101", "52", "15512345678", "MR", "Luis", "", "García", "Reforma 1",
     "Piso 2", "", "Ciudad de México", "CDMX", "", "06600", "MEX", "M", "", "", "",
     "azul", "", "0", ""],
]  # fmt: skip


def vicidial_standard(path: Path, delimiter: str) -> Path:
    """VICIdial's standard lead file: no header, 25 columns (tab, pipe, or comma when
    it was saved as .csv)."""
    lines = [delimiter.join(row) for row in VICIDIAL_ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


VICIDIAL_EXPORT_HEADER = (
    "lead_id\tentry_date\tmodify_date\tstatus\tuser\tvendor_lead_code\tsource_id\tlist_id\t"
    "gmt_offset_now\tcalled_since_last_reset\tphone_code\tphone_number\ttitle\tfirst_name\t"
    "middle_initial\tlast_name\taddress1\taddress2\taddress3\tcity\tstate\tprovince\t"
    "postal_code\tcountry_code\tgender\tdate_of_birth\talt_phone\temail\tsecurity_phrase\t"
    "comments\tcalled_count\tlast_local_call_time\trank\towner\tentry_list_id"
)


def _export_row(lead_id: str, status: str, phone: str, title: str, first: str, last: str,
                comments: str, called: str) -> str:  # fmt: skip
    cells = [
        lead_id, "2026-03-01 09:00:00", "2026-03-03 12:00:00", status, "6666", f"V{lead_id}",
        "vendor", "101", "-5.00", "Y", "1", phone, title, first, "", last, "", "", "",
        "Chicago", "IL", "", "60601", "USA", "U", "", "", "", "", comments, called,
        "2026-03-03 12:00:00", "0", "", "0",
    ]  # fmt: skip
    return "\t".join(cells)


def vicidial_export(path: Path) -> Path:
    """VICIdial's list download: tab separated with its header; status, called_count."""
    rows = [
        VICIDIAL_EXPORT_HEADER,
        _export_row("5001", "DNC", "3125550101", "MRS", "Maria", "Lopez", "prefers evenings", "4"),
        _export_row("5002", "SALE", "3125550102", "MR", "Bob", "Stone", "", "2"),
        _export_row("5003", "NA", "3125550103", "", "Cy", "Park", "", "1"),
        _export_row("5004", "NEW", "3125550104", "DR", "Dee", "Ray", "", "0"),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def german_excel(path: Path) -> Path:
    """A list a German office saved from Excel as "CSV (Trennzeichen-getrennt)":
    Windows-1252, semicolons, day.month.year dates, German headers."""
    text = (
        "Vorname;Nachname;Firma;Telefon;E-Mail;PLZ;Ort;Land;Erstellt am;Bemerkung;Kundennummer\n"
        "Hans;Schmidt;Schmidt AG;030 1234567;hans@schmidt.de;10115;Berlin;Deutschland;"
        "04.03.2026 10:20;Rückruf erwünscht;K-100\n"
        "Greta;Weber;;0171 2345678;;80331;München;Deutschland;05.03.2026;;K-101\n"
    )
    path.write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    return path
