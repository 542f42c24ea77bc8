"""The outbox: every change meant for the team server is queued in the same transaction
as the change itself, so a crash can never leave one without the other."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from leaddesk.store.models import Outbox


def enqueue(
    session: Session,
    kind: str,
    entity_id: str,
    payload: dict[str, Any],
    base_version: int | None = None,
) -> None:
    """Queue one operation (`kind` such as "attempt", "lead", "rapport_note")."""
    session.add(Outbox(kind=kind, entity_id=entity_id, payload=payload, base_version=base_version))
