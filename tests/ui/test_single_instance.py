"""One instance per database: a second `leaddesk tel:...` start (a real process) hands the
link to the running window, which selects the number's lead or offers to create one."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer
from sqlalchemy import select

from leaddesk.dialer.tel import TelDialer
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Lead
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from leaddesk.ui.single_instance import InstanceServer, TelHandoff, private_folder, server_name

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


def _start(tmp_path: Path, db: Path, *args: str) -> subprocess.Popen[str]:
    """A second LeadDesk start, as a desktop runs it for a clicked tel: link."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        HOME=str(tmp_path / "home"),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "leaddesk", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _finish(qtbot, proc: subprocess.Popen[str]) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    # The running instance answers from its event loop: keep it turning while we wait.
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
    _out, err = proc.communicate()
    return proc.returncode, err


@pytest.fixture
def server(db_path: Path) -> Iterator[InstanceServer]:
    s = InstanceServer(db_path)
    assert s.listen()
    yield s
    s.close()


def test_a_second_start_hands_its_link_over_and_exits_0(
    qtbot, tmp_path: Path, db_path: Path, server: InstanceServer
) -> None:
    with qtbot.waitSignal(server.received, timeout=30_000) as got:
        proc = _start(tmp_path, db_path, "tel:+14155550142")
        code, err = _finish(qtbot, proc)
    assert code == 0, err
    assert got.args == [["tel:+14155550142"]]
    assert not db_path.exists()  # the second start never opened the database


def test_a_start_on_another_database_does_not_hand_over(tmp_path: Path, db_path: Path) -> None:
    assert server_name(db_path) != server_name(tmp_path / "other.db")
    assert server_name(db_path) == server_name(tmp_path / "." / db_path.name)


def test_only_one_instance_listens_per_database(db_path: Path, server: InstanceServer) -> None:
    second = InstanceServer(db_path)
    assert not second.listen()
    second.close()


def test_a_socket_left_by_a_crash_is_taken_over(db_path: Path) -> None:
    # A crashed instance leaves its socket file behind, with nobody listening on it.
    path = Path(server_name(db_path))
    assert path.is_absolute()
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))
    dead.close()
    assert path.exists()
    fresh = InstanceServer(db_path)
    try:
        assert fresh.listen()
    finally:
        fresh.close()


def test_the_socket_is_in_a_folder_only_the_user_can_enter(db_path: Path) -> None:
    """Another user's program listening under the name the socket used to have in the
    shared temporary folder would have answered every start ("ok": LeadDesk never
    opened) and read its links. The socket is now in the user's own 0700 folder: such a
    program is not asked, and this start listens."""
    path = Path(server_name(db_path))
    folder = path.parent
    assert folder == private_folder()
    info = folder.lstat()
    assert info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) == 0o700
    squatter = QLocalServer()
    assert squatter.listen(path.name)  # the old name, in the shared temporary folder
    try:
        server = InstanceServer(db_path)
        try:
            assert server.listen()
        finally:
            server.close()
    finally:
        squatter.close()


def test_a_private_folder_opened_up_is_closed_and_another_users_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = tmp_path / f"leaddesk-{os.getuid()}"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    assert private_folder() == folder and stat.S_IMODE(folder.stat().st_mode) == 0o700
    if os.getuid() == 0:  # root can give the folder away, as if another user made it
        os.chown(folder, 12345, 12345)
        assert private_folder() is None
        assert "/" not in server_name(tmp_path / "x.db")  # the plain name, as before


class Asker:
    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, _parent: object, e164: str) -> bool:
        self.asked.append(e164)
        return self.answer


@pytest.fixture
def window(qtbot, demo_workspace: Workspace) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = MainWindow(Backend(demo_workspace), TelDialer(lambda _uri: True), tray=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.detail is not None and w.runner.active == 0, timeout=15_000)
    yield w
    w.close()


def _a_lead_not_on_top(ws: Workspace, window: MainWindow) -> tuple[str, str]:
    with ws.store.session() as session:
        rows = session.execute(
            select(Lead.id, Lead.phone_e164)
            .where(Lead.phone_e164.is_not(None))
            .order_by(Lead.last_name.desc(), Lead.id)
        ).all()
    top = window.detail.lead_id  # type: ignore[union-attr]
    counts: dict[str, int] = {}
    for _id, e164 in rows:
        counts[e164] = counts.get(e164, 0) + 1
    # a number only one lead has, so the lead to expect is unambiguous
    return next((i, e) for i, e in rows if i != top and counts[e] == 1)


def test_the_running_window_selects_the_lead_of_a_handed_over_link(
    qtbot, tmp_path: Path, demo_workspace: Workspace, window: MainWindow
) -> None:
    db = demo_workspace.store.path  # type: ignore[attr-defined]
    server = InstanceServer(db)
    assert server.listen()
    handoff = TelHandoff(window, ask=Asker(False))
    server.received.connect(handoff.handle)
    lead_id, e164 = _a_lead_not_on_top(demo_workspace, window)
    national = f"tel:{e164[:2]}-{e164[2:5]}-{e164[5:8]}-{e164[8:]}"
    with qtbot.waitSignal(handoff.opened, timeout=30_000) as opened:
        proc = _start(tmp_path, db, national)
        code, err = _finish(qtbot, proc)
    server.close()
    assert code == 0, err
    assert opened.args == [lead_id]
    qtbot.waitUntil(
        lambda: window.detail is not None and window.detail.lead_id == lead_id, timeout=15_000
    )
    assert window.isVisible()


def test_an_unknown_number_offers_to_create_a_lead(
    qtbot, demo_workspace: Workspace, window: MainWindow
) -> None:
    asker = Asker(True)
    handoff = TelHandoff(window, ask=asker)
    with qtbot.waitSignal(handoff.opened, timeout=15_000) as opened:
        handoff.handle(["tel:+1-212-555-0188"])
    assert asker.asked == ["+12125550188"]
    qtbot.waitUntil(
        lambda: window.detail is not None and window.detail.lead_id == opened.args[0],
        timeout=15_000,
    )
    assert window.detail.phone_e164 == "+12125550188"  # type: ignore[union-attr]


def test_declining_the_offer_creates_nothing(
    qtbot, demo_workspace: Workspace, window: MainWindow
) -> None:
    asker = Asker(False)
    handoff = TelHandoff(window, ask=asker)
    handoff.handle(["tel:+12125550188"])
    qtbot.waitUntil(lambda: asker.asked == ["+12125550188"], timeout=15_000)
    time.sleep(0.05)
    with demo_workspace.store.session() as session:
        assert session.scalar(select(Lead.id).where(Lead.phone_e164 == "+12125550188")) is None


def test_a_link_that_is_not_a_number_is_reported_not_raised(
    qtbot, demo_workspace: Workspace, window: MainWindow
) -> None:
    handoff = TelHandoff(window, ask=Asker(True))
    handoff.handle(["tel:hello"])
    qtbot.waitUntil(lambda: "not a phone number" in window.last_error, timeout=15_000)


def test_a_macos_open_url_event_is_handed_over_too(
    qtbot, qapp, demo_workspace: Workspace, window: MainWindow
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QFileOpenEvent

    from leaddesk.ui.single_instance import attach

    lead_id, e164 = _a_lead_not_on_top(demo_workspace, window)
    handoff = attach(window, None, None)
    with qtbot.waitSignal(handoff.opened, timeout=15_000) as opened:
        qapp.sendEvent(qapp, QFileOpenEvent(QUrl(f"tel:{e164}")))
    assert opened.args == [lead_id]
    qapp.removeEventFilter(handoff.findChild(QObject))


def test_two_real_starts_on_one_database(tmp_path: Path) -> None:
    """Both sides as separate processes, as on an agent's desktop: the first opens the
    window and listens from its event loop; the second hands over and exits 0."""
    from leaddesk.ui.single_instance import send_to_running

    db = tmp_path / "demo.db"
    first = _start(tmp_path, db, "--demo")
    try:
        deadline = time.monotonic() + 60
        while not send_to_running(db, []):  # "come to the front": answered once listening
            assert first.poll() is None, first.communicate()[1]
            assert time.monotonic() < deadline, "the first start never listened"
            time.sleep(0.3)
        second = _start(tmp_path, db, "tel:+14155550142")
        _out, err = second.communicate(timeout=30)
        assert second.returncode == 0, err
        log = (tmp_path / "data" / "LeadDesk" / "logs" / "leaddesk.log").read_text()
        assert "another start handed over ['tel:+…42']" in log  # numbers masked in logs
        assert "4155550142" not in log
        assert first.poll() is None  # still running, with the lead selected
    finally:
        first.terminate()
        first.communicate(timeout=30)


def test_a_plain_number_given_with_open_selects_its_lead_too(
    qtbot, demo_workspace: Workspace, window: MainWindow
) -> None:
    lead_id, e164 = _a_lead_not_on_top(demo_workspace, window)
    handoff = TelHandoff(window, ask=Asker(False))
    with qtbot.waitSignal(handoff.opened, timeout=15_000) as opened:
        handoff.handle([f"{e164[:2]} {e164[2:5]} {e164[5:]}"])
    assert opened.args == [lead_id]
