"""The calling rules an agent works under: the shipped file, with the agent's settings.

`resources/calling_hours.json` says which weekdays are open, which days are holidays,
and the touch budget; the agent's settings (`calling_hours.*`, `caps.*`) then set the
window of every open weekday and the attempt caps. The result is resolved once into the
`Workspace`, never read from disk per call: logging an outcome is on the hot path.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Protocol

from leaddesk.domain.calling_hours import (
    CallingRules,
    RulesError,
    load_rules,
    parse_clock,
    with_caps,
    with_daily_window,
)
from leaddesk.domain.caps import Caps
from leaddesk.paths import resources_dir
from leaddesk.services.errors import UserError


class SettingsView(Protocol):
    """What the services read of the settings: a value by its registry name
    (`leaddesk.settings.Settings` is one; so is a plain dict holding every name used)."""

    def __getitem__(self, name: str, /) -> Any: ...


@cache
def default_rules() -> CallingRules:
    """The rules shipped in resources/calling_hours.json."""
    path = resources_dir() / "calling_hours.json"
    try:
        return load_rules(path.read_text(encoding="utf-8"))
    except (OSError, RulesError) as exc:
        raise UserError(f"the calling hours file {path} cannot be read: {exc}") from None


def rules_from_settings(base: CallingRules, settings: SettingsView) -> CallingRules:
    """`base` with the agent's calling window on each of its open weekdays (days it
    closes and holidays stay closed) and the agent's caps. The touch budget and the
    new-lead wait stay as the file has them."""
    try:
        start = parse_clock(str(settings["calling_hours.start"]))
        end = parse_clock(str(settings["calling_hours.end"]))
        hours = with_daily_window(base.hours, start, end)
        caps = Caps(
            int(settings["caps.lifetime"]),
            int(settings["caps.per_24h"]),
            int(settings["caps.voicemails_per_day"]),
        )
        rules = with_caps(base, caps)
    except RulesError as exc:
        raise UserError(f"settings: {exc}") from None
    return CallingRules(hours, rules.caps, rules.budget, rules.new_lead_max_wait)
