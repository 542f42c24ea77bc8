"""The default dialer: hand a `tel:` URI to the operating system (a softphone, a paired
mobile, Teams or FaceTime, whatever the desktop has registered for `tel:`).

The opener is injected: the GUI passes `QDesktopServices.openUrl`, tests a recorder.
When nothing handles `tel:` the dialer says so and the window offers to copy the number.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leaddesk.dialer.base import DialError

_E164 = re.compile(r"^\+[1-9]\d{4,14}$")

Opener = Callable[[str], bool]


def tel_uri(e164: str) -> str:
    """`tel:+14155550142` (RFC 3966 global number); refuses anything not E.164."""
    number = e164.strip()
    if not _E164.match(number):
        raise DialError(f"{e164!r} is not a phone number in international format (+CC...)")
    return f"tel:{number}"


class TelDialer:
    name = "tel"

    def __init__(self, opener: Opener) -> None:
        self._opener = opener
        self.last_uri: str | None = None

    def dial(self, e164: str, lead_id: str) -> None:
        uri = tel_uri(e164)
        self.last_uri = uri
        if not self._opener(uri):
            raise DialError(
                "no application on this computer handles phone links (tel:); "
                "copy the number and dial it by hand"
            )

    def hangup(self) -> None:
        # The system's phone application owns the call after the hand-off.
        return None
