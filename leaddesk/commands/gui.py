"""`leaddesk [--demo] [--screenshot FILE.png] [--compact]`: the agent window.

Order: paths, logging, open and migrate the database (demo data where there are no
leads yet), the workspace, then Qt and the window. `--screenshot` renders the window
offscreen once the call list and the top lead are in, writes the PNG and exits 0.
"""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from leaddesk.cli import Context

if TYPE_CHECKING:
    from leaddesk.settings import Settings
    from leaddesk.ui.dialer_setup import DialerChoice, SoftphoneSetup
    from leaddesk.ui.events import Events

log = logging.getLogger("leaddesk.gui")


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.services.errors import UserError

    screenshot: Path | None = args.screenshot
    if screenshot is not None:
        if screenshot.suffix.lower() != ".png":
            raise UserError(f"--screenshot {screenshot}: the file name must end in .png")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from leaddesk.ui.preflight import problem

    # No display, or Qt's system libraries missing: one line now, not Qt's abort later.
    cannot_start = problem()
    if cannot_start:
        raise UserError(cannot_start)
    path = ctx.db_path  # the demo database with --demo (and no --db), as for every command
    if screenshot is None:
        from leaddesk.ui.single_instance import send_to_running

        # One window per database: a second start hands its tel: link over and exits,
        # before it opens the database.
        if send_to_running(path, [args.open] if args.open else []):
            log.info("handed over to the LeadDesk already running on %s", path)
            return 0

    from leaddesk.ui.app import install_crash_dialog, setup_file_logging

    log_file = setup_file_logging()
    log.info("starting the agent window on %s", path)
    try:
        # As for every command: the demo database gets demo data when it has none;
        # a database named with --db never does, --demo or not.
        store = ctx.open_store()
    except Exception as exc:
        if screenshot is None:
            _say_in_a_dialog(exc, path)
        raise  # and in one line on the console (cli.main), exit 1
    try:
        ws = ctx.workspace(store)
        return _run_window(ws, args, screenshot, log_file, install_crash_dialog, path)
    finally:
        store.close()


def _say_in_a_dialog(exc: Exception, path: Path) -> None:
    """Bad input or the environment in the way at start-up: the line the console gets,
    in a dialog too (a bug goes to the crash log as everywhere)."""
    from leaddesk.cli import error_line
    from leaddesk.ui.app import startup_problem

    line = error_line(exc, path)
    if line is not None:
        startup_problem(line)


def _run_window(
    ws: object,
    args: argparse.Namespace,
    screenshot: Path | None,
    log_file: Path,
    install_crash_dialog: object,
    db_path: Path | None = None,
) -> int:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from leaddesk.dialer.tel import TelDialer
    from leaddesk.services.errors import UserError
    from leaddesk.ui.agent.window import MainWindow
    from leaddesk.ui.app import create_app
    from leaddesk.ui.backend import Backend

    app = create_app()
    install_crash_dialog(log_file)  # type: ignore[operator]
    if screenshot is None:
        _quit_on_signals(app)  # from here on: the softphone below is started next
    from leaddesk.ui.single_instance import attach, claim

    instance = None
    if screenshot is None and db_path is not None:
        # Listen for later starts (needs the application's event loop, so only now).
        instance = claim(db_path, [args.open] if args.open else [])
        if instance is None:
            return 0  # another start became the window meanwhile and has our link
    from leaddesk.ui.events import Events

    def opener(uri: str) -> bool:
        return bool(QDesktopServices.openUrl(QUrl(uri)))

    events = Events()
    settings = _load_settings()
    setup: SoftphoneSetup | None = None
    choice: DialerChoice | None = None
    if screenshot is None and settings is not None:
        setup = _softphone_setup(settings, opener, events)
        choice = setup.choose()
    dialer = choice.dialer if choice else TelDialer(opener)
    window = MainWindow(
        Backend(ws),  # type: ignore[arg-type]
        dialer,
        events=events,
        tray=screenshot is None,
        demo=bool(getattr(args, "demo", False)) and getattr(args, "db", None) is None,
    )
    events.setParent(window)
    if screenshot is not None:
        from PySide6.QtCore import QRect

        from leaddesk.ui.screenshot import render

        # Offscreen has no real screen (800x800): render as on a 1920x1080 monitor.
        window.fit_to(QRect(0, 0, 1920, 1080))

        if not render(app, window, screenshot):
            raise UserError(f"--screenshot {screenshot}: the window did not finish loading")
        print(screenshot)
        return 0
    from leaddesk.ui.settings_dialog import install_settings

    # File > Settings…, window geometry restored and remembered
    settings = install_settings(window, settings)
    from leaddesk.ui.sync_controller import SyncController

    # Background sync with the team server of the settings (none: "Local only"); the
    # window owns it and stops it when it closes.
    sync = SyncController(
        window.backend.ws,
        window.events,
        window.runner,
        lambda: settings["server.url"],
        parent=window,
    )
    sync.start()
    window.show()
    from leaddesk.ui.identity_prompt import ask_identity_once

    # Scripts never say "our team" or the computer's user name: ask until they are set.
    ask_identity_once(window, settings)
    problems = getattr(window.backend.ws.rules.law, "problems", ())
    if problems:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            window.tr("Calling rules"),
            window.tr("A calling rules file could not be read:") + "\n\n" + "\n\n".join(problems),
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.setObjectName("RuleFileProblems")
        box.open()
    if args.compact:
        window.toggle_compact()
    attach(window, instance, args.open)
    if setup is not None:
        # Restarts and changed settings start the dialer anew from the settings.
        window.softphone.use_setup(setup, choice)
    try:
        return int(app.exec())
    finally:
        window.softphone.close_dialer()


def _load_settings() -> Settings | None:
    """The settings file, or None when it cannot be read (install_settings then says
    why and keeps the defaults)."""
    from leaddesk.settings import Settings, SettingsFileError

    try:
        return Settings.load()
    except SettingsFileError:
        return None


def _softphone_setup(
    settings: Settings, opener: Callable[[str], bool], events: Events
) -> SoftphoneSetup:
    """tel: or the baresip softphone, as the settings say; baresip runs from its own
    configuration folder, and a password not in the keychain is asked for."""
    from leaddesk.paths import user_data_dir
    from leaddesk.ui.dialer_setup import SoftphoneSetup
    from leaddesk.ui.password_prompt import ask_sip_password

    return SoftphoneSetup(
        settings,
        opener,
        events.call_update.emit,
        user_data_dir() / "baresip",
        ask=ask_sip_password,
    )


def _quit_on_signals(app: object) -> None:
    """SIGTERM (logout, `kill`) and Ctrl+C quit like File > Quit: the softphone stops and
    the window's state is saved, instead of the process vanishing and leaving baresip
    holding its ports. Python runs signal handlers between bytecodes, so a timer gives
    the interpreter a turn while Qt's loop waits."""
    import signal

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)

    def quit_app(signum: int, _frame: object) -> None:
        log.info("signal %s: quitting", signal.Signals(signum).name)
        # Queued: a signal during start-up quits as soon as the event loop runs (a plain
        # quit() before exec() would be lost), and the code after exec() cleans up.
        QTimer.singleShot(0, app.closeAllWindows)
        QTimer.singleShot(0, app.quit)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, quit_app)
    tick = QTimer(app)
    tick.setObjectName("SignalTick")
    tick.timeout.connect(lambda: None)
    tick.start(300)
