"""Each lead-response measure against a hand-computed fixture, with the edge cases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaddesk.domain.metrics import (
    AttemptFact,
    LeadFact,
    Measures,
    Period,
    compute,
    median,
    median_of_histogram,
    p90,
    whole_seconds,
)
from tests.unit.metrics_fixture import A1, ATTEMPTS, LEADS, PERIOD, SINCE, T0, UNTIL, lid


@pytest.fixture
def agent() -> Measures:
    return compute(LEADS, ATTEMPTS, PERIOD, A1)


@pytest.fixture
def team() -> Measures:
    return compute(LEADS, ATTEMPTS, PERIOD)


def test_leads_are_those_arriving_in_the_period(agent: Measures) -> None:
    # L8 arrived after the period, L9 before it.
    assert agent.leads == 8


def test_never_contacted_count_and_share(agent: Measures) -> None:
    assert agent.never_contacted == 1  # L3
    assert agent.never_contacted_pct == pytest.approx(12.5)


def test_speed_to_lead_median_and_p90(agent: Measures) -> None:
    # Seconds to the first attempt: L10 0 (logged before arrival), L5 30 (the correction),
    # L6 60, L1 120, L2 600, L4 3600 (an email), L7 7200.
    assert agent.speed_to_lead_median_s == 120
    assert agent.speed_to_lead_p90_s == 7200  # rank ceil(0.9 * 7) = 7
    assert agent.speed_to_lead_buckets == {"≤5 min": 4, "5–30 min": 1, "0.5–2 h": 2}


def test_attempts_per_lead_until_reached(agent: Measures) -> None:
    # L1 reached at its 3rd attempt; L4 two written touches, never reached; the rest one.
    assert agent.attempts_distribution == {0: 1, 1: 5, 2: 1, 3: 1}
    assert agent.median_attempts == 1


def test_second_attempt_rate(agent: Measures) -> None:
    # Not reached on attempt 1: L1 and L4 (got a second), L7 and L10 (did not). L6 asked
    # not to be called and L2, L5 were reached.
    assert agent.second_attempt_rate == 0.5


def test_attempts_outcomes_and_channels_are_the_agents_in_the_period(agent: Measures) -> None:
    # The superseded no-answer, the pending dial, a2's attempt and L8's late one are out.
    assert agent.attempts == 11
    assert agent.outcomes == {
        "busy": 1,
        "connected": 3,
        "do_not_call": 1,
        "email_sent": 1,
        "no_answer": 2,
        "text_sent": 1,
        "voicemail_left": 1,
        "voicemail_no_message": 1,
    }
    assert agent.channels == {"email": 1, "phone": 9, "sms": 1}


def test_contact_rate_is_reached_calls_over_calls(agent: Measures, team: Measures) -> None:
    assert agent.contact_rate == pytest.approx(3 / 9)
    assert team.contact_rate == pytest.approx(3 / 10)


def test_voicemail_discipline(agent: Measures, team: Measures) -> None:
    assert (agent.voicemails_left, agent.voicemails_reached) == (1, 2)
    assert agent.voicemail_left_rate == 0.5
    assert agent.script_words_mean == 60
    assert agent.script_seconds_mean == 24  # 60 words at 150 a minute
    assert team.voicemail_left_rate == pytest.approx(2 / 3)
    assert team.script_words_mean == 45


def test_first_touch_by_call(agent: Measures) -> None:
    assert agent.first_touch_call_rate == pytest.approx(6 / 7)  # L4 began with an email


def test_the_team_counts_every_agents_attempts(team: Measures) -> None:
    assert team.attempts == 12
    assert team.leads == 8


def test_no_attempts_at_all() -> None:
    leads = [LeadFact(lid(1), T0), LeadFact(lid(2), T0)]
    m = compute(leads, [], PERIOD)
    assert (m.leads, m.attempts, m.never_contacted) == (2, 0, 2)
    assert m.never_contacted_pct == 100
    assert m.attempts_distribution == {0: 2}
    for undefined in (
        m.median_attempts,
        m.speed_to_lead_median_s,
        m.speed_to_lead_p90_s,
        m.second_attempt_rate,
        m.voicemail_left_rate,
        m.script_words_mean,
        m.contact_rate,
        m.first_touch_call_rate,
    ):
        assert undefined is None


def test_nothing_at_all_has_no_shares() -> None:
    m = compute([], [], PERIOD)
    assert m == Measures()
    assert m.never_contacted_pct is None


def test_only_written_touches_have_no_contact_rate() -> None:
    leads = [LeadFact(lid(1), T0)]
    attempts = [
        AttemptFact("e1", lid(1), "email", "email_sent", T0 + timedelta(minutes=1)),
        AttemptFact("e2", lid(1), "social", "replied", T0 + timedelta(days=1)),
    ]
    m = compute(leads, attempts, PERIOD)
    assert m.contact_rate is None  # no calls: no rate, not 0 %
    assert m.first_touch_call_rate == 0
    assert m.voicemail_left_rate is None
    assert m.attempts_distribution == {2: 1}  # reached by the written reply
    assert m.second_attempt_rate == 1
    assert m.speed_to_lead_median_s == 60


def test_leads_arriving_after_the_period_are_not_counted() -> None:
    late = LeadFact(lid(1), UNTIL)
    m = compute([late], [AttemptFact("x", lid(1), "phone", "no_answer", UNTIL)], PERIOD)
    assert (m.leads, m.attempts) == (0, 0)


def test_attempts_after_the_period_do_not_count_for_its_leads() -> None:
    lead = LeadFact(lid(1), T0)
    late = AttemptFact("x", lid(1), "phone", "connected", UNTIL + timedelta(hours=1))
    m = compute([lead], [late], PERIOD)
    assert m.never_contacted == 1


def test_a_correction_of_a_correction_leaves_only_the_last() -> None:
    lead = LeadFact(lid(1), T0)
    attempts = [
        AttemptFact("a", lid(1), "phone", "connected", T0),
        AttemptFact("b", lid(1), "phone", "voicemail_left", T0, supersedes_id="a"),
        AttemptFact("c", lid(1), "phone", "no_answer", T0, supersedes_id="b"),
    ]
    m = compute([lead], attempts, PERIOD)
    assert m.outcomes == {"no_answer": 1}
    assert m.attempts_distribution == {1: 1}


def test_without_a_start_the_period_covers_all_history() -> None:
    m = compute(LEADS, [], Period(None, UNTIL))
    assert m.leads == 9  # L9 arrived in October; L8 is still after the end


def test_a_period_must_not_be_empty() -> None:
    with pytest.raises(ValueError, match="before its end"):
        Period(UNTIL, SINCE)


def test_speed_counts_whole_seconds() -> None:
    assert whole_seconds(datetime(2026, 1, 1, 0, 0, 1, 999_999, tzinfo=UTC)) == (
        whole_seconds(datetime(2026, 1, 1, tzinfo=UTC)) + 1
    )


def test_median_and_p90_rules() -> None:
    assert median([]) is None
    assert median([4, 1, 3, 2]) == 2.5
    assert median([5]) == 5
    assert p90(list(range(1, 11))) == 9
    assert p90(list(range(1, 12))) == 10
    assert p90([7]) == 7


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=12), min_size=0, max_size=40))
def test_median_of_a_histogram_is_the_median_of_the_list(values: list[int]) -> None:
    histogram: dict[int, int] = {}
    for value in values:
        histogram[value] = histogram.get(value, 0) + 1
    assert median_of_histogram(histogram) == median(values)
