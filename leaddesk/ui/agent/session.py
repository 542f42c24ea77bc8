"""The agent's work in the window, with one owner: the lead selected in the list, the lead
on the card, the dial pending on it (the wrap-up rule: one at a time), and the outcome
just logged (undoable until the next dial).

`AgentSession` talks only to the backend (on the task runner's threads), the dialer it
hands numbers to, and the application's `Events`; it holds no widget. Widgets follow its
signals instead of keeping copies of its state, so the card cannot drift from the lead
the outcome keys log on, and a pending call's card cannot show another lead.

The loop it runs: `select` a lead (the card loads; during a call other leads are only
previewed), `dial` (the pending record first, then the hand-off; a hand-off that fails
takes the record back), `log` the outcome (the list refreshes and the next lead is
selected), `undo` it while it is the last thing done.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from leaddesk.dialer.base import Dialer, DialError
from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.services.dnc import DncRemoved
from leaddesk.services.leads import LeadDetail
from leaddesk.services.outcomes import LoggedOutcome, PendingDial, UndoneOutcome
from leaddesk.ui.backend import Backend
from leaddesk.ui.events import Events
from leaddesk.ui.tasks import TaskRunner
from leaddesk.ui.timefmt import relative_text
from leaddesk.ui.vocabulary import channel_name, outcome_label


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


class AgentSession(QObject):
    # The lead on the card (a LeadDetail), or None when no lead is selected.
    card_changed = Signal(object)
    # The card's lead could not be read (the words to show instead).
    card_failed = Signal(str)
    # A lead is being loaded onto the card: (lead id, whether it is another lead than
    # the one shown; the script's variant starts over then).
    card_loading = Signal(str, bool)
    # A consent change was refused: the card's consent goes back to this detail.
    consent_reverted = Signal(object)
    # A dial started or was wrapped up: (PendingDial or None, whether what the agent
    # typed for it is kept: a recovered or reopened call).
    pending_changed = Signal(object, bool)
    # Whether Enter may dial now: (can dial, the words saying why or why not, whether
    # "call anyway" is offered).
    dial_state_changed = Signal(bool, str, bool)
    # Another lead's detail while a call pins the card (None: no preview).
    preview_changed = Signal(object)
    # A dial was handed to the dialer: (PendingDial, the detail dialed, the reason given
    # for calling a lead before its planned time, or "").
    dial_started = Signal(object, object, str)
    # The dialer refused the number: (the words, the number to dial by hand).
    dial_failed = Signal(str, str)
    # An outcome was saved by this session (a LoggedOutcome) or taken back (UndoneOutcome).
    logged = Signal(object)
    undone = Signal(object)
    # Calls left pending by an earlier run: (the first one, how many there were).
    recovered = Signal(object, int)
    # A line for the status bar, and for how many milliseconds.
    message = Signal(str, int)
    # Something went wrong (an exception, or the words): the window says what to do.
    problem = Signal(object)
    # The list and the shift's figures should be read again.
    stale = Signal()

    def __init__(
        self,
        backend: Backend,
        dialer: Dialer,
        runner: TaskRunner,
        events: Events,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.dialer = dialer
        self.runner = runner
        self.events = events
        self._detail: LeadDetail | None = None
        self._pending: PendingDial | None = None
        self.last_logged: LoggedOutcome | None = None
        self.selected = ""  # the lead selected in the list (may differ from the card's)
        self._loading: str | None = None
        self._preview: str | None = None
        self.dialing = False  # a start_dial is on its way
        self.logging = False  # an outcome is being saved

    # -- state ----------------------------------------------------------------------------

    @property
    def detail(self) -> LeadDetail | None:
        return self._detail

    @property
    def pending(self) -> PendingDial | None:
        return self._pending

    def pins_card(self, lead_id: str) -> bool:
        """A pending call keeps the card on its lead: `lead_id` may only be previewed."""
        return self._pending is not None and self._pending.lead_id != lead_id

    def fail(self, error: BaseException | str) -> None:
        self.problem.emit(error)

    def say(self, text: str, ms: int) -> None:
        self.message.emit(text, ms)

    def _show(self, detail: LeadDetail | None) -> None:
        self._detail = detail
        self.card_changed.emit(detail)
        self._dial_state()

    def _dial_state(self) -> None:
        detail = self._detail
        if self._pending is not None:
            self.dial_state_changed.emit(False, "", False)
        elif detail is None:
            self.dial_state_changed.emit(False, self.tr("Select a lead to call."), False)
        elif not dial_allowed(detail)[0]:
            reason = dial_allowed(detail)[1]
            if may_call_anyway(detail):
                words = self.tr("Later: {reason}").format(reason=reason)
                self.dial_state_changed.emit(False, words, True)
            else:
                words = self.tr("Blocked: {reason}").format(reason=reason)
                self.dial_state_changed.emit(False, words, False)
        else:
            words = self.tr("Ready to call {name} at {number}.").format(
                name=detail.name, number=detail.phone_national
            )
            self.dial_state_changed.emit(True, words, False)

    # -- the card -------------------------------------------------------------------------

    def select(self, lead_id: str) -> None:
        """The agent selected `lead_id` in the list ("" for none)."""
        self.selected = lead_id
        if self.pins_card(lead_id):
            # The call pins the card, script and keys: other leads are only previewed.
            self._show_preview(lead_id)
            return
        self._hide_preview()
        if not lead_id:
            self._loading = None
            self._show(None)
            self.events.lead_changed.emit("")
            return
        self.load(lead_id, new_lead=self._detail is None or self._detail.lead_id != lead_id)

    def load(self, lead_id: str, new_lead: bool = True) -> None:
        """Read `lead_id` onto the card (again, when `new_lead` is False)."""
        self._loading = lead_id
        backend = self.backend

        def done(detail: LeadDetail) -> None:
            if self._loading != lead_id or self.pins_card(lead_id):
                return  # another lead was asked for, or a call started meanwhile
            self._show(detail)
            self.events.lead_changed.emit(lead_id)

        def failed(exc: BaseException) -> None:
            if self._loading == lead_id:
                self._detail = None
                self.card_failed.emit(str(exc))
                self._dial_state()

        self.runner.run(lambda: backend.detail(lead_id), done, failed, name="lead.detail")
        self.card_loading.emit(lead_id, new_lead)

    def reload(self) -> None:
        """Read the card's lead again (settings or rules changed)."""
        if self._detail is not None:
            self.load(self._detail.lead_id, new_lead=False)

    def _show_preview(self, lead_id: str) -> None:
        self._preview = lead_id
        if not lead_id:
            self.preview_changed.emit(None)
            return
        backend = self.backend

        def done(detail: LeadDetail) -> None:
            if self._preview == lead_id and self._pending is not None:
                self.preview_changed.emit(detail)

        self.runner.run(lambda: backend.detail(lead_id), done, name="lead.preview")

    def _hide_preview(self) -> None:
        if self._preview is not None:
            self._preview = None
            self.preview_changed.emit(None)

    def set_consent(self, lead_id: str, basis: str, source: str) -> None:
        """Record the lead's consent basis; its rules, reason and place in the list follow."""
        backend = self.backend

        def done(_result: None) -> None:
            self.say(self.tr("Consent recorded"), 5000)
            self.stale.emit()
            if self._detail is not None and self._detail.lead_id == lead_id:
                self.load(lead_id, new_lead=False)

        def failed(exc: BaseException) -> None:
            self.say(str(exc), 15_000)
            if self._detail is not None and self._detail.lead_id == lead_id:
                self.consent_reverted.emit(self._detail)

        self.runner.run(
            lambda: backend.set_consent(lead_id, basis, source), done, failed, name="lead.consent"
        )

    def dnc_remove(self, number: str, reason: str, lead_id: str) -> None:
        """`number` off the do-not-call list, with why (audited)."""
        backend = self.backend

        def done(removed: DncRemoved) -> None:
            self.say(
                self.tr("{number} is off the do-not-call list ({reason}).").format(
                    number=removed.phone_e164, reason=removed.reason
                ),
                10_000,
            )
            self.load(lead_id, new_lead=False)
            self.stale.emit()

        self.runner.run(lambda: backend.dnc_remove(number, reason), done, self.fail, name="dnc")

    # -- the pending dial -----------------------------------------------------------------

    def _set_pending(self, pending: PendingDial | None, keep_inputs: bool = False) -> None:
        self._pending = pending
        if pending is not None:
            self.last_logged = None  # a new call: the last outcome is no longer undoable
        self.pending_changed.emit(pending, keep_inputs)
        self.events.dial_state_changed.emit(pending)
        self._dial_state()
        if pending is None:
            self._hide_preview()
            # Wrapped up: the lead selected meanwhile comes to the card.
            selected = self.selected
            if selected and (self._detail is None or self._detail.lead_id != selected):
                self.load(selected)

    def recover(self) -> None:
        """Calls an earlier run left without an outcome: the first is pending again."""

        def done(pending: list[PendingDial]) -> None:
            if not pending:
                return
            dial = pending[0]
            self._set_pending(dial, keep_inputs=True)
            self.recovered.emit(dial, len(pending))
            if len(pending) > 1:
                text = self.tr(
                    "Wrap up the call to {name} that was not logged (%n calls were not logged).",
                    "",
                    len(pending),
                )
            else:
                text = self.tr("Wrap up the call to {name} that was not logged.")
            self.say(text.format(name=dial.lead_name), 15_000)

        self.runner.run(self.backend.pending_dials, done, name="pending_dials")

    def dial(self, script_id: str | None = None, anyway_reason: str | None = None) -> None:
        """Dial the lead on the card: the pending record first, then the hand-off. A
        hand-off that fails takes the record back (no call happened) and says so until
        dismissed. `anyway_reason`: a lead planned for later, called now in its hours."""
        if self._pending is not None:
            self.fail(
                self.tr("Log the outcome of the call to {name} first.").format(
                    name=self._pending.lead_name
                )
            )
            return
        detail = self._detail
        if detail is None or self.dialing:
            return
        allowed, why = dial_allowed(detail)
        if anyway_reason is not None:
            allowed = may_call_anyway(detail)
        if not allowed or not detail.phone_e164:
            self.fail(
                self.tr("{name} cannot be called now: {reason}").format(
                    name=detail.name, reason=why or detail.reason
                )
            )
            return
        backend, lead_id = self.backend, detail.lead_id
        self.dialing = True

        def started(pending: PendingDial) -> None:
            try:
                self.dialer.dial(pending.phone_e164 or "", pending.lead_id)
            except DialError as exc:
                # Not a call: the record goes (the next dial waits for that), and the
                # message stays until dismissed.
                self.runner.run(
                    lambda: backend.cancel_dial(pending.attempt_id),
                    lambda _none: setattr(self, "dialing", False),
                    failed,
                    name="cancel_dial",
                )
                self.dial_failed.emit(
                    self.tr("The call to {name} did not start: {error}.").format(
                        name=pending.lead_name, error=exc
                    ),
                    pending.phone_e164 or "",
                )
                return
            self.dialing = False
            self._set_pending(pending)
            self.dial_started.emit(pending, detail, anyway_reason or "")

        def failed(exc: BaseException) -> None:
            self.dialing = False
            self.fail(exc)

        self.runner.run(
            lambda: backend.start_dial(lead_id, script_id), started, failed, name="start_dial"
        )

    # -- outcomes -------------------------------------------------------------------------

    def log(self, lead_id: str, code: str, **kwargs: Any) -> None:
        """Save the outcome `code` on `lead_id` (the backend's `log` arguments); the call
        pending on it is wrapped up."""
        if self.logging:
            return
        info = OUTCOMES[code]
        backend = self.backend
        self.logging = True

        def work() -> LoggedOutcome:
            return backend.log(lead_id, code, **kwargs)

        def done(result: LoggedOutcome) -> None:
            self.logging = False
            self.last_logged = result
            if self._pending is not None and self._pending.lead_id == lead_id:
                self._set_pending(None)
            nxt = self.tr("no further touch (cadence ended)")
            if result.next_action_at is not None:
                nxt = self.tr("next: {channel} {when}").format(
                    channel=channel_name(result.next_channel or "phone"),
                    when=relative_text(result.next_action_at, backend.now),
                )
            self.say(
                self.tr("Saved “{outcome}” · {next} · Ctrl+Z undoes").format(
                    outcome=outcome_label(info.label), next=nxt
                ),
                10_000,
            )
            self.events.outcome_recorded.emit(result)
            self.logged.emit(result)
            self.stale.emit()

        def failed(exc: BaseException) -> None:
            self.logging = False
            self.fail(exc)

        self.runner.run(work, done, failed, name="log_outcome")

    def undo(self) -> None:
        """Take back the last outcome (Ctrl+Z) while its lead is still the current one:
        until the next dial or outcome. A superseding correction, never a delete."""
        logged = self.last_logged
        if logged is None or self.logging:
            self.fail(self.tr("Nothing to undo: no outcome logged since the last dial."))
            return
        if self._pending is not None:
            self.fail(self.tr("Log the call in progress first."))
            return
        backend = self.backend
        self.logging = True

        def done(undone: UndoneOutcome) -> None:
            self.logging = False
            self.last_logged = None
            label = outcome_label(OUTCOMES[undone.outcome].label)
            if undone.reopened is not None:
                self._set_pending(undone.reopened, keep_inputs=True)
                text = self.tr("Took back “{outcome}”: the call is open again, log its outcome.")
            else:
                text = self.tr("Took back “{outcome}”.")
            if undone.dnc_removed:
                text += " " + self.tr("{number} is off the do-not-call list again.").format(
                    number=undone.dnc_removed
                )
            self.say(text.format(outcome=label), 10_000)
            self.undone.emit(undone)
            self.stale.emit()

        def failed(exc: BaseException) -> None:
            self.logging = False
            self.fail(exc)

        self.runner.run(lambda: backend.undo(logged), done, failed, name="undo")
