"""Writing a batch of new leads, and the outbox row that queues each one for sync, in
two DBAPI `executemany` calls.

Most columns of an imported lead hold the same value on every row (its owner, status,
counters, the import time): those are processed once per import, and the
INSERT lists them after the columns a row fills in itself. The row's own values go
through each column type's bind processor (so the stored text is exactly what the ORM
would write), memoized for the instants, flags and zone lists many rows share.

The outbox rows and their payloads come from the outbox's owner
(`leaddesk.services.outbox.ImportOutbox`); this module only hands it the rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from leaddesk.services.outbox import LEAD_COLUMNS, OUTBOX_TABLE, ImportOutbox
from leaddesk.store.models import DncNumber, Lead, UTCDateTime

LEAD_TABLE = cast(Table, Lead.__table__)
DNC_TABLE = cast(Table, DncNumber.__table__)
_MARKS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


# What a lead starts with when its file gives no owner, status or called count.
FRESH_STATE: dict[str, Any] = {
    "phone_bad": False,
    "status": "new",
    "next_channel": "phone",
    "cadence_step": 0,
    "attempt_count": 0,
    "call_count": 0,
}


def new_lead_constants(now: datetime, owner_id: str | None = None) -> dict[str, Any]:
    """The fields every lead an import creates starts with, whatever its row says.
    (`_merge` never changes them on a lead not yet written: it only fills in what a
    file may give.) A row holds the others (`NewLeadWriter.fields`), the source and the
    edited fields among them since matching reads those. With `owner_id`, the file
    gives no owner, status or called count: those are constants too (`FRESH_STATE`),
    and a row leaves them out; else each row says them."""
    fresh = {"owner_id": owner_id, **FRESH_STATE} if owner_id is not None else {}
    return {
        **fresh,
        "cadence_id": None,
        "first_attempt_at": None,
        "last_attempt_at": None,
        "last_outcome": None,
        "created_at": now,
        "updated_at": now,
        "version": 1,
        "deleted_at": None,
    }


class OpIds:
    """Operation ids for one import's outbox rows: a random UUID whose last twelve hex
    digits count up. As unique as random ids (74 random bits per import, a counter
    within it; `op_id` only has to be unique), and in order, so the outbox's unique
    index on `op_id` takes each batch at one place instead of at random pages."""

    def __init__(self) -> None:
        self._prefix = str(uuid.uuid4())[:24]
        self._next = 0

    def take(self, count: int) -> list[str]:
        start = self._next
        self._next += count
        prefix = self._prefix
        return [f"{prefix}{n:012x}" for n in range(start, start + count)]


class NewLeadWriter:
    """INSERTs new lead rows (dicts of exactly `fields`, in that order) and their
    outbox rows, for one import."""

    def __init__(
        self, conn: Connection, source: str, now: datetime, owner_id: str | None = None
    ) -> None:
        """`owner_id`: every lead's owner, when no row gives its owner or state."""
        self.conn = conn
        dialect = conn.dialect
        # The list cannot change during the import (one transaction, which adds none).
        self.dnc_listed = conn.execute(select(DNC_TABLE.c.phone_e164).limit(1)).first() is not None
        self.mark = _MARKS.get(dialect.paramstyle)
        self.now = now
        self.source = source
        self.constants = new_lead_constants(now, owner_id)
        self.fresh = owner_id is not None
        self.fields = tuple(k for k in LEAD_COLUMNS if k not in self.constants)
        self._id_at = self.fields.index("id")

        def processor(table: Table, key: str) -> Callable[[Any], Any] | None:
            proc: Callable[[Any], Any] | None = (
                table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
            )
            return proc

        def stored(table: Table, key: str, value: Any) -> Any:
            proc = processor(table, key)
            return value if value is None or proc is None else proc(value)

        self._constant_params = tuple(stored(LEAD_TABLE, k, v) for k, v in self.constants.items())
        self._processed: list[tuple[int, Callable[[Any], Any], dict[Any, Any]]] = []
        self._instants: list[tuple[int, str]] = []
        for index, key in enumerate(self.fields):
            proc = processor(LEAD_TABLE, key)
            if proc is not None:
                self._processed.append((index, proc, {}))
            if isinstance(LEAD_TABLE.c[key].type, UTCDateTime):
                self._instants.append((index, key))
        self.op_ids = OpIds()
        self.outbox = ImportOutbox(
            self.constants,
            [key for _index, key in self._instants],
            now,
            stored(OUTBOX_TABLE, "created_at", now),
        )
        if self.mark is not None:
            quote = dialect.identifier_preparer.quote
            names = (*self.fields, *self.constants)
            self._lead_sql = (
                f"INSERT INTO {quote(LEAD_TABLE.name)} ({', '.join(quote(n) for n in names)}) "
                f"VALUES ({', '.join(self.mark for _ in names)})"
            )
            self._outbox_sql = self.outbox.insert_sql(quote, self.mark)

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        op_ids = self.op_ids.take(len(rows))
        if self.mark is None:  # a DBAPI with named parameters: through SQLAlchemy
            self._write_generic(rows, op_ids)
            return
        processed, constant = self._processed, self._constant_params
        id_at, fields, outbox_row = self._id_at, self.fields, self.outbox.row
        leads: list[tuple[Any, ...]] = []
        outbox: list[tuple[Any, ...]] = []
        if tuple(rows[0]) != fields:  # the rows are built alike (`ImportService._new_row`)
            raise ValueError(f"a new lead row has {list(rows[0])}, not {list(fields)}")
        for row, op_id in zip(rows, op_ids, strict=True):
            values = list(row.values())
            for index, proc, memo in processed:
                value = values[index]
                if value is not None:
                    if value.__class__ is dict:  # the file's own columns: each row's
                        values[index] = proc(value) if value else "{}"
                        continue
                    # Instants, flags and zone lists repeat from row to row.
                    key = tuple(value) if value.__class__ is list else value
                    done = memo.get(key)
                    if done is None:
                        done = memo[key] = proc(value)
                    values[index] = done
            leads.append((*values, *constant))
            outbox.append(outbox_row(op_id, values[id_at], row))
        self.conn.exec_driver_sql(self._lead_sql, leads)
        self.conn.exec_driver_sql(self._outbox_sql, outbox)

    def _write_generic(self, rows: Sequence[dict[str, Any]], op_ids: Sequence[str]) -> None:
        leads = [{**self.constants, **r} for r in rows]
        self.conn.execute(LEAD_TABLE.insert(), leads)
        self.outbox.write_generic(self.conn, rows, [lead["id"] for lead in leads], op_ids)
