"""Fixtures and helpers for the team-sync tests: a fresh PostgreSQL database for the
test session (created on the `test` database's server, dropped at the end), the real
server on a loopback port in a thread, a team of agents with tokens, and laptops (one
SQLite file each). Test modules assign the fixtures they use to module names (pytest
knows them by their own names) and import the helpers."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text

from leaddesk.domain.clock import fixed_clock
from leaddesk.server.app import ServerThread, create_app, free_port
from leaddesk.server.auth import add_agent_to, hash_token
from leaddesk.services.workspace import Workspace
from leaddesk.store import Store, open_store
from leaddesk.store.migrate import open_url
from leaddesk.store.models import Base

NOW = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


def _admin_url(pg_url: str) -> str:
    return pg_url.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture(scope="session", name="pg_database")
def fixture_pg_database(pg_url: str) -> Iterator[str]:
    """A fresh, migrated database of its own for this test session."""
    import psycopg

    name = f"leaddesk_test_{uuid.uuid4().hex[:12]}"
    admin = _admin_url(pg_url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = pg_url.rsplit("/", 1)[0]
    url = f"{base}/{name}"
    try:
        open_url(url).close()  # migrate once
        yield url
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session", name="pg_store_session")
def fixture_pg_store_session(pg_database: str) -> Iterator[Store]:
    store = open_url(pg_database)
    yield store
    store.close()


@pytest.fixture(name="pg_store")
def fixture_pg_store(pg_store_session: Store) -> Store:
    """The session's server database, emptied before each test."""
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with pg_store_session.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    return pg_store_session


@pytest.fixture(scope="session", name="server_thread")
def fixture_server_thread(pg_store_session: Store) -> Iterator[ServerThread]:
    # Every test's requests come from 127.0.0.1: the failed-authentication limit per
    # address is tested on a server of its own (test_server_tokens.py).
    app = create_app(pg_store_session, max_body=256 * 1024, auth_failures=1_000_000)
    with ServerThread(app) as server:
        yield server


@dataclass
class Team:
    url: str
    store: Store
    boss: str  # supervisor token
    alice: str
    bob: str
    ids: dict[str, str]

    def http(self, token: str | None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30)


def make_team(store: Store, url: str) -> Team:
    ids: dict[str, str] = {}
    tokens: dict[str, str] = {}
    for name, sup in (("boss", True), ("alice", False), ("bob", False)):
        caller, token, _ = add_agent_to(store, name, sup)
        ids[name] = caller.id
        tokens[name] = token
    return Team(url, store, tokens["boss"], tokens["alice"], tokens["bob"], ids)


@pytest.fixture(name="team")
def fixture_team(pg_store: Store, server_thread: ServerThread) -> Team:
    return make_team(pg_store, server_thread.url)


@pytest.fixture(name="ram_path")
def fixture_ram_path(tmp_path: Path) -> Iterator[Path]:
    """A folder in memory (/dev/shm) where there is one, else tmp_path: laptops that
    log thousands of outcomes first (one fsync each) are not slowed by the disk."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="leaddesk-test-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def laptop(tmp_path: Path, agent: str, clock_at: datetime = NOW) -> Workspace:
    """A laptop: its own SQLite database, the agent acting on it."""
    store = open_store(tmp_path / f"{agent}-{uuid.uuid4().hex[:6]}.db")
    return Workspace.open(store, agent, fixed_clock(clock_at))


def import_leads(team: Team, owner: str | None, count: int, **fields: Any) -> list[str]:
    leads = [
        {
            "first_name": f"Lead{i}",
            "last_name": owner or "nobody",
            "phone_raw": f"+1212555{i:04d}",
            "phone_e164": f"+1212555{i:04d}",
            "time_zones": ["America/New_York"],
            "arrived_at": "2026-11-26T15:00:00Z",
            "owner": owner,
            **fields,
        }
        for i in range(count)
    ]
    with team.http(team.boss) as http:
        response = http.post("/api/leads/import", json={"leads": leads})
    assert response.status_code == 200, response.text
    ids: list[str] = response.json()["ids"]
    return ids


def count(store: Store, model: type[Any], *where: Any) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def leaddesk(*args: str, env: dict[str, str] | None = None, **kw: Any) -> subprocess.Popen[str]:
    """Start the CLI as a separate process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "leaddesk", *args],
        cwd=ROOT,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


class ServerProcess:
    """`leaddesk server run` as a real process (so that it can be killed mid-request)."""

    def __init__(self, database_url: str, port: int | None = None, workers: int = 1) -> None:
        self.port = port or free_port()
        self.database_url = database_url
        self.workers = workers
        self.proc: subprocess.Popen[str] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        workers = ("--workers", str(self.workers)) if self.workers > 1 else ()
        self.proc = leaddesk(
            "server",
            "run",
            "--database-url",
            self.database_url,
            "--port",
            str(self.port),
            *workers,
            start_new_session=self.workers > 1,  # its workers go with it (kill)
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"server exited: {self.proc.stderr.read() if self.proc.stderr else ''}"
                )
            try:
                if httpx.get(f"{self.url}/api/health", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError("the server process did not start")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            if self.workers > 1:
                os.killpg(self.proc.pid, signal.SIGKILL)  # the supervisor and its workers
            else:
                self.proc.kill()
            self.proc.wait(10)
        if self.proc is not None:
            for stream in (self.proc.stdout, self.proc.stderr):
                if stream is not None:
                    stream.close()


class CuttingProxy:
    """A TCP relay in front of the server that can cut a connection just as the server
    starts to answer an upload (`cut_pushes` of them): the batch was applied, the client
    never hears so."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.cut_pushes = 0
        self.cuts = 0
        self._lock = threading.Lock()
        self._armed: set[int] = set()
        self._open: list[socket.socket] = []
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self._open += [client, upstream]
            pair = (client, upstream)
            threading.Thread(target=self._up, args=(pair,), daemon=True).start()
            threading.Thread(target=self._down, args=(pair,), daemon=True).start()

    def _up(self, pair: tuple[socket.socket, socket.socket]) -> None:
        client, upstream = pair
        try:
            while data := client.recv(65536):
                if data.startswith(b"POST /api/push"):
                    with self._lock:
                        if self.cut_pushes > 0:
                            self.cut_pushes -= 1
                            self._armed.add(id(pair))
                upstream.sendall(data)
        except OSError:
            pass
        self._shut(pair)

    def _down(self, pair: tuple[socket.socket, socket.socket]) -> None:
        client, upstream = pair
        try:
            while data := upstream.recv(65536):
                with self._lock:
                    if id(pair) in self._armed:
                        self._armed.discard(id(pair))
                        self.cuts += 1
                        break
                client.sendall(data)
        except OSError:
            pass
        self._shut(pair)

    @staticmethod
    def _shut(pair: tuple[socket.socket, socket.socket]) -> None:
        for sock in pair:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._closed.set()
        self._thread.join(2)
        self.listener.close()
        for sock in self._open:
            sock.close()


def attempt_op(lead: str, agent_id: str | None, **payload: Any) -> dict[str, Any]:
    """A push operation carrying one new call attempt ("no answer" unless `payload` says)."""
    attempt_id = str(uuid.uuid4())
    body = {
        "id": attempt_id,
        "lead_id": lead,
        "agent_id": agent_id,
        "channel": "phone",
        "outcome": "no_answer",
        "started_at": "2026-11-26T16:00:00Z",
        **payload,
    }
    return {"op_id": str(uuid.uuid4()), "kind": "attempt", "entity_id": attempt_id, "payload": body}


class HeldReport:
    """An `after_cursor_execute` listener that holds the supervisor's report still, just
    after its first query has run (its transaction open and reading), until released.
    The report's thread is found by the statement that authenticated the supervisor's
    token (sqlite3 passes parameters as a tuple, psycopg as a mapping)."""

    def __init__(self, token: str, hold_s: float = 5.0) -> None:
        self.token_hash = hash_token(token)
        self.hold_s = hold_s
        self.thread: int | None = None
        self.reading = threading.Event()
        self.release = threading.Event()

    def __call__(
        self, conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool
    ) -> None:
        me = threading.get_ident()
        values = tuple(params.values()) if isinstance(params, dict) else (params or ())
        reads = statement.lstrip().upper().startswith(("SELECT", "WITH"))
        if self.token_hash in values:
            self.thread = me
        elif me == self.thread and reads and not self.reading.is_set():
            self.reading.set()
            self.release.wait(self.hold_s)
