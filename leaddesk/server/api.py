"""HTTP routes of the team server. Each request authenticates its bearer token and runs
as one database transaction for that agent: an agent reads only leads assigned to it
and writes attempts only as itself; supervisors read everything and assign.

Errors are JSON `{"error": ..., "field": ...}`: 401 no or bad token, 403 not allowed,
404 not found (or not yours), 405 (with `Allow`), 409 an operation id reused for other
content or an agent that exists already, 413 body too large, 422 a field at fault, 429
too many failed authentications from one address (with `Retry-After`).

The token is checked before the body is read: an unauthenticated caller cannot make the
server parse anything. Failed authentications are audited and limited per address.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, NoReturn, TypeVar

import anyio
import anyio.to_thread
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from leaddesk.domain.clock import Clock
from leaddesk.server import admin, changes, openapi, reports
from leaddesk.server.auth import Caller, add_agent, audit, authenticate, check_name
from leaddesk.server.push import Forbidden, NotYours, OpConflict, apply_push, parse_push
from leaddesk.services.errors import UserError
from leaddesk.store.engine import Store
from leaddesk.store.models import Agent, Attempt, AuthAudit, Lead
from leaddesk.sync.wire import WireError, check_text, encode

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_MAX_BODY = 8 * 1024 * 1024
MAX_LIST = 1000
MAX_ID = 36
# Failed authentications allowed per client address in a window before 429.
AUTH_FAILURES = 20
AUTH_WINDOW_S = 60.0
# Transaction errors worth one more try: deadlock, serialization, unique race.
RETRY_CODES = {"40P01", "40001", "23505"}


class ApiError(Exception):
    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field


def _error(status: int, message: str, field: str | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": message}
    if field is not None:
        body["field"] = field
    return JSONResponse(body, status_code=status)


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    text = request.query_params.get(name)
    if text is None:
        return default
    if len(text) > 20 or not text.strip().lstrip("+-").isdigit():
        raise WireError(name, "must be a whole number")
    try:
        value = int(text)
    except ValueError:
        raise WireError(name, "must be a whole number") from None
    if not low <= value <= high:
        raise WireError(name, f"must be between {low} and {high}")
    return value


def _id_param(value: str | None, name: str) -> str | None:
    """An id given in a path or query: 1 to 36 characters of clean text."""
    if value is None or value == "":
        return None
    if len(value) > MAX_ID:
        raise WireError(name, f"must be an id of 1 to {MAX_ID} characters")
    return check_text(value, name)


def _reject_constant(name: str) -> Any:
    raise WireError("body", f"{name} is not a JSON number LeadDesk takes")


class FailureLimiter:
    """Failed authentications per client address in a sliding window.

    Counted twice: here, in this process's memory (answers before any database work),
    and in the database, whose `auth_audit` rows every server process writes and reads
    (`shared_wait`): an address that reached the limit through other processes is
    stopped here after its first failure here, not after `limit` more per process.
    """

    def __init__(self, limit: int, window_s: float) -> None:
        self.limit = limit
        self.window_s = window_s
        self._lock = threading.Lock()
        self._seen: dict[str, deque[float]] = {}
        self._blocked: dict[str, float] = {}  # address -> monotonic time it may try again

    def block(self, client: str, wait_s: float) -> None:
        """Stop the address for `wait_s` seconds (the database's count said so)."""
        with self._lock:
            if len(self._blocked) > 100_000:
                self._blocked.clear()
            self._blocked[client] = time.monotonic() + wait_s

    def shared_wait(self, session: Session, client: str, now: datetime) -> float:
        """Seconds this address must wait by the failures every server process audited
        in the window (0: it may go on)."""
        since = now - timedelta(seconds=self.window_s)
        times = list(
            session.scalars(
                select(AuthAudit.at)
                .where(
                    AuthAudit.client == client[:64],
                    AuthAudit.event == "auth_failed",
                    AuthAudit.at > since,
                )
                .order_by(AuthAudit.at.desc())
                .limit(self.limit)
            )
        )
        if len(times) < self.limit:
            return 0.0
        return max(1.0, (times[-1] - since).total_seconds())

    def retry_after(self, client: str) -> int:
        """Seconds to wait before this address may try again (0: it may now)."""
        now = time.monotonic()
        with self._lock:
            until = self._blocked.get(client)
            if until is not None:
                if until > now:
                    return max(1, math.ceil(until - now))
                del self._blocked[client]
            times = self._seen.get(client)
            if not times:
                return 0
            while times and times[0] <= now - self.window_s:
                times.popleft()
            if not times:
                del self._seen[client]
                return 0
            if len(times) < self.limit:
                return 0
            return max(1, math.ceil(times[0] + self.window_s - now))

    def failed(self, client: str) -> None:
        with self._lock:
            if len(self._seen) > 100_000:
                self._seen.clear()  # a flood from everywhere: start counting again
            self._seen.setdefault(client, deque()).append(time.monotonic())


class _BadToken(Exception):
    """The token of a request without a body failed in its transaction."""


# Requests of one process that run at once, each in a thread with its own database
# connection (leaddesk.store.migrate.PG_POOL_SIZE). More threads do not answer more:
# they hold transactions open while they queue for the one interpreter lock (the
# lock's convoy), and under 200 agents latency fell off a cliff; more processes
# (`--workers N`) do.
REQUEST_THREADS = 8


class Api:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        max_body: int = DEFAULT_MAX_BODY,
        *,
        auth_failures: int = AUTH_FAILURES,
        auth_window_s: float = AUTH_WINDOW_S,
    ) -> None:
        self.store = store
        self.clock = clock
        self.max_body = max_body
        self.limiter = FailureLimiter(auth_failures, auth_window_s)
        self._threads: anyio.CapacityLimiter | None = None

    async def _thread(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(*args)` in one of this process's REQUEST_THREADS request threads."""
        if self._threads is None:
            self._threads = anyio.CapacityLimiter(REQUEST_THREADS)
        return await anyio.to_thread.run_sync(functools.partial(fn, *args), limiter=self._threads)

    # -- plumbing -----------------------------------------------------------------------

    async def _json(self, request: Request) -> Any:
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            raise ApiError(413, f"the request body is over the limit of {self.max_body} bytes")
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.max_body:
                raise ApiError(413, f"the request body is over the limit of {self.max_body} bytes")
            chunks.append(chunk)
        try:
            return json.loads(b"".join(chunks) or b"null", parse_constant=_reject_constant)
        except WireError:
            raise
        except RecursionError:
            raise WireError("body", "is nested too deeply") from None
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "the request body is not JSON", "body") from None

    def _token(self, request: Request) -> str:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "a bearer token is required (leaddesk login)")
        return token.strip()

    def _authenticate(self, token: str, client: str) -> Caller:
        """The caller, or 401 after auditing the failure (no token, no hash kept)."""
        with self.store.session() as session:
            caller = authenticate(session, token, self.clock())
        if caller is not None:
            return caller
        self._failed(client)

    def _failed(self, client: str) -> NoReturn:
        """A failed authentication: counted, audited, 401."""
        self.limiter.failed(client)
        now = self.clock()
        with self.store.transaction() as session:
            audit(session, "auth_failed", client=client, at=now, detail="bad token")
        with self.store.session() as session:
            wait = self.limiter.shared_wait(session, client, now)
        if wait:
            self.limiter.block(client, wait)
        raise ApiError(401, "the token is not valid (revoked, expired or mistyped)")

    def _run(
        self, token: str, fn: Callable[..., Any], args: tuple[Any, ...], write: bool = True
    ) -> Any:
        """`fn` in one transaction for the caller. A request that only reads (`write` False)
        runs in a read transaction: on SQLite a deferred BEGIN, which in WAL mode lets
        agents' pushes commit meanwhile, where BEGIN IMMEDIATE would hold the one write
        lock for as long as, say, a supervisor's report takes."""
        for attempt in range(3):
            try:
                with self.store.transaction() if write else self.store.session() as session:
                    caller = authenticate(session, token, self.clock())
                    if caller is None:
                        raise _BadToken
                    return fn(session, caller, *args)
            except DBAPIError as exc:
                code = getattr(exc.orig, "sqlstate", None)
                if code in RETRY_CODES and attempt < 2:
                    log.info("retrying a request after %s", code)
                    continue
                raise
        raise AssertionError("unreachable")

    async def _call(
        self,
        request: Request,
        fn: Callable[..., Any],
        *args: Any,
        body: bool = False,
        write: bool = True,
    ) -> JSONResponse:
        client = request.client.host if request.client else ""
        wait = self.limiter.retry_after(client)
        if wait:
            response = _error(429, f"too many failed authentications; try again in {wait} s")
            response.headers["Retry-After"] = str(wait)
            return response
        try:
            token = self._token(request)
            if body:
                # Who is asking, before a byte of the body is read.
                await self._thread(self._authenticate, token, client)
                args = (await self._json(request), *args)
            try:
                # The token is checked (again, for a body) in the request's transaction.
                result = await self._thread(self._run, token, fn, args, write)
            except _BadToken:
                await self._thread(self._failed, client)
        except ApiError as exc:
            return _error(exc.status, exc.message, exc.field)
        except WireError as exc:
            return _error(422, exc.message, exc.path)
        except NotYours as exc:
            return _error(404, exc.message, exc.path)
        except OpConflict as exc:
            return _error(409, exc.message, exc.path)
        except Forbidden as exc:
            return _error(403, exc.message, exc.path)
        except admin.SupervisorOnly as exc:
            return _error(403, str(exc))
        except LookupError as exc:
            return _error(404, str(exc).strip("'\""))
        except UserError as exc:
            return _error(422, str(exc))
        return JSONResponse(result)

    # -- routes -------------------------------------------------------------------------

    async def health(self, request: Request) -> JSONResponse:
        return JSONResponse({"ok": True})

    async def me(self, request: Request) -> JSONResponse:
        def fn(session: Session, caller: Caller) -> dict[str, Any]:
            return {"id": caller.id, "name": caller.name, "is_supervisor": caller.is_supervisor}

        return await self._call(request, fn, write=False)

    async def push(self, request: Request) -> JSONResponse:
        def fn(session: Session, caller: Caller, body: Any) -> dict[str, Any]:
            started = time.perf_counter()
            device_id, ops = parse_push(body)
            device = changes.own_device(session, caller, device_id)
            results = apply_push(session, caller, ops, self.clock(), device)
            log.info(
                "push from %s: %d operations applied in %.3f s",
                caller.name,
                len(ops),
                time.perf_counter() - started,
            )
            return {"results": results}

        started = time.perf_counter()
        response = await self._call(request, fn, body=True)
        log.info("push request answered in %.3f s", time.perf_counter() - started)
        return response

    async def pull(self, request: Request) -> JSONResponse:
        def fn(session: Session, caller: Caller) -> dict[str, Any]:
            cursor = changes.parse_cursor(request.query_params.get("cursor"))
            limit = _int_param(request, "limit", 500, 1, changes.MAX_PULL)
            device_id = _id_param(request.query_params.get("device_id"), "device_id")
            result = changes.pull(session, caller, cursor, limit, device_id)
            if device_id:
                changes.note_device(session, caller, device_id, cursor)
            return result

        return await self._call(request, fn)

    async def leads(self, request: Request) -> JSONResponse:
        def fn(session: Session, caller: Caller) -> dict[str, Any]:
            limit = _int_param(request, "limit", 200, 1, MAX_LIST)
            offset = _int_param(request, "offset", 0, 0, 10**9)
            query = select(Lead).order_by(Lead.created_at, Lead.id).limit(limit).offset(offset)
            if not caller.is_supervisor:
                query = query.where(Lead.owner_id == caller.id)
            return {"leads": [encode(lead) for lead in session.scalars(query)]}

        return await self._call(request, fn, write=False)

    async def lead(self, request: Request) -> JSONResponse:
        lead_id = request.path_params["lead_id"]

        def fn(session: Session, caller: Caller) -> dict[str, Any]:
            _id_param(lead_id, "lead_id")
            lead = session.get(Lead, lead_id)
            # Another agent's lead is "not found": its existence is not the caller's business.
            if lead is None or not (caller.is_supervisor or lead.owner_id == caller.id):
                raise LookupError(f"no lead {lead_id!r}")
            return encode(lead)

        return await self._call(request, fn, write=False)

    async def delete_lead(self, request: Request) -> JSONResponse:
        lead_id = request.path_params["lead_id"]

        def fn(session: Session, caller: Caller) -> dict[str, Any]:
            admin.require_supervisor(caller, "delete leads")
            _id_param(lead_id, "lead_id")
            return admin.delete_lead(session, caller, lead_id, self.clock())

        return await self._call(request, fn)

    async def attempts(self, request: Request) -> JSONResponse:
        def fn(session: Session, caller: Caller) -> dict[str, Any]:
            limit = _int_param(request, "limit", MAX_LIST, 1, 10 * MAX_LIST)
            offset = _int_param(request, "offset", 0, 0, 10**9)
            query = select(Attempt).order_by(Attempt.started_at, Attempt.id)
            lead_id = _id_param(request.query_params.get("lead_id"), "lead_id")
            if lead_id:
                query = query.where(Attempt.lead_id == lead_id)
            if not caller.is_supervisor:
                query = query.where(Attempt.agent_id == caller.id)
            rows = session.scalars(query.limit(limit).offset(offset))
            return {"attempts": [encode(a) for a in rows]}

        return await self._call(request, fn, write=False)

    async def import_leads(self, request: Request) -> JSONResponse:
        return await self._call(
            request, lambda s, c, b: admin.import_leads(s, c, b, self.clock()), body=True
        )

    async def team_settings(self, request: Request) -> JSONResponse:
        return await self._call(request, lambda s, c: changes.team_settings(s), write=False)

    async def set_team_settings(self, request: Request) -> JSONResponse:
        return await self._call(
            request, lambda s, c, b: admin.set_team_settings(s, c, b, self.clock()), body=True
        )

    async def owner_aliases(self, request: Request) -> JSONResponse:
        return await self._call(request, admin.owner_aliases, write=False)

    async def set_owner_alias(self, request: Request) -> JSONResponse:
        return await self._call(
            request, lambda s, c, b: admin.set_owner_alias(s, c, b, self.clock()), body=True
        )

    async def assign(self, request: Request) -> JSONResponse:
        return await self._call(
            request, lambda s, c, b: admin.assign_leads(s, c, b, self.clock()), body=True
        )

    async def scripts(self, request: Request) -> JSONResponse:
        return await self._call(
            request, lambda s, c, b: admin.put_scripts(s, c, b, self.clock()), body=True
        )

    async def cadences(self, request: Request) -> JSONResponse:
        return await self._call(
            request, lambda s, c, b: admin.put_cadences(s, c, b, self.clock()), body=True
        )

    async def conflicts(self, request: Request) -> JSONResponse:
        return await self._call(request, admin.list_conflicts, write=False)

    async def agents(self, request: Request) -> JSONResponse:
        def fn(session: Session, caller: Caller) -> dict[str, Any]:
            admin.require_supervisor(caller, "list agents")
            rows = session.scalars(select(Agent).order_by(Agent.name))
            return {
                "agents": [
                    {"id": a.id, "name": a.name, "is_supervisor": a.is_supervisor} for a in rows
                ]
            }

        return await self._call(request, fn, write=False)

    async def add_agent(self, request: Request) -> JSONResponse:
        """A supervisor creates an agent and gets its first token. An existing agent's
        identity is not the supervisor's to take (409): its tokens come from the server's
        console (`leaddesk server add-agent`). Creating a supervisor is audited."""

        def fn(session: Session, caller: Caller, body: Any) -> dict[str, Any]:
            admin.require_supervisor(caller, "add agents")
            if not isinstance(body, dict):
                raise WireError("body", "must be a JSON object with 'name'")
            unknown = set(body) - {"name", "supervisor", "device"}
            if unknown:
                raise WireError(sorted(unknown)[0][:40], "is not a field of a new agent")
            name = body.get("name")
            if not isinstance(name, str):
                raise WireError("name", "is required (text)")
            supervisor = body.get("supervisor", False)
            if not isinstance(supervisor, bool):
                raise WireError("supervisor", "must be true or false")
            device = body.get("device")
            if device is not None and not isinstance(device, str):
                raise WireError("device", "must be text")
            try:
                cleaned = check_name(check_text(name, "name"))
            except UserError as exc:
                raise WireError("name", str(exc)) from None
            if session.scalars(select(Agent.id).where(Agent.name == cleaned)).first():
                raise ApiError(409, f"agent {cleaned!r} exists already", "name")
            try:
                agent, token, _created = add_agent(
                    session,
                    cleaned,
                    supervisor,
                    device=check_text(device, "device") if device else None,
                    actor=caller.name,
                )
            except UserError as exc:
                raise WireError("device", str(exc)) from None
            return {"agent": agent.name, "token": token}

        return await self._call(request, fn, body=True)

    async def audit_log(self, request: Request) -> JSONResponse:
        """Supervisors: issued and revoked tokens, promotions, failed authentications,
        newest first."""

        def fn(session: Session, caller: Caller) -> dict[str, Any]:
            admin.require_supervisor(caller, "read the access audit")
            limit = _int_param(request, "limit", 200, 1, MAX_LIST)
            offset = _int_param(request, "offset", 0, 0, 10**9)
            rows = session.scalars(
                select(AuthAudit)
                .order_by(AuthAudit.at.desc(), AuthAudit.id)
                .limit(limit)
                .offset(offset)
            )
            return {
                "events": [
                    {
                        "at": encode(row)["at"],
                        "event": row.event,
                        "agent": row.agent,
                        "actor": row.actor,
                        "device": row.device,
                        "client": row.client,
                        "detail": row.detail,
                    }
                    for row in rows
                ]
            }

        return await self._call(request, fn, write=False)

    async def openapi(self, request: Request) -> JSONResponse:
        """The OpenAPI document of this API, for supervisors (and the fuzz tests)."""

        def fn(session: Session, caller: Caller) -> dict[str, Any]:
            admin.require_supervisor(caller, "read the API description")
            return openapi.document()

        return await self._call(request, fn, write=False)

    async def purge(self, request: Request) -> JSONResponse:
        def fn(session: Session, caller: Caller) -> dict[str, Any]:
            admin.require_supervisor(caller, "purge deleted leads")
            return {"purged": changes.purge_deleted(session)}

        return await self._call(request, fn)

    async def report(self, request: Request) -> JSONResponse:
        def fn(session: Session, caller: Caller) -> dict[str, Any]:
            return reports.report(self.store, self.clock, caller, request.query_params)

        # A report only reads, and on a big team it reads for a while.
        return await self._call(request, fn, write=False)

    def handlers(self) -> list[tuple[str, str, Callable[[Request], Any]]]:
        """(path, method, handler) of every route; `openapi.py` describes the same."""
        return [
            ("/api/health", "GET", self.health),
            ("/api/me", "GET", self.me),
            ("/api/push", "POST", self.push),
            ("/api/pull", "GET", self.pull),
            ("/api/leads", "GET", self.leads),
            ("/api/leads/import", "POST", self.import_leads),
            ("/api/leads/assign", "POST", self.assign),
            ("/api/team-settings", "GET", self.team_settings),
            ("/api/team-settings", "PUT", self.set_team_settings),
            ("/api/owner-aliases", "GET", self.owner_aliases),
            ("/api/owner-aliases", "PUT", self.set_owner_alias),
            ("/api/leads/{lead_id}", "GET", self.lead),
            ("/api/leads/{lead_id}", "DELETE", self.delete_lead),
            ("/api/attempts", "GET", self.attempts),
            ("/api/conflicts", "GET", self.conflicts),
            ("/api/agents", "GET", self.agents),
            ("/api/agents", "POST", self.add_agent),
            ("/api/audit", "GET", self.audit_log),
            ("/api/openapi.json", "GET", self.openapi),
            ("/api/scripts", "PUT", self.scripts),
            ("/api/cadences", "PUT", self.cadences),
            ("/api/purge", "POST", self.purge),
            ("/api/report", "GET", self.report),
        ]

    def routes(self) -> list[Route]:
        """One route per path with all its methods, so that a 405 names every allowed
        method in its `Allow` header."""
        by_path: dict[str, dict[str, Callable[[Request], Any]]] = {}
        for path, method, handler in self.handlers():
            by_path.setdefault(path, {})[method] = handler

        def dispatch(table: dict[str, Callable[[Request], Any]]) -> Callable[[Request], Any]:
            async def endpoint(request: Request) -> Any:
                method = "GET" if request.method == "HEAD" else request.method
                return await table[method](request)

            return endpoint

        return [
            Route(path, dispatch(table), methods=list(table)) for path, table in by_path.items()
        ]
