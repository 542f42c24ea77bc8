"""Calling rules by jurisdiction: which laws hold where a lead may live, and when they
allow a call.

A lead has candidate jurisdictions (`US-FL`, `CA-ON`, `FR`, or `US` when only the
country is known) from its number and its address, and candidate time zones. A call is
allowed only when every rule of every candidate allows it, each in the lead's local time
(`lead_checks`): the national rules of the country, the rules of the subdivision (all of
the country's subdivisions when the subdivision is unknown: the strictest holds), the
team's own stricter rules, and the agent's window. Rules only ever close time, so
combining them is an intersection and the strictest always wins. A rule may exempt a
consent basis (a call the lead asked for is not a "telephone solicitation" under most
laws); a lead without a consent basis gets every rule.

Where no law of a candidate sets hours, the team's policy window (`CallingRules.hours`,
08:00-21:00 as shipped) holds there instead: a decent hour, not a legal one.

The rule tables live in `leaddesk/resources/calling_rules/CC.json` (format in that folder's
README); `parse_country` reads one and names the line of what it cannot use.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import holidays as holidays_lib
import phonenumbers

from leaddesk.domain.calling_hours import (
    WEEKDAYS,
    CallingHours,
    CallingRules,
    Check,
    DayWindow,
    RulesError,
    WindowState,
    checks_state,
    humanize,
    is_open_in,
    zones_of,
)
from leaddesk.domain.clock import iso
from leaddesk.domain.places import COUNTRY_NAMES, COUNTRY_ZONES
from leaddesk.domain.timezones import STATE_TABLES, country_code, country_from_state, state_code

CONSENT_BASES = ("none", "inquiry", "express_written", "ebr")
CONSENT_LABELS = {
    "none": "none",
    "inquiry": "asked to be contacted",
    "express_written": "express written consent",
    "ebr": "existing business relationship",
}
HOLIDAY_SCOPES = ("national", "subdivision")
WEEKDAY_NAMES = (
    "Mondays",
    "Tuesdays",
    "Wednesdays",
    "Thursdays",
    "Fridays",
    "Saturdays",
    "Sundays",
)


# -- the rules ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CapRule:
    """At most `max` call attempts per lead in any rolling `hours`."""

    max: int
    hours: int
    scope: str = ""


@dataclass(frozen=True, slots=True)
class RuleRef:
    """Whose rule: shown to the agent with a blocked lead, and in the rules table."""

    jurisdiction: str  # "US-FL", "CA", "team"
    place: str  # "Florida", "Canada", "Team rule"
    rule_id: str
    title: str
    source: str
    url: str
    verified: bool
    exempt: frozenset[str] = frozenset()  # consent bases that lift the rule


@dataclass(frozen=True, slots=True)
class LawRule:
    id: str
    title: str
    days: tuple[tuple[DayWindow, ...], ...] | None  # Monday first; None: sets no hours
    holidays: str | None  # "national", "subdivision" or None
    caps: tuple[CapRule, ...]
    exempt: frozenset[str]
    source: str
    url: str
    verified: bool
    note: str = ""
    applies_to: tuple[str, ...] = ()  # team rules only: "*", "US", "US-FL"

    def applies(self, consent: str) -> bool:
        return consent not in self.exempt

    def hours_label(self) -> str:
        """'8:00-20:00', 'Mon-Sat 9:00-21:00, Sun 12:00-21:00', 'closed on public holidays'."""
        if self.days is None:
            return "closed on public holidays" if self.holidays else "no hours"
        groups: list[tuple[int, int, str]] = []
        for index, windows in enumerate(self.days):
            text = " and ".join(_span(w) for w in windows) or "closed"
            if groups and groups[-1][2] == text:
                groups[-1] = (groups[-1][0], index, text)
            else:
                groups.append((index, index, text))
        if len(groups) == 1:
            return groups[0][2]
        short = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        return ", ".join(
            f"{short[a]}{'-' + short[b] if b > a else ''} {text}" for a, b, text in groups
        )


@dataclass(frozen=True, slots=True)
class Region:
    """A country's or subdivision's rules."""

    code: str  # "US-FL" or "US"
    name: str
    rules: tuple[LawRule, ...]
    note: str = ""


@dataclass(frozen=True, eq=False)
class CountryRules:
    country: str
    name: str
    national: Region
    subdivisions: Mapping[str, Region]


@dataclass(frozen=True, eq=False)
class RuleBook:
    """Every country's rules and the team's own. Hashed by identity: a book is built
    once and shared."""

    countries: Mapping[str, CountryRules] = field(default_factory=dict)
    team: tuple[LawRule, ...] = ()
    problems: tuple[str, ...] = ()  # files that could not be read (the previous rules hold)

    def region_name(self, code: str) -> str:
        country, _, sub = code.partition("-")
        rules = self.countries.get(country)
        if rules is not None and sub and sub in rules.subdivisions:
            return rules.subdivisions[sub].name
        if rules is not None and not sub:
            return rules.name
        return jurisdiction_name(code)


# -- reading the files ------------------------------------------------------------------------


class RuleFileError(RulesError):
    """A rule file that cannot be used: says which file and line."""


def parse_country(text: str, where: str) -> CountryRules:
    """One `CC.json` file; RuleFileError names `where` and the line of the problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RuleFileError(f"{where}, line {exc.lineno}: not JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise RuleFileError(f"{where}, line 1: expected an object")
    country = str(data.get("country", "")).upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise RuleFileError(f"{where}, line 1: 'country' must be an ISO 3166 code like \"US\"")

    def region(code: str, name: str, raw: Any, path: str) -> Region:
        if not isinstance(raw, list):
            raise RuleFileError(f"{where}, line {_line_of(text, path)}: {path} must be a list")
        rules = tuple(_parse_rule(r, text, where, f"{path}[{i}]") for i, r in enumerate(raw))
        return Region(code, name, rules)

    national = region(country, str(data.get("name") or country), data.get("rules", []), "rules")
    national = Region(national.code, national.name, national.rules, str(data.get("note", "")))
    subs: dict[str, Region] = {}
    raw_subs = data.get("subdivisions", {})
    if not isinstance(raw_subs, dict):
        raise RuleFileError(f"{where}, line {_line_of(text, 'subdivisions')}: must be an object")
    for code, body in raw_subs.items():
        if not isinstance(body, dict):
            raise RuleFileError(f"{where}, line {_line_of(text, code)}: {code} must be an object")
        sub = region(
            f"{country}-{code}", str(body.get("name") or code), body.get("rules", []), code
        )
        subs[str(code).upper()] = Region(sub.code, sub.name, sub.rules, str(body.get("note", "")))
    ids = [r.id for reg in (national, *subs.values()) for r in reg.rules]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise RuleFileError(f"{where}, line {_line_of(text, dupes[0])}: rule id {dupes[0]!r} twice")
    return CountryRules(country, national.name, national, subs)


def parse_team(text: str, where: str) -> tuple[LawRule, ...]:
    """The team's own rules: `{"rules": [RULE + "applies_to": [...] + "note"]}`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RuleFileError(f"{where}, line {exc.lineno}: not JSON ({exc.msg})") from None
    raw = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise RuleFileError(f'{where}, line 1: expected {{"rules": [...]}}')
    out = []
    for i, item in enumerate(raw):
        rule = _parse_rule(item, text, where, f"rules[{i}]", team=True)
        if not rule.note:
            raise RuleFileError(
                f"{where}, line {_line_of(text, rule.id)}: team rule {rule.id!r} needs a note "
                "saying why"
            )
        out.append(rule)
    return tuple(out)


def _line_of(text: str, needle: str) -> int:
    """The line of the first `"needle"` in the file (1 when absent)."""
    at = text.find(f'"{needle.split("[")[0]}"')
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _parse_rule(raw: Any, text: str, where: str, path: str, team: bool = False) -> LawRule:
    if not isinstance(raw, dict):
        raise RuleFileError(f"{where}, line {_line_of(text, path)}: {path} must be an object")
    rule_id = str(raw.get("id") or "")
    line = _line_of(text, rule_id) if rule_id else _line_of(text, path)
    here = f"{where}, line {line} (rule {rule_id or path})"
    if not rule_id:
        raise RuleFileError(f"{here}: every rule needs an id")
    for key in ("source",) if team else ("source", "url"):
        if not str(raw.get(key) or "").strip():
            raise RuleFileError(f"{here}: every rule names its {key}")
    days: tuple[tuple[DayWindow, ...], ...] | None = None
    if raw.get("hours") is not None:
        hours = raw["hours"]
        if not isinstance(hours, dict) or set(hours) != set(WEEKDAYS):
            raise RuleFileError(f"{here}: hours must list every weekday {', '.join(WEEKDAYS)}")
        parsed = []
        for name in WEEKDAYS:
            spans = hours[name]
            if not isinstance(spans, list):
                raise RuleFileError(f"{here}: hours.{name} must be a list of [start, end]")
            windows = []
            for span in spans:
                if not isinstance(span, list) or len(span) != 2:
                    raise RuleFileError(f'{here}: hours.{name}: expected ["HH:MM", "HH:MM"]')
                try:
                    start, end = (_minutes(v) for v in span)
                except ValueError:
                    raise RuleFileError(f"{here}: hours.{name}: {span!r} is not a time") from None
                if end <= start:
                    raise RuleFileError(f"{here}: hours.{name}: {span!r} ends before it starts")
                windows.append(DayWindow(start, end))
            parsed.append(tuple(sorted(windows, key=lambda w: w.start)))
        days = tuple(parsed)
    scope = raw.get("closed_on_holidays")
    if scope is not None and scope not in HOLIDAY_SCOPES:
        raise RuleFileError(f"{here}: closed_on_holidays is 'national' or 'subdivision'")
    caps = []
    for cap in raw.get("caps") or []:
        try:
            value = CapRule(int(cap["max"]), int(cap["hours"]), str(cap.get("scope", "")))
        except (KeyError, TypeError, ValueError):
            raise RuleFileError(f'{here}: caps are {{"max": N, "hours": H}}') from None
        if value.max < 1 or value.hours < 1:
            raise RuleFileError(f"{here}: caps must be at least 1 call in at least 1 hour")
        caps.append(value)
    exempt = frozenset(str(e) for e in raw.get("exempt") or [])
    unknown = exempt - set(CONSENT_BASES) - {"none"}
    if unknown or "none" in exempt:
        raise RuleFileError(
            f"{here}: exempt lists consent bases ({', '.join(CONSENT_BASES[1:])}), "
            f"not {sorted(unknown | (exempt & {'none'}))[0]!r}"
        )
    verified = raw.get("verified")
    if not isinstance(verified, bool) and not team:
        raise RuleFileError(f"{here}: verified must be true or false")
    applies_to: tuple[str, ...] = ()
    if team:
        targets = raw.get("applies_to")
        if not isinstance(targets, list) or not targets:
            raise RuleFileError(f'{here}: applies_to lists where it holds: ["*"], ["US-FL"]')
        applies_to = tuple(str(t).upper() for t in targets)
    return LawRule(
        id=rule_id,
        title=str(raw.get("title") or rule_id),
        days=days,
        holidays=scope,
        caps=tuple(caps),
        exempt=exempt,
        source=str(raw.get("source", "")),
        url=str(raw.get("url", "")),
        verified=bool(verified) if not team else True,
        note=str(raw.get("note", "")),
        applies_to=applies_to,
    )


def _minutes(value: Any) -> int:
    hours, minutes = str(value).split(":")
    total = int(hours) * 60 + int(minutes)
    if not 0 <= total <= 24 * 60 or not 0 <= int(minutes) < 60:
        raise ValueError(value)
    return total


def _span(window: DayWindow) -> str:
    """'8:00-20:00' (hours without a leading zero, as people write them)."""
    return f"{_clock(window.start)}-{_clock(window.end)}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


# -- public holidays --------------------------------------------------------------------------


@cache
def _subdivisions_of(country: str) -> tuple[str, ...]:
    return tuple(holidays_lib.list_supported_countries().get(country, ()))


@lru_cache(maxsize=1024)
def _holidays(country: str, subdivision: str | None, year: int) -> Mapping[date, str]:
    if country not in holidays_lib.list_supported_countries():
        return {}
    try:
        found = holidays_lib.country_holidays(country, subdiv=subdivision, years=year)
    except (NotImplementedError, KeyError, ValueError):
        found = holidays_lib.country_holidays(country, years=year)
    return dict(found.items())


@dataclass(frozen=True, slots=True)
class HolidayCalendar:
    """The public holidays of a country, plus those of the subdivisions named (every
    subdivision of the country when `every_subdivision`: the lead could be in any)."""

    country: str
    subdivisions: tuple[str, ...] = ()
    every_subdivision: bool = False

    def holiday(self, day: date) -> str | None:
        """The holiday's name, None on a working day."""
        name = _holidays(self.country, None, day.year).get(day)
        if name is not None:
            return name
        subs = _subdivisions_of(self.country) if self.every_subdivision else self.subdivisions
        for sub in subs:
            name = _holidays(self.country, sub, day.year).get(day)
            if name is not None:
                return name
        return None


ALL_DAY = (DayWindow(0, 24 * 60),)


@dataclass(frozen=True, slots=True)
class Schedule:
    """A law's hours (several windows a day) minus its public holidays."""

    days: tuple[tuple[DayWindow, ...], ...] | None
    calendar: HolidayCalendar | None = None

    def windows_on(self, day: date) -> tuple[DayWindow, ...]:
        if self.calendar is not None and self.calendar.holiday(day) is not None:
            return ()
        return ALL_DAY if self.days is None else self.days[day.weekday()]


# -- a lead's jurisdictions ------------------------------------------------------------------

# NANP regions that are US territories (phonenumbers gives them region codes of their own).
NANP_TERRITORIES = {"PR": "US-PR", "VI": "US-VI", "GU": "US-GU", "AS": "US-AS", "MP": "US-MP"}


@dataclass(frozen=True, slots=True)
class AreaCode:
    jurisdictions: tuple[str, ...]  # ("US-FL",) or several
    extra_zones: tuple[str, ...]  # zones it serves beyond phonenumbers' one


def parse_area_codes(text: str) -> dict[str, AreaCode]:
    """`leaddesk/resources/nanp_area_codes.csv`: area code, jurisdictions, place, extra zones."""
    table: dict[str, AreaCode] = {}
    for row in csv.reader(line for line in text.splitlines() if not line.startswith("#")):
        if not row or row[0] == "area_code":
            continue
        extra = tuple(row[3].split()) if len(row) > 3 else ()
        table[row[0].strip()] = AreaCode(tuple(row[1].split()), extra)
    return table


@cache
def area_codes() -> dict[str, AreaCode]:
    # Shipped data, read once.
    from leaddesk.paths import resources_dir

    return parse_area_codes((resources_dir() / "nanp_area_codes.csv").read_text(encoding="utf-8"))


def area_code_extra_zones(e164: str | None) -> tuple[str, ...]:
    """Zones a NANP number's area code serves beyond the one phonenumbers names (850
    is Eastern in Tallahassee and Central in Pensacola)."""
    if not e164 or not e164.startswith("+1") or len(e164) != 12:
        return ()
    found = area_codes().get(e164[2:5])
    return found.extra_zones if found is not None else ()


@cache
def _calling_codes() -> dict[str, tuple[str, ...]]:
    """Calling code digits -> the regions that share it ("1" -> US, CA, PR, ...)."""
    return {
        str(code): tuple(regions)
        for code, regions in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()
    }


def _region_of(e164: str) -> str | None:
    """The number's country. Most calling codes belong to one country and need no
    parse (an import asks this for every row); shared ones (+1, +7, +44, ...) do."""
    codes = _calling_codes()
    regions = codes.get(e164[1:2]) or codes.get(e164[1:3]) or codes.get(e164[1:4])
    if not regions:
        return None
    if len(regions) == 1:
        return regions[0] if regions[0] != "001" else None
    return _parsed_region(e164)


@lru_cache(maxsize=8192)
def _parsed_region(e164: str) -> str | None:
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    return region if region and region != "001" else None


def number_jurisdictions(e164: str | None) -> tuple[str, ...]:
    """Where a number places its subscriber: a US state or Canadian province from the
    area code (Florida presumes a Florida area code a Florida resident, Fla. Stat.
    501.059(1)(j)), a US territory, else the country of the number."""
    if not e164 or not e164.startswith("+"):
        return ()
    if e164.startswith("+1") and len(e164) == 12:
        found = area_codes().get(e164[2:5])
        if found is not None and found.jurisdictions:
            return found.jurisdictions
        region = _region_of(e164)
        if region in NANP_TERRITORIES:
            return (NANP_TERRITORIES[region],)
        return (region,) if region else ()
    region = _region_of(e164)
    return (region,) if region else ()


def address_jurisdictions(country: str | None, state: str | None) -> tuple[str, ...]:
    """A state or province when the address names one we know, else the country (an
    unknown state is held to the strictest rules of its country)."""
    cc = country_code(country) if country else None
    cc = cc or country_from_state(state)
    if not cc:
        return ()
    if state and state.strip():
        sub = state_code(cc, state)
        if sub is None and state.strip().upper() in _subdivisions_of(cc):
            sub = state.strip().upper()
        if sub is not None:
            return (f"{cc}-{sub}",)
    return (cc,)


def lead_jurisdictions(e164: str | None, country: str | None, state: str | None) -> tuple[str, ...]:
    """Every candidate jurisdiction of a lead, from its number and its address. A source
    that names only a country gives way to the other's state of that country, except an
    address whose state could not be read: that one holds the lead to the strictest."""
    return _merged(number_jurisdictions(e164), country, state)


@lru_cache(maxsize=4096)
def _merged(number: tuple[str, ...], country: str | None, state: str | None) -> tuple[str, ...]:
    # Cached: an import asks the same question for most of its rows.
    address = address_jurisdictions(country, state)
    unread_state = bool(state and state.strip()) and any("-" not in c for c in address)
    out: list[str] = []
    for code in (*number, *address):
        if code in out:
            continue
        if "-" not in code:
            refined = any(c.startswith(code + "-") for c in (*number, *address))
            if refined and not (unread_state and code in address):
                continue
        out.append(code)
    return tuple(out)


# -- a lead's rules ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LeadPlace:
    """Where a lead may be, as far as the rules care."""

    zones: tuple[str, ...]
    jurisdictions: tuple[str, ...]
    consent: str = "none"


@dataclass(frozen=True, slots=True)
class Cap:
    max: int
    period: timedelta
    source: RuleRef | None  # None: the team's cap (settings)


TEAM_REF = RuleRef("team", "Team policy", "team-hours", "Team calling hours", "", "", True)
AGENT_REF = RuleRef("agent", "Your settings", "agent-hours", "Your calling hours", "", "", True)


def split_code(code: str) -> tuple[str, str | None]:
    country, _, sub = code.partition("-")
    return country, (sub or None)


def jurisdiction_name(code: str) -> str:

    country, sub = split_code(code)
    if sub is not None:
        entry = STATE_TABLES.get(country, {}).get(sub)
        if entry is not None:
            return entry[0]
        return f"{COUNTRY_NAMES.get(country, country)} ({sub})"
    return COUNTRY_NAMES.get(country, country)


def _regions(
    book: RuleBook, code: str
) -> tuple[CountryRules | None, list[tuple[str | None, Region]]]:
    """The country's rules and the subdivision regions a jurisdiction code stands for:
    its own, or every subdivision's when it names only the country."""
    country, sub = split_code(code)
    rules = book.countries.get(country)
    if rules is None:
        return None, []
    if sub is None:
        return rules, [(s, r) for s, r in rules.subdivisions.items()]
    region = rules.subdivisions.get(sub)
    return rules, [(sub, region)] if region is not None else [(sub, Region(code, sub, ()))]


def _team_rules(book: RuleBook, code: str) -> list[LawRule]:
    country, _ = split_code(code)
    return [r for r in book.team if {"*", country, code} & set(r.applies_to)]


@lru_cache(maxsize=4096)
def lead_checks(
    book: RuleBook,
    place: LeadPlace,
    team_hours: CallingHours,
    agent_window: DayWindow | None = None,
) -> tuple[Check, ...] | None:
    """Every check the lead's calls must pass (None: no usable zone). Cached: logging an
    outcome and the call list ask for the same few places again and again."""
    zones = zones_of(place.zones)
    if zones is None:
        return None
    names = tuple(z.key for z in zones)
    checks: list[Check] = []
    seen: set[tuple[Any, str]] = set()

    def add(hours: Any, zone_names: Iterable[str], ref: RuleRef | None) -> None:
        for name in zone_names:
            if (hours, name) not in seen:
                seen.add((hours, name))
                checks.append(Check(hours, _zone(name), ref))

    codes = place.jurisdictions or tuple(sorted({c for c in map(_zone_country, names) if c}))
    for code in codes:
        # Every rule in every candidate zone: a zone that lies outside the jurisdiction
        # (a Georgia number on a Texas address) is checked against both, never skipped.
        where = names
        country_rules, subs = _regions(book, code)
        law_hours = False
        if country_rules is not None:
            pairs: list[tuple[str | None, Region, LawRule]] = [
                (sub, region, rule) for sub, region in subs for rule in region.rules
            ]
            pairs += [(None, country_rules.national, r) for r in country_rules.national.rules]
            for sub, region, rule in pairs:
                if not rule.applies(place.consent) or (rule.days is None and not rule.holidays):
                    continue
                law_hours = law_hours or rule.days is not None
                ref = _ref(region, rule)
                if "-" not in code and region is not country_rules.national:
                    # The state is unknown: every state's rules hold, and the reason says so.
                    ref = replace(
                        ref,
                        jurisdiction=code,
                        place=f"{country_rules.name}, {_SUB_WORD.get(code, 'region')} unknown "
                        f"(every one's rules hold): {region.name}",
                    )
                add(_schedule(rule, country_rules.country, sub, code), where, ref)
        for rule in _team_rules(book, code):
            if rule.applies(place.consent) and (rule.days is not None or rule.holidays):
                country, sub = split_code(code)
                team_ref = RuleRef(
                    "team", "Team rule", rule.id, rule.title, rule.source, rule.url, True
                )
                add(_schedule(rule, country, sub, code), where, team_ref)
        if not law_hours:
            add(team_hours, where, TEAM_REF)
        elif team_hours.holidays or team_hours.yearly_holidays:
            # The team's own closed days hold everywhere, its window only where no law sets one.
            add(_team_days_off(team_hours), where, TEAM_REF)
    if agent_window is not None:
        add(CallingHours((agent_window,) * 7), names, AGENT_REF)
    return tuple(checks)


@lru_cache(maxsize=64)
def _team_days_off(hours: CallingHours) -> CallingHours:
    return CallingHours((DayWindow(0, 24 * 60),) * 7, hours.holidays, hours.yearly_holidays)


@lru_cache(maxsize=4096)
def _schedule(rule: LawRule, country: str, sub: str | None, code: str) -> Schedule:
    calendar = None
    if rule.holidays == "national":
        calendar = HolidayCalendar(country)
    elif rule.holidays == "subdivision":
        _, lead_sub = split_code(code)
        calendar = (
            HolidayCalendar(country, (lead_sub,))
            if lead_sub is not None
            else HolidayCalendar(country, every_subdivision=True)
        )
    return Schedule(rule.days, calendar)


_SUB_WORD = {"US": "state", "CA": "province", "AU": "state", "MX": "state", "IN": "state"}


def _ref(region: Region, rule: LawRule) -> RuleRef:
    return RuleRef(
        region.code,
        region.name,
        rule.id,
        rule.title,
        rule.source,
        rule.url,
        rule.verified,
        rule.exempt,
    )


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@cache
def _zone_country(zone: str) -> str | None:

    hits = [c for c, zones in COUNTRY_ZONES.items() if zone in zones]
    return hits[0] if len(hits) == 1 else None


@lru_cache(maxsize=4096)
def lead_caps(book: RuleBook, place: LeadPlace, per_24h: int) -> tuple[Cap, ...]:
    """The team's rolling 24 h cap and every law's cap that holds for the lead."""
    caps: list[Cap] = []
    for code in place.jurisdictions:
        country_rules, subs = _regions(book, code)
        if country_rules is None:
            continue
        regions = [r for _, r in subs] + [country_rules.national]
        for region in regions:
            for rule in region.rules:
                if rule.applies(place.consent):
                    caps.extend(
                        Cap(c.max, timedelta(hours=c.hours), _ref(region, rule)) for c in rule.caps
                    )
    # The team's cap last: a law's cap of the same size keeps its name in the reason.
    caps.append(Cap(per_24h, timedelta(hours=24), None))
    unique: dict[tuple[int, timedelta], Cap] = {}
    for cap in caps:
        unique.setdefault((cap.max, cap.period), cap)
    return tuple(unique.values())


@dataclass(frozen=True, slots=True)
class CapHit:
    cap: Cap
    count: int
    until: datetime


def cap_hit(caps: Sequence[Cap], times: Sequence[datetime], now: datetime) -> CapHit | None:
    """The cap that blocks one more attempt at `now`, with when it lifts (the latest of
    those that block); None when none does."""
    worst: CapHit | None = None
    for cap in caps:
        inside = sorted(t for t in times if now - cap.period < t <= now)
        if len(inside) >= cap.max:
            until = inside[len(inside) - cap.max] + cap.period
            if worst is None or until > worst.until:
                worst = CapHit(cap, len(inside), until)
    return worst


def period_words(period: timedelta) -> str:
    """'24 h', '30 days'."""
    hours = int(period.total_seconds() // 3600)
    return f"{hours // 24} days" if hours >= 48 and hours % 24 == 0 else f"{hours} h"


def cap_words(hit: CapHit, now: datetime) -> str:
    """'3 attempts in the last 24 h; callable again in 4 h', with the law named when it is
    a law's cap: 'Florida: at most 3 calls in 24 h (Fla. Stat. 501.616(6)(b)): ...'."""
    period = period_words(hit.cap.period)
    text = f"{hit.count} attempt{'s' if hit.count != 1 else ''} in the last {period}"
    if hit.cap.source is not None:
        ref = hit.cap.source
        source = ref.source.split(";")[0].strip()
        calls = "1 call" if hit.cap.max == 1 else f"{hit.cap.max} calls"
        text = f"{ref.place}: at most {calls} in {period} ({source}): " + text
    return f"{text}; callable again in {humanize(hit.until - now)}"


# -- words ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Blocked:
    """Which rule blocks a lead now, in words and as data (`leaddesk queue`'s blocked_by)."""

    jurisdiction: str
    rule: str  # "8:00-20:00", "no calls on Sundays", "closed on public holidays (...)"
    source: str
    until: datetime | None
    text: str
    verified: bool = True
    url: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "jurisdiction": self.jurisdiction,
            "rule": self.rule,
            "source": self.source,
            "until": iso(self.until) if self.until is not None else None,
            "verified": self.verified,
            "url": self.url,
        }


_SPAN = re.compile(r"(\d:\d\d)-(\d)")


def rule_on(check: Check, local: datetime) -> str:
    """What the check's rule says of the lead's local day: '8:00-20:00', 'no calls on
    Sundays', 'closed on public holidays (Thanksgiving Day)'."""
    hours = check.hours
    day = local.date()
    if isinstance(hours, Schedule) and hours.calendar is not None:
        name = hours.calendar.holiday(day)
        if name is not None:
            return f"closed on public holidays ({name})"
    if isinstance(hours, CallingHours) and (
        day in hours.holidays or (day.month, day.day) in hours.yearly_holidays
    ):
        return "closed on this holiday"
    windows = hours.windows_on(day)
    if isinstance(hours, Schedule) and hours.days is not None and not any(hours.days):
        return "no calls at any time"
    if not windows:
        return f"no calls on {WEEKDAY_NAMES[day.weekday()]}"
    days = hours.days if isinstance(hours, Schedule) else None
    text = " and ".join(_span(w) for w in windows)
    if days is not None and len({d for d in days}) > 1:
        return f"{WEEKDAY_NAMES[day.weekday()]} {text}"
    return text


def blocked_words(state: WindowState, zones: Sequence[str], now: datetime) -> Blocked | None:
    """'Florida: 8:00-20:00 (Fla. Stat. 501.616(6)(a)): 20:30 there, callable tomorrow at
    8:00' for a lead the rules block now; None when open or unknown."""
    check = state.blocked_by
    if check is None or state.open:
        return None
    local = now.astimezone(check.zone)
    rule = rule_on(check, local)
    ref: RuleRef = check.source or TEAM_REF
    who = ref.place
    source = ref.source.split(";")[0].strip()
    cited = f" ({source})" if source else ""
    if not ref.verified:
        cited = f" ({source}, unverified)" if source else " (unverified)"
    spoken = _SPAN.sub(r"\1 to \2", rule)
    head = f"{who}: {spoken}{cited}"
    there = f"{local:%H:%M} there"
    if len(zones) > 1:
        there += f" ({len(zones)} zones)"
    if state.opens_at is None:
        tail = "no calling time in the next 3 weeks"
    else:
        opens = state.opens_at.astimezone(check.zone)
        clock = _clock(opens.hour * 60 + opens.minute)
        gap = opens.date() - local.date()
        if gap == timedelta(0):
            tail = f"callable at {clock}, in {humanize(state.opens_at - now)}"
        elif gap == timedelta(days=1):
            tail = f"callable tomorrow at {clock}"
        else:
            tail = f"callable {opens:%a %d %b} at {clock}"
    if ref.exempt and state.opens_at is None:
        lifted = " or ".join(CONSENT_LABELS[c] for c in CONSENT_BASES if c in ref.exempt)
        tail += f" (a recorded consent lifts this rule: {lifted})"
    return Blocked(
        ref.jurisdiction,
        rule,
        ref.source,
        state.opens_at,
        f"{head}: {there}, {tail}",
        ref.verified,
        ref.url,
    )


def place_state(
    book: RuleBook,
    place: LeadPlace,
    team_hours: CallingHours,
    agent_window: DayWindow | None,
    now: datetime,
) -> WindowState:
    checks = lead_checks(book, place, team_hours, agent_window)
    if checks is None:
        return WindowState(False, False)
    return checks_state(checks, now)


# -- the rules a workspace works under ------------------------------------------------------

EMPTY_BOOK = RuleBook()


def book_of(rules: CallingRules) -> RuleBook:
    law = rules.law
    return law if isinstance(law, RuleBook) else EMPTY_BOOK


def state_for(rules: CallingRules, place: LeadPlace, now: datetime) -> WindowState:
    """Whether the lead may be called at `now` under every rule (see `lead_checks`)."""
    return place_state(book_of(rules), place, rules.hours, rules.agent_window, now)


def allowed_at(rules: CallingRules, place: LeadPlace, at: datetime) -> bool | None:
    """Whether every rule allows a call at `at` (None: no usable zone). Cheaper than
    `state_for` when the opening times do not matter."""
    checks = lead_checks(book_of(rules), place, rules.hours, rules.agent_window)
    if checks is None:
        return None
    return all(is_open_in(c.hours, c.zone, at) for c in checks)


def next_open_for(rules: CallingRules, place: LeadPlace, at: datetime) -> datetime | None:
    """`at` when callable then, else the next instant every rule allows (None: unknown
    zone, or no such time within three weeks)."""
    if allowed_at(rules, place, at):
        return at
    state = state_for(rules, place, at)
    return at if state.open else state.opens_at


def caps_for(rules: CallingRules, place: LeadPlace) -> tuple[Cap, ...]:
    return lead_caps(book_of(rules), place, rules.caps.per_24h)


def why_closed(rules: CallingRules, place: LeadPlace, state: WindowState, now: datetime) -> str:
    """The blocked lead's reason in words; 'time zone unknown' when no zone is known."""
    if not state.known:
        return "time zone unknown"
    blocked = blocked_words(state, place.zones, now)
    return blocked.text if blocked is not None else ""
