"""Excel workbooks (.xlsx), read with openpyxl in read-only mode: rows are streamed from
the first worksheet that has data, and every cell becomes the text a CSV would hold."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from leaddesk.services.errors import UserError


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
            sheet = next((ws for ws in book.worksheets if (ws.max_row or 0) > 0), None)
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
