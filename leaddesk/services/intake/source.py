"""A lead file opened for import: what it is (detected by content, not by its name),
its column mapping, a preview of the first rows, and its rows streamed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from leaddesk.services.errors import UserError
from leaddesk.services.intake.fields import (
    FORMAT_LABELS,
    VICIDIAL_COLUMNS,
    ColumnMapping,
    detect_header_format,
    field_for_header,
)
from leaddesk.services.intake.text import (
    TextRows,
    decode_sample,
    detect_encoding,
    file_kind,
    read_head,
    sample_rows,
    sniff_delimiter,
)
from leaddesk.services.intake.xlsx import XlsxRows

FORMATS = ("auto", "csv", "vicidial", "hubspot", "salesforce", "xlsx")
PREVIEW_ROWS = 20
_SAMPLE_ROWS = 60
# A report's title, "As of ..." and filter lines come before its header row.
_BANNER_ROWS = 10


def _header_index(rows: list[list[str]]) -> int:
    """The row that names the columns: the first with two cells or more that name a lead
    field (report exports put a title and filters above it), else the first row."""
    for index, cells in enumerate(rows[:_BANNER_ROWS]):
        filled = sum(1 for c in cells if c.strip())
        if filled >= 2 and detect_header_format(cells) != "unknown":
            return index
    return 0


def _looks_vicidial(rows: list[list[str]], delimiter: str | None) -> bool:
    if delimiter not in ("\t", "|", ",", ";") or not rows:
        return False
    mode = Counter(len(r) for r in rows).most_common(1)[0][0]
    if not 5 <= mode <= len(VICIDIAL_COLUMNS) + 1:
        return False
    if delimiter in (",", ";") and mode < len(VICIDIAL_COLUMNS) - 1:
        # Saved as .csv: only the whole standard layout says VICIdial.
        return False
    phones = sum(1 for r in rows if len(r) > 4 and sum(ch.isdigit() for ch in r[4]) >= 6)
    return phones >= 0.8 * len(rows)


@dataclass
class LeadSource:
    path: Path
    kind: str  # "text" or "xlsx"
    format: str  # csv, vicidial, hubspot, salesforce, unknown
    has_header: bool
    mapping: ColumnMapping
    preview: list[list[str]] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    size_bytes: int = 0
    # Title and filter lines above the header row (skipped and counted).
    banner_rows: int = 0
    _reader: TextRows | XlsxRows | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        what = FORMAT_LABELS.get(self.format, self.format)
        if self.kind == "xlsx":
            return f"{what} (Excel workbook)"
        enc = {"utf-8-sig": "UTF-8 with BOM", "utf-8": "UTF-8", "cp1252": "Windows-1252"}.get(
            self.encoding or "", (self.encoding or "").upper()
        )
        delim = {",": "comma", "\t": "tab", ";": "semicolon", "|": "pipe"}.get(
            self.delimiter or "", "?"
        )
        return f"{what} ({enc}, {delim} separated)"

    @property
    def source_name(self) -> str:
        """What `Lead.source` records: the format the lead came in."""
        return "csv" if self.format == "unknown" else self.format

    def check_importable(self) -> None:
        """Refuse a layout nothing can be imported from, saying what was expected."""
        if self.mapping.has_phone:
            return
        first = ", ".join(h for h in self.mapping.headers[:6] if h) or "(empty)"
        raise UserError(
            f"{self.path.name}: could not recognise the columns (first row: {first[:200]}). "
            "Expected a header row naming a phone column (Phone, Mobile, Phone Number, "
            "MobilePhone ...) or a VICIdial lead file (tab or pipe separated, no header); "
            "choose --format or map the columns in the Import dialog"
        )

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """Data rows `(line or row number, cells)`, the header row left out."""
        reader: TextRows | XlsxRows
        if self.kind == "xlsx":
            reader = XlsxRows(self.path)
        else:
            assert self.encoding is not None and self.delimiter is not None
            reader = TextRows(self.path, self.encoding, self.delimiter)
        self._reader = reader
        skip = self.banner_rows + (1 if self.has_header else 0)
        for line, cells in reader:
            if skip:
                skip -= 1
                continue
            yield line, cells

    def fraction_read(self) -> float:
        """How far `rows()` got, 0..1 (for the progress bar)."""
        reader = self._reader
        if isinstance(reader, TextRows):
            return min(1.0, reader.bytes_read / self.size_bytes) if self.size_bytes else 0.0
        if isinstance(reader, XlsxRows) and reader.total_rows:
            return min(1.0, reader.rows_read / reader.total_rows)
        return 0.0


def _first_rows(path: Path, kind: str) -> tuple[list[list[str]], str | None, str | None]:
    head = read_head(path)
    if kind == "xlsx":
        rows: list[list[str]] = []
        reader = XlsxRows(path)
        for _line, cells in reader:
            rows.append(cells)
            if len(rows) >= _SAMPLE_ROWS:
                break
        return rows, None, None
    encoding = detect_encoding(path, head)
    sample = decode_sample(path, head, encoding)
    delimiter = sniff_delimiter(sample)
    return sample_rows(sample, delimiter, _SAMPLE_ROWS), encoding, delimiter


def open_source(path: Path, fmt: str = "auto") -> LeadSource:
    """Open a lead file: detect its kind, encoding, delimiter and format by content.

    `fmt` forces the format ("xlsx" only insists that the file is a workbook). Raises
    UserError for a file that is missing, empty, binary or otherwise not a lead list.
    """
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path = Path(path)
    kind = file_kind(path, read_head(path))
    if fmt == "xlsx" and kind != "xlsx":
        raise UserError(f"{path.name} is not an Excel workbook (.xlsx)")
    rows, encoding, delimiter = _first_rows(path, kind)
    if not rows:
        raise UserError(f"{path.name} is empty: there are no leads to import")
    banner = _header_index(rows)
    rows = rows[banner:]
    first = rows[0]
    header_format = detect_header_format(first)
    if header_format == "vicidial" and fmt in ("auto", "xlsx", "vicidial"):
        # VICIdial's list download: its own header (lead_id, status, called_count ...).
        has_header = True
        mapping = ColumnMapping.guess(first, "vicidial_export")
        detected = "vicidial"
    elif fmt == "vicidial" or (
        fmt in ("auto", "xlsx") and header_format == "unknown" and _looks_vicidial(rows, delimiter)
    ):
        # A VICIdial file has no header; tolerate one that names the columns.
        has_header = (
            header_format != "unknown"
            and field_for_header(first[4] if len(first) > 4 else "") != ""
        )
        mapping = ColumnMapping.guess(first, "vicidial")
        detected = "vicidial"
    else:
        has_header = True
        mapping = ColumnMapping.guess(first, "csv")
        detected = fmt if fmt in ("csv", "hubspot", "salesforce") else header_format
        if detected == "vicidial":
            detected = "csv"
    preview = rows[1:] if has_header else rows
    return LeadSource(
        path=path,
        kind=kind,
        format=detected,
        has_header=has_header,
        mapping=mapping,
        preview=preview[:PREVIEW_ROWS],
        encoding=encoding,
        delimiter=delimiter,
        size_bytes=path.stat().st_size,
        banner_rows=banner,
    )
