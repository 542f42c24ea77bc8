"""Openers built from the free text agents really write in notes: fragments, full
sentences, single words, several lines, quotes and paragraphs. Each must read as one
short thing an agent can say to the lead, with no doubled punctuation."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from leaddesk.domain.rapport import (
    MAX_QUOTE_CHARS,
    NoteFact,
    OpenerContext,
    openers,
    spoken,
)
from leaddesk.services.outcomes import OutcomeService
from leaddesk.services.rapport import RapportService
from leaddesk.services.workspace import Workspace
from tests.unit.engine_fixture import add_lead

NOW = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)
HELLO = "Good morning Ada, this is Jordan Reyes with Brightline Solar."
SPOKE = "Following up on our conversation 7 days ago."
LONG = (
    "Spoke with the office manager, who said the owner is travelling until the 3rd of"
    " next month and that the best time to call back is any weekday morning before nine"
)


def _first(note: str, company: str = "Brightline Solar") -> str:
    ctx = OpenerContext(
        first_name="Ada",
        agent_name="Jordan Reyes",
        agent_company=company,
        local_now=datetime(2026, 11, 26, 9, 30),
        now=NOW,
        arrived_at=NOW - timedelta(days=10),
        last_reached_at=NOW - timedelta(days=7),
        last_reached_note=note,
    )
    return openers(ctx, [], limit=1)[0]


@pytest.mark.parametrize(
    ("note", "said"),
    [
        # The demo's notes and their kin: lowercase fragments and capitalised ones.
        (
            "interested, wants to talk to partner first",
            "My notes say: interested, wants to talk to partner first.",
        ),
        (
            "Interested, wants to talk to partner first",
            "My notes say: interested, wants to talk to partner first.",
        ),
        ("Asked for pricing sheet.", "My notes say: asked for pricing sheet."),
        # Full sentences keep their inner stop and get exactly one at the end.
        (
            "Good call. Follow up with case study next week.",
            "My notes say: good call. Follow up with case study next week.",
        ),
        # Only a word, shouted, or trailing off.
        ("Interested", "My notes say: interested."),
        ("interested!!!", "My notes say: interested."),
        ("Will think about it...", "My notes say: will think about it."),
        ("Will think about it\u2026", "My notes say: will think about it."),
        # A question stays one (once).
        ("Can we start in March??", "My notes say: can we start in March?"),
        # Line breaks and bullets become one spoken list.
        (
            "Interested\nWants partner input\n\nCall Tue",
            "My notes say: interested; wants partner input; call Tue.",
        ),
        (
            "- budget approved\r\n- needs 3 quotes\r\n- decision by Dec 15.",
            "My notes say: budget approved; needs 3 quotes; decision by Dec 15.",
        ),
        # Quotation marks around the whole note go; a quote inside keeps its marks
        # but not the stop inside them.
        ('"Just email me."', "My notes say: just email me."),
        ("\u201cJust email me!\u201d", "My notes say: just email me."),
        ('Said "not now, maybe in Q1."', 'My notes say: said "not now, maybe in Q1".'),
        ('"Not now" was all he said', 'My notes say: "not now" was all he said.'),
        # Names, acronyms and "I" keep their capitals.
        (
            "Ada is the decision maker; husband handles the money",
            "My notes say: Ada is the decision maker; husband handles the money.",
        ),
        ("CFO wants ROI numbers", "My notes say: CFO wants ROI numbers."),
        (
            "I'll call back after the board meeting",
            "My notes say: I'll call back after the board meeting.",
        ),
        ("McKinsey report on their desk", "My notes say: McKinsey report on their desk."),
        # A paragraph is cut at a word, with an ellipsis and no stop after it.
        (
            LONG,
            "My notes say: spoke with the office manager, who said the owner is travelling"
            " until the 3rd of\u2026",
        ),
        # A quotation cut in its middle does not stay open.
        (
            'He said "call me when the new model is out and the price has come down a lot,'
            ' not before"',
            "My notes say: he said call me when the new model is out and the price has come"
            " down a lot\u2026",
        ),
        # Nothing to say: no "My notes say".
        ("", ""),
        ("   \n  ", ""),
        ("...", ""),
        ("?", ""),
        ("-", ""),
    ],
)
def test_the_last_conversation_opener_reads_as_speech(note: str, said: str) -> None:
    assert _first(note) == f"{HELLO} {SPOKE} {said}".rstrip()


@pytest.mark.parametrize(
    "note",
    [
        "Asked for pricing sheet.",
        "interested!!!",
        "Can we start in March??",
        'Said "not now, maybe in Q1."',
        LONG,
        "x" * 300,
        "a " * 200,
        "Ok. . . .",
        "- \n- \n-",
    ],
)
def test_no_opener_has_doubled_punctuation_or_runs_long(note: str) -> None:
    line = _first(note)
    assert not re.search(r"[.!?,;:]\s*[.!?,;:]|\u2026[.!?]", line), line
    assert len(spoken(note)) <= MAX_QUOTE_CHARS + 1


def test_a_company_with_a_stop_ends_the_sentence_once() -> None:
    assert _first("", company="Acme Inc.") == (
        f"Good morning Ada, this is Jordan Reyes with Acme Inc. {SPOKE}"
    )


@pytest.mark.parametrize(
    ("kind", "text", "line"),
    [
        (
            "family",
            "Has two kids; daughter starts college in the fall.",
            "How is the family? Last time you told me: has two kids; daughter starts college"
            " in the fall.",
        ),
        (
            "interests",
            "Runs marathons! Training for Chicago!",
            "I remember you mentioned: runs marathons! Training for Chicago. How is that going?",
        ),
        (
            "work",
            "Moving to a new office next quarter...",
            "Last time you said: moving to a new office next quarter. How is that coming along?",
        ),
        (
            "timing",
            "Budget decisions happen in the last week of the month",
            "I wanted to catch you at a good moment. You told me: budget decisions happen in"
            " the last week of the month.",
        ),
        (
            "pain",
            "Current vendor misses delivery dates?",
            "You mentioned: current vendor misses delivery dates? I have an idea that might"
            " help with that.",
        ),
        (
            "other",
            LONG,
            "I made a note last time: spoke with the office manager, who said the owner is"
            " travelling until the 3rd of\u2026",
        ),
        (
            "interests",
            LONG,
            "I remember you mentioned: spoke with the office manager, who said the owner is"
            " travelling until the 3rd of\u2026 How is that going?",
        ),
    ],
)
def test_rapport_note_openers(kind: str, text: str, line: str) -> None:
    ctx = OpenerContext(
        "Ada",
        "Jordan Reyes",
        "Brightline Solar",
        datetime(2026, 11, 26, 9, 30),
        NOW,
        NOW - timedelta(days=10),
        None,
    )
    lines = openers(ctx, [NoteFact(kind, text, True, NOW)], limit=2)
    assert lines[1] == f"{HELLO} {line}"


def test_the_service_speaks_the_note_logged_with_the_last_conversation(
    workspace: Workspace, now: datetime
) -> None:
    lead = add_lead(workspace, now - timedelta(days=9), first_name="Grace")
    outcomes = OutcomeService(workspace)
    outcomes.log(
        lead,
        "connected",
        note="Interested.\nWants to talk to partner first!",
        at=now - timedelta(days=2),
    )
    outcomes.log(lead, "no_answer", note="rang out", at=now - timedelta(days=1))
    first = RapportService(workspace).openers(lead)[0]
    assert first.endswith(
        "Following up on our conversation 2 days ago. My notes say: interested; wants to"
        " talk to partner first."
    )
    assert first.startswith("Good afternoon Grace, this is ")
