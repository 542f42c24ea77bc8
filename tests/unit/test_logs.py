"""Log files owner-only through rotations, phone numbers masked, the rest left readable."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from leaddesk.logs import MaskingFormatter, PrivateRotatingFileHandler, mask_numbers


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("handed over ['tel:+14155550142']", "handed over ['tel:+…42']"),
        ("dial sip:+442079460958@127.0.0.1:5060", "dial sip:+…58@127.0.0.1:5060"),
        ("lead +1 (415) 555-0142 busy", "lead +…42 busy"),
        ("national 4155550142 typed", "national …42 typed"),
        ("at 2026-11-26 15:00:00 pid 12345 on 127.0.0.1:4444", None),
        ("id 5d7c1f0e-3b7a-4b8e-9a35-6a0d2c9e1f42 took 0.065 s, v1.2.3", None),
    ],
)
def test_numbers_are_masked_and_nothing_else(line: str, shown: str | None) -> None:
    assert mask_numbers(line) == (shown if shown is not None else line)


def test_rotated_logs_stay_owner_only(tmp_path: Path, loose_umask: None) -> None:
    path = tmp_path / "leaddesk.log"
    handler = PrivateRotatingFileHandler(path, maxBytes=200, backupCount=2, encoding="utf-8")
    handler.setFormatter(MaskingFormatter("%(message)s"))
    logger = logging.getLogger("leaddesk.test_logs")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for i in range(60):
            logger.warning("call %d to +1415555%04d", i, i)
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
        handler.close()
    files = sorted(tmp_path.iterdir())
    assert [f.name for f in files] == ["leaddesk.log", "leaddesk.log.1", "leaddesk.log.2"]
    assert {f.stat().st_mode & 0o777 for f in files} == {0o600}
    assert all("1415555" not in f.read_text(encoding="utf-8") for f in files)
