"""The settings dialog as an agent uses it: one field per setting with its description,
refusals shown next to the field, nothing written until every field is valid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from leaddesk.settings import REGISTRY, Settings
from leaddesk.ui.settings_dialog import SettingsDialog, object_name

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "settings.json"


@pytest.fixture
def dialog(qtbot, path: Path) -> SettingsDialog:  # type: ignore[no-untyped-def]
    d = SettingsDialog(Settings.load(path), choices={"cadence": ["default", "aggressive"]})
    qtbot.addWidget(d)
    d.show()
    return d


def test_one_named_field_per_setting_with_its_description(dialog: SettingsDialog) -> None:
    shown = [s for s in REGISTRY if s.shown]
    assert len(shown) >= 10
    for spec in shown:
        field = dialog.findChild(QWidget, object_name(spec.name))
        assert field is not None, spec.name
        assert field.toolTip() == spec.description
        assert field.accessibleName() == spec.label
    assert isinstance(dialog.fields["caps.lifetime"], QSpinBox)
    assert dialog.fields["caps.lifetime"].value() == 12
    assert isinstance(dialog.fields["dialer"], QComboBox)
    assert (
        dialog.findChild(QLineEdit, object_name("window.geometry")) is None
    )  # remembered, not edited


def test_saving_valid_values_writes_the_file(qtbot, dialog: SettingsDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.set_value("agent.callback_number", "+1 (415) 555-0142")
    dialog.set_value("caps.per_24h", 2)
    dialog.set_value("theme", "dark")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    data = json.loads(path.read_text())
    assert data["agent.callback_number"] == "+14155550142"
    assert data["caps.per_24h"] == 2
    assert data["theme"] == "dark"
    assert not dialog.isVisible()


def test_bad_values_are_shown_next_to_their_fields_and_nothing_is_written(
    dialog: SettingsDialog, path: Path
) -> None:
    dialog.set_value("agent.callback_number", "555-0142")
    dialog.set_value("server.url", "ftp://sync.example.com")
    dialog.set_value("theme", "dark")
    assert dialog.save() is False
    phone_error = dialog.findChild(QLabel, object_name("agent.callback_number") + "_error")
    url_error = dialog.findChild(QLabel, object_name("server.url") + "_error")
    assert phone_error.isVisible() and "international form" in phone_error.text()
    assert url_error.isVisible() and "http:// or https://" in url_error.text()
    assert not dialog.errors["theme"].isVisible()
    assert not path.exists()
    assert dialog.isVisible()
    # fixing them saves
    dialog.set_value("agent.callback_number", "+14155550142")
    dialog.set_value("server.url", "")
    assert dialog.save() is True
    assert not phone_error.isVisible()


def test_calling_hours_must_end_after_they_start(dialog: SettingsDialog, path: Path) -> None:
    dialog.set_value("calling_hours.start", "21:00")
    dialog.set_value("calling_hours.end", "09:00")
    assert dialog.save() is False
    assert "later than" in dialog.errors["calling_hours.end"].text()
    assert not path.exists()


def test_the_window_offers_settings_and_remembers_its_geometry(  # type: ignore[no-untyped-def]
    qtbot, demo_workspace, path: Path
) -> None:
    from PySide6.QtGui import QAction

    from leaddesk.dialer.tel import TelDialer
    from leaddesk.ui.agent.window import MainWindow
    from leaddesk.ui.backend import Backend
    from leaddesk.ui.settings_dialog import install_settings

    def window() -> MainWindow:
        w = MainWindow(Backend(demo_workspace), TelDialer(lambda _uri: True), tray=False)
        qtbot.addWidget(w)
        return w

    first = window()
    install_settings(first, Settings.load(path))
    action = first.findChild(QAction, "ActionSettings")
    assert action is not None and action.shortcut().toString() == "Ctrl+,"
    file_menu = first.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    first.show()
    # The offscreen screen is 800x800 and Qt keeps a restored window on its screen, so
    # the height (which fits) is what can be compared; the default is 900.
    target = max(first.minimumSizeHint().height(), first.minimumHeight()) + 5
    first.setGeometry(0, 30, 1300, target)
    assert first.height() == target != 900
    first._remember_geometry()  # what quitting the app does
    first.close()
    assert Settings.load(path)["window.geometry"]

    second = window()
    install_settings(second, Settings.load(path))
    second.show()
    assert second.height() == target
    second.close()


def test_a_chosen_theme_overrides_the_desktop_and_system_follows_it_again(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette

    from leaddesk.ui import style
    from leaddesk.ui.settings_dialog import apply_theme

    palette, sheet = QPalette(qapp.palette()), qapp.styleSheet()
    try:
        apply_theme("dark")
        assert style.is_dark(qapp.palette())
        apply_theme("light")
        assert not style.is_dark(qapp.palette())
    finally:
        qapp.setPalette(palette)  # other tests keep the application as they found it
        qapp.setStyleSheet(sheet)


def test_settings_stay_in_the_file_menu_in_every_language(  # type: ignore[no-untyped-def]
    qtbot, demo_workspace, path: Path, pseudo_locale
) -> None:
    """The File menu is found by its name: translated ("[Fîļé]"), it keeps Settings."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from leaddesk.dialer.tel import TelDialer
    from leaddesk.ui.agent.window import MainWindow
    from leaddesk.ui.backend import Backend
    from leaddesk.ui.settings_dialog import install_settings

    window = MainWindow(Backend(demo_workspace), TelDialer(lambda _uri: True), tray=False)
    qtbot.addWidget(window)
    install_settings(window, Settings.load(path))
    file_menu = window.menuBar().findChild(QMenu, "MenuFile")
    assert file_menu is not None and file_menu.title().startswith("[")
    action = window.findChild(QAction, "ActionSettings")
    assert action is not None and action in file_menu.actions()
    # Above Quit, as in English.
    names = [a.objectName() for a in file_menu.actions()]
    assert names.index("ActionSettings") < names.index("ActionQuit")
