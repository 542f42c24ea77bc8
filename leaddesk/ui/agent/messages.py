"""The email or text of a written cadence step, for the lead on the card: the panel is
shown when the lead is due an email or a text and hidden otherwise; the template is read
on a worker thread; the panel's key logs the step as the outcome keys do."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from leaddesk.domain.messages import RenderedMessage
from leaddesk.ui.agent.session import AgentSession
from leaddesk.ui.message_panel import LOG_CODES, MessagePanel, open_link


class MessageFlow(QObject):
    """Shows `panel` (inside `box`) for a lead due an email or a text."""

    def __init__(
        self,
        session: AgentSession,
        panel: MessagePanel,
        box: QWidget,
        log_outcome: Callable[[str], None],
        copy_text: Callable[[str], None],
    ) -> None:
        super().__init__(box)
        self.session, self.panel, self.box = session, panel, box
        self.open = open_link
        self._copy_text = copy_text
        self._lead_id = ""
        box.setVisible(False)
        session.events.lead_changed.connect(self.load)
        session.events.outcome_recorded.connect(lambda _r: self.box.setVisible(False))
        panel.open_requested.connect(self._open)
        panel.copy_requested.connect(self._copy)
        panel.log_requested.connect(log_outcome)

    def load(self, lead_id: str) -> None:
        self._lead_id = lead_id
        detail = self.session.detail
        channel = detail.next_channel if detail is not None and lead_id else None
        if channel not in LOG_CODES:
            self.box.setVisible(False)
            return
        backend = self.session.backend

        def done(message: RenderedMessage) -> None:
            if self._lead_id == lead_id:
                self.panel.set_message(message)
                self.box.setVisible(True)

        def failed(exc: BaseException) -> None:
            if self._lead_id == lead_id:
                self.box.setVisible(False)
                self.session.say(str(exc), 8000)

        self.session.runner.run(
            lambda: backend.message(lead_id, str(channel)), done, failed, name="message"
        )

    def _open(self, link: str) -> None:
        if not self.open(link):
            self.session.say(self.tr("No app opens this link here: copy the text instead."), 8000)

    def _copy(self, text: str) -> None:
        self._copy_text(text)
        self.session.say(self.tr("Message copied"), 5000)
