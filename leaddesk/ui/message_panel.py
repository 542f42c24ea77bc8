"""The email or text for a lead whose next cadence step is written: the filled template,
sent through the system's `mailto:` / `sms:` handler or copied, then logged with one key
(E for an email, T for a text, as in the outcome bar).

`ui.agent.messages.MessageFlow` shows the panel when the lead on the card is due an
email or a text, and hides it otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from leaddesk.domain.messages import RenderedMessage

LOG_CODES = {"email": "email_sent", "sms": "text_sent"}


class MessagePanel(QWidget):
    open_requested = Signal(str)  # the mailto:/sms: link
    copy_requested = Signal(str)
    log_requested = Signal(str)  # the outcome code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessagePanel")
        self.setAccessibleName(self.tr("Email or text to send"))
        self.message: RenderedMessage | None = None

        self.title = QLabel(self)
        self.title.setObjectName("MessageTitle")
        self.subject = QLabel(self)
        self.subject.setObjectName("MessageSubject")
        self.subject.setAccessibleName(self.tr("Email subject"))
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("MessageBody")
        self.body.setAccessibleName(self.tr("Message text"))
        self.body.setReadOnly(True)
        self.body.setMaximumHeight(110)
        self.open_button = QPushButton(self.tr("Open in mail app"), self)
        self.open_button.setObjectName("MessageOpenButton")
        self.open_button.setAccessibleName(self.tr("Open in the mail or messages app"))
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("MessageCopyButton")
        self.copy_button.setAccessibleName(self.tr("Copy the message"))
        self.log_button = QPushButton(self.tr("Sent: log it"), self)
        self.log_button.setObjectName("MessageLogButton")
        self.log_button.setAccessibleName(self.tr("Log the message as sent"))

        self.open_button.clicked.connect(self._open)
        self.copy_button.clicked.connect(self._copy)
        self.log_button.clicked.connect(self._log)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.subject)
        layout.addWidget(self.body)
        layout.addLayout(buttons)

    def set_message(self, message: RenderedMessage) -> None:
        self.message = message
        email = message.channel == "email"
        self.title.setText(
            self.tr("Email {n} of {total} for this step").format(
                n=message.variant, total=message.variants
            )
            if email
            else self.tr("Text {n} of {total} for this step").format(
                n=message.variant, total=message.variants
            )
        )
        self.subject.setVisible(email)
        self.subject.setText(self.tr("Subject: {subject}").format(subject=message.subject))
        self.body.setPlainText(message.body)
        self.open_button.setText(
            self.tr("Open in mail app") if email else self.tr("Open in messages app")
        )
        self.open_button.setAccessibleName(self.open_button.text())
        self.open_button.setEnabled(bool(message.link))
        self.open_button.setToolTip(
            ""
            if message.link
            else (self.tr("No email address: copy the text") if email else self.tr("No number"))
        )
        key = "E" if email else "T"
        self.log_button.setText(self.tr("Sent: log it  {key}").format(key=key))
        self.log_button.setAccessibleName(
            self.tr("Log the email as sent") if email else self.tr("Log the text as sent")
        )

    def copy_text(self) -> str:
        if self.message is None:
            return ""
        if self.message.subject:
            return f"{self.message.subject}\n\n{self.message.body}"
        return self.message.body

    def _open(self) -> None:
        if self.message is not None and self.message.link:
            self.open_requested.emit(self.message.link)

    def _copy(self) -> None:
        text = self.copy_text()
        if text:
            self.copy_requested.emit(text)

    def _log(self) -> None:
        if self.message is not None:
            self.log_requested.emit(LOG_CODES[self.message.channel])


def open_link(link: str) -> bool:
    """Hand a mailto:/sms: link to the system's handler."""
    return bool(QDesktopServices.openUrl(QUrl(link, QUrl.ParsingMode.StrictMode)))
