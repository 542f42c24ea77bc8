"""Saved settings take effect in the running window: narrowing the calling hours in the
Settings dialog makes the lead on the card not callable now (the reason says until when),
and widening them again makes it callable; no restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaddesk.dialer.tel import TelDialer
from leaddesk.services.workspace import Workspace
from leaddesk.settings import Settings
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from leaddesk.ui.settings_dialog import SettingsDialog, apply_changes

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def save(qtbot, window: MainWindow, settings: Settings, **values: str) -> None:  # type: ignore[no-untyped-def]
    """The agent edits fields in the Settings dialog and presses Save."""
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    before = settings.as_dict()
    for name, value in values.items():
        dialog.set_value(name, value)
    assert dialog.save()
    changed = {k for k, v in settings.as_dict().items() if before[k] != v}
    assert changed == set(values)
    apply_changes(window, settings, changed)


def test_narrower_calling_hours_apply_to_the_lead_on_the_card_at_once(
    qtbot, tmp_path: Path, demo_workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(Backend(demo_workspace), TelDialer(lambda _u: True), tray=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.detail is not None and window.runner.active == 0, timeout=15_000)
    detail = window.detail
    assert detail is not None and detail.callable and detail.local_time is not None
    lead_id, hour = detail.lead_id, detail.local_time.hour
    assert 8 <= hour < 20  # the demo's top lead is inside the default 08:00-21:00
    settings = Settings(tmp_path / "settings.json")

    # From the next full hour of the lead's day: not callable now, and the card says when.
    later = f"{hour + 1:02d}:00"
    save(qtbot, window, settings, **{"calling_hours.start": later})
    qtbot.waitUntil(
        lambda: (
            window.detail is not None
            and window.detail.lead_id == lead_id
            and not window.detail.callable
        ),
        timeout=10_000,
    )
    assert later in window.detail.reason
    assert not window.outcomes.dial_button.isEnabled()
    window.dial()
    assert "cannot be called now" in window.last_error

    # Back to 08:00: callable again, the dial button with it.
    save(qtbot, window, settings, **{"calling_hours.start": "08:00"})
    qtbot.waitUntil(
        lambda: (
            window.detail is not None
            and window.detail.lead_id == lead_id
            and window.detail.callable
        ),
        timeout=10_000,
    )
    assert window.outcomes.dial_button.isEnabled()
    window.close()
