"""`leaddesk [--demo] [--screenshot FILE.png] [--compact]`: the agent window.

Order: paths, logging, open and migrate the database (demo data where there are no
leads yet), the workspace, then Qt and the window. `--screenshot` renders the window
offscreen once the call list and the top lead are in, writes the PNG and exits 0.
"""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from leaddesk.cli import Context

log = logging.getLogger("leaddesk.gui")


def _db_path(args: argparse.Namespace, ctx: Context) -> Path:
    from leaddesk.paths import demo_db_path

    if args.demo and getattr(args, "db", None) is None:
        return demo_db_path()
    return ctx.db_path


def open_with_demo(path: Path, ctx: Context) -> object:
    """Open (create, migrate) the database; a database without leads gets demo data."""
    from sqlalchemy import func, select

    from leaddesk.services.demo import generate
    from leaddesk.store import open_store
    from leaddesk.store.models import Lead

    store = open_store(path)
    with store.session() as session:
        has_leads = bool(session.scalar(select(func.count()).select_from(Lead)))
    if not has_leads:
        log.info("no leads in %s: writing demo data", path)
        generate(store, ctx.clock())
    return store


def run(args: argparse.Namespace, ctx: Context) -> int:
    from leaddesk.services.errors import UserError

    screenshot: Path | None = args.screenshot
    if screenshot is not None:
        if screenshot.suffix.lower() != ".png":
            raise UserError(f"--screenshot {screenshot}: the file name must end in .png")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    path = _db_path(args, ctx)
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
    store = open_with_demo(path, ctx)
    try:
        ws = ctx.workspace(store)
        return _run_window(ws, args, screenshot, log_file, install_crash_dialog, path)
    finally:
        store.close()  # type: ignore[attr-defined]


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
    from leaddesk.ui.app import create_app
    from leaddesk.ui.backend import Backend
    from leaddesk.ui.main_window import MainWindow

    app = create_app()
    install_crash_dialog(log_file)  # type: ignore[operator]
    from leaddesk.ui.single_instance import attach, claim

    instance = None
    if screenshot is None and db_path is not None:
        # Listen for later starts (needs the application's event loop, so only now).
        instance = claim(db_path, [args.open] if args.open else [])
        if instance is None:
            return 0  # another start became the window meanwhile and has our link
    dialer = TelDialer(lambda uri: QDesktopServices.openUrl(QUrl(uri)))
    window = MainWindow(Backend(ws), dialer, tray=screenshot is None)  # type: ignore[arg-type]
    if screenshot is not None:
        from leaddesk.ui.screenshot import render

        if not render(app, window, screenshot):
            raise UserError(f"--screenshot {screenshot}: the window did not finish loading")
        print(screenshot)
        return 0
    from leaddesk.ui.settings_dialog import install_settings

    # File > Settings…, window geometry restored and remembered
    settings = install_settings(window)
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
    if args.compact:
        window.toggle_compact()
    attach(window, instance, args.open)
    return int(app.exec())
