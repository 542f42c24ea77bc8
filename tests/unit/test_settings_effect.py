"""The agent's settings change what LeadDesk does: the calling window, the caps, the
cadence, and the name and number voicemail scripts say, in the services (as the window
calls them) and in the real CLI reading a settings.json."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from leaddesk.cli import main
from leaddesk.domain.calling_hours import is_callable_at, parse_rules
from leaddesk.domain.clock import fixed_clock
from leaddesk.paths import resources_dir
from leaddesk.services.cadences import available_cadences, named_cadence
from leaddesk.services.calllist import CallListService
from leaddesk.services.errors import UserError
from leaddesk.services.leads import LeadService
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.rules import default_rules, rules_from_settings
from leaddesk.services.scripts import ScriptService
from leaddesk.services.workspace import Workspace
from leaddesk.settings import SettingError, Settings
from leaddesk.store import open_store
from tests.unit.engine_fixture import add_attempt, add_lead

NYZ = ZoneInfo("America/New_York")


def ny(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=NYZ).astimezone(UTC)


def settings(path: Path, **values: Any) -> Settings:
    """Settings as the dialog saves them (validated), keys with '.' given as '__'."""
    s = Settings.load(path)
    s.update({k.replace("__", "."): v for k, v in values.items()})
    return s


def at(ws: Workspace, when: datetime) -> Workspace:
    return replace(ws, clock=fixed_clock(when))


# -- calling hours ---------------------------------------------------------------------


def test_calling_hours_from_settings_govern_the_list_dialing_and_callbacks(
    workspace: Workspace, settings_file: Path
) -> None:
    early = ny(2026, 11, 26, 9, 30)  # a Thursday
    lead = add_lead(workspace, early - timedelta(minutes=20))
    # The shipped window (08:00-21:00): callable at 09:30.
    assert CallListService(at(workspace, early)).entry(lead).callable  # type: ignore[union-attr]

    ws = workspace.with_settings(
        settings(settings_file, calling_hours__start="10:00", calling_hours__end="16:00")
    )
    entry = CallListService(at(ws, early)).entry(lead)
    assert entry is not None and not entry.callable and entry.section == "blocked"
    assert (
        entry.reason == "Your settings: 10:00 to 16:00: 09:30 there, callable at 10:00, in 30 min"
    )
    with pytest.raises(
        UserError, match="outside calling hours: Your settings: 10:00 to 16:00: 09:30 there"
    ):
        OutcomeService(at(ws, early)).start_dial(lead)
    card = LeadService(at(ws, early)).detail(lead)
    assert not card.callable and "callable at 10:00" in card.reason

    # The callback picker: 16:30 is after the agent's window, 15:30 inside it.
    picker = LeadService(at(ws, early))
    late = picker.check_callback(lead, ny(2026, 11, 27, 16, 30))
    assert not late.callable and "callable tomorrow at 10:00" in late.reason
    assert picker.check_callback(lead, ny(2026, 11, 27, 15, 30)).callable
    with pytest.raises(UserError, match="outside Ada Lovelace's calling hours"):
        OutcomeService(at(ws, early)).log(lead, "callback", callback_at=ny(2026, 11, 27, 16, 30))

    ten = ny(2026, 11, 26, 10, 0)
    entry = CallListService(at(ws, ten)).entry(lead)
    assert entry is not None and entry.callable and entry.section == "new"
    assert OutcomeService(at(ws, ten)).start_dial(lead).lead_id == lead


def test_the_planned_next_touch_keeps_inside_the_agents_window(
    workspace: Workspace, settings_file: Path
) -> None:
    ws = workspace.with_settings(
        settings(settings_file, calling_hours__start="10:00", calling_hours__end="16:00")
    )
    call = ny(2026, 11, 26, 15, 0)
    lead = add_lead(workspace, call - timedelta(minutes=5), phone_type="fixed_line")
    # The second touch of the default cadence is an email (any time); the third a call.
    OutcomeService(at(ws, call)).log(lead, "no_answer")
    logged = OutcomeService(at(ws, call + timedelta(hours=2))).log(lead, "email_sent")
    assert logged.next_channel == "phone" and logged.next_action_at is not None
    local = logged.next_action_at.astimezone(NYZ)
    assert 10 <= local.hour < 16, local


def test_days_the_rules_close_and_holidays_stay_closed_and_no_day_is_widened() -> None:
    shipped = parse_rules(
        {"weekdays": {"sun": None, "sat": ["10:00", "16:00"]}, "holidays": ["12-25"]}
    )
    view = {
        "calling_hours.start": "07:00",
        "calling_hours.end": "20:00",
        "caps.lifetime": 12,
        "caps.per_24h": 3,
        "caps.voicemails_per_day": 1,
    }
    rules = rules_from_settings(shipped, view)
    assert rules.hours.days[6] is None  # Sunday stays closed
    # 07:00 is before the team's 08:00 (the legal window): the setting narrows the end
    # only; Saturday keeps its own, narrower hours.
    assert all(d is not None and d.label() == "08:00-20:00" for d in rules.hours.days[:5])
    assert rules.hours.days[5] is not None and rules.hours.days[5].label() == "10:00-16:00"
    late = rules_from_settings(shipped, {**view, "calling_hours.start": "17:00"})
    assert late.hours.days[5] is None  # no overlap with Saturday's hours: closed
    assert rules.hours.window_on(datetime(2026, 12, 25).date()) is None
    assert rules.budget == shipped.budget


@hypothesis_settings(max_examples=200, deadline=None)
@given(
    start=st.integers(0, 23 * 60 + 58),
    length=st.integers(1, 24 * 60),
    instant=st.datetimes(
        min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
    ),
)
def test_a_lead_is_callable_exactly_inside_the_agents_window(
    start: int, length: int, instant: datetime
) -> None:
    """Across DST changes: callable iff the lead's wall clock is in [start, end) and the
    day is not a holiday of the shipped rules."""
    end = min(start + length, 23 * 60 + 59)
    view = {
        "calling_hours.start": f"{start // 60:02d}:{start % 60:02d}",
        "calling_hours.end": f"{end // 60:02d}:{end % 60:02d}",
        "caps.lifetime": 12,
        "caps.per_24h": 3,
        "caps.voicemails_per_day": 1,
    }
    rules = rules_from_settings(default_rules(), view)
    local = instant.astimezone(NYZ)
    minute = local.hour * 60 + local.minute
    shipped = default_rules().hours
    holiday = (
        local.month,
        local.day,
    ) in shipped.yearly_holidays or local.date() in shipped.holidays
    # The agent's window inside the shipped one (08:00-21:00): never wider.
    expected = not holiday and max(start, 8 * 60) <= minute < min(end, 21 * 60)
    assert is_callable_at(rules.hours, ["America/New_York"], instant) is expected


def test_settings_apply_to_the_shipped_rules_each_time(
    workspace: Workspace, settings_file: Path
) -> None:
    s = settings(settings_file, calling_hours__start="10:00", calling_hours__end="16:00")
    narrowed = workspace.with_settings(s)
    s.update({"calling_hours.start": "00:00", "calling_hours.end": "24:00"})
    back = narrowed.with_settings(s)
    assert back.rules == default_rules()
    assert back.store is workspace.store and back.agent == workspace.agent


# -- caps ----------------------------------------------------------------------------


def test_per_24h_cap_of_one_blocks_a_second_dial_within_24_hours(
    workspace: Workspace, settings_file: Path
) -> None:
    ws = workspace.with_settings(settings(settings_file, caps__per_24h=1))
    first = ny(2026, 11, 26, 10, 0)
    lead = add_lead(workspace, first - timedelta(minutes=5))
    logged = OutcomeService(at(ws, first)).log(lead, "no_answer")
    # The planner waits out the cap: the next touch is at least 24 h later.
    assert logged.next_action_at is not None and logged.next_action_at >= first + timedelta(days=1)

    later = first + timedelta(hours=5)
    with pytest.raises(UserError, match=r"1 attempts in the last 24 h \(cap 1\)"):
        OutcomeService(at(ws, later)).start_dial(lead)
    # The shipped cap (3) would have let the agent dial again.
    assert OutcomeService(at(workspace, later)).start_dial(lead).lead_id == lead


def test_the_call_list_blocks_at_the_agents_24h_cap(
    workspace: Workspace, settings_file: Path
) -> None:
    now = ny(2026, 11, 26, 14, 0)
    lead = add_lead(
        workspace, now - timedelta(days=2), status="working", attempt_count=1, next_action_at=now
    )
    add_attempt(workspace, lead, now - timedelta(hours=3), "no_answer")
    assert CallListService(at(workspace, now)).entry(lead).callable  # type: ignore[union-attr]
    ws = workspace.with_settings(settings(settings_file, caps__per_24h=1))
    entry = CallListService(at(ws, now)).entry(lead)
    assert entry is not None and entry.section == "blocked" and not entry.callable
    assert entry.reason == "1 attempt in the last 24 h; callable again in 21 h"


def test_the_lifetime_cap_ends_the_cadence(workspace: Workspace, settings_file: Path) -> None:
    ws = workspace.with_settings(settings(settings_file, caps__lifetime=2))
    start = ny(2026, 11, 26, 10, 0)
    lead = add_lead(workspace, start - timedelta(minutes=5))
    first = OutcomeService(at(ws, start)).log(lead, "no_answer")
    assert first.lead_status == "working" and first.next_action_at is not None
    second = OutcomeService(at(ws, first.next_action_at)).log(lead, "no_answer")
    assert second.lead_status == "finished"
    assert second.next_action_at is None and second.next_channel is None
    assert CallListService(at(ws, first.next_action_at)).entry(lead) is None  # off the list
    # With the shipped cap (12) the same two attempts leave the lead working.
    other = add_lead(workspace, start - timedelta(minutes=5))
    OutcomeService(at(workspace, start)).log(other, "no_answer")
    assert OutcomeService(at(workspace, first.next_action_at)).log(
        other, "no_answer"
    ).lead_status == ("working")


def test_the_lifetime_cap_keeps_a_callback_the_lead_asked_for(
    workspace: Workspace, settings_file: Path
) -> None:
    ws = workspace.with_settings(settings(settings_file, caps__lifetime=1))
    start = ny(2026, 11, 26, 10, 0)
    lead = add_lead(workspace, start - timedelta(minutes=5))
    logged = OutcomeService(at(ws, start)).log(
        lead, "callback", callback_at=ny(2026, 11, 27, 11, 0)
    )
    assert logged.lead_status == "callback" and logged.next_action_at == ny(2026, 11, 27, 11, 0)


def test_voicemails_per_day_from_settings(workspace: Workspace, settings_file: Path) -> None:
    now = ny(2026, 11, 26, 10, 0)
    lead = add_lead(workspace, now - timedelta(hours=3))
    add_attempt(workspace, lead, now - timedelta(hours=2), "voicemail_left")
    assert not ScriptService(at(workspace, now)).suggest(lead).voicemail_ok
    ws = workspace.with_settings(settings(settings_file, caps__voicemails_per_day=2))
    assert ScriptService(at(ws, now)).suggest(lead).voicemail_ok
    add_attempt(workspace, lead, now - timedelta(hours=1), "voicemail_left")
    script = ScriptService(at(ws, now)).suggest(lead)
    assert not script.voicemail_ok
    assert script.advice == "2 voicemails were already left today: hang up without a message"


def test_zero_voicemails_a_day_is_refused(settings_file: Path) -> None:
    with pytest.raises(SettingError, match=r"caps\.voicemails_per_day: must be between 1 and 5"):
        settings(settings_file, caps__voicemails_per_day=0)
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(json.dumps({"caps.voicemails_per_day": 0}))
    loaded = Settings.load(settings_file)
    assert loaded["caps.voicemails_per_day"] == 1
    assert "caps.voicemails_per_day" in loaded.problems[0]


# -- cadence ---------------------------------------------------------------------------


def test_the_chosen_cadence_plans_the_next_touch(workspace: Workspace, settings_file: Path) -> None:
    start = ny(2026, 11, 26, 10, 0)
    usual = add_lead(workspace, start - timedelta(minutes=5))
    assert OutcomeService(at(workspace, start)).log(usual, "voicemail_left").next_channel == "email"

    ws = workspace.with_settings(settings(settings_file, cadence="persistent"))
    lead = add_lead(workspace, start - timedelta(minutes=5))
    logged = OutcomeService(at(ws, start)).log(lead, "voicemail_left")
    assert logged.next_channel == "phone"  # a second call the same day
    assert logged.next_action_at is not None
    assert logged.next_action_at.astimezone(NYZ).date() == start.astimezone(NYZ).date()
    card = LeadService(at(ws, start)).detail(lead)
    assert card.cadence_name == "persistent" and card.cadence_length == 12
    assert card.next_step_label == "Call again later the same day"


def test_a_new_cadence_applies_to_leads_already_in_one_from_their_next_attempt(
    workspace: Workspace, settings_file: Path
) -> None:
    start = ny(2026, 11, 26, 10, 0)
    lead = add_lead(workspace, start - timedelta(minutes=5))
    first = OutcomeService(at(workspace, start)).log(lead, "voicemail_left")
    assert first.next_channel == "email"  # default step 2; planned before the change, kept
    ws = workspace.with_settings(settings(settings_file, cadence="persistent"))
    assert first.next_action_at is not None
    second = OutcomeService(at(ws, first.next_action_at)).log(lead, "email_sent")
    # Step 3 of "persistent" (an email on day 1), not of "default" (a call on day 1).
    assert second.next_channel == "email"
    assert second.next_action_at is not None and second.next_action_at >= start + timedelta(days=1)


def test_an_unknown_cadence_names_the_ones_there_are(settings_file: Path) -> None:
    assert available_cadences() == ("default", "persistent")
    with pytest.raises(SettingError) as refused:
        settings(settings_file, cadence="aggressive")
    assert "there is no cadence 'aggressive'; the cadences are: default, persistent" in str(
        refused.value
    )
    with pytest.raises(UserError, match="the cadences are: default, persistent"):
        named_cadence("aggressive")


def test_shipped_cadences_are_named_like_their_files_and_call_first() -> None:
    for name in available_cadences():
        cadence = named_cadence(name)
        assert cadence.name == name
        assert cadence.steps[0].channel.value == "phone"
        data = json.loads((resources_dir() / "cadences" / f"{name}.json").read_text())
        assert data["name"] == name


# -- voicemail identity ------------------------------------------------------------------


def test_voicemail_scripts_read_the_name_and_number_from_settings(
    workspace: Workspace, settings_file: Path
) -> None:
    lead = add_lead(workspace, ny(2026, 11, 26, 10, 0), first_name="Ada")
    before = ScriptService(workspace).suggest(lead)
    assert "Dana" not in before.text
    ws = workspace.with_settings(
        settings(
            settings_file,
            agent__display_name="Dana Whitfield",
            agent__callback_number="+1 415 555 0142",
        )
    )
    script = ScriptService(ws).suggest(lead)
    assert "Dana Whitfield" in script.text and "(415) 555-0142" in script.text
    # Empty settings fall back to the agent's own name.
    plain = workspace.with_settings(settings(settings_file, agent__display_name=""))
    assert ScriptService(plain).suggest(lead).text == before.text


# -- the real CLI with a settings file -------------------------------------------------------


@pytest.fixture
def cli_db(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "cli.db"
    store = open_store(db)
    lead = add_lead(
        Workspace.open(store, "cli.agent"), ny(2026, 11, 26, 9, 0), first_name="Ada", country="US"
    )
    store.close()
    return db, lead


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_settings(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")


def test_cli_queue_follows_the_calling_hours_of_the_settings_file(
    capsys: pytest.CaptureFixture[str], cli_db: tuple[Path, str], settings_file: Path
) -> None:
    db, lead = cli_db
    write_settings(settings_file, {"calling_hours.start": "10:00", "calling_hours.end": "16:00"})
    common = ["--db", str(db), "--agent", "cli.agent", "--json"]
    code, out, err = cli(capsys, "queue", *common, "--now", "2026-11-26T14:30:00Z")
    assert code == 0 and err == ""
    row = next(r for r in json.loads(out)["leads"] if r["lead_id"] == lead)
    assert row["callable"] is False and row["section"] == "blocked"
    assert row["local_time"] == "09:30"
    assert (
        row["reason"] == "Your settings: 10:00 to 16:00: 09:30 there, callable at 10:00, in 30 min"
    )
    code, out, _ = cli(capsys, "queue", *common, "--now", "2026-11-26T15:00:00Z")
    row = next(r for r in json.loads(out)["leads"] if r["lead_id"] == lead)
    assert code == 0 and row["callable"] is True and row["section"] == "new"


def test_cli_script_and_log_follow_the_settings_file(
    capsys: pytest.CaptureFixture[str], cli_db: tuple[Path, str], settings_file: Path
) -> None:
    db, lead = cli_db
    write_settings(
        settings_file,
        {
            "agent.display_name": "Dana Whitfield",
            "agent.callback_number": "+14155550142",
            "cadence": "persistent",
        },
    )
    common = ["--db", str(db), "--agent", "cli.agent", "--now", "2026-11-26T15:00:00Z", "--json"]
    code, out, err = cli(capsys, "script", lead, *common)
    assert code == 0 and err == ""
    text = json.loads(out)["text"]
    assert "Dana Whitfield" in text and "(415) 555-0142" in text
    code, out, _ = cli(capsys, "log", lead, "voicemail_left", *common)
    assert code == 0 and json.loads(out)["next_channel"] == "phone"


def test_cli_with_an_unreadable_settings_file_says_so_and_uses_the_defaults(
    capsys: pytest.CaptureFixture[str], cli_db: tuple[Path, str], settings_file: Path
) -> None:
    db, lead = cli_db
    write_settings(settings_file, '{"calling_hours.start": "10:00",')  # cut off
    argv = ["queue", "--db", str(db), "--agent", "cli.agent", "--json"]
    code, out, err = cli(capsys, *argv, "--now", "2026-11-26T14:30:00Z")
    assert code == 0
    assert err == (
        f"leaddesk: warning: settings {settings_file} is not valid JSON (line 1): "
        "fix or remove the file; using the default settings\n"
    )
    row = next(r for r in json.loads(out)["leads"] if r["lead_id"] == lead)
    assert row["callable"] is True  # the shipped 08:00-21:00 window


def test_cli_warns_about_each_refused_value_and_applies_the_rest(
    capsys: pytest.CaptureFixture[str], cli_db: tuple[Path, str], settings_file: Path
) -> None:
    db, lead = cli_db
    write_settings(
        settings_file,
        {"cadence": "aggressive", "caps.per_24h": "lots", "calling_hours.start": "10:00"},
    )
    argv = ["queue", "--db", str(db), "--agent", "cli.agent", "--json"]
    code, out, err = cli(capsys, *argv, "--now", "2026-11-26T14:30:00Z")
    assert code == 0
    lines = err.splitlines()
    assert len(lines) == 2 and all(line.startswith("leaddesk: warning: ") for line in lines)
    assert "setting cadence: there is no cadence 'aggressive'" in err
    assert "the cadences are: default, persistent; using 'default'" in err
    assert "setting caps.per_24h: 'lots' is not a whole number; using 3" in err
    row = next(r for r in json.loads(out)["leads"] if r["lead_id"] == lead)
    assert row["callable"] is False  # 10:00 start still applied


def test_the_window_gets_the_settings_through_the_cli_context(
    cli_db: tuple[Path, str], settings_file: Path
) -> None:
    from leaddesk.cli import Context, build_parser

    db, _ = cli_db
    write_settings(settings_file, {"caps.lifetime": 5, "cadence": "persistent"})
    ctx = Context(build_parser().parse_args(["--db", str(db), "--agent", "cli.agent"]))
    store = ctx.open_store()
    try:
        ws = ctx.workspace(store)  # what `commands/gui.py` builds the window on
    finally:
        store.close()
    assert ws.rules.caps.lifetime == 5 and ws.cadence.name == "persistent"
