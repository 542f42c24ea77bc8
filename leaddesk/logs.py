"""How LeadDesk writes its logs: files only their owner can read (0600, in a 0700 folder),
and phone numbers masked, since a log is what gets attached to a bug report.

A number keeps its last two digits ("+…42"), enough to tell two calls apart in a log.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO, Any

# International numbers, numbers in tel:/sip: links, and long runs of digits (a national
# number without separators). Dates, times, ports and process ids are left alone.
_NUMBER = re.compile(
    r"(?P<lead>(?:tel|sip|sips):)?(?P<plus>\+)?(?P<body>(?<![\w])\d(?:[ ().-]{0,2}\d){5,18})(?![\w])"
)


def _mask(match: re.Match[str]) -> str:
    body = match["body"]
    digits = re.sub(r"\D", "", body)
    lead, plus = match["lead"] or "", match["plus"] or ""
    if not (lead or plus) and not (body.isdigit() and len(digits) >= 9):
        return match.group(0)  # a date, a version, an address: not a phone number
    return f"{lead}{plus}…{digits[-2:]}"


def mask_numbers(text: str) -> str:
    """`text` with every phone number replaced by its last two digits."""
    return _NUMBER.sub(_mask, text)


class MaskingFormatter(logging.Formatter):
    """Formats as usual, then masks phone numbers in the message and any traceback."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_numbers(super().format(record))


def private_folder(path: Path) -> Path:
    """Create `path` (and its parents) if needed; the folder itself is owner-only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    return path


def open_private(path: Path, mode: str = "a", encoding: str = "utf-8") -> IO[Any]:
    """Open a file for appending (or writing) that only its owner can read, whatever
    the umask; an existing file is made owner-only too."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)
    return os.fdopen(fd, mode, encoding=encoding)


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files (the current one and each new one after a rotation)
    are owner-only."""

    def _open(self) -> IO[Any]:  # type: ignore[override]
        return open_private(Path(self.baseFilename), self.mode, self.encoding or "utf-8")
