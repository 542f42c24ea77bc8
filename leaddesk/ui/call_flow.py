"""Dialing and logging, the loop the agent window drives: one dial pending at a time
(the wrap-up rule), the number handed to the dialer, and the outcome logged through the
services with the note, talk and ring time, the callback time and the script used; then
the list refreshes and the next lead is selected.

The window's `AgentSession` holds the state the rest of it reads (the card's lead, the
pending dial, the outcome just logged); this module holds only what a dial, a log or an
undo in flight needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from leaddesk.dialer.base import DialError
from leaddesk.domain.outcomes import OUTCOMES, Channel, default_channel
from leaddesk.services.dnc import DncRemoved
from leaddesk.services.leads import LeadDetail
from leaddesk.services.outcomes import LoggedOutcome, PendingDial, UndoneOutcome
from leaddesk.ui.outcome_bar import CALL_OUTCOMES
from leaddesk.ui.outcome_dialogs import (
    CallAnywayDialog,
    DncConfirm,
    DncRemoveDialog,
    ManualCallDialog,
)
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

    def dial(self, anyway_reason: str | None = None) -> None:
        """Start a dial: the pending record first, then the hand-off. A hand-off that
        fails takes the record back (no call happened) and says so until dismissed.
        `anyway_reason`: a lead planned for later, called now inside its hours."""
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
        allowed, why = dial_allowed(detail)
        if anyway_reason is not None:
            allowed = may_call_anyway(detail)
        if not allowed or not detail.phone_e164:
            w.show_error(
                self.tr("{name} cannot be called now: {reason}").format(
                    name=detail.name, reason=why or detail.reason
                )
            )
            return
        script = w.script.script
        script_id = script.script_id if script else None
        backend, lead_id = w.backend, detail.lead_id
        self.dialing = True

        def started(pending: PendingDial) -> None:
            try:
                w.dialer.dial(pending.phone_e164 or "", pending.lead_id)
            except DialError as exc:
                # Not a call: the record goes (the next dial waits for that), and the
                # message stays until dismissed.
                w.runner.run(
                    lambda: backend.cancel_dial(pending.attempt_id),
                    lambda _none: setattr(self, "dialing", False),
                    failed,
                    name="cancel_dial",
                )
                w.outcomes.show_alert(
                    self.tr("The call to {name} did not start: {error}.").format(
                        name=pending.lead_name, error=exc
                    ),
                    pending.phone_e164 or "",
                )
                return
            self.dialing = False
            w.outcomes.dismiss_alert()
            w.set_pending(pending)  # the last outcome is no longer undoable
            if getattr(w.dialer, "name", "") == "manual":
                w.outcomes.show_manual_number(detail.phone_national, pending.phone_e164 or "")
            if anyway_reason:
                w.outcomes.note.setText(
                    self.tr("Called before the planned time: {reason}").format(reason=anyway_reason)
                )

        def failed(exc: BaseException) -> None:
            self.dialing = False
            w.show_error(exc)

        w.runner.run(
            lambda: backend.start_dial(lead_id, script_id), started, failed, name="start_dial"
        )

    def _ask(self, dialog: QDialog) -> None:
        """Open a question; when answered, the keyboard is back on the call list."""
        w = self.window
        w.open_dialog = dialog

        def back(_result: int) -> None:
            w.activateWindow()
            w.calllist.table.setFocus()

        dialog.finished.connect(back)
        dialog.open()

    def call_anyway(self) -> None:
        w = self.window
        detail = w.detail
        if detail is None or w.pending is not None or not may_call_anyway(detail):
            return
        dialog = CallAnywayDialog(detail.name, w)
        dialog.accepted.connect(
            lambda: self.dial(anyway_reason=dialog.reason.text().strip() or "—")
        )
        self._ask(dialog)

    def dnc_remove(self) -> None:
        """The card's number off the do-not-call list, with why (audited)."""
        w = self.window
        detail = w.detail
        if detail is None or not detail.do_not_call or not detail.phone_e164:
            w.show_error(self.tr("The lead on the card is not on the do-not-call list."))
            return
        dialog = DncRemoveDialog(detail.name, detail.phone_e164, w)
        backend, number, lead_id = w.backend, detail.phone_e164, detail.lead_id

        def remove() -> None:
            reason = dialog.reason.text().strip()

            def done(removed: DncRemoved) -> None:
                w.statusBar().showMessage(
                    self.tr("{number} is off the do-not-call list ({reason}).").format(
                        number=removed.phone_e164, reason=removed.reason
                    ),
                    10_000,
                )
                w._load_lead(lead_id, new_lead=False)
                w.refresh()

            w.runner.run(lambda: backend.dnc_remove(number, reason), done, name="dnc_remove")

        dialog.accepted.connect(remove)
        self._ask(dialog)

    def log_elsewhere(self) -> None:
        """A call made outside LeadDesk, recorded after the fact (marked manual)."""
        w = self.window
        detail = w.detail
        if detail is None:
            w.show_error(self.tr("Select a lead first."))
            return
        dialog = ManualCallDialog(detail.name, w.backend.now, w)
        dialog.accepted.connect(
            lambda: self._save(
                detail.lead_id,
                dialog.code(),
                note=dialog.note.text().strip(),
                at=dialog.at(),
                manual=True,
            )
        )
        self._ask(dialog)

    def log_outcome(self, code: str, confirmed_reason: str | None = None) -> None:
        w = self.window
        if self.logging:
            return
        info = OUTCOMES[code]
        lead_id = w.pending.lead_id if w.pending else (w.detail.lead_id if w.detail else None)
        if lead_id is None:
            w.show_error(self.tr("Select a lead first."))
            return
        if code in CALL_OUTCOMES and w.pending is None:
            w.show_error(
                self.tr(
                    "No call in progress: dial first (Enter), or record a call made "
                    "elsewhere (Lead > Log a call made elsewhere…, Ctrl+Shift+L)."
                )
            )
            return
        if code == "do_not_call" and confirmed_reason is None:
            name = w.pending.lead_name if w.pending else (w.detail.name if w.detail else "")
            number = w.detail.phone_national if w.detail else ""
            dialog = DncConfirm(name, number, w)
            dialog.reason.setText(w.outcomes.note.text().strip())
            dialog.accepted.connect(lambda: self.log_outcome(code, dialog.reason.text().strip()))
            self._ask(dialog)
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
        channel = default_channel(code)
        if code == "do_not_call" and w.pending is None:
            # Asked in writing (no call is in progress): not a dial.
            nxt = w.detail.next_channel if w.detail else None
            channel = Channel(nxt) if nxt in ("email", "sms", "social") else Channel.EMAIL
        phone = channel is Channel.PHONE
        note, duration = w.outcomes.note.text().strip(), w.outcomes.duration_s()
        if confirmed_reason:
            note = confirmed_reason
        self._save(
            lead_id,
            code,
            note=note,
            channel=channel,
            duration_s=duration if phone else None,
            callback_at=callback_at,
            script_id=script.script_id if script else None,
            script_words=script.words if script else None,
            ring_s=w.softphone.ring_s(lead_id) if phone else None,
        )

    def _save(self, lead_id: str, code: str, **kwargs: Any) -> None:
        w = self.window
        info = OUTCOMES[code]
        row = w.model.row_of(lead_id)
        backend = w.backend
        self.logging = True

        def work() -> LoggedOutcome:
            return backend.log(lead_id, code, **kwargs)

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
                self.tr("Saved “{outcome}” · {next} · Ctrl+Z undoes").format(
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

    def undo(self) -> None:
        """Take back the last outcome (Ctrl+Z) while its lead is still the current one:
        until the next dial or outcome. A superseding correction, never a delete."""
        w = self.window
        logged = w.last_logged
        if logged is None or self.logging:
            w.show_error(self.tr("Nothing to undo: no outcome logged since the last dial."))
            return
        if w.pending is not None:
            w.show_error(self.tr("Log the call in progress first."))
            return
        backend = w.backend
        self.logging = True

        def done(undone: UndoneOutcome) -> None:
            self.logging = False
            w.last_logged = None
            label = outcome_label(OUTCOMES[undone.outcome].label)
            if undone.reopened is not None:
                w.set_pending(undone.reopened, reopened=True)
                text = self.tr("Took back “{outcome}”: the call is open again, log its outcome.")
            else:
                text = self.tr("Took back “{outcome}”.")
            if undone.dnc_removed:
                text += " " + self.tr("{number} is off the do-not-call list again.").format(
                    number=undone.dnc_removed
                )
            w.statusBar().showMessage(text.format(outcome=label), 10_000)
            w.select_after = None
            if not w.calllist.select_lead(undone.lead_id):
                w._load_lead(undone.lead_id)
            else:
                w._load_lead(undone.lead_id, new_lead=False)
            w.refresh()

        def failed(exc: BaseException) -> None:
            self.logging = False
            w.show_error(exc)

        w.runner.run(lambda: backend.undo(logged), done, failed, name="undo")


def may_call_anyway(detail: LeadDetail) -> bool:
    """A lead planned for later may be called now inside its calling hours; never one
    blocked by law, the do-not-call list or a cap (those are in "blocked")."""
    return detail.section == "later" and detail.hours_open and bool(detail.phone_e164)


def dial_allowed(detail: LeadDetail) -> tuple[bool, str]:
    """Whether Enter may dial the lead now, and the reason when not."""
    if not detail.callable:
        return False, detail.reason
    if detail.next_channel in ("email", "sms", "social") and not detail.hours_open:
        return False, detail.hours_reason or detail.reason
    return True, ""
