"""Generated lead files for the import benchmarks and tests: real-looking rows with valid
numbers from many countries, written in each country's national format."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

# 60 regions from every continent (national formats differ a lot between them).
REGIONS = (
    "US", "CA", "MX", "BR", "AR", "CL", "CO", "PE", "GB", "IE", "FR", "DE", "NL", "BE", "LU",
    "CH", "AT", "IT", "ES", "PT", "DK", "SE", "NO", "FI", "IS", "PL", "CZ", "SK", "HU", "RO",
    "BG", "GR", "HR", "SI", "EE", "LV", "LT", "UA", "TR", "IL", "AE", "SA", "EG", "MA", "ZA",
    "NG", "KE", "IN", "PK", "SG", "MY", "TH", "VN", "PH", "ID", "JP", "KR", "HK", "AU", "NZ",
)  # fmt: skip
HEADER = ["First Name", "Last Name", "Company", "Phone", "Email", "City", "Country", "Created Date"]
FIRST = (
    "Ada",
    "Ben",
    "Chloe",
    "Dev",
    "Eva",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jon",
    "Kemi",
    "Lars",
)
LAST = ("Okafor", "Smith", "Müller", "García", "Rossi", "Tanaka", "Kim", "Singh", "Silva", "Novak")


def number_pool(region: str, count: int, rng: random.Random) -> list[str]:
    """`count` distinct valid numbers of the region, in national format."""
    examples = [
        phonenumbers.example_number_for_type(region, kind)
        for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE)
    ]
    bases = [e for e in examples if e is not None]
    seen: set[str] = set()
    out: list[str] = []
    tries = 0
    while len(out) < count and tries < count * 20:
        tries += 1
        base = rng.choice(bases)
        digits = str(base.national_number)
        tail = min(4, len(digits) - 2)
        national = digits[:-tail] + "".join(rng.choice("0123456789") for _ in range(tail))
        number = phonenumbers.PhoneNumber(
            country_code=base.country_code,
            national_number=int(national),
            italian_leading_zero=base.italian_leading_zero,
            number_of_leading_zeros=base.number_of_leading_zeros,
        )
        if not phonenumbers.is_valid_number(number):
            continue
        text = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


def rows(count: int, seed: int = 11, regions: tuple[str, ...] = REGIONS) -> Iterator[list[str]]:
    """Lead rows (HEADER order); each country's numbers are valid and distinct."""
    rng = random.Random(seed)
    per_region = count // len(regions) + 1
    pools = {r: number_pool(r, per_region, rng) for r in regions}
    order = [r for r in regions for _ in range(len(pools[r]))]
    rng.shuffle(order)
    used = dict.fromkeys(regions, 0)
    for index, region in enumerate(order[:count]):
        phone = pools[region][used[region]]
        used[region] += 1
        first, last = rng.choice(FIRST), rng.choice(LAST)
        yield [
            first,
            last,
            f"Company {index % 997}",
            phone,
            f"{first}.{last}.{index}@example.com".lower(),
            "",
            region,
            f"2026-0{1 + index % 9}-1{index % 10} 09:{index % 60:02d}",
        ]


def write_csv(path: Path, count: int, seed: int = 11) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows(count, seed))
    return path


def write_big_csv(path: Path, count: int) -> Path:
    """A file of `count` rows with distinct US, Canadian, UK and German numbers, written
    without holding the rows in memory (for the 1,000,000-row memory benchmark)."""
    areas = ("212", "312", "415", "617", "713", "305", "206", "303", "404", "602")
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for i in range(count):
            kind = i % 4
            if kind == 3:
                phone, country = f"030 {1000000 + i // 4:08d}", "DE"
            elif kind == 2:
                phone, country = f"020 7{(i // 4) % 1000:03d} {(i // 4000) % 10000:04d}", "GB"
            else:
                n = i // 4 * 2 + kind
                phone = f"({areas[n % 10]}) {200 + (n // 10) % 800}-{(n // 8000) % 10000:04d}"
                country = "US"
            writer.writerow(
                [FIRST[i % 12], LAST[i % 10], f"Company {i % 997}", phone,
                 f"lead{i}@example.com", "", country, "2026-11-01 09:00"]
            )  # fmt: skip
    return path
