"""Excel workbooks (.xlsx), read with openpyxl in read-only mode: rows are streamed from
the first worksheet that has data, and every cell becomes the text a CSV would hold.

A workbook is a ZIP of XML parts, and a small one can expand to gigabytes (a 3 MB file
with one 3 GiB cell took 3.2 GB of memory and 25 s before it was refused). Before
openpyxl reads anything, `check_bounds` looks at the parts: their declared expanded size
(zipfile never inflates a part beyond it), then one streamed pass over the XML counting
rows and cells and the longest text between two tags. A workbook beyond a limit is
refused in one line, in memory bounded by the scan's chunk.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from leaddesk.services.errors import UserError

# Excel's own sheet limits, and what a lead list can hold.
MAX_ROWS = 1_048_576
MAX_CELLS = 40_000_000
MAX_CELL_BYTES = 1024 * 1024  # the longest cell text (XML-escaped) a lead list can need
MAX_PART_BYTES = 2 * 1024**3  # one XML part, expanded
MAX_EXPANDED_BYTES = 3 * 1024**3  # every part together
_CHUNK = 1 << 20
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")


def _refuse(path: Path, what: str) -> UserError:
    return UserError(
        f"{path.name}: {what}; this is not a lead list Excel could have saved "
        "(save the sheet again as .xlsx or CSV); nothing was imported"
    )


def _scan_part(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int]:
    """(rows, cells) of one XML part, refusing a text run longer than a cell can be."""
    rows = cells = 0
    run = 0  # bytes without "<" at the end of the previous chunk
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            lt = chunk.find(b"<")
            if lt < 0:
                run += len(chunk)
            else:
                run += lt
            if run > MAX_CELL_BYTES:  # (a run inside one chunk is at most a chunk long)
                raise _refuse(
                    path, f"a cell in {info.filename} is longer than {MAX_CELL_BYTES // 1024} KB"
                )
            if lt >= 0:
                run = len(chunk) - chunk.rfind(b"<") - 1
            joined = tail + chunk
            rows += len(_ROW.findall(joined))
            cells += len(_CELL.findall(joined))
            # A tag cut at the chunk's end is counted with the next chunk.
            cut = joined.rfind(b"<")
            tail = joined[cut:] if cut >= 0 and len(joined) - cut < 16 else b""
            if tail:
                rows -= len(_ROW.findall(tail))
                cells -= len(_CELL.findall(tail))
            if rows > MAX_ROWS:
                raise _refuse(path, f"the workbook has more than {MAX_ROWS:,} rows")
            if cells > MAX_CELLS:
                raise _refuse(path, f"the workbook has more than {MAX_CELLS:,} cells")
    return rows, cells


_CHECKED: set[tuple[str, int, int]] = set()


def check_bounds(path: Path, fh: Any) -> None:
    """Refuse a workbook whose parts expand beyond what a lead list can be (a ZIP bomb).
    A file already checked (same path, size and time) is not scanned again."""
    try:
        st = path.stat()
        key: tuple[str, int, int] | None = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    except OSError:
        key = None
    if key is not None and key in _CHECKED:
        return
    try:
        archive = zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UserError(f"{path.name} cannot be read as an Excel workbook ({exc})") from None
    try:
        infos = archive.infolist()
        total = sum(i.file_size for i in infos)
        biggest = max(infos, key=lambda i: i.file_size, default=None)
        if biggest is not None and biggest.file_size > MAX_PART_BYTES:
            raise _refuse(
                path,
                f"{biggest.filename} expands to {biggest.file_size / 1024**3:.1f} GiB "
                f"(at most {MAX_PART_BYTES // 1024**3} GiB)",
            )
        if total > MAX_EXPANDED_BYTES:
            raise _refuse(
                path,
                f"it expands to {total / 1024**3:.1f} GiB (at most {MAX_EXPANDED_BYTES // 1024**3} GiB)",
            )
        rows = cells = 0
        try:
            for info in infos:
                name = info.filename
                if (
                    name.startswith("xl/")
                    and name.endswith(".xml")
                    and (name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml")
                ):
                    r, c = _scan_part(path, archive, info)
                    rows, cells = rows + r, cells + c
                    if cells > MAX_CELLS:
                        raise _refuse(path, f"the workbook has more than {MAX_CELLS:,} cells")
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
            raise UserError(
                f"{path.name} is a damaged Excel workbook ({exc}); nothing was imported"
            ) from None
    finally:
        archive.close()
    fh.seek(0)
    if key is not None:
        _CHECKED.add(key)


def cell_text(value: Any) -> str:
    """What a CSV export of the cell would say. Phone numbers typed as numbers come back
    without the ".0" Excel gives them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _open(path: Path, fh: Any) -> Any:
    from openpyxl import load_workbook

    check_bounds(path, fh)
    try:
        # A file object, not the path: openpyxl judges a path by its extension, and a
        # workbook saved as "leads (1).tmp" is still a workbook.
        return load_workbook(fh, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise UserError(f"{path.name} cannot be read as an Excel workbook ({exc})") from None
    except Exception as exc:  # openpyxl raises its own InvalidFileException and others
        raise UserError(f"{path.name} cannot be read as an Excel workbook ({exc})") from None


class XlsxRows:
    """The rows of the first worksheet with data: `(row number, cells)`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows_read = 0
        self.total_rows = 0

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        fh = self.path.open("rb")
        try:
            book = _open(self.path, fh)
        except BaseException:
            fh.close()
            raise
        try:
            # A workbook written without a <dimension> (openpyxl's write-only mode, many
            # exporters) has no max_row: read it rather than skip it.
            sheet = next(
                (ws for ws in book.worksheets if ws.max_row is None or ws.max_row > 0), None
            )
            if sheet is None:
                return
            self.total_rows = int(sheet.max_row or 0)
            try:
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                    self.rows_read = number
                    cells = [cell_text(v) for v in values]
                    while cells and not cells[-1]:
                        cells.pop()
                    if any(c.strip() for c in cells):
                        yield number, cells
            except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
                raise UserError(
                    f"{self.path.name}, row {self.rows_read + 1}: the workbook is damaged "
                    f"({exc}); nothing was imported"
                ) from None
        finally:
            book.close()
            fh.close()
