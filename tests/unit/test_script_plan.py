"""Scripts along a cadence that keeps its word: every shipped cadence walked to its end for
leads in several zones (no repeat, break-up last, nothing said twice, every voicemail under
30 s, no touch on a Sunday or a day the law closes), a property over generated cadence
files, offers of real days, greetings by the lead's clock, `"voicemail": false`, the
identity settings, and email and text templates."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaddesk.cli import main
from leaddesk.domain.cadence import Cadence, parse_cadence
from leaddesk.domain.clock import fixed_clock
from leaddesk.domain.jurisdictions import LeadPlace, state_for
from leaddesk.domain.script_plan import GENERIC, greeting, offer_times, stage_at, voicemail_slot
from leaddesk.domain.scripts import WARN_SECONDS, rendered
from leaddesk.services.cadences import named_cadence
from leaddesk.services.messages import MessageService
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.rules import default_rules
from leaddesk.services.scripts import ScriptService, load_default_templates
from leaddesk.services.workspace import Workspace, os_user_name
from leaddesk.settings import Settings
from leaddesk.store import open_store
from leaddesk.store.models import Agent, Lead
from tests.unit.engine_fixture import add_lead

# Realistic, longish values: a script must fit in 30 s with them.
VALUES = {
    "first_name": "Alexandra",
    "last_name": "Montgomery",
    "company": "Riverside Dental Group",
    "agent_name": "Jordan Reyes",
    "agent_first_name": "Jordan",
    "agent_company": "Brightline Solar",
    "callback_number": "(415) 555-0142",
    "topic": "rooftop solar",
    "greeting": "Good afternoon",
    "offer_times": "tomorrow at 10 or Friday after 2",
}
# Lead places: (zone, jurisdictions, number, phone type, consent).
PLACES = {
    "new_york": ("America/New_York", ["US-NY"], "+12125550100", "fixed_or_mobile", "inquiry"),
    "alabama": ("America/Chicago", ["US-AL"], "+12055550100", "fixed_or_mobile", "inquiry"),
    "los_angeles": ("America/Los_Angeles", ["US-CA"], "+13105550100", "mobile", "inquiry"),
    "toronto": ("America/Toronto", ["CA-ON"], "+14165550199", "fixed_or_mobile", "inquiry"),
    "london": ("Europe/London", ["GB"], "+442079460000", "fixed_line", "inquiry"),
}
TEXTABLE_TOUCHES = {"default": 8, "persistent": 12}


def identity(ws: Workspace) -> Workspace:
    with ws.store.transaction() as session:
        agent = session.get(Agent, ws.agent.id)
        assert agent is not None
        agent.display_name = "Jordan Reyes"
        agent.callback_number = "+14155550142"
    return replace(ws, voicemail_company="Brightline Solar", voicemail_topic="rooftop solar")


def walk(ws: Workspace, lead_id: str, zone: ZoneInfo) -> list[dict[str, Any]]:
    """Work the lead as an agent would until its cadence ends: every call reaches the
    voicemail; a message is left when the script says so, with that script."""
    touches: list[dict[str, Any]] = []
    for _ in range(30):
        with ws.store.session() as session:
            lead = session.get(Lead, lead_id)
            assert lead is not None
            at, channel, step = lead.next_action_at, lead.next_channel, lead.cadence_step
        if at is None:
            return touches
        here = replace(ws, clock=fixed_clock(at))
        touch: dict[str, Any] = {"at": at.astimezone(zone), "channel": channel, "step": step}
        if channel == "phone":
            script = ScriptService(here).suggest(lead_id)
            touch["script"] = script
            if script.voicemail_ok:
                logged = OutcomeService(here).log(
                    lead_id, "voicemail_left", script_id=script.script_id, script_words=script.words
                )
            else:
                logged = OutcomeService(here).log(lead_id, "voicemail_no_message")
            touch["outside"] = logged.outside_rules
        else:
            message = MessageService(here).suggest(lead_id, channel or "email")
            touch["message"] = message
            OutcomeService(here).log(lead_id, "email_sent" if channel == "email" else "text_sent")
        touches.append(touch)
    raise AssertionError("the cadence never ended")


@pytest.mark.parametrize("cadence_name", ["default", "persistent"])
@pytest.mark.parametrize("place", sorted(PLACES))
def test_each_shipped_cadence_walked_to_its_end(
    workspace: Workspace, cadence_name: str, place: str
) -> None:
    zone_name, jurisdictions, number, phone_type, consent = PLACES[place]
    zone = ZoneInfo(zone_name)
    ws = replace(identity(workspace), cadence=named_cadence(cadence_name))
    # Arrives on a Saturday morning there: the first call is at once (inside the rules).
    arrived = datetime(2026, 12, 5, 10, 0, tzinfo=zone).astimezone(UTC)
    lead = add_lead(
        ws,
        arrived,
        first_name="Ada",
        phone_e164=number,
        phone_type=phone_type,
        country=jurisdictions[0][:2],
        time_zones=[zone_name],
        jurisdictions=jurisdictions,
        consent_basis=consent,
    )
    touches = walk(ws, lead, zone)
    cadence = named_cadence(cadence_name)

    # Every step runs (texts only where the number takes them): the type mismatch is gone.
    texts = sum(s.channel.value == "sms" for s in cadence.steps)
    expected = TEXTABLE_TOUCHES[cadence_name] - (0 if phone_type != "fixed_line" else texts)
    assert len(touches) == expected
    # After the first call (at once, as it arrived), no touch on a Sunday there, and no
    # call at a moment the lead's rules forbid.
    place_ = LeadPlace((zone_name,), tuple(jurisdictions), consent)
    for t in touches[1:]:
        assert t["at"].weekday() != 6, t
        if t["channel"] != "email":
            assert state_for(ws.rules, place_, t["at"]).open, t
        assert not t.get("outside"), t

    left = [t["script"] for t in touches if "script" in t and t["script"].voicemail_ok]
    stages = [s.stage for s in left]
    # The cadence's voicemail steps, one a day: each one leaves a message, no other call does.
    vm_steps = {t["step"] for t in touches if "script" in t and t["script"].voicemail_ok}
    assert vm_steps == {i for i, s in enumerate(cadence.steps) if s.voicemail}
    assert stages[0] == "introduce" and stages[-1] == "close_file"
    assert "close_file" not in stages[:-1] and GENERIC not in stages
    ids = [s.script_id for s in left]
    assert len(set(ids)) == len(ids), "a script was left twice"
    texts_said = [s.text for s in left]
    assert len(set(texts_said)) == len(texts_said)
    for s in left:
        assert s.seconds <= WARN_SECONDS and not s.too_long, s.text
        assert "our team" not in s.text and "[your" not in s.text
        assert "Jordan Reyes" in s.text and "Brightline Solar" in s.text
        # Nothing before the last voicemail says the file is closed or calls stop.
        if s is not left[-1]:
            assert not re.search(r"last call|stop calling|close your request", s.text, re.I)
        greeting_words = s.text.split(",")[0]
        assert greeting_words.startswith(("Good morning", "Good afternoon", "Good evening"))
    # A call that leaves no message says why.
    for t in touches:
        if "script" in t and not t["script"].voicemail_ok:
            assert "no message" in t["script"].advice or "already left" in t["script"].advice
    # Written steps got a short template; texts carry the opt-out.
    for t in touches:
        if "message" in t:
            m = t["message"]
            assert "our team" not in m.body and m.words <= 90
            if m.channel == "sms":
                assert m.body.endswith("Reply STOP to opt out") and len(m.body) <= 160
                assert m.link.startswith(f"sms:{number}?body=")
            else:
                assert m.subject and m.link == ""  # the lead has no email address


# -- a property over generated cadence files ----------------------------------------------


@st.composite
def cadence_files(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(1, 14))
    days = sorted(draw(st.lists(st.integers(0, 30), min_size=n, max_size=n)))
    steps = []
    for i, day in enumerate(days):
        channel = "phone" if i == 0 else draw(st.sampled_from(["phone", "email", "sms"]))
        step: dict[str, Any] = {"day": day, "channel": channel}
        if channel == "phone":
            step["voicemail"] = draw(st.booleans())
        steps.append(step)
    return {"name": "generated", "steps": steps}


@settings(max_examples=150, deadline=None)
@given(
    data=cadence_files(),
    per_day=st.integers(1, 3),
    lifetime=st.integers(1, 14),
    textable=st.booleans(),
)
def test_every_voicemail_step_of_any_cadence_has_a_script_that_fits(
    data: dict[str, Any], per_day: int, lifetime: int, textable: bool
) -> None:
    cadence = parse_cadence(json.loads(json.dumps(data)))
    templates = load_default_templates()
    left = 0
    stages: list[str] = []
    attempts = 0
    day_count: dict[float, int] = {}
    for index, step in enumerate(cadence.steps):
        if step.channel.value == "sms" and not textable:
            continue
        if attempts >= lifetime:
            break
        today_ok = day_count.get(step.day, 0) < per_day
        slot = voicemail_slot(
            cadence,
            index,
            left,
            attempts=attempts,
            lifetime=lifetime,
            voicemails_per_day=per_day,
            today_ok=today_ok,
            textable=textable,
        )
        attempts += 1
        if step.channel.value != "phone":
            continue
        # Every stage the plan names has scripts, and each of them fits in 30 s.
        assert templates.get(slot.stage)
        for template in templates[slot.stage]:
            assert not rendered("s", slot.stage, 1, 1, template, VALUES).too_long, template
        if slot.leaves_message:
            assert step.voicemail and today_ok
            stages.append(slot.stage)
            left += 1
            day_count[step.day] = day_count.get(step.day, 0) + 1
        else:
            assert not step.voicemail or not today_ok
    # Placed by position: break-up only last (and last when there were two or more).
    assert GENERIC not in stages
    if stages:
        assert stages[0] == "introduce"
        assert "close_file" not in stages[:-1]
        if len(stages) > 1:
            assert stages[-1] == "close_file"


def test_stages_by_position() -> None:
    assert [stage_at(k, 5) for k in range(6)] == [
        "introduce",
        "add_value",
        "offer_time",
        "add_value",
        "close_file",
        GENERIC,
    ]
    assert stage_at(0, 1) == "introduce" and stage_at(1, 2) == "close_file"


def test_the_second_call_of_day_zero_leaves_no_message_and_says_so(
    workspace: Workspace, now: datetime
) -> None:
    """The persistent cadence's second call on day 0 has `"voicemail": false` and the
    day's message is already left: the agent is told to hang up, and the script shown is
    the next message's (add value), not one that would never be heard."""
    ws = replace(identity(workspace), cadence=named_cadence("persistent"))
    ny = ZoneInfo("America/New_York")
    start = datetime(2026, 12, 1, 10, 0, tzinfo=ny)
    lead = add_lead(ws, start, jurisdictions=["US-NY"], consent_basis="inquiry")
    here = replace(ws, clock=fixed_clock(start))
    first = ScriptService(here).suggest(lead)
    assert first.stage == "introduce" and first.voicemail_ok
    OutcomeService(here).log(lead, "voicemail_left", script_id=first.script_id)
    later = replace(ws, clock=fixed_clock(start + timedelta(hours=3)))
    second = ScriptService(later).suggest(lead)
    assert not second.voicemail_ok and second.stage == "add_value"
    assert "hang up" in second.advice


def test_a_voicemail_false_step_leaves_no_message(workspace: Workspace, now: datetime) -> None:
    # The default cadence's day-1 call (step 2) is `"voicemail": false`.
    ws = identity(workspace)
    lead = add_lead(ws, now - timedelta(days=2), status="working", cadence_step=2)
    script = ScriptService(ws).suggest(lead)
    assert not script.voicemail_ok
    assert script.advice == "this call of the cadence leaves no message: hang up at the voicemail"


# -- times and greetings ------------------------------------------------------------------


def test_offers_name_real_open_days_of_the_lead() -> None:
    rules = default_rules()
    ny = ZoneInfo("America/New_York")
    place = LeadPlace(("America/New_York",), ("US-NY",), "inquiry")

    def offer(day: int) -> str:
        return offer_times(rules, place, datetime(2026, 11, day, 15, 0, tzinfo=UTC), ny)

    assert offer(23) == "tomorrow at 10 or Wednesday after 2"  # a Monday
    assert offer(24) == "tomorrow at 10 or Friday after 2"  # Thursday 26 is Thanksgiving
    assert offer(27) == "Monday at 10 or Tuesday after 2"  # no weekend offers
    # Alabama's law closes Sundays: even a cadence that works weekends skips it there.
    alabama = LeadPlace(("America/Chicago",), ("US-AL",), "none")
    chicago = ZoneInfo("America/Chicago")
    friday = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
    assert offer_times(rules, alabama, friday, chicago, frozenset()) == (
        "tomorrow at 10 or Monday after 2"
    )
    assert offer_times(rules, place, friday, None) == "sometime this week"


def test_greetings_follow_the_lead_clock(workspace: Workspace) -> None:
    assert greeting(datetime(2026, 12, 1, 2, 14)) == "Hello"  # never "Good evening" at 02:14
    assert greeting(datetime(2026, 12, 1, 9, 0)) == "Good morning"
    assert greeting(datetime(2026, 12, 1, 13, 0)) == "Good afternoon"
    assert greeting(datetime(2026, 12, 1, 19, 0)) == "Good evening"
    ws = identity(workspace)
    # 19:30 UTC: afternoon in Los Angeles, evening in New York.
    la = add_lead(ws, ws.clock(), time_zones=["America/Los_Angeles"], jurisdictions=["US-CA"])
    ny = add_lead(ws, ws.clock())
    assert ScriptService(ws).suggest(la).text.startswith("Good morning")
    assert ScriptService(ws).suggest(ny).text.startswith("Good afternoon")


# -- identity -------------------------------------------------------------------------------


def test_scripts_never_say_our_team_or_the_os_user(store: Any, now: datetime) -> None:
    ws = Workspace.open(store, None, fixed_clock(now))  # the default agent: the OS user
    assert ws.agent.name == os_user_name()
    lead = add_lead(ws, now - timedelta(minutes=5))
    script = ScriptService(ws).suggest(lead)
    made_up = os_user_name().replace(".", " ").title()
    assert f"this is {made_up}" not in script.text and "our team" not in script.text
    assert ScriptService(ws).missing_identity() == "your name and your company"
    assert script.advice.startswith("set your name and your company in Settings before you call")
    named = replace(ws, voicemail_name="Dana Whitfield", voicemail_company="Acme Solar")
    assert ScriptService(named).missing_identity() == ""
    again = ScriptService(named).suggest(lead)
    assert "Dana Whitfield" in again.text and "Acme Solar" in again.text
    assert "Settings" not in again.advice


def test_the_topic_comes_from_settings(workspace: Workspace, now: datetime) -> None:
    ws = replace(identity(workspace), voicemail_topic="heat pumps")
    lead = add_lead(ws, now - timedelta(minutes=5))
    assert "heat pumps" in ScriptService(ws).suggest(lead).text


# -- the rest days of a cadence ---------------------------------------------------------


def test_rest_days_come_from_the_cadence_file() -> None:
    base = {"name": "x", "steps": [{"day": 0, "channel": "phone"}]}
    assert parse_cadence(base).rest_days == frozenset({6})
    assert parse_cadence({**base, "rest_days": []}).rest_days == frozenset()
    assert parse_cadence({**base, "rest_days": ["Saturday", "sunday"]}).rest_days == {5, 6}
    with pytest.raises(ValueError, match="unknown rest day 'sundy'"):
        parse_cadence({**base, "rest_days": ["sundy"]})
    cadence: Cadence = named_cadence("default")
    assert cadence.rest_days == frozenset({6})


# -- the CLI: templates, and the report's script lengths -----------------------------------


def test_cli_message_templates_and_report_script_lengths(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, settings_file: Path
) -> None:
    saved = Settings.load(settings_file)
    saved.update({"agent.company": "Brightline Solar", "agent.topic": "rooftop solar"})
    saved.save()
    db = tmp_path / "r.db"
    store = open_store(db)
    ws = identity(Workspace.open(store, "cli.agent"))
    base_at = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)  # a Tuesday, 10:00 in New York
    leads = [
        add_lead(
            ws, base_at - timedelta(minutes=5), first_name=name, email=f"{name.split()[0]}@x.org"
        )
        for name in ("Ada", "Mary Ann Louise")
    ]
    store.close()
    common = ["--db", str(db), "--agent", "cli.agent", "--json"]
    words = []
    for lead in leads:
        assert main(["script", lead, *common, "--now", "2026-12-01T15:00:00Z"]) == 0
        doc = json.loads(capsys.readouterr().out)
        words.append(doc["words"])
        assert (
            main(
                [
                    "log",
                    lead,
                    "voicemail_left",
                    "--script",
                    doc["script_id"],
                    *common,
                    "--now",
                    "2026-12-01T15:01:00Z",
                ]
            )
            == 0
        )
        capsys.readouterr()
    assert words[0] != words[1]  # the longer first name: more words
    assert main(["report", *common, "--now", "2026-12-02T00:00:00Z"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["voicemail_script_words_mean"] == round(sum(words) / 2, 1)
    assert report["voicemail_script_words_max"] == max(words)
    assert report["voicemail_script_seconds_mean"] == round(sum(words) / 2 * 0.4, 1)
    assert main(["report", "--db", str(db), "--agent", "cli.agent"]) == 0
    assert f"longest {round(max(words) * 0.4, 1):g} s" in capsys.readouterr().out

    # An unknown script id: one clear line, nothing logged.
    assert main(["log", leads[0], "voicemail_left", "--script", "nope", *common]) == 1
    assert "no voicemail script with id 'nope'" in capsys.readouterr().err

    # The email and text for written steps, with links for the system's handlers.
    assert main(["script", leads[0], "--channel", "email", *common]) == 0
    email = json.loads(capsys.readouterr().out)
    assert email["subject"] == "Your question about rooftop solar"
    assert email["link"].startswith("mailto:Ada@x.org?subject=Your%20question%20about")
    assert "Jordan Reyes" in email["text"] and "our team" not in email["text"]
    assert main(["script", leads[0], "--channel", "sms", *common]) == 0
    sms = json.loads(capsys.readouterr().out)
    assert sms["text"].endswith("Reply STOP to opt out") and len(sms["text"]) <= 160
    assert sms["link"].startswith("sms:+12125550100?body=")


def test_a_callback_voicemail_is_never_the_break_up() -> None:
    """The lead asked for this call: a message may be left, and it never closes the file,
    even on the cadence's last call."""
    cadence = named_cadence("default")
    last = len(cadence.steps) - 1
    common = {"attempts": 5, "lifetime": 12, "voicemails_per_day": 1, "today_ok": True}
    planned = voicemail_slot(cadence, last, 2, **common)
    assert planned.leaves_message and planned.stage == "close_file"
    asked = voicemail_slot(cadence, last, 2, callback=True, **common)
    assert asked.leaves_message and asked.stage != "close_file" and asked.stage != GENERIC


def test_the_topic_comes_from_the_lead_file_and_wins_over_the_setting(
    workspace: Workspace, tmp_path: Path
) -> None:
    from tests.unit.import_helpers import import_file, leads

    path = tmp_path / "leads.csv"
    path.write_text(
        "First Name,Phone,Interest\nAda,+1 212 555 0100,battery storage\nGrace,+1 212 555 0101,\n",
        encoding="utf-8",
    )
    import_file(identity(workspace), path)
    by_name = {lead.first_name: lead for lead in leads(workspace.store)}
    assert by_name["Ada"].topic == "battery storage" and by_name["Grace"].topic == ""
    ws = identity(workspace)  # its topic setting: rooftop solar
    ada = ScriptService(ws).suggest(by_name["Ada"].id).text
    grace = ScriptService(ws).suggest(by_name["Grace"].id).text
    assert "battery storage" in ada and "rooftop solar" not in ada
    assert "rooftop solar" in grace


def test_no_touch_on_a_day_the_lead_law_closes_even_when_the_cadence_works_sundays() -> None:
    from leaddesk.domain.cadence import LeadProgress, TouchContext, plan_next
    from leaddesk.domain.outcomes import LeadStatus

    weekends = parse_cadence(
        {
            "name": "weekends",
            "rest_days": [],
            "steps": [
                {"day": 0, "channel": "phone", "voicemail": True},
                {"day": 1, "channel": "email"},
                {"day": 2, "channel": "phone"},
            ],
        }
    )
    rules = default_rules()
    chicago = ZoneInfo("America/Chicago")
    saturday = datetime(2026, 12, 5, 10, 0, tzinfo=chicago).astimezone(UTC)

    def next_touch(jurisdiction: str, step: int, outcome: str) -> datetime:
        context = TouchContext(rules, ("America/Chicago",), True, (), (jurisdiction,), "inquiry")
        progress = LeadProgress(LeadStatus.WORKING, step, saturday - timedelta(days=step))
        action = plan_next(weekends, progress, outcome, saturday, context=context)
        assert action.at is not None
        return action.at.astimezone(chicago)

    # Alabama's law closes Sundays: the email planned for Sunday goes Monday at 9:00.
    assert next_touch("US-AL", 0, "voicemail_left") == datetime(2026, 12, 7, 9, 0, tzinfo=chicago)
    # In Illinois the same cadence may use the Sunday (it chose to work weekends).
    assert next_touch("US-IL", 0, "voicemail_left").date().weekday() == 6
    # The shipped cadences rest on Sundays everywhere.
    shipped = replace(weekends, rest_days=frozenset({6}))
    context = TouchContext(rules, ("America/Chicago",), True, (), ("US-IL",), "inquiry")
    progress = LeadProgress(LeadStatus.WORKING, 0, saturday)
    action = plan_next(shipped, progress, "voicemail_left", saturday, context=context)
    assert action.at is not None and action.at.astimezone(chicago).weekday() == 0


def test_every_text_fits_one_message_and_every_email_is_short() -> None:
    from leaddesk.domain.messages import SMS_CHARS, render_message
    from leaddesk.services.messages import load_message_templates

    templates = load_message_templates()
    for channel, rows in templates.items():
        for sent in range(len(rows)):
            message = render_message(rows, sent, VALUES, "+12125550100")
            assert message is not None
            if channel == "sms":
                assert len(message.body) <= SMS_CHARS, message.body
                assert message.body.endswith("Reply STOP to opt out")
            else:
                assert message.words <= 90 and message.subject
            assert "our team" not in message.body and "{" not in message.body
