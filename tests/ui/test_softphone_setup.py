"""Setting up the softphone as an agent does: the password typed into the real prompt
and checked by a real registrar (SIPp with digest authentication), kept in the keychain
only once accepted; and the dialer switched from the Settings dialog while the window
runs, without a restart of LeadDesk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from leaddesk.dialer.baresip import BaresipDialer, BaresipSettings
from leaddesk.dialer.tel import TelDialer
from leaddesk.services.errors import UserError
from leaddesk.services.workspace import Workspace
from leaddesk.settings import Settings
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from leaddesk.ui.dialer_setup import PASSWORD_ENV, SoftphoneSetup, sip_login
from leaddesk.ui.events import Events
from leaddesk.ui.password_prompt import ask_sip_password
from leaddesk.ui.settings_dialog import SettingsDialog, apply_changes
from tests.integration import sip_fixtures
from tests.integration.sip_fixtures import (
    BARESIP_MISSING,
    LOOPBACK,
    Sipp,
    needs_baresip,
    needs_sipp,
    require,
)

pytestmark = [needs_baresip, needs_sipp, pytest.mark.qt_log_ignore("propagateSizeHints")]
sipp = sip_fixtures.sipp
baresip_settings = sip_fixtures.baresip_settings


class Typist:
    """Answers the password prompt when it appears, as the agent would."""

    def __init__(self) -> None:
        self.prompts: list[str] = []
        self.answer: str | None = None
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QInputDialog)
                and widget.objectName() == "SipPasswordDialog"
                and widget.isVisible()
            ):
                self.prompts.append(widget.labelText())
                if self.answer is None:
                    widget.reject()
                else:
                    widget.setTextValue(self.answer)
                    widget.accept()

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def typist(qtbot) -> Iterator[Typist]:  # type: ignore[no-untyped-def]
    agent = Typist()
    yield agent
    agent.stop()


def make_setup(
    tmp_path: Path, base: BaresipSettings, registrar: Sipp, **values: object
) -> tuple[SoftphoneSetup, Settings]:
    require("baresip", BARESIP_MISSING)
    settings = Settings(tmp_path / "settings.json")
    settings.update(
        {
            "dialer": "baresip",
            "sip.user": "agent7",
            "sip.domain": f"{LOOPBACK}:{registrar.port}",
            "sip.port": base.sip_port,
            "sip.ctrl_port": base.ctrl_port,
            **values,
        }
    )
    setup = SoftphoneSetup(
        settings,
        lambda _uri: True,
        lambda _u: None,
        tmp_path / "baresip",
        base=base,
        ask=ask_sip_password,
    )
    return setup, settings


def close(dialer: object) -> None:
    if isinstance(dialer, BaresipDialer):
        dialer.close()


def test_typed_password_is_kept_only_once_the_registrar_accepts_it(
    qtbot,
    tmp_path: Path,
    baresip_settings: BaresipSettings,
    sipp: Callable[..., Sipp],
    typist: Typist,
    memory_keyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    # A typo: the registrar refuses it, nothing is kept, and the agent is told.
    registrar = sipp("register_digest")
    setup, _settings = make_setup(tmp_path, baresip_settings, registrar)
    typist.answer = "correct-hrose"
    choice = setup.choose()
    assert isinstance(choice.dialer, TelDialer)
    assert choice.problem is not None and "403 Forbidden" in choice.problem
    assert "The password was not saved" in choice.problem
    assert len(typist.prompts) == 1 and "sip:agent7@127.0.0.1" in typist.prompts[0]
    assert memory_keyring.items == {}

    # The right one: registered, and now in the keychain (and in no file).
    registrar = sipp("register_digest", port=registrar.port)
    setup, _settings = make_setup(tmp_path, baresip_settings, registrar)
    typist.answer = "correct-horse"
    choice = setup.choose()
    try:
        assert isinstance(choice.dialer, BaresipDialer), choice.problem
        assert choice.problem is None
    finally:
        close(choice.dialer)
    aor = f"sip:agent7@{LOOPBACK}:{registrar.port}"
    assert memory_keyring.items == {("leaddesk-sip", aor): "correct-horse"}
    assert len(typist.prompts) == 2
    files = [p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.is_file()]
    assert not any("correct-horse" in text for text in files)

    # Next start: from the keychain, no prompt.
    registrar = sipp("register_digest", port=registrar.port)
    setup, _settings = make_setup(tmp_path, baresip_settings, registrar)
    choice = setup.choose()
    try:
        assert isinstance(choice.dialer, BaresipDialer), choice.problem
    finally:
        close(choice.dialer)
    assert len(typist.prompts) == 2

    # The provider changed the password: the saved one is refused, removed, and the
    # agent is told how to type the new one.
    registrar = sipp("register_forbidden", port=registrar.port)
    setup, _settings = make_setup(tmp_path, baresip_settings, registrar)
    choice = setup.choose()
    assert isinstance(choice.dialer, TelDialer)
    assert choice.problem is not None and "removed from the keychain" in choice.problem
    assert memory_keyring.items == {}


def test_cancelled_prompt_leaves_the_softphone_off_with_the_reason(
    qtbot,
    tmp_path: Path,
    baresip_settings: BaresipSettings,
    sipp: Callable[..., Sipp],
    typist: Typist,
    memory_keyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    registrar = sipp("register_digest")
    setup, _settings = make_setup(tmp_path, baresip_settings, registrar)
    typist.answer = None  # the agent presses Cancel
    choice = setup.choose()
    assert isinstance(choice.dialer, TelDialer)
    assert choice.problem is not None and "registration" in choice.problem
    assert typist.prompts and memory_keyring.items == {}
    with pytest.raises(UserError, match="SIP user and domain"):
        sip_login({"sip.user": "", "sip.domain": LOOPBACK, "sip.register": "yes"})


def test_switching_the_dialer_in_settings_applies_without_a_restart(
    qtbot,
    tmp_path: Path,
    demo_workspace: Workspace,
    baresip_settings: BaresipSettings,
    sipp: Callable[..., Sipp],
) -> None:  # type: ignore[no-untyped-def]
    require("baresip", BARESIP_MISSING)
    callee = sipp("answer_then_bye", "-d", "300")
    settings = Settings(tmp_path / "settings.json")
    settings.update(
        {
            "sip.user": "agent7",
            "sip.domain": f"{LOOPBACK}:{callee.port}",
            "sip.register": "no",
            "sip.port": baresip_settings.sip_port,
            "sip.ctrl_port": baresip_settings.ctrl_port,
        }
    )
    events = Events()
    opened: list[str] = []
    setup = SoftphoneSetup(
        settings,
        lambda uri: opened.append(uri) or True,
        events.call_update.emit,
        tmp_path / "baresip",
        base=baresip_settings,
    )
    choice = setup.choose()
    assert isinstance(choice.dialer, TelDialer)  # the default: tel:
    window = MainWindow(Backend(demo_workspace), choice.dialer, events=events, tray=False)
    events.setParent(window)
    qtbot.addWidget(window)
    window.softphone.use_setup(setup, choice)
    window.show()
    qtbot.waitUntil(lambda: window.detail is not None and window.runner.active == 0, timeout=15_000)
    status = window.softphone.status_label
    assert status.text() == "Phone app (tel:)" and status.isVisible()

    # The agent picks baresip in the Settings dialog and saves: the softphone starts.
    dialog = SettingsDialog(settings, window, test_headset=window.softphone.test_headset)
    qtbot.addWidget(dialog)
    before = settings.as_dict()
    dialog.set_value("dialer", "baresip")
    assert dialog.save()
    changed = {k for k, v in settings.as_dict().items() if before[k] != v}
    assert changed == {"dialer"}
    apply_changes(window, settings, changed)
    qtbot.waitUntil(lambda: isinstance(window.dialer, BaresipDialer), timeout=10_000)
    assert "softphone is ready" in window.statusBar().currentMessage()
    assert status.text() == f"Softphone · agent7@{LOOPBACK}:{callee.port}"
    softphone = window.dialer
    assert isinstance(softphone, BaresipDialer) and softphone.process is not None
    assert softphone.process.running
    # Without audio devices there is nothing to test; the dialog says so.
    dialog.run_headset_test()
    assert "needs the softphone" in dialog.headset_status.text()

    # Dial through it: the call is live in the window, so a change waits for the log.
    window.dial()
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
    settings.set("dialer", "tel")
    apply_changes(window, settings, {"dialer"})
    assert "once this call is logged" in window.statusBar().currentMessage()
    assert window.dialer is softphone
    qtbot.waitUntil(lambda: window.outcomes.call_ended, timeout=10_000)
    window.log_outcome("connected")
    # Logged: the switch happens, and baresip is stopped (its ports are free again).
    qtbot.waitUntil(lambda: isinstance(window.dialer, TelDialer), timeout=10_000)
    assert not softphone.process.running
    assert status.text() == "Phone app (tel:)"
    assert callee.wait() == 0, callee.errors()
    window.dial()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened[0].startswith("tel:+")
    window.close()
