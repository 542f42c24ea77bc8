"""HTTP routes of the team server. Each request authenticates its bearer token and runs
as one database transaction for that agent: an agent reads only leads assigned to it
and writes attempts only as itself; supervisors read everything and assign.

Errors are JSON `{"error": ..., "field": ...}`: 401 no or bad token, 403 not allowed,
404 not found (or not yours), 413 body too large, 422 a field at fault.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from leaddesk.domain.clock import Clock
from leaddesk.server import admin, changes, reports
from leaddesk.server.auth import Caller, add_agent, authenticate
from leaddesk.server.push import Forbidden, apply_push, parse_push
from leaddesk.services.errors import UserError
from leaddesk.services.sync_wire import WireError, encode
from leaddesk.store.engine import Store
from leaddesk.store.models import Agent, Attempt, Lead

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY = 8 * 1024 * 1024
MAX_LIST = 1000
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
    try:
        value = int(text)
    except ValueError:
        raise WireError(name, "must be a whole number") from None
    if not low <= value <= high:
        raise WireError(name, f"must be between {low} and {high}")
    return value


class Api:
    def __init__(self, store: Store, clock: Clock, max_body: int = DEFAULT_MAX_BODY) -> None:
        self.store = store
        self.clock = clock
        self.max_body = max_body

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
            return json.loads(b"".join(chunks) or b"null")
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "the request body is not JSON", "body") from None

    def _token(self, request: Request) -> str:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "a bearer token is required (leaddesk login)")
        return token.strip()

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
                    caller = authenticate(session, token)
                    if caller is None:
                        raise ApiError(401, "the token is not valid (revoked or mistyped)")
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
        try:
            token = self._token(request)
            if body:
                args = (await self._json(request), *args)
            result = await run_in_threadpool(self._run, token, fn, args, write)
        except ApiError as exc:
            return _error(exc.status, exc.message, exc.field)
        except WireError as exc:
            return _error(422, exc.message, exc.path)
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
            device_id = request.query_params.get("device_id") or None
            if device_id is not None and len(device_id) > 36:
                raise WireError("device_id", "must be an id of 1 to 36 characters")
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
            lead = session.get(Lead, lead_id)
            # Another agent's lead is "not found": its existence is not the caller's business.
            if lead is None or not (caller.is_supervisor or lead.owner_id == caller.id):
                raise LookupError(f"no lead {lead_id!r}")
            return encode(lead)

        return await self._call(request, fn, write=False)

    async def delete_lead(self, request: Request) -> JSONResponse:
        lead_id = request.path_params["lead_id"]
        return await self._call(
            request, lambda s, c: admin.delete_lead(s, c, lead_id, self.clock())
        )

    async def attempts(self, request: Request) -> JSONResponse:
        def fn(session: Session, caller: Caller) -> dict[str, Any]:
            limit = _int_param(request, "limit", MAX_LIST, 1, 10 * MAX_LIST)
            offset = _int_param(request, "offset", 0, 0, 10**9)
            query = select(Attempt).order_by(Attempt.started_at, Attempt.id)
            lead_id = request.query_params.get("lead_id")
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
        def fn(session: Session, caller: Caller, body: Any) -> dict[str, Any]:
            admin.require_supervisor(caller, "add agents")
            if not isinstance(body, dict) or not isinstance(body.get("name"), str):
                raise WireError("name", "is required (text)")
            supervisor = body.get("supervisor", False)
            if not isinstance(supervisor, bool):
                raise WireError("supervisor", "must be true or false")
            agent, token, _created = add_agent(session, body["name"], supervisor)
            return {"agent": agent.name, "token": token}

        return await self._call(request, fn, body=True)

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

    def routes(self) -> list[Route]:
        return [
            Route("/api/health", self.health, methods=["GET"]),
            Route("/api/me", self.me, methods=["GET"]),
            Route("/api/push", self.push, methods=["POST"]),
            Route("/api/pull", self.pull, methods=["GET"]),
            Route("/api/leads", self.leads, methods=["GET"]),
            Route("/api/leads/import", self.import_leads, methods=["POST"]),
            Route("/api/leads/assign", self.assign, methods=["POST"]),
            Route("/api/leads/{lead_id}", self.lead, methods=["GET"]),
            Route("/api/leads/{lead_id}", self.delete_lead, methods=["DELETE"]),
            Route("/api/attempts", self.attempts, methods=["GET"]),
            Route("/api/conflicts", self.conflicts, methods=["GET"]),
            Route("/api/agents", self.agents, methods=["GET"]),
            Route("/api/agents", self.add_agent, methods=["POST"]),
            Route("/api/scripts", self.scripts, methods=["PUT"]),
            Route("/api/cadences", self.cadences, methods=["PUT"]),
            Route("/api/purge", self.purge, methods=["POST"]),
            Route("/api/report", self.report, methods=["GET"]),
        ]
