"""Import speed: a generated 100,000-row CSV with numbers from 60 countries in national
formats, against a baseline measured in the same process.

Baseline: parse + validate + format (E.164) the same numbers with phonenumbers,
grouped by region (the fast order for its pattern cache), plus sqlite3 `executemany`
of the same lead rows (every column, as the import stores them) into a table with the
store's `lead` schema, indexes and triggers (with the tables those triggers write into
or read, `_lead_schema`) on a file database (WAL, synchronous=FULL, foreign keys on, one
transaction). Target: the import takes at most 2x the baseline.

Both wall time and CPU time are reported (CPU time counts the worker processes that
parse numbers for big files): on a shared, busy machine the CPU ratio is the steadier
figure, on an idle one the wall ratio is what the agent waits. `--repeat N` keeps the
best of N runs of each side.

Run: /work/venv/bin/python -m tests.bench.bench_import [--rows N] [--quick] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import resource
import sqlite3
import tempfile
import time
import uuid
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberFormat

from leaddesk.domain.clock import fixed_clock
from leaddesk.domain.places import COUNTRY_ZONES
from leaddesk.services.importer import IMPORT_CACHE_KIB, ImportService
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from tests.bench.leadfiles import HEADER, REGIONS, write_csv

NOW = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


# Creation order: a trigger (and a view) may only name what exists when it first runs.
_DDL_ORDER = {"table": 0, "index": 1, "view": 2, "trigger": 3}
_NAME = re.compile(r'"((?:[^"]|"")+)"|\[([^\]]+)\]|`([^`]+)`|\b([A-Za-z_][A-Za-z0-9_$]*)\b')


def _names_in(sql: str) -> set[str]:
    """Every identifier a statement writes, bare or quoted, in lower case."""
    return {
        next(g for g in m.groups() if g is not None).replace('""', '"').lower()
        for m in _NAME.finditer(sql)
    }


def _lead_schema(workdir: Path) -> list[str]:
    """The DDL the store runs when a row goes into `lead`, as the migrations create it
    (so the baseline writes into the same schema and pays the same per-row work): the
    `lead` table, its indexes and triggers, the tables its foreign keys name, and
    every table or view a trigger writes into or reads, with their own indexes,
    triggers and foreign keys in turn. Tables first, then indexes, views and triggers,
    so each statement finds what it names."""
    store = open_store(workdir / "schema.db")
    store.close()
    db = sqlite3.connect(workdir / "schema.db")
    try:
        objects = db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master "
            "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        ).fetchall()
        relations = {name.lower() for kind, name, _t, _s in objects if kind in ("table", "view")}
        needed: set[str] = set()
        todo = ["lead"]
        while todo:
            name = todo.pop()
            if name in needed:
                continue
            needed.add(name)
            refs: set[str] = set()
            for row in db.execute("SELECT * FROM pragma_foreign_key_list(?)", (name,)):
                refs.add(str(row[2]).lower())  # the parent table
            for kind, obj, table, sql in objects:
                if kind == "trigger" and table.lower() == name:
                    refs |= _names_in(sql) & relations  # what the trigger writes or reads
                elif kind == "view" and obj.lower() == name:
                    refs |= _names_in(sql) & relations
            todo.extend(refs - needed)
        chosen = [o for o in objects if o[2].lower() in needed]
        chosen.sort(key=lambda o: (_DDL_ORDER[o[0]], o[1]))
        return [sql for _kind, _name, _table, sql in chosen]
    finally:
        db.close()


def _stored(value: datetime) -> str:
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _lead_rows(
    rows: list[list[str]], e164: dict[tuple[str, str], str], owner: str
) -> list[tuple[object, ...]]:
    """The rows the import writes into `lead` (every column, as stored), prepared outside
    the timed part."""
    col = {name: HEADER.index(name) for name in HEADER}
    now = _stored(NOW)
    out = []
    for row in rows:
        phone, country = row[col["Phone"]], row[col["Country"]]
        created = _stored(datetime.fromisoformat(row[col["Created Date"]]).replace(tzinfo=UTC))
        zones = json.dumps(list(COUNTRY_ZONES.get(country, ())[:1]))
        out.append(
            (str(uuid.uuid4()), "csv", None, row[col["First Name"]], row[col["Last Name"]],
             row[col["Company"]], "", row[col["Email"]], phone, e164[phone, country], "fixed_line", "",
             0, "[]", "", row[col["City"]], "", "", country, zones, "number", created, owner,
             "new", 0, created, "phone", None, 0, 0, 0, None, None, None, "", "[]", now, now,
             1, None, json.dumps([country]), "none", "", None, "", "", "{}", 0)
        )  # fmt: skip
    return out


def baseline(path: Path, workdir: Path, run: int) -> tuple[float, float, float]:
    """Parse + validate + format the numbers grouped by region, then sqlite3
    `executemany` of the same lead rows into a table with the store's `lead` schema
    (same columns, primary key, indexes, triggers, foreign keys on) with the store's pragmas
    and the import's page cache,
    in one transaction."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    phone_col, country_col = HEADER.index("Phone"), HEADER.index("Country")
    groups: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        groups[row[country_col]].append(row[phone_col])
    schema = _lead_schema(workdir)

    cpu = _cpu()
    start = time.perf_counter()
    e164: dict[tuple[str, str], str] = {}
    for region, numbers in groups.items():
        for text in numbers:
            number = phonenumbers.parse(text, region)
            if phonenumbers.is_valid_number(number):
                e164[text, region] = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    parse_s = time.perf_counter() - start
    cpu = _cpu() - cpu
    assert len(e164) == len(rows), f"{len(rows) - len(e164)} generated numbers are not valid"

    owner = str(uuid.uuid4())
    leads = _lead_rows(rows, e164, owner)
    db_path = workdir / f"baseline{run}.db"
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    # The import's own page cache, so neither side spills pages to the WAL more.
    db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    for sql in schema:
        db.execute(sql)
    db.execute(
        "INSERT INTO agent VALUES (?, 'bench.agent', '', '', '', 0, ?)", (owner, _stored(NOW))
    )
    marks = ", ".join("?" for _ in leads[0])
    cpu_sql = _cpu()
    start = time.perf_counter()
    db.execute("BEGIN")
    db.executemany(f"INSERT INTO lead VALUES ({marks})", leads)
    db.execute("COMMIT")
    sql_s = time.perf_counter() - start
    cpu += _cpu() - cpu_sql
    db.close()
    return parse_s, sql_s, cpu


def run_import(
    path: Path, workdir: Path, run: int, workers: int | None = None
) -> tuple[float, float, dict[str, object]]:
    store = open_store(workdir / f"leaddesk{run}.db")
    try:
        workspace = Workspace.open(store, "bench.agent", fixed_clock(NOW))
        cpu = _cpu()
        start = time.perf_counter()
        summary = ImportService(workspace, workers=workers).run(path)
        seconds = time.perf_counter() - start
        cpu = _cpu() - cpu
    finally:
        store.close()
    return seconds, cpu, summary.to_json()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="10,000 rows")
    parser.add_argument("--repeat", type=int, default=1, help="keep the best of N runs")
    parser.add_argument(
        "--workers", type=int, help="worker processes (default: by file size; 0: in-process)"
    )
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
        bases, imports = [], []
        for run in range(max(1, args.repeat)):
            bases.append(baseline(path, workdir, run))
            imports.append(run_import(path, workdir, run, args.workers))
    parse_s, sql_s, _cpu_s = min(bases, key=lambda b: b[0] + b[1])
    import_s, _cpu_i, summary = min(imports, key=lambda i: i[0])
    base = parse_s + sql_s
    base_cpu = min(b[2] for b in bases)
    import_cpu = min(i[1] for i in imports)
    print(f"rows: {count:,} ({len(REGIONS)} countries, national formats), best of {len(bases)}")
    print(
        f"baseline: {base:.2f} s wall, {base_cpu:.2f} s CPU "
        f"(phonenumbers grouped {parse_s:.2f} s + sqlite3 executemany {sql_s:.2f} s)"
    )
    print(f"import:   {import_s:.2f} s wall, {import_cpu:.2f} s CPU  {summary}")
    print(f"ratio import/baseline, wall: {import_s / base:.2f}x (target <= 2.00x)")
    print(f"ratio import/baseline, CPU:  {import_cpu / base_cpu:.2f}x")
    if summary["imported"] != count:
        raise SystemExit(f"expected {count} imported, got {summary}")


if __name__ == "__main__":
    main()
