"""Email and text messages for a lead's written cadence steps (templates in
leaddesk/resources/scripts/messages.json), filled with the same values as the voicemails."""

from __future__ import annotations

import json
from functools import cache

from sqlalchemy import func, select

from leaddesk.domain.messages import MessageTemplate, RenderedMessage, render_message
from leaddesk.paths import resources_dir
from leaddesk.services.errors import UserError
from leaddesk.services.scripts import ScriptService, _lead
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Attempt

CHANNELS = {"email": "email_sent", "sms": "text_sent"}


@cache
def load_message_templates() -> dict[str, tuple[MessageTemplate, ...]]:
    path = resources_dir() / "scripts" / "messages.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {
            channel: tuple(
                MessageTemplate(channel, n, str(t.get("subject", "")), str(t["body"]))
                for n, t in enumerate(data[channel], start=1)
            )
            for channel in CHANNELS
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UserError(f"the message templates {path} cannot be read: {exc}") from None


class MessageService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def suggest(self, lead_id: str, channel: str) -> RenderedMessage:
        """The email or text for the lead's next written touch on `channel`."""
        if channel not in CHANNELS:
            raise UserError(f"no message templates for {channel!r}; use email or sms")
        templates = load_message_templates()[channel]
        scripts = ScriptService(self.ws)
        with self.ws.store.session() as session:
            lead = _lead(session, lead_id)
            sent = session.scalar(
                select(func.count())
                .select_from(Attempt)
                .where(Attempt.lead_id == lead.id, Attempt.outcome == CHANNELS[channel])
            )
            values = scripts.values_for(session, lead)
            to = (lead.email or "") if channel == "email" else (lead.phone_e164 or "")
        message = render_message(templates, int(sent or 0), values, to)
        if message is None:
            raise UserError(
                f"there is no {channel} template in leaddesk/resources/scripts/messages.json"
            )
        return message
