"""From a row's cells to a lead draft, or to the reason the row is rejected.

A batch is built in three passes so that phone numbers are parsed region by region
(`leaddesk.domain.phone.parse_many`): take the cells apart, parse every number of the
batch, then put each draft together with its numbers and time zones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from typing import Any

from leaddesk.domain.jurisdictions import lead_jurisdictions, number_jurisdictions
from leaddesk.domain.phone import ParsedPhone, normalize_region, parse_many, parse_phones, unique
from leaddesk.domain.timezones import (
    country_code,
    country_from_state,
    lead_zones,
    number_zones,
    state_code,
)
from leaddesk.services.intake.fields import FIELDS, PHONE_FIELDS, ColumnMapping
from leaddesk.services.intake.statuses import source_status
from leaddesk.services.intake.values import (
    clean_email,
    consent_basis,
    parse_bool,
    parse_created,
    split_name,
)

# Longest cell accepted per field (the store's column sizes); a longer one rejects the row.
MAX_CHARS: dict[str, int] = {
    "external_id": 120,
    "first_name": 120,
    "middle_name": 120,
    "last_name": 120,
    "full_name": 240,
    "company": 200,
    "title": 200,
    "topic": 200,
    "phone": 80,
    "mobile": 80,
    "alt_phone": 400,
    "phone_code": 8,
    "phone_ext": 20,
    "email": 254,
    "address": 400,
    "address2": 400,
    "address3": 400,
    "city": 120,
    "state": 120,
    "postal_code": 20,
    "country": 60,
    "time_zone": 80,
    "created_at": 60,
    "owner": 200,
    "notes": 20_000,
    "do_not_call": 20,
    "salutation": 20,
    "status": 60,
    "called_count": 12,
    "consent": 80,
    "consent_source": 200,
    "consent_at": 60,
}
# A column kept as "From the file": its text is cut at this length.
MAX_EXTRA_CHARS = 2000
# A report's closing lines: "Grand Totals (3 records)", "Confidential Information - Do
# Not Distribute", "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."
_FOOTER = re.compile(
    r"(?i)^(grand totals?\b|totals?\b|subtotal|confidential|copyright|\(c\)|©|generated\b|"
    r"report\b|filtered by|as of\b|count:)|salesforce\.com|\(\d+ records?\)"
)


@dataclass(slots=True)
class LeadDraft:
    """A row ready to become (or update) a lead."""

    line: int
    external_id: str | None
    first_name: str
    last_name: str
    company: str
    title: str
    email: str | None
    phone_raw: str
    phone_e164: str
    phone_type: str
    phone_ext: str
    alt_phones: list[str]
    address: str
    city: str
    state: str
    postal_code: str
    country: str
    time_zones: list[str]
    tz_source: str
    created_at: datetime | None
    notes: str
    do_not_call: bool
    topic: str  # what the lead asked about (scripts say it)
    salutation: str = ""
    owner: str = ""  # what the file says in its owner column
    extra: dict[str, Any] = field(default_factory=dict)
    status: str = "new"  # the lead's status from the source's (LeadStatus values)
    called_count: int = 0
    date_unread: bool = False  # a created date was there but could not be read
    consent_basis: str = "none"  # from a consent column (see values.consent_basis)
    consent_source: str = ""
    consent_at: datetime | None = None
    # Candidate jurisdictions (`lead_jurisdictions` of the number, country and state);
    # None: not worked out yet.
    jurisdictions: tuple[str, ...] | None = None


@dataclass(slots=True)
class Reject:
    line: int
    cells: list[str]
    reason: str


@dataclass(slots=True)
class Skipped:
    """A report's footer or banner line: not a lead, not a rejected row."""

    line: int


@dataclass(slots=True)
class _Row:
    line: int
    cells: list[str]
    values: dict[str, str]
    phones: list[tuple[str, str]]  # (field, text as it will be parsed)
    region: str | None
    addr_country: str | None
    extra: dict[str, Any]
    parsed: list[tuple[str, ParsedPhone]] = field(default_factory=list)


def _columns(mapping: ColumnMapping) -> list[tuple[int, str, int, bool, str]]:
    """(index, field, longest cell, is a phone field, header) of every mapped column; a
    column no field takes is ("", its header stripped) kept as "From the file"."""
    out = []
    for i, name in enumerate(mapping.fields):
        if name == "drop":
            continue
        if not name:
            header = mapping.headers[i] if i < len(mapping.headers) else ""
            if header.strip():
                out.append((i, "", MAX_EXTRA_CHARS, False, header.strip()))
            continue
        out.append((i, name, MAX_CHARS.get(name, 400), name in PHONE_FIELDS, ""))
    return out


def _is_footer(cells: list[str], width: int) -> bool:
    """A line with one filled cell that a report writes above or below its rows."""
    if width < 3:
        return False
    found = ""
    for cell in cells:  # stops at the second filled cell: most rows, at once
        if cell and not cell.isspace():
            if found:
                return False
            found = cell
    if not found:
        return False
    text = found.strip()
    if _FOOTER.search(text):
        return True
    return len(cells) == 1 and sum(ch.isdigit() for ch in text) < 6


@lru_cache(maxsize=4096)
def _place(
    country_text: str | None, state: str | None, default_region: str | None
) -> tuple[str | None, str | None]:
    """(region to parse the numbers in, the address's country), once per distinct
    country and state cells."""
    country = country_code(country_text)
    addr_country = country
    if addr_country is None and state:
        if default_region and state_code(default_region, state):
            addr_country = default_region
        else:
            addr_country = country_from_state(state)
    return country or default_region or addr_country, addr_country


@lru_cache(maxsize=4096)
def _created(text: str, now: datetime, zone: tzinfo, order: str | None) -> datetime | None:
    """`parse_created`, once per distinct cell (exports repeat their timestamps)."""
    return parse_created(text, now, zone, order)


def _take_apart(
    line: int,
    cells: list[str],
    mapping: ColumnMapping,
    columns: list[tuple[int, str, int, bool, str]],
    default_region: str | None,
) -> _Row | Reject | Skipped:
    values: dict[str, str] = {}
    phones: list[tuple[str, str]] = []
    extra: dict[str, Any] = {}
    width = len(cells)
    if _is_footer(cells, len(mapping.headers)):
        return Skipped(line)
    for index, name, limit, is_phone, header in columns:
        if index >= width:
            continue
        text = cells[index].strip()
        if not text:
            continue
        if not name:
            extra[header] = text[:limit]
            continue
        if len(text) > limit:
            header = mapping.headers[index] if index < len(mapping.headers) else f"#{index + 1}"
            return Reject(
                line,
                cells,
                f"cell too long: {FIELDS[name].lower()} (column {header!r}) has "
                f"{len(text)} characters, at most {limit}",
            )
        if is_phone:
            phones.append((name, text))
        elif name not in values:  # the first non-empty column for a field wins
            values[name] = text
            # No field of its own: the source's status, a middle name stay readable.
            if name in ("status", "middle_name"):
                extra[mapping.headers[index].strip() or "status"] = text
        elif name == "notes":  # every notes or comments column joins the notes
            values[name] = f"{values[name]}\n{text}"
    if not phones:
        return Reject(line, cells, "no phone number")
    region, addr_country = _place(values.get("country"), values.get("state"), default_region)
    if "phone_code" in values:
        code = values["phone_code"].lstrip("+").strip()
        if code.isdigit() and 0 < len(code) <= 3:
            phones = [(f, t if t.startswith(("+", "00")) else f"+{code} {t}") for f, t in phones]
    return _Row(line, cells, values, phones, region, addr_country, extra)


_PHONE_ORDER = {"phone": 0, "mobile": 1, "alt_phone": 2}
_NO_STATUS = source_status("")  # a row without a status cell


class _Shared:
    """What the rows of a batch share, worked out once per distinct value: created
    dates, statuses, consent cells, and a lead's zones and jurisdictions per distinct
    (number's zones, number's jurisdictions, country, state, zone cell). Every value here
    depends only on its key, so a row gets what it would have got on its own."""

    __slots__ = ("consents", "created", "now", "order", "places", "statuses", "zone")

    def __init__(self, now: datetime, zone: tzinfo, order: str | None) -> None:
        self.now, self.zone, self.order = now, zone, order
        self.created: dict[str, datetime | None] = {}
        self.statuses: dict[str, tuple[str, bool]] = {}
        self.consents: dict[str, str] = {}
        self.places: dict[tuple[Any, ...], tuple[tuple[str, ...], str, tuple[str, ...]]] = {}

    def created_at(self, text: str) -> datetime | None:
        try:
            return self.created[text]
        except KeyError:
            value = self.created[text] = _created(text, self.now, self.zone, self.order)
            return value

    def status(self, text: str) -> tuple[str, bool]:
        found = self.statuses.get(text)
        if found is None:
            found = self.statuses[text] = source_status(text)
        return found

    def place(
        self,
        phone: ParsedPhone,
        country: str | None,
        state: str | None,
        zone_text: str | None,
    ) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
        """(zones, tz_source, jurisdictions): `lead_zones(phone, country, state,
        zone_text)` and `lead_jurisdictions(phone.e164, country or "", state or "")`,
        which depend on the number only through its zones and its jurisdictions."""
        key = (number_zones(phone), number_jurisdictions(phone.e164), country, state, zone_text)
        found = self.places.get(key)
        if found is None:
            zones, source = lead_zones(phone, country, state, zone_text)
            codes = lead_jurisdictions(phone.e164, country or "", state or "")
            found = self.places[key] = (tuple(zones), source, codes)
        return found


def _draft(row: _Row, shared: _Shared) -> LeadDraft | Reject:
    primary: ParsedPhone | None = None
    primary_field = ""
    alternates: list[str] = []
    if len(row.parsed) == 1 and row.parsed[0][1].e164 is not None:
        primary_field, primary = row.parsed[0]  # one good number: most rows
    else:
        ranked = sorted(row.parsed, key=lambda p: _PHONE_ORDER[p[0]])
        for field_name, parsed in ranked:
            if parsed.valid:
                primary, primary_field = parsed, field_name
                break
        if primary is None or primary.e164 is None:
            errors = [p.error for _, p in ranked if p.error]
            return Reject(row.line, row.cells, errors[0] if errors else "invalid phone number")
        # Another number the file gives is kept, as E.164, or as typed when it does not
        # parse but looks like a number (three digits or more: a typo the agent can
        # read); "n/a", "none" or "-" are not numbers.
        alternates = unique(
            (p.e164 or p.raw.strip())
            for _, p in ranked
            if p is not primary and (p.e164 or sum(c.isdigit() for c in p.raw) >= 3)
        )
        alternates = [a for a in alternates if a != primary.e164]
    assert primary.e164 is not None
    values = row.values
    get = values.get
    first, last = get("first_name", ""), get("last_name", "")
    if not first and not last and "full_name" in values:
        first, last = split_name(values["full_name"])
    if "address2" in values or "address3" in values:
        address = ", ".join(values[k] for k in ("address", "address2", "address3") if k in values)
    else:
        address = get("address", "")
    state = get("state")
    zones, source, jurisdictions = shared.place(primary, row.addr_country, state, get("time_zone"))
    phone_type = primary.type
    if primary_field == "mobile" and phone_type == "fixed_or_mobile":
        phone_type = "mobile"
    ext = primary.extension or get("phone_ext", "").lstrip("xX#. ")[:20]
    created_text = get("created_at")
    created = shared.created_at(created_text) if created_text else None
    status_text = get("status")
    status, dnc = shared.status(status_text) if status_text else _NO_STATUS
    called = get("called_count")
    # Positional (the dataclass's field order): a third of the cost of keywords.
    return LeadDraft(
        row.line,
        get("external_id") or None,
        first[:120],
        last[:120],
        get("company", ""),
        get("title", ""),
        clean_email(get("email", "")),
        primary.raw.strip()[:80],
        primary.e164,
        phone_type,
        ext,
        alternates,
        address[:400],
        get("city", ""),
        state or "",
        get("postal_code", ""),
        row.addr_country or "",
        list(zones),
        source,
        created,
        get("notes", ""),
        dnc or ("do_not_call" in values and parse_bool(values["do_not_call"])),
        get("topic", ""),
        get("salutation", ""),
        get("owner", ""),
        row.extra,
        status,
        int(called) if called is not None and called.isdigit() else 0,
        created_text is not None and created is None,
        *(_consent(values, shared) if "consent" in values else _NO_CONSENT),
        jurisdictions,
    )


_NO_CONSENT: tuple[str, str, datetime | None] = ("none", "", None)


def _consent(values: dict[str, str], shared: _Shared) -> tuple[str, str, datetime | None]:
    """(basis, source, when) from a file's consent columns; none when it has none. The
    source is the file's own words, or "" (the import names the system the file came
    from: `importer.consent_source`)."""
    text = values.get("consent", "")
    basis = shared.consents.get(text)
    if basis is None:
        basis = shared.consents[text] = consent_basis(text)
    if basis == "none":
        return _NO_CONSENT
    where = values.get("consent_source", "").strip()
    when_text = values.get("consent_at", "")
    when = shared.created_at(when_text) if when_text else None
    return basis, where[:200], when


def build_batch(
    rows: Sequence[tuple[int, list[str]]],
    mapping: ColumnMapping,
    default_region: str | None,
    now: datetime,
    zone: tzinfo = UTC,
    order: str | None = None,
) -> list[LeadDraft | Reject | Skipped]:
    """Drafts (or rejects, or skipped report lines) for a batch of rows, in the rows'
    order. `zone` is where times without an offset were written, `order` "mdy" or
    "dmy" for slashed dates (None: as each date makes obvious, else month first)."""
    region = normalize_region(default_region)
    columns = _columns(mapping)
    taken: list[_Row | Reject | Skipped] = [
        _take_apart(line, cells, mapping, columns, region) for line, cells in rows
    ]
    wanted: list[tuple[str, str | None]] = []
    for item in taken:
        if isinstance(item, _Row):
            for _, text in item.phones:
                wanted.append((text, item.region))
    parsed = iter(parse_many(wanted))
    shared = _Shared(now, zone, order)
    out: list[LeadDraft | Reject | Skipped] = []
    for item in taken:
        if not isinstance(item, _Row):
            out.append(item)
            continue
        for field_name, text in item.phones:
            result = next(parsed)
            if result.e164 is not None:  # valid
                item.parsed.append((field_name, result))
            else:  # "212 555 0100 / 646 555 0199": several numbers in one cell
                item.parsed.extend((field_name, p) for p in parse_phones(text, item.region))
        out.append(_draft(item, shared))
    return out
