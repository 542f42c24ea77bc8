"""Import leads from a file, all or nothing.

The rows are streamed in batches inside ONE write transaction: a failure, a bad file
discovered half-way or a cancel from the GUI leaves the database as it was, and the
rejects file appears only when the import is committed.

Every row is counted exactly once: rows = imported + updated + duplicates + rejected +
skipped (a report's title, filter and footer lines). A row that matches a lead (same
source and external id, same email, or same E.164 number without a conflicting email,
id or name: another person on a shared number is a new lead, flagged `shared_number`)
only fills in what the lead lacks: empty
fields, new alternate numbers, the do-not-call flag. It never overwrites a value, so
it never touches what an agent edited (`Lead.edited_fields`, which also protects a
field the agent emptied on purpose) nor the logged state (status, next action,
attempts, owner, arrival time), two rows about one person cannot undo each other,
and re-importing a file changes nothing.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Table, select
from sqlalchemy.orm import Session

from leaddesk.domain.clock import as_utc
from leaddesk.domain.jurisdictions import lead_jurisdictions
from leaddesk.domain.outcomes import CLOSED_STATUSES, LeadStatus
from leaddesk.domain.phone import enable_fast_parsing
from leaddesk.services.errors import UserError
from leaddesk.services.intake.owners import OwnerResolver
from leaddesk.services.intake.parallel import built_batches, worker_count
from leaddesk.services.intake.record import LeadDraft, Reject, Skipped
from leaddesk.services.intake.rejects import (
    RejectsWriter,
    check_rejects_target,
    default_rejects_path,
)
from leaddesk.services.intake.source import LeadSource, open_source
from leaddesk.services.intake.values import DATE_ORDERS, date_order_of, system_zone, zone_named
from leaddesk.services.intake.writer import FRESH_STATE, NewLeadWriter
from leaddesk.services.outbox import enqueue, lead_payload
from leaddesk.services.workspace import Workspace, get_or_create_agent
from leaddesk.store.models import DncNumber, Lead

_CLOSED = frozenset(s.value for s in CLOSED_STATUSES)
_NEW = LeadStatus.NEW.value
_WORKING = LeadStatus.WORKING.value
# What a fresh import's rows leave to the writer's constants (`ImportService._new_row`).
_FRESH_KEYS = ("owner_id", *FRESH_STATE)

BATCH_ROWS = 2000
IMPORT_CACHE_KIB = 32 * 1024
# Fields a file may fill in on an existing lead where they are empty (and not edited).
UPDATABLE = (
    "first_name",
    "last_name",
    "company",
    "title",
    "topic",
    "email",
    "address",
    "city",
    "state",
    "postal_code",
    "country",
    "notes",
    "salutation",
)


class ImportCancelled(UserError):
    """The agent cancelled; nothing was imported."""


@dataclass(frozen=True, slots=True)
class ImportProgress:
    rows: int  # rows read so far
    fraction: float  # of the file, 0..1


@dataclass(frozen=True, slots=True)
class ImportSummary:
    rows: int
    imported: int
    updated: int
    duplicates: int
    rejected: int
    rejects_file: Path | None
    format: str
    skipped: int = 0  # a report's title, filter and footer lines
    dates_unread: int = 0  # created dates that could not be read (the import time instead)
    unmapped_columns: tuple[str, ...] = ()  # kept with each lead as "From the file"
    unknown_owners: tuple[str, ...] = ()  # owner cells no agent or alias matched
    shared_numbers: int = 0  # new leads on a number another person already has
    source_tz: str = ""
    date_order: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "imported": self.imported,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "rejects_file": str(self.rejects_file) if self.rejects_file else None,
            "skipped": self.skipped,
            "dates_unread": self.dates_unread,
            "unmapped_columns": list(self.unmapped_columns),
        }


class _TimeOrderedIds:
    """Version 7 UUIDs (RFC 9562): the Unix time in ms, a counter in the 12 bits after
    the version, then random bits. Ids made later sort after earlier ones, so the leads
    of one import keep the file's order when they share a `created_at`: a number shared
    by two leads then always matches the first one, on every re-import (with random ids
    it matched either, and a re-import could count a change). One `uuid` call per row
    was a tenth of the import time: the ids are formatted in bulk."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ms = 0
        self._seq = 0

    def take(self, count: int) -> list[str]:
        raw = os.urandom(8 * count).hex()
        out = []
        with self._lock:
            ms, seq = max(int(time.time() * 1000), self._ms), self._seq
            if ms > self._ms:
                seq = -1
            for i in range(count):
                seq += 1
                if seq > 0xFFF:  # more than 4,096 in one ms: borrow the next ms
                    ms, seq = ms + 1, 0
                h = raw[16 * i : 16 * i + 16]
                variant = "89ab"[int(h[0], 16) & 3]
                out.append(f"{ms >> 16:08x}-{ms & 0xFFFF:04x}-7{seq:03x}-{variant}{h[1:4]}-{h[4:]}")
            self._ms, self._seq = ms, seq
        return out


_ID_SOURCE = _TimeOrderedIds()


def _ids(count: int) -> list[str]:
    """`count` new lead ids, sorting in the order they were made."""
    return _ID_SOURCE.take(count)


class _Counts:
    def __init__(self) -> None:
        self.rows = self.imported = self.updated = self.duplicates = self.rejected = 0
        self.skipped = self.dates_unread = self.shared = 0
        self.unknown_owners: dict[str, None] = {}  # in the file's order


def _get(target: Lead | dict[str, Any], key: str) -> Any:
    return target[key] if isinstance(target, dict) else getattr(target, key)


def _set(target: Lead | dict[str, Any], key: str, value: Any) -> None:
    if isinstance(target, dict):
        target[key] = value
    else:
        setattr(target, key, value)


def consent_source(draft: LeadDraft, source: str) -> str:
    """Where a consent the file records was given: the file's own words, else the system
    the file came from ("hubspot import"); "" for no consent."""
    if draft.consent_basis == "none":
        return ""
    return draft.consent_source or f"{source} import"


def _merge(target: Lead | dict[str, Any], draft: LeadDraft, on_dnc: bool, source: str) -> bool:
    """Bring what the draft adds into an existing lead; True when anything changed."""
    edited = set(_get(target, "edited_fields") or ())
    changed = False
    for key in UPDATABLE:
        value = getattr(draft, key)
        if value and key not in edited and not _get(target, key):
            _set(target, key, value)
            changed = True
    if draft.external_id and not _get(target, "external_id") and "external_id" not in edited:
        _set(target, "external_id", draft.external_id)
        changed = True
    numbers = [draft.phone_e164, *draft.alt_phones]
    if not _get(target, "phone_e164") and "phone_e164" not in edited:
        for key in ("phone_raw", "phone_e164", "phone_type", "phone_ext"):
            _set(target, key, getattr(draft, key))
        numbers = draft.alt_phones
        changed = True
    primary = _get(target, "phone_e164")
    alts = list(_get(target, "alt_phones") or ())
    extra = [n for n in numbers if n != primary and n not in alts]
    if extra and "alt_phones" not in edited:
        _set(target, "alt_phones", alts + extra)
        changed = True
    no_zone = not _get(target, "time_zones") and _get(target, "tz_source") != "manual"
    if no_zone and draft.time_zones and "time_zones" not in edited:
        _set(target, "time_zones", list(draft.time_zones))
        _set(target, "tz_source", draft.tz_source)
        changed = True
    if (draft.do_not_call or on_dnc) and not _get(target, "do_not_call"):
        _set(target, "do_not_call", True)
        changed = True
    if (
        draft.consent_basis != "none"
        and _get(target, "consent_basis") in (None, "none")
        and "consent_basis" not in edited
    ):
        # A consent the file records and the lead did not have yet (an agent's own
        # entry is never overwritten).
        _set(target, "consent_basis", draft.consent_basis)
        _set(target, "consent_source", consent_source(draft, source))
        _set(target, "consent_at", draft.consent_at)
        changed = True
    kept: dict[str, Any] = _get(target, "extra") or {}
    missing = {k: v for k, v in draft.extra.items() if k not in kept}
    if missing and "extra" not in edited:
        _set(target, "extra", {**kept, **missing})
        changed = True
    return changed


def _select_in(
    conn: Connection,
    table: str,
    column: str,
    key: str,
    values: Collection[str],
    also: tuple[str, str] | None = None,
) -> list[str]:
    """`SELECT column FROM table WHERE key IN (values) [AND also[0] = also[1]]`."""
    if not values:
        return []
    mark = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(conn.dialect.paramstyle)
    if mark is None:
        t = table_named(table)
        query = select(t.c[column]).where(t.c[key].in_(list(values)))
        if also is not None:
            query = query.where(t.c[also[0]] == also[1])
        return [r[0] for r in conn.execute(query)]
    params: list[str] = list(values)
    sql = f"SELECT {column} FROM {table} WHERE {key} IN ({', '.join(mark for _ in params)})"
    if also is not None:
        sql += f" AND {also[0]} = {mark}"
        params.append(also[1])
    return [r[0] for r in conn.exec_driver_sql(sql, tuple(params))]


def table_named(name: str) -> Table:
    return cast(Table, {"lead": Lead.__table__, "dnc_number": DncNumber.__table__}[name])


class _Batch:
    """Matching one batch of drafts against the store and against each other."""

    def __init__(
        self, session: Session, source: str, drafts: list[LeadDraft], dnc_listed: bool = True
    ) -> None:
        """`dnc_listed`: False when the do-not-call list is empty (nothing to look up)."""
        self.source = source
        phones = {d.phone_e164 for d in drafts}
        emails = {d.email for d in drafts if d.email}
        ext_ids = {d.external_id for d in drafts if d.external_id}
        # Plain SQL for the lookups: on a fresh import they find nothing, and the ORM's
        # IN-list handling of 2,000 values per query was a twentieth of the import time.
        conn = session.connection()
        ids: set[str] = set()
        ids.update(_select_in(conn, "lead", "id", "phone_e164", phones))
        ids.update(_select_in(conn, "lead", "id", "email", emails))
        ids.update(_select_in(conn, "lead", "id", "external_id", ext_ids, ("source", source)))
        found: list[Lead] = []
        if ids:
            query = select(Lead).where(Lead.id.in_(ids)).order_by(Lead.created_at, Lead.id)
            found = list(session.scalars(query))
        self.by_ext: dict[str, Lead | dict[str, Any]] = {}
        self.by_email: dict[str, Lead | dict[str, Any]] = {}
        self.by_phone: dict[str, Lead | dict[str, Any]] = {}
        for lead in found:
            self.index(lead)
        self.dnc: set[str] = set()
        if dnc_listed:
            self.dnc.update(_select_in(conn, "dnc_number", "phone_e164", "phone_e164", phones))

    def index(self, lead: Lead | dict[str, Any]) -> None:
        ext = _get(lead, "external_id")
        if ext and _get(lead, "source") == self.source:
            self.by_ext.setdefault(ext, lead)
        email = _get(lead, "email")
        if email:
            self.by_email.setdefault(email, lead)
        phone = _get(lead, "phone_e164")
        if phone:
            self.by_phone.setdefault(phone, lead)

    def match(self, draft: LeadDraft) -> Lead | dict[str, Any] | None:
        if draft.external_id and draft.external_id in self.by_ext:
            return self.by_ext[draft.external_id]
        if draft.email and draft.email in self.by_email:
            return self.by_email[draft.email]
        lead = self.by_phone.get(draft.phone_e164)
        if lead is None:
            return None
        # The same number with another email, id or name is another person (a
        # switchboard): a new lead, flagged `shared_number`.
        email = _get(lead, "email")
        if draft.email and email and email != draft.email:
            return None
        if _other_person(lead, draft):
            return None
        ext = _get(lead, "external_id")
        if (
            draft.external_id
            and ext
            and ext != draft.external_id
            and _get(lead, "source") == self.source
        ):
            return None
        return lead


def _first_name(text: str) -> str:
    return " ".join(text.lower().replace(".", " ").split())


def _other_person(lead: Lead | dict[str, Any], draft: LeadDraft) -> bool:
    """Both rows name a person, by first names that differ (not one the other's
    initial), and no email says they are one: two people on one number. "Ada Lovelace"
    and "Ada Byron" are one person (a new surname); "Ada" and "Grace" are two."""
    if "first_name" in (_get(lead, "edited_fields") or ()):
        return False  # the agent's word for the name, not the file's
    theirs = _first_name(_get(lead, "first_name") or "")
    mine = _first_name(draft.first_name)
    if not theirs or not mine or theirs == mine:
        return False
    if (len(mine) == 1 and theirs.startswith(mine)) or (
        len(theirs) == 1 and mine.startswith(theirs)
    ):
        return False
    return not (draft.email and draft.email == _get(lead, "email"))


@contextmanager
def _big_cache(session: Session) -> Iterator[None]:
    """A bigger SQLite page cache while importing: the transaction holds every new page
    until commit, and the default 2 MB cache spills them to the WAL again and again."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


# Allocations between two collections of the youngest generation while importing.
GC_YOUNG_THRESHOLD = 50_000
_gc_lock = threading.Lock()
_gc_users = 0
_gc_before: tuple[int, int, int] = (0, 0, 0)


@contextmanager
def _long_lived_set_aside() -> Iterator[None]:
    """The cyclic garbage collector kept off the import's back. Each batch's drafts
    and rows live long enough to reach the oldest generation, which then filled up and
    was collected again and again (about 20 full collections per 100,000 rows), every
    one scanning all the objects alive before the import as well (phonenumbers'
    metadata, the ORM's mappers, a window's widgets), and the youngest generation was
    collected every 700 allocations: a tenth of the import's time for next to nothing
    (a few hundred objects in cycles per 100,000 rows). While an import runs, the
    objects alive before it are set aside (`gc.freeze`) and the youngest generation is
    collected every `GC_YOUNG_THRESHOLD` allocations; garbage is still collected, and
    both settings come back when the last import running ends."""
    global _gc_users, _gc_before
    with _gc_lock:
        if _gc_users == 0:
            _gc_before = gc.get_threshold()
            gc.freeze()
            if _gc_before[0]:  # 0: collection is off, and stays off
                gc.set_threshold(max(_gc_before[0], GC_YOUNG_THRESHOLD), *_gc_before[1:])
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0:
                gc.set_threshold(*_gc_before)
                gc.unfreeze()


class ImportService:
    """Imports lead files for the workspace's agent (or the owner named)."""

    def __init__(
        self, workspace: Workspace, batch_rows: int = BATCH_ROWS, workers: int | None = None
    ) -> None:
        """`workers`: processes that parse numbers beside the database work; None picks
        by file size (see `intake.parallel`), 0 keeps everything in this process."""
        self.ws = workspace
        self.batch_rows = batch_rows
        self.workers = workers

    def open(self, path: Path, fmt: str = "auto") -> LeadSource:
        return open_source(path, fmt)

    @staticmethod
    def date_order(source: LeadSource) -> str | None:
        """ "dmy" or "mdy" when the preview's created dates show it, else None."""
        columns = source.mapping.columns_for("created_at")
        return date_order_of(row[i] for row in source.preview for i in columns if i < len(row))

    def run(
        self,
        source: LeadSource | Path,
        *,
        region: str | None = None,
        owner: str | None = None,
        rejects_path: Path | None = None,
        progress: Callable[[ImportProgress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        source_tz: str | tzinfo | None = None,
        date_order: str | None = None,
    ) -> ImportSummary:
        """`source_tz`: where the file's times without an offset were written (default:
        this computer's zone); `date_order` "mdy" or "dmy" (default: detected)."""
        if not isinstance(source, LeadSource):
            source = open_source(Path(source))
        source.check_importable()
        if owner is not None and not owner.strip():
            raise UserError("--owner needs an agent name")
        if isinstance(source_tz, str):
            try:
                zone: tzinfo = zone_named(source_tz)
            except ValueError as exc:
                raise UserError(f"--source-tz {exc}") from None
        else:
            zone = source_tz if source_tz is not None else system_zone()
        if date_order is not None and date_order not in DATE_ORDERS:
            raise UserError(f"--date-order {date_order!r}: choose mdy (3/4 is March 4) or dmy")
        order = date_order or self.date_order(source)
        enable_fast_parsing()
        now = as_utc(self.ws.clock())
        if rejects_path is not None:
            check_rejects_target(rejects_path, source.path)
        rejects = RejectsWriter(
            rejects_path or default_rejects_path(source.path), source.mapping.headers
        )
        counts = _Counts()
        try:
            with (
                _long_lived_set_aside(),
                self.ws.store.transaction() as session,
                _big_cache(session),
            ):
                owner_id = (
                    get_or_create_agent(session, owner.strip()).id if owner else self.ws.agent.id
                )
                owners = None if owner else OwnerResolver(session, source.source_name)
                mapping = source.mapping
                # No owner, status or called count in the file: every lead starts alike.
                fresh = not mapping.columns_for("status") and not mapping.columns_for(
                    "called_count"
                )
                if owners is not None and mapping.columns_for("owner"):
                    fresh = False
                writer = NewLeadWriter(
                    session.connection(), source.source_name, now, owner_id if fresh else None
                )
                workers = worker_count(source.size_bytes) if self.workers is None else self.workers
                built = built_batches(
                    source.rows(), self.batch_rows, source.mapping, region, now, workers,
                    zone, order,
                )  # fmt: skip
                counts.skipped = counts.rows = source.banner_rows
                # close(): a cancel or failure stops the worker processes at once.
                try:
                    for batch, items in built:
                        if cancelled is not None and cancelled():
                            raise ImportCancelled("import cancelled; nothing was imported")
                        self._apply(
                            session, source.source_name, items, writer, now, counts, rejects,
                            owner_id, owners,
                        )  # fmt: skip
                        counts.rows += len(batch)
                        if progress is not None:
                            progress(ImportProgress(counts.rows, source.fraction_read()))
                finally:
                    built.close()
                if counts.rows == counts.skipped:
                    raise UserError(f"{source.path.name} has a header row but no leads")
                if cancelled is not None and cancelled():
                    raise ImportCancelled("import cancelled; nothing was imported")
        except BaseException:
            rejects.discard()
            raise
        rejects_file = rejects.commit()
        return ImportSummary(
            counts.rows,
            counts.imported,
            counts.updated,
            counts.duplicates,
            counts.rejected,
            rejects_file,
            source.format,
            skipped=counts.skipped,
            dates_unread=counts.dates_unread,
            unmapped_columns=tuple(source.mapping.unmapped),
            unknown_owners=tuple(counts.unknown_owners),
            shared_numbers=counts.shared,
            source_tz=str(getattr(zone, "key", zone)),
            date_order=order,
        )

    def _apply(
        self,
        session: Session,
        source: str,
        items: list[LeadDraft | Reject | Skipped],
        writer: NewLeadWriter,
        now: datetime,
        counts: _Counts,
        rejects: RejectsWriter,
        owner_id: str,
        owners: OwnerResolver | None,
    ) -> None:
        drafts = [d for d in items if isinstance(d, LeadDraft)]
        for item in items:
            if isinstance(item, Reject):
                rejects.add(item.line, item.cells, item.reason)
                counts.rejected += 1
            elif isinstance(item, Skipped):
                counts.skipped += 1
        if not drafts:
            return
        batch = _Batch(session, source, drafts, writer.dnc_listed)
        new_rows: list[dict[str, Any]] = []
        updated: dict[str, tuple[Lead, int]] = {}
        ids = iter(_ids(len(drafts)))
        by_ext, by_email, by_phone = batch.by_ext, batch.by_email, batch.by_phone
        dnc_new: dict[str, None] = {}
        for draft in drafts:
            if draft.date_unread:
                counts.dates_unread += 1
            if draft.status == LeadStatus.DO_NOT_CALL and draft.phone_e164 not in batch.dnc:
                dnc_new[draft.phone_e164] = None  # also for a lead already here
            target = batch.match(draft)
            if target is None:
                on_dnc = draft.phone_e164 in batch.dnc
                lead_owner = owner_id
                if owners is not None and draft.owner:
                    found = owners.agent_for(draft.owner)
                    if found is None:
                        counts.unknown_owners.setdefault(draft.owner.strip(), None)
                    else:
                        lead_owner = found
                shared = draft.phone_e164 in by_phone
                counts.shared += shared
                row = self._new_row(
                    next(ids), draft, source, now, on_dnc, lead_owner, shared, writer.fresh
                )
                new_rows.append(row)
                # batch.index(row), for a row of this source:
                if draft.external_id:
                    by_ext.setdefault(draft.external_id, row)
                if draft.email:
                    by_email.setdefault(draft.email, row)
                by_phone.setdefault(draft.phone_e164, row)
                counts.imported += 1
            elif isinstance(target, Lead) and target.deleted_at is not None:
                counts.duplicates += 1  # deleted by an agent: an import does not revive it
            elif _merge(target, draft, draft.phone_e164 in batch.dnc, source):
                # What the merge filled in (an email, an id) matches the next rows, as it
                # will when the file is imported again.
                batch.index(target)
                counts.updated += 1
                if isinstance(target, Lead) and target.id not in updated:
                    updated[target.id] = (target, target.version)
            else:
                counts.duplicates += 1
        # New leads and their outbox rows (`outbox.ImportOutbox`), inserted in bulk.
        writer.write(new_rows)
        if dnc_new:  # a source's do-not-call status puts the number on the list
            listed = set(_select_in(session.connection(), "dnc_number", "phone_e164",
                                    "phone_e164", dnc_new))  # fmt: skip
            session.add_all(
                DncNumber(phone_e164=n, source=source, added_at=now)
                for n in dnc_new
                if n not in listed
            )
        for lead, version in updated.values():
            lead.version = version + 1
            lead.updated_at = now
            enqueue(session, "lead", lead.id, lead_payload(lead), base_version=version)
        session.flush()
        session.expunge_all()

    @staticmethod
    def _new_row(
        lead_id: str,
        draft: LeadDraft,
        source: str,
        now: datetime,
        on_dnc: bool,
        owner_id: str | None,
        shared: bool,
        fresh: bool,
    ) -> dict[str, Any]:
        """A new lead's own fields, in the order of `NewLeadWriter.fields` (the writer
        adds the constant ones, `writer.new_lead_constants`). A status the source gives
        (VICIdial's SALE, NI, DNC ...) closes the lead; its called count counts as
        attempts already made, toward the caps and the cadence's step.

        `fresh`: the file gives no owners, statuses or called counts, so those are the
        writer's constants too (its owner and `writer.FRESH_STATE`) and the row leaves
        them out."""
        arrived = draft.created_at or now
        if fresh:
            status, called = _NEW, 0
        else:
            status = draft.status
            called = draft.called_count
            if status == _NEW and called:
                status = _WORKING
        closed = status in _CLOSED
        row = {
            "id": lead_id,
            "source": source,
            "external_id": draft.external_id,
            "first_name": draft.first_name,
            "last_name": draft.last_name,
            "company": draft.company,
            "title": draft.title,
            "topic": draft.topic,
            "email": draft.email,
            "phone_raw": draft.phone_raw,
            "phone_e164": draft.phone_e164,
            "phone_type": draft.phone_type,
            "phone_ext": draft.phone_ext,
            "phone_bad": status == LeadStatus.BAD_NUMBER,
            "alt_phones": draft.alt_phones,
            "address": draft.address,
            "city": draft.city,
            "state": draft.state,
            "postal_code": draft.postal_code,
            "country": draft.country,
            "time_zones": draft.time_zones,
            "tz_source": draft.tz_source,
            "jurisdictions": list(
                lead_jurisdictions(draft.phone_e164, draft.country, draft.state)
                if draft.jurisdictions is None
                else draft.jurisdictions
            ),
            "consent_basis": draft.consent_basis,
            "consent_source": consent_source(draft, source),
            "consent_at": draft.consent_at,
            "arrived_at": arrived,
            "owner_id": owner_id,
            "status": status,
            "do_not_call": draft.do_not_call or on_dnc,
            "next_action_at": None if closed else arrived,
            "next_channel": None if closed else "phone",
            "cadence_step": called,
            "attempt_count": called,
            "call_count": called,
            "notes": draft.notes,
            "edited_fields": [],
            "salutation": draft.salutation,
            "extra": draft.extra,
            "shared_number": shared,
        }
        if fresh:
            for key in _FRESH_KEYS:
                del row[key]
        return row
