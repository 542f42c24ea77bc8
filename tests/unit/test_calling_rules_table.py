"""The shipped calling rules against a table of cases, each with its source.

Every case is a lead as an import would make it (number, country, state, consent), a
moment on the lead's wall clock, and what the law allows then. The lead's zones and
jurisdictions come from the real functions an import uses, the rules from the files in
leaddesk/resources/calling_rules; nothing here restates a rule. When a call is refused, the rule
the case names must be among the rules that refuse it. The cases were written from the
statutes (see each line's `why`) by hand, not generated from the files.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from leaddesk.domain.calling_hours import is_open_in
from leaddesk.domain.clock import as_utc
from leaddesk.domain.jurisdictions import (
    LeadPlace,
    cap_hit,
    caps_for,
    lead_checks,
    lead_jurisdictions,
    state_for,
)
from leaddesk.domain.phone import parse_phone
from leaddesk.domain.timezones import lead_zones
from leaddesk.services.rules import default_rules, rule_book

DATA = Path(__file__).parent / "data"
CASES = [
    json.loads(line)
    for path in sorted(DATA.glob("calling_rules_cases_*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
RULES = default_rules()


def lead_place(case: dict[str, Any]) -> LeadPlace:
    phone = parse_phone(case["number"], case.get("country") or None)
    zones, _ = lead_zones(phone, case.get("country") or None, case.get("state") or None)
    codes = lead_jurisdictions(phone.e164, case.get("country"), case.get("state"))
    return LeadPlace(tuple(zones), codes, case.get("consent", "none"))


def moment(case: dict[str, Any], key: str = "local") -> datetime:
    return as_utc(datetime.fromisoformat(case[key]).replace(tzinfo=ZoneInfo(case["zone"])))


def test_there_are_enough_cases_and_every_rule_with_hours_is_covered() -> None:
    assert len(CASES) >= 80
    covered = {case["rule_id"] for case in CASES}
    book = rule_book()
    with_hours = {
        rule.id
        for country in book.countries.values()
        for region in (country.national, *country.subdivisions.values())
        for rule in region.rules
        if rule.days is not None or rule.holidays or rule.caps
    }
    missing = sorted(with_hours - covered)
    assert not missing, f"rules without a case: {missing}"


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['rule_id']}-{c['local']}-{c['number'][-4:]}" for c in CASES]
)
def test_case(case: dict[str, Any]) -> None:
    place = lead_place(case)
    at = moment(case)
    assert case["zone"] in place.zones, f"{case['zone']} is not a zone of {place}"
    state = state_for(RULES, place, at)
    allowed = state.open
    prior = [
        as_utc(datetime.fromisoformat(t).replace(tzinfo=ZoneInfo(case["zone"])))
        for t in case.get("prior_attempts", [])
    ]
    hit = cap_hit([c for c in caps_for(RULES, place) if c.source is not None], prior, at)
    if hit is not None:
        allowed = False
    assert allowed is case["expected"], case["why"]
    if not case["expected"]:
        checks = lead_checks(RULES.law, place, RULES.hours, RULES.agent_window) or ()
        refusing = {
            c.source.rule_id for c in checks if c.source and not is_open_in(c.hours, c.zone, at)
        }
        if hit is not None and hit.cap.source is not None:
            refusing.add(hit.cap.source.rule_id)
        assert case["rule_id"] in refusing, (case["why"], sorted(refusing))
        if hit is None and state.opens_at is not None:
            # The lead says until when, and at that moment every rule allows the call.
            assert state.opens_at > at
            assert state_for(RULES, place, state.opens_at).open
            assert not state_for(RULES, place, state.opens_at - timedelta(minutes=1)).open
