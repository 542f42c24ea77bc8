"""A hand-computed week of leads and attempts, shared by the measure tests and the
tests that hold the SQL report to the domain's definitions.

Agent a1 owns every lead; agent a2 makes one attempt on a1's lead L2. The period is
the week [Nov 1, Nov 8). Each lead is one case:

- L1: no answer, voicemail left (60 words), connected: reached at attempt 3.
- L2: connected at once (a2 leaves a voicemail later: a1's lead, a2's attempt).
- L3: never contacted.
- L4: only written touches: an email, then a text.
- L5: a no-answer corrected to connected (the correction replaces it); a pending dial.
- L6: asked not to be called on the first call.
- L7: busy, never tried again.
- L8: arrived after the period (its attempt too).
- L9: arrived before the period; a voicemail without a message in the period.
- L10: an attempt logged a minute before the lead's arrival time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from leaddesk.domain.metrics import AttemptFact, LeadFact, Period

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
UNTIL = datetime(2026, 11, 8, tzinfo=UTC)
PERIOD = Period(SINCE, UNTIL)
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
A1, A2 = "00000000-0000-4000-8000-0000000000a1", "00000000-0000-4000-8000-0000000000a2"


def lid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def aid(n: int) -> str:
    return f"10000000-0000-4000-8000-{n:012d}"


def s(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


DAY = 86400

LEADS = [
    *(LeadFact(lid(n), T0, A1) for n in (1, 2, 3, 4, 5, 6, 7, 10)),
    LeadFact(lid(8), datetime(2026, 11, 9, tzinfo=UTC), A1),
    LeadFact(lid(9), datetime(2026, 10, 20, tzinfo=UTC), A1),
]


def _a(
    n: int,
    lead: int,
    channel: str,
    outcome: str | None,
    at: datetime,
    agent: str = A1,
    words: int | None = None,
    supersedes: int | None = None,
) -> AttemptFact:
    return AttemptFact(
        aid(n),
        lid(lead),
        channel,
        outcome,
        at,
        agent,
        words,
        aid(supersedes) if supersedes else None,
    )


ATTEMPTS = [
    _a(1, 1, "phone", "no_answer", s(120)),
    _a(2, 1, "phone", "voicemail_left", s(DAY), words=60),
    _a(3, 1, "phone", "connected", s(2 * DAY)),
    _a(4, 2, "phone", "connected", s(600)),
    _a(5, 2, "phone", "voicemail_left", s(DAY), agent=A2, words=30),
    _a(6, 4, "email", "email_sent", s(3600)),
    _a(7, 4, "sms", "text_sent", s(7200)),
    _a(8, 5, "phone", "no_answer", s(30)),
    _a(9, 5, "phone", "connected", s(30), supersedes=8),
    _a(10, 5, "phone", None, s(DAY)),
    _a(11, 6, "phone", "do_not_call", s(60)),
    _a(12, 7, "phone", "busy", s(7200)),
    _a(13, 8, "phone", "no_answer", datetime(2026, 11, 9, 1, tzinfo=UTC)),
    _a(14, 9, "phone", "voicemail_no_message", s(0)),
    _a(15, 10, "phone", "no_answer", s(-60)),
]


def store_facts(store: object, leads: list[LeadFact], attempts: list[AttemptFact]) -> None:
    """Write the facts into a real store: agents a1 and a2, the leads, the attempts."""
    from leaddesk.store import Store
    from leaddesk.store.models import Agent, Attempt, Lead

    assert isinstance(store, Store)
    with store.transaction() as session:
        session.add_all(
            [
                Agent(id=A1, name="agent.one", display_name="Agent One"),
                Agent(id=A2, name="agent.two", display_name="Agent Two"),
            ]
        )
        session.flush()
        for lead in leads:
            session.add(
                Lead(
                    id=lead.id,
                    first_name=f"Lead {lead.id[-2:]}",
                    phone_e164="+12125550100",
                    arrived_at=lead.arrived_at,
                    owner_id=lead.owner_id,
                )
            )
        session.flush()
        for a in attempts:
            session.add(
                Attempt(
                    id=a.id,
                    lead_id=a.lead_id,
                    agent_id=a.agent_id or A1,
                    channel=a.channel,
                    outcome=a.outcome,
                    started_at=a.started_at,
                    script_words=a.script_words,
                    supersedes_id=a.supersedes_id,
                )
            )
            session.flush()
