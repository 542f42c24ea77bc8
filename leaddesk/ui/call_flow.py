"""Dialing and logging, the loop the agent window drives: one dial pending at a time
(the wrap-up rule), the number handed to the dialer, and the outcome logged through the
services with the note, talk and ring time, the callback time and the script used; then
the list refreshes and the next lead is selected.

The window holds the state the rest of it reads (`pending`, `last_logged`, the row to
select after the refresh); this module holds only what a dial or a log in flight needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from leaddesk.dialer.base import DialError
from leaddesk.domain.outcomes import OUTCOMES, default_channel
from leaddesk.services.outcomes import LoggedOutcome, PendingDial
from leaddesk.ui.timefmt import relative_text
from leaddesk.ui.vocabulary import channel_name, outcome_label

if TYPE_CHECKING:
    from leaddesk.ui.main_window import MainWindow


class CallFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialing = False  # a start_dial is on its way
        self.logging = False  # an outcome is being saved

    def dial(self) -> None:
        w = self.window
        if w.pending is not None:
            w.show_error(
                self.tr("Log the outcome of the call to {name} first.").format(
                    name=w.pending.lead_name
                )
            )
            return
        detail = w.detail
        if detail is None or self.dialing:
            return
        if not detail.callable or not detail.phone_e164:
            w.show_error(
                self.tr("{name} cannot be called now: {reason}").format(
                    name=detail.name, reason=detail.reason
                )
            )
            return
        script = w.script.script
        script_id = script.script_id if script else None
        backend, lead_id = w.backend, detail.lead_id
        self.dialing = True

        def started(pending: PendingDial) -> None:
            self.dialing = False
            w.set_pending(pending)
            try:
                w.dialer.dial(pending.phone_e164 or "", pending.lead_id)
            except DialError as exc:
                w.outcomes.state.setText(
                    self.tr("{error}. The number is copied: <b>{number}</b>").format(
                        error=exc, number=detail.phone_national
                    )
                )
                w.copy(pending.phone_e164 or "")

        def failed(exc: BaseException) -> None:
            self.dialing = False
            w.show_error(exc)

        w.runner.run(
            lambda: backend.start_dial(lead_id, script_id), started, failed, name="start_dial"
        )

    def log_outcome(self, code: str) -> None:
        w = self.window
        if self.logging:
            return
        info = OUTCOMES[code]
        lead_id = w.pending.lead_id if w.pending else (w.detail.lead_id if w.detail else None)
        if lead_id is None:
            w.show_error(self.tr("Select a lead first."))
            return
        if w.pending is not None and default_channel(code).value != "phone":
            w.show_error(
                self.tr("Log the call to {name} first (“{outcome}” is not a call outcome).").format(
                    name=w.pending.lead_name, outcome=outcome_label(info.label)
                )
            )
            return
        callback_at = None
        if code == "callback":
            callback_at = w.picker.value()
            if callback_at is None:
                w.picker.tomorrow.setFocus()
                w.show_error(
                    self.tr(
                        "Pick the callback time first: Alt+T tomorrow at this time, "
                        "Alt+2 in 2 hours, or a date."
                    )
                )
                return
            if not w.picker.is_ok():
                w.show_error(
                    self.tr(
                        "The callback time is outside the lead's calling hours "
                        "(or still being checked): pick another."
                    )
                )
                return
        script = w.script.script if code == "voicemail_left" else None
        phone = default_channel(code).value == "phone"
        note, duration = w.outcomes.note.text().strip(), w.outcomes.duration_s()
        ring_s = w.softphone.ring_s(lead_id) if phone else None
        row = w.model.row_of(lead_id)
        backend = w.backend
        self.logging = True

        def work() -> LoggedOutcome:
            return backend.log(
                lead_id,
                code,
                note=note,
                duration_s=duration if phone else None,
                callback_at=callback_at,
                script_id=script.script_id if script else None,
                script_words=script.words if script else None,
                ring_s=ring_s,
            )

        def done(result: LoggedOutcome) -> None:
            self.logging = False
            w.last_logged = result
            if w.pending is not None and w.pending.lead_id == lead_id:
                w.set_pending(None)
            w.outcomes.clear_inputs()
            w.picker.set_lead(None)
            nxt = self.tr("no further touch (cadence ended)")
            if result.next_action_at is not None:
                nxt = self.tr("next: {channel} {when}").format(
                    channel=channel_name(result.next_channel or "phone"),
                    when=relative_text(result.next_action_at, backend.now),
                )
            w.statusBar().showMessage(
                self.tr("Saved “{outcome}” · {next}").format(
                    outcome=outcome_label(info.label), next=nxt
                ),
                10_000,
            )
            w.events.outcome_recorded.emit(result)
            w.select_after = (row if row is not None else 0, lead_id)
            w.notes.reset_variant()
            w.refresh()

        def failed(exc: BaseException) -> None:
            self.logging = False
            w.show_error(exc)

        w.runner.run(work, done, failed, name="log_outcome")
