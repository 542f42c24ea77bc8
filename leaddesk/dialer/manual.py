"""The manual dialer: the agent dials on a desk phone by hand. Nothing is handed off;
the window records the dial (pending) and shows the number large to dial."""

from __future__ import annotations


class ManualDialer:
    name = "manual"

    def dial(self, e164: str, lead_id: str) -> None:
        return None  # the agent dials by hand; the dial record is the window's

    def hangup(self) -> None:
        return None
