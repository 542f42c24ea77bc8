"""A lead's local time zones, from its phone number and from its address.

Calling hours depend on the lead's local time, so every candidate zone is kept: a
Texas address could be Central (Dallas) or Mountain (El Paso), a New York number on a
California address could be either coast. The rules (`merge_zones`):

- number only, or address only: that source's zones;
- both, and the address's zones are among the number's: the address's;
- both, and the number's zones are among the address's: the number's when the number
  is local to the address (a Miami area code on a Florida address places the lead in
  Miami's zone), else every zone of both (a Utah number on a Nevada address says
  nothing of where in Nevada the lead lives);
- both, disagreeing: every zone of both; calling hours must hold in all of them;
- neither: no zone; the lead is not callable until an agent sets one.

Number zones come from `phonenumbers.timezone` (area code level in North America).
Address zones come from the built-in tables below (US states, Canadian provinces,
Australian states) and, for a country alone, from `leaddesk.domain.places`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from zoneinfo import available_timezones

import phonenumbers
from phonenumbers import timezone as pn_timezone

from leaddesk.domain.phone import ParsedPhone
from leaddesk.domain.places import COUNTRY_NAMES, COUNTRY_ZONES

UNKNOWN_ZONE = "Etc/Unknown"

_NY, _CHI, _DEN, _PHX, _LA = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
)

# code: (name, zones). States that span zones list each one, largest population first.
US_STATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "AL": ("Alabama", (_CHI,)),
    "AK": ("Alaska", ("America/Anchorage", "America/Adak")),
    "AZ": ("Arizona", (_PHX, _DEN)),  # the Navajo Nation keeps daylight saving time
    "AR": ("Arkansas", (_CHI,)),
    "CA": ("California", (_LA,)),
    "CO": ("Colorado", (_DEN,)),
    "CT": ("Connecticut", (_NY,)),
    "DE": ("Delaware", (_NY,)),
    "DC": ("District of Columbia", (_NY,)),
    "FL": ("Florida", (_NY, _CHI)),  # the panhandle west of the Apalachicola is Central
    "GA": ("Georgia", (_NY,)),
    "HI": ("Hawaii", ("Pacific/Honolulu",)),
    "ID": ("Idaho", ("America/Boise", _LA)),  # the north panhandle is Pacific
    "IL": ("Illinois", (_CHI,)),
    "IN": ("Indiana", ("America/Indiana/Indianapolis", _CHI)),  # NW and SW corners Central
    "IA": ("Iowa", (_CHI,)),
    "KS": ("Kansas", (_CHI, _DEN)),
    "KY": ("Kentucky", ("America/Kentucky/Louisville", _CHI)),
    "LA": ("Louisiana", (_CHI,)),
    "ME": ("Maine", (_NY,)),
    "MD": ("Maryland", (_NY,)),
    "MA": ("Massachusetts", (_NY,)),
    "MI": ("Michigan", ("America/Detroit", "America/Menominee")),
    "MN": ("Minnesota", (_CHI,)),
    "MS": ("Mississippi", (_CHI,)),
    "MO": ("Missouri", (_CHI,)),
    "MT": ("Montana", (_DEN,)),
    "NE": ("Nebraska", (_CHI, _DEN)),
    "NV": ("Nevada", (_LA, _DEN)),  # West Wendover is Mountain
    "NH": ("New Hampshire", (_NY,)),
    "NJ": ("New Jersey", (_NY,)),
    "NM": ("New Mexico", (_DEN,)),
    "NY": ("New York", (_NY,)),
    "NC": ("North Carolina", (_NY,)),
    "ND": ("North Dakota", (_CHI, _DEN)),
    "OH": ("Ohio", (_NY,)),
    "OK": ("Oklahoma", (_CHI,)),
    "OR": ("Oregon", (_LA, "America/Boise")),  # Malheur County is Mountain
    "PA": ("Pennsylvania", (_NY,)),
    "RI": ("Rhode Island", (_NY,)),
    "SC": ("South Carolina", (_NY,)),
    "SD": ("South Dakota", (_CHI, _DEN)),
    "TN": ("Tennessee", (_CHI, _NY)),
    "TX": ("Texas", (_CHI, _DEN)),  # El Paso and Hudspeth counties are Mountain
    "UT": ("Utah", (_DEN,)),
    "VT": ("Vermont", (_NY,)),
    "VA": ("Virginia", (_NY,)),
    "WA": ("Washington", (_LA,)),
    "WV": ("West Virginia", (_NY,)),
    "WI": ("Wisconsin", (_CHI,)),
    "WY": ("Wyoming", (_DEN,)),
    "PR": ("Puerto Rico", ("America/Puerto_Rico",)),
    "VI": ("U.S. Virgin Islands", ("America/St_Thomas",)),
    "GU": ("Guam", ("Pacific/Guam",)),
    "AS": ("American Samoa", ("Pacific/Pago_Pago",)),
    "MP": ("Northern Mariana Islands", ("Pacific/Saipan",)),
}

CA_PROVINCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "AB": ("Alberta", ("America/Edmonton",)),
    "BC": ("British Columbia", ("America/Vancouver", "America/Edmonton", "America/Dawson_Creek")),
    "MB": ("Manitoba", ("America/Winnipeg",)),
    "NB": ("New Brunswick", ("America/Moncton",)),
    "NL": ("Newfoundland and Labrador", ("America/St_Johns", "America/Goose_Bay")),
    "NS": ("Nova Scotia", ("America/Halifax",)),
    "NT": ("Northwest Territories", ("America/Yellowknife",)),
    "NU": ("Nunavut", ("America/Iqaluit", "America/Rankin_Inlet", "America/Cambridge_Bay")),
    "ON": ("Ontario", ("America/Toronto", "America/Winnipeg")),  # the northwest is Central
    "PE": ("Prince Edward Island", ("America/Halifax",)),
    "QC": ("Quebec", ("America/Toronto", "America/Blanc-Sablon", "America/Halifax")),
    "SK": ("Saskatchewan", ("America/Regina", "America/Edmonton")),  # Lloydminster
    "YT": ("Yukon", ("America/Whitehorse",)),
}

AU_STATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "NSW": ("New South Wales", ("Australia/Sydney", "Australia/Broken_Hill")),
    "VIC": ("Victoria", ("Australia/Melbourne",)),
    "QLD": ("Queensland", ("Australia/Brisbane",)),
    "SA": ("South Australia", ("Australia/Adelaide",)),
    "WA": ("Western Australia", ("Australia/Perth",)),
    "TAS": ("Tasmania", ("Australia/Hobart",)),
    "NT": ("Northern Territory", ("Australia/Darwin",)),
    "ACT": ("Australian Capital Territory", ("Australia/Sydney",)),
}

STATE_TABLES: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "US": US_STATES,
    "CA": CA_PROVINCES,
    "AU": AU_STATES,
}

# Names people write for countries that are not the ISO short name.
COUNTRY_ALIASES: dict[str, str] = {
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "united states of america": "US",
    "america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "deutschland": "DE",
    "españa": "ES",
    "espana": "ES",
    "méxico": "MX",
    "mexico": "MX",
    "brasil": "BR",
    "holland": "NL",
    "the netherlands": "NL",
    "schweiz": "CH",
    "suisse": "CH",
    "österreich": "AT",
    "italia": "IT",
    "south korea": "KR",
    "korea": "KR",
    "russian federation": "RU",
    "czech republic": "CZ",
    "uae": "AE",
    "hong kong sar": "HK",
    "viet nam": "VN",
    "ireland": "IE",
    # What CRMs write beyond ISO's names (pycountry covers names, official and common
    # names and the alpha codes).
    "kosovo": "XK",
    "republic of kosovo": "XK",
    "russia": "RU",
    "turkey": "TR",
    "turkiye": "TR",
    "republic of türkiye": "TR",
    "korea, south": "KR",
    "republic of korea": "KR",
    "korea (south)": "KR",
    "korea, north": "KP",
    "north korea": "KP",
    "czech rep": "CZ",
    "macau": "MO",
    "macau sar": "MO",
    "macao sar": "MO",
    "bosnia": "BA",
    "bosnia & herzegovina": "BA",
    "bosnia-herzegovina": "BA",
    "trinidad": "TT",
    "trinidad & tobago": "TT",
    "st lucia": "LC",
    "st. lucia": "LC",
    "st kitts and nevis": "KN",
    "st vincent and the grenadines": "VC",
    "antigua & barbuda": "AG",
    "ivory coast": "CI",
    "cote d'ivoire": "CI",
    "vatican": "VA",
    "vatican city": "VA",
    "laos": "LA",
    "burma": "MM",
    "swaziland": "SZ",
    "cape verde": "CV",
    "east timor": "TL",
    "macedonia": "MK",
    "the gambia": "GM",
    "the bahamas": "BS",
    "palestine": "PS",
    "u.a.e.": "AE",
    "united arab emirates (uae)": "AE",
}

# ISO 3166 alpha-3 codes as VICIdial and some CRMs write them (the common ones).
ALPHA3: dict[str, str] = {
    "USA": "US", "CAN": "CA", "MEX": "MX", "GBR": "GB", "IRL": "IE", "DEU": "DE",
    "FRA": "FR", "ESP": "ES", "PRT": "PT", "ITA": "IT", "NLD": "NL", "BEL": "BE",
    "LUX": "LU", "CHE": "CH", "AUT": "AT", "DNK": "DK", "SWE": "SE", "NOR": "NO",
    "FIN": "FI", "ISL": "IS", "POL": "PL", "CZE": "CZ", "SVK": "SK", "HUN": "HU",
    "ROU": "RO", "BGR": "BG", "GRC": "GR", "TUR": "TR", "RUS": "RU", "UKR": "UA",
    "AUS": "AU", "NZL": "NZ", "JPN": "JP", "KOR": "KR", "CHN": "CN", "HKG": "HK",
    "TWN": "TW", "SGP": "SG", "MYS": "MY", "THA": "TH", "VNM": "VN", "PHL": "PH",
    "IDN": "ID", "IND": "IN", "PAK": "PK", "ARE": "AE", "SAU": "SA", "ISR": "IL",
    "EGY": "EG", "ZAF": "ZA", "NGA": "NG", "KEN": "KE", "MAR": "MA", "BRA": "BR",
    "ARG": "AR", "CHL": "CL", "COL": "CO", "PER": "PE", "PRI": "PR", "DOM": "DO",
    "JAM": "JM", "HRV": "HR", "SVN": "SI", "SRB": "RS", "LTU": "LT", "LVA": "LV",
    "EST": "EE", "CYP": "CY", "MLT": "MT",
}  # fmt: skip

# Zone names people write instead of IANA names (HubSpot, spreadsheets).
ZONE_WORDS: dict[str, str] = {
    "eastern": _NY, "est": _NY, "edt": _NY, "et": _NY, "us/eastern": _NY,
    "central": _CHI, "cst": _CHI, "cdt": _CHI, "ct": _CHI, "us/central": _CHI,
    "mountain": _DEN, "mst": _DEN, "mdt": _DEN, "mt": _DEN, "us/mountain": _DEN,
    "arizona": _PHX, "us/arizona": _PHX,
    "pacific": _LA, "pst": _LA, "pdt": _LA, "pt": _LA, "us/pacific": _LA,
    "alaska": "America/Anchorage", "akst": "America/Anchorage", "us/alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu", "hst": "Pacific/Honolulu", "us/hawaii": "Pacific/Honolulu",
    "atlantic": "America/Halifax", "newfoundland": "America/St_Johns",
    "gmt": "Europe/London", "bst": "Europe/London", "cet": "Europe/Paris", "cest": "Europe/Paris",
}  # fmt: skip

_WORDS = re.compile(r"[^a-z0-9/]+")


@cache
def _zones_by_lower() -> dict[str, str]:
    return {z.lower(): z for z in available_timezones()}


@cache
def _country_by_name() -> dict[str, str]:
    """Lower-case names (dots left out) to alpha-2: pycountry's names, official and
    common names, then the built-in names and the aliases CRMs write."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.lower().replace(".", "")] = country.alpha_2
    names.update((name.lower().replace(".", ""), code) for code, name in COUNTRY_NAMES.items())
    names.update((alias.replace(".", ""), code) for alias, code in COUNTRY_ALIASES.items())
    return names


@cache
def _alpha3() -> dict[str, str]:
    import pycountry

    codes = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    codes.update(ALPHA3)
    return codes


@cache
def _regions() -> frozenset[str]:
    """Every alpha-2 code known: ISO's, the built-in table's, and every region
    phonenumbers supports (XK for Kosovo among them)."""
    import pycountry

    return (
        frozenset({c.alpha_2 for c in pycountry.countries} | set(COUNTRY_NAMES))
        | phonenumbers.SUPPORTED_REGIONS
    )


@lru_cache(maxsize=2048)
def country_code(text: str | None) -> str | None:
    """The ISO 3166 alpha-2 code for what a file says in its country column: a code
    (alpha-2, alpha-3, or a region phonenumbers knows), an ISO name, official or common
    name ("Korea, Republic of", "Czechia", "Türkiye"), or what CRMs write ("UK")."""
    if not text:
        return None
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    upper = cleaned.upper().replace(".", "")
    if len(upper) == 2 and upper.isalpha():
        return "GB" if upper == "UK" else (upper if upper in _regions() else None)
    if len(upper) == 3 and upper.isalpha() and upper in _alpha3():
        return _alpha3()[upper]
    lower = cleaned.lower().replace(".", "")
    names = _country_by_name()
    found = names.get(lower)
    if found is None and lower.startswith("the "):
        found = names.get(lower[4:])
    return found


def state_code(country: str | None, state: str | None) -> str | None:
    """The table code of a state or province ("Texas" -> "TX") for US, CA and AU."""
    if not state:
        return None
    table = STATE_TABLES.get(country or "")
    if table is None:
        return None
    cleaned = state.strip()
    upper = cleaned.upper().replace(".", "")
    if upper in table:
        return upper
    lower = cleaned.lower()
    for code, (name, _zones) in table.items():
        if name.lower() == lower:
            return code
    return None


def country_from_state(state: str | None) -> str | None:
    """ "US" or "CA" when a state or province names only one of them (no country given)."""
    if not state:
        return None
    hits = [c for c in ("US", "CA") if state_code(c, state) is not None]
    return hits[0] if len(hits) == 1 else None


def address_zones(country: str | None, state: str | None = None) -> tuple[str, ...]:
    """Zones of an address: the state's where the table knows it, else the country's."""
    if not country:
        return ()
    code = state_code(country, state)
    if code is not None:
        return STATE_TABLES[country][code][1]
    return COUNTRY_ZONES.get(country, ())


def zone_from_text(text: str | None) -> str | None:
    """An IANA zone from a file's time zone cell: "America/New_York",
    "america_slash_new_york" (HubSpot), "(GMT-05:00) Eastern Time", "EST"."""
    if not text:
        return None
    lower = text.strip().lower().replace("_slash_", "/")
    if not lower:
        return None
    zones = _zones_by_lower()
    for candidate in (lower, lower.replace(" ", "_")):
        if candidate in zones:
            return zones[candidate]
    # "(GMT-05:00) America/New York" or "Eastern Time (US & Canada)"
    without_offset = re.sub(r"\((?:gmt|utc)[^)]*\)", " ", lower).strip()
    for candidate in (without_offset, without_offset.replace(" ", "_")):
        if candidate in zones:
            return zones[candidate]
    for word in _WORDS.split(without_offset):
        if word in ZONE_WORDS:
            return ZONE_WORDS[word]
        if "/" in word and word in zones:
            return zones[word]
    return None


def number_zones(phone: ParsedPhone) -> tuple[str, ...]:
    """Zones of a parsed number from phonenumbers' data; () when it knows none."""
    number = phone.number
    if number is None or phone.e164 is None:
        return ()
    calling_code = number.country_code or 0
    if _geographical(phone.type, calling_code):
        zones = _geographical_zones(phone.e164)
        if calling_code == 1:
            from leaddesk.domain.jurisdictions import area_code_extra_zones

            extra = area_code_extra_zones(phone.e164)
            zones = zones + tuple(z for z in extra if z not in zones)
        return zones
    return _country_zones(calling_code)


@cache
def _geographical(kind_name: str, calling_code: int) -> bool:
    kind = _PN_TYPES.get(kind_name)
    return kind is not None and phonenumbers.is_number_type_geographical(kind, calling_code)


# phonenumbers' prefix table, looked up on the E.164 text we already have (the
# library's own function formats the number again for every lookup).
_TZ_DATA: dict[str, tuple[str, ...]] | None = getattr(pn_timezone, "TIMEZONE_DATA", None)
_TZ_LONGEST: int = int(getattr(pn_timezone, "TIMEZONE_LONGEST_PREFIX", 0) or 0)


@cache
def _prefix_lengths(head: str) -> tuple[int, ...]:
    """The lengths of the table's prefixes a number starting with these three digits
    can match, longest first (a number needs to try only those)."""
    data = _TZ_DATA or {}
    return tuple(
        sorted({len(k) for k in data if k.startswith(head) or head.startswith(k)}, reverse=True)
    )


def _geographical_zones(e164: str) -> tuple[str, ...]:
    if _TZ_DATA is None or not _TZ_LONGEST:
        number = phonenumbers.parse(e164, None)
        return _known(tuple(pn_timezone.time_zones_for_geographical_number(number)))
    digits = e164[1:]
    size = len(digits)
    for length in _prefix_lengths(digits[:3]):
        if length <= size:
            found = _TZ_DATA.get(digits[:length])
            if found is not None:
                return _known(tuple(found))
    return ()


@cache
def _known(zones: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(z for z in zones if z != UNKNOWN_ZONE)


@cache
def _country_zones(calling_code: int) -> tuple[str, ...]:
    """Zones of a whole calling code (for mobiles, toll-free and other non-geographic
    numbers), as `phonenumbers.timezone` gives them."""
    code = str(calling_code)
    if _TZ_DATA is None:
        number = phonenumbers.parse(f"+{code}", None)
        return _known(tuple(pn_timezone.time_zones_for_number(number)))
    for length in range(len(code), 0, -1):
        found = _TZ_DATA.get(code[:length])
        if found is not None:
            return _known(tuple(found))
    return ()


_PN_TYPES = {
    "fixed_line": phonenumbers.PhoneNumberType.FIXED_LINE,
    "mobile": phonenumbers.PhoneNumberType.MOBILE,
    "fixed_or_mobile": phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def merge_zones(
    from_number: tuple[str, ...] | list[str],
    from_address: tuple[str, ...] | list[str],
    number_is_local: bool = True,
) -> tuple[list[str], str]:
    """(every candidate zone, tz_source) per the rules in the module docstring."""
    num = list(dict.fromkeys(from_number))
    addr = list(dict.fromkeys(from_address))
    if num and addr:
        if set(addr) <= set(num):
            return addr, "both"
        if set(num) <= set(addr) and number_is_local:
            return num, "both"
        # Disagreeing, or a number from elsewhere: a Utah number on a Nevada address may
        # be in Las Vegas (Pacific) though Nevada has a Mountain corner too, and calling
        # at 8:00 Mountain would be 7:00 there.
        return num + [z for z in addr if z not in num], "both"
    if num:
        return num, "number"
    if addr:
        return addr, "address"
    return [], ""


def lead_zones(
    phone: ParsedPhone | None,
    country: str | None,
    state: str | None,
    zone_text: str | None = None,
) -> tuple[list[str], str]:
    """A lead's candidate zones and their source. A zone written in the file counts as
    what the address says (the source system knew where the lead is)."""
    from leaddesk.domain.jurisdictions import number_jurisdictions

    codes = number_jurisdictions(phone.e164) if phone is not None else ()
    zones, source = _lead_zones(
        number_zones(phone) if phone is not None else (), country, state, zone_text, codes
    )
    return list(zones), source


@lru_cache(maxsize=4096)
def _lead_zones(
    from_number: tuple[str, ...],
    country: str | None,
    state: str | None,
    zone_text: str | None,
    number_codes: tuple[str, ...] = (),
) -> tuple[tuple[str, ...], str]:
    """`lead_zones` once per distinct (number zones, country, state, zone cell, number's
    jurisdictions): an import asks the same question for most of its rows."""
    written = zone_from_text(zone_text)
    addr: tuple[str, ...] = (written,) if written else address_zones(country, state)
    sub = state_code(country, state) if country else None
    local = (
        written is not None
        or sub is None
        or not number_codes
        or f"{country}-{sub}" in number_codes
        or any("-" not in code for code in number_codes)
    )
    zones, source = merge_zones(from_number, addr, local)
    return tuple(zones), source
