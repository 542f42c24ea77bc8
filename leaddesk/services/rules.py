"""The calling rules an agent works under: the laws by jurisdiction, the team's policy
and rules, and the agent's settings.

- `leaddesk/resources/calling_rules/CC.json`: the laws of each country and its subdivisions
  (`leaddesk.domain.jurisdictions`);
- `leaddesk/resources/calling_hours.json`: the team's policy: its window where no law sets hours
  (08:00-21:00), its closed days, caps and touch budget;
- the team's own stricter rules, `team_rules.json` beside the settings (optional);
- the agent's settings (`calling_hours.*`, `caps.*`): a narrower window and caps.

The result is resolved once into the `Workspace`, never read from disk per call: logging
an outcome is on the hot path. A rule file that cannot be read is named with its line,
and the rules read before stay in force.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from leaddesk.domain.calling_hours import (
    CallingRules,
    DayWindow,
    RulesError,
    load_rules,
    parse_clock,
    with_caps,
    with_daily_window,
)
from leaddesk.domain.caps import Caps
from leaddesk.domain.jurisdictions import (
    CountryRules,
    LawRule,
    RuleBook,
    RuleFileError,
    parse_country,
    parse_team,
)
from leaddesk.paths import resources_dir
from leaddesk.services.errors import UserError


class SettingsView(Protocol):
    """What the services read of the settings: a value by its registry name
    (`leaddesk.settings.Settings` is one; so is a plain dict holding every name used)."""

    def __getitem__(self, name: str, /) -> Any: ...


log = logging.getLogger(__name__)

TEAM_RULES_FILE = "team_rules.json"


@cache
def default_rules() -> CallingRules:
    """The team's policy (leaddesk/resources/calling_hours.json) under the laws of every country
    in leaddesk/resources/calling_rules/ and the team's rules file, if there is one."""
    path = resources_dir() / "calling_hours.json"
    try:
        policy = load_rules(path.read_text(encoding="utf-8"))
    except (OSError, RulesError) as exc:
        raise UserError(f"the calling hours file {path} cannot be read: {exc}") from None
    return replace(policy, law=rule_book())


class RuleBookLoader:
    """Reads the rule files, keeping the last good version of each: a file that breaks
    (a bad edit, a half-copied update) is reported and its previous rules stay in force.
    A file never read well before is left out and reported (its country then falls back
    to the team's policy window)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._countries: dict[Path, CountryRules] = {}
        self._team: dict[Path, tuple[LawRule, ...]] = {}

    def load(self, folder: Path, team_file: Path | None = None) -> RuleBook:
        problems: list[str] = []
        with self._lock:
            for path in sorted(folder.glob("*.json")):
                try:
                    self._countries[path] = parse_country(
                        path.read_text(encoding="utf-8"), str(path)
                    )
                except (OSError, UnicodeDecodeError, RuleFileError) as exc:
                    problems.append(_kept(exc, path in self._countries))
            team: tuple[LawRule, ...] = ()
            if team_file is not None and team_file.exists():
                try:
                    self._team[team_file] = parse_team(
                        team_file.read_text(encoding="utf-8"), str(team_file)
                    )
                except (OSError, UnicodeDecodeError, RuleFileError) as exc:
                    problems.append(_kept(exc, team_file in self._team))
                team = self._team.get(team_file, ())
            countries = {c.country: c for p, c in self._countries.items() if p.parent == folder}
        for problem in problems:
            log.error("calling rules: %s", problem)
        return RuleBook(countries, team, tuple(problems))


def _kept(exc: Exception, had_previous: bool) -> str:
    then = "the rules read before stay in force" if had_previous else "this file is not applied"
    return f"{exc}; {then}: correct the file and restart LeadDesk"


_LOADER = RuleBookLoader()


def team_rules_path() -> Path:
    from leaddesk.settings import default_path

    return default_path().parent / TEAM_RULES_FILE


def rule_book(team_file: Path | None = None) -> RuleBook:
    """The laws shipped in leaddesk/resources/calling_rules and the team's rules file."""
    return _LOADER.load(resources_dir() / "calling_rules", team_file or team_rules_path())


def rules_from_settings(base: CallingRules, settings: SettingsView) -> CallingRules:
    """`base` with the agent's calling window on each of its open weekdays (days it
    closes and holidays stay closed) and the agent's caps. The touch budget and the
    new-lead wait stay as the file has them."""
    try:
        start = parse_clock(str(settings["calling_hours.start"]))
        end = parse_clock(str(settings["calling_hours.end"]))
        hours = with_daily_window(base.hours, start, end)
        agent = DayWindow(start, end) if (start, end) != (0, 24 * 60) else None
        caps = Caps(
            int(settings["caps.lifetime"]),
            int(settings["caps.per_24h"]),
            int(settings["caps.voicemails_per_day"]),
        )
        rules = with_caps(base, caps)
    except RulesError as exc:
        raise UserError(f"settings: {exc}") from None
    return replace(rules, hours=hours, agent_window=agent)
