"""Application setup: high-DPI, the palette following the system's light or dark
scheme, the stylesheet, logging to a file, and a crash dialog that shows the log path.

Startup order (commands/gui.py): parse args, paths, logging, open and migrate the
database, then `create_app` and the window.
"""

from __future__ import annotations

import atexit
import contextlib
import faulthandler
import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory, QWidget

from leaddesk import __version__
from leaddesk.logs import MaskingFormatter, PrivateRotatingFileHandler, open_private, private_folder
from leaddesk.paths import APP_NAME, user_data_dir
from leaddesk.ui import style
from leaddesk.ui.icons import app_icon

log = logging.getLogger("leaddesk")


def log_path() -> Path:
    return user_data_dir() / "logs" / "leaddesk.log"


def setup_file_logging(path: Path | None = None) -> Path:
    """Log to a rotating file in the user data folder; returns its path."""
    path = path or log_path()
    private_folder(path.parent)
    # Owner-only files, numbers masked: a log is what gets attached to a bug report.
    handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    # The console keeps its level (warnings, or -v); the file gets the startup story too.
    for existing in root.handlers:
        if existing.level == logging.NOTSET:
            existing.setLevel(root.level)
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.INFO, logging.INFO))
    return path


def apply_palette(app: QApplication) -> None:
    """Follow the system's colour scheme (Qt 6.5+), with Fusion drawing the widgets."""
    forced = os.environ.get("LEADDESK_THEME", "").lower()  # "dark" or "light" overrides
    dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    if forced in ("dark", "light"):
        dark = forced == "dark"
    palette = style.dark_palette() if dark else style.light_palette()
    app.setPalette(palette)
    app.setStyleSheet(style.stylesheet(palette))


def create_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
        from leaddesk.ui.translations import load_translation

        load_translation(app)  # $LEADDESK_LANG (e.g. pseudo), else the system's language
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(app_icon())
    app.setStyle(QStyleFactory.create("Fusion"))
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        app.setFont(QFont("DejaVu Sans", 10))
    apply_palette(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: apply_palette(app))
    return app


def crash_dialog(value: BaseException, details: str, path: Path) -> QMessageBox:
    """What happened, that the saved work is safe, and where the log is."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("CrashDialog", "LeadDesk hit a bug"),
        QCoreApplication.translate(
            "CrashDialog",
            "Something unexpected happened: %1\n\nEvery outcome you logged is saved on disk "
            "and LeadDesk keeps running; a call you had not logged yet is offered for "
            "wrap-up at the next start. If it happens again, send the log to your "
            "administrator:\n%2",
        )
        .replace("%1", f"{type(value).__name__}: {value}")
        .replace("%2", str(path)),
        QMessageBox.StandardButton.Close,
    )
    box.setObjectName("CrashDialog")
    box.setDetailedText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def problem_dialog(parent: QWidget, box: QMessageBox | None, message: str) -> QMessageBox:
    """The environment in the way (database locked, disk full, read-only, permission,
    network): what happened and what to do, one sentence, no traceback. Shown without
    blocking, once: a second problem while it is open replaces its text."""
    if box is None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setObjectName("ProblemDialog")
        box.setWindowTitle(QCoreApplication.translate("ProblemDialog", "LeadDesk cannot save"))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setText(message)
    box.setAccessibleDescription(message)
    if not box.isVisible():
        box.open()
    return box


def startup_problem(message: str) -> QMessageBox:
    """The window cannot open (its database is not a LeadDesk one, is locked, read-only,
    on a full disk): an agent who started LeadDesk from the desktop sees no console, so
    the same one line the command prints is shown in a dialog before the exit. Modal on
    a screen (`_show_modal`)."""
    if QApplication.instance() is None:
        create_app()  # an application already running keeps its look
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("ProblemDialog", "LeadDesk cannot start"),
        message,
        QMessageBox.StandardButton.Close,
    )
    box.setObjectName("StartupProblem")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAccessibleDescription(message)
    _show_modal(box)
    return box


_open_boxes: list[QMessageBox] = []  # shown without blocking, until closed


def _show_modal(box: QMessageBox) -> None:
    """Modal on a screen. On the offscreen platform nobody can click Close: shown
    without blocking and kept alive until closed (tests look at it)."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        _open_boxes.append(box)
        box.finished.connect(lambda _r: _open_boxes.remove(box))
        box.open()
        return
    box.exec()


def install_crash_dialog(path: Path) -> None:
    """Unhandled exceptions: log them, and tell the user what happened and where the
    log is. A native crash (segfault) writes the Python stacks to `crash.log` beside it."""
    global _fault_log
    with contextlib.suppress(OSError, ValueError):
        private_folder(path.parent)
        fault_log = open_private(path.parent / "crash.log")
        faulthandler.enable(file=fault_log)
        if _fault_log is not None:
            _fault_log.close()  # installed again (tests): the previous file is done with
        else:
            atexit.register(_close_fault_log)
        _fault_log = fault_log

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        log.critical("unhandled exception:\n%s", text)
        if QApplication.instance() is None or issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        _show_modal(crash_dialog(value, text, path))

    sys.excepthook = hook


_fault_log: IO[str] | None = None  # kept open for faulthandler for the life of the process


def _close_fault_log() -> None:
    """At exit: faulthandler lets go of the crash log, which is then closed."""
    global _fault_log
    if _fault_log is not None:
        faulthandler.disable()
        _fault_log.close()
        _fault_log = None
