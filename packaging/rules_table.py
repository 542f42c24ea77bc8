"""Print the README's table of calling rules from leaddesk/resources/calling_rules/*.json.

    python packaging/rules_table.py            # prints the table
    python packaging/rules_table.py --write    # replaces it in README.md between the markers

tests/unit/test_rules_table.py fails when the README's table differs from the files.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leaddesk.domain.jurisdictions import (  # noqa: E402
    CONSENT_LABELS,
    CountryRules,
    LawRule,
    parse_country,
)

START, END = "<!-- rules-table -->", "<!-- /rules-table -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _row(where: str, rule: LawRule) -> str:
    hours = rule.hours_label() if rule.days is not None else ""
    closed = {"national": "public holidays", "subdivision": "public holidays (incl. local)"}.get(
        rule.holidays or "", ""
    )
    caps = "; ".join(f"{c.max} per {c.hours} h" for c in rule.caps)
    exempt = ", ".join(
        CONSENT_LABELS[c] for c in ("inquiry", "express_written", "ebr") if c in rule.exempt
    )
    source = f"[{_cell(rule.source)}]({rule.url})" if rule.url else _cell(rule.source)
    verified = "yes" if rule.verified else "**unverified**"
    return f"| {_cell(where)} | {_cell(hours)} | {closed} | {caps} | {exempt} | {source} | {verified} |"


def table(countries: list[CountryRules]) -> str:
    lines = [
        "| where | hours (lead's local time) | closed | cap per lead | not for leads who gave | source | verified |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    empty: list[str] = []
    for country in countries:
        if not country.national.rules:
            empty.append(f"{country.name} ({country.country}, nationally)")
        for rule in country.national.rules:
            lines.append(_row(country.name, rule))
        for code, region in sorted(country.subdivisions.items()):
            if not region.rules:
                empty.append(f"{region.name} ({country.country}-{code})")
            for rule in region.rules:
                lines.append(_row(f"{region.name} ({country.country}-{code})", rule))
    text = "\n".join(lines)
    if empty:
        text += (
            "\n\nNo rule that closes time beyond their country's (each file's note says what "
            "was checked, and the consent or registry regimes that apply): "
            + ", ".join(empty)
            + "."
        )
    return text


def load() -> list[CountryRules]:
    folder = ROOT / "leaddesk" / "resources" / "calling_rules"
    return [
        parse_country(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(folder.glob("*.json"))
    ]


def main() -> None:
    text = table(load())
    if "--write" in sys.argv:
        readme = ROOT / "README.md"
        content = readme.read_text(encoding="utf-8")
        head, _, rest = content.partition(START)
        _, _, tail = rest.partition(END)
        readme.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")
    else:
        print(text)


if __name__ == "__main__":
    main()
