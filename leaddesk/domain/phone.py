"""Phone numbers: parse what people type into E.164, tell the number type, keep the
extension, and format numbers for display.

Built on `phonenumbers`. Its geocoder (about 100 MB of place names) is never imported:
time zones come from `phonenumbers.timezone` (see `leaddesk.domain.timezones`).

Speed: `phonenumbers` compiles its metadata patterns with `re.compile`, whose cache
holds 512 patterns. A file mixing 50 countries needs more than that, and parsing it
row by row recompiles patterns all the time (many times slower). `parse_many` groups a
batch by region before parsing, and `enable_fast_parsing` turns on the library's own
unbounded pattern cache where the installed version has it (the patterns come from
fixed metadata, so the cache is bounded by the metadata's size).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat, PhoneNumberType

MAX_PHONE_CHARS = 80

PHONE_TYPES: dict[int, str] = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
    PhoneNumberType.UNKNOWN: "unknown",
}

# Words people use for the types, for the UI.
PHONE_TYPE_LABELS: dict[str, str] = {
    "fixed_line": "landline",
    "mobile": "mobile",
    "fixed_or_mobile": "landline or mobile",
    "toll_free": "toll-free",
    "premium_rate": "premium rate",
    "shared_cost": "shared cost",
    "voip": "VoIP",
    "personal": "personal number",
    "pager": "pager",
    "uan": "company number",
    "voicemail": "voicemail access",
    "unknown": "unknown type",
}

# Where one cell holds several numbers: "212 555 0100 / 646 555 0199", "a; b", "a, b".
_SPLIT = re.compile(r"\s*(?:[;/|,\n]|\s(?:or|and)\s)\s*", re.IGNORECASE)
_DIGIT = re.compile(r"\d")

_fast_parsing = False


def enable_fast_parsing() -> None:
    """Keep every compiled `phonenumbers` pattern (see the module docstring)."""
    global _fast_parsing
    if _fast_parsing:
        return
    enable = getattr(phonenumbers, "enable_pattern_cache", None)
    if callable(enable):
        enable()
    _fast_parsing = True


@dataclass(frozen=True, slots=True)
class ParsedPhone:
    """One number as typed (`raw`) and what it turned out to be."""

    raw: str
    e164: str | None = None
    type: str = "unknown"
    extension: str = ""
    error: str = ""  # why the number is not usable, in words for the rejects file
    number: PhoneNumber | None = field(default=None, compare=False, repr=False)

    @property
    def valid(self) -> bool:
        return self.e164 is not None

    @property
    def region(self) -> str | None:
        """The number's own region ("CA" for +1 416 ...). Computed on demand: for a
        shared calling code (+1, +44, +7) it costs another pattern match."""
        if self.number is None or self.e164 is None:
            return None
        return phonenumbers.region_code_for_number(self.number)


def normalize_region(text: str | None) -> str | None:
    """An ISO 3166 alpha-2 region code phonenumbers knows ("us" -> "US"), else None."""
    if not text:
        return None
    code = text.strip().upper()
    if code == "UK":
        code = "GB"
    return code if code in phonenumbers.SUPPORTED_REGIONS else None


def parse_phone(raw: str, region: str | None = None) -> ParsedPhone:
    """Parse one number; `region` is where a national number is dialed from.

    Never raises: a number that cannot be used comes back with `e164` None and an
    `error` that says why.
    """
    text = raw.strip()
    if not text:
        return ParsedPhone(raw, error="no phone number")
    if len(text) > MAX_PHONE_CHARS:
        return ParsedPhone(raw[:MAX_PHONE_CHARS], error="phone number too long")
    if not _DIGIT.search(text):
        return ParsedPhone(raw, error=f"not a phone number: {text!r}")
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException as exc:
        if exc.error_type == NumberParseException.INVALID_COUNTRY_CODE:
            if region is None:
                why = "no country for this national number (give a country column or a default region)"
            else:
                why = "unknown country code"
            return ParsedPhone(raw, error=f"invalid phone number {text!r}: {why}")
        return ParsedPhone(raw, error=f"invalid phone number {text!r}")
    kind = phonenumbers.number_type(number)
    if kind == PhoneNumberType.UNKNOWN and number.country_code == 52:
        number, kind = _old_mexican_mobile(number, kind)
    if kind == PhoneNumberType.UNKNOWN:
        # number_type is UNKNOWN exactly when is_valid_number is False.
        return ParsedPhone(raw, error=f"invalid phone number {text!r}", number=number)
    return ParsedPhone(
        raw,
        e164=phonenumbers.format_number(number, PhoneNumberFormat.E164),
        type=PHONE_TYPES.get(kind, "unknown"),
        extension=(number.extension or "")[:20],
        number=number,
    )


def _old_mexican_mobile(number: PhoneNumber, kind: int) -> tuple[PhoneNumber, int]:
    """Mexico dropped the mobile prefixes in 2019: "+52 1 55 1234 5678" (the "1" dialed
    from abroad) and "044 55 1234 5678" / "045 ..." (from within) are today's
    +52 55 1234 5678. Anything else comes back as it was."""
    digits = str(number.national_number)
    if len(digits) == 11 and digits.startswith("1"):
        rest = digits[1:]
    elif len(digits) == 12 and digits.startswith(("44", "45")):
        rest = digits[2:]
    else:
        return number, kind
    modern = phonenumbers.parse("+52" + rest, None)
    if number.extension:
        modern.extension = number.extension
    modern_kind = phonenumbers.number_type(modern)
    if modern_kind == PhoneNumberType.UNKNOWN:
        return number, kind
    return modern, modern_kind


def parse_phones(raw: str, region: str | None = None) -> list[ParsedPhone]:
    """Every number in a cell. A cell that parses as one number is one number; else it
    is split on / ; , | and "or". An empty cell gives an empty list."""
    text = raw.strip()
    if not text:
        return []
    whole = parse_phone(text, region)
    if whole.valid or not _SPLIT.search(text):
        return [whole]
    parts = [p for p in _SPLIT.split(text) if p.strip()]
    return [parse_phone(p, region) for p in parts]


def parse_many(items: Sequence[tuple[str, str | None]]) -> list[ParsedPhone]:
    """Parse (raw, region) pairs, returning results in the same order.

    The work is done region by region, which keeps `re`'s pattern cache warm.
    """
    enable_fast_parsing()
    regions = [region or "" for _, region in items]
    order = sorted(range(len(items)), key=regions.__getitem__)
    results: list[ParsedPhone | None] = [None] * len(items)
    for i in order:
        raw, region = items[i]
        results[i] = parse_phone(raw, region)
    return [r for r in results if r is not None]


def _number(e164: str) -> PhoneNumber | None:
    try:
        return phonenumbers.parse(e164, None)
    except NumberParseException:
        return None


def _with_ext(text: str, ext: str) -> str:
    return f"{text} ext. {ext}" if ext else text


def format_national(e164: str | None, ext: str = "") -> str:
    """ "(212) 555-0100" for +12125550100: how the number is written in its country."""
    if not e164:
        return ""
    number = _number(e164)
    if number is None:
        return e164
    return _with_ext(phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL), ext)


def format_international(e164: str | None, ext: str = "") -> str:
    """ "+1 212-555-0100": readable from anywhere."""
    if not e164:
        return ""
    number = _number(e164)
    if number is None:
        return e164
    return _with_ext(phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL), ext)


def format_for_agent(e164: str | None, agent_region: str | None, ext: str = "") -> str:
    """National format when the number is in the agent's own country, else international."""
    if not e164:
        return ""
    number = _number(e164)
    if number is None:
        return e164
    same = agent_region is not None and phonenumbers.region_code_for_number(number) == agent_region
    fmt = PhoneNumberFormat.NATIONAL if same else PhoneNumberFormat.INTERNATIONAL
    return _with_ext(phonenumbers.format_number(number, fmt), ext)


def tel_uri(e164: str, ext: str = "") -> str:
    """The RFC 3966 URI a softphone understands: tel:+12125550100;ext=12."""
    return f"tel:{e164};ext={ext}" if ext else f"tel:{e164}"


def region_of(e164: str | None) -> str | None:
    """The region a number belongs to ("CA" for +1 416 ...), None when unknown."""
    number = _number(e164) if e164 else None
    return phonenumbers.region_code_for_number(number) if number is not None else None


def dial_regions() -> list[str]:
    """Every region code phonenumbers knows, sorted (for a region picker)."""
    return sorted(phonenumbers.SUPPORTED_REGIONS)


def unique(numbers: Iterable[str]) -> list[str]:
    """Numbers in first-seen order without repeats."""
    seen: dict[str, None] = {}
    for n in numbers:
        seen.setdefault(n, None)
    return list(seen)
