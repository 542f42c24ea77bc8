"""`leaddesk server run|add-agent|revoke-token|list-tokens|assign`: the team server and
its administration."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from typing import Any

from leaddesk.cli import Context


def open_server_store(url: str) -> Any:
    from sqlalchemy.exc import SQLAlchemyError

    from leaddesk.services.errors import UserError
    from leaddesk.store.migrate import open_url

    if not url.startswith(("postgresql", "sqlite:///")):
        raise UserError(f"--database-url {url!r}: give postgresql://USER@HOST/DB or sqlite:///PATH")
    try:
        return open_url(url)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise UserError(f"cannot open the server database: {reason}") from None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_server(args: argparse.Namespace, ctx: Context) -> int:
    import uvicorn

    from leaddesk.server.app import create_app, uvicorn_config
    from leaddesk.services.errors import UserError

    if bool(args.tls_cert) != bool(args.tls_key):
        raise UserError("--tls-cert and --tls-key go together")
    for path in (args.tls_cert, args.tls_key):
        if path is not None and not path.is_file():
            raise UserError(f"{path}: no such file")
    workers = getattr(args, "workers", 1)
    if not 1 <= workers <= 64:
        raise UserError(f"--workers {workers}: give 1 to 64 processes")
    store = open_server_store(args.database_url)  # migrated once, here, before any worker
    scheme = "https" if args.tls_cert else "http"
    if not _is_loopback(args.host) and not args.tls_cert:
        sys.stderr.write(
            f"leaddesk: warning: serving on {args.host} without TLS: tokens cross the network "
            "in clear text; give --tls-cert and --tls-key\n"
        )
    plural = f" ({workers} worker processes)" if workers > 1 else ""
    sys.stderr.write(f"leaddesk server on {scheme}://{args.host}:{args.port}{plural}\n")
    sys.stderr.flush()
    if workers > 1:
        store.close()
        return _run_workers(args, ctx, workers)
    try:
        app = create_app(store, clock=ctx.clock)
        uvicorn.Server(uvicorn_config(app, args.host, args.port, args.tls_cert, args.tls_key)).run()
    finally:
        store.close()
    return 0


def _run_workers(args: argparse.Namespace, ctx: Context, workers: int) -> int:
    """uvicorn's own supervisor: N processes accept on one socket, each with its own app
    and connection pool. Nothing a request needs lives only in one process's memory
    (README, "Several server processes")."""
    import os

    import uvicorn

    from leaddesk.server.app import DATABASE_URL_ENV, KEEP_ALIVE_S, NOW_ENV

    os.environ[DATABASE_URL_ENV] = args.database_url
    if getattr(args, "now", None):
        os.environ[NOW_ENV] = ctx.clock().isoformat()
    uvicorn.run(
        "leaddesk.server.app:worker_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=workers,
        ssl_certfile=str(args.tls_cert) if args.tls_cert else None,
        ssl_keyfile=str(args.tls_key) if args.tls_key else None,
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=5,
        timeout_keep_alive=KEEP_ALIVE_S,
    )
    return 0


def add_agent(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.server.auth import DEFAULT_TOKEN_DAYS, add_agent_to
    from leaddesk.services.errors import UserError

    days = DEFAULT_TOKEN_DAYS if args.expires_days is None else args.expires_days
    if not 0 <= days <= 3650:
        raise UserError(f"--expires-days {days}: give 0 (never) to 3650 days")
    store = open_server_store(args.database_url)
    try:
        agent, token, created = add_agent_to(
            store, args.name, args.supervisor, device=args.device, expires_days=days or None
        )
    finally:
        store.close()
    role = "supervisor" if agent.is_supervisor else "agent"
    what = (
        "created"
        if created
        else "already existed; a new token was issued (the device's old one is revoked)"
    )
    ctx.emit(
        {"agent": agent.name, "token": token},
        f"{role} {agent.name} {what}. Token (shown once, give it to 'leaddesk login'):\n{token}",
    )
    return 0


def revoke_token(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.server.auth import revoke_tokens

    store = open_server_store(args.database_url)
    try:
        with store.transaction() as session:
            count = revoke_tokens(session, args.agent, args.device)
    finally:
        store.close()
    where = f"device {args.device}" if args.device else "every device"
    ctx.emit(
        {"agent": args.agent, "device": args.device, "revoked": count},
        f"{count} token(s) of {args.agent} revoked ({where}); they get 401 from now on",
    )
    return 0


def list_tokens(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.server.auth import list_tokens as rows_of

    store = open_server_store(args.database_url)
    try:
        with store.session() as session:
            rows = rows_of(session, ctx.clock())
    finally:
        store.close()
    lines = [
        f"{r['agent']:<20} {r['device']:<16} {r['state']:<8} issued {r['issued_at']}"
        + (f", expires {r['expires_at']}" if r["expires_at"] else ", never expires")
        for r in rows
    ]
    ctx.emit({"tokens": rows}, "\n".join(lines) or "no tokens issued")
    return 0


def assign(args: argparse.Namespace, ctx: Context) -> int:
    """Reassign leads from the command line, as a supervisor would through the API."""
    from sqlalchemy import select

    from leaddesk.server import admin
    from leaddesk.server.auth import Caller
    from leaddesk.services.errors import UserError
    from leaddesk.store.models import Agent
    from leaddesk.sync.wire import WireError

    store = open_server_store(args.database_url)
    try:
        with store.transaction() as session:
            # Whoever can open the database acts as a supervisor; the change is signed
            # with the first supervisor's id (conflicts name who changed a field).
            boss = session.scalars(
                select(Agent).where(Agent.is_supervisor).order_by(Agent.created_at).limit(1)
            ).first()
            caller = Caller(boss.id if boss else "", "leaddesk server assign", True)
            try:
                result = admin.assign_leads(
                    session, caller, {"lead_ids": args.lead_ids, "agent": args.to}, ctx.clock()
                )
            except WireError as exc:
                raise UserError(str(exc)) from None
    finally:
        store.close()
    ctx.emit(result, f"{result['assigned']} leads assigned to {result['agent']}")
    return 0


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.server_command == "run":
        return run_server(args, ctx)
    if args.server_command == "assign":
        return assign(args, ctx)
    if args.server_command == "revoke-token":
        return revoke_token(args, ctx)
    if args.server_command == "list-tokens":
        return list_tokens(args, ctx)
    return add_agent(args, ctx)
