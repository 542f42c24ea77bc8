"""Errors by kind, as the user meets them (qutebrowser's KnownError against bugs):

- `UserError`: wrong input or state (a bad option, an unknown lead). One line, exit 1;
  in the window, the status bar.
- `EnvironmentProblem`: the computer is in the way: the database is locked by another
  program, the file or disk is read-only or full, permission is denied, the network or
  server is unreachable. One line saying what to do, exit 1; in the window, a dialog.
  `classify()` recognises them among the exceptions sqlite3, SQLAlchemy, the OS and httpx
  raise, so no layer below has to: the CLI's top level and the window ask it.
- anything else is a bug: a traceback in the log and the crash dialog.

Nothing here imports SQLAlchemy or httpx: the classes are recognised by module name, so
`leaddesk log` does not pay for httpx to report a locked database.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path
from typing import Literal

Kind = Literal["locked", "read_only", "disk_full", "disk", "permission", "network"]


class UserError(Exception):
    """Wrong input or state, explained in words the user understands."""


class NotFound(UserError):
    """A lead, attempt or agent that does not exist."""


class EnvironmentProblem(Exception):
    """Something outside LeadDesk stops the work; the message says what to do."""

    def __init__(self, kind: Kind, message: str) -> None:
        super().__init__(message)
        self.kind: Kind = kind
        self.message = message


# SQLite's primary result codes (https://sqlite.org/rescode.html).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14

_NETWORK_ERRNOS = {
    errno.ECONNREFUSED,
    errno.ECONNRESET,
    errno.ECONNABORTED,
    errno.ENETUNREACH,
    errno.ENETDOWN,
    errno.EHOSTUNREACH,
    errno.ETIMEDOUT,
}


def _where(db: Path | str | None) -> str:
    return f"the database {db}" if db is not None else "the database"


def _disk_full(db: Path | str | None) -> bool:
    """SQLite reports a full disk as an I/O error when the WAL or its index cannot grow."""
    if db is None:
        return False
    try:
        return shutil.disk_usage(Path(db).parent).free < _FULL_BELOW_BYTES
    except OSError:
        return False


_FULL_BELOW_BYTES = 1 << 20


def _sqlite(code: int, db: Path | str | None, busy_seconds: float | None) -> EnvironmentProblem:
    where = _where(db)
    if code == _SQLITE_IOERR and _disk_full(db):
        code = _SQLITE_FULL
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        waited = f" (waited {busy_seconds:g} s)" if busy_seconds else ""
        return EnvironmentProblem(
            "locked",
            f"{where} is in use by another program{waited}: another LeadDesk, an import "
            "or a sync is writing to it. Nothing was saved; try again when it is done, "
            "or close the other program.",
        )
    if code == _SQLITE_READONLY:
        return EnvironmentProblem(
            "read_only",
            f"cannot write to {where}: the file or its folder is read-only. Nothing was "
            "saved; make both writable for your user, or pick another file with --db.",
        )
    if code == _SQLITE_FULL:
        return EnvironmentProblem(
            "disk_full",
            f"the disk holding {where} is full. Nothing was saved; free some space and try again.",
        )
    if code in (_SQLITE_PERM, _SQLITE_CANTOPEN):
        return EnvironmentProblem(
            "permission",
            f"cannot open {where}: permission denied (or its folder is missing). Give "
            "your user read and write access to the file and its folder, or pick another "
            "file with --db.",
        )
    return EnvironmentProblem(
        "disk",
        f"the disk failed while reading or writing {where}. Nothing was saved; check the "
        "disk (space, connection) and try again.",
    )


def _os(exc: OSError) -> EnvironmentProblem | None:
    name = exc.filename if exc.filename is not None else None
    what = f" {name}" if name is not None else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return EnvironmentProblem(
            "disk_full", f"the disk is full (writing{what}); free some space and try again."
        )
    if exc.errno == errno.EROFS:
        return EnvironmentProblem(
            "read_only",
            f"cannot write{what}: the disk is read-only; pick a file on a writable disk.",
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return EnvironmentProblem(
            "permission",
            f"permission denied:{what or ' (no file name given)'}. Give your user access "
            "to it and its folder, or pick another file.",
        )
    if exc.errno == errno.EIO:
        return EnvironmentProblem(
            "disk", f"the disk failed reading or writing{what or ' a file'}; check the disk."
        )
    if exc.errno in _NETWORK_ERRNOS:
        return EnvironmentProblem(
            "network",
            f"the network failed ({exc.strerror or exc}); check the connection and try again.",
        )
    return None


def _module(exc: BaseException) -> str:
    return type(exc).__module__ or ""


def _httpx(exc: BaseException) -> EnvironmentProblem | None:
    import httpx  # already imported: the exception came from it

    if not isinstance(exc, httpx.TransportError):
        return None
    try:
        where = f"{exc.request.url.scheme}://{exc.request.url.netloc.decode()}"
    except RuntimeError:  # no request attached
        where = "the server"
    reason = "it did not answer in time" if isinstance(exc, httpx.TimeoutException) else ""
    reason = reason or str(exc).strip() or type(exc).__name__
    return EnvironmentProblem(
        "network",
        f"cannot reach {where} ({reason}). Check the network connection and the server "
        "address, then try again; your work is kept on this computer.",
    )


def classify(
    exc: BaseException, *, db: Path | str | None = None, busy_seconds: float | None = None
) -> EnvironmentProblem | None:
    """The environment problem `exc` is, in words that say what to do; None for anything
    else (bad input has its own class; the rest are bugs). `db` names the database in
    the message; `busy_seconds` is how long SQLite waited for a lock."""
    if isinstance(exc, EnvironmentProblem):
        return exc
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        problem = _one(current, db, busy_seconds)
        if problem is not None:
            return problem
        # SQLAlchemy wraps the driver's exception in .orig; `raise ... from` in __cause__.
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return None


def _one(
    exc: BaseException, db: Path | str | None, busy_seconds: float | None
) -> EnvironmentProblem | None:
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is None:  # raised by Python's sqlite3 itself (misuse), not by SQLite
            return None
        primary = int(code) & 0xFF
        if primary in (
            _SQLITE_PERM,
            _SQLITE_BUSY,
            _SQLITE_LOCKED,
            _SQLITE_READONLY,
            _SQLITE_IOERR,
            _SQLITE_FULL,
            _SQLITE_CANTOPEN,
        ):
            return _sqlite(primary, db, busy_seconds)
        return None
    if isinstance(exc, OSError):
        return _os(exc)
    module = _module(exc)
    if module.startswith("httpx"):
        return _httpx(exc)
    if module.startswith("psycopg") and type(exc).__name__ == "OperationalError":
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return EnvironmentProblem(
            "network",
            f"cannot reach the database server ({first}). Check that it runs and the "
            "network between, then try again.",
        )
    return None


def describe_bug(exc: BaseException) -> str:
    """A bug's one-line description for the status bar: the driver's own message rather
    than SQLAlchemy's, which carries the SQL and a web address."""
    orig = getattr(exc, "orig", None)
    shown = orig if isinstance(orig, BaseException) else exc
    first = str(shown).strip().splitlines()
    return f"{type(shown).__name__}: {first[0]}" if first else type(shown).__name__
