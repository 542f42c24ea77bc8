"""One LeadDesk window per database, and `tel:` links handed to it.

The first instance on a database listens on a `QLocalServer` whose name is a hash of
the database path (and the user), so two databases can be open side by side. A second
start on the same database connects, sends its arguments (a `tel:+14155550142` link
clicked in a browser, or nothing: just "come to the front") as one JSON line, waits for
the first instance's "ok" and exits 0. The first instance raises its window and selects
the number's lead, or offers to create one (`TelHandoff`).

After a crash the socket file of the dead instance is still there: `listen` finds that
nobody answers on it, removes it and listens again.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

URI_PREFIXES = ("tel:", "callto:")
TIMEOUT_MS = 2000


def private_folder() -> Path | None:
    """Where the instance socket lives on Linux and macOS: a folder only this user can
    enter, the session's `$XDG_RUNTIME_DIR`, else `leaddesk-<uid>` in the temporary folder,
    made 0700 and checked to be this user's (as tmux does). A socket under a fixed name in
    the shared temporary folder could be taken first by another user, whose program would
    then answer "ok" to every start (LeadDesk would never open) and read the `tel:` links.
    None on Windows (named pipes) or where no such folder can be had."""
    if sys.platform == "win32":
        return None
    uid = os.getuid()
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    candidates = [Path(runtime)] if runtime else []
    candidates.append(Path(tempfile.gettempdir()) / f"leaddesk-{uid}")
    for folder in candidates:
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            info = os.lstat(folder)
            if stat.S_ISDIR(info.st_mode) and info.st_uid == uid and info.st_mode & 0o077:
                folder.chmod(0o700)  # ours, opened up by hand: closed again
                info = os.lstat(folder)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode) and info.st_uid == uid and not info.st_mode & 0o077:
            return folder
        log.warning("%s is not this user's own folder: the instance socket goes elsewhere", folder)
    return None


def server_name(db_path: Path | str) -> str:
    """The local socket for a database: stable per user and resolved path, in the user's
    private folder (a full path) where there is one."""
    resolved = str(Path(db_path).expanduser().resolve())
    try:
        user = getpass.getuser()
    except Exception:  # no user name in some containers: the hash still separates paths
        user = ""
    digest = hashlib.sha256(f"{user}\0{resolved}".encode()).hexdigest()[:20]
    folder = private_folder()
    return str(folder / f"leaddesk-{digest}") if folder is not None else f"leaddesk-{digest}"


def uri_in(args: list[str]) -> str | None:
    """The first `tel:`/`callto:` link among command-line arguments, if any."""
    for arg in args:
        if arg.lower().startswith(URI_PREFIXES):
            return arg
    return None


def send_to_running(db_path: Path | str, args: list[str], timeout_ms: int = TIMEOUT_MS) -> bool:
    """Hand `args` to the instance running on `db_path`; False when none answers."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(min(timeout_ms, 500)):
        return False
    try:
        socket.write(json.dumps({"args": args}).encode() + b"\n")
        socket.flush()
        # flush() may already have written everything; then there is nothing to wait for.
        if socket.bytesToWrite() and not socket.waitForBytesWritten(timeout_ms):
            return False
        answer = b""
        while not answer.endswith(b"\n"):
            if not socket.waitForReadyRead(timeout_ms):
                return False
            answer += bytes(socket.readAll().data())
        return answer.strip() == b"ok"
    finally:
        socket.abort()


class InstanceServer(QObject):
    """The listening side: `received` carries the arguments of each later start."""

    received = Signal(list)

    def __init__(self, db_path: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(db_path)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Listen; a socket left by a crashed instance is removed first. False when
        another live instance answers on the name."""
        # Ask before listening: with socket options set, Qt's listen() replaces an
        # existing socket file instead of failing, live owner or not.
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        alive = probe.waitForConnected(500)
        probe.abort()
        if alive:
            return False
        if QLocalServer.removeServer(self.name):
            log.info("removed the instance socket %s left behind (a crash?)", self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _on_ready(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        self._buffers[socket] = data
        if b"\n" not in data:
            if len(data) > 64_000:
                socket.abort()
            return
        line = data.split(b"\n", 1)[0]
        try:
            message: Any = json.loads(line)
            args = [str(a) for a in message["args"]]
        except (ValueError, KeyError, TypeError):
            log.warning("ignored a malformed message from another LeadDesk start")
            socket.abort()
            return
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        log.info("another start handed over %s", args)
        self.received.emit(args)


def claim(db_path: Path | str, args: list[str]) -> InstanceServer | None:
    """The server of this (first) instance, or None after handing `args` to the running one."""
    if send_to_running(db_path, args):
        return None
    server = InstanceServer(db_path)
    if not server.listen():
        # Another start won the race since: hand over to it after all.
        if send_to_running(db_path, args):
            return None
        log.warning("could not listen as %s; a second start opens a second window", server.name)
    return server


class SingleInstance(QObject):
    """The guard as the window code uses it: `claim()` is False when another window has
    this database open (it was handed `args` and comes to the front); else this process
    listens, emitting `activated` and `received(args)` on each later start."""

    activated = Signal()
    received = Signal(list)

    def __init__(
        self, db_path: Path, parent: QObject | None = None, args: list[str] | None = None
    ) -> None:
        super().__init__(parent)
        self._db_path = db_path
        self._args = list(args or [])
        self.name = server_name(db_path)
        self.server: InstanceServer | None = None

    def claim(self, timeout_ms: int = TIMEOUT_MS) -> bool:
        if send_to_running(self._db_path, self._args, timeout_ms):
            return False
        server = InstanceServer(self._db_path, self)
        if not server.listen() and send_to_running(self._db_path, self._args, timeout_ms):
            return False  # another start won the race
        server.received.connect(self._on_received)
        self.server = server
        return True

    def _on_received(self, args: list[str]) -> None:
        self.activated.emit()
        self.received.emit(args)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None


def ask_create(parent: QWidget, e164: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("TelHandoff", "No lead with this number"),
        QCoreApplication.translate(
            "TelHandoff", "No lead has the number {number}. Create a lead with it?"
        ).format(number=e164),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("CreateLeadFromNumber")
    box.setAccessibleName(QCoreApplication.translate("TelHandoff", "Create a lead for this number"))
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


class TelHandoff(QObject):
    """Brings the window forward and selects the lead of a handed-over `tel:` link.

    `window` is the MainWindow (its `backend.ws`, `runner`, `calllist` and `show_error`
    are used); `ask` asks whether to create a lead for an unknown number (a dialog by
    default; tests give a function).
    """

    opened = Signal(str)  # the lead id selected for a link

    def __init__(self, window: Any, ask: Callable[[QWidget, str], bool] = ask_create) -> None:
        super().__init__(window)
        self._window = window
        self._ask = ask

    def handle(self, args: list[str]) -> None:
        self.bring_forward()
        # a tel: link, else a plain number given with --open ("+1 415 555 0142")
        uri = uri_in(args) or next((a for a in args if a and not a.startswith("-")), None)
        if uri is not None:
            self.open_number(uri)

    def bring_forward(self) -> None:
        window = self._window
        compact = getattr(window, "compact", None)
        if compact is not None and compact.isVisible():
            compact.raise_()
            compact.activateWindow()
            return
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()

    def open_number(self, text: str) -> None:
        backend = self._window.backend
        self._window.runner.run(
            lambda: backend.find_number(text),
            self._on_found,
            self._window.show_error,
            name="tel_lookup",
        )

    def _on_found(self, result: Any) -> None:
        if result.found:
            self._select(result.leads[0].lead_id, result.e164)
            return
        if not self._ask(self._window, result.e164):
            return
        backend = self._window.backend
        self._window.runner.run(
            lambda: backend.create_lead_for_number(result.e164),
            lambda ref: self._select(ref.lead_id, result.e164, created=True),
            self._window.show_error,
            name="tel_create_lead",
        )

    def _select(self, lead_id: str, e164: str, created: bool = False) -> None:
        calllist = self._window.calllist
        if created or not calllist.select_lead(lead_id):
            # Not among the rows loaded: narrow the list to the number and show the lead.
            calllist.search.setText(e164)
            calllist.lead_selected.emit(lead_id)
        what = self.tr("New lead for {number}") if created else self.tr("Opened {number}")
        self._window.statusBar().showMessage(what.format(number=e164), 8000)
        self.opened.emit(lead_id)


class FileOpenFilter(QObject):
    """macOS hands a clicked `tel:` link to the running .app as a QFileOpenEvent, not
    on the command line; this passes it on like a second start's arguments."""

    def __init__(self, handoff: TelHandoff) -> None:
        super().__init__(handoff)
        self._handoff = handoff

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            url = event.url().toString()  # type: ignore[attr-defined]
            if url.lower().startswith(URI_PREFIXES):
                self._handoff.handle([url])
                return True
        return False


def attach(window: Any, server: QObject | None, uri: str | None) -> TelHandoff:
    """Wire the running window to later starts (an InstanceServer or a SingleInstance)
    and to macOS's open-URL events, and open this start's own link."""
    handoff = TelHandoff(window)
    if server is not None:
        server.received.connect(handoff.handle)  # type: ignore[attr-defined]
    app = QCoreApplication.instance()
    if app is not None:
        app.installEventFilter(FileOpenFilter(handoff))
    if uri:
        handoff.open_number(uri)
    return handoff
