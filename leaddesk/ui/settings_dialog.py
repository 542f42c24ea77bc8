"""The settings dialog, generated from the one registry in `leaddesk.settings`.

One field per shown setting: a spin box for numbers, a drop-down for choices, a line
edit for text; the setting's description is its tooltip and accessible description.
The fields are grouped by what they are about (you, the calling rules, the softphone,
the team and the look), in two columns, so that every field and every refusal is in
sight at once.
Save validates every field (and the rules across fields) and shows each refusal next to
its field; nothing is written until all are valid, and then atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from leaddesk.settings import REGISTRY, Setting, SettingError, Settings, SettingsFileError

CONTEXT = "Settings"  # the translation context of the registry's labels and descriptions


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# Sections by the setting's name; the softphone's fields get a column of their own.
SECTIONS = (
    (str(QT_TRANSLATE_NOOP("Settings", "You")), ("agent.",)),
    (str(QT_TRANSLATE_NOOP("Settings", "Calling rules")), ("calling_hours.", "cadence", "caps.")),
    (str(QT_TRANSLATE_NOOP("Settings", "Softphone")), ("dialer", "sip.", "audio.")),
    (str(QT_TRANSLATE_NOOP("Settings", "Team and appearance")), ("server.", "theme")),
)
OTHER = str(QT_TRANSLATE_NOOP("Settings", "Other"))
RIGHT_COLUMN = {"Softphone"}


def section_of(name: str) -> str:
    for title, prefixes in SECTIONS:
        if any(name == p or name.startswith(p) for p in prefixes):
            return title
    return OTHER


def object_name(name: str) -> str:
    """`caps.per_24h` -> `Setting_caps_per_24h` (tests and screen readers find it so)."""
    return "Setting_" + name.replace(".", "_")


class SettingsDialog(QDialog):
    """Edits a `Settings`; `choices` can offer values for a text setting (the cadences)."""

    saved = Signal()

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        choices: Mapping[str, Sequence[str]] | None = None,
        test_call: Callable[[str], str] | None = None,
        test_headset: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsDialog")
        self.setWindowTitle(self.tr("LeadDesk settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.setMinimumWidth(900)
        self.settings = settings
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        extra = dict(choices or {})

        # Dialer: try the test number on the dialer in use.
        self.test_call = test_call
        self.test_button = QPushButton(self.tr("Call test number"), self)
        self.test_button.setObjectName("CallTestNumber")
        self.test_button.setToolTip(self.tr("Dial the test number with the dialer in use"))
        self.test_button.clicked.connect(self.call_test_number)
        self.test_button.setVisible(test_call is not None)
        self.test_status = QLabel(self)
        self.test_status.setObjectName("TestCallStatus")
        self.test_status.setAccessibleName(self.tr("Test call"))
        self.test_status.setWordWrap(True)

        # Audio: hear yourself through the softphone's headset devices.
        self.test_headset = test_headset
        self.headset_button = QPushButton(self.tr("Test headset"), self)
        self.headset_button.setObjectName("TestHeadset")
        self.headset_button.setToolTip(
            self.tr("Hear your microphone in your speaker for a few seconds (saved devices)")
        )
        self.headset_button.clicked.connect(self.run_headset_test)
        self.headset_button.setVisible(test_headset is not None)
        self.headset_status = QLabel(self)
        self.headset_status.setObjectName("HeadsetTestStatus")
        self.headset_status.setAccessibleName(self.tr("Headset test"))
        self.headset_status.setWordWrap(True)

        forms: dict[str, QFormLayout] = {}
        columns = (QVBoxLayout(), QVBoxLayout())
        for title in [t for t, _p in SECTIONS] + [OTHER]:
            names = [s.name for s in REGISTRY if s.shown and section_of(s.name) == title]
            if not names:
                continue
            box = QGroupBox(_t(title), self)
            box.setObjectName("SettingsSection_" + title.replace(" ", ""))
            forms[title] = QFormLayout(box)
            forms[title].setObjectName("SettingsForm")
            columns[1 if title in RIGHT_COLUMN else 0].addWidget(box)
        for spec in REGISTRY:
            if not spec.shown:
                continue
            form = forms[section_of(spec.name)]
            editor = self._editor(spec, extra.get(spec.name, ()))
            editor.setObjectName(object_name(spec.name))
            editor.setAccessibleName(_t(spec.label))
            editor.setAccessibleDescription(_t(spec.description))
            editor.setToolTip(_t(spec.description))
            label = QLabel(_t(spec.label), self)
            label.setBuddy(editor)
            label.setToolTip(_t(spec.description))
            error = QLabel(self)
            error.setObjectName(object_name(spec.name) + "_error")
            error.setAccessibleName(
                self.tr("Problem with {setting}").format(setting=_t(spec.label))
            )
            error.setWordWrap(True)
            error.setStyleSheet("color: #c62828;")
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(error)
            form.addRow(label, column)
            self.fields[spec.name] = editor
            self.errors[spec.name] = error
            if spec.name == "sip.test_number" and test_call is not None:
                form.addRow(self.test_button, self.test_status)
            if spec.name == "audio.input" and test_headset is not None:
                form.addRow(self.headset_button, self.headset_status)

        self.file_error = QLabel(self)
        self.file_error.setObjectName("SettingsFileError")
        self.file_error.setWordWrap(True)
        self.file_error.setStyleSheet("color: #c62828;")
        self.file_error.setVisible(bool(settings.problems))
        self.file_error.setText("\n".join(settings.problems))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("SettingsButtons")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        for column in columns:
            column.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addLayout(columns[0], 1)
        body.addLayout(columns[1], 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.file_error)
        layout.addWidget(self.buttons)

    def _editor(self, spec: Setting, offered: Sequence[str]) -> QWidget:
        value = self.settings[spec.name]
        if spec.kind is int:
            spin = QSpinBox(self)
            spin.setRange(
                spec.minimum if spec.minimum is not None else 0,
                spec.maximum if spec.maximum is not None else 1_000_000,
            )
            spin.setValue(int(value))
            return spin
        options = list(spec.choices or offered)
        if options:
            combo = QComboBox(self)
            if value not in options:
                options.append(str(value))
            combo.addItems(options)
            combo.setCurrentText(str(value))
            combo.setEditable(not spec.choices)  # offered names: another may be typed
            return combo
        edit = QLineEdit(str(value), self)
        edit.setClearButtonEnabled(True)
        return edit

    def value_of(self, name: str) -> Any:
        field = self.fields[name]
        if isinstance(field, QSpinBox):
            return field.value()
        if isinstance(field, QComboBox):
            return field.currentText()
        assert isinstance(field, QLineEdit)
        return field.text()

    def set_value(self, name: str, value: Any) -> None:
        field = self.fields[name]
        if isinstance(field, QSpinBox):
            field.setValue(int(value))
        elif isinstance(field, QComboBox):
            field.setCurrentText(str(value))
        elif isinstance(field, QLineEdit):
            field.setText(str(value))

    def _show_error(self, name: str, message: str) -> None:
        label = self.errors.get(name)
        if label is None:
            self.file_error.setText(message)
            self.file_error.show()
            return
        label.setText(message)
        label.show()

    def call_test_number(self) -> None:
        from leaddesk.settings import validate

        self.errors["sip.test_number"].hide()
        try:
            number = validate("sip.test_number", self.value_of("sip.test_number"))
        except SettingError as exc:
            self._show_error("sip.test_number", exc.reason)
            return
        if not number:
            self._show_error("sip.test_number", self.tr("enter a number to call first"))
            return
        if self.test_call is not None:
            self.test_status.setText(self.test_call(number))

    def show_test_result(self, text: str) -> None:
        self.test_status.setText(text)

    def run_headset_test(self) -> None:
        if self.test_headset is not None:
            self.headset_status.setText(self.test_headset())

    def show_headset_result(self, text: str) -> None:
        self.headset_status.setText(text)

    def save(self) -> bool:
        """Validate all fields, show every refusal by its field; write only when all pass."""
        for label in self.errors.values():
            label.hide()
        self.file_error.hide()
        changes: dict[str, Any] = {}
        bad = False
        from leaddesk.settings import validate

        for name in self.fields:
            try:
                changes[name] = validate(name, self.value_of(name))
            except SettingError as exc:
                self._show_error(name, exc.reason)
                bad = True
        if bad:
            return False
        try:
            self.settings.update(changes)
        except SettingError as exc:
            self._show_error(exc.name, exc.reason)
            return False
        try:
            self.settings.save()
        except SettingsFileError as exc:
            self._show_error("", str(exc))
            return False
        for name, value in changes.items():
            self.set_value(name, value)  # show what was stored (e.g. the E.164 number)
        self.saved.emit()
        self.accept()
        return True


def apply_theme(theme: str) -> None:
    """`light` or `dark` whatever the desktop says; `system` follows it (app.py)."""
    from PySide6.QtWidgets import QApplication

    from leaddesk.ui import style
    from leaddesk.ui.app import apply_palette

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if theme == "system":
        apply_palette(app)
        return
    palette = style.dark_palette() if theme == "dark" else style.light_palette()
    app.setPalette(palette)
    app.setStyleSheet(style.stylesheet(palette))


def add_menu_action(window: Any, settings: Settings) -> QAction:
    """A "Settings…" entry in the window's File menu (before Quit), Ctrl+, as shortcut."""
    action = QAction(QCoreApplication.translate("SettingsDialog", "Settings…"), window)
    action.setObjectName("ActionSettings")
    action.setShortcut("Ctrl+,")

    def open_dialog() -> None:
        softphone = getattr(window, "softphone", None)
        from leaddesk.services.cadences import available_cadences

        dialog = SettingsDialog(
            settings,
            window,
            choices={"cadence": available_cadences()},
            test_call=softphone.test_call if softphone else None,
            test_headset=softphone.test_headset if softphone else None,
        )
        if softphone is not None:
            softphone.test_result.connect(dialog.show_test_result)
            softphone.headset_result.connect(dialog.show_headset_result)
        before = settings.as_dict()

        def saved() -> None:
            apply_theme(settings["theme"])
            changed = {k for k, v in settings.as_dict().items() if before.get(k) != v}
            before.update(settings.as_dict())
            apply_changes(window, settings, changed)

        dialog.saved.connect(saved)
        dialog.open()
        window._settings_dialog = dialog  # kept alive while open

    action.triggered.connect(lambda _checked=False: open_dialog())
    window.addAction(action)
    # The File menu by its object name: its visible text is translated.
    menu = window.menuBar().findChild(QMenu, "MenuFile")
    if menu is not None:
        quit_action = next((a for a in menu.actions() if a.objectName() == "ActionQuit"), None)
        if quit_action is not None:
            menu.insertAction(quit_action, action)
        else:
            menu.addAction(action)
    return action


def apply_changes(window: Any, settings: Settings, changed: set[str]) -> None:
    """Saved settings take effect now: the calling hours, caps, cadence and voicemail
    name in the call list and the lead on screen; a changed dialer, account, port or
    headset restarts the softphone (after the call in progress is logged)."""
    from leaddesk.ui.dialer_setup import DIALER_SETTINGS

    backend = getattr(window, "backend", None)
    if backend is not None and backend.apply_settings(settings):
        window.settings_changed()
    softphone = getattr(window, "softphone", None)
    if softphone is not None and softphone.setup is not None and changed & set(DIALER_SETTINGS):
        softphone.reconfigure()


def install_settings(window: Any, settings: Settings | None = None) -> Settings:
    """The window's side of settings: the File menu entry, and the window geometry
    restored now and remembered at quit. A settings file that cannot be read leaves the
    defaults in use and the file untouched (the status bar says why)."""
    from PySide6.QtWidgets import QApplication

    from leaddesk.settings import default_path
    from leaddesk.ui import screen_fit

    broken = ""
    if settings is None:
        try:
            settings = Settings.load()
        except SettingsFileError as exc:
            broken = str(exc)
            settings = Settings(default_path())
    add_menu_action(window, settings)
    if settings["theme"] != "system":
        apply_theme(settings["theme"])
    # Remembered per screen, and kept inside it: the office monitor's size is not
    # replayed on the laptop.
    screen_fit.restore(window, settings["window.geometry"], window.size())
    if broken or settings.problems:
        window.statusBar().showMessage(broken or settings.problems[0], 15_000)

    def remember() -> None:
        if broken:
            return  # never overwrite a file the agent may want to repair
        try:
            settings.set(
                "window.geometry", screen_fit.remember(window, settings["window.geometry"])
            )
            settings.save()
        except (SettingError, SettingsFileError) as exc:
            import logging

            logging.getLogger(__name__).warning("window geometry not saved: %s", exc)

    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(remember)
    window._remember_geometry = remember
    return settings
