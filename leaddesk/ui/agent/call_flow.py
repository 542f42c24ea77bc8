"""What the agent's keys ask of the session, read from the widgets they come from: the
script a dial uses; an outcome's note, talk and ring time, callback time and script; and
the questions some of them need first (do-not-call, call anyway, a call made elsewhere,
a number off the do-not-call list).

The state (the card's lead, the pending dial, the outcome just logged) is the session's
(`session.AgentSession`); this module reads it and never keeps a copy.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from leaddesk.domain.outcomes import OUTCOMES, Channel, default_channel
from leaddesk.ui.agent.session import AgentSession, may_call_anyway
from leaddesk.ui.callback_picker import CallbackPicker
from leaddesk.ui.outcome_bar import CALL_OUTCOMES, OutcomeBar
from leaddesk.ui.outcome_dialogs import (
    CallAnywayDialog,
    DncConfirm,
    DncRemoveDialog,
    ManualCallDialog,
)
from leaddesk.ui.script_panel import ScriptPanel
from leaddesk.ui.vocabulary import outcome_label


class CallFlow(QObject):
    def __init__(
        self,
        session: AgentSession,
        bar: OutcomeBar,
        picker: CallbackPicker,
        script: ScriptPanel,
        ring_s: Callable[[str], int | None],
        ask: Callable[[QDialog], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.bar, self.picker, self.script = bar, picker, script
        self._ring_s = ring_s  # the ringing seconds of the ended call to a lead
        self._ask = ask  # opens a question; the keyboard goes back to the list after
        self._parent = parent  # the questions' parent window
        session.dial_started.connect(self._on_dial_started)
        session.dial_failed.connect(bar.show_alert)

    def dial(self, anyway_reason: str | None = None) -> None:
        script = self.script.script
        self.session.dial(script.script_id if script else None, anyway_reason)

    def _on_dial_started(self, pending: object, detail: object, anyway_reason: str) -> None:
        self.bar.dismiss_alert()
        if getattr(self.session.dialer, "name", "") == "manual":
            national = getattr(detail, "phone_national", "")
            self.bar.show_manual_number(national, getattr(pending, "phone_e164", "") or "")
        if anyway_reason:
            self.bar.note.setText(
                self.tr("Called before the planned time: {reason}").format(reason=anyway_reason)
            )

    def call_anyway(self) -> None:
        s = self.session
        detail = s.detail
        if detail is None or s.pending is not None or not may_call_anyway(detail):
            return
        dialog = CallAnywayDialog(detail.name, self._parent)
        dialog.accepted.connect(
            lambda: self.dial(anyway_reason=dialog.reason.text().strip() or "—")
        )
        self._ask(dialog)

    def dnc_remove(self) -> None:
        """The card's number off the do-not-call list, with why (audited)."""
        detail = self.session.detail
        if detail is None or not detail.do_not_call or not detail.phone_e164:
            self.session.fail(self.tr("The lead on the card is not on the do-not-call list."))
            return
        dialog = DncRemoveDialog(detail.name, detail.phone_e164, self._parent)
        number, lead_id = detail.phone_e164, detail.lead_id
        dialog.accepted.connect(
            lambda: self.session.dnc_remove(number, dialog.reason.text().strip(), lead_id)
        )
        self._ask(dialog)

    def log_elsewhere(self) -> None:
        """A call made outside LeadDesk, recorded after the fact (marked manual)."""
        s = self.session
        detail = s.detail
        if detail is None:
            s.fail(self.tr("Select a lead first."))
            return
        dialog = ManualCallDialog(detail.name, s.backend.now, self._parent)
        dialog.accepted.connect(
            lambda: s.log(
                detail.lead_id,
                dialog.code(),
                note=dialog.note.text().strip(),
                at=dialog.at(),
                manual=True,
            )
        )
        self._ask(dialog)

    def log_outcome(self, code: str, confirmed_reason: str | None = None) -> None:
        s = self.session
        if s.logging:
            return
        pending, detail = s.pending, s.detail
        info = OUTCOMES[code]
        lead_id = pending.lead_id if pending else (detail.lead_id if detail else None)
        if lead_id is None:
            s.fail(self.tr("Select a lead first."))
            return
        if code in CALL_OUTCOMES and pending is None:
            s.fail(
                self.tr(
                    "No call in progress: dial first (Enter), or record a call made "
                    "elsewhere (Lead > Log a call made elsewhere…, Ctrl+Shift+L)."
                )
            )
            return
        if code == "do_not_call" and confirmed_reason is None:
            name = pending.lead_name if pending else (detail.name if detail else "")
            number = detail.phone_national if detail else ""
            dialog = DncConfirm(name, number, self._parent)
            dialog.reason.setText(self.bar.note.text().strip())
            dialog.accepted.connect(lambda: self.log_outcome(code, dialog.reason.text().strip()))
            self._ask(dialog)
            return
        if pending is not None and default_channel(code).value != "phone":
            s.fail(
                self.tr("Log the call to {name} first (“{outcome}” is not a call outcome).").format(
                    name=pending.lead_name, outcome=outcome_label(info.label)
                )
            )
            return
        callback_at = None
        if code == "callback":
            callback_at = self.picker.value()
            if callback_at is None:
                self.picker.tomorrow.setFocus()
                s.fail(
                    self.tr(
                        "Pick the callback time first (Enter: tomorrow at this time, Alt+2: "
                        "in 2 hours, or a date), then press {key} again."
                    ).format(key=info.key)
                )
                return
            if not self.picker.is_ok():
                s.fail(
                    self.tr(
                        "The callback time is outside the lead's calling hours "
                        "(or still being checked): pick another."
                    )
                )
                return
        script = self.script.script if code == "voicemail_left" else None
        channel = default_channel(code)
        if code == "do_not_call" and pending is None:
            # Asked in writing (no call is in progress): not a dial.
            nxt = detail.next_channel if detail else None
            channel = Channel(nxt) if nxt in ("email", "sms", "social") else Channel.EMAIL
        phone = channel is Channel.PHONE
        note, duration = self.bar.note.text().strip(), self.bar.duration_s()
        if confirmed_reason:
            note = confirmed_reason
        s.log(
            lead_id,
            code,
            note=note,
            channel=channel,
            duration_s=duration if phone else None,
            callback_at=callback_at,
            script_id=script.script_id if script else None,
            script_words=script.words if script else None,
            ring_s=self._ring_s(lead_id) if phone else None,
        )
