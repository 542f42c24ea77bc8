"""A lead added to the database from outside the window (a script running `leaddesk
import`, another LeadDesk on the same file) shows in the call list and in a "new lead"
notice within seconds, not at the next minute's refresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from leaddesk.dialer.tel import TelDialer
from leaddesk.services.workspace import Workspace
from leaddesk.store import open_store
from leaddesk.store.models import Lead
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from tests.unit.import_helpers import import_file

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_lead_imported_by_another_process_shows_within_seconds(
    qtbot, tmp_path: Path, demo_workspace: Workspace, clock
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(Backend(demo_workspace), TelDialer(lambda _u: True), tray=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.detail is not None and window.runner.active == 0, timeout=15_000)
    _total, counts = window.backend.summary(None)
    new_before = counts["new"]
    seen: list[dict[str, int]] = []
    window.model.summary_changed.connect(lambda _total, counts: seen.append(counts))
    assert window.change_watch is not None

    # Another connection to the same file, as a script or another LeadDesk would have.
    csv = tmp_path / "web-form.csv"
    csv.write_text("Name,Phone,Country\nNadia Webform,(212) 555-0177,US\n", encoding="utf-8")
    other = open_store(tmp_path / "demo.db")
    try:
        summary = import_file(Workspace.open(other, demo_workspace.agent.name, clock), csv)
        assert summary.imported == 1
        with other.session() as session:
            lead_id = session.scalars(select(Lead.id).where(Lead.first_name == "Nadia")).one()
    finally:
        other.close()

    # The minute's refresh is far off; the change is seen within a few seconds.
    qtbot.waitUntil(lambda: window.model.row_of(lead_id) is not None, timeout=8000)
    qtbot.waitUntil(lambda: bool(seen) and seen[-1]["new"] == new_before + 1, timeout=5000)
    assert window.tray.last_notice is not None
    assert window.tray.last_notice[0] == "1 new lead"
    window.close()
