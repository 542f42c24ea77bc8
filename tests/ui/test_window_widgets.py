"""The agent window's parts, each as a user meets it: names for screen readers and
tests, shortcuts shown, script length warnings, rapport notes, search, compact mode,
tray notices, the live age of a new lead."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)

from leaddesk.dialer.base import DialError
from leaddesk.dialer.tel import TelDialer, tel_uri
from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.domain.scripts import RenderedScript
from leaddesk.services.calllist import CallListService
from leaddesk.services.rapport import RapportService
from leaddesk.ui import style
from leaddesk.ui.agent.window import MainWindow
from leaddesk.ui.backend import Backend
from leaddesk.ui.script_panel import ScriptPanel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


@pytest.fixture
def window(qtbot, demo_workspace) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = MainWindow(
        Backend(demo_workspace), TelDialer(lambda _uri: True), tray=False, copy_text=lambda _t: None
    )
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.detail is not None and w.runner.active == 0, timeout=15_000)
    yield w
    w.close()


def _idle(qtbot, w: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: w.runner.active == 0 and not w.model.loading, timeout=15_000)


def test_every_control_has_an_object_name_and_an_accessible_name(window) -> None:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)

    def qt_internal(c: QWidget) -> bool:
        # Qt's own sub-widgets (a table's header, a line edit's clear button, a combo
        # box's popup list) are reached through the control that owns them.
        parent = c.parentWidget()
        while parent is not None:
            if isinstance(parent, QAbstractSpinBox | QComboBox | QLineEdit | QAbstractItemView):
                return True
            if type(parent).__name__ in ("QCalendarWidget", "QComboBoxPrivateContainer"):
                return True
            parent = parent.parentWidget()
        return c.objectName().startswith("qt_")

    controls = [
        c
        for top in (window, window.compact)
        for c in top.findChildren(QWidget)
        if isinstance(c, kinds) and not qt_internal(c)
    ]
    assert len(controls) > 30
    missing = [
        (type(c).__name__, c.objectName(), c.accessibleName())
        for c in controls
        if not c.objectName() or not c.accessibleName()
    ]
    assert missing == [], missing


def test_every_action_has_a_shortcut_and_outcomes_show_their_key(window) -> None:
    actions = [a for a in window.actions() if a.text()]
    assert {a.objectName() for a in actions} >= {
        "ActionDial",
        "ActionFind",
        "ActionCompact",
        "ActionNextVariant",
        "ActionAddNote",
    }
    assert all(not a.shortcut().isEmpty() for a in actions)
    for code, info in OUTCOMES.items():
        button = window.outcomes.buttons[code]
        assert f"key {info.key}" in button.accessibleName()
    assert "Enter" in window.outcomes.dial_button.text()


def test_script_panel_shows_length_and_flags_a_long_script(qtbot) -> None:
    panel = ScriptPanel()
    qtbot.addWidget(panel)
    panel.set_script(RenderedScript("s1", "introduce", 1, "Hi there. " * 5, 10, 4.0, False, 3))
    assert "≈ 4 s" in panel.length.text()
    assert "too long" not in panel.length.text()
    panel.set_script(RenderedScript("s2", "introduce", 2, "word " * 100, 100, 40.0, True, 3))
    assert "too long" in panel.length.text()
    assert "40 s" in panel.length.text()
    assert panel.next_button.isEnabled()


def test_next_variant_on_demand(qtbot, window) -> None:
    first = window.script.script
    assert first is not None and first.variants > 1
    assert f"{round(first.seconds)} s" in window.script.length.text()
    qtbot.keyClick(
        window.calllist.table,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(
        lambda: (
            window.script.script is not None and window.script.script.script_id != first.script_id
        ),
        timeout=10_000,
    )
    assert window.script.script.stage == first.stage


def test_rapport_notes_add_edit_pin(qtbot, window, demo_workspace) -> None:
    lead_id = window.detail.lead_id
    window.focus_rapport()
    window.rapport.kind.setCurrentText("interests")
    qtbot.keyClicks(window.rapport.input, "Coaches her daughter's soccer team")
    qtbot.keyClick(window.rapport.input, Qt.Key.Key_Return)
    service = RapportService(demo_workspace)
    qtbot.waitUntil(lambda: any("soccer" in n.text for n in service.notes(lead_id)), timeout=10_000)
    _idle(qtbot, window)
    texts = [window.rapport.list.item(i).text() for i in range(window.rapport.list.count())]
    assert "interests: Coaches her daughter's soccer team" in texts

    note = next(n for n in service.notes(lead_id) if "soccer" in n.text)
    row = texts.index("interests: Coaches her daughter's soccer team")
    window.rapport.list.setCurrentRow(row)
    window.rapport.toggle_pin()
    qtbot.waitUntil(
        lambda: next(n for n in service.notes(lead_id) if n.note_id == note.note_id).pinned,
        timeout=10_000,
    )
    _idle(qtbot, window)
    window.rapport.list.setCurrentRow(0)  # pinned notes come first
    assert window.rapport.selected_note_id() == note.note_id
    window.rapport.start_edit()
    assert window.rapport.input.text() == note.text
    window.rapport.input.setText("Coaches the U12 soccer team")
    window.rapport.submit()
    qtbot.waitUntil(
        lambda: any(n.text == "Coaches the U12 soccer team" for n in service.notes(lead_id)),
        timeout=10_000,
    )


def test_search_filters_and_escape_clears(qtbot, window, demo_workspace) -> None:
    name = window.detail.name
    window.focus_search()
    qtbot.keyClicks(window.calllist.search, name)
    qtbot.waitUntil(
        lambda: window.model.search == name and not window.model.loading, timeout=10_000
    )
    assert window.model.rowCount() == CallListService(demo_workspace).total(name) >= 1
    assert window.calllist.total_label.text()
    qtbot.keyClick(window.calllist.search, Qt.Key.Key_Return)  # Enter goes to the list
    assert window.calllist.table.hasFocus() or window.pending is None
    window.calllist.search.setFocus()
    qtbot.keyClicks(window.calllist.search, "zzzz")
    qtbot.waitUntil(
        lambda: (
            window.model.search
            and window.model.search.endswith("zzzz")
            and not window.model.loading
        ),
        timeout=10_000,
    )
    assert window.model.rowCount() == 0
    assert "No lead matches" in window.calllist.empty.text()
    qtbot.keyClick(window.calllist.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(
        lambda: window.model.search is None and window.model.rowCount() > 0, timeout=10_000
    )


def test_counts_per_section_match_the_engine(window, demo_workspace) -> None:
    counts = CallListService(demo_workspace).counts()
    for section, chip in window.calllist.chips.items():
        assert chip.property("count") == counts[section]


def test_new_lead_age_is_a_live_timer(qtbot, window, demo_workspace) -> None:
    entries = CallListService(demo_workspace).page(0, 300)
    fresh = next(e for e in entries if e.section == "new" and e.age_s < 6 * 3600)
    window.calllist.select_lead(fresh.lead_id)
    qtbot.waitUntil(
        lambda: window.detail is not None and window.detail.lead_id == fresh.lead_id, timeout=10_000
    )
    assert window.card.last.text() == "Never contacted"
    before = window.card.age.text()
    qtbot.waitUntil(lambda: window.card.age.text() != before, timeout=3000)


def test_compact_mode_is_always_on_top(qtbot, window) -> None:
    qtbot.keyClick(
        window.calllist.table,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.compact.isVisible()
    assert not window.isVisible()
    assert window.compact.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.compact.name.text() == window.detail.name
    assert "Ready" in window.compact.state.text()
    # A callback from the compact window, after a dial: Alt+T picks tomorrow, 3 logs it.
    window.dial()
    qtbot.waitUntil(lambda: window.pending is not None, timeout=10_000)
    with qtbot.waitActive(window.compact):
        window.compact.activateWindow()
    qtbot.keyClick(window.compact, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.picker.is_ok, timeout=10_000)
    assert "their time" in window.compact.state.text()
    qtbot.keyClick(window.compact, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: window.last_logged is not None, timeout=10_000)
    assert window.last_logged.outcome == "callback"
    _idle(qtbot, window)
    window.toggle_compact()
    assert window.isVisible() and not window.compact.isVisible()


def test_tray_notices_fall_back_to_the_status_bar(window) -> None:
    tray = window.tray
    assert not tray.available  # disabled here, and offscreen has no tray anyway
    tray.counts_changed({"new": 3, "callback": 1})
    tray.counts_changed({"new": 5, "callback": 2})
    assert tray.last_notice is not None
    assert "1 callback due" in window.statusBar().currentMessage()
    assert tray.last_notice[0] == "1 callback due"
    tray.counts_changed({"new": 6, "callback": 2})
    assert tray.last_notice[0] == "1 new lead"
    tray.counts_changed({"new": 9, "callback": 2})
    assert tray.last_notice[0] == "3 new leads"
    # An outcome taken back returns one lead to a section: that one is not news, a lead
    # that arrived with it is.
    tray.own_change()
    tray.counts_changed({"new": 9, "callback": 3})
    assert tray.last_notice[0] == "3 new leads"
    tray.own_change()
    tray.counts_changed({"new": 11, "callback": 3})
    assert tray.last_notice[0] == "1 new lead"


def test_palettes_light_and_dark() -> None:
    assert style.is_dark(style.dark_palette())
    assert not style.is_dark(style.light_palette())
    assert "QTableView" in style.stylesheet(style.dark_palette())


def test_the_arrows_folder_is_the_processs_own(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The spin boxes' arrow files go to a folder of this process's own, never a fixed
    name in the shared temporary folder, where another user could have planted links to
    the agent's files for LeadDesk to write over."""
    import stat
    import tempfile
    from pathlib import Path

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(style, "_ARROW_FOLDERS", {})
    victim = tmp_path / "agent-file.txt"
    victim.write_text("the agent's own words", encoding="utf-8")
    planted = tmp_path / "leaddesk-arrows-123456"  # the name the folder used to have
    planted.mkdir()
    (planted / "up.svg").symlink_to(victim)
    folder = Path(style._arrows("#123456"))
    assert victim.read_text(encoding="utf-8") == "the agent's own words"
    assert folder.parent == tmp_path and folder != planted
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert 'stroke="#123456"' in (folder / "up.svg").read_text(encoding="utf-8")
    assert style._arrows("#123456") == str(folder)  # once per process and colour


def test_tel_dialer_hands_over_an_rfc3966_uri() -> None:
    uris: list[str] = []
    dialer = TelDialer(lambda uri: uris.append(uri) or True)
    dialer.dial("+14155550142", "lead-1")
    assert uris == ["tel:+14155550142"]
    with pytest.raises(DialError, match="international format"):
        tel_uri("415 555 0142")
    with pytest.raises(DialError, match="copy the number"):
        TelDialer(lambda _uri: False).dial("+14155550142", "lead-1")


def test_import_and_supervisor_open_from_the_menu(qtbot, window) -> None:
    from leaddesk.ui.import_dialog import ImportDialog
    from leaddesk.ui.supervisor import SupervisorWindow

    actions = {a.objectName(): a for a in window.actions()}
    actions["ActionImport"].trigger()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    actions["ActionSupervisor"].trigger()
    review = window._supervisor
    assert isinstance(review, SupervisorWindow) and review.isVisible()
    loaded: list[int] = []
    review.loaded.connect(lambda: loaded.append(1))  # no event ran since the trigger
    qtbot.waitUntil(lambda: bool(loaded), timeout=15_000)
    review.close()


def test_shortcuts_dialog_lists_actions_and_outcome_keys(window) -> None:
    from leaddesk.ui.menus import shortcuts_dialog

    box = shortcuts_dialog(window)
    assert "Ctrl+Shift+M" in box.text()
    assert "Voicemail left" in box.text()
    # On a 1280x720 laptop (a 30-pixel title bar, a panel): whole, the outcomes too.
    box.show()
    assert box.height() <= 650, box.size()
    box.close()


def test_tab_goes_from_the_list_to_dial_then_the_outcomes(qtbot, window) -> None:
    window.calllist.table.setFocus()
    qtbot.keyClick(window.calllist.table, Qt.Key.Key_Tab)
    assert window.focusWidget() is window.outcomes.dial_button
    qtbot.keyClick(window.outcomes.dial_button, Qt.Key.Key_Tab)
    # Without a dial the call outcomes are off: Tab goes on to the first one that acts.
    assert window.focusWidget() is window.outcomes.buttons["do_not_call"]
    window.outcomes.note.setFocus()
    qtbot.keyClick(window.outcomes.note, Qt.Key.Key_Tab)
    assert window.focusWidget() is window.outcomes.duration


def test_history_stays_as_the_agent_set_it_and_a_low_window_scrolls(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """View > History (Ctrl+Shift+H) shows and hides the history; a window too low for
    the card, script, rapport and history scrolls them (the outcome keys stay), instead
    of hiding what the agent asked for."""
    from PySide6.QtCore import QRect

    _idle(qtbot, window)
    assert not window.history_box.isHidden() and window.history_action.isChecked()
    window.fit_to(QRect(0, 0, 1280, 560))
    qtbot.waitUntil(lambda: window.lead_scroll.verticalScrollBar().maximum() > 0)
    assert not window.history_box.isHidden()
    assert window.outcomes.visibleRegion().boundingRect().height() == window.outcomes.height()
    window.history_action.trigger()
    assert window.history_box.isHidden() and not window.history_action.isChecked()
    window.history_action.trigger()
    assert not window.history_box.isHidden()


def test_a_laptops_list_gives_the_reason_the_room(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """On a 1366-pixel laptop the list leaves out "Next touch" (every reason says when)
    and the reason under the chip is read whole ("waiting 3 min", not "new lead, wai…");
    a wide window shows the column again."""
    from PySide6.QtCore import QRect

    from leaddesk.ui.calllist_model import COLUMNS, SECTION_ROLE

    _idle(qtbot, window)
    table, next_column = window.calllist.table, COLUMNS.index("next")
    window.fit_to(QRect(0, 0, 1366, 768))
    qtbot.waitUntil(lambda: table.isColumnHidden(next_column))
    new_row = next(
        r for r in range(40) if window.model.data(window.model.index(r, 0), SECTION_ROLE) == "new"
    )
    reason = window.model.index(new_row, COLUMNS.index("reason"))
    text = str(reason.data())
    assert text.startswith("waiting ")
    room = table.columnWidth(COLUMNS.index("reason")) - 14  # the cell's margins
    assert table.fontMetrics().horizontalAdvance(text) <= room, (text, room)
    window.fit_to(QRect(0, 0, 1920, 1080))
    window.resize(1900, 1000)
    qtbot.waitUntil(lambda: not table.isColumnHidden(next_column))


def test_compact_mode_tells_the_truth_and_offers_every_outcome(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """A lead that cannot be called is not "Ready" in the compact window, and the
    compact window has a key for each of the fifteen outcomes."""
    from leaddesk.domain.outcomes import OUTCOMES

    _idle(qtbot, window)
    window.set_section_filter("blocked")
    qtbot.waitUntil(
        lambda: window.model.rowCount() > 0 and window.model.entry(0).section == "blocked",
        timeout=10_000,
    )
    window.calllist.select_row(0)
    blocked = window.model.lead_id(0)
    qtbot.waitUntil(
        lambda: window.detail is not None and window.detail.lead_id == blocked, timeout=10_000
    )
    window.toggle_compact()
    compact = window.compact
    qtbot.waitExposed(compact)
    state = compact.state.text()
    assert "Ready" not in state and ("Blocked" in state or "Later" in state)
    assert window.detail.reason.split(" (")[0] in state
    assert not compact.dial.isEnabled()
    assert set(compact.buttons) == set(OUTCOMES)
    assert [
        c for c, b in compact.buttons.items() if not b.isVisible() or b.label.is_elided()
    ] == [], (
        compact.size(),
        compact.keys.columns,
        [(b.width(), b.label.width()) for b in compact.buttons.values()],
    )
    # The wrapped lines (a long reason, "Blocked: ..." on two lines) take height: the
    # window is as tall as they and every key row, none cut at the bottom.
    qtbot.waitUntil(
        lambda: all(
            b.visibleRegion().boundingRect().height() == b.height()
            for b in compact.buttons.values()
        ),
        timeout=3000,
    )
    window.toggle_compact()


def test_one_action_table_makes_the_menus_the_f1_sheet_and_the_compact_keys(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction, QKeySequence, QShortcut
    from PySide6.QtWidgets import QMenu

    from leaddesk.ui.menus import MENUS, action_text, available, shortcuts_dialog

    specs = available()
    menus = {key: window.menuBar().findChild(QMenu, name) for key, _title, name in MENUS}
    sheet = shortcuts_dialog(window).text()
    for spec in specs:
        action = window.findChild(QAction, spec.name)
        assert action is not None, spec.name
        assert action in menus[spec.menu].actions(), spec.name
        assert [k.toString() for k in action.shortcuts()] == [
            QKeySequence(k).toString() for k in spec.keys
        ]
        assert action_text(spec) in sheet
    compact_keys = window.compact.findChildren(QShortcut)
    wanted = {f"Compact{s.name}" for s in specs if s.compact}
    assert wanted <= {k.objectName() for k in compact_keys}
