"""Rapport: what earlier conversations taught, and openers built from it.

An opener greets the lead by their local time of day, refers to the last conversation
and how long ago it was, and brings up a pinned fact, so that every contact counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise

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


# Where a note goes in an opener. The note is always followed by the end of its sentence
# (see `_end`), so whatever punctuation the note brings, none is doubled.
_TOPIC = {
    "family": "How is the family? Last time you told me: {text}",
    "interests": "I remember you mentioned: {text}",
    "work": "Last time you said: {text}",
    "timing": "I wanted to catch you at a good moment. You told me: {text}",
    "pain": "You mentioned: {text}",
    "other": "I made a note last time: {text}",
}
# What follows the note's sentence, if anything.
_AFTER = {
    "interests": " How is that going?",
    "work": " How is that coming along?",
    "pain": " I have an idea that might help with that.",
}

# A note is quoted up to this many characters, cut at a word: an opener is one breath.
MAX_QUOTE_CHARS = 80
ELLIPSIS = "\u2026"
_BULLETS = ("- ", "* ", "\u2022 ", "\u2013 ", "\u2014 ")
_TRAILING = ".,;:!-\u2013\u2014\u2026 "
_QUOTES = {'"': '"', "\u201c": "\u201d", "\u2018": "\u2019", "'": "'"}
_CLOSING_QUOTES = "\"\u201d\u2019'"


def spoken(note: str, keep: tuple[str, ...] = ()) -> str:
    """A note as a fragment an agent can say after a colon: one line, bullets and quotes
    around the whole note gone, no closing punctuation (a final question mark stays, an
    ellipsis marks a cut), at most `MAX_QUOTE_CHARS` characters. The first letter is
    lowered so the fragment reads on from the colon, except for names (`keep`),
    acronyms, "I" and words with inner capitals. "" when the note says nothing.

    Agents write notes for themselves (fragments, full sentences, several lines, a
    paragraph); openers are said to the lead, so the note is trimmed to what sounds
    like speech instead of being quoted verbatim."""
    parts = []
    for raw in note.splitlines():
        line = " ".join(raw.split())
        while line.startswith(_BULLETS):
            line = line[2:].lstrip()
        line = _unquote(line)
        line = _trim_end(line)
        if any(ch.isalnum() for ch in line):
            parts.append(line)
    if not parts:
        return ""
    # Lines written as items join as a list; a line that ended a sentence keeps its stop.
    text = _lower_first(parts[0], keep)
    for previous, line in pairwise(parts):
        text += " " + line if previous.endswith("?") else "; " + _lower_first(line, keep)
    text = _unquote(text)
    if len(text) > MAX_QUOTE_CHARS:
        cut = text[: MAX_QUOTE_CHARS + 1]
        space = cut.rfind(" ")
        cut = cut[:space] if space > MAX_QUOTE_CHARS // 2 else cut[:MAX_QUOTE_CHARS]
        cut = cut.rstrip(_TRAILING + "?")
        # A quotation cut in its middle loses its opening mark rather than stay open.
        if cut.count('"') % 2:
            head, _, tail = cut.rpartition('"')
            cut = head + tail
        if cut.count("\u201c") > cut.count("\u201d"):
            head, _, tail = cut.rpartition("\u201c")
            cut = head + tail
        text = cut + ELLIPSIS
    return text


def _unquote(text: str) -> str:
    """The text without quotation marks around all of it."""
    if len(text) >= 2 and _QUOTES.get(text[0]) == text[-1]:
        inner = text[1:-1].strip()
        if text[0] not in inner and text[-1] not in inner:
            return inner
    return text


def _trim_end(text: str) -> str:
    """Without the closing stop (also one inside a closing quotation mark); one final
    question mark stays, since a question read out as a statement changes its sense."""
    while True:
        before = text
        text = text.rstrip(_TRAILING)
        while text.endswith("??"):
            text = text[:-1]
        if len(text) >= 2 and text[-1] in _CLOSING_QUOTES and text[-2] in _TRAILING:
            text = text[:-2].rstrip(_TRAILING) + text[-1]
        if text == before:
            return text


def _end(fragment: str) -> str:
    """The stop after a spoken note: none after a question or a cut."""
    return fragment if fragment.endswith(("?", ELLIPSIS)) else fragment + "."


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
    keep = tuple(w for w in name.split() if w)
    hello = f"{greeting(ctx.local_now)} {name}".strip()
    agent = ctx.agent_name.strip()
    company = ctx.agent_company.strip()
    me = f"this is {agent}" + (f" with {company}" if company else "") if agent else ""
    # A company written "Acme Inc." ends the sentence with its own stop.
    intro = (f"{hello}, {me}" if me else hello).rstrip(".") + "."
    out: list[str] = []
    pinned = [n for n in ordered(notes) if n.pinned]
    if ctx.last_reached_at is not None:
        when = ago(ctx.now - ctx.last_reached_at)
        line = f"{intro} Following up on our conversation {when}."
        said = spoken(ctx.last_reached_note, keep)
        if said:
            line += f" My notes say: {_end(said)}"
        out.append(line)
    else:
        waited = ago(ctx.now - ctx.arrived_at)
        request = "just now" if waited == "earlier today" else waited
        out.append(f"{intro} You reached out to us {request}, and I'm calling to help.")
    for note in pinned + [n for n in ordered(notes) if not n.pinned]:
        if len(out) >= limit:
            break
        text = spoken(note.text, keep)
        if not text:
            continue
        kind = note.kind if note.kind in _TOPIC else "other"
        line = f"{intro} " + _end(_TOPIC[kind].format(text=text)) + _AFTER.get(kind, "")
        if line not in out:
            out.append(line)
    return out[:limit]


def _lower_first(text: str, keep: tuple[str, ...] = ()) -> str:
    """Lower-case the first letter so the note reads on after a colon, unless the first
    word looks like a name (the lead's, or one with inner capitals), an acronym or "I"."""
    if not text:
        return text
    first = text.split()[0]
    word = first.strip(".,;:!?\"'()\u201c\u201d\u2018\u2019")
    if (
        word == "I"
        or word.startswith("I'")
        or word in keep
        or (len(word) > 1 and word.isupper())
        or any(ch.isupper() for ch in word[1:])
    ):
        return text
    at = next((i for i, ch in enumerate(text) if ch.isalpha()), None)
    return text if at is None else text[:at] + text[at].lower() + text[at + 1 :]
