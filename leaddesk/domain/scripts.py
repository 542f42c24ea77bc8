"""Voicemail scripts: stages that rotate with the attempt, variants that never repeat,
templates rendered without a raw placeholder ever reaching the agent, spoken length.

A voicemail is for familiarity with the agent's name and company, not for a call back:
it should be short. The estimate is 150 words a minute; past 30 seconds it is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

STAGES = ("introduce", "add_value", "offer_time", "close_file")
STAGE_LABELS = {
    "introduce": "Introduce",
    "add_value": "Add value",
    "offer_time": "Offer a time",
    "close_file": "Close the file",
}
WORDS_PER_MINUTE = 150
WARN_SECONDS = 30.0

# Placeholders a template may use, with what stands in when the value is unknown.
FALLBACKS: dict[str, str] = {
    "first_name": "there",
    "last_name": "",
    "company": "your company",
    "agent_name": "your account manager",
    "agent_first_name": "your account manager",
    # Never "our team": until the agent sets a company the agent sees a gap to fill.
    "agent_company": "[your company]",
    "callback_number": "the number on your caller ID",
    "topic": "information",
    "greeting": "Hello",
    "offer_times": "sometime this week",
}
PLACEHOLDERS = tuple(FALLBACKS)
_FIELD = re.compile(r"\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d")


class ScriptError(ValueError):
    """A template that cannot be saved."""


def check_template(template: str) -> None:
    """Refuse an empty template or one naming a placeholder that does not exist."""
    if not template.strip():
        raise ScriptError("a voicemail script cannot be empty")
    unknown = sorted({m.group(1) for m in _FIELD.finditer(template)} - set(FALLBACKS))
    if unknown:
        allowed = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
        raise ScriptError(f"unknown placeholder {{{unknown[0]}}}; use one of: {allowed}")


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill every placeholder; an unknown or empty value gets its fallback, an unknown
    placeholder is dropped, stray braces are removed, and the text is tidied."""

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        value = (values.get(key) or "").strip()
        return value or FALLBACKS.get(key, "")

    text = _FIELD.sub(fill, template)
    text = text.replace("{", "").replace("}", "")
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" +([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?=[,.;:!?])", "", text)
    return text.strip()


def count_words(text: str) -> int:
    """Spoken words: each digit of a phone number is said on its own."""
    return len(_WORD.findall(text))


def spoken_seconds(words: int) -> float:
    return round(words * 60.0 / WORDS_PER_MINUTE, 1)


def choose_unheard(
    variants: Sequence[Variant], heard: Sequence[str], skip: int = 0
) -> Variant | None:
    """The lowest-numbered variant the lead never heard (`skip` moves on to the next
    unheard one); None when every variant was heard: the caller then uses a short
    generic note rather than repeat a message word for word."""
    fresh = [v for v in sorted(variants, key=lambda v: (v.variant, v.script_id))]
    fresh = [v for v in fresh if v.script_id not in set(heard)]
    if not fresh:
        return None
    return fresh[skip % len(fresh)]


def stage_for(calls_made: int, is_last_call: bool) -> str:
    """The stage of the next voicemail: introduce on the first call, add value on the
    second, offer a time on the third and fourth, close the file on the last call of
    the cadence (or from the fifth call on)."""
    if is_last_call or calls_made >= 4:
        return "close_file"
    return STAGES[min(max(calls_made, 0), 2)]


@dataclass(frozen=True, slots=True)
class Variant:
    script_id: str
    variant: int


def choose_variant(
    variants: Sequence[Variant], heard: Sequence[str], skip: int = 0
) -> Variant | None:
    """The variant a lead should hear: one it has not heard in the current round (the
    lowest-numbered), so no script repeats before all of the stage were used.

    `heard` lists the script ids left on this lead's voicemail, oldest first. When every
    variant was heard, a new round starts, never with the one heard last. `skip` moves
    on to the next eligible variant (the agent asked for another)."""
    if not variants:
        return None
    ordered = sorted(variants, key=lambda v: (v.variant, v.script_id))
    ids = {v.script_id for v in ordered}
    # Where the current round began: after the last moment every variant had been heard.
    round_heard: set[str] = set()
    for script_id in heard:
        if script_id not in ids:
            continue
        round_heard.add(script_id)
        if round_heard == ids:
            round_heard = set()
    eligible = [v for v in ordered if v.script_id not in round_heard]
    last = next((s for s in reversed(heard) if s in ids), None)
    if not round_heard and len(eligible) > 1 and last is not None:
        eligible = [v for v in eligible if v.script_id != last]
    return eligible[skip % len(eligible)]


@dataclass(frozen=True, slots=True)
class RenderedScript:
    script_id: str
    stage: str
    variant: int
    text: str
    words: int
    seconds: float
    too_long: bool
    variants: int  # variants in the stage
    voicemail_ok: bool = True  # False: the lead already had today's voicemail
    advice: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "script_id": self.script_id,
            "text": self.text,
            "words": self.words,
            "seconds": self.seconds,
            "stage": self.stage,
            "variant": self.variant,
            "variants": self.variants,
            "too_long": self.too_long,
            "voicemail_ok": self.voicemail_ok,
            "advice": self.advice,
        }


def rendered(
    script_id: str,
    stage: str,
    variant: int,
    variants: int,
    template: str,
    values: Mapping[str, str],
) -> RenderedScript:
    text = render(template, values)
    words = count_words(text)
    seconds = spoken_seconds(words)
    return RenderedScript(
        script_id, stage, variant, text, words, seconds, seconds > WARN_SECONDS, variants
    )
