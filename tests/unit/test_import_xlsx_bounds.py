"""An Excel workbook is a ZIP of XML: a small file can expand to gigabytes. The import
refuses such a file at once, in bounded memory, with one line (issue 21)."""

from __future__ import annotations

import io
import resource
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from openpyxl import Workbook

from leaddesk.services.errors import UserError
from leaddesk.services.intake import open_source


def _deflate(data: bytes, final: bool) -> bytes:
    """Raw deflate blocks, byte-aligned, so that separately compressed pieces can be
    concatenated into one stream."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)


def _entry(name: str, method: int, crc: int, packed: int, size: int) -> bytes:
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, packed, size,
                       len(name), 0) + name.encode()  # fmt: skip


def xlsx_bomb(path: Path, cell_mib: int) -> Path:
    """A real workbook (one sheet, a header and one row) whose first cell of the row is
    `cell_mib` MiB of "A", deflated to about a thousandth of that. The CRC is left 0:
    a reader finds out only after expanding everything."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Phone"])
    sheet.append(["placeholder", "2125550100"])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    mib = _deflate(b"A" * (1 << 20), final=False)
    out = io.BytesIO()
    central = b""
    for name, data in parts.items():
        offset = out.tell()
        if name == "xl/worksheets/sheet1.xml":
            head, _, tail = data.partition(b"placeholder")
            packed = _deflate(head, False) + mib * cell_mib + _deflate(tail, True)
            size, crc = len(head) + (cell_mib << 20) + len(tail), 0
            if cell_mib <= 64:  # small enough to check: a correct CRC
                crc = zlib.crc32(tail, zlib.crc32(b"A" * (cell_mib << 20), zlib.crc32(head)))
        else:
            packed, size, crc = _deflate(data, True), len(data), zlib.crc32(data)
        out.write(_entry(name, 8, crc, len(packed), size) + packed)
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(packed), size,
            len(name), 0, 0, 0, 0, 0, offset,
        ) + name.encode()  # fmt: skip
    start = out.tell()
    out.write(central)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central),
                          start, 0))  # fmt: skip
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 3 GiB in one cell, as in the report: about 3 MB on disk.
    return xlsx_bomb(tmp_path_factory.mktemp("bomb") / "leads.xlsx", 3 * 1024)


def test_the_bomb_is_small_on_disk_and_huge_inside(bomb: Path) -> None:
    assert bomb.stat().st_size < 8 * 1024 * 1024
    with zipfile.ZipFile(bomb) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > 3 * 1024**3


def test_a_zip_bomb_is_refused_quickly_in_bounded_memory(bomb: Path, db_path: Path) -> None:
    """Through the command line, in a process allowed 1 GiB of address space: expanding
    the cell would fail with MemoryError and a traceback."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "leaddesk", "import", str(bomb), "--db", str(db_path)],
        capture_output=True, text=True, timeout=60, preexec_fn=limit,
    )  # fmt: skip
    took = time.monotonic() - started
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "leads.xlsx" in lines[0] and "expands to 3.0 GiB" in lines[0]
    assert "nothing was imported" in lines[0]
    assert took < 10


def test_a_cell_longer_than_a_lead_list_needs_is_refused(tmp_path: Path) -> None:
    """Declared sizes within bounds, but one cell of 2 MiB (Excel itself stops at
    32,767 characters): found by the streamed scan, before openpyxl builds the cell."""
    path = xlsx_bomb(tmp_path / "long.xlsx", 2)
    with pytest.raises(UserError) as caught:
        open_source(path)
    message = str(caught.value)
    assert "\n" not in message
    assert "long.xlsx: a cell in xl/worksheets/sheet1.xml is longer than 1024 KB" in message


def test_an_ordinary_workbook_still_imports(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Phone", "Notes"])
    for n in range(200):
        sheet.append([f"Lead {n}", f"212555{n:04d}", "y" * 30_000])
    path = tmp_path / "fine.xlsx"
    book.save(path)
    source = open_source(path)
    assert sum(1 for _ in source.rows()) == 200


def test_a_workbook_without_a_dimension_is_read(tmp_path: Path) -> None:
    """openpyxl's write-only mode, like many exporters, writes no <dimension>: the sheet
    has no known size, and was skipped as empty."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["Name", "Phone", "Country"])
    sheet.append(["Ada Lovelace", "020 7946 0018", "United Kingdom"])
    path = tmp_path / "streamed.xlsx"
    book.save(path)
    source = open_source(path)
    assert [cells for _line, cells in source.rows()] == [
        ["Ada Lovelace", "020 7946 0018", "United Kingdom"]
    ]
