"""The application factory and how it is served (uvicorn; in a thread for tests and the
benchmark, on a real loopback port)."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse

from leaddesk.domain.clock import Clock, system_clock
from leaddesk.server.api import AUTH_FAILURES, AUTH_WINDOW_S, DEFAULT_MAX_BODY, Api
from leaddesk.store.engine import Store

log = logging.getLogger(__name__)


def create_app(
    store: Store,
    *,
    clock: Clock = system_clock,
    max_body: int = DEFAULT_MAX_BODY,
    auth_failures: int = AUTH_FAILURES,
    auth_window_s: float = AUTH_WINDOW_S,
) -> Starlette:
    api = Api(store, clock, max_body, auth_failures=auth_failures, auth_window_s=auth_window_s)

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        status = getattr(exc, "status_code", 404)
        message = "not found" if status == 404 else "method not allowed"
        # The 405's Allow header names the methods the path takes.
        headers = getattr(exc, "headers", None)
        return JSONResponse({"error": message}, status_code=status, headers=headers)

    async def server_error(request: Request, exc: Exception) -> JSONResponse:
        log.error("request %s %s failed", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"error": "the server failed; see its log"}, status_code=500)

    app = Starlette(
        routes=api.routes(),
        exception_handlers={404: http_error, 405: http_error, Exception: server_error},
    )
    # A redirect (to add or drop a trailing slash) would be built from the Host header.
    app.router.redirect_slashes = False
    app.state.store = store
    return app


# How long an idle client connection is kept open. uvicorn's 5 s is the agents' own pull
# interval: a laptop (or a load balancer) sending its next request just as the server
# closed the connection got a reset instead of an answer (the load test saw it as failed
# pushes). Longer than a load balancer's usual idle timeout (60 s), as they ask.
KEEP_ALIVE_S = 75

# How `leaddesk server run --workers N` hands its settings to the worker processes,
# each of which builds its own app, engine and connection pool.
DATABASE_URL_ENV = "LEADDESK_SERVER_DATABASE_URL"
NOW_ENV = "LEADDESK_SERVER_NOW"


def worker_app() -> Starlette:
    """The app of one worker process of `leaddesk server run --workers N` (uvicorn's
    factory): the database the parent opened and migrated, the parent's clock."""
    from leaddesk.domain.clock import fixed_clock, parse_instant
    from leaddesk.store.migrate import open_url

    now = os.environ.get(NOW_ENV)
    clock = fixed_clock(parse_instant(now)) if now else system_clock
    return create_app(open_url(os.environ[DATABASE_URL_ENV]), clock=clock)


def uvicorn_config(
    app: Starlette,
    host: str = "127.0.0.1",
    port: int = 8765,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
    **extra: Any,
) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        ssl_certfile=str(tls_cert) if tls_cert else None,
        ssl_keyfile=str(tls_key) if tls_key else None,
        log_level="warning",
        access_log=False,  # request lines are not needed, and a token never appears in one
        lifespan="off",
        timeout_keep_alive=KEEP_ALIVE_S,
        **extra,
    )


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


class ServerThread:
    """uvicorn serving the app on loopback in a background thread."""

    def __init__(self, app: Starlette, host: str = "127.0.0.1", port: int | None = None) -> None:
        self.host = host
        self.port = port or free_port(host)
        self.server = uvicorn.Server(
            uvicorn_config(app, host, self.port, timeout_graceful_shutdown=2)
        )
        self.thread = threading.Thread(target=self.server.run, name="leaddesk-server", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start on {self.url}")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
