"""Two agents' demo databases made from the same seed: the same leads, history and call
list (for tests and screenshots), but none of the same row ids, so that both can sync
to one team server without the server taking one agent's lead for the other's."""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import closing
from datetime import datetime
from pathlib import Path

from leaddesk.domain.clock import fixed_clock
from leaddesk.services.calllist import CallListService
from leaddesk.services.demo import generate
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store

TABLES = ("lead", "attempt", "agent", "rapport_note", "callback", "voicemail_script")

# Each table's content, keyed by what the user sees instead of by row id.
CONTENT = {
    "lead": "SELECT external_id, first_name, last_name, company, phone_e164, arrived_at,"
    " status, next_action_at, attempt_count, do_not_call FROM lead ORDER BY external_id",
    "attempt": "SELECT l.external_id, a.started_at, a.channel, a.outcome, a.note, g.name"
    " FROM attempt a JOIN lead l ON l.id = a.lead_id JOIN agent g ON g.id = a.agent_id"
    " ORDER BY l.external_id, a.started_at",
    "rapport_note": "SELECT l.external_id, r.kind, r.text, r.pinned FROM rapport_note r"
    " JOIN lead l ON l.id = r.lead_id ORDER BY l.external_id, r.kind, r.text",
    "callback": "SELECT l.external_id, c.due_at, c.done_at FROM callback c"
    " JOIN lead l ON l.id = c.lead_id ORDER BY l.external_id, c.due_at",
}


def _make(path: Path, now: datetime, namespace: uuid.UUID | None = None, leads: int = 120) -> Path:
    store = open_store(path)
    try:
        generate(store, now, leads=leads, seed=7, namespace=namespace)
    finally:
        store.close()
    return path


def _ids(path: Path) -> dict[str, set[str]]:
    with closing(sqlite3.connect(path)) as db:
        return {t: {r[0] for r in db.execute(f"SELECT id FROM {t}")} for t in TABLES}


def _content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as db:
        return {t: db.execute(sql).fetchall() for t, sql in CONTENT.items()}


def _call_list(path: Path, now: datetime) -> list[tuple[str, str]]:
    store = open_store(path)
    try:
        ws = Workspace.open(store, None, fixed_clock(now))
        return [(e.name, e.section) for e in CallListService(ws).page(0, 500)]
    finally:
        store.close()


def test_same_seed_same_content_no_shared_id(tmp_path: Path, now: datetime) -> None:
    # The full demo: its new leads include some that arrived in the same minute.
    first = _make(tmp_path / "laptop-a.db", now, leads=300)
    second = _make(tmp_path / "laptop-b.db", now, leads=300)

    a, b = _ids(first), _ids(second)
    for table in TABLES:
        assert a[table], f"the demo has no {table} rows"
        assert not a[table] & b[table], f"{table} ids shared between two demo databases"

    content_a, content_b = _content(first), _content(second)
    names_a = [(r[1], r[2]) for r in content_a["lead"]]
    assert len(names_a) == 300
    assert names_a == [(r[1], r[2]) for r in content_b["lead"]]
    assert content_a == content_b  # numbers, history, notes and callbacks too
    # The agent sees the same list in the same order (no tie broken by a random id).
    assert _call_list(first, now) == _call_list(second, now)


def test_a_given_namespace_gives_the_same_ids(tmp_path: Path, now: datetime) -> None:
    namespace = uuid.UUID("0b6f4f0e-9c1c-4d5e-8f3a-2b7c6d9e1a20")
    one = _ids(_make(tmp_path / "one.db", now, namespace))
    assert one == _ids(_make(tmp_path / "two.db", now, namespace))
    assert not one["lead"] & _ids(_make(tmp_path / "three.db", now))["lead"]
