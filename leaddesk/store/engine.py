"""Engine and sessions: SQLite pragmas on every connection, owner-only database files.

`Store` is what services are given: it hands out sessions for reading and
transactions for writing. A write transaction starts with `BEGIN IMMEDIATE` so that two
writers queue on the busy timeout instead of failing half-way through.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000


def busy_timeout_ms() -> int:
    """How long a connection waits for another's write lock before "database is locked":
    10 s, or `$LEADDESK_BUSY_TIMEOUT_MS` (tests and scripts that would rather fail fast)."""
    value = os.environ.get("LEADDESK_BUSY_TIMEOUT_MS", "")
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """The database cannot be used as asked; the message says what and what to do."""


def check_sqlite_file(path: Path) -> None:
    """Refuse, without touching it, a file that is not an SQLite database."""
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    # An OSError (permission denied, ...) goes up as it is: the CLI and the window
    # classify it (leaddesk.services.errors) and say what to do.
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise StoreError(
            f"{path} is not a LeadDesk database (not an SQLite file); it was left untouched. "
            "Pick another file with --db."
        )


def create_private_file(path: Path) -> None:
    """Create an empty database file readable by its owner only (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself: pysqlite's implicit transactions
    # would otherwise commit DDL behind our back and break atomic migrations.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _begin(connection: Any) -> None:
    mode = "IMMEDIATE" if connection.get_execution_options().get("sqlite_immediate") else ""
    connection.exec_driver_sql(f"BEGIN {mode}".strip())


def sqlite_engine(path: Path) -> Engine:
    """An engine on an SQLite file with LeadDesk's pragmas set on every connection."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_sqlite_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


class Store:
    """The database as services see it."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Same pool; connections from it start their transactions with BEGIN IMMEDIATE.
        self._writer = engine.execution_options(sqlite_immediate=True) if self.is_sqlite else engine

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        with self._sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A session for reading that sees one moment, for figures computed over several
        queries (reports): REPEATABLE READ, READ ONLY on PostgreSQL, whose default READ
        COMMITTED lets each query see what committed meanwhile. On SQLite a read
        transaction in WAL mode already sees one snapshot from its first read on."""
        with self._sessions() as session:
            if not self.is_sqlite:
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
                session.execute(text("SET TRANSACTION READ ONLY"))
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or not at all."""
        with self._sessions() as session:
            if self.is_sqlite:
                session.connection(execution_options={"sqlite_immediate": True})
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A Core connection in one write transaction (for hot paths without the ORM)."""
        with self._writer.connect() as conn, conn.begin():
            yield conn

    def change_watcher(self) -> ChangeWatcher | None:
        """Something that tells when another connection committed (None on a server
        database: there, sync pulls the changes)."""
        return ChangeWatcher(self.path) if self.is_sqlite and self.path is not None else None

    def close(self) -> None:
        self.engine.dispose()


class ChangeWatcher:
    """SQLite's `PRAGMA data_version` on a connection of its own: it changes whenever
    another connection commits (another LeadDesk process, `leaddesk import` from a script,
    this window's own writes), and costs one read of the file's header. `changed()` is
    called from one thread at a time."""

    def __init__(self, path: Path) -> None:
        import sqlite3

        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._version = self._read()

    def _read(self) -> int:
        row = self._conn.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def changed(self) -> bool:
        """True when anything was committed since the last call."""
        version = self._read()
        moved, self._version = version != self._version, version
        return moved

    def close(self) -> None:
        self._conn.close()
