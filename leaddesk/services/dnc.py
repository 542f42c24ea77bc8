"""The do-not-call list, by E.164 number.

Putting a number on the list flags every lead with that number as do-not-call in the
same transaction (and queues the change for sync): such a lead is never callable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.domain.clock import as_utc, iso
from leaddesk.domain.phone import normalize_region, parse_many, parse_phone
from leaddesk.services.errors import UserError
from leaddesk.services.intake.fields import PHONE_FIELDS, field_for_header
from leaddesk.services.intake.source import open_source
from leaddesk.services.outbox import enqueue, lead_payload
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import DncAudit, DncNumber, Lead

_BATCH = 2000


@dataclass(frozen=True, slots=True)
class DncResult:
    numbers: int  # numbers read
    added: int  # newly on the list
    already_listed: int
    invalid: int  # lines that are not a valid number
    leads_flagged: int  # leads newly flagged do-not-call
    phone_e164: str | None = None  # for `dnc add`: the number as stored

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "numbers": self.numbers,
            "added": self.added,
            "already_listed": self.already_listed,
            "invalid": self.invalid,
            "leads_flagged": self.leads_flagged,
        }
        if self.phone_e164 is not None:
            doc["phone_e164"] = self.phone_e164
        return doc


@dataclass(frozen=True, slots=True)
class DncRemoved:
    phone_e164: str
    leads_unflagged: int
    reason: str
    agent: str
    at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "phone_e164": self.phone_e164,
            "removed": True,
            "leads_unflagged": self.leads_unflagged,
            "reason": self.reason,
            "agent": self.agent,
            "at": iso(self.at),
        }


@dataclass(frozen=True, slots=True)
class DncChange:
    """One line of the do-not-call audit."""

    phone_e164: str
    action: str  # add or remove
    agent: str
    at: datetime
    reason: str
    lead_id: str | None


class DncService:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def add(
        self, number: str, region: str | None = None, source: str = "manual", reason: str = ""
    ) -> DncResult:
        """Put one number on the list; refuses a number that does not parse."""
        e164 = self._parse(number, region)
        with self.ws.store.transaction() as session:
            added, flagged = self._add(session, [e164], source)
            self._audit(session, e164, "add", reason or source)
        return DncResult(1, added, 1 - added, 0, flagged, e164)

    def remove(self, number: str, reason: str, region: str | None = None) -> DncRemoved:
        """Take one number off the list, with the reason; the leads with that number are
        no longer flagged do-not-call. Audited: who, when, why."""
        reason = reason.strip()
        if not reason:
            raise UserError("say why the number comes off the do-not-call list (--reason TEXT)")
        e164 = self._parse(number, region)
        now = as_utc(self.ws.clock())
        with self.ws.store.transaction() as session:
            listed = session.get(DncNumber, e164)
            if listed is None:
                raise UserError(f"{e164} is not on the do-not-call list")
            session.delete(listed)
            leads = session.scalars(
                select(Lead).where(Lead.phone_e164 == e164, Lead.do_not_call.is_(True))
            ).all()
            for lead in leads:
                base = lead.version
                lead.do_not_call = False
                lead.version = base + 1
                lead.updated_at = now
                enqueue(session, "lead", lead.id, lead_payload(lead), base_version=base)
            self._audit(session, e164, "remove", reason)
        return DncRemoved(e164, len(leads), reason, self.ws.agent.name, now)

    def audit(self, number: str | None = None, region: str | None = None) -> list[DncChange]:
        """Every change to the list, newest first (one number's when given)."""
        query = select(DncAudit).order_by(DncAudit.at.desc())
        if number is not None:
            query = query.where(DncAudit.phone_e164 == self._parse(number, region))
        with self.ws.store.session() as session:
            return [
                DncChange(a.phone_e164, a.action, a.agent_name, a.at, a.reason, a.lead_id)
                for a in session.scalars(query)
            ]

    def _parse(self, number: str, region: str | None) -> str:
        parsed = parse_phone(number, normalize_region(region))
        if parsed.e164 is None:
            raise UserError(
                f"{parsed.error or 'invalid phone number'} (give --region for a national number)"
            )
        return parsed.e164

    def _audit(self, session: Session, e164: str, action: str, reason: str) -> None:
        session.add(
            DncAudit(
                phone_e164=e164,
                action=action,
                agent_id=self.ws.agent.id,
                agent_name=self.ws.agent.name,
                reason=reason,
                at=as_utc(self.ws.clock()),
            )
        )

    def import_file(self, path: Path, region: str | None = None) -> DncResult:
        """Every number of a file: one number per line, or a CSV with a phone column."""
        source = open_source(path, "csv")
        headers = source.mapping.headers
        columns = [i for i, h in enumerate(headers) if field_for_header(h) in PHONE_FIELDS]
        default = normalize_region(region)
        if columns:
            rows = source.rows()
        else:
            # No phone header: one number per line (the first row is a number too).
            source.has_header = False
            columns = [0]
            rows = source.rows()
        numbers = invalid = added = flagged = 0
        with self.ws.store.transaction() as session:
            batch: list[tuple[str, str | None]] = []
            for _line, cells in rows:
                for i in columns:
                    if i < len(cells) and cells[i].strip():
                        batch.append((cells[i], default))
                if len(batch) >= _BATCH:
                    n, bad, a, f = self._import_batch(session, batch)
                    numbers, invalid, added, flagged = (
                        numbers + n,
                        invalid + bad,
                        added + a,
                        flagged + f,
                    )
                    batch = []
            if batch:
                n, bad, a, f = self._import_batch(session, batch)
                numbers, invalid, added, flagged = (
                    numbers + n,
                    invalid + bad,
                    added + a,
                    flagged + f,
                )
            if numbers == 0:
                raise UserError(f"{path.name} has no phone numbers")
        valid = numbers - invalid
        return DncResult(numbers, added, valid - added, invalid, flagged)

    def _import_batch(
        self, session: Session, batch: list[tuple[str, str | None]]
    ) -> tuple[int, int, int, int]:
        parsed = parse_many(batch)
        good = [p.e164 for p in parsed if p.e164]
        added, flagged = self._add(session, good, "import")
        return len(batch), len(batch) - len(good), added, flagged

    def _add(self, session: Session, numbers: Iterable[str], source: str) -> tuple[int, int]:
        """(numbers newly listed, leads newly flagged); duplicates in `numbers` count once."""
        wanted = list(dict.fromkeys(numbers))
        if not wanted:
            return 0, 0
        now = as_utc(self.ws.clock())
        listed = set(
            session.scalars(select(DncNumber.phone_e164).where(DncNumber.phone_e164.in_(wanted)))
        )
        fresh = [n for n in wanted if n not in listed]
        session.add_all(DncNumber(phone_e164=n, source=source, added_at=now) for n in fresh)
        leads = session.scalars(
            select(Lead).where(Lead.phone_e164.in_(wanted), Lead.do_not_call.is_(False))
        ).all()
        for lead in leads:
            base = lead.version
            lead.do_not_call = True
            lead.version = base + 1
            lead.updated_at = now
            enqueue(session, "lead", lead.id, lead_payload(lead), base_version=base)
        session.flush()
        return len(fresh), len(leads)
