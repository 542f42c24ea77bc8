"""The agent window: call list on the left; on the right the lead card, the voicemail
script, rapport notes and history, and the outcome bar. Keyboard first.

The window holds layout and focus only. The agent's work (the selected lead, the card's
lead, the pending dial, the outcome just logged) is the `AgentSession`'s, which asks the
services through `Backend` on worker threads and says what changed in signals the
widgets follow; the parts beside it (call flow, notes, softphone, returned calls,
voicemail drop, state bar, messages) are given the session and the widgets they drive,
never the window. The loop: select a lead, dial (Enter), press the outcome key, and the
next lead is selected.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from leaddesk.dialer.base import Dialer
from leaddesk.services.errors import UserError, classify, describe_bug
from leaddesk.services.leads import LeadDetail
from leaddesk.services.outcomes import LoggedOutcome, PendingDial, UndoneOutcome
from leaddesk.services.shift import ShiftStats
from leaddesk.ui import screen_fit
from leaddesk.ui.agent.call_flow import CallFlow
from leaddesk.ui.agent.lead_notes import LeadNotes
from leaddesk.ui.agent.messages import MessageFlow
from leaddesk.ui.agent.returned_calls import ReturnedCalls
from leaddesk.ui.agent.session import AgentSession
from leaddesk.ui.agent.softphone import DialerFactory, SoftphoneLink
from leaddesk.ui.agent.state_bar import StateBar
from leaddesk.ui.agent.voicemail_drop import VoicemailDrop
from leaddesk.ui.app import problem_dialog
from leaddesk.ui.backend import Backend
from leaddesk.ui.callback_picker import CallbackPicker
from leaddesk.ui.calllist_model import CallListModel
from leaddesk.ui.calllist_view import CallListView
from leaddesk.ui.change_watch import ChangeWatch
from leaddesk.ui.compact_mode import CompactWindow
from leaddesk.ui.events import Events
from leaddesk.ui.history_view import HistoryView
from leaddesk.ui.icons import app_icon
from leaddesk.ui.inbound_banner import InboundBanner
from leaddesk.ui.lead_card import LeadCard
from leaddesk.ui.menus import (
    build_menus,
    install_compact_keys,
    set_tab_order,
    shortcuts_dialog,
)
from leaddesk.ui.message_panel import MessagePanel
from leaddesk.ui.outcome_bar import OutcomeBar
from leaddesk.ui.panel import Panel
from leaddesk.ui.rapport_panel import RapportPanel
from leaddesk.ui.script_panel import ScriptPanel
from leaddesk.ui.shift_bar import ShiftBar
from leaddesk.ui.style import WARN
from leaddesk.ui.tasks import TaskRunner
from leaddesk.ui.tray import Tray

log = logging.getLogger(__name__)

REFRESH_MS = 60_000
PREFERRED_SIZE = QSize(1440, 900)


class VerticalScroll(QScrollArea):
    """A scroll area that scrolls up and down only: as wide as what it holds needs (a
    plain one would let the lead pane get narrower and cut the card's right side)."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    # The narrowest its content can be laid out (set by the window); default: as it is.
    narrowest: Callable[[], int] | None = None

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        content = self.narrowest() if self.narrowest else inner.minimumSizeHint().width()
        width = content + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), width + 2 * self.frameWidth()), hint.height())


class MainWindow(QMainWindow):
    def __init__(
        self,
        backend: Backend,
        dialer: Dialer,
        *,
        events: Events | None = None,
        runner: TaskRunner | None = None,
        copy_text: Callable[[str], None] | None = None,
        tray: bool = True,
        refresh_ms: int = REFRESH_MS,
        restart_dialer: DialerFactory | None = None,
        demo: bool = False,
    ) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setAccessibleName(self.tr("LeadDesk agent window"))
        self.demo = demo
        title = self.tr("LeadDesk · {agent}").format(agent=backend.ws.agent.display_name)
        # Demo leads are never mistaken for the agent's own: the title and the status
        # bar say so for as long as the window is open.
        self.setWindowTitle(self.tr("{title} · DEMO").format(title=title) if demo else title)
        self.setWindowIcon(app_icon())
        self.backend = backend
        self.events = events or Events(self)
        self.runner = runner or TaskRunner(self)
        self.runner.set_error_handler(self.show_error)
        self._copy_text = copy_text or (lambda text: QGuiApplication.clipboard().setText(text))
        # The selected lead, the card's, the pending dial and the last outcome: one owner.
        self.session = AgentSession(backend, dialer, self.runner, self.events, self)
        # Where the list's selection goes once it is read again after an outcome.
        self.select_after: tuple[int, str] | None = None
        # A section asked for (a chip, Ctrl+Alt+1 to 5): the next list read is worked from
        # its first lead when the lead on the card is not in it.
        self._section_asked = False
        self.last_error = ""
        self.problem_box: QMessageBox | None = None  # the environment-problem dialog
        self._supervisor: QWidget | None = None
        self._shown = False
        # The question being asked (do-not-call, call anyway, call made elsewhere).
        self.open_dialog: QWidget | None = None

        self.model = CallListModel(
            self.runner, backend.page, backend.summary, lambda: backend.now, parent=self
        )
        self.calllist = CallListView(self.model, self)
        self.card = LeadCard(self)
        self.script = ScriptPanel(self)
        self.rapport = RapportPanel(self)
        self.history = HistoryView(self)
        self.script_box = Panel(
            self.tr("Voicemail script"), "voicemail", self.script, "script", self
        )
        self.script_box.header.addWidget(self.script.next_button)
        self.rapport_box = Panel(self.tr("Rapport"), "note", self.rapport, "rapport", self)
        self.rapport_box.header.addWidget(self.rapport.edit_button)
        self.rapport_box.header.addWidget(self.rapport.pin_button)
        self.history_box = Panel(self.tr("History"), "history", self.history, "history", self)
        top_row = QSplitter(Qt.Orientation.Horizontal, self)
        top_row.setObjectName("ScriptRapportSplitter")
        top_row.setChildrenCollapsible(False)
        top_row.addWidget(self.script_box)
        top_row.addWidget(self.rapport_box)
        top_row.setStretchFactor(0, 4)
        top_row.setStretchFactor(1, 3)
        top_row.setSizes([420, 310])
        self.top_row = top_row
        middle = QSplitter(Qt.Orientation.Vertical, self)
        middle.setObjectName("LeadSplitter")
        middle.setChildrenCollapsible(False)
        middle.addWidget(top_row)
        self.message = MessagePanel(self)  # the email or text of a written step
        self.message_box = Panel(self.tr("Email or text"), "email", self.message, "message", self)
        middle.addWidget(self.history_box)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        self.picker = CallbackPicker(self.runner, backend, self)
        self.outcomes = OutcomeBar(self.picker, self)
        self.shift = ShiftBar(backend.ws.agent.display_name, self)
        self.compact = CompactWindow()
        self.tray = Tray(self, enabled=tray)

        right = QWidget(self)
        right.setObjectName("LeadPane")
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(0, 0, 0, 0)
        rlayout.setSpacing(8)
        # The card, script, rapport and history scroll as one when the screen is too low
        # for all of them (a 1280x720 laptop with History on); the outcome keys never do.
        upper = QWidget()
        upper.setObjectName("LeadUpper")
        ulayout = QVBoxLayout(upper)
        ulayout.setContentsMargins(0, 0, 0, 0)
        ulayout.setSpacing(8)
        ulayout.addWidget(self.card)
        ulayout.addWidget(middle, 1)
        ulayout.addWidget(self.message_box)
        self.lead_scroll = VerticalScroll(right)
        self.lead_scroll.setObjectName("LeadScroll")
        self.lead_scroll.setWidget(upper)
        self.lead_scroll.setWidgetResizable(True)
        self.lead_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.lead_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        upper.setAutoFillBackground(False)
        self.lead_scroll.viewport().setAutoFillBackground(False)
        rlayout.addWidget(self.lead_scroll, 1)
        # Script beside rapport where the pane is wide enough, one above the other where
        # not (a 1280-pixel laptop in a longer language).
        self.lead_scroll.resized.connect(self._arrange_script_and_rapport)
        self.lead_scroll.narrowest = lambda: max(
            w.minimumSizeHint().width()
            for w in (self.card, self.script_box, self.rapport_box, self.history_box)
        )
        rlayout.addWidget(self.outcomes)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("MainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.calllist)
        self.splitter.addWidget(right)
        # The lead pane gets the room its five columns of outcome keys need.
        self.splitter.setSizes([560, 880])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.setSpacing(10)
        layout.addWidget(self.shift)
        # A lead calling back rings here: under the shift bar, above the list.
        self.inbound_banner = InboundBanner(self)
        layout.addWidget(self.inbound_banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("BusyIndicator")
        self.busy_label.setAccessibleName(self.tr("Background work"))
        self.statusBar().addPermanentWidget(self.busy_label)
        self.demo_label = QLabel(self.tr("Demo database: these leads are not yours"), self)
        self.demo_label.setObjectName("DemoBadge")
        self.demo_label.setAccessibleName(self.tr("Demo database"))
        self.demo_label.setStyleSheet(f"color: {WARN}; font-weight: 600;")
        self.demo_label.setVisible(demo)
        self.statusBar().addPermanentWidget(self.demo_label)
        self.statusBar().setObjectName("StatusBar")
        screen_fit.place(self, PREFERRED_SIZE)  # never larger than the screen

        session, bar = self.session, self.outcomes
        self.softphone = SoftphoneLink(session, bar, self.statusBar(), restart_dialer)
        self.returned = ReturnedCalls(session, self.inbound_banner, self.tray, self.calllist, self)
        self.state_bar = StateBar(session, self.tray, self.statusBar())
        self.flow = CallFlow(
            session, bar, self.picker, self.script, self.softphone.ring_s, self._ask, self
        )
        self.voicemail_drop = VoicemailDrop(session, self.script, bar, self.log_outcome, self)
        self.notes = LeadNotes(session, self.script, self.rapport)
        self.messages = MessageFlow(
            session, self.message, self.message_box, self.log_outcome, self._copy_text
        )
        # Menus, shortcuts, the F1 sheet and the compact window's keys: one table.
        self.actions_by_name = build_menus(self)
        self.history_action: QAction = self.actions_by_name["ActionHistory"]
        install_compact_keys(self.compact, self)
        set_tab_order(self)
        self._connect()
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        # Commits by others (a script's import, another LeadDesk) within seconds.
        watcher = backend.change_watcher()
        self.change_watch = (
            ChangeWatch(watcher, self.runner, self.events, self) if watcher else None
        )
        # Keyboard first: arrows walk the list and Enter dials from the start.
        self.calllist.table.setFocus()
        # The list first: the shift figures and pending dials are read once it is in,
        # so that they do not compete with the first batch for the CPU.
        self._started = False
        self.model.refresh()

    # The session's state, read-only here (tests and the single-instance hand-off read
    # it from the window).
    @property
    def detail(self) -> LeadDetail | None:
        return self.session.detail

    @property
    def pending(self) -> PendingDial | None:
        return self.session.pending

    @property
    def last_logged(self) -> LoggedOutcome | None:
        return self.session.last_logged

    @property
    def dialer(self) -> Dialer:
        return self.session.dialer

    # -- construction -------------------------------------------------------------------

    def _connect(self) -> None:
        session = self.session
        session.card_changed.connect(self._on_card)
        session.card_failed.connect(self.card.show_error)
        session.consent_reverted.connect(self.card.consent.set_detail)
        session.pending_changed.connect(self._on_pending)
        session.dial_state_changed.connect(self._on_dial_state)
        session.preview_changed.connect(self._on_preview)
        session.logged.connect(self._on_logged)
        session.undone.connect(self._on_undone)
        session.recovered.connect(lambda dial, _n: self._show_lead(dial.lead_id))
        session.message.connect(self.statusBar().showMessage)
        session.problem.connect(self.show_error)
        session.stale.connect(self.refresh)
        self.calllist.lead_selected.connect(session.select)
        self.calllist.activated.connect(lambda _lead: self.dial())
        self.model.refreshed.connect(self._on_refreshed)
        self.model.failed.connect(self._start_rest)
        self.model.summary_changed.connect(self._on_summary)
        self.outcomes.dial_requested.connect(self.dial)
        self.outcomes.outcome_requested.connect(self.log_outcome)
        self.outcomes.call_anyway_requested.connect(self.call_anyway)
        self.outcomes.copy_requested.connect(self.copy)
        self.calllist.section_clicked.connect(self.toggle_section)
        self.calllist.import_requested.connect(self.open_import)
        self.calllist.demo_requested.connect(self.open_demo)
        self.calllist.server_requested.connect(self.open_server_settings)
        self.calllist.welcome_demo.setEnabled(not self.demo)
        self.calllist.calls_only_toggled.connect(self.set_calls_only)
        self.card.copy_requested.connect(self.copy)
        self.card.consent.consent_changed.connect(session.set_consent)
        self.compact.dial_requested.connect(self.dial)
        self.compact.outcome_requested.connect(self.log_outcome)
        self.compact.expand_requested.connect(self.toggle_compact)
        self.picker.status_changed.connect(
            lambda text: self.compact.show_message(text) if self.compact.isVisible() else None
        )
        self.tray.activated.connect(self._raise)
        self.tray.fallback.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.events.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.events.sync_state_changed.connect(self.shift.set_sync_state)
        self.events.leads_changed.connect(self.refresh)
        self.runner.busy_changed.connect(
            lambda n: self.busy_label.setText(self.tr("working…") if n else "")
        )

    # -- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.refresh(keep_search=True, keep_loaded=True)
        self.runner.run(self.backend.shift, self._on_shift, name="shift")

    def _on_shift(self, stats: ShiftStats) -> None:
        self.shift.set_stats(stats)

    def _start_rest(self, *_args: object) -> None:
        if not self._started:
            self._started = True
            # The table was hidden behind "Loading…" when the window showed: it takes
            # the focus now, unless the agent already started typing a search.
            if not self.calllist.search.text():
                self.calllist.table.setFocus()
            self.runner.run(self.backend.shift, self._on_shift, name="shift")
            self.session.recover()  # calls a killed run left without an outcome

    def _on_refreshed(self) -> None:
        self._start_rest()
        target = self.select_after
        self.select_after = None
        section_asked, self._section_asked = self._section_asked, False
        if target is not None:
            row, logged_id = target
            if self.model.lead_id(row) == logged_id:
                row += 1
            self.calllist.select_row(row if row < self.model.rowCount() else 0)
            return
        if self.pending and self.calllist.select_lead(self.pending.lead_id):
            return
        if self.detail and self.calllist.select_lead(self.detail.lead_id):
            return
        if self.pending:
            self.session.load(self.pending.lead_id)
            return
        if self.detail is not None and not section_asked:
            # The lead on the card left the list (worked elsewhere, or a search): keep
            # the card, and let the agent pick the next one.
            return
        self.calllist.select_row(0)

    def _show_lead(self, lead_id: str, new_lead: bool = True) -> None:
        """`lead_id` selected in the list, or on the card alone when the list does not
        show it (another section, a search)."""
        if not self.calllist.select_lead(lead_id):
            self.session.load(lead_id, new_lead)

    # -- following the session ----------------------------------------------------------

    def _on_card(self, detail: LeadDetail | None) -> None:
        if detail is None:
            self.card.show_empty(self.tr("No lead selected."))
            return
        self.card.set_detail(detail)
        self.history.history.set_attempts(detail.history)
        self.picker.set_lead(detail)
        self.compact.set_lead(detail)

    def _on_pending(self, pending: PendingDial | None, keep_inputs: bool) -> None:
        self.outcomes.set_pending(pending, keep_inputs)
        self.compact.set_pending(pending)

    def _on_dial_state(self, can: bool, why: str, anyway: bool) -> None:
        self.outcomes.set_can_dial(can, why, anyway)
        self.compact.set_can_dial(can and self.pending is None, why)  # the same truth

    def _on_preview(self, detail: LeadDetail | None) -> None:
        preview, pending = self.calllist.preview, self.pending
        if detail is None or pending is None:
            preview.hide()
            return
        local = f"{detail.local_time:%H:%M}" if detail.local_time else "?"
        preview.setText(
            self.tr(
                "<b>Preview:</b> {name} · {local} their time · {reason} "
                "<i>(the card stays on {called} until the call is logged)</i>"
            ).format(name=detail.name, local=local, reason=detail.reason, called=pending.lead_name)
        )
        preview.show()

    def _on_logged(self, logged: LoggedOutcome) -> None:
        self.tray.own_change()
        self.outcomes.clear_inputs()
        self.picker.set_lead(None)
        # The list is read again next: the selection moves on from where this lead was.
        row = self.model.row_of(logged.lead_id)
        self.select_after = (row if row is not None else 0, logged.lead_id)

    def _on_summary(self, _total: int, counts: dict[str, int]) -> None:
        if self.model.search is None:  # a search's counts are not the list's
            self.tray.counts_changed(counts)

    def _on_undone(self, undone: UndoneOutcome) -> None:
        self.tray.own_change()
        self.select_after = None
        if self.calllist.select_lead(undone.lead_id):
            self.session.load(undone.lead_id, new_lead=False)
        else:
            self.session.load(undone.lead_id)

    def _ask(self, dialog: QDialog) -> None:
        """Open a question; when answered, the keyboard is back on the call list."""
        self.open_dialog = dialog

        def back(_result: int) -> None:
            self.activateWindow()
            self.calllist.table.setFocus()

        dialog.finished.connect(back)
        dialog.open()

    # -- dialing ------------------------------------------------------------------------

    def on_enter(self) -> None:
        focus = QApplication.focusWidget()
        if focus is self.calllist.search:
            self.calllist.table.setFocus()
            return
        if focus is self.rapport.input:
            self.rapport.submit()
            return
        if isinstance(focus, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
            return
        if isinstance(focus, QAbstractButton) and self.picker.isAncestorOf(focus):
            # "Pick the callback time first" puts the focus on a choice: Enter takes it.
            focus.click()
            return
        suggested = self.outcomes.suggested
        if self.pending is not None and self.outcomes.call_ended and suggested is not None:
            self.log_outcome(suggested)  # the agent confirms the pre-selected outcome
            return
        self.dial()

    def hangup(self) -> None:
        """End the call in the softphone; the dial stays pending until it is logged."""
        self.softphone.hangup()

    def dial(self) -> None:
        self.flow.dial()

    def log_outcome(self, code: str) -> None:
        self.flow.log_outcome(code)

    def undo(self) -> None:
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit | QPlainTextEdit):
            focus.undo()  # Ctrl+Z in a text field undoes the typing
            return
        self.session.undo()

    def log_elsewhere(self) -> None:
        self.flow.log_elsewhere()

    def dnc_remove(self) -> None:
        self.flow.dnc_remove()

    def call_anyway(self) -> None:
        self.flow.call_anyway()

    def toggle_section(self, section: str) -> None:
        """Show only `section` (a click on its chip); the same again shows every section."""
        current = self.backend.section_filter
        self.set_section_filter(None if current == section else section)

    def set_section_filter(self, section: str | None) -> None:
        self.backend.section_filter = section
        self._section_asked = section is not None
        self.calllist.show_section(section)
        self.model.refresh(keep_search=True)

    def toggle_calls_only(self) -> None:
        self.set_calls_only(not self.backend.calls_only)

    def toggle_history(self) -> None:
        self.show_history(self.history_box.isHidden())

    def set_calls_only(self, on: bool) -> None:
        self.backend.calls_only = on
        if self.calllist.calls_only.isChecked() != on:
            self.calllist.calls_only.setChecked(on)  # from the shortcut
            return  # the box's toggled signal comes back here
        self.model.refresh(keep_search=True)

    def settings_changed(self) -> None:
        """The agent saved settings the services follow (calling hours, caps, cadence,
        voicemail name): the list and the lead on the card are read again."""
        self.refresh()
        self.session.reload()

    # -- small actions ------------------------------------------------------------------

    def focus_rapport(self) -> None:
        self.rapport.input.setFocus()

    def copy_number(self) -> None:
        if self.detail and self.detail.phone_e164:
            self.copy(self.detail.phone_e164)

    def copy(self, number: str) -> None:
        if number:
            self._copy_text(number)
            self.statusBar().showMessage(self.tr("Copied {number}").format(number=number), 5000)

    def focus_search(self) -> None:
        self.calllist.search.setFocus()
        self.calllist.search.selectAll()

    def clear_search(self) -> None:
        self.calllist.search.clear()
        self.calllist.table.setFocus()

    def toggle_compact(self) -> None:
        if self.compact.isVisible():
            self.compact.hide()
            self._raise()
        else:
            self.compact.show()
            self.compact.raise_()
            self.hide()

    def bring_to_front(self) -> None:
        """Another start on this database asked for this window."""
        if self.compact.isVisible():
            self.compact.raise_()
            self.compact.activateWindow()
        else:
            self._raise()

    def _raise(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    def open_import(self) -> None:
        from leaddesk.ui.import_dialog import ImportDialog

        ws = self.backend.ws
        dialog = ImportDialog(ws.store, ws.agent.name, ws.clock, parent=self)
        dialog.imported.connect(lambda _summary: self.events.leads_changed.emit())
        dialog.open()

    def open_demo(self) -> bool:
        """Another LeadDesk on the demo database (a window of its own): the agent's
        database is never filled with demo leads."""
        from PySide6.QtCore import QProcess

        frozen = bool(getattr(sys, "frozen", False))
        args = ["--demo"] if frozen else ["-m", "leaddesk", "--demo"]
        started = bool(QProcess.startDetached(sys.executable, args)[0])
        self.statusBar().showMessage(
            self.tr("Opening the demo in a window of its own…")
            if started
            else self.tr("The demo could not be started: run leaddesk --demo"),
            10_000,
        )
        return started

    def open_server_settings(self) -> None:
        """Settings, where the team server's address is entered (the token is asked for
        and kept in the keychain at the first sync)."""
        action = self.findChild(QAction, "ActionSettings")
        if action is not None:
            action.trigger()
        else:
            self.statusBar().showMessage(self.tr("Set the team server in File > Settings."), 10_000)

    def open_supervisor(self) -> None:
        from leaddesk.ui.supervisor import SupervisorWindow

        if self._supervisor is None:
            self._supervisor = SupervisorWindow(self.backend.ws)
            self._supervisor.lead_activated.connect(self._open_lead_from_review)
        self._supervisor.show()
        self._supervisor.raise_()

    def _open_lead_from_review(self, lead_id: str) -> None:
        self._raise()
        self._show_lead(lead_id)

    def show_shortcuts(self) -> None:
        shortcuts_dialog(self).open()

    def show_error(self, error: BaseException | str) -> None:
        """Bad input in the status bar; the environment in the way (locked, full,
        read-only, permission, network) in a dialog saying what to do; a bug in the
        status bar, its traceback in the log."""
        message = str(error)
        if isinstance(error, BaseException) and not isinstance(error, UserError):
            problem = classify(error, db=self.backend.ws.store.path)
            if problem is not None:
                message = problem.message
                self.problem_box = problem_dialog(self, self.problem_box, message)
            else:
                message = self.tr("Something went wrong: {error}. Details are in the log.").format(
                    error=describe_bug(error)
                )
        self.statusBar().showMessage(message, 12_000)
        if self.compact.isVisible():
            self.compact.show_message(message)
        self.last_error = message

    # -- shutdown -----------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            # Contents grew (a longer figure in the shift bar, a translation): the window
            # grows with them rather than cutting them.
            need = self.size().expandedTo(self.minimumSizeHint())
            if need != self.size():
                self.resize(need)
        return handled

    def _arrange_script_and_rapport(self) -> None:
        row = self.top_row
        side_by_side = (
            self.script_box.minimumSizeHint().width()
            + self.rapport_box.minimumSizeHint().width()
            + row.handleWidth()
        )
        have = self.lead_scroll.viewport().width()
        wanted = Qt.Orientation.Horizontal if have >= side_by_side else Qt.Orientation.Vertical
        if row.orientation() != wanted:
            row.setOrientation(wanted)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            # Keyboard first: arrows walk the list and Enter dials from the start.
            self.calllist.table.setFocus()

    def show_history(self, shown: bool) -> None:
        """The history panel on or off (View > History): off, the window fits a smaller
        screen; the lead card still shows the last attempt."""
        self.history_box.setVisible(shown)
        self.history_action.setChecked(shown)

    def fit_to(self, available: QRect | None = None) -> None:
        """Size the window to the screen's available area (or `available`): its preferred
        size where there is room, never larger than the screen."""
        screen_fit.place(self, PREFERRED_SIZE, available)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        self.runner.shutdown()
        if self.change_watch is not None:
            self.change_watch.stop()
        self.tray.hide()
        self.compact.close()
        if self._supervisor is not None:
            self._supervisor.close()
        super().closeEvent(event)
