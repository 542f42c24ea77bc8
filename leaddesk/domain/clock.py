"""Time as a parameter: the clock every rule and service is given."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real time, timezone-aware in UTC."""
    return datetime.now(UTC)


def fixed_clock(at: datetime) -> Clock:
    """A clock stopped at `at` (for `--now` and tests)."""
    fixed = as_utc(at)
    return lambda: fixed


def as_utc(value: datetime) -> datetime:
    """An aware UTC datetime; a naive value is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_instant(text: str) -> datetime:
    """Parse an ISO 8601 instant as the CLI accepts it (a trailing Z is allowed).

    A value without an offset is read as UTC. Raises ValueError with the text at fault.
    """
    cleaned = text.strip()
    if cleaned.endswith(("Z", "z")):
        cleaned = cleaned[:-1] + "+00:00"
    try:
        value = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(
            f"{text!r} is not an ISO 8601 time (expected e.g. 2026-11-26T14:30:00Z)"
        ) from None
    return as_utc(value)


def iso(value: datetime | None) -> str | None:
    """The ISO 8601 text of an instant in UTC with a Z suffix, as the JSON output uses."""
    if value is None:
        return None
    return as_utc(value).isoformat().replace("+00:00", "Z")
