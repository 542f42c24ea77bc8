"""Background sync in the agent window, against the real server on loopback (a
single-office SQLite server in a thread) and a real SQLite laptop database: the shift
bar's Sync tile goes from "N pending" to "Synced …", says offline while the window keeps
working, names the reason of an error, and says "Local only" without a server. The OS
keychain is an in-memory keyring backend (the outside boundary)."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from leaddesk.dialer.tel import TelDialer
from leaddesk.server.app import ServerThread, create_app
from leaddesk.server.auth import add_agent_to
from leaddesk.services.credentials import Credentials
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.sync import SyncService, SyncState
from leaddesk.services.workspace import Workspace
from leaddesk.store import Store, open_store
from leaddesk.store.models import Attempt
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from leaddesk.ui.sync_controller import SyncController, tile_text
from tests.integration.syncenv import Team, count, import_leads, laptop
from tests.keychain import MemoryKeyring

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

OpenWindow = Callable[..., tuple[MainWindow, SyncController]]
Office = tuple[Team, ServerThread]
QUIET = 600_000  # no timer rounds during a test: each test starts its rounds itself


@pytest.fixture
def office(tmp_path: Path) -> Iterator[tuple[Team, ServerThread]]:
    """The team server on SQLite, on a loopback port; agents alice and boss."""
    store = open_store(tmp_path / "office.db")
    alice, alice_token, _ = add_agent_to(store, "alice", False)
    _boss, boss_token, _ = add_agent_to(store, "boss", True)
    server = ServerThread(create_app(store)).start()
    team = Team(server.url, store, boss_token, alice_token, "", {"alice": alice.id})
    yield team, server
    server.stop()
    store.close()


@pytest.fixture
def open_window(qtbot: QtBot, memory_keyring: MemoryKeyring) -> Iterator[OpenWindow]:
    made: list[tuple[MainWindow, SyncController, Store]] = []

    def make(
        ws: Workspace, url: str | Callable[[], str], credentials: Credentials, **kw: object
    ) -> tuple[MainWindow, SyncController]:
        window = MainWindow(Backend(ws), TelDialer(lambda _uri: True), tray=False)
        qtbot.addWidget(window)
        sync = SyncController(
            ws,
            window.events,
            window.runner,
            url,
            credentials,
            interval_ms=QUIET,
            retry_ms=QUIET,
            parent=window,
            **kw,  # type: ignore[arg-type]
        )
        window.show()
        qtbot.waitUntil(lambda: window.runner.active == 0 and not window.model.loading)
        made.append((window, sync, ws.store))
        return window, sync

    yield make
    for window, _sync, store in made:
        window.close()
        store.close()


def tile(window: MainWindow) -> str:
    return window.shift.tiles["sync"].value.text()


def test_pending_then_synced_and_pulled_leads_reach_the_list(
    qtbot: QtBot, office: Office, open_window: OpenWindow, tmp_path: Path
) -> None:
    team, _server = office
    (first,) = import_leads(team, "alice", 1)
    ws = laptop(tmp_path, "alice")
    with SyncService(ws, team.url, lambda: team.alice) as service:
        service.run_once()
    OutcomeService(ws).log(first, "no_answer")  # waits in the outbox
    import_leads(team, "alice", 2)  # assigned on the server meanwhile
    credentials = Credentials(environ={})
    credentials.save(team.url, "alice", team.alice)
    window, sync = open_window(ws, team.url, credentials, soon_ms=50)
    assert window.model.rowCount() == 1

    sync.start(first_ms=QUIET)
    qtbot.waitUntil(lambda: tile(window).endswith(" pending"))
    assert int(tile(window).split()[0]) >= 1
    sync.sync_now()
    qtbot.waitUntil(lambda: tile(window).startswith("Synced "), timeout=10_000)
    assert count(team.store, Attempt) == 1  # the outcome is on the server
    # The two leads pulled show up in the call list without a restart.
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=10_000)

    # An outcome logged in the window is sent soon after, without waiting for the timer.
    qtbot.waitUntil(lambda: window.detail is not None and window.runner.active == 0)
    rounds = sync.rounds
    window.log_outcome("email_sent")  # (a call outcome would need a dial first)
    qtbot.waitUntil(lambda: sync.rounds > rounds and not sync.running, timeout=10_000)
    qtbot.waitUntil(lambda: count(team.store, Attempt) == 2, timeout=10_000)
    assert tile(window).startswith("Synced ")


def test_offline_says_so_and_the_window_keeps_working(
    qtbot: QtBot,
    office: Office,
    open_window: OpenWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    team, server = office
    import_leads(team, "alice", 1)
    ws = laptop(tmp_path, "alice")
    credentials = Credentials(environ={})
    credentials.save(team.url, "alice", team.alice)
    window, sync = open_window(ws, team.url, credentials)
    sync.sync_now()
    qtbot.waitUntil(lambda: tile(window).startswith("Synced "), timeout=10_000)

    qtbot.waitUntil(lambda: window.model.rowCount() == 1)  # pulled and listed
    lead_id = window.model.lead_id(0)
    assert lead_id is not None
    server.stop()
    OutcomeService(ws).log(lead_id, "no_answer")
    with qtbot.waitSignal(window.events.status_message, timeout=10_000) as said:
        sync.sync_now()
    assert tile(window).startswith("Offline, retrying (")
    assert "cannot reach" in said.args[0]

    # A server that takes the connection and never answers: the round waits on its
    # worker while the GUI thread goes on (a timer keeps ticking), and a second request
    # meanwhile does not start a second round.
    hung = socket.create_server(("127.0.0.1", 0))
    hung_url = f"http://127.0.0.1:{hung.getsockname()[1]}"
    credentials.save(hung_url, "alice", team.alice)
    hung_window, hung_sync = open_window(ws, hung_url, credentials, timeout=1.0)
    # Rounds counted where they run (the task runner also runs the window's own reads,
    # so its count says nothing of rounds).
    lock, running, most = threading.Lock(), [0], [0]
    real_round = SyncService.run_once

    def counted(self: SyncService, *args: object, **kw: object) -> object:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            return real_round(self, *args, **kw)  # type: ignore[arg-type]
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(SyncService, "run_once", counted)
    ticks: list[int] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(hung_window.runner.active))
    try:
        ticker.start(20)
        hung_sync.sync_now()
        assert hung_sync.running
        hung_sync.sync_now()  # asked again while one runs: one more round follows it
        qtbot.waitUntil(lambda: hung_sync.rounds == 2 and not hung_sync.running, timeout=10_000)
    finally:
        ticker.stop()
        hung.close()
    assert len(ticks) >= 20  # about 2 s of rounds, a tick due every 20 ms
    assert most[0] == 1  # never two rounds at once
    assert tile(hung_window).startswith("Offline, retrying")


def test_a_refused_token_shows_the_reason_and_is_never_logged(
    qtbot: QtBot,
    office: Office,
    open_window: OpenWindow,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    team, _server = office
    ws = laptop(tmp_path, "alice")
    credentials = Credentials(environ={})
    credentials.save(team.url, "alice", "revoked-token-4f2a")
    window, sync = open_window(ws, team.url, credentials)
    caplog.set_level(logging.DEBUG)
    with qtbot.waitSignal(window.events.status_message, timeout=10_000) as said:
        sync.sync_now()
    assert tile(window) == "Error: sign in with leaddesk login"
    assert "refused the token" in said.args[0]
    assert "revoked-token-4f2a" not in caplog.text
    assert "revoked-token-4f2a" not in said.args[0]


def test_without_a_keychain_the_tile_says_so(
    qtbot: QtBot, office: Office, open_window: OpenWindow, tmp_path: Path
) -> None:
    team, _server = office
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]  # restored by memory_keyring
    ws = laptop(tmp_path, "alice")
    window, sync = open_window(ws, team.url, Credentials(environ={}))
    said: list[str] = []
    window.events.status_message.connect(said.append)
    sync.sync_now()
    qtbot.waitUntil(lambda: sync.rounds == 1)
    assert tile(window) == "Error: no keychain, set LEADDESK_TOKEN"
    assert any("for this session only" in text for text in said)


def test_no_server_is_local_only_until_one_is_set(
    qtbot: QtBot, office: Office, open_window: OpenWindow, tmp_path: Path
) -> None:
    team, _server = office
    ws = laptop(tmp_path, "alice")
    settings = {"server.url": ""}
    credentials = Credentials(environ={"LEADDESK_TOKEN": team.alice})
    window, sync = open_window(ws, lambda: settings["server.url"], credentials)
    sync.start(first_ms=0)
    sync.sync_now()
    qtbot.wait(100)
    assert tile(window) == "Local only"
    assert sync.service is None and sync.rounds == 0

    settings["server.url"] = "ftp://office"  # not a server address the client can use
    sync.sync_now()
    assert tile(window).startswith("Error: --server 'ftp://office'")
    settings["server.url"] = ""
    sync.sync_now()
    assert tile(window) == "Local only"

    settings["server.url"] = team.url  # saved in the Settings dialog
    sync.sync_now()
    qtbot.waitUntil(lambda: tile(window).startswith("Synced "), timeout=10_000)


def test_the_tile_words_for_each_state() -> None:
    at = datetime(2026, 11, 26, 14, 2, tzinfo=UTC)
    synced = SyncState("synced", 0, "", at)
    assert tile_text(synced) == f"Synced {at.astimezone():%H:%M}"
    assert tile_text(synced, "no usable OS keychain").endswith(" · Token for this session only")
    assert tile_text(SyncState("pending", 3, "", at)) == "3 pending"
    assert tile_text(SyncState("never", 0)) == "Not synced yet"
    assert tile_text(SyncState("offline", 0, "cannot reach")) == "Offline, retrying"
    long_reason = "http://office:8765 answered 500: " + "x" * 200
    text = tile_text(SyncState("error", 0, long_reason))
    assert text.startswith("Error: http://office:8765 answered 500") and text.endswith("…")
    assert len(text) < 80
