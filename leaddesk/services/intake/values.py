"""Cell values as lead files write them: dates, yes/no flags, emails, names."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")
_TRUE = frozenset(
    {"1", "true", "yes", "y", "x", "t", "on", "dnc", "do not call", "ja", "oui", "si"}
)
# Day and month orders are tried in the order the file uses (`date_order`); "%m/%d" forms
# are written here month first and swapped for day/month files.
_SLASH_FORMATS = (
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M%p",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%y %H:%M",
    "%m/%d/%y",
)
_OTHER_FORMATS = (
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y",
    "%d.%m.%y",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y-%m-%d %I:%M %p",
    "%d-%b-%Y",
    "%d-%b-%Y %H:%M",
    "%d %b %Y",
    "%d %b %Y %H:%M",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d, %Y %I:%M %p",
    "%B %d, %Y %I:%M %p",
)
DATE_ORDERS = ("mdy", "dmy")
_SLASHED = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})\b")
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


def _dmy_formats() -> tuple[str, ...]:
    return tuple(f.replace("%m/%d", "%d/%m") for f in _SLASH_FORMATS)


_FORMATS = {
    "mdy": _SLASH_FORMATS + _OTHER_FORMATS,
    "dmy": _dmy_formats() + _OTHER_FORMATS,
}


def date_order_of(cells: Iterable[str]) -> str | None:
    """ "dmy" or "mdy" when the file's slashed dates say (a first number over 12 is a
    day, so is a second one); None when every date fits both orders."""
    for cell in cells:
        m = _SLASHED.match(cell.strip())
        if m is None:
            continue
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12 >= second:
            return "dmy"
        if second > 12 >= first:
            return "mdy"
    return None


def system_zone() -> tzinfo:
    """The computer's local time zone: $TZ, else what /etc/localtime links to, else
    the local offset now (Windows without tzdata names)."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            target = os.path.realpath("/etc/localtime")
        except OSError:
            target = ""
        if "zoneinfo/" in target:
            name = target.split("zoneinfo/", 1)[1]
    if name:
        try:
            return ZoneInfo(name)
        except (ValueError, KeyError, OSError):
            pass
    local = datetime.now().astimezone().tzinfo
    return local if local is not None else UTC


def zone_named(name: str) -> tzinfo:
    """The IANA zone `name` ("Europe/Berlin", "UTC"); ValueError for an unknown one."""
    text = name.strip()
    if text.upper() in ("UTC", "Z", "GMT"):
        return UTC
    try:
        return ZoneInfo(text)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        raise ValueError(
            f"{name!r} is not a time zone such as Europe/Berlin or America/New_York"
        ) from None


def _strptime(value: str, order: str | None) -> datetime | None:
    text = value.replace(",", "", 1) if re.match(r"^\d{1,2}/\d{1,2}/\d{2,4},", value) else value
    text = re.sub(r"(?i)\s*([ap])\.?m\.?$", lambda m: f" {m.group(1).upper()}M", text)
    orders: list[str]
    if order is not None:
        orders = [order]
    else:
        # Unknown order: a date that can only be one of them is read that way.
        m = _SLASHED.match(text)
        orders = ["dmy", "mdy"] if m and int(m.group(1)) > 12 else ["mdy", "dmy"]
    for name in orders:
        for fmt in _FORMATS[name]:
            try:
                return datetime.strptime(text, fmt)
            except ValueError:
                continue
    return None


def parse_created(
    text: str, now: datetime, zone: tzinfo = UTC, order: str | None = None
) -> datetime | None:
    """An instant from a created-date cell. A time without an offset is in `zone` (the
    zone of the system that wrote the file), a date alone is its midnight there;
    `order` ("mdy" or "dmy") reads 3/4/2026 one way, None takes the order a date makes
    obvious (25/12) and month first otherwise.

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
            parsed = _strptime(value, order)
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    parsed = parsed.astimezone(UTC)
    if parsed < _EARLIEST:
        return None
    return min(parsed, now)


_NO_CONSENT = {"", "no", "n", "false", "0", "none", "optout", "optedout", "unsubscribed", "nein"}
_WRITTEN = ("written", "signed", "pewc", "express")
_CUSTOMER = ("customer", "client", "ebr", "existing", "relationship", "kunde")
_ASKED = ("inquiry", "enquiry", "request", "asked", "form", "optin", "optedin", "yes", "true")


def consent_basis(text: str) -> str:
    """A consent column's cell as a consent basis (none, inquiry, express_written, ebr).
    "Yes" or "opted in" is the weakest positive basis (the lead asked to be contacted);
    anything unread is none, so the strictest rules hold."""
    key = "".join(c for c in text.lower() if c.isalnum())
    if key in _NO_CONSENT:
        return "none"
    if key in ("1", "y", "ja", "oui", "si"):
        return "inquiry"
    if any(word in key for word in _WRITTEN):
        return "express_written"
    if any(word in key for word in _CUSTOMER):
        return "ebr"
    if any(word in key for word in _ASKED):
        return "inquiry"
    return "none"
