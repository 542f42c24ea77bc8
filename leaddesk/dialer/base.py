"""The dialer boundary: what the agent window asks of whatever places the call."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


class DialError(Exception):
    """The call could not be handed to the phone; the message says why."""


@runtime_checkable
class Dialer(Protocol):
    """Places calls. `dial` returns once the call is handed off (it does not wait for the
    other side); `hangup` ends the call where the dialer can, and is a no-op where not."""

    name: str

    def dial(self, e164: str, lead_id: str) -> None: ...

    def hangup(self) -> None: ...
