"""Bench: the agent window's call list against a bare QTableView, in one process.

1. Start to call list painted with 100,000 leads: our window (MainWindow: engine SQL,
   batches, every panel) against a baseline of a bare QTableView over a plain model
   of the same listed rows read with sqlite3. Two baselines are printed: all listed
   rows (the naive way), and only the first screenful (the cheapest possible start).
   Target: at most 2x the all-rows baseline.
2. With 1,000,000 leads: peak memory of the process (target under 300 MB) and rows
   held by the model after scrolling to the end repeatedly (never all of them).

Leads are written with raw sqlite3 inserts in a child process, so that the measuring
process's peak memory is the window's alone.

    python -m tests.bench.bench_gui_calllist [--quick] [--leads N] [--big N]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

NOW = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)
ZONES = (
    '["America/New_York"]',
    '["America/Chicago"]',
    '["America/Denver"]',
    '["America/Los_Angeles"]',
    '["America/Phoenix"]',
)
FIRST = ("Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Priya", "Wei", "Fatima", "Diego")
LAST = ("Smith", "Garcia", "Nguyen", "Patel", "Kim", "Brown", "Lopez", "Chen", "Adams", "Hall")


def _ts(value: datetime) -> str:
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def generate(path: Path, leads: int, seed: int = 11) -> None:
    """A migrated database with one agent and `leads` leads (raw inserts, in batches)."""
    import sqlite3

    from leaddesk.services.workspace import Workspace
    from leaddesk.store import open_store

    store = open_store(path)
    agent_id = Workspace.open(store, "bench.agent").agent.id
    store.close()
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    sql = (
        "INSERT INTO lead (id, source, first_name, last_name, company, title, phone_raw, "
        "phone_e164, phone_type, phone_ext, phone_bad, alt_phones, address, city, state, "
        "postal_code, country, time_zones, tz_source, arrived_at, owner_id, status, "
        "do_not_call, next_action_at, next_channel, cadence_step, attempt_count, call_count, "
        "notes, edited_fields, created_at, updated_at, version) VALUES "
        "(?, 'bench', ?, ?, ?, '', ?, ?, 'fixed_line', '', 0, '[]', '', '', '', '', 'US', ?, "
        "'number', ?, ?, ?, 0, ?, ?, ?, ?, ?, '', '[]', ?, ?, 1)"
    )
    batch: list[tuple[Any, ...]] = []
    for i in range(leads):
        arrived = NOW - timedelta(minutes=rng.randint(1, 60 * 24 * 40))
        attempts = 0 if rng.random() < 0.1 else rng.randint(1, 7)
        status = "new" if attempts == 0 else rng.choice(("working", "working", "reached"))
        nxt = arrived if attempts == 0 else NOW + timedelta(minutes=rng.randint(-5000, 20000))
        channel = "phone" if attempts % 2 == 0 else rng.choice(("phone", "email", "sms"))
        number = f"+1212{rng.randint(2000000, 9999999)}"
        batch.append(
            (
                str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                rng.choice(FIRST),
                rng.choice(LAST),
                f"Company {i % 5000}",
                number,
                number,
                ZONES[i % len(ZONES)],
                _ts(arrived),
                agent_id,
                status,
                _ts(nxt),
                channel,
                attempts,
                attempts,
                attempts,
                _ts(arrived),
                _ts(arrived),
            )
        )
        if len(batch) == 20_000:
            con.executemany(sql, batch)
            batch.clear()
    if batch:
        con.executemany(sql, batch)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def _generate_in_child(path: Path, leads: int) -> None:
    code = (
        "import sys; from pathlib import Path; from tests.bench.bench_gui_calllist import "
        f"generate; generate(Path({str(path)!r}), {leads})"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- the measured side ---------------------------------------------------------------------


def _peak_mb() -> float:
    """This process's peak resident memory. VmHWM, where Linux gives it: ru_maxrss is
    carried over from the parent through fork and exec (part 1's window would count)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _setup_qt() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from leaddesk.ui.app import create_app

    return create_app()


class _PaintWatch:
    """Notes the first paint of a view's viewport that shows rows."""

    def __init__(self, view: Any, model: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self

        class Filter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint and model.rowCount() > 0 and not watch.at:
                    watch.at = time.perf_counter()
                return False

        self.at = 0.0
        self._filter = Filter()
        view.viewport().installEventFilter(self._filter)


def _wait(app: Any, until: Any, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish in time")
        app.processEvents()
        time.sleep(0.0005)


def baseline_run(app: Any, path: Path, owner_id: str, first_page_only: bool) -> float:
    """A bare QTableView over a plain model of the listed rows read with sqlite3."""
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QTableView

    start = time.perf_counter()
    con = sqlite3.connect(path)
    limit = " LIMIT 200" if first_page_only else ""
    rows = con.execute(
        "SELECT first_name || ' ' || last_name, company, status, time_zones, attempt_count, "
        "next_action_at, next_channel FROM lead WHERE owner_id = ? AND deleted_at IS NULL "
        "AND status NOT IN ('qualified', 'not_interested', 'do_not_call', 'bad_number', "
        f"'finished') ORDER BY next_action_at{limit}",
        (owner_id,),
    ).fetchall()
    con.close()

    class Plain(QAbstractTableModel):
        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return len(rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 7

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(rows[index.row()][index.column()])
            return None

    model = Plain()
    view = QTableView()
    view.setModel(model)
    view.resize(1440, 900)
    watch = _PaintWatch(view, model)
    view.show()
    _wait(app, lambda: watch.at)
    elapsed = watch.at - start
    view.close()
    view.deleteLater()
    app.processEvents()
    return elapsed


def window_run(app: Any, path: Path) -> tuple[float, Any, Any]:
    """Our window from its constructor to the call list painted."""
    from leaddesk.dialer.tel import TelDialer
    from leaddesk.domain.clock import fixed_clock
    from leaddesk.services.workspace import Workspace
    from leaddesk.store import open_store
    from leaddesk.ui.agent.window import MainWindow
    from leaddesk.ui.backend import Backend

    start = time.perf_counter()
    store = open_store(path)
    ws = Workspace.open(store, "bench.agent", fixed_clock(NOW))
    # No periodic refresh during the measurement: it is not what is timed.
    window = MainWindow(
        Backend(ws), TelDialer(lambda _u: True), tray=False, refresh_ms=24 * 3600 * 1000
    )
    watch = _PaintWatch(window.calllist.table, window.model)
    window.show()
    _wait(app, lambda: watch.at)
    return watch.at - start, window, store


def close_window(app: Any, window: Any, store: Any) -> None:
    _wait(app, lambda: window.runner.active == 0)
    window.close()
    window.deleteLater()
    app.processEvents()
    store.close()


def bench_start(leads: int, rounds: int) -> None:
    app = _setup_qt()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        t = time.perf_counter()
        _generate_in_child(path, leads)
        print(f"generated {leads:,} leads in {time.perf_counter() - t:.1f} s")
        import sqlite3

        con = sqlite3.connect(path)
        owner = con.execute("SELECT id FROM agent WHERE name = 'bench.agent'").fetchone()[0]
        con.close()
        # Warm the file cache and Qt once for both sides.
        baseline_run(app, path, owner, False)
        elapsed, window, store = window_run(app, path)
        close_window(app, window, store)
        ours, base_all, base_page = [], [], []
        for _ in range(rounds):
            base_all.append(baseline_run(app, path, owner, False))
            base_page.append(baseline_run(app, path, owner, True))
            elapsed, window, store = window_run(app, path)
            ours.append(elapsed)
            close_window(app, window, store)
        o, a, p = (statistics.median(x) for x in (ours, base_all, base_page))
        print(f"start to call list painted, {leads:,} leads (median of {rounds}):")
        print(f"  LeadDesk window            {o * 1000:8.0f} ms")
        print(
            f"  bare QTableView, all rows  {a * 1000:8.0f} ms   ratio {o / a:.2f}x (target <= 2x)"
        )
        print(f"  bare QTableView, 200 rows  {p * 1000:8.0f} ms   ratio {o / p:.2f}x")


def bench_memory(leads: int, scrolls: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.db"
        t = time.perf_counter()
        _generate_in_child(path, leads)
        print(f"generated {leads:,} leads in {time.perf_counter() - t:.1f} s")
        app = _setup_qt()
        before = _peak_mb()
        elapsed, window, store = window_run(app, path)
        print(f"start to call list painted, {leads:,} leads: {elapsed:.2f} s")
        table, model = window.calllist.table, window.model
        # The list's length comes with the section counts, read after the first page:
        # until then the model knows only the rows it holds (and one more).
        t = time.perf_counter()
        deadline = time.monotonic() + 300
        while model.total < leads // 2:
            if time.monotonic() > deadline:
                raise TimeoutError("the list's length never came")
            app.processEvents()
            time.sleep(0.002)
        print(f"the list's length ({model.total:,}) known {time.perf_counter() - t:.2f} s later")
        for _ in range(scrolls):
            loaded = model.loaded
            # As an agent does: scroll to the end again until more rows come (a page asked
            # for while the list was refreshing is dropped with the old list).
            deadline = time.monotonic() + 300
            while model.loaded == loaded and model.canFetchMore():
                if time.monotonic() > deadline:
                    raise TimeoutError("no more rows after scrolling to the end")
                table.scrollToBottom()
                until = time.monotonic() + 0.5
                while time.monotonic() < until and model.loaded == loaded:
                    app.processEvents()
                    time.sleep(0.002)
        peak = _peak_mb()
        print(
            f"after {scrolls} scrolls to the end: {model.loaded:,} of {model.total:,} rows "
            f"held ({100 * model.loaded / model.total:.2f} %)"
        )
        print(f"peak memory: {peak:.0f} MB (target < 300 MB; {before:.0f} MB before the window)")
        close_window(app, window, store)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 and 100,000 leads")
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scrolls", type=int, default=5)
    parser.add_argument("--memory-only", action="store_true", help="only part 2")
    parser.add_argument("--start-only", action="store_true", help="only part 1")
    args = parser.parse_args(argv)
    if args.quick:
        args.leads, args.big, args.rounds, args.scrolls = 10_000, 100_000, 2, 3
    if not args.memory_only:
        bench_start(args.leads, args.rounds)
    if args.start_only:
        return 0
    # The memory figure is measured in a fresh process: nothing from part 1 counts.
    subprocess.run(
        [
            sys.executable,
            "-c",
            f"from tests.bench.bench_gui_calllist import bench_memory; "
            f"bench_memory({args.big}, {args.scrolls})",
        ],
        check=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
