"""Building lead drafts next to the database work.

Building the drafts (parsing phone numbers above all) is pure Python and about 40 % of
an import; writing the rows takes most of the rest. For a big file the batches can
therefore be built in worker processes (spawned, so it is safe from a GUI process too)
while this process writes the previous batches. Batches come back in file order, and at
most a few are in flight, so memory stays bounded whatever the file's size. Small files,
and machines with fewer than four cores, build in-process: there a worker costs more
than it saves (see `worker_count`).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime, tzinfo
from itertools import islice

from leaddesk.domain.phone import enable_fast_parsing
from leaddesk.services.intake.fields import ColumnMapping
from leaddesk.services.intake.record import LeadDraft, Reject, Skipped, build_batch

Row = tuple[int, list[str]]
Built = list[LeadDraft | Reject | Skipped]
# Files smaller than this are built in-process.
PARALLEL_MIN_BYTES = 4 * 1024 * 1024


def worker_count(size_bytes: int) -> int:
    """Worker processes for a file of this size: none for small files, and none on a
    machine with fewer than four cores. Measured on two busy cores, a worker cost 25 to
    45 % more CPU (start-up, pickling the batches both ways) and did not shorten the
    import; with cores to spare it takes the number parsing off the writing process."""
    if size_bytes < PARALLEL_MIN_BYTES:
        return 0
    if getattr(sys, "frozen", False):
        # A frozen app's spawned child runs the app's entry point again unless it calls
        # multiprocessing.freeze_support() first; stay in-process there.
        return 0
    cores = os.cpu_count() or 1
    if cores < 4:
        return 0
    return min(4, cores - 2)


def batches(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def _init_worker() -> None:
    enable_fast_parsing()


def built_batches(
    rows: Iterable[Row],
    size: int,
    mapping: ColumnMapping,
    region: str | None,
    now: datetime,
    workers: int,
    zone: tzinfo = UTC,
    order: str | None = None,
) -> Generator[tuple[list[Row], Built], None, None]:
    """(rows, drafts or rejects) per batch, in file order."""
    if workers <= 0:
        for batch in batches(rows, size):
            yield batch, build_batch(batch, mapping, region, now, zone, order)
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker)
    pending: deque[tuple[list[Row], Future[Built] | None]] = deque()
    broken = False

    def result(batch: list[Row], future: Future[Built] | None) -> Built:
        nonlocal broken
        if future is not None and not broken:
            try:
                return future.result()
            except (BrokenProcessPool, OSError):
                # No worker could start (a frozen app without freeze_support, a
                # sandbox): build here, as for a small file.
                broken = True
        return build_batch(batch, mapping, region, now, zone, order)

    try:
        for batch in batches(rows, size):
            future = (
                None
                if broken
                else pool.submit(build_batch, batch, mapping, region, now, zone, order)
            )
            pending.append((batch, future))
            if len(pending) > workers * 2:
                done, waiting = pending.popleft()
                yield done, result(done, waiting)
        while pending:
            done, waiting = pending.popleft()
            yield done, result(done, waiting)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
