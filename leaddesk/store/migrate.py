"""Open a database and bring its schema to this version of LeadDesk, safely.

Order at startup: refuse a file that is not SQLite, read its schema version without
writing, refuse a database written by a newer LeadDesk, back the file up, then run each
Alembic step in its own transaction. Nothing here guesses: every refusal says what was
found and what to do.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine

from leaddesk.store.engine import (
    Store,
    StoreError,
    check_sqlite_file,
    create_private_file,
    sqlite_engine,
)

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# The schema revisions this LeadDesk knows, oldest first. tests/unit/test_store.py checks
# that it matches the Alembic scripts, so startup needs no Alembic import when up to date.
REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0007",
    "0008",
    "0005",
    "0006",
    "0009",
    "0010",
    "0012",
    "0011",
)
HEAD = REVISIONS[-1]


def alembic_config(connection: Connection) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine) -> None:
    """Run every pending migration; each one is a transaction of its own."""
    from alembic import command

    with engine.connect() as connection:
        config = alembic_config(connection)
        command.upgrade(config, "head")  # type: ignore[arg-type]
        connection.commit()


def read_revision(path: Path) -> str | None:
    """The schema revision of an existing SQLite file, read without writing to it.

    None means an empty database (no tables). Raises StoreError for files that are not
    LeadDesk databases or cannot be read.
    """
    uri = f"file:{path}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from None
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise StoreError(
                f"{path} is an SQLite database but not a LeadDesk one (no schema version); "
                "it was left untouched. Pick another file with --db."
            )
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    except sqlite3.OperationalError:
        raise  # locked, unreadable, disk failing: the environment, not a damaged file
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path} is damaged or not a database ({exc}); it was left untouched. "
            "Restore it from a backup (files named *.backup-*) or pick another file with --db."
        ) from None
    finally:
        conn.close()


def backup(path: Path, revision: str) -> Path:
    """Copy the database, consistently, next to itself before a migration."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.backup-{revision}-{stamp}")
    create_private_file(target)
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    os.chmod(target, 0o600)
    log.info("backed up %s to %s before migrating", path, target)
    return target


def open_store(path: Path | str) -> Store:
    """Open (creating if missing) and migrate the SQLite database at `path`."""
    path = Path(path).expanduser()
    check_sqlite_file(path)
    existed = path.exists() and path.stat().st_size > 0
    revision = read_revision(path) if existed else None
    if revision is not None and revision not in REVISIONS:
        raise StoreError(
            f"{path} was written by a newer LeadDesk (schema {revision}, this version knows up to "
            f"{HEAD}); it was left untouched. Update LeadDesk to open it."
        )
    if not existed:
        create_private_file(path)
    engine = sqlite_engine(path)
    if revision != HEAD:
        if revision is not None:
            backup(path, revision)
        log.info("migrating %s from %s to %s", path, revision or "empty", HEAD)
        try:
            upgrade(engine)
        except Exception:
            engine.dispose()
            raise
    return Store(engine, path)


# Connections a server process keeps open to PostgreSQL. With SQLAlchemy's default (5
# kept, 10 more made and closed as needed) every request beyond the fifth at once opened
# a new PostgreSQL connection (a backend forked, its staging tables made) and closed it
# after. A process runs at most leaddesk.server.api.REQUEST_THREADS requests at once, a
# report holding two connections: all of them stay open and are reused. N worker
# processes keep up to 16 N open (PostgreSQL's max_connections, 100 by default).
PG_POOL_SIZE = 16
PG_POOL_OVERFLOW = 8


def open_url(url: str) -> Store:
    """Open and migrate a database by SQLAlchemy URL (the team server's PostgreSQL)."""
    from sqlalchemy import create_engine

    if url.startswith("sqlite:///"):
        return open_store(url.removeprefix("sqlite:///"))
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    engine = create_engine(
        url, pool_pre_ping=True, pool_size=PG_POOL_SIZE, max_overflow=PG_POOL_OVERFLOW
    )
    upgrade(engine)
    return Store(engine)
