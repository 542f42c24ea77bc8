"""Asks the agent once, at start, for what the scripts say about them (name, company,
product or topic, callback number) while the name or the company is not set: scripts
never fall back to "our team" or the computer's user name. "Later" closes it until the
next start; the same fields stay in File > Settings.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from leaddesk.settings import SettingError, Settings, SettingsFileError

FIELDS = ("agent.display_name", "agent.company", "agent.topic", "agent.callback_number")


class IdentityDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IdentityDialog")
        self.setWindowTitle(self.tr("What your scripts say"))
        self.settings = settings
        intro = QLabel(
            self.tr(
                "Voicemails, emails and texts say who you are and what the lead asked "
                "about. Fill these in once; File > Settings changes them later."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {
            "agent.display_name": self.tr("Your name"),
            "agent.company": self.tr("Your company"),
            "agent.topic": self.tr("Product or topic"),
            "agent.callback_number": self.tr("Callback number"),
        }
        hints = {
            "agent.display_name": "Jordan Reyes",
            "agent.company": "Brightline Solar",
            "agent.topic": self.tr("rooftop solar"),
            "agent.callback_number": "+1 415 555 0142",
        }
        for name in FIELDS:
            edit = QLineEdit(str(settings[name]), self)
            edit.setObjectName("Identity_" + name.replace(".", "_"))
            edit.setAccessibleName(labels[name])
            edit.setPlaceholderText(hints[name])
            form.addRow(labels[name], edit)
            self.edits[name] = edit
        self.error = QLabel(self)
        self.error.setObjectName("IdentityError")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.later_button = buttons.addButton(
            self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setObjectName("IdentitySave")
        self.later_button.setObjectName("IdentityLater")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        return {name: edit.text().strip() for name, edit in self.edits.items()}

    def save(self) -> None:
        """Validate and save all four, or say which one is wrong and keep the dialog."""
        try:
            self.settings.update(self.values())
            self.settings.save()
        except (SettingError, SettingsFileError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


def ask_identity_once(window: Any, settings: Settings) -> None:
    """At start: when scripts lack the agent's name or company, open the dialog; saved
    values take effect at once (the lead on screen is read again)."""
    from leaddesk.ui.settings_dialog import apply_changes

    backend = window.backend

    def check() -> str:
        return str(backend.missing_identity())

    def done(missing: str) -> None:
        if not missing:
            return
        dialog = IdentityDialog(settings, window)

        def saved() -> None:
            apply_changes(window, settings, set(FIELDS))

        dialog.accepted.connect(saved)
        dialog.open()
        window._identity_dialog = dialog  # kept alive while open

    window.runner.run(check, done, name="identity")
