"""The window's tests read English as an agent does: the English catalogue (whose only
translations are the plural forms, "1 new lead" / "3 new leads") is installed, as
`load_translation` does when no other language matches."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from leaddesk.ui.translations import load_translation


@pytest.fixture(autouse=True, scope="session")
def english(qapp: QApplication) -> Iterator[QTranslator | None]:
    translator = load_translation(qapp, "en")
    assert translator is not None, "leaddesk/resources/i18n/leaddesk_en.qm is missing"
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def pseudo_locale(qapp: QApplication) -> Iterator[QTranslator]:
    """The pseudo-localized catalogue (accented, 40 % longer, bracketed) over the English."""
    translator = load_translation(qapp, "pseudo")
    assert translator is not None, "leaddesk/resources/i18n/leaddesk_pseudo.qm is missing"
    yield translator
    qapp.removeTranslator(translator)
