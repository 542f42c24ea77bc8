"""Rule files as people edit them: a broken file is named with its line and the rules read
before stay in force; the team's own rules narrow the law, never widen it; a state or
country nobody can read holds the lead to the strictest rules and says so."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from leaddesk.domain.jurisdictions import LeadPlace, lead_jurisdictions, state_for, why_closed
from leaddesk.paths import resources_dir
from leaddesk.services.rules import RuleBookLoader, default_rules

SHIPPED = resources_dir() / "calling_rules"
# Monday 7 December 2026.
MIAMI_0900 = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
MIAMI_0700 = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
FL = LeadPlace(("America/New_York",), ("US-FL",))


def copy_us(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(SHIPPED / "US.json", folder / "US.json"))


def test_a_broken_file_is_named_with_its_line_and_the_previous_rules_stay(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    us = copy_us(folder)
    loader = RuleBookLoader()
    good = loader.load(folder)
    assert good.problems == () and "US" in good.countries

    # A half-saved edit: the file ends in the middle of an object.
    text = us.read_text(encoding="utf-8")
    us.write_text(text[: len(text) // 2], encoding="utf-8")
    broken = loader.load(folder)
    (problem,) = broken.problems
    assert str(us) in problem and ", line " in problem and "not JSON" in problem
    assert "the rules read before stay in force" in problem
    assert broken.countries["US"] is good.countries["US"]

    # A wrong time names the line of the rule that holds it.
    data = json.loads(text)
    data["subdivisions"]["FL"]["rules"][0]["hours"]["mon"] = [["08:00", "25:00"]]
    bad_text = json.dumps(data, indent=2)
    us.write_text(bad_text, encoding="utf-8")
    line = bad_text[: bad_text.index('"US-FL-hours"')].count("\n") + 1
    (problem,) = loader.load(folder).problems
    assert f"line {line} (rule US-FL-hours)" in problem and "is not a time" in problem

    # A fresh loader (a restart) with the broken file: the file is left out and said so.
    (problem,) = RuleBookLoader().load(folder).problems
    assert "this file is not applied" in problem


def test_team_rules_narrow_the_law_and_never_widen_it(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    copy_us(folder)
    team = tmp_path / "team_rules.json"
    every_day = {d: [["10:00", "18:00"]] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    wide = {d: [["06:00", "23:00"]] for d in every_day}
    team.write_text(
        json.dumps(
            {
                "rules": [
                    {
                        "id": "team-fl-late-start",
                        "applies_to": ["US-FL"],
                        "hours": every_day,
                        "source": "Team policy 2026-12",
                        "note": "Florida leads complained about early calls",
                    },
                    {
                        "id": "team-wide",
                        "applies_to": ["*"],
                        "hours": wide,
                        "source": "a mistaken attempt to widen",
                        "note": "must not open anything the law closes",
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    rules = replace(default_rules(), law=RuleBookLoader().load(folder, team))
    at_nine = state_for(rules, FL, MIAMI_0900)
    assert not at_nine.open
    assert why_closed(rules, FL, at_nine, MIAMI_0900).startswith(
        "Team rule: 10:00 to 18:00 (Team policy 2026-12): 09:00 there, callable at 10:00"
    )
    at_seven = state_for(rules, FL, MIAMI_0700)
    assert not at_seven.open  # the team's 06:00 does not open Florida's 8:00
    assert "Florida: 8:00 to 20:00" in why_closed(rules, FL, at_seven, MIAMI_0700)


def test_a_team_rule_without_a_note_is_refused(tmp_path: Path) -> None:
    team = tmp_path / "team_rules.json"
    team.write_text(
        json.dumps({"rules": [{"id": "x", "applies_to": ["*"], "source": "policy"}]}),
        encoding="utf-8",
    )
    folder = tmp_path / "rules"
    copy_us(folder)
    book = RuleBookLoader().load(folder, team)
    (problem,) = book.problems
    assert str(team) in problem and "needs a note saying why" in problem
    assert book.team == ()


def test_an_unreadable_state_holds_the_lead_to_every_states_rules() -> None:
    codes = lead_jurisdictions("+12125550100", "US", "Nowhere")
    assert codes == ("US-NY", "US")
    place = LeadPlace(("America/New_York",), codes)
    rules = default_rules()
    # Monday 10:00 in New York is fine for New York, but some state may forbid it.
    at = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
    state = state_for(rules, place, at)
    assert not state.open
    assert "United States, state unknown (every one's rules hold)" in why_closed(
        rules, place, state, at
    )
    # With a consent that lifts Arizona's ban, the strictest state window holds.
    asked = replace(place, consent="inquiry")
    assert state_for(rules, asked, at).open
    assert not state_for(rules, asked, datetime(2026, 12, 7, 13, 30, tzinfo=UTC)).open


def test_an_unreadable_country_falls_back_to_the_numbers_country() -> None:
    assert lead_jurisdictions("+33142685300", "Atlantis", "") == ("FR",)
    assert lead_jurisdictions(None, "Atlantis", "") == ()
