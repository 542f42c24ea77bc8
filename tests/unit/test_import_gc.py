"""An import keeps the garbage collector off its back only while it runs: a long session
of the window (import after import, some failing) must not end up with the collector
slowed or objects held back from it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from leaddesk.services.errors import UserError
from leaddesk.services.importer import ImportProgress, ImportService, _long_lived_set_aside
from leaddesk.services.workspace import Workspace
from tests.unit.import_helpers import generic_csv, write


def test_the_collector_is_as_it_was_after_an_import_and_after_a_failed_one(
    tmp_path: Path, workspace: Workspace
) -> None:
    before = gc.get_threshold()
    seen: list[tuple[tuple[int, int, int], int]] = []

    def watch(_progress: ImportProgress) -> None:
        seen.append((gc.get_threshold(), gc.get_freeze_count()))

    ImportService(workspace, workers=0).run(generic_csv(tmp_path / "a.csv"), progress=watch)
    assert seen and seen[0][0][0] > before[0] and seen[0][1] > 0  # relaxed while running
    assert (gc.get_threshold(), gc.get_freeze_count()) == (before, 0)

    def fail(_progress: ImportProgress) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        ImportService(workspace, workers=0).run(generic_csv(tmp_path / "b.csv"), progress=fail)
    with pytest.raises(UserError):
        ImportService(workspace, workers=0).run(write(tmp_path / "c.csv", "Phone,Name\n"))
    assert (gc.get_threshold(), gc.get_freeze_count()) == (before, 0)


def test_overlapping_imports_give_back_the_settings_of_before_the_first() -> None:
    """Two imports (two windows' threads) whose runs overlap, the first ending first."""
    before = gc.get_threshold()
    first, second = _long_lived_set_aside(), _long_lived_set_aside()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert gc.get_threshold() != before  # the second one still runs: still relaxed
    second.__exit__(None, None, None)
    assert (gc.get_threshold(), gc.get_freeze_count()) == (before, 0)
