"""The lead-response measures of DOMAIN.md, defined once.

Every report (the app's supervisor view, `leaddesk report`, the team server) computes
the same numbers. This module is the definition: plain dataclasses in, a `Measures`
out. `leaddesk.services.report` computes the same figures in SQL for large databases,
and the tests hold the two to agree on fixtures.

Definitions (a period is the half-open interval [since, until); `since` None means
from the beginning):

- *Effective attempts*: an attempt whose id is some other attempt's `supersedes_id`
  was corrected and is replaced by its correction; a pending attempt (outcome None)
  is a dial not yet wrapped up and is ignored. Attempts started at or after `until`
  do not exist for the report.
- *Leads* (the cohort): leads that arrived in the period (a lead arriving after the
  period is not counted). Lead measures look at every effective attempt on those leads
  made before `until`, whoever made it.
- *Attempts*: the effective attempts started in the period (for one agent: made by that
  agent). Outcomes, channels, contact rate and voicemail discipline count these.
- *Speed to lead*: first attempt (any channel) minus arrival, in whole seconds (each
  instant cut to its second), for each lead with an attempt; an attempt logged before
  the arrival time counts as 0. Median (the
  mean of the two middle values for an even count) and 90th percentile (nearest rank:
  the value at rank ceil(0.9 n)).
- *Attempts per lead* (persistency): for a lead with attempts, the attempts up to and
  including the first one that reached the lead, or all of them when none did. The
  median is over leads with at least one attempt; the distribution also has a 0 bar
  for the leads never contacted.
- *Second-attempt rate*: leads whose first attempt did not reach them (a do-not-call
  request excluded: those must not be attempted again) and that got a second attempt,
  over all such leads.
- *Never contacted*: leads with no attempt at all; the share is of all leads, in percent.
- *Voicemail discipline*: voicemails left / voicemails reached (left or not); mean script
  length in words over the voicemails left with a known script, and its spoken seconds
  at 150 words a minute.
- *Contact rate*: outbound call attempts that reached a person / all outbound call
  attempts (a returned call, inbound, always reaches someone: it is counted apart).
- *Channel mix*: attempts by channel; and the share of leads with an attempt whose first
  attempt was a call.

A ratio whose denominator is zero is None (shown as "n/a"), never 0: no calls is not a
contact rate of 0 %.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from leaddesk.domain.outcomes import OUTCOMES, Channel

# "Call within five minutes" is the trade's target for speed to lead.
SPEED_TO_LEAD_TARGET = timedelta(minutes=5)
# The usual advice is 6 to 8 attempts per lead (DOMAIN.md, rule 5).
ATTEMPTS_TARGET = (6, 8)
# Spoken length of a voicemail script.
WORDS_PER_MINUTE = 150
# A callback not called within this time after it was due was missed.
CALLBACK_GRACE = timedelta(minutes=15)

REACHED_OUTCOMES = frozenset(code for code, info in OUTCOMES.items() if info.reached)
VOICEMAIL_OUTCOMES = frozenset(code for code, info in OUTCOMES.items() if info.voicemail_reached)
VOICEMAIL_LEFT = "voicemail_left"
# A first attempt with this outcome ends contact: no second attempt is expected.
NO_RETRY_OUTCOMES = frozenset({"do_not_call"})

# Speed-to-lead buckets for the distribution chart: (label, upper bound in seconds).
SPEED_BUCKETS: tuple[tuple[str, float], ...] = (
    ("≤5 min", 5 * 60),
    ("5–30 min", 30 * 60),
    ("0.5–2 h", 2 * 3600),
    ("2–24 h", 24 * 3600),
    ("1–3 d", 3 * 86400),
    (">3 d", math.inf),
)


@dataclass(frozen=True, slots=True)
class Period:
    """The half-open interval [since, until) of a report; `since` None: from the start."""

    since: datetime | None
    until: datetime

    def __post_init__(self) -> None:
        if self.since is not None and self.since >= self.until:
            raise ValueError("the period's start must be before its end")

    def contains(self, at: datetime) -> bool:
        return (self.since is None or at >= self.since) and at < self.until


@dataclass(frozen=True, slots=True)
class LeadFact:
    id: str
    arrived_at: datetime
    owner_id: str | None = None


@dataclass(frozen=True, slots=True)
class AttemptFact:
    id: str
    lead_id: str
    channel: str
    outcome: str | None
    started_at: datetime
    agent_id: str | None = None
    script_words: int | None = None
    supersedes_id: str | None = None
    outside_rules: bool = False
    direction: str = "outbound"


@dataclass(frozen=True, slots=True)
class Measures:
    """The measures for one agent (or the team) over one period."""

    leads: int = 0
    attempts: int = 0
    never_contacted: int = 0
    never_contacted_pct: float | None = None
    second_attempt_rate: float | None = None
    median_attempts: float | None = None
    attempts_distribution: dict[int, int] = field(default_factory=dict)
    speed_to_lead_median_s: float | None = None
    speed_to_lead_p90_s: float | None = None
    speed_to_lead_buckets: dict[str, int] = field(default_factory=dict)
    voicemails_left: int = 0
    voicemails_reached: int = 0
    voicemail_left_rate: float | None = None
    script_words_mean: float | None = None
    script_words_max: int | None = None  # the longest voicemail script left, in words
    contact_rate: float | None = None
    first_touch_call_rate: float | None = None
    outcomes: dict[str, int] = field(default_factory=dict)
    channels: dict[str, int] = field(default_factory=dict)
    attempts_outside_rules: int = 0
    inbound: int = 0  # of the attempts, calls the lead made (returned calls)

    @property
    def script_seconds_mean(self) -> float | None:
        if self.script_words_mean is None:
            return None
        return self.script_words_mean * 60 / WORDS_PER_MINUTE


# -- small statistics, shared with the SQL side -----------------------------------------


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def median(values: Sequence[float]) -> float | None:
    """The median of the values (mean of the two middle ones for an even count)."""
    if not values:
        return None
    ordered = sorted(values)
    n = len(ordered)
    return (ordered[(n - 1) // 2] + ordered[n // 2]) / 2


def median_ranks(n: int) -> tuple[int, int]:
    """The 1-based ranks whose mean is the median of n sorted values."""
    return (n + 1) // 2, (n + 2) // 2


def p90_rank(n: int) -> int:
    """The 1-based nearest rank of the 90th percentile: ceil(0.9 n)."""
    return (9 * n + 9) // 10


def p90(values: Sequence[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[p90_rank(len(ordered)) - 1]


def median_of_histogram(histogram: dict[int, int]) -> float | None:
    """The median of a list given as value -> count (the same rule as `median`)."""
    n = sum(histogram.values())
    if not n:
        return None
    low, high = median_ranks(n)
    found: dict[int, float] = {}
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        for rank in (low, high):
            if rank not in found and rank <= seen:
                found[rank] = value
    return (found[low] + found[high]) / 2


def whole_seconds(at: datetime) -> int:
    """The Unix time of an instant cut to its second: speed to lead counts whole seconds,
    which databases compute exactly."""
    return math.floor(at.timestamp())


def is_reached(outcome: str | None) -> bool:
    return outcome in REACHED_OUTCOMES


# -- the measures ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LeadClass:
    """What the lead measures need to know about one lead; the report groups leads by it.

    `attempts` is the lead's persistency (0: never contacted); `retry_due` says its first
    attempt did not reach it (and was no do-not-call request); `second` that it got a
    second attempt; `speed_bucket` indexes SPEED_BUCKETS (None: never contacted).
    """

    attempts: int
    first_call: bool = False
    retry_due: bool = False
    second: bool = False
    speed_bucket: int | None = None


@dataclass(frozen=True, slots=True)
class AttemptGroup:
    """Attempts of one channel and outcome, with the voicemail scripts' word counts."""

    channel: str
    outcome: str
    count: int
    script_words_sum: int = 0
    script_words_count: int = 0
    outside_rules: int = 0  # of them, made at a moment the lead's calling rules forbid
    script_words_max: int = 0  # the longest voicemail script left, in words
    direction: str = "outbound"


@dataclass(frozen=True, slots=True)
class SpeedSummary:
    median_s: float | None
    p90_s: float | None


def effective_attempts(attempts: Iterable[AttemptFact], until: datetime) -> list[AttemptFact]:
    """Attempts that count: not superseded by a correction, wrapped up, before `until`."""
    rows = list(attempts)
    superseded = {a.supersedes_id for a in rows if a.supersedes_id}
    return [
        a for a in rows if a.id not in superseded and a.outcome is not None and a.started_at < until
    ]


def _attempt_order(attempt: AttemptFact) -> tuple[datetime, str]:
    return attempt.started_at, attempt.id


def persistency(history: Sequence[AttemptFact]) -> int:
    """Attempts until the lead was reached (inclusive), or all of them; history in order."""
    for number, attempt in enumerate(history, start=1):
        if is_reached(attempt.outcome):
            return number
    return len(history)


def speed_bucket_index(seconds: float) -> int:
    for index, (_label, upper) in enumerate(SPEED_BUCKETS):
        if seconds <= upper:
            return index
    return len(SPEED_BUCKETS) - 1


def classify_lead(lead: LeadFact, history: Sequence[AttemptFact]) -> tuple[LeadClass, float | None]:
    """The lead's class and its speed to lead in seconds (None: never contacted);
    `history` is the lead's effective attempts in time order."""
    if not history:
        return LeadClass(0), None
    first = history[0]
    speed = float(max(0, whole_seconds(first.started_at) - whole_seconds(lead.arrived_at)))
    retry_due = not is_reached(first.outcome) and first.outcome not in NO_RETRY_OUTCOMES
    return (
        LeadClass(
            attempts=persistency(history),
            first_call=first.channel == Channel.PHONE,
            retry_due=retry_due,
            second=len(history) > 1,
            speed_bucket=speed_bucket_index(speed),
        ),
        speed,
    )


def group_attempts(attempts: Iterable[AttemptFact]) -> list[AttemptGroup]:
    counts: Counter[tuple[str, str, str]] = Counter()
    words: Counter[tuple[str, str, str]] = Counter()
    known: Counter[tuple[str, str, str]] = Counter()
    outside: Counter[tuple[str, str, str]] = Counter()
    longest: Counter[tuple[str, str, str]] = Counter()
    for a in attempts:
        if a.outcome is None:
            continue
        key = (a.channel, a.outcome, a.direction)
        counts[key] += 1
        outside[key] += a.outside_rules
        if a.outcome == VOICEMAIL_LEFT and a.script_words is not None:
            words[key] += a.script_words
            known[key] += 1
            longest[key] = max(longest[key], a.script_words)
    return [
        AttemptGroup(
            channel,
            outcome,
            n,
            words[key],
            known[key],
            outside[key],
            longest[key],
            direction,
        )
        for key, n in sorted(counts.items())
        for channel, outcome, direction in (key,)
    ]


def assemble(
    lead_classes: Mapping[LeadClass, int],
    speed: SpeedSummary,
    attempt_groups: Iterable[AttemptGroup],
) -> Measures:
    """The measures from the leads grouped by class, the speed percentiles and the
    attempts grouped by channel and outcome: the one place the figures are made."""
    leads = sum(lead_classes.values())
    distribution: Counter[int] = Counter()
    buckets: Counter[int] = Counter()
    first_calls = retry_due = second = 0
    for cls, n in lead_classes.items():
        distribution[cls.attempts] += n
        if cls.attempts == 0:
            continue
        first_calls += n * cls.first_call
        if cls.retry_due:
            retry_due += n
            second += n * cls.second
        if cls.speed_bucket is not None:
            buckets[cls.speed_bucket] += n

    outcomes: Counter[str] = Counter()
    channels: Counter[str] = Counter()
    calls = reached_calls = words = known_words = outside = longest = inbound = 0
    for group in attempt_groups:
        outside += group.outside_rules
        outcomes[group.outcome] += group.count
        channels[group.channel] += group.count
        if group.direction == "inbound":
            inbound += group.count
        elif group.channel == Channel.PHONE:
            calls += group.count
            reached_calls += group.count * is_reached(group.outcome)
        if group.outcome == VOICEMAIL_LEFT:
            words += group.script_words_sum
            known_words += group.script_words_count
            longest = max(longest, group.script_words_max)
    vm_reached = sum(outcomes[code] for code in VOICEMAIL_OUTCOMES)
    contacted = leads - distribution[0]
    return Measures(
        leads=leads,
        attempts=sum(outcomes.values()),
        never_contacted=distribution[0],
        never_contacted_pct=_pct(distribution[0], leads),
        second_attempt_rate=ratio(second, retry_due),
        median_attempts=median_of_histogram({k: v for k, v in distribution.items() if k}),
        attempts_distribution={k: distribution[k] for k in sorted(distribution) if distribution[k]},
        speed_to_lead_median_s=speed.median_s,
        speed_to_lead_p90_s=speed.p90_s,
        speed_to_lead_buckets={
            SPEED_BUCKETS[i][0]: buckets[i] for i in range(len(SPEED_BUCKETS)) if buckets[i]
        },
        voicemails_left=outcomes[VOICEMAIL_LEFT],
        voicemails_reached=vm_reached,
        voicemail_left_rate=ratio(outcomes[VOICEMAIL_LEFT], vm_reached),
        script_words_mean=words / known_words if known_words else None,
        script_words_max=longest if known_words else None,
        contact_rate=ratio(reached_calls, calls),
        first_touch_call_rate=ratio(first_calls, contacted),
        outcomes=dict(sorted((k, v) for k, v in outcomes.items() if v)),
        channels=dict(sorted((k, v) for k, v in channels.items() if v)),
        attempts_outside_rules=outside,
        inbound=inbound,
    )


def compute(
    leads: Iterable[LeadFact],
    attempts: Iterable[AttemptFact],
    period: Period,
    agent_id: str | None = None,
) -> Measures:
    """The measures over the period. `leads` are the agent's (or all) leads, `attempts`
    every attempt on them and every attempt the agent made; `agent_id` None means the
    whole team (every attempt counts)."""
    effective = effective_attempts(attempts, period.until)
    cohort = [lead for lead in leads if period.contains(lead.arrived_at)]
    by_lead: dict[str, list[AttemptFact]] = {lead.id: [] for lead in cohort}
    for attempt in effective:
        history = by_lead.get(attempt.lead_id)
        if history is not None:
            history.append(attempt)
    classes: Counter[LeadClass] = Counter()
    speeds: list[float] = []
    for lead in cohort:
        history = sorted(by_lead[lead.id], key=_attempt_order)
        cls, speed = classify_lead(lead, history)
        classes[cls] += 1
        if speed is not None:
            speeds.append(speed)
    in_period = [
        a
        for a in effective
        if (period.since is None or a.started_at >= period.since)
        and (agent_id is None or a.agent_id == agent_id)
    ]
    return assemble(classes, SpeedSummary(median(speeds), p90(speeds)), group_attempts(in_period))


def _pct(part: int, whole: int) -> float | None:
    value = ratio(part, whole)
    return None if value is None else value * 100
