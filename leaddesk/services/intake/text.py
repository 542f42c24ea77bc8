"""Text lead files as Excel and CRMs write them: the encoding (UTF-8 with or without BOM,
UTF-16 "Unicode text", Windows-1252), the delimiter, and the rows, streamed.

Binary files are refused here with a message that says what the file looks like.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from leaddesk.services.errors import UserError

SAMPLE_BYTES = 256 * 1024
# A cell up to this size is read (and the row rejected if the cell is too long to be a
# lead field); a bigger one means the file is not a lead list, or has a stray quote.
MAX_CELL_CHARS = 16 * 1024 * 1024
DELIMITERS = (",", "\t", ";", "|")

csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))


def read_head(path: Path, size: int = SAMPLE_BYTES) -> bytes:
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a lead file")
    try:
        with path.open("rb") as fh:
            return fh.read(size)
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None


def file_kind(path: Path, head: bytes) -> str:
    """ "xlsx" or "text"; anything else is refused with a UserError."""
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise UserError(f"{path.name} is empty: there are no leads to import")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            raise UserError(f"{path.name} is a damaged ZIP or Excel file") from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise UserError(
            f"{path.name} is a ZIP archive, not a lead list; unpack it or save as CSV or XLSX"
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError(
            f"{path.name} is an old Excel .xls workbook; save it as .xlsx or CSV and import that"
        )
    return "text"


def _utf16_without_bom(head: bytes) -> str | None:
    sample = head[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _is_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as fh:
        try:
            while chunk := fh.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def detect_encoding(path: Path, head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf16 = _utf16_without_bom(head)
    if utf16 is not None:
        return utf16
    if b"\x00" in head:
        raise UserError(
            f"{path.name} looks like a binary file, not a lead list (CSV, tab-separated text or XLSX)"
        )
    return "utf-8" if _is_utf8(path) else "cp1252"


def _errors(encoding: str) -> str:
    # Windows-1252 leaves five bytes undefined; Excel never writes them in text.
    return "replace" if encoding == "cp1252" else "strict"


def decode_sample(path: Path, head: bytes, encoding: str) -> str:
    """The first lines of the file as text, cut at the last whole line."""
    decoder = codecs.getincrementaldecoder(encoding)(_errors(encoding))
    try:
        text = decoder.decode(head, final=len(head) < SAMPLE_BYTES)
    except UnicodeDecodeError:
        raise UserError(f"{path.name} is not readable as {encoding} text") from None
    if len(head) >= SAMPLE_BYTES and "\n" in text:
        text = text[: text.rindex("\n") + 1]
    controls = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\r\n\f") or ch == "\x7f")
    if "\x00" in text or controls > max(2, len(text) // 200):
        raise UserError(
            f"{path.name} looks like a binary file, not a lead list (CSV, tab-separated text or XLSX)"
        )
    if not text.strip():
        raise UserError(f"{path.name} is empty: there are no leads to import")
    return text


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the first lines into the most, most regular, columns."""
    lines = sample.splitlines(keepends=True)[:60]
    best = (",", 0.0, 1)
    for delim in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=delim) if r]
        except csv.Error:
            continue
        if not counts:
            continue
        mode, hits = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        regular = hits / len(counts)
        if (regular >= 0.6) and (mode > best[2] or (mode == best[2] and regular > best[1])):
            best = (delim, regular, mode)
    return best[0]


def sample_rows(sample: str, delimiter: str, limit: int) -> list[list[str]]:
    rows: list[list[str]] = []
    try:
        for cells in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
            if any(c.strip() for c in cells):
                rows.append(cells)
            if len(rows) >= limit:
                break
    except csv.Error:
        pass
    return rows


class _CountingReader(io.RawIOBase):
    """A binary file that counts the bytes read from it (for the progress bar)."""

    def __init__(self, raw: io.BufferedReader) -> None:
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        n = self._raw.readinto(buffer)
        self.count += n or 0
        return n or 0

    def close(self) -> None:
        self._raw.close()
        super().close()


class TextRows:
    """The rows of a text file, streamed: `(first line number, cells)`; blank lines are
    skipped. `bytes_read` tells how far the reading got."""

    def __init__(self, path: Path, encoding: str, delimiter: str) -> None:
        self.path = path
        self.encoding = encoding
        self.delimiter = delimiter
        self._counter: _CountingReader | None = None

    @property
    def bytes_read(self) -> int:
        return self._counter.count if self._counter else 0

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        counter = _CountingReader(open(self.path, "rb"))  # noqa: SIM115 (closed below)
        self._counter = counter
        text = io.TextIOWrapper(
            io.BufferedReader(counter, 1 << 16),
            encoding=self.encoding,
            errors=_errors(self.encoding),
            newline="",
        )
        reader = csv.reader(text, delimiter=self.delimiter)
        line = 0
        try:
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    raise UserError(_csv_error(self.path, reader.line_num, exc)) from None
                except UnicodeDecodeError:
                    raise UserError(
                        f"{self.path.name}, near line {reader.line_num + 1}: "
                        f"the text is not valid {self.encoding}; nothing was imported"
                    ) from None
                start, line = line + 1, reader.line_num
                # A blank row: no cells, or only blank ones (the first cell usually says).
                if cells and (cells[0].strip() or any(c.strip() for c in cells)):
                    yield start, cells
        finally:
            text.close()


def _csv_error(path: Path, line: int, exc: csv.Error) -> str:
    what = str(exc)
    if "field larger than field limit" in what:
        what = (
            f"a cell is longer than {MAX_CELL_CHARS // (1024 * 1024)} MB "
            "(a stray quote mark, or not a lead list)"
        )
    elif "NUL" in what:
        what = "the file contains binary data (NUL bytes)"
    return f"{path.name}, line {line}: {what}; nothing was imported"
