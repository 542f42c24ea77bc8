"""Loading the window's translation: `LEADDESK_LANG=pseudo` (or `de`, ...) picks
`leaddesk/resources/i18n/leaddesk_<lang>.qm`; without it, the system's UI language is tried and
English is the fallback: `leaddesk_en.qm`, whose only translations are the English
plural forms ("1 attempt made", "3 attempts made" for "%n attempt(s) made"), so that
counts read right; without it the source strings show. The catalogues are made by
`packaging/i18n.py`."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from leaddesk.paths import resources_dir

log = logging.getLogger(__name__)


def load_translation(app: QCoreApplication, lang: str | None = None) -> QTranslator | None:
    """Install the translator for `lang` (default `$LEADDESK_LANG`, else the system's
    languages); None when no catalogue matches and the English strings stay."""
    folder = str(resources_dir() / "i18n")
    translator = QTranslator(app)
    wanted = lang if lang is not None else os.environ.get("LEADDESK_LANG", "")
    if wanted:
        loaded = translator.load(f"leaddesk_{wanted}", folder)
        if not loaded:
            log.warning("no translation leaddesk_%s.qm in %s; using English", wanted, folder)
    else:
        loaded = translator.load(QLocale(), "leaddesk", "_", folder)
    if not loaded or translator.isEmpty():
        loaded = translator.load("leaddesk_en", folder)
    if not loaded or translator.isEmpty():
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    log.info("translation %s loaded", translator.filePath())
    return translator
