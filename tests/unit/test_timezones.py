"""A lead's candidate time zones from its number and its address."""

from __future__ import annotations

from zoneinfo import available_timezones

import pytest

from leaddesk.domain.phone import parse_phone
from leaddesk.domain.places import COUNTRY_NAMES, COUNTRY_ZONES
from leaddesk.domain.timezones import (
    AU_STATES,
    CA_PROVINCES,
    US_STATES,
    ZONE_WORDS,
    address_zones,
    country_code,
    country_from_state,
    lead_zones,
    merge_zones,
    number_zones,
    state_code,
    zone_from_text,
)

NY, CHI, DEN, LA = "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"


def test_every_zone_in_the_tables_exists() -> None:
    known = available_timezones()
    tables = [US_STATES, CA_PROVINCES, AU_STATES]
    zones = {z for t in tables for _name, zs in t.values() for z in zs}
    zones |= {z for zs in COUNTRY_ZONES.values() for z in zs}
    zones |= set(ZONE_WORDS.values())
    assert zones - known == set()
    assert len(US_STATES) >= 51 and len(CA_PROVINCES) == 13


@pytest.mark.parametrize(
    ("country", "state", "zones"),
    [
        ("US", "NY", (NY,)),
        ("US", "Texas", (CHI, DEN)),
        ("US", "fl", (NY, CHI)),
        ("US", "Indiana", ("America/Indiana/Indianapolis", CHI)),
        ("US", "AZ", ("America/Phoenix", DEN)),
        ("CA", "ON", ("America/Toronto", "America/Winnipeg")),
        (
            "CA",
            "British Columbia",
            ("America/Vancouver", "America/Edmonton", "America/Dawson_Creek"),
        ),
        ("AU", "NSW", ("Australia/Sydney", "Australia/Broken_Hill")),
        ("DE", "Bayern", ("Europe/Berlin", "Europe/Busingen")),
        ("GB", "", ("Europe/London",)),
        ("", "NY", ()),
    ],
)
def test_address_zones(country: str, state: str, zones: tuple[str, ...]) -> None:
    assert address_zones(country, state) == zones


def test_a_country_alone_gives_all_its_civil_times() -> None:
    us = address_zones("US")
    assert NY in us and LA in us and "Pacific/Honolulu" in us
    assert len(us) == 8


def test_countries_by_code_name_alias_and_alpha3() -> None:
    assert country_code("us") == "US"
    assert country_code("United States") == "US"
    assert country_code("U.S.A.") == "US"
    assert country_code("USA") == "US"
    assert country_code("UK") == "GB"
    assert country_code("Deutschland") == "DE"
    assert country_code("CAN") == "CA"
    assert country_code("Atlantis") is None
    assert country_code("") is None
    assert len(COUNTRY_NAMES) > 240


def test_states_name_their_country_when_no_country_is_given() -> None:
    assert state_code("US", "new york") == "NY"
    assert country_from_state("Texas") == "US"
    assert country_from_state("Ontario") == "CA"
    assert country_from_state("Narnia") is None


def test_number_zones_come_from_the_area_code() -> None:
    assert number_zones(parse_phone("(212) 555-0100", "US")) == (NY,)
    assert number_zones(parse_phone("(415) 555-0100", "US")) == (LA,)
    assert number_zones(parse_phone("020 7946 0018", "GB")) == ("Europe/London",)
    assert number_zones(parse_phone("0151 23456789", "DE")) == ("Europe/Berlin",)
    # Toll-free has no place: every zone of the calling code.
    assert len(number_zones(parse_phone("1-800-555-0199", "US"))) > 5
    assert number_zones(parse_phone("12", "US")) == ()


def test_merge_rules() -> None:
    # One source only.
    assert merge_zones([NY], []) == ([NY], "number")
    assert merge_zones([], [CHI, DEN]) == ([CHI, DEN], "address")
    assert merge_zones([], []) == ([], "")
    # One refines the other: keep the refinement.
    assert merge_zones([CHI], [CHI, DEN]) == ([CHI], "both")
    assert merge_zones([NY, CHI, DEN, LA], [DEN]) == ([DEN], "both")
    # Disagreement: every candidate, so calling hours must hold in all of them.
    assert merge_zones([NY], [LA]) == ([NY, LA], "both")
    assert merge_zones([NY, CHI], [CHI, DEN]) == ([NY, CHI, DEN], "both")


def test_lead_zones_for_typical_leads() -> None:
    ny_number = parse_phone("(212) 555-0100", "US")
    assert lead_zones(ny_number, "US", "NY") == ([NY], "both")
    assert lead_zones(ny_number, "US", "CA") == ([NY, LA], "both")  # moved west, kept the number
    dallas = parse_phone("(214) 555-0100", "US")
    assert lead_zones(dallas, "US", "TX") == ([CHI], "both")
    assert lead_zones(None, "US", "TX") == ([CHI, DEN], "address")
    assert lead_zones(None, None, None) == ([], "")
    # A zone written in the file counts as the address's.
    assert lead_zones(None, None, None, "America/Denver") == ([DEN], "address")


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("America/New_York", NY),
        ("america/new_york", NY),
        ("america_slash_new_york", NY),
        ("(GMT-05:00) America/New York", NY),
        ("Eastern Time (US & Canada)", NY),
        ("PST", LA),
        ("Europe/Berlin", "Europe/Berlin"),
        ("somewhere", None),
        ("", None),
    ],
)
def test_zone_from_text(text: str, zone: str | None) -> None:
    assert zone_from_text(text) == zone


def test_number_zones_agree_with_phonenumbers_on_60_countries() -> None:
    from phonenumbers import timezone as pn_timezone

    from tests.bench.leadfiles import rows

    for row in rows(600):
        parsed = parse_phone(row[3], row[6])
        expected = tuple(
            z for z in pn_timezone.time_zones_for_number(parsed.number) if z != "Etc/Unknown"
        )
        assert number_zones(parsed) == expected, row


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("United Kingdom", "GB"), ("Czechia", "CZ"), ("Korea, Republic of", "KR"),
        ("Türkiye", "TR"), ("Turkey", "TR"), ("Bosnia and Herzegovina", "BA"),
        ("Trinidad and Tobago", "TT"), ("Saint Lucia", "LC"), ("St. Lucia", "LC"),
        ("Macao", "MO"), ("XK", "XK"), ("Kosovo", "XK"), ("GBR", "GB"), ("CZE", "CZ"),
        ("  united   kingdom ", "GB"), ("The Bahamas", "BS"), ("Russia", "RU"),
        ("Republic of Korea", "KR"), ("Nowhere", None), ("ZZ", None), ("", None),
    ],
)  # fmt: skip
def test_country_names_crms_write(text: str, code: str | None) -> None:
    assert country_code(text) == code
