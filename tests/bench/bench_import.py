"""Import speed: a generated 100,000-row CSV with numbers from 60 countries in national
formats, against a baseline measured in the same process.

Baseline: parse + validate + format (E.164) the same numbers with phonenumbers,
grouped by region (the fast order for its pattern cache), plus sqlite3 `executemany`
of the same rows into a table on a file database (WAL, synchronous=FULL, one
transaction). Target: the import takes at most 2x the baseline.

Run: /work/venv/bin/python -m tests.bench.bench_import [--rows N] [--quick]
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberFormat

from leaddesk.domain.clock import fixed_clock
from leaddesk.services.importer import ImportService
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from tests.bench.leadfiles import HEADER, REGIONS, write_csv

NOW = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)


def baseline(path: Path, workdir: Path) -> tuple[float, float]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    phone_col, country_col = HEADER.index("Phone"), HEADER.index("Country")
    groups: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        groups[row[country_col]].append(row[phone_col])

    start = time.perf_counter()
    valid = 0
    for region, numbers in groups.items():
        for text in numbers:
            number = phonenumbers.parse(text, region)
            if phonenumbers.is_valid_number(number):
                phonenumbers.format_number(number, PhoneNumberFormat.E164)
                valid += 1
    parse_s = time.perf_counter() - start

    db = sqlite3.connect(workdir / "baseline.db", isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    columns = ", ".join(f"c{i} TEXT" for i in range(len(HEADER)))
    db.execute(f"CREATE TABLE lead (id INTEGER PRIMARY KEY, {columns})")
    marks = ", ".join("?" for _ in HEADER)
    names = ", ".join(f"c{i}" for i in range(len(HEADER)))
    start = time.perf_counter()
    db.execute("BEGIN")
    db.executemany(f"INSERT INTO lead ({names}) VALUES ({marks})", rows)
    db.execute("COMMIT")
    sql_s = time.perf_counter() - start
    db.close()
    assert valid == len(rows), f"{len(rows) - valid} generated numbers are not valid"
    return parse_s, sql_s


def run_import(path: Path, workdir: Path) -> tuple[float, dict[str, object]]:
    store = open_store(workdir / "leaddesk.db")
    try:
        workspace = Workspace.open(store, "bench.agent", fixed_clock(NOW))
        start = time.perf_counter()
        summary = ImportService(workspace).run(path)
        seconds = time.perf_counter() - start
    finally:
        store.close()
    return seconds, summary.to_json()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="10,000 rows")
    args = parser.parse_args()
    count = 10_000 if args.quick else args.rows
    with tempfile.TemporaryDirectory(prefix="leaddesk-bench-") as tmp:
        workdir = Path(tmp)
        path = write_csv(workdir / "leads.csv", count)
        # Load every region's metadata once, so neither side pays the first-use cost.
        for region in REGIONS:
            example = phonenumbers.example_number(region)
            if example is not None:
                phonenumbers.is_valid_number(example)
        parse_s, sql_s = baseline(path, workdir)
        import_s, summary = run_import(path, workdir)
    base = parse_s + sql_s
    print(f"rows: {count:,} ({len(REGIONS)} countries, national formats)")
    print(
        f"baseline: {base:.2f} s (phonenumbers grouped {parse_s:.2f} s + sqlite3 executemany {sql_s:.2f} s)"
    )
    print(f"import:   {import_s:.2f} s  {summary}")
    print(f"ratio import/baseline: {import_s / base:.2f}x (target <= 2.00x)")
    if summary["imported"] != count:
        raise SystemExit(f"expected {count} imported, got {summary}")


if __name__ == "__main__":
    main()
