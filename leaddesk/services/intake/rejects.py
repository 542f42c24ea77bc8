"""The rejects file: every row not imported, with its original cells and the reason.

Written to a temporary file beside the target and renamed into place only when the
import is committed, so a failed or cancelled import leaves no rejects file behind.
Cells that a spreadsheet would run as a formula (= + - @, tab, carriage return) are
neutralized with a leading apostrophe: the file is opened in Excel by people.
"""

from __future__ import annotations

import csv
import os
import uuid
from pathlib import Path
from typing import IO

from leaddesk.services.errors import UserError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 32_000  # Excel keeps at most 32,767 characters in a cell


def neutralize(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs: "=HYPERLINK(...)" -> "'=HYPERLINK(...)"."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def safe_row(cells: list[str]) -> list[str]:
    out = []
    for cell in cells:
        if len(cell) > MAX_CELL:
            cell = cell[:MAX_CELL] + " [cut: the cell was longer]"
        out.append(neutralize(cell))
    return out


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (through a symlink, a hard link, `..`)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def check_rejects_target(target: Path, source: Path) -> None:
    """The rejects file may not be the file being imported: writing it would replace the
    leads with only the rejected rows."""
    if same_file(target, source):
        raise UserError(
            f"--rejects {target} is the file being imported ({source}); choose another "
            f"rejects file, or leave --rejects out to write {default_rejects_path(source).name}"
        )


def default_rejects_path(source: Path) -> Path:
    """leads.csv -> leads.rejects.csv, beside the input file."""
    return source.with_name(f"{source.stem}.rejects.csv")


class RejectsWriter:
    def __init__(self, target: Path, headers: list[str]) -> None:
        self.target = target
        self.headers = headers
        self.count = 0
        self._temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
        self._fh: IO[str] | None = None
        self._writer: csv.DictWriter[str] | None = None
        self._csv: object = None

    def _open(self) -> csv.Writer:  # type: ignore[name-defined]
        try:
            self._fh = open(self._temp, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
        except OSError as exc:
            raise UserError(
                f"cannot write the rejects file {self.target}: {exc.strerror or exc}; "
                "nothing was imported (choose another place with --rejects)"
            ) from None
        writer = csv.writer(self._fh)
        writer.writerow(safe_row(["reject_reason", "line", *self.headers]))
        return writer

    def add(self, line: int, cells: list[str], reason: str) -> None:
        if self._fh is None:
            self._csv = self._open()
        assert self._csv is not None
        self._csv.writerow(safe_row([reason, str(line), *cells]))  # type: ignore[attr-defined]
        self.count += 1

    def commit(self) -> Path | None:
        """Move the file into place; None (and no file) when nothing was rejected."""
        if self._fh is None:
            return None
        self._fh.close()
        os.replace(self._temp, self.target)
        return self.target

    def discard(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        self._temp.unlink(missing_ok=True)
