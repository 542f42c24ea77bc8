"""Offline-first sync with the team server: push the outbox, then pull what changed.

Push: outbox rows go in order, in batches, each with its operation id. The server
applies each once and acknowledges it; only acknowledged rows are deleted here, in one
transaction, so a crash at any point resends at worst what the server already has (and
it answers "duplicate"). Leads the server has never seen (made on this laptop before
sync existed, or by the demo) are sent first as "lead" operations with a fixed id.
An operation the server refuses on its own (a 409: the server applied another one under
the same id; a 422 or 404 naming that operation: a value outside the server's rules, a
lead that is not the agent's) is held: it stays in the outbox, is not sent again, and the
round reports it (`held`, the reason in the log) so that someone looks at it; the other
operations go on instead of the whole outbox waiting behind one.

Pull: changes after a cursor, applied with the new cursor in one transaction. A lead
with changes still waiting here is skipped: the push of those changes logs it again on
the server, so it comes back on a later pull, merged. The history of the leads this
agent may see (attempts, rapport notes) comes with them, and agent state changes (every
agent's on a supervisor's laptop, for the team report; `sync_history.py`).

Agent ids differ between a laptop and the server; agents are matched by name (the
acting agent with the token's agent) and ids translated at this boundary.

`SyncService.state()` is what the shift bar shows; `run_once()` returns plain
dataclasses and may run on a worker thread (every call opens its own sessions).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from leaddesk.domain.clock import as_utc
from leaddesk.services.credentials import normalize_url
from leaddesk.services.errors import UserError, classify
from leaddesk.services.sync_history import apply_history
from leaddesk.services.workspace import Workspace, get_or_create_agent
from leaddesk.store.models import (
    Agent,
    Cadence,
    Lead,
    Meta,
    Outbox,
    SyncedVersion,
    VoicemailScript,
    new_id,
)
from leaddesk.sync.wire import (
    LEAD_SERVER_FIELDS,
    TEAM_SETTINGS,
    WireError,
    decode,
    encode,
)

log = logging.getLogger(__name__)

DEVICE_KEY = "device_id"
# Meta keys of held operations (the op id follows); the value says why.
HELD_PREFIX = "sync_held:"
_OP_FIELD = re.compile(r"^ops\[(\d{1,6})\]")
# Answers that settle an operation: the laptop may forget it. "local": the server keeps
# it out of the team's data (a voicemail script an agent edited stays on the laptop).
ACKED = frozenset({"applied", "duplicate", "conflict", "exists", "local"})
LEAD_OP_NAMESPACE = uuid.UUID("5d7c1f0e-3b7a-4b8e-9a35-6a0d2c9e1f42")

TokenProvider = Callable[[], "str | None"]


@dataclass(frozen=True, slots=True)
class SyncResult:
    pushed: int
    pulled: int
    conflicts: int
    pending: int
    held: int = 0  # kept in the outbox, not sent again: the server refused them

    def to_json(self) -> dict[str, int]:
        """The contract's fields; `held` only when some operation is held."""
        doc = {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "conflicts": self.conflicts,
            "pending": self.pending,
        }
        if self.held:
            doc["held"] = self.held
        return doc


@dataclass(frozen=True, slots=True)
class SyncState:
    """What the shift bar shows. `status`: synced, pending, offline, error, or never
    (no round yet); `reason` says why for offline and error."""

    status: str
    pending: int
    reason: str = ""
    last_sync_at: datetime | None = None

    @property
    def label(self) -> str:
        if self.status == "synced":
            return "Synced"
        if self.status == "pending":
            return f"{self.pending} pending"
        if self.status == "offline":
            return f"Offline ({self.pending} pending): {self.reason}"
        if self.status == "error":
            return f"Sync error: {self.reason}"
        return f"Not synced yet ({self.pending} pending)"


class SyncError(UserError):
    """A sync round that could not finish; nothing acknowledged was lost."""

    def __init__(
        self,
        message: str,
        *,
        offline: bool = False,
        status: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.offline = offline
        self.status = status
        self.field = field


@dataclass
class _Round:
    me_id: str
    me_name: str
    supervisor: bool
    to_server: dict[str, str]
    pushed: int = 0
    conflicts: int = 0
    pulled: set[tuple[str, str]] = field(default_factory=set)


def lead_op_id(lead_id: str) -> str:
    """The fixed operation id of "make sure the server has this lead"."""
    return str(uuid.uuid5(LEAD_OP_NAMESPACE, f"lead:{lead_id}"))


def held_ops(session: Session) -> dict[str, str]:
    """Operations held back (op id to why)."""
    rows = session.execute(
        select(Meta.key, Meta.value).where(Meta.key.startswith(HELD_PREFIX, autoescape=True))
    ).all()
    return {key[len(HELD_PREFIX) :]: value for key, value in rows}


def device_id(session: Session) -> str:
    meta = session.get(Meta, DEVICE_KEY)
    if meta is None:
        meta = Meta(key=DEVICE_KEY, value=new_id())
        session.add(meta)
        session.flush()
    return meta.value


class SyncService:
    def __init__(
        self,
        workspace: Workspace,
        server_url: str,
        token_provider: TokenProvider,
        *,
        batch_size: int = 2000,
        pull_limit: int = 500,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not server_url.startswith(("http://", "https://")):
            raise UserError(f"--server {server_url!r}: give an http:// or https:// address")
        self.ws = workspace
        self.url = normalize_url(server_url)
        self.token_provider = token_provider
        self.batch_size = batch_size
        self.pull_limit = pull_limit
        self.timeout = timeout
        self.transport = transport
        self._run_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._status = "never"
        self._reason = ""
        self._last_sync_at: datetime | None = None
        self._http: httpx.Client | None = None
        self._me: tuple[str, dict[str, Any]] | None = None

    # -- state --------------------------------------------------------------------------

    def pending(self) -> int:
        with self.ws.store.session() as session:
            return int(session.scalar(select(func.count()).select_from(Outbox)) or 0)

    def state(self) -> SyncState:
        pending = self.pending()
        with self._state_lock:
            status, reason, last = self._status, self._reason, self._last_sync_at
        if status == "synced" and pending:
            status = "pending"
        elif status == "pending" and not pending:
            status = "synced"
        return SyncState(status, pending, reason, last)

    def _set(self, status: str, reason: str = "") -> None:
        with self._state_lock:
            self._status, self._reason = status, reason
            if status in ("synced", "pending"):
                self._last_sync_at = as_utc(self.ws.clock())

    # -- a round ------------------------------------------------------------------------

    def run_once(self, *, pull: bool = True) -> SyncResult:
        """Push everything pending, then pull (unless told not to); raises SyncError
        (the state is then offline or error)."""
        with self._run_lock:
            try:
                result = self._run(pull)
            except SyncError as exc:
                self._set("offline" if exc.offline else "error", str(exc))
                raise
            except Exception as exc:  # a bug or a broken database: shown, not swallowed
                self._set("error", f"{type(exc).__name__}: {exc}")
                raise
            if result.held:
                self._set(
                    "error",
                    f"{result.held} change(s) held: the server refused them "
                    "(see leaddesk.log; ask your supervisor)",
                )
            else:
                self._set("synced" if result.pending == 0 else "pending")
            return result

    def _run(self, pull: bool) -> SyncResult:
        token = self.token_provider()
        if not token:
            raise SyncError(
                f"no token for {self.ws.agent.name} at {self.url}: run "
                f"'leaddesk login --server {self.url}' or set LEADDESK_TOKEN"
            )
        client = self._client()
        client.headers["Authorization"] = f"Bearer {token}"
        # Who the token is: asked once per token (a refused token clears it).
        if self._me is None or self._me[0] != token:
            self._me = (token, self._request(client, "GET", "/api/me"))
        me = self._me[1]
        rnd = _Round(me["id"], me["name"], bool(me["is_supervisor"]), {})
        rnd.to_server[self.ws.agent.id] = me["id"]
        if rnd.supervisor:
            self._map_agents(client, rnd)
        self._push(client, rnd)
        if pull:
            self._pull(client, rnd)
        with self.ws.store.session() as session:
            held = len(held_ops(session))
        return SyncResult(rnd.pushed, len(rnd.pulled), rnd.conflicts, self.pending(), held)

    def _client(self) -> httpx.Client:
        # One client (and its kept-alive connection) for the service's life: a round
        # with nothing to do then costs one small request.
        if self._http is None:
            self._http = httpx.Client(
                base_url=self.url, timeout=self.timeout, transport=self.transport
            )
        return self._http

    def close(self) -> None:
        with self._run_lock:
            if self._http is not None:
                self._http.close()
                self._http = None

    def __enter__(self) -> SyncService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _request(self, client: httpx.Client, method: str, path: str, **kw: Any) -> Any:
        try:
            response = client.request(method, path, **kw)
        except httpx.TransportError as exc:
            problem = classify(exc)
            message = problem.message if problem else f"cannot reach {self.url}: {exc}"
            raise SyncError(message, offline=True) from None
        if response.status_code == 401:
            self._me = None
            raise SyncError(
                f"{self.url} refused the token of {self.ws.agent.name}: run "
                f"'leaddesk login --server {self.url}' again"
            )
        if response.status_code >= 400:
            field_name = None
            try:
                doc = response.json()
                detail = doc.get("error", "")
                if doc.get("field"):
                    field_name = str(doc["field"])
                    detail = f"{field_name}: {detail}"
            except (ValueError, AttributeError):
                detail = response.text[:200]
            raise SyncError(
                f"{self.url} answered {response.status_code}: {detail}",
                status=response.status_code,
                field=field_name,
            )
        try:
            return response.json()
        except ValueError:
            raise SyncError(
                f"{self.url} did not answer with JSON; is it a LeadDesk server?"
            ) from None

    def _map_agents(self, client: httpx.Client, rnd: _Round) -> None:
        server = {a["name"]: a["id"] for a in self._request(client, "GET", "/api/agents")["agents"]}
        with self.ws.store.session() as session:
            for agent_id, name in session.execute(select(Agent.id, Agent.name)).all():
                if name in server and agent_id != self.ws.agent.id:
                    rnd.to_server[agent_id] = server[name]

    # -- push ---------------------------------------------------------------------------

    def _push(self, client: httpx.Client, rnd: _Round) -> None:
        with self.ws.store.transaction() as session:
            device = device_id(session)

        def prepare(after: int) -> tuple[bytes, list[str], int, list[str]]:
            ops, rows, last = self._next_batch(after, rnd)
            body = json.dumps({"device_id": device, "ops": ops}).encode()
            return body, rows, last, [op["op_id"] for op in ops]

        # The next batch is read and encoded while the server applies this one. Order
        # holds: a batch is sent only after the one before it was acknowledged.
        with ThreadPoolExecutor(1, thread_name_prefix="leaddesk-sync") as reader:
            start = 0
            ahead = reader.submit(prepare, start)
            while True:
                body, rows, after, sent = ahead.result()
                if not rows:
                    return
                ahead = reader.submit(prepare, after)
                try:
                    doc = self._request(
                        client,
                        "POST",
                        "/api/push",
                        content=body,
                        headers={"content-type": "application/json"},
                    )
                except SyncError as exc:
                    held = self._held_by(exc, sent)
                    if held is not None:
                        # Kept, not sent again; the rest of the batch goes again without it.
                        ahead.result()
                        with self.ws.store.transaction() as session:
                            session.merge(Meta(key=HELD_PREFIX + held, value=str(exc)[:500]))
                        log.warning("operation %s held back: %s", held, exc)
                        ahead = reader.submit(prepare, start)
                        continue
                    if exc.status != 413 or len(rows) == 1:
                        raise
                    # The server takes smaller uploads: halve the batch, send it again.
                    ahead.result()
                    self.batch_size = max(1, len(rows) // 2)
                    log.info(
                        "upload too large for %s; batches of %d now", self.url, self.batch_size
                    )
                    ahead = reader.submit(prepare, start)
                    continue
                start = after
                results = doc.get("results", [])
                acked = {r["op_id"] for r in results if r.get("status") in ACKED}
                mine = [op_id for op_id in rows if op_id in acked]
                with self.ws.store.transaction() as session:
                    for i in range(0, len(mine), 500):
                        session.execute(delete(Outbox).where(Outbox.op_id.in_(mine[i : i + 500])))
                rnd.pushed += len(mine)
                rnd.conflicts += sum(1 for r in results if r.get("status") == "conflict")
                if len(mine) < len(rows):
                    raise SyncError(
                        f"{self.url} did not acknowledge {len(rows) - len(mine)} changes"
                    )

    @staticmethod
    def _held_by(exc: SyncError, sent: list[str]) -> str | None:
        """The outbox operation the server refused on its own (409, or 422 or 404
        naming ops[N]), if the answer names one."""
        if exc.status not in (404, 409, 422) or not exc.field:
            return None
        found = _OP_FIELD.match(exc.field)
        if found is None or int(found.group(1)) >= len(sent):
            return None
        # An outbox row, or the "make sure the server has this lead" operation sent
        # ahead of a lead's rows (then the lead's rows wait with it).
        return sent[int(found.group(1))]

    def _next_batch(self, after: int, rnd: _Round) -> tuple[list[dict[str, Any]], list[str], int]:
        """The next operations to send (ids of outbox rows among them) and the last seq."""
        me = self.ws.agent.id
        ops: list[dict[str, Any]] = []
        rows: list[str] = []
        with self.ws.store.session() as session:
            held = held_ops(session)
            known: set[str] = set()
            bootstrapped: set[str] = set()
            while len(rows) < self.batch_size:
                # Plain rows, not ORM objects: a batch is thousands of them.
                chunk = session.execute(
                    select(
                        Outbox.seq,
                        Outbox.op_id,
                        Outbox.kind,
                        Outbox.entity_id,
                        Outbox.payload,
                        Outbox.base_version,
                    )
                    .where(Outbox.seq > after)
                    .order_by(Outbox.seq)
                    .limit(self.batch_size - len(rows))
                ).all()
                if not chunk:
                    break
                versions: dict[str, int] = {}
                lead_ids = list({self._lead_of(r) for r in chunk} - {None})
                for start in range(0, len(lead_ids), 500):
                    versions.update(
                        (row[0], row[1])
                        for row in session.execute(
                            select(SyncedVersion.lead_id, SyncedVersion.version).where(
                                SyncedVersion.lead_id.in_(lead_ids[start : start + 500])
                            )
                        )
                    )
                known |= set(versions)
                for row in chunk:
                    after = row.seq
                    if row.op_id in held:
                        continue
                    payload = dict(row.payload)
                    author = payload.get("agent_id")
                    if author is not None and author != me:
                        continue  # another local agent's work: pushed with that agent's token
                    lead_id = self._lead_of(row)
                    if lead_id is not None and lead_op_id(lead_id) in held:
                        continue  # the server refused the lead itself
                    if row.kind == "lead":
                        bootstrapped.add(row.entity_id)
                        payload.pop("owner_id", None)
                        owner = row.payload.get("owner_id")
                        if rnd.supervisor and owner in rnd.to_server:
                            payload["owner_id"] = rnd.to_server[owner]
                    elif lead_id is not None and lead_id not in known | bootstrapped:
                        lead_op = self._lead_op(session, lead_id)
                        if lead_op is not None:
                            ops.append(lead_op)
                        bootstrapped.add(lead_id)
                    if author is not None:
                        payload["agent_id"] = rnd.me_id
                    base = row.base_version
                    if base is not None and row.kind in ("lead", "lead_state"):
                        base = versions.get(row.entity_id, base)
                    ops.append(
                        {
                            "op_id": row.op_id,
                            "kind": row.kind,
                            "entity_id": row.entity_id,
                            "payload": payload,
                            "base_version": base,
                        }
                    )
                    rows.append(row.op_id)
        return ops, rows, after

    @staticmethod
    def _lead_of(row: Any) -> str | None:
        """The lead an operation is about, if any."""
        if row.kind in ("lead", "lead_state"):
            return str(row.entity_id)
        lead_id = row.payload.get("lead_id")
        return lead_id if isinstance(lead_id, str) else None

    def _lead_op(self, session: Session, lead_id: str) -> dict[str, Any] | None:
        lead = session.get(Lead, lead_id)
        if lead is None:
            return None
        payload = {k: v for k, v in encode(lead).items() if k not in LEAD_SERVER_FIELDS}
        return {
            "op_id": lead_op_id(lead_id),
            "kind": "lead",
            "entity_id": lead_id,
            "payload": payload,
            "base_version": None,
        }

    # -- pull ---------------------------------------------------------------------------

    def _cursor_key(self, rnd: _Round) -> str:
        digest = hashlib.sha256(f"{self.url} {rnd.me_id}".encode()).hexdigest()[:40]
        return f"sync_cursor:{digest}"

    def _pull(self, client: httpx.Client, rnd: _Round) -> None:
        with self.ws.store.transaction() as session:
            device = device_id(session)
            meta = session.get(Meta, self._cursor_key(rnd))
            cursor = meta.value if meta else ""
        while True:
            doc = self._request(
                client,
                "GET",
                "/api/pull",
                params={"cursor": cursor, "limit": self.pull_limit, "device_id": device},
            )
            try:
                with self.ws.store.transaction() as session:
                    rnd.pulled |= self._apply(session, doc, rnd)
                    cursor = str(doc["cursor"])
                    session.merge(Meta(key=self._cursor_key(rnd), value=cursor))
            except (WireError, KeyError, TypeError) as exc:
                raise SyncError(
                    f"{self.url} sent changes this LeadDesk cannot read: {exc}"
                ) from None
            if not doc.get("more"):
                # The server learns on the next round how far this device got (the
                # cursor it sends is what it has applied) and keeps deletes until then.
                return

    @staticmethod
    def _apply_team(session: Session, team: Any) -> None:
        """The team's company, topic and callback number (a supervisor's, on the server):
        kept in this database's meta for the scripts."""
        if not isinstance(team, dict):
            return
        for name, limit in TEAM_SETTINGS.items():
            value = team.get(name)
            if isinstance(value, str) and len(value) <= limit and "\x00" not in value:
                session.merge(Meta(key=f"team.{name}", value=value))

    def _apply(self, session: Session, doc: dict[str, Any], rnd: _Round) -> set[tuple[str, str]]:
        """Apply one page; returns what it changed here, as (kind, id)."""
        now = as_utc(self.ws.clock())
        local: dict[str, str] = {rnd.me_id: self.ws.agent.id}
        for agent in doc.get("agents", []):
            if agent["id"] not in local:
                local[agent["id"]] = get_or_create_agent(session, agent["name"]).id
            # Roles are the team's: a supervisor's laptop opens Supervisor review on the
            # whole team, and reports leave supervisors out as the server does.
            row = session.get(Agent, local[agent["id"]])
            if row is not None and row.is_supervisor != bool(agent.get("is_supervisor")):
                row.is_supervisor = bool(agent.get("is_supervisor"))
        self._apply_team(session, doc.get("team"))
        applied: set[tuple[str, str]] = set()
        for i, raw in enumerate(doc.get("cadences", [])):
            cadence = decode(Cadence, raw, f"cadences[{i}]")
            self._apply_cadence(session, cadence)
            applied.add(("cadence", cadence["id"]))
        for i, raw in enumerate(doc.get("scripts", [])):
            script = decode(VoicemailScript, raw, f"scripts[{i}]")
            self._apply_script(session, script)
            applied.add(("script", script["id"]))
        leads = [decode(Lead, raw, f"leads[{i}]") for i, raw in enumerate(doc.get("leads", []))]
        removed = [str(x) for x in doc.get("removed", [])]
        ids = [d["id"] for d in leads]
        waiting = self._waiting(session, ids)
        existing = {x.id: x for x in session.scalars(select(Lead).where(Lead.id.in_(ids)))}
        versions = {
            v.lead_id: v
            for v in session.scalars(select(SyncedVersion).where(SyncedVersion.lead_id.in_(ids)))
        }
        cadences = set(session.scalars(select(Cadence.id)))
        for data in leads:
            if data["id"] in waiting:
                continue
            data["owner_id"] = local.get(data.get("owner_id") or "")
            if data.get("cadence_id") not in cadences:
                data["cadence_id"] = None
            lead = existing.get(data["id"])
            if lead is None:
                session.add(Lead(**data))
            else:
                for name, value in data.items():
                    setattr(lead, name, value)
            version = versions.get(data["id"])
            if version is None:
                session.add(SyncedVersion(lead_id=data["id"], version=data["version"]))
            else:
                version.version = data["version"]
            applied.add(("lead", data["id"]))
        for lead_id in removed:
            # Assigned to someone else now: off this call list. Changes still queued
            # for it go up all the same (its attempts are kept; its state is recorded
            # as a conflict for the supervisor).
            lead = session.get(Lead, lead_id)
            if lead is not None and lead.deleted_at is None:
                lead.deleted_at = now
                applied.add(("lead", lead_id))
        applied |= apply_history(session, doc, local)
        return applied

    @staticmethod
    def _waiting(session: Session, lead_ids: list[str]) -> set[str]:
        if not lead_ids:
            return set()
        return set(
            session.scalars(
                select(Outbox.entity_id).where(
                    Outbox.kind.in_(("lead", "lead_state")), Outbox.entity_id.in_(lead_ids)
                )
            )
        )

    @staticmethod
    def _apply_cadence(session: Session, data: dict[str, Any]) -> None:
        row = session.get(Cadence, data["id"])
        if row is None:
            clash = session.scalars(select(Cadence).where(Cadence.name == data["name"])).first()
            if clash is not None:
                clash.name = f"{clash.name} (local)"[:80]
                session.flush()
            session.add(Cadence(**data))
            return
        for name, value in data.items():
            setattr(row, name, value)

    @staticmethod
    def _apply_script(session: Session, data: dict[str, Any]) -> None:
        row = session.get(VoicemailScript, data["id"])
        if row is None:
            row = session.scalars(
                select(VoicemailScript).where(
                    VoicemailScript.team == data["team"],
                    VoicemailScript.stage == data["stage"],
                    VoicemailScript.variant == data["variant"],
                )
            ).first()
            if row is None:
                session.add(VoicemailScript(**data))
                return
            data = {k: v for k, v in data.items() if k != "id"}  # keep the laptop's id
        for name, value in data.items():
            setattr(row, name, value)
