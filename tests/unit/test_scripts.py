"""Voicemail scripts: rendering without raw placeholders, spoken length, stages, variants
that never repeat before the whole stage was heard, and `leaddesk script`."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaddesk.cli import main
from leaddesk.domain.cadence import parse_steps
from leaddesk.domain.scripts import (
    FALLBACKS,
    ScriptError,
    Variant,
    check_template,
    choose_variant,
    count_words,
    render,
    rendered,
    spoken_seconds,
    stage_for,
)
from leaddesk.services.errors import UserError
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.scripts import ScriptService, format_callback_number
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from leaddesk.store.models import Agent
from tests.unit.engine_fixture import add_attempt, add_lead


def set_agent(ws: Workspace, **kw: str) -> None:
    with ws.store.transaction() as session:
        agent = session.get(Agent, ws.agent.id)
        assert agent is not None
        for key, value in kw.items():
            setattr(agent, key, value)


def test_render_fills_every_placeholder() -> None:
    text = render(
        "Hi {first_name}, {agent_name} from {agent_company}. Call {callback_number}.",
        {
            "first_name": "Ada",
            "agent_name": "Jordan Reyes",
            "agent_company": "Brightline Solar",
            "callback_number": "(415) 555-0142",
        },
    )
    assert text == "Hi Ada, Jordan Reyes from Brightline Solar. Call (415) 555-0142."


def test_missing_values_fall_back_gracefully() -> None:
    text = render("Hi {first_name}, this is {agent_name} about {company}{bogus}. {oops", {})
    assert text == "Hi there, this is your account manager about your company. oops"
    assert "{" not in render("{first_name", {}) and "}" not in render("}}{{", {})


@settings(max_examples=200, deadline=None)
@given(
    template=st.lists(
        st.one_of(
            st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12),
            st.sampled_from(
                [*("{" + k + "}" for k in FALLBACKS), "{", "}", "{x}", "{{", "{ first_name }"]
            ),
        ),
        max_size=12,
    ).map("".join),
    values=st.dictionaries(st.sampled_from(list(FALLBACKS)), st.text(max_size=10)),
)
def test_no_raw_placeholder_ever_reaches_the_agent(template: str, values: dict[str, str]) -> None:
    text = render(template, values)
    assert "{" not in text and "}" not in text


def test_templates_with_unknown_placeholders_are_refused() -> None:
    with pytest.raises(ScriptError, match=r"unknown placeholder \{frist_name\}"):
        check_template("Hi {frist_name}")
    with pytest.raises(ScriptError, match="cannot be empty"):
        check_template("   ")
    check_template("Hi {first_name}, {agent_name} here.")


def test_words_seconds_and_the_30_second_flag() -> None:
    # A phone number is spoken digit by digit.
    assert count_words("Call me at (415) 555-0142, Ada.") == 3 + 10 + 1
    assert spoken_seconds(75) == 30.0 and spoken_seconds(150) == 60.0
    short = rendered("s", "introduce", 1, 3, "word " * 75, {})
    assert short.words == 75 and short.seconds == 30.0 and not short.too_long
    long = rendered("s", "introduce", 1, 3, "word " * 76, {})
    assert long.too_long


def test_stages_rotate_with_the_calls() -> None:
    assert [stage_for(n, False) for n in range(6)] == [
        "introduce",
        "add_value",
        "offer_time",
        "offer_time",
        "close_file",
        "close_file",
    ]
    assert stage_for(1, True) == "close_file"


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(1, 6), rounds=st.integers(1, 4), skips=st.lists(st.integers(0, 5), max_size=24)
)
def test_no_variant_repeats_before_the_stage_is_used_up(
    n: int, rounds: int, skips: list[int]
) -> None:
    variants = [Variant(f"s{i}", i) for i in range(1, n + 1)]
    heard: list[str] = []
    for i in range(n * rounds):
        skip = skips[i] if i < len(skips) else 0
        pick = choose_variant(variants, heard, skip)
        assert pick is not None
        if n > 1 and heard:
            assert pick.script_id != heard[-1]
        heard.append(pick.script_id)
    for r in range(rounds):
        assert sorted(heard[r * n : (r + 1) * n]) == sorted(v.script_id for v in variants)


def test_callback_number_is_formatted_for_the_lead_country() -> None:
    assert format_callback_number("+14155550142", "US", None) == "(415) 555-0142"
    assert format_callback_number("+14155550142", "", "+12125550100") == "(415) 555-0142"
    assert format_callback_number("+14155550142", "GB", None) == "+1 415-555-0142"
    assert format_callback_number("+442079460000", "GB", None) == "020 7946 0000"
    assert format_callback_number("ask for Jordan", "US", None) == "ask for Jordan"
    assert format_callback_number("", "US", None) == ""


def test_the_service_suggests_unheard_variants_of_the_stage(
    workspace: Workspace, now: datetime
) -> None:
    set_agent(
        workspace,
        display_name="Jordan Reyes",
        company="Brightline Solar",
        callback_number="+14155550142",
    )
    service = ScriptService(workspace)
    lead = add_lead(workspace, now - timedelta(days=5), first_name="Ada", company="")
    first = service.suggest(lead)
    assert first.stage == "introduce" and first.variant == 1 and first.variants == 3
    assert "Ada" in first.text and "Jordan Reyes" in first.text and "Brightline Solar" in first.text
    assert "(415) 555-0142" in first.text and "{" not in first.text
    assert first.seconds == round(first.words * 0.4, 1)
    other = service.next_variant(lead, first.script_id)
    assert other.stage == "introduce" and other.script_id != first.script_id

    # The default cadence's day-4 call leaves the second of three voicemails: add value.
    # A variant the lead heard is never offered again; when none is left, a short note.
    offer = add_lead(
        workspace, now - timedelta(days=9), status="working", call_count=2, cadence_step=4
    )
    first_vm = service.templates("introduce")[0].script_id
    add_attempt(workspace, offer, now - timedelta(days=4), "voicemail_left", script_id=first_vm)
    ids = [t.script_id for t in service.templates("add_value")]
    add_attempt(workspace, offer, now - timedelta(days=3), "voicemail_no_message")
    script = service.suggest(offer)
    assert script.stage == "add_value" and script.script_id == ids[0]
    for day, heard in ((3, ids[0]), (2, ids[2])):
        add_attempt(workspace, offer, now - timedelta(days=day), "voicemail_left", script_id=heard)
    # Three left already: the fourth of five adds value again, with the one not heard yet.
    assert service.suggest(offer).script_id == ids[1]
    # Past the cadence's plan (its last step done): a short generic note, never a repeat.
    done = add_lead(workspace, now - timedelta(days=20), status="working", cadence_step=8)
    add_attempt(workspace, done, now - timedelta(days=5), "voicemail_left", script_id=ids[1])
    late = service.suggest(done)
    assert late.stage == "generic" and late.words < 25


def test_a_logged_voicemail_marks_its_script_heard(workspace: Workspace, now: datetime) -> None:
    every_day = parse_steps([{"day": d, "channel": "phone", "voicemail": True} for d in range(3)])
    workspace = replace(workspace, cadence=every_day)
    lead = add_lead(workspace, now - timedelta(minutes=5))
    scripts = ScriptService(workspace)
    first = scripts.suggest(lead)
    OutcomeService(workspace).log(
        lead, "voicemail_left", script_id=first.script_id, script_words=first.words
    )
    again = scripts.suggest(lead)
    # One voicemail per lead per day: the agent is told to hang up without a message.
    assert not again.voicemail_ok and "already left today" in again.advice
    later = replace(workspace, clock=lambda: now + timedelta(days=1))
    assert ScriptService(later).suggest(lead).voicemail_ok


def test_templates_can_be_edited_and_added(workspace: Workspace, now: datetime) -> None:
    service = ScriptService(workspace)
    first = service.templates("introduce")[0]
    with pytest.raises(UserError, match="unknown placeholder"):
        service.save_template(first.script_id, "Hi {name}")
    saved = service.save_template(first.script_id, "Hi {first_name}, {agent_name} here. Short!")
    assert saved.template.endswith("Short!")
    added = service.add_template("close_file", "Bye {first_name}, {agent_name}.")
    assert added.variant == 4
    with pytest.raises(UserError, match="unknown stage"):
        service.add_template("nagging", "Hi")
    lead = add_lead(workspace, now - timedelta(minutes=5), first_name="")
    assert service.suggest(lead).text.startswith("Hi there, ")


def test_cli_script_json(capsys, tmp_path: Path, now: datetime) -> None:
    db = tmp_path / "s.db"
    store = open_store(db)
    lead = add_lead(Workspace.open(store, "cli.agent"), now - timedelta(minutes=5))
    store.close()
    base = [
        "script",
        lead,
        "--db",
        str(db),
        "--agent",
        "cli.agent",
        "--now",
        "2026-11-26T19:30:00Z",
    ]
    assert main([*base, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert {"script_id", "text", "words", "seconds"} <= set(doc)
    assert doc["stage"] == "introduce" and doc["too_long"] is False
    assert isinstance(doc["words"], int) and doc["seconds"] == round(doc["words"] * 0.4, 1)
    assert "{" not in doc["text"]
    assert main([*base, "--json", "--next-variant"]) == 0
    assert json.loads(capsys.readouterr().out)["script_id"] != doc["script_id"]
    assert main(base) == 0
    out = capsys.readouterr().out
    assert out.startswith("[introduce, variant 1 of 3]") and doc["text"] in out
    assert main(["script", "nope", "--db", str(db)]) == 1
    assert "no lead with id 'nope'" in capsys.readouterr().err
