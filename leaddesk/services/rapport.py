"""Rapport notes of a lead (add, edit, pin, soft delete) and suggested openers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.domain.calling_hours import zones_of
from leaddesk.domain.clock import as_utc, iso
from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.domain.rapport import (
    NoteFact,
    OpenerContext,
    RapportError,
    check_note,
    openers,
)
from leaddesk.services.errors import NotFound, UserError
from leaddesk.services.outbox import enqueue, rapport_note_payload
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Attempt, Lead, RapportNote

REACHED = sorted(code for code, info in OUTCOMES.items() if info.reached)


@dataclass(frozen=True, slots=True)
class NoteView:
    note_id: str
    lead_id: str
    kind: str
    text: str
    pinned: bool
    created_at: datetime
    attempt_id: str | None
    updated_at: datetime | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.note_id,
            "kind": self.kind,
            "text": self.text,
            "pinned": self.pinned,
            "created_at": iso(self.created_at),
            "attempt_id": self.attempt_id,
            "updated_at": iso(self.updated_at),
        }


@dataclass(frozen=True, slots=True)
class RapportView:
    lead_id: str
    notes: list[NoteView]
    openers: list[str]

    def to_json(self) -> dict[str, object]:
        return {
            "lead_id": self.lead_id,
            "notes": [n.to_json() for n in self.notes],
            "openers": self.openers,
        }


def _view(row: RapportNote) -> NoteView:
    return NoteView(
        row.id,
        row.lead_id,
        row.kind,
        row.text,
        row.pinned,
        row.created_at,
        row.attempt_id,
        row.updated_at,
    )


class RapportService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def notes(self, lead_id: str) -> list[NoteView]:
        """The lead's notes, pinned first, then the newest first."""
        with self.ws.store.session() as session:
            _lead(session, lead_id)
            return [_view(r) for r in self._rows(session, lead_id)]

    def view(self, lead_id: str) -> RapportView:
        """Notes and suggested openers, as the agent sees them before dialing."""
        with self.ws.store.session() as session:
            lead = _lead(session, lead_id)
            rows = self._rows(session, lead_id)
            return RapportView(
                lead_id, [_view(r) for r in rows], self._openers(session, lead, rows)
            )

    def openers(self, lead_id: str) -> list[str]:
        return self.view(lead_id).openers

    def add(
        self,
        lead_id: str,
        text: str,
        kind: str = "other",
        *,
        pinned: bool = False,
        attempt_id: str | None = None,
    ) -> NoteView:
        cleaned = _checked(text, kind)
        now = as_utc(self.ws.clock())
        with self.ws.store.transaction() as session:
            lead = _lead(session, lead_id)
            if attempt_id is None:
                # The note comes from the latest attempt on the lead, when there is one.
                attempt_id = session.scalar(
                    select(Attempt.id)
                    .where(Attempt.lead_id == lead.id, Attempt.outcome.is_not(None))
                    .order_by(Attempt.started_at.desc())
                    .limit(1)
                )
            elif session.get(Attempt, attempt_id) is None:
                raise NotFound(f"no attempt with id {attempt_id!r}")
            row = RapportNote(
                lead_id=lead.id,
                agent_id=self.ws.agent.id,
                attempt_id=attempt_id,
                kind=kind,
                text=cleaned,
                pinned=pinned,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            enqueue(session, "rapport_note", row.id, rapport_note_payload(row))
            return _view(row)

    def edit(self, note_id: str, text: str | None = None, kind: str | None = None) -> NoteView:
        with self.ws.store.transaction() as session:
            row = _note(session, note_id)
            new_kind = kind if kind is not None else row.kind
            new_text = _checked(text if text is not None else row.text, new_kind)
            row.kind, row.text = new_kind, new_text
            row.updated_at = as_utc(self.ws.clock())
            session.flush()
            enqueue(session, "rapport_note", row.id, rapport_note_payload(row))
            return _view(row)

    def pin(self, note_id: str, pinned: bool = True) -> NoteView:
        with self.ws.store.transaction() as session:
            row = _note(session, note_id)
            row.pinned = pinned
            row.updated_at = as_utc(self.ws.clock())
            session.flush()
            enqueue(session, "rapport_note", row.id, rapport_note_payload(row))
            return _view(row)

    def delete(self, note_id: str) -> None:
        """Soft delete: the note disappears from the lead but stays in the database."""
        with self.ws.store.transaction() as session:
            row = _note(session, note_id)
            now = as_utc(self.ws.clock())
            row.deleted_at = now
            row.updated_at = now
            session.flush()
            enqueue(session, "rapport_note", row.id, rapport_note_payload(row))

    # -- helpers -------------------------------------------------------------------------

    def _rows(self, session: Session, lead_id: str) -> list[RapportNote]:
        return list(
            session.scalars(
                select(RapportNote)
                .where(RapportNote.lead_id == lead_id, RapportNote.deleted_at.is_(None))
                .order_by(RapportNote.pinned.desc(), RapportNote.created_at.desc(), RapportNote.id)
            )
        )

    def _openers(self, session: Session, lead: Lead, rows: list[RapportNote]) -> list[str]:
        now = as_utc(self.ws.clock())
        zones = zones_of(lead.time_zones or ())
        last = session.execute(
            select(Attempt.started_at, Attempt.note)
            .where(Attempt.lead_id == lead.id, Attempt.outcome.in_(REACHED))
            .order_by(Attempt.started_at.desc())
            .limit(1)
        ).first()
        ctx = OpenerContext(
            first_name=lead.first_name,
            agent_name=self.ws.agent.display_name,
            agent_company=self.ws.agent.company,
            local_now=now.astimezone(zones[0]) if zones else None,
            now=now,
            arrived_at=lead.arrived_at,
            last_reached_at=last[0] if last else None,
            last_reached_note=(last[1] or "") if last else "",
        )
        facts = [NoteFact(r.kind, r.text, r.pinned, r.created_at) for r in rows]
        return openers(ctx, facts)


def _checked(text: str, kind: str) -> str:
    try:
        return check_note(text, kind)
    except RapportError as exc:
        raise UserError(str(exc)) from None


def _lead(session: Session, lead_id: str) -> Lead:
    lead = session.get(Lead, lead_id)
    if lead is None or lead.deleted_at is not None:
        raise NotFound(f"no lead with id {lead_id!r}")
    return lead


def _note(session: Session, note_id: str) -> RapportNote:
    row = session.get(RapportNote, note_id)
    if row is None or row.deleted_at is not None:
        raise NotFound(f"no rapport note with id {note_id!r}")
    return row
