"""Phone numbers as agents' files write them: parsed to E.164, typed, formatted back."""

from __future__ import annotations

import subprocess
import sys

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaddesk.domain.phone import (
    format_for_agent,
    format_international,
    format_national,
    normalize_region,
    parse_many,
    parse_phone,
    parse_phones,
    tel_uri,
)


@pytest.mark.parametrize(
    ("raw", "region", "e164", "kind"),
    [
        ("(212) 555-0100", "US", "+12125550100", "fixed_or_mobile"),
        ("212.555.0100", "US", "+12125550100", "fixed_or_mobile"),
        ("+1 416 555 0199", None, "+14165550199", "fixed_or_mobile"),
        ("020 7946 0018", "GB", "+442079460018", "fixed_line"),
        ("07400 123456", "GB", "+447400123456", "mobile"),
        ("0151 23456789", "DE", "+4915123456789", "mobile"),
        ("0049 30 12345678", "DE", "+493012345678", "fixed_line"),
        ("1-800-555-0199", "US", "+18005550199", "toll_free"),
        ("02 9374 4000", "AU", "+61293744000", "fixed_line"),
    ],
)
def test_national_and_international_numbers_parse_to_e164(
    raw: str, region: str | None, e164: str, kind: str
) -> None:
    parsed = parse_phone(raw, region)
    assert parsed.valid
    assert parsed.e164 == e164
    assert parsed.type == kind
    assert parsed.raw == raw


def test_extension_is_kept_apart_from_the_number() -> None:
    parsed = parse_phone("(212) 555-0100 ext. 42", "US")
    assert parsed.e164 == "+12125550100"
    assert parsed.extension == "42"
    assert format_national(parsed.e164, parsed.extension) == "(212) 555-0100 ext. 42"
    assert tel_uri(parsed.e164, parsed.extension) == "tel:+12125550100;ext=42"


@pytest.mark.parametrize(
    ("raw", "region", "why"),
    [
        ("", "US", "no phone number"),
        ("n/a", "US", "not a phone number"),
        ("12", "US", "invalid phone number '12'"),
        ("(212) 555-0100", None, "no country for this national number"),
        ("555-0100", "US", "invalid phone number"),
        ("9" * 100, "US", "too long"),
    ],
)
def test_unusable_numbers_say_why(raw: str, region: str | None, why: str) -> None:
    parsed = parse_phone(raw, region)
    assert not parsed.valid
    assert parsed.e164 is None
    assert why in parsed.error


def test_the_numbers_own_region_is_known_for_shared_calling_codes() -> None:
    assert parse_phone("+1 416 555 0199").region == "CA"
    assert parse_phone("+1 212 555 0100").region == "US"
    assert parse_phone("garbage").region is None


def test_a_cell_with_several_numbers_gives_each_number() -> None:
    numbers = parse_phones("212-555-0100 / 646 555 0199", "US")
    assert [n.e164 for n in numbers] == ["+12125550100", "+16465550199"]
    assert parse_phones("", "US") == []
    assert [n.e164 for n in parse_phones("(212) 555-0100", "US")] == ["+12125550100"]


def test_parse_many_keeps_the_callers_order_across_regions() -> None:
    items = [
        ("020 7946 0018", "GB"),
        ("(212) 555-0100", "US"),
        ("030 1234567", "DE"),
        ("bad", "US"),
        ("07400 123456", "GB"),
    ]
    assert parse_many(items) == [parse_phone(raw, region) for raw, region in items]


def test_display_formats() -> None:
    assert format_national("+442079460018") == "020 7946 0018"
    assert format_international("+442079460018") == "+44 20 7946 0018"
    assert format_for_agent("+12125550100", "US") == "(212) 555-0100"
    assert format_for_agent("+442079460018", "US") == "+44 20 7946 0018"
    assert format_national(None) == ""
    assert format_international("not a number") == "not a number"


def test_regions_are_normalized() -> None:
    assert normalize_region(" us ") == "US"
    assert normalize_region("uk") == "GB"
    assert normalize_region("XX") is None
    assert normalize_region(None) is None


# Regions whose example numbers round-trip; hypothesis varies the subscriber digits.
_REGIONS = ["US", "CA", "GB", "DE", "FR", "AU", "IN", "BR", "JP", "MX", "ES", "IT", "NL", "ZA"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_REGIONS), st.integers(min_value=0, max_value=9999))
def test_national_format_round_trips_to_the_same_e164(region: str, tail: int) -> None:
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    digits = str(example.national_number)
    number = phonenumbers.PhoneNumber(
        country_code=example.country_code,
        national_number=int(digits[:-4] + f"{tail:04d}"),
        italian_leading_zero=example.italian_leading_zero,
    )
    if not phonenumbers.is_valid_number(number):
        return
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    national = format_national(e164)
    assert parse_phone(national, region).e164 == e164
    assert parse_phone(format_international(e164), None).e164 == e164


def test_the_geocoder_is_never_imported() -> None:
    code = (
        "import sys\n"
        "import leaddesk.domain.phone, leaddesk.domain.timezones\n"
        "import leaddesk.services.importer\n"
        "from leaddesk.domain.phone import parse_phone\n"
        "from leaddesk.domain.timezones import lead_zones\n"
        "lead_zones(parse_phone('(212) 555-0100', 'US'), 'US', 'NY')\n"
        "print([m for m in sys.modules if 'geocoder' in m or 'geodata' in m])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("raw", "region"),
    [
        ("+52 1 55 1234 5678", None), ("+521 5512345678", "US"), ("044 55 1234 5678", "MX"),
        ("045 55 1234 5678", "MX"), ("1 55 1234 5678", "MX"), ("+52 55 1234 5678", None),
    ],
)  # fmt: skip
def test_old_mexican_mobile_forms_are_todays_number(raw: str, region: str | None) -> None:
    assert parse_phone(raw, region).e164 == "+525512345678"


def test_a_mexican_number_that_is_not_an_old_mobile_stays_invalid() -> None:
    assert parse_phone("+52 1 2", None).e164 is None
