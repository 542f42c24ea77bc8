"""The environment in the way, as `leaddesk` reports it (a real process on a real SQLite
file): a database locked by another program, a read-only file, permission denied, a full
disk, an unreachable server. Each is exit 1 and one line on stderr saying what to do, no
traceback, after a bounded wait; and nothing is saved.

Root ignores file permissions, so under root the read-only and permission cases run the
command as an unprivileged user (`unshare --user`); the full disk is a tiny tmpfs in a
mount namespace of its own (`unshare --mount`)."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from leaddesk.services.demo import generate
from leaddesk.store import open_store
from leaddesk.store.models import Attempt, Lead
from tests.conftest import NOW

BUSY_MS = 800


@pytest.fixture
def folder() -> Iterator[Path]:
    """A folder an unprivileged user can reach (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="leaddesk-env-"))
    path.chmod(0o755)
    (path / "home").mkdir(mode=0o777)
    (path / "home").chmod(0o777)
    yield path
    for p in path.rglob("*"):
        p.chmod(0o700 if p.is_dir() else 0o600)
    shutil.rmtree(path)


@pytest.fixture
def demo_db(folder: Path) -> tuple[Path, str]:
    db = folder / "leaddesk.db"
    store = open_store(db)
    try:
        generate(store, NOW, leads=5)
        with store.session() as session:
            lead_id = session.scalars(select(Lead.id).order_by(Lead.id)).first()
    finally:
        store.close()
    assert lead_id is not None
    db.chmod(0o644)
    return db, lead_id


def _env(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    home = str(folder / "home")
    env.update(
        HOME=home,
        XDG_CONFIG_HOME=home,
        XDG_DATA_HOME=home,
        LEADDESK_BUSY_TIMEOUT_MS=str(BUSY_MS),
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.pop("LEADDESK_DB", None)
    return env


def _leaddesk(
    folder: Path, *args: str, prefix: list[str] | None = None, token: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = _env(folder)
    if token is not None:
        env["LEADDESK_TOKEN"] = token
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "leaddesk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _one_error_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("leaddesk: error:")]
    assert len(errors) == 1, done.stderr
    assert "sqlalche.me" not in errors[0] and "[SQL:" not in errors[0]
    return errors[0]


def _attempts(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM attempt").fetchone()[0])
    finally:
        conn.close()


def _unprivileged() -> list[str]:
    """A prefix that runs the command as a user file permissions apply to."""
    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("running as root without unshare(1): file permissions do not apply")
    return [unshare, "--user"]


def test_a_locked_database_is_one_line_after_a_bounded_wait(
    folder: Path, demo_db: tuple[Path, str]
) -> None:
    db, lead_id = demo_db
    before = _attempts(db)
    holder = sqlite3.connect(db, isolation_level=None, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")  # another program writing
    try:
        started = time.monotonic()
        done = _leaddesk(folder, "log", lead_id, "no_answer", "--db", str(db))
        took = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    line = _one_error_line(done)
    assert "in use by another program" in line and str(db) in line
    assert "try again" in line
    assert took < 30  # the busy wait (0.8 s here, 10 s by default) plus start-up
    assert _attempts(db) == before


def test_a_read_only_database_is_one_line(folder: Path, demo_db: tuple[Path, str]) -> None:
    db, lead_id = demo_db
    before = _attempts(db)
    db.chmod(0o444)
    done = _leaddesk(folder, "log", lead_id, "no_answer", "--db", str(db), prefix=_unprivileged())
    line = _one_error_line(done)
    assert "read-only" in line and "writable" in line and str(db) in line
    db.chmod(0o644)
    assert _attempts(db) == before


def test_permission_denied_is_one_line(folder: Path, demo_db: tuple[Path, str]) -> None:
    db, _lead_id = demo_db
    db.chmod(0o000)
    done = _leaddesk(folder, "queue", "--db", str(db), prefix=_unprivileged())
    line = _one_error_line(done)
    assert "permission denied" in line and str(db) in line
    assert "access" in line


def test_a_full_disk_is_one_line(folder: Path, demo_db: tuple[Path, str]) -> None:
    db, lead_id = demo_db
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare(1) is not installed (util-linux)")
    disk = folder / "disk"
    disk.mkdir()
    script = (
        f'mount -t tmpfs -o size=1200k tmpfs "{disk}" && cp "{db}" "{disk}/leaddesk.db" '
        f'&& (head -c 5000000 /dev/zero > "{disk}/filler" 2>/dev/null; true) '
        f'&& "{sys.executable}" -m leaddesk log {lead_id} no_answer --db "{disk}/leaddesk.db"'
        f'; status=$?; cp "{disk}/leaddesk.db" "{folder}/after.db"; exit $status'
    )
    probe = subprocess.run(
        [unshare, "--user", "--map-root-user", "--mount", "true"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip(f"no mount namespace here: {probe.stderr.decode().strip()}")
    done = subprocess.run(
        [unshare, "--user", "--map-root-user", "--mount", "sh", "-c", script],
        capture_output=True,
        text=True,
        env=_env(folder),
        timeout=120,
        check=False,
    )
    line = _one_error_line(done)
    assert "disk holding the database" in line and "is full" in line
    assert "free some space" in line
    assert _attempts(folder / "after.db") == _attempts(db)


def test_an_unreachable_server_is_one_line(folder: Path, demo_db: tuple[Path, str]) -> None:
    db, _lead_id = demo_db
    with socket.socket() as sock:  # a loopback port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    url = f"http://127.0.0.1:{port}"
    done = _leaddesk(folder, "sync", "--server", url, "--db", str(db), token="some-token")
    line = _one_error_line(done)
    assert f"cannot reach {url}" in line
    assert "Check the network" in line


def test_a_bug_is_not_dressed_as_the_environment() -> None:
    # A missing table is a bug (a schema the code does not expect), not the environment.
    from leaddesk.services.errors import classify

    conn = sqlite3.connect(":memory:")
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            conn.execute("SELECT * FROM nowhere")
    finally:
        conn.close()
    assert classify(raised.value) is None


def test_attempts_are_counted_by_the_helper(demo_db: tuple[Path, str]) -> None:
    # The "nothing was saved" checks above read the same table the app writes.
    db, _ = demo_db
    store = open_store(db)
    try:
        with store.session() as session:
            assert session.scalar(select(func.count()).select_from(Attempt)) == _attempts(db)
    finally:
        store.close()
