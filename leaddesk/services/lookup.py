"""Find the lead behind a phone number, however it was written.

A `tel:` link clicked in a browser or a CRM, a number pasted from an email, a caller ID:
each is parsed with phonenumbers to E.164 and looked up on `lead.phone_e164` (then on
the alternate numbers). Used by the `tel:` hand-off to the running window. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from sqlalchemy import String, cast, select

from leaddesk.domain.phone import normalize_region, parse_phone
from leaddesk.domain.timezones import number_zones
from leaddesk.services.errors import UserError
from leaddesk.services.outbox import enqueue, lead_payload
from leaddesk.services.workspace import Workspace
from leaddesk.store.engine import Store
from leaddesk.store.models import Lead

URI_SCHEMES = ("tel:", "callto:")


@dataclass(frozen=True, slots=True)
class LeadRef:
    """A lead that has the number: enough to select it and to say who it is."""

    lead_id: str
    name: str
    company: str
    phone_e164: str
    mine: bool  # owned by the agent who asked


@dataclass(frozen=True, slots=True)
class LookupResult:
    e164: str
    leads: tuple[LeadRef, ...]  # the agent's own leads first, then by name

    @property
    def found(self) -> bool:
        return bool(self.leads)


def number_from_text(text: str, region: str | None = None) -> str:
    """E.164 of a number in any format, `tel:` and `callto:` URIs included.

    `region` is where a national number (no +) is dialed from. Raises UserError saying
    what was given when it is not a usable phone number.
    """
    raw = text.strip()
    lowered = raw.lower()
    for scheme in URI_SCHEMES:
        if lowered.startswith(scheme):
            raw = unquote(raw[len(scheme) :]).lstrip("/")
            # RFC 3966 parameters: keep an extension, drop phone-context and the rest.
            number, _, params = raw.partition(";")
            ext = ""
            for param in params.split(";"):
                key, _, value = param.partition("=")
                if key.strip().lower() == "ext" and value.strip():
                    ext = value.strip()
            raw = f"{number} ext. {ext}" if ext else number
            break
    parsed = parse_phone(raw, normalize_region(region))
    if parsed.e164 is None:
        hint = "" if raw.startswith("+") else " (give it with its country code, e.g. +1 ...)"
        raise UserError(f"{text.strip()!r} is not a phone number LeadDesk can look up{hint}")
    return parsed.e164


class PhoneLookup:
    """Leads by phone number in one store; `agent_id` puts the agent's own leads first."""

    def __init__(self, store: Store, agent_id: str | None = None) -> None:
        self._store = store
        self._agent_id = agent_id

    def find(self, text: str, region: str | None = None) -> LookupResult:
        e164 = number_from_text(text, region)
        with self._store.session() as session:
            leads = list(session.scalars(select(Lead).where(Lead.phone_e164 == e164).limit(50)))
            if not leads:
                # Alternate numbers are a JSON list of E.164 strings: a text match finds
                # candidates, the exact check below keeps only real ones.
                pattern = f'%"{e164}"%'
                candidates = session.scalars(
                    select(Lead).where(cast(Lead.alt_phones, String).like(pattern)).limit(50)
                )
                leads = [lead for lead in candidates if e164 in (lead.alt_phones or [])]
            refs = [
                LeadRef(
                    lead_id=lead.id,
                    name=f"{lead.first_name} {lead.last_name}".strip(),
                    company=lead.company,
                    phone_e164=lead.phone_e164 or e164,
                    mine=self._agent_id is not None and lead.owner_id == self._agent_id,
                )
                for lead in leads
            ]
        refs.sort(key=lambda r: (not r.mine, r.name.lower(), r.lead_id))
        return LookupResult(e164, tuple(refs))


def create_lead(ws: Workspace, number: str) -> LeadRef:
    """A new lead for a number nobody has yet (a `tel:` link with no lead behind it).

    Owned by the agent, arrived now, its first touch a call due now; the time zones come
    from the number. Queued for the team server like an imported lead.
    """
    e164 = number_from_text(number)
    parsed = parse_phone(e164)
    now = ws.clock()
    with ws.store.transaction() as session:
        lead = Lead(
            source="tel",
            phone_raw=e164,
            phone_e164=e164,
            phone_type=parsed.type,
            country=parsed.region or "",
            time_zones=list(number_zones(parsed)),
            tz_source="number",
            arrived_at=now,
            owner_id=ws.agent.id,
            status="new",
            next_action_at=now,
            next_channel="phone",
            created_at=now,
            updated_at=now,
            version=1,
        )
        session.add(lead)
        session.flush()
        enqueue(session, "lead", lead.id, lead_payload(lead), base_version=None)
        return LeadRef(lead.id, "", "", e164, mine=True)
