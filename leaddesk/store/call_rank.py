"""The call list's maintained priority key, kept by the database itself.

`call_rank` holds one row per listed lead (not deleted, status not closed): the facts of
its call-list place that do not depend on the time or on the calling rules, folded into a
group, and copies of the few columns the list sorts and filters on:

- `grp`: 4 blocked whatever the time (do-not-call flag, number on the do-not-call list,
  bad or missing number), else 0 a callback, 1 a new lead never attempted, 2 any other.
- `voice`: 1 when the next touch needs calling hours (phone, SMS), else 0.
- `next_at`, `arrived_at`, `attempts`, `last_at`: the lead's next_action_at, arrived_at,
  attempt_count and last_attempt_at.
- `place`: the lead's place key (zones, jurisdictions and consent as stored text, joined
  by '|': what its calling rules depend on; an agent's leads have a few hundred).

Triggers on `lead` and `dnc_number` (SQLite and PostgreSQL alike) keep it in the
transaction of every write, so every path (the importer, logging an outcome and its
undo, a lead edit, a sync pull, the do-not-call list, the server's own writes) keeps it
right without knowing of it. The call list (leaddesk.services.calllist) then evaluates
only the places for "now" and walks the (owner, grp, voice, next_at, lead) index a section
at a time, stopping after the page.

A later migration that rebuilds `lead` or `dnc_number` on SQLite (batch mode copying it)
drops their triggers: it must call `create_triggers` again (tests check they exist).
"""

from __future__ import annotations

from typing import Any

from leaddesk.domain.calllist import LISTED_EXCLUDED, VOICE_CHANNELS
from leaddesk.store import triggers

COLUMNS = "lead_id, owner_id, grp, voice, next_at, arrived_at, attempts, place, last_at"
# Lead columns whose change can move a lead in the call list.
WATCHED = (
    "id",
    "owner_id",
    "status",
    "attempt_count",
    "do_not_call",
    "phone_bad",
    "phone_e164",
    "next_action_at",
    "next_channel",
    "arrived_at",
    "time_zones",
    "jurisdictions",
    "consent_basis",
    "last_attempt_at",
    "deleted_at",
)
GRP_CALLBACK, GRP_NEW, GRP_OTHER, GRP_BLOCKED = 0, 1, 2, 4
# Between a place key's parts (zones, jurisdictions, consent basis).
KEY_SEPARATOR = "|"


def _list(values: frozenset[str]) -> str:
    return ", ".join(f"'{v}'" for v in sorted(values))


def place_sql(dialect: str, alias: str = "l") -> str:
    """SQL: a lead's place key, as `CallListService` reads it (the JSON columns' stored text)."""

    def text(column: str) -> str:
        return f"{alias}.{column}" if dialect == "sqlite" else f"CAST({alias}.{column} AS TEXT)"

    sep = f"'{KEY_SEPARATOR}'"
    return f"{text('time_zones')} || {sep} || {text('jurisdictions')} || {sep} || {alias}.consent_basis"


def _select(dialect: str, where: str) -> str:
    """SQL: the call_rank rows of the listed leads `l` matching `where`."""
    return (
        f"SELECT l.id, l.owner_id, CASE "
        "WHEN l.do_not_call OR l.phone_bad OR l.phone_e164 IS NULL OR EXISTS "
        "(SELECT 1 FROM dnc_number d WHERE d.phone_e164 = l.phone_e164) "
        f"THEN {GRP_BLOCKED} "
        f"WHEN l.status = 'callback' THEN {GRP_CALLBACK} "
        f"WHEN l.status = 'new' AND l.attempt_count = 0 THEN {GRP_NEW} "
        f"ELSE {GRP_OTHER} END, "
        f"CASE WHEN COALESCE(l.next_channel, 'phone') IN ({_list(VOICE_CHANNELS)}) "
        "THEN 1 ELSE 0 END, "
        f"l.next_action_at, l.arrived_at, l.attempt_count, {place_sql(dialect)}, "
        "l.last_attempt_at FROM lead l "
        f"WHERE ({where}) AND l.deleted_at IS NULL AND l.status NOT IN ({_list(LISTED_EXCLUDED)})"
    )


def _recompute(dialect: str, where: str, old: str) -> list[str]:
    """Statements that recompute the rows of the leads matching `where` (over `l`);
    `old` (over call_rank's lead_id) names the rows to drop first."""
    return [
        f"DELETE FROM call_rank WHERE {old}",
        f"INSERT INTO call_rank ({COLUMNS}) {_select(dialect, where)}",
    ]


def _by_phone(dialect: str, row: str) -> list[str]:
    return _recompute(
        dialect,
        f"l.phone_e164 = {row}.phone_e164",
        f"lead_id IN (SELECT p.id FROM lead p WHERE p.phone_e164 = {row}.phone_e164)",
    )


def trigger_bodies(dialect: str) -> dict[tuple[str, str], list[str]]:
    """(table, event) -> the statements run for each row."""
    return {
        ("lead", "INSERT"): _recompute(dialect, "l.id = NEW.id", "lead_id = NEW.id"),
        ("lead", "UPDATE"): [
            "DELETE FROM call_rank WHERE lead_id = OLD.id",
            *_recompute(dialect, "l.id = NEW.id", "lead_id = NEW.id"),
        ],
        ("lead", "DELETE"): ["DELETE FROM call_rank WHERE lead_id = OLD.id"],
        ("dnc_number", "INSERT"): _by_phone(dialect, "NEW"),
        ("dnc_number", "UPDATE"): [*_by_phone(dialect, "OLD"), *_by_phone(dialect, "NEW")],
        ("dnc_number", "DELETE"): _by_phone(dialect, "OLD"),
    }


def _name(table: str, event: str) -> str:
    return f"call_rank_{table}_{event.lower()}"


def _triggers(dialect: str) -> list[triggers.Trigger]:
    return [
        (
            _name(table, event),
            table,
            event,
            WATCHED if (table, event) == ("lead", "UPDATE") else (),
            None,
            body,
        )
        for (table, event), body in trigger_bodies(dialect).items()
    ]


TRIGGERS = tuple(name for name, *_rest in _triggers("sqlite"))


def create_triggers(execute: Any, dialect: str) -> None:
    """Create the triggers (`execute` runs one SQL string)."""
    triggers.create(execute, dialect, _triggers(dialect))


def drop_triggers(execute: Any, dialect: str) -> None:
    triggers.drop(execute, dialect, _triggers(dialect))


def rebuild(execute: Any, dialect: str) -> None:
    """Fill call_rank from the leads (the migration's backfill; also a repair)."""
    execute("DELETE FROM call_rank")
    execute(f"INSERT INTO call_rank ({COLUMNS}) {_select(dialect, '1 = 1')}")
