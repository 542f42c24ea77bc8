"""Times as the agent reads them: "14:05", "in 2 h", "3 d ago", "4:12" (a live age).

The words and units are translated (context "Time"); the day and month names come
from `strftime`, see packaging/i18n.py."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication


def clock_text(value: Any) -> str:
    """A lead's local time: a datetime as "Thu 14:05", text as it is."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%a %H:%M")
    return str(value)


def duration_text(seconds: float) -> str:
    """A compact duration: 45 s, 12 min, 3 h 05, 2 d 4 h."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return QCoreApplication.translate("Time", "{n} s").format(n=seconds)
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("Time", "{n} min").format(n=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return QCoreApplication.translate("Time", "{h} h {m:02d}").format(h=hours, m=minutes)
    days, hours = divmod(hours, 24)
    if hours:
        return QCoreApplication.translate("Time", "{d} d {h} h").format(d=days, h=hours)
    return QCoreApplication.translate("Time", "{d} d").format(d=days)


def timer_text(seconds: float) -> str:
    """A live timer: 4:07, 1:02:33, 3 d 4 h."""
    seconds = max(0, int(seconds))
    if seconds >= 86_400:
        return duration_text(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def relative_text(when: datetime, now: datetime) -> str:
    """`when` against `now`: "now", "in 2 h", "5 min ago", "tomorrow 09:00", "Mon 27 Nov"."""
    delta = (when - now).total_seconds()
    if abs(delta) < 60:
        return QCoreApplication.translate("Time", "now")
    if delta < 0:
        return QCoreApplication.translate("Time", "{span} ago").format(span=duration_text(-delta))
    if delta < 12 * 3600:
        return QCoreApplication.translate("Time", "in {span}").format(span=duration_text(delta))
    local_when = when.astimezone()
    local_now = now.astimezone()
    if local_when.date() == local_now.date() + timedelta(days=1):
        return QCoreApplication.translate("Time", "tomorrow {time}").format(
            time=f"{local_when:%H:%M}"
        )
    if delta < 6 * 86_400:
        return f"{local_when:%a %H:%M}"
    return f"{local_when:%a %d %b}"


def when_text(when: datetime | None) -> str:
    """An absolute time in the agent's zone: "Thu 26 Nov 14:05"."""
    if when is None:
        return ""
    return when.astimezone().strftime("%a %d %b %H:%M")
