"""Peak memory importing 1,000,000 rows: the import streams the file in batches, so its
peak RSS must stay under 400 MB however long the file is.

The import runs in a child process (so that generating the file does not count), and
so does a baseline child that only loads LeadDesk, phonenumbers and an empty store.
Worker processes that parse numbers for big files are children of the import child;
their peak is reported too (the sum is the whole import's footprint).

Run: /work/venv/bin/python -m tests.bench.bench_import_memory [--rows N] [--quick]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.leadfiles import write_big_csv

BUDGET_MB = 400


def _child(mode: str, path: str, db: str) -> None:
    from datetime import UTC, datetime

    import phonenumbers

    from leaddesk.domain.clock import fixed_clock
    from leaddesk.services.importer import ImportService
    from leaddesk.services.workspace import Workspace
    from leaddesk.store import open_store

    store = open_store(Path(db))
    workspace = Workspace.open(
        store, "bench.agent", fixed_clock(datetime(2026, 11, 26, tzinfo=UTC))
    )
    phonenumbers.is_valid_number(phonenumbers.parse("+12125550100"))
    summary: dict[str, object] = {}
    start = time.perf_counter()
    if mode == "import":
        summary = ImportService(workspace).run(Path(path)).to_json()
    seconds = time.perf_counter() - start
    store.close()
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"self_mb": me, "workers_mb": kids, "seconds": seconds, "summary": summary}))


def _run(mode: str, path: Path, db: Path) -> dict[str, object]:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.bench.bench_import_memory",
            "--child",
            mode,
            str(path),
            str(db),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="100,000 rows")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    count = 100_000 if args.quick else args.rows
    with tempfile.TemporaryDirectory(prefix="leaddesk-bench-mem-") as tmp:
        workdir = Path(tmp)
        path = write_big_csv(workdir / "leads.csv", count)
        size_mb = path.stat().st_size / 1e6
        base = _run("baseline", path, workdir / "base.db")
        got = _run("import", path, workdir / "import.db")
    peak = float(got["self_mb"])  # type: ignore[arg-type]
    workers = float(got["workers_mb"])  # type: ignore[arg-type]
    print(f"rows: {count:,} ({size_mb:.0f} MB file); import took {float(got['seconds']):.1f} s")  # type: ignore[arg-type]
    print(f"summary: {got['summary']}")
    print(f"baseline process (LeadDesk loaded, empty store): {float(base['self_mb']):.0f} MB")  # type: ignore[arg-type]
    print(f"import process peak RSS: {peak:.0f} MB; largest worker process: {workers:.0f} MB")
    print(f"ratio import/baseline: {peak / float(base['self_mb']):.2f}x")  # type: ignore[arg-type]
    print(f"ratio import/budget ({BUDGET_MB} MB): {peak / BUDGET_MB:.2f} (must be < 1.00)")
    print(
        f"import + worker: {peak + workers:.0f} MB ({(peak + workers) / BUDGET_MB:.2f} of the budget)"
    )


if __name__ == "__main__":
    main()
