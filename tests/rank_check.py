"""The maintained call-list key (`call_rank`) against what its leads say now."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from leaddesk.services.calllist import CallListService
from leaddesk.store import Store
from leaddesk.store.call_rank import COLUMNS, _select


def rank_drift(store: Store) -> tuple[set[Any], set[Any]]:
    """(rows call_rank holds that the leads do not give, rows the leads give it lacks)."""
    with store.engine.connect() as conn:
        dialect = conn.dialect.name
        held = {tuple(r) for r in conn.execute(text(f"SELECT {COLUMNS} FROM call_rank"))}
        fresh = {tuple(r) for r in conn.execute(text(_select(dialect, "1 = 1")))}
    return held - fresh, fresh - held


class Computed(CallListService):
    """The call list computed the old way: every listed lead's section in one query."""

    def _walks(self, search: str | None, calls_only: bool) -> bool:
        return False


def lists_agree(service: CallListService, computed: CallListService, size: int = 1000) -> None:
    """The walked list and the computed one: the whole list, a short first page, the
    counts per section and each section's tab give the same leads in the same sections
    and order."""
    for limit in (size, 3, 1):
        walked = [(e.lead_id, e.section, e.reason) for e in service.page(0, limit)]
        assert walked == [(e.lead_id, e.section, e.reason) for e in computed.page(0, limit)]
    assert service.counts() == computed.counts()
    for key in ("callback", "new", "follow_up", "later", "blocked"):
        walked_ids = [e.lead_id for e in service.page(0, size, section=key)]
        assert walked_ids == [e.lead_id for e in computed.page(0, size, section=key)], key
