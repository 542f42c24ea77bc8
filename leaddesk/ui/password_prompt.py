"""Asking the agent for the SIP account's password (when neither LEADDESK_SIP_PASSWORD
nor the keychain has it). The text is masked; it goes to the keychain only after the
provider accepted it (`ui/dialer_setup.py`), never to a file or the log."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def _t(text: str) -> str:
    return QCoreApplication.translate("PasswordPrompt", text)


def password_dialog(aor: str, parent: QWidget | None = None) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setObjectName("SipPasswordDialog")
    dialog.setWindowTitle(_t("LeadDesk softphone"))
    dialog.setLabelText(
        _t(
            "Password for {account}\n(kept in the system keychain once the provider accepts it)"
        ).format(account=aor)
    )
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setOkButtonText(_t("Sign in"))
    dialog.setAccessibleName(_t("SIP password"))
    return dialog


def ask_sip_password(aor: str, parent: QWidget | None = None) -> str | None:
    """The password typed, or None when the agent cancelled (the softphone then stays
    off and calls go through tel:)."""
    dialog = password_dialog(aor, parent)
    try:
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        return dialog.textValue() or None
    finally:
        dialog.deleteLater()
