"""Cell values as lead files write them: dates, yes/no flags, emails, names."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")
_TRUE = frozenset(
    {"1", "true", "yes", "y", "x", "t", "on", "dnc", "do not call", "ja", "oui", "si"}
)
_DATE_FORMATS = (
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y",
    "%m/%d/%y %H:%M",
    "%m/%d/%y",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%d-%b-%Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%B %d, %Y",
)
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)


def parse_bool(text: str) -> bool:
    return text.strip().lower() in _TRUE


def clean_email(text: str) -> str | None:
    """The address in lower case, None for anything that is not one ("n/a", "-")."""
    value = text.strip().strip("<>").lower()
    if value.startswith("mailto:"):
        value = value[7:]
    return value if len(value) <= 254 and _EMAIL.match(value) else None


def split_name(full: str) -> tuple[str, str]:
    """("Ada", "Lovelace") from "Ada Lovelace" or "Lovelace, Ada"."""
    text = " ".join(full.split())
    if not text:
        return "", ""
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    first, _, last = text.rpartition(" ")
    return (first, last) if first else (last, "")


def _swap_day_month(text: str) -> str | None:
    # 25/12/2026 cannot be month/day: read it as day/month.
    m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{2,4})(.*)$", text)
    if m and int(m.group(1)) > 12 >= int(m.group(2)):
        return f"{m.group(2)}/{m.group(1)}/{m.group(3)}{m.group(4)}"
    return None


def parse_created(text: str, now: datetime) -> datetime | None:
    """An instant from a created-date cell; a time without an offset is read as UTC.

    None for an empty or unreadable cell, or one before 1990. A date in the future is
    taken as now: a lead cannot arrive after it was imported.
    """
    value = text.strip()
    if not value:
        return None
    parsed: datetime | None = None
    if value.isdigit() and len(value) in (10, 13):  # Unix time, in s or ms (HubSpot API)
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        parsed = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)
    else:
        iso = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
        try:
            parsed = datetime.fromisoformat(iso)
        except ValueError:
            candidates = [value]
            swapped = _swap_day_month(value)
            if swapped:
                candidates.insert(0, swapped)
            for candidate in candidates:
                for fmt in _DATE_FORMATS:
                    try:
                        parsed = datetime.strptime(candidate, fmt)
                        break
                    except ValueError:
                        continue
                if parsed is not None:
                    break
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    parsed = parsed.astimezone(UTC)
    if parsed < _EARLIEST:
        return None
    return min(parsed, now)
