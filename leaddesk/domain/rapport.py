"""Rapport: what earlier conversations taught, and openers built from it.

An opener greets the lead by their local time of day, refers to the last conversation
and how long ago it was, and brings up a pinned fact, so that every contact counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

KINDS = ("family", "interests", "work", "timing", "pain", "other")
MAX_NOTE_CHARS = 2_000


class RapportError(ValueError):
    """A rapport note that cannot be saved."""


def check_note(text: str, kind: str) -> str:
    """The cleaned text of a valid note."""
    if kind not in KINDS:
        raise RapportError(f"unknown kind {kind!r}; expected one of: {', '.join(KINDS)}")
    cleaned = " ".join(text.split())
    if not cleaned:
        raise RapportError("a rapport note needs some text")
    if len(cleaned) > MAX_NOTE_CHARS:
        raise RapportError(
            f"the note is {len(cleaned)} characters long; the limit is {MAX_NOTE_CHARS}"
        )
    return cleaned


@dataclass(frozen=True, slots=True)
class NoteFact:
    kind: str
    text: str
    pinned: bool
    created_at: datetime


def ordered(notes: Sequence[NoteFact]) -> list[NoteFact]:
    """Pinned notes first, then the newest first."""
    return sorted(notes, key=lambda n: (not n.pinned, -n.created_at.timestamp()))


def greeting(local: datetime | None) -> str:
    if local is None:
        return "Hi"
    if 4 <= local.hour < 12:
        return "Good morning"
    if 12 <= local.hour < 18:
        return "Good afternoon"
    return "Good evening"


def ago(delta: timedelta) -> str:
    """'earlier today', 'yesterday', '3 days ago', '2 weeks ago', '3 months ago'."""
    days = delta.days
    if days <= 0:
        return "earlier today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    return f"{days // 30} months ago"


_TOPIC = {
    "family": "How is the family? Last time you told me: {text}.",
    "interests": "I remembered you mentioned: {text}. How is that going?",
    "work": "Last time you said: {text}. How is that coming along?",
    "timing": "You told me: {text}, so I wanted to catch you at a good moment.",
    "pain": "You mentioned: {text}. I have an idea that might help with that.",
    "other": "I made a note last time: {text}.",
}


@dataclass(frozen=True, slots=True)
class OpenerContext:
    first_name: str
    agent_name: str
    agent_company: str
    local_now: datetime | None  # the lead's local time now, None when unknown
    now: datetime
    arrived_at: datetime
    last_reached_at: datetime | None  # the last conversation (a person reached)
    last_reached_note: str = ""


def openers(ctx: OpenerContext, notes: Sequence[NoteFact], limit: int = 3) -> list[str]:
    """Up to `limit` suggested first sentences, best first."""
    name = ctx.first_name.strip()
    hello = f"{greeting(ctx.local_now)} {name}".strip()
    me = f"this is {ctx.agent_name}" + (f" with {ctx.agent_company}" if ctx.agent_company else "")
    out: list[str] = []
    pinned = [n for n in ordered(notes) if n.pinned]
    if ctx.last_reached_at is not None:
        when = ago(ctx.now - ctx.last_reached_at)
        line = f"{hello}, {me}. We spoke {when}"
        said = ctx.last_reached_note.strip().rstrip(".")
        line += f" about {_lower_first(said)}." if said else "."
        out.append(line)
    else:
        waited = ago(ctx.now - ctx.arrived_at)
        request = "just now" if waited == "earlier today" else waited
        out.append(f"{hello}, {me}. You reached out to us {request}, and I'm calling to help.")
    for note in pinned + [n for n in ordered(notes) if not n.pinned]:
        if len(out) >= limit:
            break
        text = note.text.strip().rstrip(".")
        line = f"{hello}, {me}. " + _TOPIC.get(note.kind, _TOPIC["other"]).format(
            text=_lower_first(text)
        )
        if line not in out:
            out.append(line)
    return out[:limit]


def _lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word looks like a name or acronym."""
    if not text:
        return text
    first = text.split()[0]
    if first.isupper() and len(first) > 1:
        return text
    return text[0].lower() + text[1:] if first not in ("I",) else text
