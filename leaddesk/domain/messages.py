"""Email and text templates for a cadence's written steps: filled like the voicemails,
short, and handed to the system's `mailto:` / `sms:` handlers (or copied).

A text always carries opt-out wording ("Reply STOP to opt out"): a template without it
gets it appended. Links are built here, with every part percent-encoded, so a name with
an ampersand or a line break cannot break them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from leaddesk.domain.scripts import count_words, render

OPT_OUT = "Reply STOP to opt out"
# A text over this many characters is sent as several messages: the template is flagged.
SMS_CHARS = 160


@dataclass(frozen=True, slots=True)
class MessageTemplate:
    channel: str  # "email" or "sms"
    number: int  # 1-based variant
    subject: str
    body: str


@dataclass(frozen=True, slots=True)
class RenderedMessage:
    channel: str
    variant: int
    variants: int
    to: str  # the lead's email address or number ("" unknown)
    subject: str
    body: str
    link: str  # mailto: or sms: ("" when there is nowhere to send it)

    @property
    def words(self) -> int:
        return count_words(self.body)

    @property
    def too_long(self) -> bool:
        return self.channel == "sms" and len(self.body) > SMS_CHARS

    def to_json(self) -> dict[str, object]:
        return {
            "channel": self.channel,
            "variant": self.variant,
            "variants": self.variants,
            "to": self.to,
            "subject": self.subject,
            "text": self.body,
            "words": self.words,
            "link": self.link,
        }


def with_opt_out(body: str) -> str:
    if OPT_OUT.lower() in body.lower():
        return body
    return f"{body.rstrip()} {OPT_OUT}"


def mailto_link(to: str, subject: str, body: str) -> str:
    if not to:
        return ""
    # RFC 6068: line breaks in a body are CRLF, percent-encoded.
    crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{quote(to, safe='@')}?subject={quote(subject, safe='')}&body={quote(crlf, safe='')}"


def sms_link(number: str, body: str) -> str:
    if not number:
        return ""
    return f"sms:{quote(number, safe='+')}?body={quote(body, safe='')}"


def render_message(
    templates: Sequence[MessageTemplate],
    sent: int,
    values: Mapping[str, str],
    to: str,
) -> RenderedMessage | None:
    """The template for the lead's next message on this channel (`sent` of them were sent
    before: each goes on to the next variant), filled with `values`."""
    if not templates:
        return None
    template = templates[sent % len(templates)]
    body = render(template.body, values)
    subject = render(template.subject, values) if template.subject else ""
    if template.channel == "sms":
        body = with_opt_out(body)
        link = sms_link(to, body)
    else:
        link = mailto_link(to, subject, body)
    return RenderedMessage(
        template.channel, template.number, len(templates), to, subject, body, link
    )
